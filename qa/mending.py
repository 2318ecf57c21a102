"""Mending a question before it is read: its misspelt words and the capitals it left out.

Against the words of one article (or of all), a word no article of them uses but one of their
words is a near miss of is read as that word ("acadamy" -> "academy"), and a word they only
ever write capitalised is capitalised ("zheng peiduo" -> "Zheng Peiduo"), so that the question
is matched and parsed as the person meant it. An abbreviation the article never uses is read
as the words it spells there ("GDP" -> "gross domestic product", :mod:`.acronyms`). Mending
against one article's words makes the question read the same whatever else is loaded.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .acronyms import expansion, is_abbreviation
from .analysis import SYNONYMS, Token, tokens
from .reading.words import truecase
from .spelling import Speller


class Mender:
    """Mends questions against ``words`` (lower-cased surface words, each with its index
    term in ``term_of``), the capitalised-only words ``proper``, and the index terms
    ``known`` that need no mending."""

    def __init__(
        self,
        speller: Speller,
        term_of: Mapping[str, str],
        known: Collection[str],
        proper: Collection[str],
        fillers: Collection[str],
        words: Collection[str] | None = None,
        texts: Sequence[str] = (),
    ) -> None:
        self.speller = speller
        self.term_of = term_of
        self.known = known
        self.proper = proper
        self.fillers = fillers
        self.words = words
        self.texts = texts
        self._nearest: dict[str, str | None] = {}
        self._expanded: dict[str, str | None] = {}

    def nearest(self, word: str) -> str | None:
        """The word a misspelt ``word`` most likely means, among this mender's words. A
        word is misspelt when this mender's words lack it, whatever else is loaded."""
        w = word.lower()
        if w not in self._nearest:
            found = next(
                (
                    c
                    for _, c in self.speller.candidates(w, self.words)
                    if self.words is None or c in self.words
                ),
                None,
            )
            if len(self._nearest) >= 10_000:  # bounded: random words must not fill memory
                return found
            self._nearest[w] = found
        return self._nearest[w]

    def expand(self, word: str) -> str | None:
        """The words an abbreviation the texts never use stands for in them, if any."""
        if not self.texts or not is_abbreviation(word) or word.lower() in (self.words or ()):
            return None
        if word not in self._expanded:
            if len(self._expanded) >= 1_000:  # bounded, as the misspellings are
                return expansion(word, self.texts)
            self._expanded[word] = expansion(word, self.texts)
        return self._expanded[word]

    def _needs_mending(self, t: Token) -> bool:
        # A word our own tables know is English, not a typo ("built" is not "build").
        return not (t.term in self.known or t.term in SYNONYMS or t.term in self.fillers)

    def correct(self, question_tokens: Sequence[Token]) -> list[Token]:
        """The question's index terms with misspelt words replaced."""
        out = []
        for t in question_tokens:
            if not self._needs_mending(t):
                out.append(t)
                continue
            if (words := self.expand(t.surface)) is not None:
                out += [Token(w.term, t.start, t.end, t.surface) for w in tokens(words)]
                continue
            near = self.nearest(t.surface)
            out.append(t if near is None else Token(self.term_of[near], t.start, t.end, t.surface))
        return out

    def mend(self, text: str) -> str:
        """``text`` with misspelt words replaced and lost capitals restored, for parsing."""
        out, last = [], 0
        for t in tokens(text):
            if t.start < last or not t.surface.isalpha() or not self._needs_mending(t):
                continue
            expanded = self.expand(t.surface)
            near = expanded or self.nearest(t.surface)
            if near is not None:
                out.append(text[last : t.start])
                if expanded is None and t.surface[0].isupper():
                    near = near.capitalize()
                out.append(near)
                last = t.end
        return truecase("".join(out) + text[last:], self.proper)
