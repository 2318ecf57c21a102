"""Ages: "at the age of 41", "aged 63", "Anna Berg, 58", "a 30-year-old", and a number a
person is ("She was 94.")."""

from __future__ import annotations

from spacy.tokens import Token

from .model import Draft


def read_ages(drafts: list[Draft], text: str) -> None:
    """ "at the age of 41", "aged 63", "Anna Berg, 58", "a 30-year-old": a person's age
    in years."""
    for d in drafts:
        if (
            d.kind == "duration"
            and d.unit == "years"
            and text[d.end :].startswith(("-old", " old"))
        ):
            d.kind, d.measure = "age", "age"
            continue
        if d.kind != "number" or not 0 < d.value < 125 or d.value != int(d.value):
            continue
        num = d.slot
        head = num.head
        of_age = (
            head.lemma_ == "age"
            or (head.lower_ == "of" and head.head.lemma_ == "age")
            or _after_age_of(num)
        )
        if of_age or head.lower_ == "aged" or _after_name(d) or _person_is(num) or _at_n(num):
            d.kind, d.unit, d.measure = "age", "years", "age"
            if not of_age and head.lower_ != "aged":
                d.notes.add("named age")


_PERSON_PRONOUNS = frozenset({"he", "she"})


def _at_n(num: Token) -> bool:
    """ "At 18 he moved to Vienna", "She retired at 61.": a bare number after "at" in a
    clause whose subject is a person is how old they were."""
    at = num.head
    if at.lower_ != "at" or num.dep_ != "pobj" or at.head.pos_ not in ("VERB", "AUX"):
        return False
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
        return False  # "at 18 degrees", "at 9 am"
    return _person_subject(at.head)


def _after_age_of(num: Token) -> bool:
    """ "By the age of seven Anna had ...": the parser may hang the number on the name
    after it, but the words before it still say it is an age."""
    doc = num.doc
    return num.i >= 2 and doc[num.i - 1].lower_ == "of" and doc[num.i - 2].lemma_ == "age"


def _person_is(num: Token) -> bool:
    """ "She was 94.", "Holm was 61 when he retired": a number a person is, said with "be"
    alone as the sentence's main verb."""
    verb = num.head
    if num.dep_ not in ("attr", "acomp") or verb.lemma_ != "be" or not _clause_ends(num):
        return False
    if verb.dep_ != "ROOT":
        return False  # "taught until she was 80": when something ended, not how old she is
    return _person_subject(verb)


def _person_subject(verb: Token) -> bool:
    """Whether a verb's subject is a person: "he", "she" or a person's name."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.lower_ in _PERSON_PRONOUNS or subject.ent_type_ == "PERSON"
    )


def _clause_ends(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.is_punct or nxt.dep_ in ("cc", "mark", "prep") or nxt.lower_ == "when"


def _after_name(d: Draft) -> bool:
    """ "Berg, 58, joined ...": a number set off by commas right after a person's name."""
    doc = d.span.doc
    i, j = d.span.start, d.span.end
    if i < 2 or doc[i - 1].text != ",":
        return False
    name = doc[i - 2]
    closed = j >= len(doc) or doc[j].is_punct
    return closed and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN")
