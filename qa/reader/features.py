"""Features of a candidate phrase as the answer to a question.

Three kinds of evidence, as a reader weighs them: the phrase is of the kind asked for (its
entity label or its head noun against the question's wh-word and noun); it is not what the
question already says (its words are not the question's); and it stands where the question's
gap stands (near the question's words in the sentence, in the tree: the subject or object of
the question's verb, the object of its preposition, coordinated with or in apposition to a
word of the question). Cross features ("kind × label") let the fitted weights learn which
labels answer which kinds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..numbers import is_year
from ..reading.paths import ancestors, meeting, path
from ..reading.query import Query
from ..reading.question import kind_of_noun
from ..reading.words import fold, keys, lemma
from .candidates import entities

_PREPOSITIONS = frozenset("in on at by from to for with of as during since after before".split())
_NAMING = frozenset({"name", "call", "as", "title", "dub", "nickname"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def span_features(
    query: Query,
    doc: Doc,
    start: int,
    end: int,
    sources: frozenset[str],
    matched: list[int],
    ents: Sequence[Span] | None = None,
) -> dict[str, float]:
    """Features of ``doc[start:end]`` for ``query``; ``matched`` are the positions of the
    sentence's words that are the question's content words, ``ents`` the sentence's
    entities when the caller has them (spaCy makes them anew at each ``doc.ents``)."""
    q = query.question
    ents = entities(doc) if ents is None else ents
    span = doc[start:end]
    root = span.root
    f: dict[str, float] = {}
    label = _label(ents, start, end)
    f[f"k={q.kind}|l={label}"] = 1.0
    f[f"k={q.kind}|pos={root.pos_}"] = 1.0
    f[f"k={q.kind}|noun={kind_of_noun(root) or '-'}"] = 1.0
    f[f"wh={q.wh or '-'}|l={label}"] = 1.0
    for source in sources:
        f[f"src={source}"] = 1.0
    if q.labels:
        f["type_match"] = _type_match(ents, start, end, q.labels)
    words = [t for t in span if not t.is_punct]
    content = [t for t in words if not t.is_stop]
    f["len"] = min(len(words), 10) / 10
    f[f"len={min(len(words), 6)}"] = 1.0
    # The noun the wh-word asks about names the kind of answer ("Which river ..." answered
    # by "the River Wend"): having it is no sign of repeating the question.
    kind_word = lemma(q.head) if q.head is not None else None
    in_question = [
        (query.matches(t) or fold(t.text) in query.words) and lemma(t) != kind_word for t in content
    ]
    overlap = sum(in_question)
    f["q_overlap"] = overlap / (len(content) or 1)
    f["q_overlap_all"] = float(bool(content) and overlap == len(content))
    f["new_words"] = math.log1p(len(content) - overlap)
    f["root_in_q"] = float(query.matches(root) or fold(root.text) in query.words)
    f["edge_in_q"] = float(bool(in_question) and (in_question[0] or in_question[-1]))
    if start > 0 and lemma(doc[start - 1]) in _NAMING:
        f["after_naming"] = 1.0  # "a creature named Midna", "known as the Fair"
    if q.head is not None:
        head = lemma(q.head)
        f["has_head"] = float(any(lemma(t) == head for t in span))
        title = span[1] if span[0].pos_ == "DET" and len(span) > 2 else span[0]
        named = title.i < span[-1].i and span[-1].pos_ == "PROPN" and title.text[:1].isupper()
        # A title before a name ("King Alexander II", "River Wend") says what the person or
        # place is, where the recogniser may give no label; a product's name may begin with
        # a common noun without being one ("Game Boy").
        if q.kind in ("person", "place") and named and lemma(title) == head:
            f["type_match"] = 1.0
        f["root_is_head"] = float(lemma(root) == head)
        f["root_kind"] = float(kind_of_noun(root) == q.kind)
    if q.kind == "date":
        f["year_tok"] = float(end - start == 1 and is_year(doc[start].text))
    outside = [m for m in matched if not start <= m < end]
    f.update(_position(doc, start, end, root, outside, query))
    if start > 0 and end < len(doc):
        f["quoted"] = float(doc[start - 1].text in _QUOTES and doc[end].text in _QUOTES)
        f["paren"] = float(doc[start - 1].text == "(" and doc[end].text == ")")
    f["pronoun"] = float(root.pos_ == "PRON")
    f["starts_det"] = float(span[0].pos_ == "DET")
    f.update(_shape(doc, span, q.wh or "-", q.kind, sources))
    return f


def _shape(doc: Doc, span: Span, wh: str, kind: str, sources: frozenset[str]) -> dict[str, float]:
    """The phrase's edges and what stands beside it, by the wh-word: the fitted weights
    learn that a "when" answer follows "in" and a "who" answer comes before a comma or a
    verb, as the lexical features of feature-based readers do."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    f = {
        f"wh={wh}|first={span[0].pos_}": 1.0,
        f"wh={wh}|last={span[-1].pos_}": 1.0,
        f"wh={wh}|before={_neighbour(before, '^')}": 1.0,
        f"wh={wh}|after={_neighbour(after, '$')}": 1.0,
    }
    for source in sources:
        f[f"k={kind}|src={source}"] = 1.0
    return f


def _neighbour(t: Token | None, edge: str) -> str:
    """A word beside the phrase as the features name it: a function word or punctuation as
    itself, any other word by its part of speech."""
    if t is None:
        return edge
    return t.lower_ if t.pos_ in ("ADP", "PUNCT", "SCONJ", "PART") else t.pos_


def _label(ents: Sequence[Span], start: int, end: int) -> str:
    """The entity label of this span: of the entity it is, or whose head it is (an entity
    the recogniser ran on too far, "May 10 after five years"); "<LABEL>_in" when it holds
    an entity; "NONE"."""
    own = _own_entity(ents, start, end)
    if own is not None:
        return own.label_
    inside = [e for e in ents if e.start >= start and e.end <= end]
    return f"{inside[0].label_}_in" if inside else "NONE"


def _own_entity(ents: Sequence[Span], start: int, end: int) -> Span | None:
    """The entity the span is, or heads; the recogniser's "the" before a name ("the
    Wenzhou University") is no part of it."""
    return next(
        (
            e
            for e in ents
            if (e.start == start or (e[0].pos_ == "DET" and e.start + 1 == start < e.end))
            and end <= e.end
        ),
        None,
    )


def _type_match(ents: Sequence[Span], start: int, end: int, labels: frozenset[str]) -> float:
    own = _own_entity(ents, start, end)
    if own is not None and own.label_ in labels and not _bare_small_number(own):
        return 1.0
    inside = [e for e in ents if e.start >= start and e.end <= end]
    return 0.5 if any(e.label_ in labels and not _bare_small_number(e) for e in inside) else 0.0


def _bare_small_number(ent: Span) -> bool:
    """A date or time the recogniser found in a lone number of one to three digits ("Anna
    Berg, 52,"): an age or a count, since a date names a year, a month or a day."""
    return (
        ent.label_ in ("DATE", "TIME")
        and len(ent) == 1
        and ent[0].text.isdigit()
        and len(ent[0].text) <= 3
    )


def _position(
    doc: Doc, start: int, end: int, root: Token, outside: list[int], query: Query
) -> dict[str, float]:
    """Where the phrase stands relative to the question's words in the sentence."""
    q = query.question
    f: dict[str, float] = {}
    head = root.head
    near = set(outside)
    linked = [c for c in [*root.children, head] if c.i in near]
    f["conj_q"] = float(
        any(
            (c.dep_ == "conj" and c.head == root) or (root.dep_ == "conj" and head == c)
            for c in linked
        )
    )
    f["appos_q"] = float(
        any(
            (c.dep_ == "appos" and c.head == root)
            or (root.dep_ == "appos" and head == c)
            or c.dep_ == "compound"
            for c in linked
        )
    )
    head_matched = head.i in near or (head.pos_ == "ADP" and head.head.i in near)
    if root.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        # "X is <an academician ...>": what the text says the question's X is.
        f["says_what_q_is"] = float(
            any(c.dep_ in ("nsubj", "nsubjpass") and c.i in near for c in head.children)
        )
    f[f"rel={root.dep_}|gap={q.gap_role}|hm={int(head_matched)}"] = 1.0
    f[f"dep={root.dep_}|gap={q.gap_role}"] = 1.0
    if q.verb is not None:
        verb = lemma(q.verb)
        f["head_is_qverb"] = float(
            lemma(head) == verb or (head.pos_ == "ADP" and lemma(head.head) == verb)
        )
    if root.dep_ in ("pobj", "pcomp") and head.lower_ in _PREPOSITIONS:
        f[f"prep={head.lower_}|qprep={q.preposition or '-'}"] = 1.0
        if q.preposition:
            f["same_prep"] = float(head.lower_ == q.preposition)
    if not outside:
        f["no_match"] = 1.0
        return f
    distance = min(min(abs(m - start), abs(m - (end - 1))) for m in outside)
    f["dist"] = math.log1p(distance)
    # How many of the question's words stand just before and just after the phrase.
    share = 1 / len(set(outside))
    for width in (3, 8):
        f[f"win_l{width}"] = share * sum(start - width <= m < start for m in outside)
        f[f"win_r{width}"] = share * sum(end <= m < end + width for m in outside)
    own = _clause(root)
    f["same_clause"] = float(any(_clause(doc[m]) == own for m in outside))
    f["dist_inv"] = 1.0 / (1 + distance)
    f["left_frac"] = sum(1 for m in outside if m < start) / len(outside)
    up = ancestors(root)
    others = [ancestors(doc[m]) for m in outside]
    met = [sum(m) for theirs in others if (m := meeting(up, theirs)) is not None]
    steps = min(met, default=99)  # edges to the nearest question word in the tree
    f["tree"] = math.log1p(steps)
    f["tree_inv"] = 1.0 / (1 + steps)
    f.update(_paths(up, others, query))
    return f


_CLAUSE_DEPS = frozenset("ROOT ccomp advcl relcl conj xcomp acl".split())


def _clause(t: Token) -> int:
    """The position of the verb heading the clause ``t`` stands in (the root's if none)."""
    while not (t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX")) and t.head.i != t.i:
        t = t.head
    return t.i


def _paths(up: list[Token], others: list[list[Token]], query: Query) -> dict[str, float]:
    """The shortest tree path from the phrase to a word of the question (``others``: the
    question words' :func:`ancestors`), by the wh-word (the fitted weights learn which paths
    answer which questions), and whether the phrase stands to some word as the wh-phrase
    stands to it in the question."""
    f: dict[str, float] = {}
    shortest: str | None = None
    mirrored = False
    for theirs in others:
        found = path(up[0], theirs[0], up, theirs)
        if found is None:
            continue
        if shortest is None or len(found) < len(shortest):
            shortest = found
        voiced = _active(_relative(found, theirs[0]))
        mirrored = mirrored or any(
            (asked := query.gap_paths.get(k)) is not None and _active(asked) == voiced
            for k in keys(theirs[0])
        )
    if shortest is not None:
        f[f"wh={query.question.wh or '-'}|path={shortest}"] = 1.0
    f["path_mirrors_q"] = float(mirrored)
    return f


def _relative(found: str, verb: Token) -> str:
    """A path to a relative clause's verb from the noun it is said of, as the relative
    pronoun stands to that verb: "Dunmore, who won the cup" gives "Dunmore" as the subject
    of "won", as "Who won the cup?" asks."""
    if found != "|relcl":
        return found
    pronoun = next((c for c in verb.children if c.tag_ in ("WP", "WDT")), None)
    return f"{pronoun.dep_}|" if pronoun is not None else found


def _active(found: str) -> str:
    """A path as the active voice would have it: the agent of a passive verb ("established
    *by* the ruler") is its subject, its passive subject its object, so that "Who
    established the code?" finds its answer in "the code established by the ruler"."""
    if found.startswith("pobj^agent"):
        return "nsubj" + found[len("pobj^agent") :]
    if found.startswith("nsubjpass"):
        return "dobj" + found[len("nsubjpass") :]
    return found


def phrase(doc: Doc, start: int, end: int) -> Span:
    return doc[start:end]
