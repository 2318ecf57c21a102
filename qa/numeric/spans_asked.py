"""The part of time a numeric question narrows its figure to: the rate ("a day",
"annually"), a stated part of a span ("on its opening day", "in winter"), a quarter or half
of a year, or the whole span ("in total"), each written as facts write it.
"""

from __future__ import annotations

import re

from ..lexicon.question_times import ORDINALS
from ..lexicon.time_words import RATES, SEASONS
from ..numbers import parse_number

# What a figure is per, in a question: "a day", "each year", "annually".
_RATE_Q = re.compile(
    # "a year" after "over", "more than", "within" ... is a span of time, not a rate
    r"\b(?:(?:(?<!over\s)(?<!than\s)(?<!under\s)(?<!nearly\s)(?<!almost\s)(?<!least\s)"
    r"(?<!within\s)(?<!about\s)a|per|each|every)\s+(?P<u>day|week|month|year|annum|hour))\b"
    r"(?!\s+(?:earlier|ago|before|later|after|prior|on)\b)"
    r"|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b"
)
# Adverbs of rate with the period they are per ("daily": "day").
_RATE_ADVERBS = {word: rate.split()[-1] for word, rate in RATES.items() if word.endswith("ly")}
PERIOD_Q = re.compile(
    r"\b(?:on|in|during|over|for|within|across)\s+(?:its|their|the|his|her|our)\s+"
    r"(?P<which>first|opening|initial|last|final|maiden)\s+(?:(?P<n>[\w-]+)\s+)?"
    r"(?P<unit>days?|weeks?|weekends?|months?|years?|hours?|seasons?|quarters?)\b"
    r"|\b(?P<which2>opening|first|launch|inaugural)\s+(?P<unit2>day|week|weekend|season)\b"
    r"|\b(?P<rel>this|last|next)\s+(?P<unit3>season|week|weekend)\b"
    r"|\b(?P<unit4>day|week|month|year|season)\s+one\b"
)
WHOLE_SPAN = re.compile(
    r"\b(?:in\s+total|altogether|all\s+told|so\s+far|to\s+date|overall|in\s+all|total|ever)\b"
)
_PART_OF_YEAR = re.compile(
    r"\b(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?P<p>quarter|half)\b"
)
_ORDINALS = {w: int(n) for n, ws in ORDINALS.items() for w in ws}
_SEASON_Q = re.compile(rf"\b(?:in|during)\s+(?:the\s+)?({'|'.join(sorted(SEASONS))})\b")


def without_rate(text: str) -> tuple[str, str | None]:
    """The question without the rate it asks a figure per ("a day", "each year": what the
    figure is per, not a ratio to work out), and that rate ("a day")."""
    rate = _RATE_Q.search(text)
    if rate is None:
        return text, None
    text = re.sub(r"\s+", " ", (text[: rate.start()] + text[rate.end() :]).strip())
    unit = rate.group("u") or _RATE_ADVERBS[rate.group("adv")]
    return text, f"a {'year' if unit == 'annum' else unit}"


def part_of_year(text: str) -> str | None:
    """ "in the fourth quarter" → "Q4", "first-half" → "H1"; none for "last quarter", the
    latest one."""
    found = _PART_OF_YEAR.search(text)
    if found is None or _latest_period(text, found):
        return None
    n = _ORDINALS[found.group("n")]
    return f"Q{n}" if found.group("p") == "quarter" else f"H{min(n, 2)}"


def _latest_period(text: str, found: re.Match[str]) -> bool:
    """ "last quarter" is the latest one, as "last year" is; "the last quarter" (of a
    year) is its fourth."""
    if found.group("n") != "last":
        return False
    before = text[: found.start()].split()
    return not before or before[-1] not in ("the", "its", "their", "a")


def period(text: str) -> str | None:
    """A stated part of a span in a question, as facts write it: "on its opening day" →
    "first day", "in the first three weeks" → "first 3 weeks"."""
    m = PERIOD_Q.search(text)
    if not m:
        season = _SEASON_Q.search(text)
        return season.group(1) if season else None
    if m.group("rel"):
        return f"{m.group('rel')} {m.group('unit3')}"
    if m.group("which2"):
        return f"first {m.group('unit2')}"
    if m.group("unit4"):  # "in year one"
        return f"first {m.group('unit4')}"
    which = m.group("which")
    which = "first" if which in ("opening", "initial", "maiden") else which
    which = "last" if which == "final" else which
    unit = m.group("unit").rstrip("s")
    n = parse_number(m.group("n")) if m.group("n") else 1
    if n is None:
        return None
    return f"{which} {unit}" if n == 1 else f"{which} {n:g} {unit}s"
