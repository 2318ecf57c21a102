"""Units and currencies: the patterns that find them after a number, their canonical names
and kinds, the unit a question asks in, and conversions between units of one kind.

The vocabulary is data in :mod:`qa.lexicon.units` and :mod:`qa.lexicon.currencies`; this
module turns it into regular expressions with one named group per entry (``u3``, ``c7``), so
a match says which unit it found.
"""

from __future__ import annotations

import re

from ..lexicon import currencies, units
from ..lexicon.currencies import CURRENCY_NAMES, CURRENCY_SYMBOLS
from ..lexicon.units import POUNDS_MONEY, POUNDS_PATTERN, POUNDS_WEIGHT, POUNDS_WEIGHT_TO_BASE

# (pattern, canonical name, kind); longer patterns first inside each alternative group.
UNIT_TABLE: tuple[tuple[str, str, str], ...] = tuple((p, n, k) for p, n, k, _ in units.UNITS)
SYMBOL_RE = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
UNITS_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(UNIT_TABLE))
CURRENCY_RE = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CURRENCY_NAMES))
# "pounds" is money or weight; the words before it decide (see :func:`unit_of`).
POUNDS_RE = rf"(?P<pounds>{POUNDS_PATTERN})"
UNIT_INDEX = {f"u{i}": entry for i, entry in enumerate(UNIT_TABLE)}
CURRENCY_INDEX = {f"c{i}": name for i, (_, name) in enumerate(CURRENCY_NAMES)}
# Abbreviations the patterns match in any case but that are units only as written: "5 MW",
# not "5 mw"; "3 won", not "3 Won".
_EXACT_CASE = {w.lower(): w for w in units.EXACT_CASE | currencies.EXACT_CASE}

# Words of money a sum in pounds goes with, near it or anywhere before it in its sentence.
_MONEY_WORDS = (
    r"costs?|costing|priced|price[sd]?|pa(?:y|id|ys|ying)|spen[dt]|fees?|fares?|fined?|salary|"
    r"wages?|budget|funding|raised?|charges?|charged|earn(?:s|ed)?|tickets?"
)
# "costs 300 pounds" is money, "weighs 300 pounds" is not.
_MONEY_BEFORE = re.compile(
    r"\b(?:" + _MONEY_WORDS + r"|spending|worth|sold|bought|donated|invested)\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d)){0,25}?(?:at|for|of|to)?\s*(?:about|around|nearly|some|just|"
    r"over|under|only|up\s+to)?\s*$",
    re.IGNORECASE,
)
# Said anywhere earlier in the sentence, these make pounds money when no weight is named.
_MONEY_WORD = re.compile(
    r"\b(?:" + _MONEY_WORDS + r"|salaries|w[oi]n|wins|winning|prizes?|bonus(?:es)?|"
    r"compensation|damages|grants?|loans?|debts?|rents?|rewards?|donat\w+)\b",
    re.IGNORECASE,
)
_WEIGHT_WORD = re.compile(r"\b(?:weigh\w*|heav(?:y|ier|iest)|lbs?|mass)\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)  # "500 pounds of cargo": a weight of it


def unit_key(m: re.Match[str]) -> str | None:
    """The named group (``u3``, ``c7``) of the unit or currency name ``m`` matched, if any."""
    return next(
        (k for k, v in m.groupdict().items() if v and k[0] in "uc" and k[1:].isdigit()), None
    )


def unit_of(m: re.Match[str]) -> tuple[str | None, str]:
    """The canonical unit and kind of a number match (with ``sym``, ``scale`` and unit
    groups); ``(None, "number")`` for a bare number."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "sym" in groups:
        symbol = groups["sym"]
        key = symbol if symbol in CURRENCY_SYMBOLS else symbol.upper()
        return CURRENCY_SYMBOLS.get(key, "US dollars"), "money"
    for key in groups:
        if key in CURRENCY_INDEX:
            return CURRENCY_INDEX[key], "money"
        if key in UNIT_INDEX:
            _, name, kind = UNIT_INDEX[key]
            return name, kind
    if "pounds" in groups:
        before = m.string[: m.start()]
        if groups.get("scale"):
            money = True
        elif _WEIGHT_WORD.search(before[-25:]):
            money = False  # "paid a fee, weighed 40 pounds"
        elif _MONEY_BEFORE.search(before[-40:]):
            money = True
        else:
            # "A return ticket for an adult will go up from 25 pounds to 27 pounds": a word
            # of money earlier in the sentence, and none of weight, says which.
            money = not _OF_AFTER.match(m.string, m.end()) and bool(
                _MONEY_WORD.search(before) and not _WEIGHT_WORD.search(before)
            )
        return (POUNDS_MONEY, "money") if money else (POUNDS_WEIGHT, "mass")
    return None, "number"


def unit_case_ok(unit_text: str) -> bool:
    """Whether a unit written ``unit_text`` has the case its abbreviation needs."""
    expected = _EXACT_CASE.get(unit_text.lower())
    return expected is None or unit_text == expected


# --- units in questions and conversions -------------------------------------------------

_ASKED_UNIT = re.compile(
    rf"\b(?:in|into|as|to)\s+(?:(?P<sym>{SYMBOL_RE})(?![\w])|(?P<name>(?:{CURRENCY_RE})"
    rf"|(?:{UNITS_RE}))(?![\w]))",
    re.IGNORECASE,
)


def asked_unit(question: str) -> str | None:
    """The unit a question asks its answer in ("in dollars" → "US dollars"), if any."""
    m = _ASKED_UNIT.search(question)
    if not m:
        return None
    if m.group("sym"):
        return CURRENCY_SYMBOLS.get(m.group("sym").upper(), CURRENCY_SYMBOLS.get(m.group("sym")))
    inner = re.fullmatch(f"(?:{CURRENCY_RE})|(?:{UNITS_RE})", m.group("name"), re.IGNORECASE)
    if inner is None:
        return None
    for key, val in inner.groupdict().items():
        if val is None:
            continue
        if key in CURRENCY_INDEX:
            return CURRENCY_INDEX[key]
        if key in UNIT_INDEX and UNIT_INDEX[key][2] not in ("duration", "multiple"):
            return UNIT_INDEX[key][1]
    return None


# Physical conversions: the size of each unit in its kind's base unit.
_TO_BASE = {name: size for _, name, _, size in units.UNITS if size is not None}
_TO_BASE[POUNDS_WEIGHT] = POUNDS_WEIGHT_TO_BASE
_KIND_OF_UNIT = {name: kind for _, name, kind in UNIT_TABLE}
_KIND_OF_UNIT[POUNDS_WEIGHT] = "mass"


def unit_kind(unit: str | None) -> str | None:
    """ "area" for "square kilometers", "money" for a currency, None when unknown."""
    if unit is None:
        return None
    if unit in CURRENCY_SYMBOLS.values() or unit == POUNDS_MONEY:
        return "money"
    return _KIND_OF_UNIT.get(unit)


def conversion_factor(from_unit: str, to_unit: str) -> float | None:
    """How many ``to_unit`` make one ``from_unit`` (physical units of one kind only)."""
    if from_unit not in _TO_BASE or to_unit not in _TO_BASE:
        return None
    if unit_kind(from_unit) != unit_kind(to_unit):
        return None
    return _TO_BASE[from_unit] / _TO_BASE[to_unit]
