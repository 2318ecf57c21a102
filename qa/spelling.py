"""Spelling: a misspelt question word read as the articles' word.

A symmetric-delete index (as in SymSpell) over the articles' words, built once: two words
within ``n`` edits share a string made by deleting up to ``n`` letters from each.
"""

from __future__ import annotations

from .analysis import deletions


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


class Speller:
    """Corrects a misspelt word to a corpus word (symmetric-delete lookup, built once)."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self.index: dict[str, set[str]] = {}
        self.prefixes: dict[str, set[str]] = {}
        for w in vocabulary:
            if len(w) < 5 or not w.isalpha():
                continue
            for d in deletions(w, 2 if len(w) >= 8 else 1):
                self.index.setdefault(d, set()).add(w)
            for n in range(5, len(w)):
                self.prefixes.setdefault(w[:n], set()).add(w)

    def correct(self, word: str) -> str:
        if word in self.vocabulary or len(word) < 5 or not word.isalpha():
            return word
        limit = 2 if len(word) >= 8 else 1
        found: set[str] = set()
        for d in deletions(word, limit):
            found |= self.index.get(d, set())
        best = sorted((dist, w) for w in found if (dist := distance(word, w)) <= limit)
        if best and (len(best) == 1 or best[0][0] < best[1][0]):
            return best[0][1]
        longer = self.prefixes.get(word)
        if longer and len(longer) == 1:  # "biopharma" for "biopharmaceutical"
            return next(iter(longer))
        return word
