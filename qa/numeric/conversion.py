"""An amount in the unit asked for, and last year's value from a stated growth rate.

An amount is given as the article states it, or as its stated equivalent ("80 billion kronor
($7.5 billion)"), or converted: a currency at the rate the article itself implies (and
saying so), a physical unit by its fixed factor. Never at a rate from elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from ..facts import Fact
from ..numbers import conversion_factor
from ..types import Answer
from .index import FactIndex
from .phrasing import cap, computed, derived, direct, pretty_date, ref, singular_noun
from .question import Question
from .yearly import basis_said, prev_time


def in_unit(index: FactIndex, f: Fact, ask: Question, score: float) -> Answer:
    """``f`` in the unit asked for: as stated, its stated equivalent, or converted."""
    if not ask.unit or ask.unit == f.unit:
        return direct(index, f, score)
    eq = next((g for g in index.equivalents.get(f.id, ()) if g.unit == ask.unit), None)
    if eq is not None:
        owner = f" for {f.owner}" if f.owner else ""
        text = (
            f"{cap(eq.surface)}: the article gives the {f.measure or 'amount'}{owner} "
            f"as {f.surface} ({eq.surface})."
        )
        return direct(index, eq, score, text=text, short=eq.surface)
    converted = convert(index, f, ask.unit, score)
    if converted is not None:
        return converted
    stated = direct(index, f, score)
    note = f" The articles give no rate to convert it to {ask.unit}."
    return replace(stated, answer=stated.answer + note)


# -- conversions ----------------------------------------------------------------------


def convert(index: FactIndex, f: Fact, unit: str, score: float) -> Answer | None:
    if f.unit is None:
        return None
    if f.kind == "money":
        pair = index.rates.get((f.article, f.unit, unit))
        if pair is None:
            return None
        a, b = pair
        rate = b.value / a.value
        value = f.value * rate
        result = computed(value, unit)
        working = (
            f"The article gives {a.surface} as {b.surface} {ref(a)}, a rate of "
            f"{rate:.4g} {unit} per {f.unit[:-1] if f.unit.endswith('s') else f.unit}; "
            f"{f.surface} {ref(f)} × {rate:.4g} ≈ {result}. The rate is the one the "
            f"article implies, not a market rate."
        )
        return derived(index, f"About {result}.", f"about {result}", working, [f, a], score)
    factor = conversion_factor(f.unit, unit)
    if factor is None:
        return None
    result = computed(f.value * factor, unit)
    working = (
        f"{f.surface} {ref(f)} × {factor:.6g} ({unit} per {singular_noun(f.unit)}) ≈ {result}."
    )
    return derived(index, f"About {result}.", f"about {result}", working, [f], score)


def previous_year(index: FactIndex, f: Fact, ask: Question, score: float) -> Answer:
    assert f.change is not None
    year = pretty_date(prev_time(str(f.time)))
    sign = 1 if f.change.direction == "up" else -1
    factor = 1 + sign * f.change.value / 100
    value = f.value / factor
    result = computed(value, f.unit)
    change = index.by_id.get(f.change.fact or "")
    working = (
        f"{f.surface} in {pretty_date(str(f.time))} {ref(f)} was {f.change.direction} "
        f"{change.surface if change else f'{f.change.value:g} percent'} "
        f"{basis_said(f)} {ref(change or f)}, so {year} = {f.surface} ÷ "
        f"{factor:g} ≈ {result}."
    )
    if ask.unit and ask.unit != f.unit and f.kind == "money":
        pair = index.rates.get((f.article, str(f.unit), ask.unit))
        if pair:
            a, b = pair
            rate = b.value / a.value
            result = computed(value * rate, ask.unit)
            working += (
                f" At the rate the article implies ({a.surface} = {b.surface} "
                f"{ref(a)}), that is about {result}."
            )
            return derived(
                index, f"About {result} in {year}.", f"about {result}", working, [f, a], score
            )
    return derived(index, f"About {result} in {year}.", f"about {result}", working, [f], score)


# -- the intents ----------------------------------------------------------------------
