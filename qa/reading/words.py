"""Comparable forms of words: lemmas without case or accents, and Snowball stems.

"Beyoncé" in an article and "Beyonce" in a question are one word; so are "rose" and
"rise" (by lemma) and "publisher" and "published" (by stem).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from spacy.tokens import Token

from ..analysis import STOP_WORDS, stem

# Parts of speech that carry no content of their own.
FUNCTION_POS = frozenset({"PUNCT", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "SPACE", "SYM"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: "Beyoncé" -> "beyonce"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def lemma(token: Token) -> str:
    return fold(token.lemma_)


def keys(token: Token) -> tuple[str, str]:
    """The two forms a word is matched by: its folded lemma and the stem of its surface."""
    return fold(token.lemma_), stem(fold(token.text))


def is_content(token: Token) -> bool:
    """A word that says something: not punctuation, a function word or a stop word."""
    return not (
        token.is_punct
        or token.is_space
        or token.pos_ in FUNCTION_POS
        or fold(token.text) in STOP_WORDS
    )


_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def truecase(text: str, proper: Collection[str]) -> str:
    """``text`` with the words the articles only ever write capitalised capitalised again,
    and its first letter upper case, so that a question typed in lower case parses as
    written: "who is zheng peiduo" -> "Who is Zheng Peiduo". Offsets are unchanged."""

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        return w[0].upper() + w[1:] if w.lower() in proper else w

    out = _WORD.sub(fix, text)
    return out[:1].upper() + out[1:]
