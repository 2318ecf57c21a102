"""The analyser: one function turns questions and passages alike into index terms.

Lower-cased words, numbers without thousands separators ("6,053" -> "6053"), possessives
dropped ("Biotech's" -> "biotech"), hyphenated words as parts and as one word ("CAR-T" ->
"car", "t", "cart"), number words as digits, stop words removed, Snowball stems. NLTK's
regexp tokenizer and Snowball stemmer need no downloaded data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize import RegexpTokenizer

from .lexicon.synonyms import SYNONYM_GROUPS
from .types import Sentence

# Words: letters/digits joined by & . ' - (R&D, U.S., Biotech's, year-on-year);
# numbers: digits with thousands separators and decimals (6,053; 10.23).
_TOKENIZER = RegexpTokenizer(r"\d+(?:,\d{3})*(?:\.\d+)?|\w+(?:[&.'\-]\w+)*", gaps=False)

# A general English stop list (NLTK's own list needs a download). Question words are stop
# words too: "who" or "how" says what kind of answer is wanted, not what it is about.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can could did didn't do does doesn't doing don't down during
    each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her
    here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't
    it it's its itself let's me more most mustn't my myself no nor not of off on once only or
    other ought our ours ourselves out over own same shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up very was
    wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
    while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've
    your yours yourself yourselves also just tell please know many much whose s t
    one's say says said
    """.split()
) - {"more", "most", "over", "under", "t"}

NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "dozen": "12",
}

_stemmer = SnowballStemmer("english", ignore_stopwords=False)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word (cached: the same words recur constantly)."""
    return _stemmer.stem(word)


@dataclass(frozen=True)
class Token:
    """An index term with the character span of the word it came from."""

    term: str
    start: int
    end: int
    surface: str


def _variants(word: str) -> list[str]:
    """The lower-cased surface forms a raw word contributes, before stop words and stems."""
    w = word.lower()
    if w[0].isdigit():
        return [w.replace(",", "")]
    w = re.sub(r"'s?$", "", w)  # possessives
    if "." in w and re.fullmatch(r"(?:\w\.)+\w?", w):  # U.S. -> us
        return [w.replace(".", "")]
    if "-" in w or "." in w:
        parts = [p for p in re.split(r"[-.]", w) if p]
        if len(parts) > 1 and not any(p[0].isdigit() for p in parts):
            return [*parts, "".join(parts)]  # "CAR-T" also as "cart"; not "mid-2020"
        return parts
    return [w]


def tokens(text: str) -> list[Token]:
    """Analysed tokens of ``text`` with spans (several tokens may share one word's span)."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[Token, ...]:
    # Cached: questions, spans and sentences are analysed again and again while answering.
    out: list[Token] = []
    for start, end in _TOKENIZER.span_tokenize(text):
        surface = text[start:end]
        for v in _variants(surface):
            if not v or v in STOP_WORDS:
                continue
            v = NUMBER_WORDS.get(v, v)
            term = v if v[0].isdigit() else stem(v)
            out.append(Token(term, start, end, surface))
    return tuple(out)


def analyse(text: str) -> list[str]:
    """Index terms of ``text``: the same analyser for questions and passages."""
    return [t.term for t in tokens(text)]


def words(text: str) -> list[str]:
    """Lower-cased surface words (no stemming, stop words kept), for span matching."""
    return [text[s:e].lower() for s, e in _TOKENIZER.span_tokenize(text)]


def _build_synonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in SYNONYM_GROUPS:
        stems = {stem(w) for w in group}
        for s in stems:
            table.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in table.items()}


SYNONYMS = _build_synonyms()


def expand(terms: Iterable[str]) -> dict[str, float]:
    """Query term weights: the question's own terms at 1, their synonyms at 0.5."""
    weights: dict[str, float] = {}
    terms = list(terms)
    for t in terms:
        weights[t] = weights.get(t, 0.0) + 1.0
    own = set(terms)
    for t in terms:
        for s in SYNONYMS.get(t, ()):
            if s not in own:
                weights[s] = max(weights.get(s, 0.0), 0.5)
    return weights


def proper_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Lower-cased words that appear capitalised inside sentences and never in lower case."""
    upper: set[str] = set()
    lower: set[str] = set()
    for s in sentences:
        for i, m in enumerate(re.finditer(r"[A-Za-z][A-Za-z\-]*", s.text)):
            w = m.group()
            if w[0].isupper():
                if i > 0:
                    upper.add(w.lower())
            else:
                lower.add(w.lower())
    return frozenset(upper - lower)


# The longest word spelling correction looks at. Deleting two letters from an n-letter word
# makes about n*n/2 strings of n letters, so the work grows with the cube of the length: a
# 500-letter word costs half a second. Common English words stay under about 20 letters
# ("counterrevolutionaries" has 22), so a longer word is read as it is: never corrected and
# never offered as a correction.
MAX_SPELLED_LETTERS = 24


def deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` of its letters: the keys of
    a symmetric-delete (SymSpell) index, where two words within ``depth`` edits meet.

    A word longer than :data:`MAX_SPELLED_LETTERS` gives only itself, so its cost is bounded
    whatever a question holds.
    """
    found = {word}
    if len(word) > MAX_SPELLED_LETTERS:
        return found
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found
