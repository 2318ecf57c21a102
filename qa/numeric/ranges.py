"""Ranges as the article writes them: an amount that ends one ("between 17 and 21 grams",
"21 to 23 days") is said with its other end, never alone; a value and its earlier one ("rose
from 120 to 150") are no range."""

from __future__ import annotations

import re

from ..facts import Fact
from ..lexicon.time_words import PERIOD_JOINS
from ..numbers.values import UNDER_100
from .index import FactIndex

# The first end of a range just before an amount: "between 17 and", "21 to", "3-", "four to".
_RANGE_START = re.compile(
    r"(?:\bbetween\s+[\d][\d,.]*\s+and|(?<![\w,.])[\d][\d,.]*\s*(?:to|–|—|-)"
    rf"|\b(?:{UNDER_100})\s+to)\s*$",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"\s*(?:and|to|–|—|-)\s*(?=\d)", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_PERIOD_JOIN = re.compile(rf"\s*(?:{'|'.join(map(re.escape, PERIOD_JOINS))})\s*", re.IGNORECASE)


def range_said(index: FactIndex, f: Fact) -> str | None:
    """The range an amount ends, as the article writes it ("between 17 and 21 grams", "21
    to 23 days"): one end alone is not what the text says; not an earlier value ("rose from
    120 to 150")."""
    found = _range(index, f)
    if found is None:
        return None
    s = index.sentences[f.sentence]
    return s.text[found[0] : found[2].end - s.start]


def range_ends(index: FactIndex, f: Fact) -> tuple[Fact, Fact] | None:
    """The low and the high end of the range ``f`` ends, when both are facts."""
    found = _range(index, f)
    if found is None or found[1] is None:
        return None
    return found[1], found[2]


def _range(index: FactIndex, f: Fact) -> tuple[int, Fact | None, Fact] | None:
    """Where in its sentence the range ``f`` ends starts, its low end (when a fact) and its
    high end; None when ``f`` ends no range."""
    if f.kind == "date":
        return None
    s = index.sentences[f.sentence]
    start, end = f.start - s.start, f.end - s.start
    m = _RANGE_START.search(s.text[:start])
    if m is not None:
        low = next(
            (g for g in index.by_sentence[s.id] if s.start + m.start() <= g.start < f.start), None
        )
        return (m.start(), low, f) if _spread(low, f) else None
    after = _RANGE_END.match(s.text[end:])
    if after is None:
        return None
    high = next((g for g in index.by_sentence[s.id] if g.start == f.end + after.end()), None)
    if high is None or not _spread(f, high):
        return None
    between = _BETWEEN.search(s.text[:start])
    return (between.start() if between else start), f, high


def _spread(low: Fact | None, high: Fact) -> bool:
    """Whether two amounts are the ends of one range, not a value and an earlier one."""
    if low is None:
        return True
    if (low.kind == "date") != (high.kind == "date"):
        return False  # "from 38,000 in 2011 to 43,500": a year does not begin a count's range
    linked = low.earlier_of or high.earlier_of or low.change or high.change
    return not linked and low.value < high.value


def period_of(index: FactIndex, f: Fact) -> tuple[Fact, Fact] | None:
    """The first and last date of the period the date ``f`` begins or ends, as its
    sentence gives it ("ruled 1431-1460", "from 1402 to 1431", "between 1271 and 1368")."""
    if f.kind != "date":
        return None
    s = index.sentences[f.sentence]
    dates = sorted((g for g in index.by_sentence[s.id] if g.kind == "date"), key=lambda g: g.start)
    for low, high in zip(dates, dates[1:], strict=False):
        if f.id not in (low.id, high.id) or str(low.time) >= str(high.time):
            continue
        between = s.text[low.end - s.start : high.start - s.start]
        joined = _PERIOD_JOIN.fullmatch(between) is not None or (
            between.strip().lower() == "and" and _BETWEEN.search(s.text[: low.start - s.start])
        )
        if joined:
            return low, high
    return None
