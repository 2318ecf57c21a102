"""The intents' handlers, by name: one explicit table from an intent to what answers it.

A handler takes the :class:`~qa.numeric.lookup.Search` over the facts and the
:class:`~qa.numeric.question.Question`, and returns an answer, an abstention, or None to
leave the question to retrieval.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..facts import Fact
from ..lexicon.measure_nouns import GROUP_NOUNS
from ..numbers import asked_unit
from ..types import Answer
from . import ages, arithmetic, changes, dates, parts, timespans
from .direct import lookup
from .lookup import Match, Search, names_what
from .phrasing import abstain, direct
from .question import Question
from .terms import keyset, words

_CHANGE_KEYS = frozenset(("#growth", "#decline"))
# A question's words of a count's change: growth and decline, and the verbs the synonym
# groups do not hold ("lose", "shed").
_COUNT_CHANGE_KEYS = _CHANGE_KEYS | keyset("gain lose lost add added shed cut")
# "How many staff did it grow to?": a level the change reached, not the change.
_LEVEL_ASKED = re.compile(r"\b(?:to|from)\W*$", re.IGNORECASE)
_TIME_UNITS = frozenset("years months weeks days hours minutes".split())
_ASKS_CHANGE = re.compile(r"\bby\s+how\s+many\b|\bhow\s+many\s+(?:extra|additional)\b")
_TIMES_ASKED = re.compile(r"\b(?:times|twice|thrice|multiple|fold|ratio)\b")
_PERCENT_WORDS = re.compile(r"\b(?:percent|percentage|rate)\b")
Handler = Callable[[Search, Question], Answer | None]
# Every kind of figure a question may ask for by "what is the ...".
KINDS = frozenset(
    "money area percent length mass energy power volume speed temperature duration count "
    "number multiple age data sound".split()
)


def count(search: Search, ask: Question) -> Answer | None:
    if _ASKS_CHANGE.search(ask.text):
        # "By how many trucks a day will traffic rise?", "How many extra trucks?": the
        # change between a figure's earlier and later values, when the article gives both.
        found = changes.earlier_difference(search, ask)
        if found is not None and found.answered:
            return found
    noun = " ".join(t.word for t in ask.count_noun)
    if any(t.word in _TIME_UNITS for t in ask.count_noun[:1]):  # "how many days' warning"
        found = lookup(search, ask, {"duration"})  # "how many years did it take"
        if found is None or not found.answered:  # "how many years after X did Y"
            found = timespans.between(search, ask) or found
        return found
    if noun == "times":
        return lookup(search, ask, {"multiple"})
    unit = asked_unit(f"in {noun}") if noun else None
    if unit:  # "how many square kilometres": an amount in that unit
        terms = tuple(t for t in ask.terms if t not in ask.count_noun) or ask.terms
        ask = replace(ask, unit=unit, unit_counted=True, terms=terms, count_noun=())
        found = lookup(search, ask, None, bonus_kind="area")
        return found or abstain(ask)
    if ask.count_noun and not any(
        names_what(ix, t)
        for t in ask.count_noun
        for ix in search.pool(ask.count_noun)
        if _counts(ix.fact)
    ):
        return search.nothing(ask)
    if _speaks_of_change(ask):  # ranked here only then: lookup ranks the facts again
        top = search.candidates(ask, {"count", "number"})
        if top and (change := _change_asked(search, ask, top[0])):
            return change
    return lookup(search, ask, {"count", "number"})


def _speaks_of_change(ask: Question) -> bool:
    """Whether a question asks how much a figure rose or fell ("How many seats did the
    party lose?"), not the level it reached ("How many staff did it grow to?")."""
    changed = any(t.keys & _COUNT_CHANGE_KEYS for t in ask.terms)
    return changed and not _LEVEL_ASKED.search(ask.text)


def _change_asked(search: Search, ask: Question, best: Match) -> Answer | None:
    """ "How many seats did the party lose?" of "fell to 22 seats from 35", "How much did
    its share of the vote rise?": the change, when the question speaks of one and the
    figure it matches best is given with its earlier value; else None."""
    early = search.index.earlier.get(best.fact.id)
    if early is None or not _speaks_of_change(ask):
        return None
    return changes.subtract(search.index, best.fact, early, best.score)


def _counts(f: Fact) -> bool:
    """Whether a figure is a count: of things it names ("640 people"), or a bare number of
    a group ("a crowd of 61,240")."""
    head = (f.measure or "").rsplit(" ", 1)[-1].lower()
    return f.kind == "count" or (f.kind == "number" and head in GROUP_NOUNS)


def amount(search: Search, ask: Question) -> Answer | None:
    # "how much capacity", "how much fish": the noun says what is measured, in any unit.
    kinds = (
        None
        if ask.unit or any(t.measure for t in ask.terms)
        else {"money"}
        if ask.money
        else {
            "money",
            "area",
            "length",
            "mass",
            "energy",
            "power",
            "volume",
            "number",
            "duration",
        }
    )
    if re.search(r"\bhow\s+much\b", ask.text) and not ask.terms:
        return None
    return lookup(search, ask, kinds)


def size(search: Search, ask: Question) -> Answer | None:
    return lookup(search, ask, None, bonus_kind="area")


def value(search: Search, ask: Question) -> Answer | None:
    if ask.unit == "percent" or re.search(r"\b(?:percent|percentage|rate|share)\b", ask.text):
        return lookup(search, ask, None)
    # "What was the original budget?" asks for the budget, not how far it was overrun; "What
    # was the score?" for no "twice" or "four times", unless it asks how many times.
    kinds = (
        KINDS - {"percent"} if _TIMES_ASKED.search(ask.text) else KINDS - {"percent", "multiple"}
    )
    return lookup(search, ask, set(kinds))


def percent(search: Search, ask: Question) -> Answer | None:
    asked = ask  # "since 2019" dates the earlier of two values a change is worked out from
    if ask.base_year and ask.base_year[:4].isdigit():  # "up 5 percent from 2019": in 2020
        ask = replace(ask, years=(str(int(ask.base_year[:4]) + 1),))
    matches = search.candidates(ask, {"percent"})
    says_rate = bool(_PERCENT_WORDS.search(ask.text))
    if not matches and (not says_rate or changes.asks_rate(ask)):
        # "By how much did profit increase?" with no rate stated: the change in amount, as
        # the article gives it ("rose by 6.2 metres") or between its two values; "by what
        # percentage", that change as a share of the earlier value.
        found = changes.earlier_difference(search, asked)
        if found is not None and found.answered:
            return found
        if not says_rate:
            stated = [m for m in search.candidates(ask, None) if _is_change(search, m.fact)]
            if stated:
                return direct(search.index, stated[0].fact, stated[0].score)
            return found
    if not matches:
        return search.nothing(ask)
    year = search.target_year(ask)
    fitting = [m for m in matches if search.time_fits(m.fact, ask, year)]
    if not fitting:
        return abstain(ask)
    return _change_asked(search, ask, fitting[0]) or direct(
        search.index, fitting[0].fact, fitting[0].score
    )


def _is_change(search: Search, f: Fact) -> bool:
    """Whether a figure is the size of a change ("rose by 6.2 metres"), not a level."""
    said = keyset(f.measure) | search.index.entry[f.id].near
    return bool(said & _CHANGE_KEYS) and "by" in words(search.index.sentences[f.sentence].text)


def per(search: Search, ask: Question) -> Answer | None:
    """ "per employee", "on average": a ratio, or a figure when the question names no
    divisor ("the average fare")."""
    divisor = parts.divisor(ask)
    if not divisor:
        return lookup(search, ask, None)
    return parts.per(search, ask, divisor)


HANDLERS: Mapping[str, Handler] = {
    "age": ages.age,
    "since": timespans.since,
    "until": timespans.until,
    "span": timespans.span,
    "when": dates.when,
    "share": parts.share,
    "compare": arithmetic.compare,
    "difference": arithmetic.difference,
    "total": arithmetic.total,
    "per": per,
    "percent": percent,
    "count": count,
    "size": size,
    "amount": amount,
    "value": value,
}
