"""What each article is about, read from the parses of its title and body.

- An entry whose title is a name ("Lake Ness", "Tower Bridge") is about that name: every
  figure in it is the name's, and "the bridge" in a question is that bridge.
- A life is an entry whose body speaks of its subject as "he" or "she" more than as "it".
- A news story's first subject ("a new clinic at ...") is what its later "the
  building" or "the project" stands for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..analysis import stem
from ..facts import sentence_subject
from ..lexicon.referents import CALLED_BY_KIND
from ..reading.names import title_name
from ..types import Article
from .terms import NONE, keyset, words

# "a new clinic at St Anne's": what is said after "at", "in", "near" ... is not the subject's
# name; "the extension of the line" is.
_BEFORE_PREPOSITION = re.compile(r"\s+(?:at|in|on|near|for|by|with|from)\s+")


@dataclass(frozen=True)
class Subjects:
    """Per article: the keys of the name it is about, whether it is a life, the keys of
    its first subject; and the head nouns of the names ("bridge")."""

    topic: Mapping[str, frozenset[str]]
    people: Mapping[str, str]  # a life's article id → the pronoun it uses, "he" or "she"
    lives: Mapping[str, str]  # a life's article id → whose life: its title, or the headline's
    first: Mapping[str, frozenset[str]]
    heads: frozenset[str]
    # the first name an article has as a subject, and the nouns that may stand for it
    called: Mapping[str, tuple[frozenset[str], frozenset[str]]]
    # the person a story's first subject describes ("a former mayor"), named next
    introduced: Mapping[str, frozenset[str]]


def read_subjects(
    articles: Sequence[Article], titles: Mapping[str, Doc], bodies: Mapping[str, Sequence[Doc]]
) -> Subjects:
    """What each of ``articles`` is about, from its title's parse and its sentences'."""
    topic = {
        a.id: keyset(a.title) for a in articles if a.id in titles and names_something(titles[a.id])
    }
    people = {a: p for a in topic if (p := pronoun_of(bodies.get(a, ())))}
    lives = {a.id: a.title for a in articles if a.id in people}
    for a in articles:
        # News of one person ("Ingrid Salvesen, pioneering surgeon, dies at 94") is a life
        # too, of the person its headline opens with.
        person = None
        if a.id in titles and a.id not in topic:
            lead = bodies.get(a.id, ())[:1]
            person = headline_person(titles[a.id]) or (
                role_person(titles[a.id], lead[0]) if lead else None
            )
        if person is not None and (p := pronoun_of(bodies.get(a.id, ()))):
            people[a.id], lives[a.id] = p, person
    first = {a: keyset(first_subject(docs[0])) for a, docs in bodies.items() if docs}
    heads = frozenset(
        stem(ws[-1]) for a in articles if a.id in topic and len(ws := words(a.title)) > 1
    )
    called = {a: called_by(docs[0]) for a, docs in bodies.items() if docs}
    introduced = {a: named for a, docs in bodies.items() if (named := introduced_as(docs))}
    return Subjects(topic, people, lives, first, heads, called, introduced)


def introduced_as(docs: Sequence[Doc]) -> frozenset[str]:
    """The keys of the person a story's first sentence describes and its second names: "A
    former mayor of Halden was sentenced ... Judge Brekke said Per Solvang, 61, had ..."
    (the first person named with an age or a role beside the name)."""
    if len(docs) < 2:
        return NONE
    subject = next((t for t in docs[0] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return NONE
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return NONE
    doc = docs[1]
    for tok in doc[:-2]:
        # the tagger often takes an unusual name for a place, or its first word for a
        # preposition ("Per Solvang"): the capitalised run before the comma is the name
        if tok.pos_ == "PROPN" and doc[tok.i + 1].text == "," and _describes(doc[tok.i + 2]):
            start = tok.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ != "DET":
                start -= 1
            return keyset(doc[start : tok.i + 1].text)
    return NONE


def _describes(tok: Token) -> bool:
    """Whether the word after a name's comma starts what the lead said of its person: an
    age ("Per Solvang, 61,") or a description ("Ann Lee, a teacher,")."""
    return tok.like_num or (tok.pos_ == "DET" and tok.lower_ in ("a", "an", "the"))


def called_by(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the first name a sentence has as a subject (of any of its clauses) that
    a common noun may stand for, and the stems of those nouns, by the kind of name it is:
    "company" for an organisation, "town" for a place."""
    for tok in doc:
        words = CALLED_BY_KIND.get(tok.ent_type_)
        if tok.dep_ in ("nsubj", "nsubjpass") and words:
            name = next(e for e in doc.ents if e.start <= tok.i < e.end)
            return keyset(name.text), frozenset(stem(w) for w in words)
    return NONE, NONE


def names_something(title: Doc) -> bool:
    """Whether a title is an entry's name: short (one to four words), and one entity, all
    capitalised, or a noun with no verb or preposition of a headline ("Grey-backed marsh
    owl", "Solar energy" but not "Floods hit coast" or "Back to Business"). A longer one is
    a headline, however it is written."""
    ws = [t for t in title if not t.is_punct]
    if not 1 <= len(ws) <= 4:
        return False
    return (
        title_name(title) is not None
        or all(t.is_title or t.is_upper for t in ws)
        or _noun_phrase(title)
    )


def _noun_phrase(title: Doc) -> bool:
    """Whether a title is a thing's name written as a noun phrase: capitalised, ending in
    a noun, with no finite verb, no preposition but "of" and no punctuation but the
    hyphen of a compound."""
    ws = [t for t in title if not t.is_punct]
    return (
        ws[0].is_title
        and ws[-1].pos_ in ("NOUN", "PROPN")
        and all(t.text == "-" for t in title if t.is_punct)
        and not any(t.tag_ in _FINITE or (t.pos_ == "ADP" and t.lower_ != "of") for t in ws)
    )


_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})


def headline_person(title: Doc) -> str | None:
    """The person a headline opens with, as its subject ("Ingrid Salvesen, pioneering
    surgeon, dies at 94"), else None."""
    ent = next(iter(title.ents), None)
    if ent is None or ent.label_ != "PERSON" or ent.start != 0 or len(ent) < 2:
        return None
    return ent.text if ent.root.dep_ in ("nsubj", "nsubjpass", "ROOT") else None


def role_person(title: Doc, lead: Doc) -> str | None:
    """The person a headline names by a role only, as its subject ("Former mayor jailed
    ..."), when the first sentence gives the name with that role ("sentenced former mayor
    Petra Sandvik"), else None."""
    subject = next((t for t in title if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or any(c.dep_ == "det" for c in subject.children):
        return None
    for ent in lead.ents:
        before = lead[max(ent.start - 2, 0) : ent.start]
        if (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and any(t.lemma_ == subject.lemma_ for t in before)
        ):
            return ent.text
    return None


def pronoun_of(body: Sequence[Doc]) -> str | None:
    """ "he" or "she" when a body's sentences have it as subject more often than "it" (the
    entry is a life), else None."""
    count = {"he": 0, "she": 0, "it": 0}
    for doc in body:
        for t in doc:
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in count:
                count[t.lower_] += 1
    best = max(("he", "she"), key=lambda p: count[p])
    return best if count[best] > count["it"] else None


def first_subject(doc: Doc) -> str:
    """The main subject of a sentence (:func:`qa.facts.sentence_subject`) up to its first
    preposition other than "of": "a new clinic", "the extension of the line"."""
    return _BEFORE_PREPOSITION.split(sentence_subject(doc) or "")[0]
