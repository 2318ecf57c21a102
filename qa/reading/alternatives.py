"""Whether a sentence speaks of another one of a pair than the question: "the men's course
record" when asked about "the women's course record", "the south bank" when asked about
"the north bank". The rule layer reads it (:meth:`qa.numeric.lookup.Search.fits`).

A question's modifier from :data:`~qa.lexicon.alternatives.ALTERNATIVES` picks one of its
noun; a sentence that gives the same noun another of that group, and never the question's,
is about the other one, however many of the question's words it shares.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import stem
from ..lexicon.alternatives import ALTERNATIVES
from .words import lemma

_GROUP = {word: i for i, group in enumerate(ALTERNATIVES) for word in group}
_MODIFIERS = frozenset({"amod", "poss", "compound", "nmod"})


Choices = dict[tuple[int, str], frozenset[str]]


def choices(doc: Doc) -> Choices:
    """For each group and noun, the words of the group that modify the noun in ``doc``."""
    found: dict[tuple[int, str], set[str]] = {}
    for t in doc:
        # as written, when the parser reads it as a verb's form ("operating": "operate")
        word = lemma(t) if lemma(t) in _GROUP else t.lower_
        if word in _GROUP and t.dep_ in _MODIFIERS and t.head.pos_ in ("NOUN", "PROPN"):
            if _says_age(t):
                continue
            found.setdefault((_GROUP[word], lemma(t.head)), set()).add(word)
    return {key: frozenset(words) for key, words in found.items()}


def _says_age(t: Token) -> bool:
    """ "old" in "the 38-year-old ferry" or "40 years old": an age, not old against new."""
    before = [x for x in t.doc[max(0, t.i - 2) : t.i] if x.text != "-"]
    return bool(before) and lemma(before[-1]) == "year"


def another(asked: Choices, said: Choices) -> bool:
    """Whether ``said`` gives a noun of ``asked`` only other words of a pair than it does."""
    return any(key in said and not words & said[key] for key, words in asked.items())


_SINGULAR = {"men": "man", "women": "woman"}


def other_of_pair(asked: str, said: str) -> bool:
    """Whether two nouns are different words of one group: a count of daughters is no count
    of sons, nor one of women a count of men."""
    a, b = (_SINGULAR.get(w, stem(w)) for w in (asked.lower(), said.lower().split()[-1]))
    return a != b and a in _GROUP and _GROUP[a] == _GROUP.get(b)
