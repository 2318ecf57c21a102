"""Matching keys: a word as its stem and the synonym groups it belongs to.

A question's word and a fact's words meet on keys: "staff" and "employees" share the key
``#people``, "built" and "build" share the stem ``build``. A key that matches the word
itself is a stronger match than one that only shares a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..analysis import STOP_WORDS, stem
from ..lexicon.irregular_verbs import IRREGULAR_VERBS
from ..lexicon.question_words import LIGHT_VERBS
from ..lexicon.synonyms import PEOPLE_VERBS, SYNONYMS

# A verb's irregular forms read as its base ("built" is "build"); a form that is itself a
# base ("found", "set") stays itself.
BASE_FORM = {
    form: base
    for base, forms in IRREGULAR_VERBS.items()
    for form in forms
    if form not in IRREGULAR_VERBS
}
WORD = re.compile(r"[a-z0-9$€£¥][\w'$.&-]*")
# A name with a number: "Route 7", "Terminal 2", "Gate 11".
NAME_NUMBER = re.compile(r"\b([A-Za-z][a-z]+)\s+(\d{1,4})\b(?![.,]\d)")
NONE: frozenset[str] = frozenset()
# Words that say what kind of answer is wanted, not what it is about; verbs that carry no
# measure ("work in", "have", "host").
LIGHT_WORDS = LIGHT_VERBS
# Words that end a noun phrase a question names ("how many X", "X and Y", "per X").
BOUNDARY = frozenset(
    "is are was were do does did have has had how many much what which who the a an in on at "
    "by of for to from there altogether together combined total sum grew grow rise rose "
    "increase increased in 2019 , ? : more less fewer faster quickly slower higher lower "
    "compared between came come comes went hold holds held have has had".split()
)


def _build_groups() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name, words in SYNONYMS.items():
        for w in words:
            table.setdefault(stem(w), set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}


GROUP_OF = _build_groups()
DOER_GROUPS = frozenset(PEOPLE_VERBS)  # the synonym groups of what people do


def doers(ws: Iterable[str]) -> frozenset[str]:
    """Who the words say a count of people is, as groups of what people do ("work",
    "live", "visit"): a word of one such group only ("employs", "population", "staff");
    "people", in several, says nothing."""
    out: set[str] = set()
    for w in ws:
        groups = GROUP_OF.get(stem(w), frozenset()) & DOER_GROUPS
        if len(groups) == 1:
            out |= groups
    return frozenset(out)


@dataclass(frozen=True)
class Term:
    """A content word of a question: its matching keys and whether the corpus knows it."""

    word: str
    keys: frozenset[str]
    known: bool  # the corpus uses this word: missing it from a fact's sentence matters
    proper: bool = False  # a name
    related: bool = True  # the corpus uses a word of its synonym group
    measure: bool = False  # it names what the figure is ("revenue"), not whose or when
    place: bool = False  # a name the figure is put in ("employ in Spain"): not a headline's
    group: int | None = None  # the words of one name share a group ("Maren", "Holt")
    narrows: bool = False  # in a phrase that narrows the figure ("in the away section")

    @property
    def weight(self) -> float:
        return 1.0 if self.known or (len(self.keys) > 1 and self.related) else 0.5


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, possessives and trailing dots dropped."""
    out = []
    for w in WORD.findall(text.lower()):
        w = re.sub(r"'s?$", "", w).strip(".-")
        if w:
            out.append(w)
    return out


def base(word: str) -> str:
    """A verb's base form, roughly: "had" → "have", "sold" → "sell", "employs" → "employ"."""
    return stem(BASE_FORM.get(word, word))


def keys(word: str) -> frozenset[str]:
    """A word's stem and its synonym groups ("#people"), as matching keys."""
    s = base(word)
    return frozenset({s, *("#" + g for g in GROUP_OF.get(s, ()))})


def name_number_key(name: str, number: str) -> str:
    return f"{name.lower()}#{number}"


def keyset(text: str | None) -> frozenset[str]:
    """The keys of every content word of ``text`` (hyphenated words also by their parts),
    and of each name with a number in it ("line#4")."""
    if not text:
        return NONE
    out: set[str] = {name_number_key(m.group(1), m.group(2)) for m in NAME_NUMBER.finditer(text)}
    for w in words(text):
        if w not in STOP_WORDS:
            out |= keys(w)
            if "-" in w:
                for part in w.split("-"):
                    if part and part not in STOP_WORDS:
                        out |= keys(part)
    return frozenset(out)


def strength(term: frozenset[str], pool: frozenset[str]) -> float:
    """1 when the word itself is in ``pool``, 0.8 for a synonym, else 0."""
    if not pool:
        return 0.0
    own, groups = split_keys(term)
    if not own.isdisjoint(pool):
        return 1.0
    return 0.8 if not groups.isdisjoint(pool) else 0.0


@lru_cache(maxsize=65536)
def split_keys(term: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A term's keys as (its words, its synonym groups)."""
    return (
        frozenset(k for k in term if not k.startswith("#")),
        frozenset(k for k in term if k.startswith("#")),
    )
