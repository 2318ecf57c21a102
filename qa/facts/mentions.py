"""What a mention refers to: names, definite descriptions and pronouns across sentences.

- A **name** is what the entity recogniser says (:mod:`qa.reading.names`), or a noun chunk
  headed by a proper noun ("the Arden Science Park"). A name answers to its first and last
  words ("Lake Orm" is a lake, "St Anne's Hospital" a hospital) and to the head nouns an
  apposition, either way round, or a copula gives it ("Fenby Quay, the oldest harbour on
  the coast"; "its newest ship, the Skerry Lass"; "Greyfield is a market town").
- A **definite description** ("the zone", "the company", "the national park") refers to the
  most recent earlier name that answers to its head noun or to a plain synonym of it ("the
  vessel" for a ship); one with no such name stays as written, and one that says which it
  is ("the second album", "the album, X") is no description of an earlier name.
- A **pronoun** for a thing ("it", "its", "they") refers to the last subject; one for a
  person ("he", "she", "his", "her") to the last person named as a subject or, in an
  encyclopedia life, to the person the article is about, unless the article speaks of that
  person with the other gender's pronouns ("He died in 1968" in the life of a woman is
  about someone else).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_TYPE, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from ..lexicon.discourse_words import PRONOUN_GENDERS, PRONOUNS, REPORTING_VERBS
from ..lexicon.referents import SAME_KIND
from ..reading.names import KIND_OF_LABEL, names, subject_kind, title_name
from . import tree

REPORTING = REPORTING_VERBS
_PERSONAL = frozenset(w for w, k in PRONOUNS.items() if k == "person")
_PROPN = POS_IDS["PROPN"]
_NOUN, _ADJ = POS_IDS["NOUN"], POS_IDS["ADJ"]


@dataclass(frozen=True)
class Name:
    """A name met in the text, and the nouns a description of it may have for head."""

    text: str
    heads: frozenset[str]
    person: bool
    end: int  # token index where it ends in its sentence (-1 for an earlier sentence)
    oblique: bool = False  # the object of a preposition ("second only to Lake Tessel")


def _head_word(tok: Token) -> str:
    return tok.lemma_.lower() if tok.pos_ in ("NOUN", "PROPN") else tok.lower_


def _names_of(doc: Doc) -> list[tuple[Span, bool]]:
    """Entities that name something, then phrases headed by a proper noun that no entity
    covers ("the Arden Science Park", "the Port of Arden"); each with whether it names a
    person."""
    found: list[tuple[Span, bool]] = [(e, e.label_ == "PERSON") for e in names(doc)]
    taken = {t.i for e, _ in found for t in e}
    for head in doc:
        if head.pos_ != "PROPN" or head.i in taken:
            continue
        if head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN":
            continue  # a word of a longer name
        mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
        start = min((t.i for m in mods for t in m.subtree), default=head.i)
        words = doc[start : head.i + 1]
        if any(t.i in taken or t.pos_ not in ("PROPN", "ADJ", "NOUN") for t in words):
            continue
        end = head.i + 1
        of = tree.prep_object(head, "of")
        if of is not None and of.pos_ == "PROPN":
            end = max(t.i for t in of.subtree) + 1  # "the Port of Arden"
        found.append((doc[start:end], False))
    found += [(doc[span.start : end], False) for span, _ in found if (end := _kind_end(span))]
    return sorted(found, key=lambda x: x[0].start)


def _kind_end(name: Span) -> int:
    """Where a name used as the modifier of a common noun ends its noun phrase: "the Arden
    offshore wind farm" is also "the farm". Read by word order: the parser often takes the
    name for the phrase's head."""
    doc, i = name.doc, name.end
    while i < len(doc) and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].is_alpha:
        i += 1
    if i == name.end or doc[i - 1].pos_ != "NOUN" or (i < len(doc) and doc[i].pos_ == "PROPN"):
        return 0
    return i


def _extra_heads(name: Span) -> set[str]:
    """Nouns an apposition ("X, the oldest harbour of Y"; "its newest ship, X") or a copula
    ("X is a market town") puts beside a name."""
    heads: set[str] = set()
    root = name.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        heads.add(_head_word(root.head))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            heads.add(_head_word(child))
    if root.dep_ in tree.SUBJECTS and tree.is_verb(root.head) and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                heads.add(_head_word(child))
    return heads


def _name(span: Span, person: bool, end: int) -> Name:
    words = [t for t in span if not t.is_punct and t.pos_ != "DET"]
    heads = {_head_word(words[0]), _head_word(words[-1])} if words else set()
    text = span.doc[words[0].i : words[-1].i + 1].text if words else span.text
    oblique = span.root.dep_ == "pobj"
    return Name(text, frozenset(heads | _extra_heads(span)), person, end, oblique)


class Discourse:
    """The mentions of one article as it is read, sentence by sentence."""

    def __init__(self, title: str, title_doc: Doc, docs: Sequence[Doc]) -> None:
        # A sentence's names are read only when a description's head noun is among its words:
        # most sentences are never looked back at.
        self._docs: list[Doc] = [title_doc]
        self._words: list[frozenset[str]] = [_name_words(title_doc)]
        self._names: dict[int, list[Name]] = {}
        self._doc: Doc | None = None
        whole = title_name(title_doc)
        self.life: str | None = None
        self.life_gender: str | None = None
        if subject_kind(title_doc, docs) == "person" and _uses_personal_pronouns(docs):
            self.life = whole.text if whole is not None else title.strip()
            self.life_gender = _main_gender(docs)
        self.subject: str | None = None  # the last sentence's subject, resolved
        self.person: str | None = self.life
        self.named: str | None = None  # the last subject that was a name of any kind
        self.counted: str | None = None  # what the last count counted ("awards")
        self.period: str | None = None  # the last year named as the story's own ("in 2024")
        self._person_just_named = False  # the last sentence's subject was a person

    # -- one sentence ---------------------------------------------------------------------

    def start(self, doc: Doc) -> None:
        """Begin a sentence: its own names count once the reader has passed them."""
        self._doc = doc

    def finish(self, subject: str | None, person: str | None, named: str | None) -> None:
        """End a sentence whose subject (resolved) was ``subject``; ``person`` a person named
        as its subject, ``named`` a name of any kind that was."""
        if self._doc is not None:
            self._docs.append(self._doc)
            self._words.append(_name_words(self._doc))
            self._names.pop(-1, None)
        self._doc = None
        if subject:
            self.subject = subject
        self._person_just_named = bool(person)
        if person:
            self.person = person
        if named:
            self.named = named

    # -- resolving ------------------------------------------------------------------------

    def describes(self, tok: Token) -> str | None:
        """The name a definite description ``tok`` ("the zone") refers to, if any: the most
        recent earlier name that answers to its head noun."""
        if tok.pos_ != "NOUN" or tok.tag_ not in ("NN",):
            return None
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("the", "this", "that"):
            return None
        if any(c.dep_ in ("poss", "prep", "nummod") or _restrictive(c) for c in tok.children):
            return None  # "the city's port", "the port of X", "the port that ...": another
        if any(c.dep_ == "appos" or c.ent_type_ == "ORDINAL" for c in tok.children):
            return None  # "the second album, X": the name beside it, not the first album
        head = _head_word(tok)
        # A name may be given a synonym of the noun: "the vessel" for "the ship X".
        heads = next((g for g in SAME_KIND if head in g), frozenset({head}))
        # The latest name that answers, unless it was only the object of a preposition
        # ("the second-largest lake after Lake Tessel") and an earlier one was a subject,
        # an object or the title: what a text goes on about is what it has put first.
        oblique: str | None = None
        if self._doc is not None and heads & _name_words(self._doc):
            here = [n for n in self._names_in(-1, self._doc) if n.end <= tok.i]
            found = _latest(here, heads)
            if found is not None and not found.oblique:
                return found.text
            oblique = found.text if found is not None else None
        for k in range(len(self._docs) - 1, -1, -1):
            if heads & self._words[k]:
                found = _latest(self._names_in(k, self._docs[k]), heads)
                if found is not None and not found.oblique:
                    return found.text
                oblique = oblique or (found.text if found is not None else None)
        if oblique is not None:
            return oblique
        if dets[0].lower_ in ("this", "that") and not tok.ent_type_:
            # "The Grand, launched in 2006, is the largest. This kettle holds 2.2 litres":
            # a demonstrative points back as "it" does, to the last subject.
            return self.subject
        return None

    def _names_in(self, k: int, doc: Doc) -> list[Name]:
        """The names of sentence ``k`` (-1: the one being read), read once."""
        if k not in self._names:
            self._names[k] = [_name(s, p, s.end) for s, p in _names_of(doc) if len(s)]
        return self._names[k]

    def pronoun(
        self, word: str, sentence_subject: str | None = None, sentence_name: str | None = None
    ) -> str | None:
        """What a pronoun refers to; ``sentence_subject`` is the subject its own sentence has
        named before it, ``sentence_name`` the last such subject that was a name."""
        kind = PRONOUNS.get(word.lower())
        if kind == "person" and sentence_name is not None:
            return sentence_name
        if kind == "person":
            # In a life, "he" or "she" is its person unless the sentence before made another
            # person its subject; elsewhere the last person named, or (the entity recogniser
            # misses some people) the last name that was a subject.
            if self.life is not None and not self._person_just_named:
                gender = PRONOUN_GENDERS.get(word.lower())
                if gender is None or self.life_gender in (None, gender):
                    return self.life
                # Someone else: the last other person or name a sentence was about.
                others = (
                    n for n in (self.person, self.named) if n and not _same_name(n, self.life)
                )
                return next(others, None)
            return self.person or self.named
        if kind == "thing":
            return sentence_subject or self.subject
        return None


def _latest(names: list[Name], heads: frozenset[str]) -> Name | None:
    """The last of ``names`` that answers to one of ``heads``."""
    for name in sorted(names, key=lambda n: -n.end):
        if heads & name.heads and name.text.lower() not in heads:
            return name
    return None


def _name_words(doc: Doc) -> frozenset[str]:
    """The words a name in ``doc`` could answer to: those of proper nouns and entities, and
    nouns in apposition or after a copula (read from the token arrays, without making a
    token object for every word)."""
    strings = doc.vocab.strings
    entities = {strings[label] for label in KIND_OF_LABEL}
    linked = {strings["appos"], strings["attr"]}
    rows = doc.to_array([POS, ENT_TYPE, DEP]).tolist()
    picked = [
        i
        for i, (pos, ent, dep) in enumerate(rows)
        if pos == _PROPN or ent in entities or dep in linked
    ]
    # The noun a name is in apposition to: "its newest ship, the MV Skerry Lass".
    appos = strings["appos"]
    picked += [doc[i].head.i for i, (_, _, dep) in enumerate(rows) if dep == appos]
    # The noun a name modifies: "the Kessock Sands solar farm" (a token made only where a
    # common noun follows a picked word).
    modified = (_ADJ, _NOUN)
    for i in [i for i in picked if i + 1 < len(rows) and rows[i + 1][0] in modified]:
        if end := _kind_end(doc[i : i + 1]):
            picked.append(end - 1)
    return frozenset(_head_word(doc[i]) for i in picked)


def _restrictive(clause: Token) -> bool:
    """A clause that narrows its noun ("the port that handles grain"), unlike one set off by
    a comma ("the park, which opened in 2015, ...")."""
    if clause.dep_ not in ("relcl", "acl"):
        return False
    first = min(t.i for t in clause.subtree)
    return first == 0 or clause.doc[first - 1].text != ","


def _same_name(a: str, b: str) -> bool:
    """Whether one name is the other or part of it ("Mérel", "Agnes Mérel")."""
    x, y = set(a.lower().split()), set(b.lower().split())
    return x <= y or y <= x


def _main_gender(docs: Sequence[Doc]) -> str | None:
    """The gender of the personal pronouns a life mostly uses, when one clearly dominates
    (at least three times as often as the other)."""
    counts = {"m": 0, "f": 0}
    for doc in docs:
        for t in doc:
            gender = PRONOUN_GENDERS.get(t.lower_)
            if gender is not None and t.pos_ == "PRON":
                counts[gender] += 1
    top = max(counts, key=lambda g: counts[g])
    other = counts["f" if top == "m" else "m"]
    return top if counts[top] >= 3 * max(other, 1) else None


def _uses_personal_pronouns(docs: Sequence[Doc]) -> bool:
    """Whether the text speaks of someone as "he" or "she" (a life, not a place that the
    entity recogniser took for a person)."""
    return any(t.lower_ in _PERSONAL and t.pos_ == "PRON" for doc in docs for t in doc)
