"""When a question is about, read from its parse: the times it names and their roles,
its tense, whether it asks for an earlier value, and the amounts it states itself."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..numbers import find_dates, find_quantities
from ..numbers.units import unit_kind

# Prepositions that name the base of a comparison or the start of a span: "since 2020",
# "compared with 2019", "from 2019"; "by 2030" names a target.
_BASE_PREPOSITIONS = frozenset("since from than over with versus".split())
_TARGET_PREPOSITIONS = frozenset(("by",))


@dataclass(frozen=True)
class TimeRef:
    """A time a question names: its ISO prefix and how ("at", "base", "target")."""

    time: str
    role: str
    text: str
    preposition: str = ""  # the preposition it is the object of: "in", "since", "to"


def times(doc: Doc) -> list[TimeRef]:
    """The times a question names (its DATE entities), in order, each with its role: the
    figure's own time ("at": "in 2021"), the base of a change ("base": "since 2020",
    "compared with 2019"), a target ("target": "by 2030"), a time before which ("before":
    "before 2011"), or either end of a span ("span": "between 2019 and 2021", "from 2019
    to 2021")."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        found = find_dates(ent.text)
        role = "span" if len({d.time for d in found}) > 1 else _role(ent)
        prep = ent.root.head.lower_ if ent.root.dep_ == "pobj" else ""
        out += [TimeRef(d.time, role, ent.text, prep) for d in found]
    return spans_of_two(out)


def spans_of_two(found: list[TimeRef]) -> list[TimeRef]:
    """ "from 2019 to 2021" read as two times: both are the ends of one span."""
    preps = [t.preposition for t in found]
    if len(found) == 2 and preps == ["from", "to"]:
        return [replace(t, role="span") for t in found]
    return found


def _role(ent: Span) -> str:
    head = ent.root.head
    if ent.root.dep_ != "pobj" or head.tag_ != "IN":
        return "at"
    prep = head.lower_
    if prep in _BASE_PREPOSITIONS or (prep == "to" and head.head.lemma_ == "compare"):
        return "base"
    if prep in _TARGET_PREPOSITIONS:
        return "target"
    return "before" if prep == "before" else "at"


def numbers(doc: Doc) -> list[float]:
    """The amounts a question itself states ("of the first 480 pupils", "during those four
    days"), not its times ("in 2019", "on 4 May")."""
    out: list[float] = []
    for ent in doc.ents:
        if ent.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            out += [q.value for q in find_quantities(ent.text)]
        elif ent.label_ == "DATE":
            out += [q.value for q in find_quantities(ent.text) if unit_kind(q.unit) == "duration"]
    return out


def future(doc: Doc) -> bool:
    """Whether the question asks about what will be: "will", "is expected to", "is going
    to"."""
    for t in doc:
        if t.tag_ == "MD" and t.lower_ in ("will", "shall", "'ll"):
            return True
        if t.lemma_ == "expect" or (t.lower_ == "going" and _next(t) == "to"):
            return True
    return False


def past(doc: Doc) -> bool:
    """Whether the question is in the past tense: its verbs or auxiliaries say so ("was
    exporting", "did", "had"), and nothing says "will"."""
    if future(doc):
        return False
    return any(t.tag_ == "VBD" for t in doc if t.pos_ in ("VERB", "AUX"))


def _next(t: Token, n: int = 1) -> str:
    """The lower-cased word ``n`` tokens after ``t``, "" past the end."""
    return t.doc[t.i + n].lower_ if t.i + n < len(t.doc) else ""


def earlier(doc: Doc) -> bool:
    """Whether the question asks for an earlier value: "before the rebuild", "previously",
    "originally", "used to", "at first"; not "before 2011" (a time)."""
    for t in doc:
        low = t.lower_
        if low in ("previously", "formerly", "originally"):
            return True
        if (low, _next(t)) in (("used", "to"), ("at", "first")):
            return True
        # "before the rebuild", "prior to the merger": what follows is an event, not a date
        skip = 1 if low == "before" else 2 if (low, _next(t)) == ("prior", "to") else 0
        if skip and t.i + skip < len(doc):
            after = doc[t.i + skip]
            if after.ent_type_ != "DATE" and not after.is_punct:
                return True
    return False
