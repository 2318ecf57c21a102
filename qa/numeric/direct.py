"""Direct look-ups: the figure a question asks for, as stated, in the unit asked, or last
year's from a stated growth rate; or an honest abstention when the articles give that
measure but not for the time asked.

Before a single figure is given, the look-up checks whether the question is better
answered by arithmetic over the matching facts: the parts of a whole it asks for together,
the rest of a whole, a planned addition to what there is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Answer
from .arithmetic import ONCE_ADDED, sum_of_parts, with_addition
from .complement import partition_answer
from .conversion import in_unit, previous_year
from .lookup import Match, Search
from .parts import EXCLUDE_Q, excluding, remainder
from .phrasing import abstain, cap, direct, label, said
from .question import Question
from .ranges import range_ends
from .terms import strength
from .yearly import prev_time, year_of, year_on_year

_WHOLES = frozenset({"count", "amount", "value", "size"})  # intents whose whole has a part


def lookup(
    search: Search,
    ask: Question,
    kinds: set[str] | None,
    bonus_kind: str | None = None,
) -> Answer | None:
    """A direct answer, the previous year's value from a growth rate, a conversion, or
    an honest abstention when the measure is there but not for the time asked."""
    if EXCLUDE_Q.search(ask.text):
        found = excluding(search, ask)
        if found is not None and found.answered:
            return found
        # A whole and its part the fact reader did not pair ("2,850 robots, 620 of them in
        # North America"): the sentence's own partition.
        part = partition_answer(search, ask) if ask.intent in _WHOLES else None
        return part or found
    # Ranked first for every answer: what the question's words match best is what the
    # confidence reads of an answer, a whole's rest included.
    matches = search.candidates(ask, kinds)
    if ask.intent in _WHOLES and (part := partition_answer(search, ask)):
        return part
    if bonus_kind:
        matches.sort(key=lambda m: -(m.score + (0.15 if m.fact.kind == bonus_kind else 0)))
    if ask.unit and ask.unit_counted:  # "how many hectares": a figure in hectares first
        matches.sort(key=lambda m: m.fact.unit != ask.unit)
    if not matches:
        return search.nothing(ask)
    year = search.target_year(ask)
    if ask.previous_year and not year:
        best = next(
            (m for m in matches if year_on_year(m.fact) and year_of(m.fact.time)),
            None,
        )
        last = search.last_year_of(ask, matches[0].fact)
        if best is not None:
            year = prev_time(str(best.fact.time))
        elif last and any(search.time_fits(m.fact, ask, last) for m in matches):
            year = last  # "carried 412,000 last year, up from 389,000 in 2023"
        elif any(m.fact.earlier_of for m in matches):
            # "a year earlier" and the article gives the earlier value itself
            matches.sort(key=lambda m: m.fact.earlier_of is None)
        elif last:
            year = last  # "last year's final": the year before the article's date
        elif not ask.last_year:
            return abstain(ask)  # a figure for the year before it, which they do not give
    fitting = [m for m in matches if search.time_fits(m.fact, ask, year)]
    if fitting:
        best = fitting[0]
        if ask.intent == "count" and (total := sum_of_parts(search, ask, fitting)):
            return total
        if two_named(search, ask, fitting):
            return abstain(ask)
        if rest := remainder(search.index, best.fact, ask, best.score):
            return rest
        total_once = ONCE_ADDED.search(ask.text) and re.search(r"\btotal\b", ask.text)
        if total_once and (grown := with_addition(search.index, best.fact, best.score)):
            return grown  # "the total capacity once the extension is built"
        if ask.extreme and (ends := range_ends(search.index, best.fact)):
            # "the most expensive ticket" of "prices ranged from 35 to 120 pounds"
            end = ends[1] if ask.extreme == "high" else ends[0]
            if not ask.unit or ask.unit == end.unit:
                text = f"{cap(said(end))}: {search.index.sentences[end.sentence].text}"
                return direct(search.index, end, best.score, text=text, short=said(end))
        return in_unit(search.index, best.fact, ask, best.score)
    if year:
        for m in matches:
            f = m.fact
            if (
                f.change
                and year_on_year(f)
                and f.change.unit == "percent"
                and f.time
                and prev_time(f.time) == year
            ):
                return previous_year(search.index, f, ask, m.score)
        return abstain(ask)
    named = label(search.index, matches[0].fact)
    the = "" if named.startswith("the ") else "the "  # "the amount", never "the the amount"
    return abstain(ask, f"{the}{named} they give is for another time")


def two_named(search: Search, ask: Question, fitting: Sequence[Match]) -> bool:
    """ "How many people does it employ in Spain in Peru?": the two best figures are
    each for one of two names the question gives, so which it asks is unclear."""
    best = fitting[0]
    names = [t for t in ask.terms if t.proper]
    if len(names) < 2:
        return False
    mine = {t.word for t in names if strength(t.keys, search.index.entry[best.fact.id].own)}
    for other in fitting[1:]:
        if abs(other.score - best.score) > 1e-6 or other.fact.value == best.fact.value:
            continue
        theirs = {t.word for t in names if strength(t.keys, search.index.entry[other.fact.id].own)}
        if mine - theirs and theirs - mine:
            return True
    return False
