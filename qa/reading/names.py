"""Names: a person, organisation or place is what the entity recogniser says it is.

One definition for every stage (short answers, facts' owners, follow-ups, quotes), read from
the parse rather than from capital letters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from ..lexicon.name_heads import ORGANISATION_HEADS, PLACE_HEADS

# spaCy (OntoNotes) entity labels that name something, by the kind of thing they name.
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "org",
    "NORP": "group",  # nationalities, religious and political groups
    "GPE": "place",  # countries, cities, states
    "LOC": "place",  # mountains, rivers, regions
    "FAC": "place",  # buildings, airports, bridges
    "EVENT": "event",
    "WORK_OF_ART": "work",
    "PRODUCT": "product",
    "LAW": "law",
    "LANGUAGE": "language",
}
# Entity labels that are amounts, dates and times rather than names.
VALUE_LABELS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())


def names(doc: Doc | Span) -> list[Span]:
    """The named entities of ``doc`` (not amounts or dates), in order."""
    return [e for e in doc.ents if e.label_ in KIND_OF_LABEL]


def kind_of(span: Span) -> str | None:
    """ "person", "org", "place", ... for a named entity; None for anything else.

    A "person" whose name ends in a word for an organisation or a place ("Uren Biotech",
    "Corrick Bay") is that instead: the recogniser's commonest mistake on unfamiliar names.
    """
    kind = KIND_OF_LABEL.get(span.label_)
    if kind == "person" and len(span) > 1:
        last = span[-1].lower_
        if last in ORGANISATION_HEADS:
            return "org"
        if last in PLACE_HEADS:
            return "place"
    return kind


def people(doc: Doc | Span) -> list[Span]:
    return [e for e in doc.ents if kind_of(e) == "person"]


def subject_kind(title: Doc, body: Sequence[Doc]) -> str | None:
    """What an article's title names ("person", "place", ...), or None when it is no name.

    The title's own parse decides when it is one entity; a bare title ("Frédéric Chopin")
    is often not recognised alone, so otherwise the body decides: the kind most often given
    to entities that are the title or its last word (a surname, a short name).
    """
    whole = title_name(title)
    if whole is not None:
        return kind_of(whole)
    words = [t for t in title if not t.is_punct]
    if not words or not all(t.is_title or t.is_upper or not t.is_alpha for t in words):
        return None
    forms = {title.text.strip(), words[-1].text}
    votes = Counter(kind_of(e) for doc in body for e in names(doc) if e.text in forms)
    return votes.most_common(1)[0][0] if votes else None


def title_name(title: Doc) -> Span | None:
    """The title when it is one name (a person, place, organisation, work ...), else None."""
    words = [t for t in title if not t.is_punct]
    for e in names(title):
        if len(e) == len(words):
            return e
    return None
