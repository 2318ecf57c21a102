"""A change between an earlier and a later value of a measure, with its working: stated
before and after ("30,000 seats, compared with 12,000 before"), stated for two years, or
worked back from a year-on-year rate; in units or as a percentage of the earlier value."""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import Fact
from ..numbers import asked_unit
from ..types import Answer
from .index import FactIndex
from .lookup import Match, Search
from .phrasing import abstain, amount_text, cap, computed, derived, ref
from .question import Question
from .yearly import basis_said, year_on_year

_RATE_WORDS = re.compile(r"\b(?:percent|percentage)\b")


def earlier_difference(search: Search, ask: Question) -> Answer | None:
    """ "By how many seats did the capacity grow?" when the article gives the number
    before and after ("30,000 seats, compared with 12,000 before")."""
    # "by how many square meters did the floor area grow": the unit and the change verb
    # say what kind of answer is wanted, not what it is about.
    terms = tuple(
        t
        for t in ask.terms
        if not ({"#growth", "#decline"} & t.keys) and not asked_unit(f"in {t.word}")
    )
    # "since 2020": the year is the earlier value's, not the later one's.
    base = ask.base_year
    years = tuple(y for y in ask.years if y != base)
    ask = replace(ask, earlier=False, terms=terms or ask.terms, years=years)
    matches = [
        m
        for m in search.candidates(ask, None)
        if m.fact.kind != "percent"
        and m.fact.id in search.index.earlier
        and search.time_fits(m.fact, ask)
        and _from_year(search.index.earlier[m.fact.id], base)
    ]
    if not matches:
        return search.nothing(ask)
    late = matches[0].fact
    early = search.index.earlier[late.id]
    return subtract(search.index, late, early, matches[0].score, asks_rate(ask))


def _from_year(early: Fact, base: str | None) -> bool:
    """Whether an earlier value is from the year a question counts from, when it names one
    and the value has a time."""
    return base is None or early.time is None or early.time.startswith(base)


def subtract(
    index: FactIndex, late: Fact, early: Fact, score: float, relative: bool = False
) -> Answer:
    """The change from an earlier value of a measure to a later one; ``relative``: as a
    percentage of the earlier value ("by what percentage did it fall")."""
    if relative and early.value and late.unit != "percent":
        return _percent_change(index, late, early, score)
    diff = late.value - early.value
    unit = "percentage points" if late.unit == "percent" else late.unit
    result = computed(abs(diff), unit)
    working = (
        f"{amount_text(late)} {ref(late)} − {amount_text(early)} {ref(early)} = "
        f"{computed(diff, unit)}."
    )
    word = "more" if diff >= 0 else "less"
    if late.kind not in ("count", "number"):
        word = "higher" if diff >= 0 else "lower"
    text = f"{cap(result)} {word}: {amount_text(late)} against {amount_text(early)} before."
    return derived(index, text, result, working, [late, early], score)


def _percent_change(index: FactIndex, late: Fact, early: Fact, score: float) -> Answer:
    change = 100 * (late.value - early.value) / early.value
    result = computed(abs(change), "percent")
    working = (
        f"({amount_text(late)} {ref(late)} − {amount_text(early)} {ref(early)}) ÷ "
        f"{amount_text(early)} × 100 ≈ {computed(change, 'percent')}."
    )
    word = "higher" if change >= 0 else "lower"
    text = f"{cap(result)} {word}: {amount_text(late)} against {amount_text(early)} before."
    return derived(index, text, result, working, [late, early], score)


def asks_rate(ask: Question) -> bool:
    """Whether the question asks for a change as a percentage ("by what percentage")."""
    return bool(_RATE_WORDS.search(ask.text))


def year_difference(search: Search, ask: Question, years: list[str]) -> Answer | None:
    early, late = years
    stated = stated_years(search, ask, early, late)
    if stated is not None:
        return stated
    ask = replace(ask, years=(late,))
    matches = [
        m
        for m in search.candidates(ask, None)
        if search.time_fits(m.fact, ask, late) and m.fact.kind != "percent"
    ]
    if not matches:
        return search.nothing(ask)
    f = matches[0].fact
    if not (f.change and year_on_year(f) and int(early) == int(late) - 1):
        return abstain(ask, f"they give no figure for {early}")
    sign = 1 if f.change.direction == "up" else -1
    before = f.value / (1 + sign * f.change.value / 100)
    diff = f.value - before
    result = computed(abs(diff), f.unit)
    change = search.index.by_id.get(f.change.fact or "")
    working = (
        f"{f.surface} in {late} {ref(f)} was {f.change.direction} "
        f"{change.surface if change else ''} {basis_said(f)}, so {early} = "
        f"{f.surface} ÷ {1 + sign * f.change.value / 100:g} ≈ "
        f"{computed(before, f.unit)}; {computed(f.value, f.unit)} − "
        f"{computed(before, f.unit)} ≈ {result}."
    )
    word = "more" if diff >= 0 else "less"
    return derived(
        search.index,
        f"About {result} {word} in {late} than in {early}.",
        f"about {result}",
        working,
        [f],
        matches[0].score,
    )


def stated_years(search: Search, ask: Question, early: str, late: str) -> Answer | None:
    """Both years' values stated ("214,300 at the 2021 census, up from 198,700 in 2011"):
    the difference between them."""
    found: list[Match] = []
    for year in (late, early):
        that_year = replace(ask, years=(year,))
        ms = [
            m
            for m in search.candidates(that_year, None)
            if m.fact.kind != "percent" and search.time_fits(m.fact, that_year, year)
        ]
        if not ms:
            return None
        found.append(ms[0])
    a, b = found
    if a.fact.unit != b.fact.unit or a.fact.article != b.fact.article:
        return None
    if a.fact.measure != b.fact.measure:
        return None
    return subtract(search.index, a.fact, b.fact, min(a.score, b.score), asks_rate(ask))
