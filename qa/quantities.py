"""Numbers with units as an evaluation reads them in a reply: "7.59 billion yuan", "$2.37
billion", "1 year and 9 months", "776 graduates".

The judge reads numbers on its own, apart from the engine's reader (:mod:`qa.numbers`), so
that a mistake in one is not repeated by the other. A numeric answer is judged on the first
number the reply states, years of dates aside, and on its unit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_WORD_NUMBERS = {
    word: i
    for i, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
        ]
        + ["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_UNITS_WORDS = "|".join(w for w, i in _WORD_NUMBERS.items() if 1 <= i <= 9)
# "twenty-two", "forty": numbers written out beyond twenty.
_COMPOUND = r"(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + _UNITS_WORDS + r"))?"
# Unit words after a number (and its scale), longest first; each maps to a canonical unit.
_UNIT_AFTER = [
    (r"percentage points?|percent|per\s*cent|%|pct", "percent"),
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²", "km2"),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m|m2|m²", "m2"),
    (r"kilomet(?:er|re)s?|km", "km"),
    (r"centimet(?:er|re)s?|cm", "cm"),
    (r"met(?:er|re)s?", "metres"),
    (r"hectares?", "hectares"),
    (r"tonnes?|metric\s+tons?", "tonnes"),
    (r"kilograms?|kg", "kg"),
    (r"yuan|rmb|cny", "yuan"),
    (r"us\s+dollars?|dollars?|usd", "usd"),
    (r"pounds?(?:\s+sterling)?|gbp", "gbp"),
    (r"euros?|eur", "eur"),
    (r"kroner|krone|nok", "nok"),
    (r"kilowatt[- ]hours?|kwh", "kwh"),
    (r"megawatts?|mw", "mw"),
    (r"years?", "years"),
    (r"months?", "months"),
    (r"weeks?", "weeks"),
    (r"days?", "days"),
    (r"hours?|hrs?", "hours"),
    (r"minutes?|mins?", "minutes"),
]
UNITS = ("", *dict.fromkeys(canonical for _, canonical in _UNIT_AFTER if canonical != "months"))
# Units the case format learned later. Cases written before counted such amounts as bare
# numbers ("32" for "£32"); a reply is judged in them only when a case asks for one.
LATER_UNITS = frozenset("cm metres hectares tonnes kg gbp eur nok weeks".split())
_NUMBER = re.compile(
    r"(?:(?P<dollar>(?:US)?\$\s*)|(?P<yuan>(?:RMB|CNY|¥)\s*)|(?P<pound>£\s*)|(?P<euro>€\s*))?"
    r"(?P<num>(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.])\d+(?:\.\d+)?|"
    r"\b(?:" + _COMPOUND + "|" + "|".join(_WORD_NUMBERS) + r")\b)"
    r"(?P<scale>\s*(?:" + "|".join(_SCALES) + r")\b)?",
    re.IGNORECASE,
)
_UNIT_RE = [
    (re.compile(r"\s*(?:" + pat + r")(?![a-z])", re.IGNORECASE), u) for pat, u in _UNIT_AFTER
]
_MONTHS_AFTER_YEARS = re.compile(
    r"\s*(?:,|and)?\s*(?P<n>\d+|" + "|".join(_WORD_NUMBERS) + r")\s+months?\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Quantity:
    """A number read from text: ``value`` with scale applied, ``unit`` canonical ("" = a count)."""

    value: float
    unit: str
    text: str  # the span it was read from


def _to_float(num: str) -> float:
    low = num.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low])
    tens, _, unit = low.replace(" ", "-").partition("-")
    if tens in _TENS:
        return float(_TENS[tens] + (_WORD_NUMBERS[unit] if unit else 0))
    return float(num.replace(",", ""))


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+" + _MONTH, re.IGNORECASE)


def _currency(match: re.Match[str]) -> str:
    """The currency a sign before the number gives ("$", "£", "€", "RMB"), or ""."""
    signs = (("dollar", "usd"), ("yuan", "yuan"), ("pound", "gbp"), ("euro", "eur"))
    return next((unit for group, unit in signs if match.group(group)), "")


def _is_date_part(text: str, match: re.Match[str], unit: str) -> bool:
    """A calendar year ("in 2021") or a day of a month ("March 8"): dates, not quantities."""
    num = match.group("num")
    if _currency(match) or match.group("scale") or unit:
        return False
    if not num.isdigit():
        return False
    if len(num) == 4 and 1900 <= int(num) <= 2100:
        return True
    return int(num) <= 31 and bool(
        _MONTH_BEFORE.search(text, 0, match.start()) or _MONTH_AFTER.match(text, match.end())
    )


def quantities(text: str, skip_years: bool = True) -> list[Quantity]:
    """Every number in ``text`` with its scale and unit, in order of appearance.

    "10.23 billion yuan" -> 1.023e10 yuan; "$2.37 billion" -> 2.37e9 usd; "6,053" -> 6053;
    "34.7 percent" -> 34.7 percent; "two" -> 2; "1 year and 9 months" -> 1.75 years;
    "21 months" -> 1.75 years. Bare calendar years ("in 2021") and days of a month
    ("March 8") are left out when ``skip_years``: they date a figure rather than state it.
    """
    found, pos = [], 0
    while m := _NUMBER.search(text, pos):
        value = _to_float(m.group("num"))
        if m.group("scale"):
            value *= _SCALES[m.group("scale").strip().lower()]
        unit, end = _currency(m), m.end()
        if unit:
            if not m.group("scale") and re.match(r"m(?![a-z])", text[end : end + 2], re.I):
                value, end = value * 1e6, end + 1  # "£4.2m": millions after a currency sign
        else:
            for pattern, canonical in _UNIT_RE:
                u = pattern.match(text, end)
                if u:
                    unit, end = canonical, u.end()
                    break
        if unit == "years":
            extra = _MONTHS_AFTER_YEARS.match(text, end)
            if extra:
                value += _to_float(extra.group("n")) / 12
                end = extra.end()
        elif unit == "months":
            unit, value = "years", value / 12
        pos = end
        if skip_years and _is_date_part(text, m, unit):
            continue
        found.append(Quantity(value, unit, text[m.start() : end]))
    return found


def first_quantity(text: str) -> Quantity | None:
    """The number stated first in ``text`` (dates skipped), or None."""
    found = quantities(text)
    return found[0] if found else None


def canonical_unit(unit: str | None) -> str | None:
    """Map a unit as written in a test case ("USD", "%", "km2", "") to its canonical name
    (one of :data:`UNITS`, or "months"); None when it is not a unit this module reads."""
    if not unit:
        return ""
    if unit.strip() in {"$", "US$"}:
        return "usd"
    for pattern, canonical in _UNIT_RE:
        if pattern.fullmatch(unit.strip()):
            return canonical
    return None


def numeric_match(
    text: str,
    value: float,
    unit: str = "",
    tolerance: float = 0.0,
    abs_tolerance: float = 0.0,
) -> bool:
    """True when the first number in ``text`` is within tolerance of ``value`` in ``unit``.

    ``tolerance`` is relative (0.01 = 1 %), ``abs_tolerance`` absolute; either suffices. An
    expected unit of "" (a count) accepts only a number without a recognised unit; months
    are compared as years, as they are read.
    """
    expected = canonical_unit(unit)
    if expected is None:
        raise ValueError(f"unknown unit {unit!r}; known: {', '.join(UNITS[1:])}")
    if expected == "months":
        expected, value, abs_tolerance = "years", value / 12, abs_tolerance / 12
    q = first_quantity(text)
    if q is None:
        return False
    unit = "" if q.unit in LATER_UNITS and expected not in LATER_UNITS else q.unit
    if unit != expected:
        return False
    allowed = max(abs(value) * tolerance, abs_tolerance)
    return math.isclose(q.value, value, rel_tol=0.0, abs_tol=allowed + 1e-9 * max(1, abs(value)))
