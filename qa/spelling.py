"""Spelling: a misspelt question word read as the articles' word.

One corrector for every stage. :class:`Speller` indexes a vocabulary once with symmetric
deletion (as in SymSpell: two words within ``n`` edits share a string made by deleting up
to ``n`` letters from each), and measures the Damerau-Levenshtein distance (optimal string
alignment). A word of fewer than eight letters may be one edit from the articles' word, a
longer one two; a word that keeps neither its first nor its last letter is no near miss,
nor one that is the other with a prefix ("uninhabited" is not a misspelt "inhabited") or
two edits of ending away ("tourists" is not a misspelt "tourism").

- :meth:`Speller.nearest` is the articles' word a misspelling most likely means: the
  closest, the one met first among equals (retrieval reads every question word this way);
- :meth:`Speller.correct` corrects only where that is unambiguous: one closest word, or
  the one word a clipped form begins ("pharma" for "pharmaceutical").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from .analysis import STOP_WORDS, deletions

MIN_LENGTH = 5  # shorter words are left as they are: too many neighbours


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def edits_allowed(word: str) -> int:
    return 1 if len(word) < 8 else 2


def _prefixed(a: str, b: str) -> bool:
    """Whether one word is the other with a prefix of two or more letters ("uninhabited",
    "inhabited"; "reopened", "opened"): another word, often the opposite, not a typo."""
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) >= 2 and long.endswith(short)


def _suffixed(a: str, b: str) -> bool:
    """Whether two words differ only in their last letters ("tourists", "tourism"): the
    same root with another ending, a word of its own; a typo is seldom two edits there."""
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    return len(a) - same <= 3 and len(b) - same <= 3


class Speller:
    """A vocabulary indexed for near misses, built once; ``words`` in reading order (the
    order breaks ties)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.order: dict[str, int] = {}
        for w in words:
            w = w.lower()
            if w.isalpha():
                self.order.setdefault(w, len(self.order))
        self.vocabulary = frozenset(self.order)
        self._index: dict[str, list[str]] = {}
        self._prefixes: dict[str, set[str]] = {}
        for w in self.order:
            if len(w) < MIN_LENGTH - 1:
                continue
            for key in deletions(w, 1 if len(w) < 7 else 2):
                self._index.setdefault(key, []).append(w)
            for n in range(MIN_LENGTH, len(w)):
                self._prefixes.setdefault(w[:n], set()).add(w)

    def candidates(self, word: str, known: Collection[str] | None = None) -> list[tuple[int, str]]:
        """The vocabulary's words a misspelt ``word`` may mean, closest (then first met)
        first, with their distances; [] for a short or non-alphabetic word, or one that
        ``known`` (default: the whole vocabulary) holds."""
        w = word.lower()
        if w in (self.vocabulary if known is None else known):
            return []
        if len(w) < MIN_LENGTH or not w.isalpha():
            return []
        limit = edits_allowed(w)
        seen: set[str] = set()
        found = []
        for key in deletions(w, limit):
            for cand in self._index.get(key, ()):
                # Two letters too many is seldom a slip ("starters" is no "states"); two
                # too few often is ("pharmacetical").
                if cand in seen or abs(len(cand) - len(w)) > limit or len(w) - len(cand) > 1:
                    continue
                seen.add(cand)
                if cand[0] != w[0] and cand[-1] != w[-1]:
                    continue
                if _prefixed(w, cand):
                    continue
                d = distance(w, cand)
                if d <= limit and not (d > 1 and _suffixed(w, cand)):
                    found.append((d, self.order[cand], cand))
        return [(d, cand) for d, _, cand in sorted(found)]

    def nearest(self, word: str) -> str | None:
        """The word a misspelt ``word`` most likely means, or None when none is close."""
        found = self.candidates(word)
        return found[0][1] if found else None

    def correct(self, word: str) -> str:
        """``word`` corrected where that is unambiguous, else as it is."""
        found = self.candidates(word)
        if found and (len(found) == 1 or found[0][0] < found[1][0]):
            return found[0][1]
        w = word.lower()
        longer = self._prefixes.get(w) if w not in self.vocabulary else None
        if longer and len(longer) == 1:  # "pharma": "pharmaceutical"
            return next(iter(longer))
        return word


# Question words as people mistype them, which no article's vocabulary would correct.
_WH_FIXES = {
    "wich": "which",
    "whcih": "which",
    "whihc": "which",
    "wat": "what",
    "waht": "what",
    "whta": "what",
    "wen": "when",
    "whn": "when",
    "wher": "where",
    "whre": "where",
    "hwo": "who",
    "hw": "how",
    "hwo many": "how many",
}
_WH_TYPOS = re.compile(r"\b(?:" + "|".join(sorted(_WH_FIXES, key=len, reverse=True)) + r")\b", re.I)


_WH_WORDS = ("who", "what", "when", "where", "which", "why", "how")


def fix_wh_words(question: str) -> str:
    """Misspelt question words mended: "wich", "Whoo is ...", "Wehre was ..."."""

    def mend(m: re.Match[str]) -> str:
        fixed = _WH_FIXES[m.group().lower()]
        return fixed.capitalize() if m.group()[0].isupper() else fixed

    return _fix_wh_word(_WH_TYPOS.sub(mend, question))


def _fix_wh_word(question: str) -> str:
    """A question opening with a near miss of a wh-word ("Whoo is ...", "Wehre was ...")."""
    m = re.match(r"\s*([A-Za-z]+)", question)
    if not m:
        return question
    word = m.group(1).lower()
    if word in STOP_WORDS or len(word) > 6:
        return question
    for wh in _WH_WORDS:
        if distance(word, wh) == 1 and word[0] in "wh":
            fixed = wh.capitalize() if m.group(1)[0].isupper() else wh
            return question[: m.start(1)] + fixed + question[m.end(1) :]
    return question
