"""What a question's abbreviation stands for, read from the words of an article.

People ask "What share of GDP comes from tourism?" of a text that writes "gross domestic
product" and never "GDP". An abbreviation in capitals that the text never uses is read as a
run of the text's words whose first letters spell it, "of", "and", "for" and "the" inside
the run left out of the spelling ("Food and Drug Administration" for "FDA"). A two-letter
abbreviation needs capitalised words ("European Union"): two lower-case words starting with
the right letters are too common to mean it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .analysis import STOP_WORDS

_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
_CONNECTORS = frozenset({"of", "and", "for", "the", "&"})
_WORD = re.compile(r"[A-Za-z]+|&")


def is_abbreviation(word: str) -> bool:
    return bool(_ABBREVIATION.fullmatch(word))


def expansion(abbreviation: str, texts: Iterable[str]) -> str | None:
    """The run of words in ``texts`` that ``abbreviation`` most often stands for, as written
    there, or None when no run spells it."""
    letters = abbreviation.lower()
    found: Counter[str] = Counter()
    for text in texts:
        words = list(_WORD.finditer(text))
        for i, first in enumerate(words):
            if first.group()[0].lower() != letters[0]:
                continue
            run = _spelled(words, i, letters, text)
            if run is not None:
                found[run] += 1
    if not found:
        return None
    return found.most_common(1)[0][0]


def _spelled(words: list[re.Match[str]], i: int, letters: str, text: str) -> str | None:
    """The run starting at ``words[i]`` whose first letters are ``letters``, if any."""
    k, j = 0, i
    while j < len(words) and k < len(letters):
        if j > i and text[words[j - 1].end() : words[j].start()] != " ":
            return None  # a run is one phrase, not words across punctuation
        word = words[j].group()
        lower = word.lower()
        if j > i and lower in _CONNECTORS:
            j += 1
            continue
        if lower in STOP_WORDS or lower[0] != letters[k]:
            return None
        if len(letters) == 2 and not word[0].isupper():
            return None
        k += 1
        j += 1
    if k < len(letters):
        return None
    return text[words[i].start() : words[j - 1].end()]
