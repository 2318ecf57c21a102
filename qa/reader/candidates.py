"""The phrases of a parsed sentence that could answer a question.

Named entities, noun phrases (with and without their article, with a following
prepositional phrase, as a whole coordinated list), the subtrees of nouns and of
prepositions' objects, adjectives in predicate position and verb phrases: constituents of
the parse, so an answer is never half a phrase. Each carries where it came from, for the
reader's features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..lexicon.currencies import CURRENCY_NAMES
from ..lexicon.units import UNITS
from ..numbers import is_day_or_month, is_year

MAX_TOKENS = 12
LONG_TOKENS = 25  # a list, a clause: longer answers of the kinds that run long
_LONG_SOURCES = frozenset({"list", "clause", "np_pp"})
_PURPOSE_MARKERS = frozenset({"so", "because", "since", "as", "to", "in", "due"})
_KEEP_EDGE = frozenset("$£€¥%)")
_RUN_ON_LABELS = frozenset("DATE TIME CARDINAL QUANTITY MONEY PERCENT ORDINAL".split())
_VP_PARTS = frozenset("dobj prep prt attr acomp xcomp oprd dative advmod npadvmod ccomp".split())
_VP_HEADS = frozenset("xcomp ccomp advcl pcomp conj relcl ROOT acl".split())
# A word after a number that belongs to its amount: a scale, a unit, a currency.
_AMOUNT_WORD = re.compile(
    "|".join(
        [r"%|thousand|million|billion|trillion|bn"]
        + [pattern for pattern, *_ in UNITS]
        + [pattern for pattern, _ in CURRENCY_NAMES]
    ),
    re.IGNORECASE,
)


def entities(doc: Doc) -> tuple[Span, ...]:
    """The recogniser's entities, with a name it cut after "of" joined again: "the First
    Affiliated Hospital of" and "Wenzhou Medical University" are one hospital."""
    out: list[Span] = []
    for ent in doc.ents:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == ent.start
            and last[-1].lower_ == "of"
            and last.label_ == ent.label_
        ):
            out[-1] = Span(doc, last.start, ent.end, label=ent.label_)
        else:
            out.append(ent)
    return tuple(out)


def candidates(
    doc: Doc, ents: tuple[Span, ...] | None = None
) -> dict[tuple[int, int], frozenset[str]]:
    """Token ranges ``(start, end)`` of ``doc`` that could be an answer, with their sources
    (``ents``: the sentence's :func:`entities`, when the caller has them)."""
    found: dict[tuple[int, int], set[str]] = {}
    ents = entities(doc) if ents is None else ents

    def add(start: int, end: int, source: str) -> None:
        while start < end and (doc[start].is_punct or doc[start].is_space):
            if doc[start].text in _KEEP_EDGE:
                break
            start += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ in ("POS", "CC")
        ):
            # A possessive's "'s" belongs to the phrase it modifies, not to the name; a
            # conjunction whose second conjunct the parser hung elsewhere ends no phrase
            # ("3.5 percent this year and").
            if doc[end - 1].text in _KEEP_EDGE and doc[end - 1].text != "(":
                break
            end -= 1
        if end <= start or end - start > (LONG_TOKENS if source in _LONG_SOURCES else MAX_TOKENS):
            return
        if source != "quote" and all(t.is_stop or t.is_punct for t in doc[start:end]):
            return  # a title in quotes may be all small words ("No, No, No")
        words = [t.text for t in doc[start:end]]
        if words.count("(") != words.count(")"):
            return  # half a bracket is no phrase
        while end < len(doc) and doc[end - 1].like_num and _AMOUNT_WORD.fullmatch(doc[end].text):
            end += 1  # "4.6 billion euros", "71.3%": a number is said with its unit
        found.setdefault((start, end), set()).add(source)

    for ent in ents:
        add(ent.start, ent.end, "ent")
        inner = next((t.i for t in ent[1:] if t.pos_ == "ADP"), None)
        if inner is not None and ent.label_ in _RUN_ON_LABELS:
            # "May 10 after five years": the recogniser ran on. A name or a title holds
            # its small words ("Bank of England", "The Night Mail to Hatherby").
            add(ent.start, inner, "ent")
    for chunk in doc.noun_chunks:
        add(chunk.start, chunk.end, "np")
        title = _title_before_name(chunk, ents)
        if title is not None:  # "epidemiologist Ines Halvorsen": what she is, alone
            add(*title, "np")
        if len(chunk) > 1 and chunk[0].dep_ in ("det", "poss"):
            add(chunk.start + 1, chunk.end, "np")
        for t in chunk[:-1]:
            if t.tag_ == "POS":  # "Uren Biotech's CAR-T technology": the thing, not whose
                add(t.i + 1, chunk.end, "np")
        root = chunk.root
        for child in root.children:
            if child.dep_ == "prep" and child.i >= chunk.end:
                end = _last(child) + 1
                add(chunk.start, end, "np_pp")
                if chunk[0].dep_ == "det":
                    add(chunk.start + 1, end, "np_pp")
        if any(c.dep_ == "conj" for c in root.children):
            add(_first(root), _last(root) + 1, "list")
        coordinated = _coordinated_end(root)
        if coordinated is not None:
            add(_first(root), coordinated, "list")
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN", "NUM") and t.dep_ != "compound":
            add(_first(t), _last(t) + 1, "subtree")
        if t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "conj", "attr", "oprd"):
            add(t.i, t.i + 1, "adj")
        if t.pos_ == "VERB" and t.dep_ in _VP_HEADS:
            parts = [c for c in t.children if c.dep_ in _VP_PARTS and c.i > t.i]
            if parts:
                add(t.i, max(_last(c) for c in parts) + 1, "vp")
        if t.dep_ == "pobj":
            add(_first(t), _last(t) + 1, "pobj")
        if is_year(t.text):
            add(t.i, t.i + 1, "year")
        if t.dep_ in ("advcl", "xcomp", "ccomp") and t.head.pos_ in ("VERB", "AUX"):
            # A clause of purpose or cause: "so as to ...", "because ...", "to ...".
            add(_first(t), _last(t) + 1, "clause")
        if t.dep_ == "prep" and t.lower_ in ("because", "due") and t.i > 0:
            add(t.i, _last(t) + 1, "clause")
        if t.pos_ in ("VERB", "AUX"):
            # "(in order) to escape the city lights": a purpose from its "to"
            marker = next((c for c in t.lefts if c.dep_ == "aux" and c.lower_ == "to"), None)
            if marker is not None and t.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp"):
                add(marker.i, _last(t) + 1, "clause")
    for start, end in _quoted(doc):
        add(start, end, "quote")
    for start, end in _titles(doc):
        add(start, end, "title")
    return {span: frozenset(sources) for span, sources in found.items()}


_DOUBLE_QUOTES = frozenset({'"', "“", "”"})
# Short words a title keeps in lower case between its capitalised words ("Dangerously in
# Love", "Center for Science in the Public Interest").
_TITLE_JOINERS = frozenset("of in the a an for on to at by with from de du la le von van".split())


def _quoted(doc: Doc) -> list[tuple[int, int]]:
    """What stands between a pair of double quotes: a song, a book, a phrase someone used,
    which the parser reads as words of the sentence and so cuts anywhere."""
    marks = [t.i for t in doc if t.text in _DOUBLE_QUOTES]
    return [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=False) if b > a + 1]


def _titles(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by short lower-case ones: the titles of works and
    the names of bodies that the recogniser cuts at the first small word ("Dangerously in
    Love" read as "Love"). A run with no small word inside is a name the recogniser and the
    noun phrases already give."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not _capitalised(doc[i]) or (i == 0 and doc[i].pos_ != "PROPN"):
            i += 1
            continue
        end = i + 1
        joined = False
        while end < len(doc):
            if _capitalised(doc[end]):
                end += 1
                continue
            k = end
            while k < len(doc) and doc[k].lower_ in _TITLE_JOINERS and doc[k].is_lower:
                k += 1
            if (
                k == end
                or k >= len(doc)
                or not _capitalised(doc[k])
                or is_day_or_month(doc[k].text)  # "aired on HBO on February 16"
            ):
                break
            joined, end = True, k + 1
        if joined:
            out.append((i, end))
            if doc[i].lower_ in ("the", "a", "an"):
                out.append((i + 1, end))
        i = end
    return out


def _capitalised(t: Token) -> bool:
    return t.text[:1].isupper() and (t.is_alpha or t.text.endswith("."))


def _title_before_name(chunk: Span, ents: Sequence[Span]) -> tuple[int, int] | None:
    """Where the common nouns stand that a noun phrase puts before the person it names
    ("chief executive" in "chief executive Marcus Adeyemi")."""
    person = next(
        (e for e in ents if e.label_ == "PERSON" and e.end == chunk.end and e.start > chunk.start),
        None,
    )
    if person is None or chunk.doc[person.start - 1].pos_ != "NOUN":
        return None
    start = person.start
    while (
        start > chunk.start
        and chunk.doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ")
        and not chunk.doc[start - 1].ent_type_  # "Uren chairman": a name, then the title
    ):
        start -= 1
    return start, person.start


def _coordinated_end(t: Token) -> int | None:
    """Where the coordination that ``t`` heads ends, at its last conjunct's own words:
    "Edwin and Samuel Greywater" without the ", who had trained ..." after it. A
    conjunct the parser hung beside the first ("Friedrich and Karl Brenner" read as
    two appositions) counts when the first has the "and"."""
    last = t
    while True:
        later = [c for c in last.children if c.dep_ == "conj" and c.i > last.i]
        if not later:
            break
        last = later[-1]
    if last is t:
        if not any(c.dep_ == "cc" and c.i > t.i for c in t.children):
            return None
        # A few words on: the second name of the pair, not a later phrase of the sentence.
        beside = [c for c in t.head.children if c.dep_ == t.dep_ and c.i > t.i and c.i - t.i <= 6]
        if not beside:
            return None
        last = beside[0]
    return last.i + 1


def _first(t: Token) -> int:
    return t.left_edge.i


def _last(t: Token) -> int:
    return t.right_edge.i
