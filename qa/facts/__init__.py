"""Numeric facts: every number in an article, with what it measures, whose it is and when.

``extract_facts(article, sentences, docs, title_doc)`` reads each sentence's parse:

- :mod:`.amounts`: the numbers, amounts and dates (values from :mod:`qa.numbers`), what a
  bare number counts, ages, bracketed equivalents;
- :mod:`.measures`: what each amount measures and whose it is, from the dependency tree;
- :mod:`.mentions`: what a pronoun or a definite description ("the zone") refers to;
- :mod:`.parts`: "respectively", lists of parts, "of which", shares a "with" clause gives;
- :mod:`.changes`: changes ("up 6.2 percent") and earlier or later values;
- :mod:`.times`: dates as events, the time of each figure; :mod:`.periods`: stated parts of
  a span ("in its first two weeks");
- :mod:`.model`: the :class:`Fact` schema (see the README's facts table).

The rules are about English grammar, never about one article; their vocabulary (units,
measure nouns, verbs of measure and change) is data in :mod:`qa.lexicon`.
"""

from ..lexicon.measure_nouns import MEASURE_NOUNS
from .model import Change, Fact
from .reader import extract_facts, sentence_subject
from .tree import modifies_noun

__all__ = ["MEASURE_NOUNS", "Change", "Fact", "extract_facts", "modifies_noun", "sentence_subject"]
