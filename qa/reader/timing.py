"""Whether a sentence gives its figure for another time than the question asks about.

"How many images did the rover send on its first day?" is not answered by "In its first two
days the rover sent back 1,240 images": the sentence dates the figure, and by a time of the
same kind (a count of days) that is not the question's. Likewise "How many people did the
practice employ in 1898?" and "... which by 1910 employed 23 draughtsmen". Times of
different kinds ("last year" and "in 2023") are not compared: either may be right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon.time_words import PERIOD_ORDINALS, PERIODS
from ..numbers import is_year
from ..reading.question import WH_TAGS
from ..reading.words import lemma

_CLAUSE_POS = frozenset({"VERB", "AUX"})
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})


@dataclass(frozen=True)
class Time:
    """What a date phrase is made of, as far as comparing two of them needs."""

    years: tuple[int, ...]  # the years it names, in order
    periods: frozenset[str]  # its nouns of a span of time ("day", "week")
    counts: frozenset[str]  # the words that count or order them ("two", "first")


def read_time(span: Span) -> Time:
    years = tuple(int(t.text) for t in span if is_year(t.text))
    periods = frozenset(lemma(t) for t in span if lemma(t) in PERIODS)
    # "last" is left out: "the last two years" are the latest, not the final ones.
    counts = frozenset(
        PERIOD_ORDINALS.get(t.lower_, t.lower_)
        for t in span
        if not is_year(t.text) and (t.like_num or PERIOD_ORDINALS.get(t.lower_) == "first")
    )
    return Time(years, periods, counts)


def clash(asked: Time, said: Time) -> bool:
    """Are the two times of one kind, and different? Years: the question's year is not among,
    nor between, the sentence's. Counted spans of time without a year ("its first day", "the
    first two days"): other nouns, or other counts."""
    if asked.years and said.years:
        low, high = min(said.years), max(said.years)
        inside = low <= asked.years[0] <= high if len(said.years) > 1 else False
        return not inside and not set(asked.years) & set(said.years)
    if asked.years or said.years or not asked.periods or not said.periods:
        return False
    if not asked.counts or not said.counts:
        return False  # "the first day" may be in "the new school year"
    return asked.periods != said.periods or asked.counts != said.counts


def asked_times(question: Doc) -> list[Time]:
    """The times a question asks about. Not its wh-phrase: "How many days ..." asks for a
    span of time, it does not date one."""
    return [read_time(e) for e in _times(question) if not any(t.tag_ in WH_TAGS for t in e)]


def other_time(asked: Sequence[Time], doc: Doc, start: int, end: int) -> bool:
    """Does a time the question asks about (``asked``) clash with every time the clause of
    ``doc[start:end]`` (a figure the sentence gives) is dated by? False when either says no
    time, or when one of the clause's times may be the question's."""
    said = [t for t in _clause_times(doc, start, end, skip_figure=True) if t.years or t.periods]
    return bool(said) and any(all(clash(a, s) for s in said) for a in asked)


def dated_as_asked(asked: Sequence[Time], doc: Doc, start: int, end: int) -> bool:
    """Is the clause of ``doc[start:end]`` dated by a time of the same kind as one the
    question asks about (``asked``), and one that may be it ("in 1841" for "in 1841")?"""
    said = _clause_times(doc, start, end, skip_figure=False)
    return any(_comparable(a, s) and not clash(a, s) for a in asked for s in said)


def _clause_times(doc: Doc, start: int, end: int, skip_figure: bool) -> list[Time]:
    """The times that date the clause of ``doc[start:end]``, but for the figure itself when
    ``skip_figure``."""
    verb = _clause(doc[start:end].root)
    if verb is None:
        return []
    return [
        read_time(e)
        for e in _times(doc)
        if _same(_clause(e.root), verb) and not (skip_figure and e.start < end and e.end > start)
    ]


def _comparable(a: Time, b: Time) -> bool:
    if a.years or b.years:
        return bool(a.years and b.years)
    return bool(a.periods and b.periods and a.counts and b.counts)


def _times(doc: Doc) -> list[Span]:
    """The dates the entity recogniser found, and the spans of time it missed ("on its first
    day"): a noun of a span of time with the words before it, unless it gives a rate ("a
    day", "per week")."""
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    taken = {t.i for e in dates for t in e}
    for t in doc:
        if t.i in taken or lemma(t) not in PERIODS or t.pos_ != "NOUN":
            continue
        if any(c.lower_ in _RATE_WORDS for c in t.lefts):
            continue
        dates.append(doc[t.left_edge.i : t.i + 1])
    return dates


def _clause(token: Token) -> Token | None:
    """The verb whose clause ``token`` is in: itself, or the nearest verb above it."""
    while True:
        if token.pos_ in _CLAUSE_POS:
            return token
        if token.head.i == token.i:
            return None
        token = token.head


def _same(a: Token | None, b: Token) -> bool:
    return a is not None and a.i == b.i  # spaCy makes a new Token at each access
