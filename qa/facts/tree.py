"""Reading the dependency parse: the verb a word belongs to, a verb's subject, a noun's
phrase, possessors and prepositional objects.

The small English model attaches some words wrongly in long sentences; the helpers here
repair two regular errors in general grammatical terms (a finite verb parsed as a clause
attached to its own subject, and a "which"/"that" subject standing for its antecedent).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from ..lexicon.discourse_words import REPORTING_VERBS
from ..lexicon.time_words import SUBORDINATORS

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
OBJECTS = ("dobj", "attr", "oprd", "dative")
# Children whose words do not belong in a noun's label: clauses, asides, punctuation.
_NOT_IN_PHRASE = ("relcl", "appos", "punct", "advcl", "parataxis", "mark")
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def span_of(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering characters ``start``-``end`` of ``doc``'s text."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # offsets inside white space: take the tokens that overlap
        toks = [t.i for t in doc if t.idx < end and t.idx + len(t) > start]
        span = doc[toks[0] : toks[-1] + 1] if toks else doc[0:1]
    return span


def is_verb(tok: Token) -> bool:
    """A verb or a copula heading its clause ("is" in "The lake is 9 kilometres long"); not
    a participle used as a preposition ("including", "compared with")."""
    if tok.pos_ == "VERB":
        return tok.dep_ != "prep"
    return tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "conj", "ccomp", "relcl", "advcl", "xcomp")


def is_finite(tok: Token) -> bool:
    return tok.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def clause_verb(tok: Token) -> Token | None:
    """The verb whose clause ``tok`` is in: ``tok`` itself when it is a verb, else the first
    verb up its chain of heads."""
    seen = 0
    while seen < 50:
        if is_verb(tok):
            return tok
        if tok.head == tok:
            root = clause_root(tok.doc)
            return root if root is not None and is_verb(root) else None
        tok = tok.head
        seen += 1
    return None


def first_conjunct(tok: Token) -> Token:
    """The first of the coordinated words ``tok`` is one of ("rose ... and were killed":
    rose), or ``tok`` itself."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def is_object(slot: Token, verb: Token) -> bool:
    """Whether ``slot`` is the object of ``verb``, or coordinated with it."""
    while slot.dep_ == "conj" and slot.head != verb:
        slot = slot.head
    return slot.head == verb and slot.dep_ in (*OBJECTS, "npadvmod", "conj")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``'s clause: its own, or for a verb that shares one, the verb it
    is coordinated with or complements; for a relative or participle clause, the noun it
    modifies."""
    for _ in range(8):
        own = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if own is not None:
            if own.tag_ in ("WDT", "WP"):
                clause = first_conjunct(verb)  # "who became ... and who led ...": hers
                if clause.dep_ == "relcl":
                    return clause.head  # "the boat that carries ...": the boat
            return own
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return verb.head
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head != verb:
            verb = verb.head
            if verb.dep_ == "acomp" and not is_verb(verb):
                verb = verb.head  # "is due to open": the subject of "is"
            if not is_verb(verb):
                return None
            continue
        return None
    return None


def clause_root(doc: Doc) -> Token | None:
    """The main verb of a sentence. A finite verb that the parser attached as a clause of
    its own subject ("The 40 firms in the park earned ...") is the main verb."""
    heads = doc.to_array(HEAD).tolist()  # offsets to each token's head; 0 for a root
    first = heads.index(0) if 0 in heads else None
    if first is None:
        return None
    root = doc[first]
    if not is_verb(root):
        finite = next(
            (c for c in root.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBZ")), None
        )
        if finite is not None:
            return finite
    return root


def main_subject(doc: Doc, reporting: Iterable[str] = ()) -> Token | None:
    """The subject of the sentence's main clause. When the main verb reports another clause
    ("Figures show that ...", "..., the mayor said"), that clause's subject."""
    root = clause_root(doc)
    if root is None:
        return None
    if root.dep_ == "acl":
        return root.head
    if root.lemma_.lower() in set(reporting):
        reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if reported is not None:
            inner = subject_of(reported)
            if inner is not None:
                return inner
    return subject_of(root)


def within_phrase(tok: Token, noun: Token) -> bool:
    """Whether ``tok`` is in ``noun``'s phrase but not in a clause of it ("9" in "200
    nurses from 9 countries", not "5" in "a boat that carries 5 tonnes")."""
    while tok != noun:
        if tok.head == tok or is_verb(tok.head) or tok.dep_ in ("relcl", "acl"):
            return False
        tok = tok.head
    return True


def clause_top(verb: Token, through_acl: bool = False) -> Token:
    """The verb heading the clause complex ``verb`` is in, through the clauses that share its
    time: complements ("expected to reach") and participle clauses ("Opened in 2004,
    the hall ..."), not coordinated clauses (each has its own) nor subordinate ones. With
    ``through_acl``, also from a participle that modifies a noun ("a fleet consisting of 12
    ships") to the verb of that noun: a figure there shares the sentence's time, though a
    date there is the participle's own ("the budget approved in 2019")."""
    for _ in range(20):
        if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
            break  # "Fares will rise in April, the operator said on Monday": told then
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp") and not subordinate(verb):
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.lower_ not in SUBORDINATORS:
            head = clause_verb(verb.head)  # "praised her for having written ..."
            if head is None or head == verb:
                break
            verb = head
        elif through_acl and verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
            head = clause_verb(verb.head)
            if head is None or head == verb:
                break
            verb = head
        else:
            break
    return verb


def subordinate(verb: Token) -> bool:
    """A clause introduced by a subordinator of time or reason ("before the fire began",
    "when a wing was added"): its time is its own event's. A reported clause ("announced that
    ...") shares its reporter's."""
    return any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS or c.dep_ == "advmod" and c.tag_ == "WRB"
        for c in verb.children
    )


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the words coordinated with it, in order ("Arnholt and Vesby")."""
    return sorted(tok.conjuncts + (tok,), key=lambda t: t.i) if tok.conjuncts else [tok]


def children(tok: Token, *deps: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ in deps)


def prep_object(tok: Token, *preps: str) -> Token | None:
    """The object of the first preposition ``preps`` attached to ``tok`` ("the value of its
    water supply" → "supply")."""
    for prep in children(tok, "prep"):
        if prep.lower_ in preps:
            obj = next(children(prep, "pobj", "pcomp"), None)
            if obj is not None:
                return obj
    return None


def modifies_noun(tok: Token) -> bool:
    """Whether an amount's token stands before a noun as its modifier: "the £9m centre", "a
    90 million euro budget", "a 12,500-square-metre shed"."""
    return tok.dep_ in ("compound", "nmod", "amod") and tok.head.pos_ == "NOUN"


def possessor(tok: Token) -> Token | None:
    return next(children(tok, "poss"), None)


def recipient(tok: Token) -> Token | None:
    """Who is given the object ``tok``: the indirect object of its verb ("giving the farm a
    capacity of 840 MW", "gives the city a population of")."""
    if tok.dep_ != "dobj":
        return None
    return next((c for c in children(tok.head, "dative") if c.pos_ != "ADP"), None)


def bracket_opener(span: Span) -> Token | None:
    """The "(" of the brackets ``span`` stands inside, within its sentence, or None."""
    doc, sent = span.doc, span.sent
    opened = None
    for t in reversed(doc[sent.start : span.start]):
        if t.text == ")":
            return None
        if t.text == "(":
            opened = t
            break
    if opened is None or not any(t.text == ")" for t in doc[span.end : sent.end]):
        return None
    return opened


def head_of(span: Span) -> Token:
    """The token that stands for an amount's words in the tree: of those whose head is
    outside the span, the last ("euro" in "90 million euro cost", where the parser may
    attach "million" to "cost" too)."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    return outside[-1] if outside else span.root


def phrase(
    tok: Token, skip: Iterable[int] = (), keep: Iterable[str] = (), conjuncts: bool = True
) -> str:
    """The words of ``tok``'s noun phrase as a label: its subtree without clauses, asides,
    punctuation and the tokens in ``skip`` (numbers that are facts of their own); an acl
    whose verb's lemma is in ``keep`` stays ("a ship named Aurelia"). Without
    ``conjuncts``, the words coordinated with ``tok`` are left out ("Arnholt" of "Arnholt and
    Vesby")."""
    skipped = set(skip)
    if not conjuncts:
        skipped |= {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    keep_set = set(keep)
    words: list[Token] = []
    _collect(tok, skipped, keep_set, words)
    words.sort(key=lambda t: t.i)
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "case")):
        if words[-1].dep_ == "case" and tok.dep_ != "poss" and words[-1].head != tok:
            break  # "the ship's": a possessor inside the phrase keeps its "'s"
        words.pop()
    while words and (words[0].is_punct or words[0].dep_ == "cc"):
        words.pop(0)
    return label(words)


def _collect(tok: Token, skip: set[int], keep: set[str], out: list[Token]) -> None:
    if tok.i in skip:
        return
    out.append(tok)
    for child in tok.children:
        if child.i in skip:
            continue
        if child.dep_ in _NOT_IN_PHRASE and not (child.dep_ == "punct" and child.text == "-"):
            continue
        if child.dep_ == "acl" and child.lemma_.lower() not in keep:
            continue
        if child.dep_ == "npadvmod" and tok.pos_ in ("NOUN", "PROPN"):
            continue  # "guests a night": the rate is no part of what they are
        inner: list[Token] = []
        _collect(child, skip, keep, inner)
        if child.dep_ == "prep" and len(inner) == 1:
            continue  # "a second stage of [50 megawatts]": nothing left after "of"
        out.extend(inner)


def label(words: list[Token]) -> str:
    """Tokens as text, with the spaces the sentence had between them; a leading
    capitalised determiner ("The") is lower-cased."""
    if not words:
        return ""
    parts: list[str] = []
    for a, b in zip(words, words[1:], strict=False):
        parts.append(a.text + (a.whitespace_ if b.i == a.i + 1 else " "))
    parts.append(words[-1].text)
    text = " ".join("".join(parts).split())
    first = words[0]
    if (
        first.pos_ in ("DET", "PRON")
        and first.text[:1].isupper()
        and first.text[1:] == first.text[1:].lower()
    ):
        text = first.text.lower() + text[len(first.text) :]
    return text
