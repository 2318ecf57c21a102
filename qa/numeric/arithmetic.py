"""Arithmetic over facts: totals, differences and comparisons, each with its working (a
change between an earlier and a later value is :mod:`.changes`'s).

The two things a question names ("X and Y", "X or Y", "X than Y", "between X and Y") are
matched one by one; their figures must be in the same unit (or both counts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..analysis import STOP_WORDS
from ..facts import Fact
from ..lexicon.question_words import QUESTION_WORDS
from ..numbers import format_amount
from ..types import Answer
from .changes import earlier_difference, year_difference
from .conversion import in_unit
from .index import FactIndex
from .lookup import Match, Search
from .phrasing import amount_text, cap, computed, derived, label, ref
from .question import Question
from .terms import BOUNDARY, LIGHT_WORDS, keyset, strength

_SIDES_SPLIT = re.compile(
    r"\s+(?:and|plus|or|than|versus|vs\.?|beat|beats|exceed|exceeded|"
    r"outpaced?|including|counting)\s+|\s*&\s*"
)
ONCE_ADDED = re.compile(
    r"\b(?:once|when|after)\b.*\b(?:built|added|completed|finished|done|opens?|open|"
    r"operational|in\s+place|complete)\b"
)


def add(index: FactIndex, facts: Sequence[Fact], score: float) -> Answer:
    unit = facts[0].unit if len({f.unit for f in facts}) == 1 else None
    whole = sum(f.value for f in facts)
    noun = unit if all(f.kind == "count" for f in facts) else None
    result = computed(whole, unit)
    if unit is None and all(f.kind == "count" for f in facts):
        noun = " and ".join(label(index, f) for f in facts)
        result = f"{format_amount(whole, None)} {noun}"
    inputs = " + ".join(
        f"{amount_text(f)} {ref(f)}"
        if f.kind == "count"
        else f"{f.surface} ({label(index, f)}) {ref(f)}"
        for f in facts
    )
    working = f"{inputs} = {result}."
    head = f"{result} in total" if noun else f"{cap(result)} in total"
    return derived(index, f"{cap(head)}.", result, working, facts, score)


def sum_of_parts(search: Search, ask: Question, matches: Sequence[Match]) -> Answer | None:
    """ "How many graduates?" when the article gives only its kinds ("40 doctoral and 90
    master's graduates"): the parts added up."""
    best = matches[0]
    if best.fact.part_of is None or not best.fact.qualifier:
        return None
    if any(strength(t.keys, keyset(best.fact.qualifier)) for t in ask.terms):
        return None
    parts = [
        m
        for m in matches
        if m.fact.part_of == best.fact.part_of
        and m.fact.unit == best.fact.unit
        and abs(m.score - best.score) < 0.02
    ]
    if len(parts) < 2:
        return None
    return add(search.index, [m.fact for m in parts], best.score)


def sides(ask: Question) -> tuple[list[str], list[str]] | None:
    """The two things a question names around "and", "or", "than", "plus", "beat"."""
    text = ask.text
    between = re.search(r"\bbetween\s+(.+?)\s+and\s+(.+)", text)
    if between:
        left_text, right_text = "x " + between.group(1), between.group(2)
    else:
        m = _SIDES_SPLIT.search(text)
        if not m:
            return None
        left_text, right_text = text[: m.start()], text[m.end() :]
    stop = BOUNDARY | QUESTION_WORDS | STOP_WORDS | LIGHT_WORDS

    def take(words: list[str]) -> list[str]:
        out: list[str] = []
        for w in words:
            if w in stop - {"number"} or w[0].isdigit() or w in (",", "?", ":"):
                if out:
                    break
                continue
            out.append(w)
        return out

    left = list(reversed(take(list(reversed(_words(left_text))))))
    left = [w for w in left if w != "number"]
    right = [w for w in take(_words(right_text)) if w != "number"]
    if not left or not right:
        return None
    if len(left) == 1 and len(right) > 1:  # "junior and senior staff": the noun is shared
        left = left + right[1:]
    return left, right


def _words(text: str) -> list[str]:
    """The words of ``text`` without their possessive "'s"; a lone quote mark is no word."""
    words = (re.sub(r"'s?$", "", t) for t in re.findall(r"[\w'$-]+|[,?:]", text))
    return [w for w in words if w]


def pair(
    search: Search,
    ask: Question,
    kinds: set[str] | None,
    year: str | None = None,
) -> tuple[Match, Match] | None:
    both = sides(ask)
    if both is None:
        return None
    side_words = set(both[0]) | set(both[1])
    shared = [
        t
        for t in ask.terms
        if t.word not in side_words and not any(t.word in w or w in t.word for w in side_words)
    ]
    chosen: list[Match] = []
    for side in both:
        terms = [t for w in side for t in search.index.terms(w)] + shared
        matches = [
            m for m in search.candidates(ask, kinds, terms) if search.time_fits(m.fact, ask, year)
        ]
        matches = [m for m in matches if all(m.fact.id != c.fact.id for c in chosen)]
        if not matches:
            return None
        chosen.append(matches[0])
    a, b = chosen
    if a.fact.unit != b.fact.unit and not (a.fact.kind == b.fact.kind == "count"):
        return None
    return a, b


def total(search: Search, ask: Question) -> Answer | None:
    kinds = {"count"} if re.search(r"\bhow\s+many\b", ask.text) else None
    found = pair(search, ask, kinds, search.target_year(ask))
    if found is not None:
        a, b = found
        return add(search.index, [a.fact, b.fact], min(a.score, b.score))
    matches = [m for m in search.candidates(ask, kinds) if search.time_fits(m.fact, ask)]
    if not matches:
        return search.nothing(ask)
    best = matches[0]
    if best.fact.part_of is not None:
        parts = [
            m.fact
            for m in matches
            if m.fact.part_of == best.fact.part_of
            and m.fact.unit == best.fact.unit
            and abs(m.score - best.score) < 0.02
        ]
        if len(parts) >= 2:
            return add(search.index, parts, best.score)
    if ONCE_ADDED.search(ask.text) and (
        grown := with_addition(search.index, best.fact, best.score)
    ):
        return grown
    return in_unit(search.index, best.fact, ask, best.score)


def with_addition(index: FactIndex, added: Fact, score: float) -> Answer | None:
    """ "What will the total capacity be once the extension is built?": a planned
    addition ("an extension of 300 beds by 2030") and what there is now (its "capacity of
    900 beds"), added up."""
    if added.time_kind not in ("target", "expected") or not added.measure:
        return None
    head = added.measure.split()[-1]
    now = [
        f
        for f in (e.fact for e in index.by_article[added.article])
        if f.unit == added.unit
        and f.id != added.id
        and f.equivalent_of is None
        and f.time_kind not in ("target", "expected")
        and f.measure
        and f.measure.split()[-1] == head
    ]
    if len(now) != 1:
        return None
    return add(index, [now[0], added], score)


# "than" before a time, not a thing: the figure then and now.
_THAN_BEFORE = re.compile(
    r"\bthan\s+(?:(?:in|at|during|on)\s+)?(?:last\b|the\s+(?:previous|prior|last)\b|before\b|"
    r"previously\b|earlier\b|(?:a|one|\w+)\s+(?:years?|months?|weeks?|days?|decades?)\s+"
    r"(?:ago|earlier|before)\b)"
)


def difference(search: Search, ask: Question) -> Answer | None:
    years = sorted(set(ask.years))
    if len(years) == 2:
        return year_difference(search, ask, years)
    if _THAN_BEFORE.search(ask.text):  # "how many more centres than last summer"
        found_earlier = earlier_difference(search, ask)
        if found_earlier is not None and found_earlier.answered:
            return found_earlier
    found = pair(search, ask, None, search.target_year(ask))
    if found is None:
        return earlier_difference(search, ask)
    a, b = found
    fa, fb = a.fact, b.fact
    if fa.value < fb.value:
        fa, fb = fb, fa
    diff = fa.value - fb.value
    unit = "percentage points" if fa.unit == "percent" else fa.unit
    result = computed(diff, unit)
    working = f"{amount_text(fa)} {ref(fa)} − {amount_text(fb)} {ref(fb)} = {result}."
    big, small = label(search.index, fa, fb), label(search.index, fb, fa)
    if re.search(r"\b(?:less|fewer|lower|smaller)\b", ask.text):
        text = f"{cap(result)}: {small} {'fewer' if fa.kind == 'count' else 'lower'} than {big}."
    else:
        text = f"{cap(result)}: {big} {'more' if fa.kind == 'count' else 'higher'} than {small}."
    return derived(search.index, text, result, working, [fa, fb], min(a.score, b.score))


def compare(search: Search, ask: Question) -> Answer | None:
    growth = bool(
        re.search(
            r"\b(?:faster|quicker|quickly|grew|grow|rise|rose|increase|"
            r"increased|growth)\b",
            ask.text,
        )
    )
    kinds = {"percent"} if growth else None
    found = pair(search, ask, kinds, search.target_year(ask))
    if found is None:
        return None
    a, b = found
    fa, fb = (a.fact, b.fact) if a.fact.value >= b.fact.value else (b.fact, a.fact)
    if fa.value == fb.value:
        return None
    smaller = bool(re.search(r"\b(?:slower|less|fewer|smaller|lower)\b", ask.text))
    win, lose = (fb, fa) if smaller else (fa, fb)
    if growth:
        verb = "grew more slowly" if smaller else "grew faster"
        text = (
            f"{cap(label(search.index, win, lose))} {verb}: up {win.surface} against "
            f"{lose.surface} for {label(search.index, lose, win)}."
        )
    else:
        word = "fewer" if smaller else "more"
        text = (
            f"There are {word} {label(search.index, win, lose)}: {amount_text(win)} against "
            f"{amount_text(lose)}."
        )
    working = (
        f"{label(search.index, fa, fb)}: {fa.surface} {ref(fa)}; {label(search.index, fb, fa)}: "
        f"{fb.surface} {ref(fb)}; {fa.surface} > {fb.surface}."
    )
    short = label(search.index, win, lose)
    if win.kind == lose.kind and label(search.index, win) == label(search.index, lose):
        base = search.index.by_id.get(win.change_of or "") or win
        short = base.owner or short  # the place, not "exports in the place"
    return derived(search.index, text, short, working, [fa, fb], min(a.score, b.score))
