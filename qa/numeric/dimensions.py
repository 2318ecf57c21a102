"""Which dimension a length is: "how deep is the lake" is not answered by its length, and a
tower that "rises" 148 metres is 148 metres tall."""

from __future__ import annotations

from ..analysis import stem
from ..lexicon.question_measures import DIMENSIONS
from .entries import Entry
from .terms import words

ASKED_DIMENSION = {k: frozenset(v) for k, v in DIMENSIONS.items()}
_DIMENSION_WORDS = frozenset().union(*ASKED_DIMENSION.values())
# "the second-longest river", "the highest peak": the superlative of each dimension's word
_SUPERLATIVES = {w: w + ("st" if w.endswith("e") else "est") for w in DIMENSIONS if w != "far"}


def dimension_fits(entry: Entry, asked: frozenset[str]) -> bool:
    """Whether a length is the dimension asked ("maximum depth" for "how deep", "rises
    148 metres" for "how tall"); a figure that names another dimension is not."""
    f = entry.fact
    if f.kind != "length":
        return True
    if any(stem(w) in entry.near for w in asked):
        return True
    # "length" alone is the kind the extractor gives any distance, not a dimension said;
    # an adjective beside the number ("2,460 metres long") is.
    said = {w for w in words(f.measure or "") if w in _DIMENSION_WORDS and w != "length"}
    said |= {w for w in _DIMENSION_WORDS if stem(w) in entry.near}
    # "at 412 kilometres the second-longest": the superlative says the dimension too
    for w, most in _SUPERLATIVES.items():
        if stem(most) in entry.near:
            said |= ASKED_DIMENSION[w]
    return not said or bool(said & asked)
