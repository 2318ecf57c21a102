"""Find numbers, amounts and dates in English text, with their spans.

``find_quantities`` reads "6,053", "10.23 billion yuan", "$15.78 billion", "US$45 million",
"3.4 billion Norwegian crowns", "5 square kilometers", "3.2 km2", "34.7 percent", "two",
"a dozen", "twenty-five" ("costs 540 pounds" is money, "weighs 540 pounds" is not);
``find_dates`` reads "2019", "1479", "June 2020", "March 8, 2022", "2022-03-08" and relative
dates ("last year", "on Saturday", "on May 3") against a reference date. Values are plain
floats ("10.23 billion" is 1.023e10); units are canonical names ("yuan", "US dollars",
"square kilometers", "percent").
Numbers that belong to dates, or to names ("COVID-19", "G20", "5G", "Line 4"), scores
("a 3-1 win") and eras ("800 AD") are not quantities.

Everything here is general English vocabulary; nothing is about a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# --- number words -----------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
}

_UNIT_W = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_W = "|".join(TENS_WORDS)
_UNDER_100 = rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNIT_W}))?|(?:{_UNIT_W}))"
# "one" is a number only where it counts something: not "one of", "one day", "one-stop".
_NOT_ONE = (
    r"(?<!\bno )(?<!\bthe )(?<!\bthis )(?<!\bthat )(?!one[-\s]+(?:of|another|day|such|way|side|"
    r"hand|thing|more|time|stop|point|after|by|who|which|that|'s)\b)"
)
_WORD_NUMBER = (
    rf"{_NOT_ONE}(?:{_UNDER_100}(?:\s+hundred(?:\s+(?:and\s+)?{_UNDER_100})?)?"
    r"|a\s+dozen|a\s+(?:hundred|thousand|million|billion)|half\s+a\s+(?:million|billion)|dozen)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def parse_number(text: str) -> float | None:
    """The value of a written number: "6,053" → 6053, "10.23 billion" → 1.023e10,
    "two" → 2, "a dozen" → 12, "twenty-five" → 25, "one hundred and five" → 105.

    Returns None when ``text`` is not a number.
    """
    spaced = re.sub(r"[-\s]+", " ", text.strip().lower()).replace(" and ", " ")
    words = spaced.replace("half a ", "half ").replace("half an ", "half ").split()
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for w in words:
        if re.fullmatch(_DIGITS, w):
            current = (current or 0) + float(w.replace(",", ""))
        elif w in UNITS_WORDS or w in TENS_WORDS:
            current = (current or 0) + UNITS_WORDS.get(w, TENS_WORDS.get(w, 0))
        elif w in ("a", "an"):
            current = (current or 0) + 1
        elif w == "half":
            current = (current or 0) + 0.5
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current if current is not None else 1) * SCALES[w]
            current = None
        else:
            return None
    return total + (current or 0)


# --- units and currencies ---------------------------------------------------------------

# (pattern, canonical name, kind); longer patterns first inside each alternative group.
_UNIT_TABLE: tuple[tuple[str, str, str], ...] = (
    (r"square\s+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²|square\s+km", "square kilometers", "area"),
    (r"square\s+met(?:er|re)s?|sq\.?\s*m\b|sqm|m2|m²", "square meters", "area"),
    (r"square\s+miles?|sq\.?\s*mi\b", "square miles", "area"),
    (r"square\s+f(?:ee|oo)t|sq\.?\s*ft", "square feet", "area"),
    (r"hectares?|ha\b", "hectares", "area"),
    (r"acres?", "acres", "area"),
    (r"percentage\s+points?", "percentage points", "percent"),
    (r"per\s*cent|percent|pct\b|%", "percent", "percent"),
    (r"kilomet(?:er|re)s?\s+per\s+hour|km/h|kph", "kilometers per hour", "speed"),
    (r"miles\s+per\s+hour|mph", "miles per hour", "speed"),
    (r"kilomet(?:er|re)s?|km\b", "kilometers", "length"),
    (r"centimet(?:er|re)s?|cm\b", "centimeters", "length"),
    (r"millimet(?:er|re)s?|mm\b", "millimeters", "length"),
    (r"nanomet(?:er|re)s?|nm\b", "nanometers", "length"),
    (r"met(?:er|re)s?", "meters", "length"),
    (r"miles?", "miles", "length"),
    (r"f(?:ee|oo)t|ft\b", "feet", "length"),
    (r"metric\s+tons?|tonnes?|tons?", "tons", "mass"),
    (r"kilograms?|kg\b", "kilograms", "mass"),
    (r"grams?", "grams", "mass"),
    (r"terawatt[-\s]hours?|TWh", "terawatt-hours", "energy"),
    (r"gigawatt[-\s]hours?|GWh", "gigawatt-hours", "energy"),
    (r"megawatt[-\s]hours?|MWh", "megawatt-hours", "energy"),
    (r"kilowatt[-\s]hours?|kWh", "kilowatt-hours", "energy"),
    (r"gigawatts?|GW\b", "gigawatts", "power"),
    (r"megawatts?|MW\b", "megawatts", "power"),
    (r"kilowatts?|kW\b", "kilowatts", "power"),
    (r"cubic\s+met(?:er|re)s?|m3|m³", "cubic meters", "volume"),
    (r"lit(?:er|re)s?", "liters", "volume"),
    (r"barrels?", "barrels", "volume"),
    (r"degrees?\s+Celsius|°C", "degrees Celsius", "temperature"),
    (r"decades?", "decades", "duration"),
    (r"years?", "years", "duration"),
    (r"months?", "months", "duration"),
    (r"weeks?", "weeks", "duration"),
    (r"days?", "days", "duration"),
    (r"hours?", "hours", "duration"),
    (r"minutes?", "minutes", "duration"),
    (r"times|-?fold", "times", "multiple"),
)

_CURRENCY_NAMES: tuple[tuple[str, str], ...] = (
    (r"yuan|renminbi|RMB|CNY", "yuan"),
    (r"(?:US|U\.S\.|American)\s+dollars?|USD", "US dollars"),
    (r"Hong\s+Kong\s+dollars?|HKD", "Hong Kong dollars"),
    (r"Australian\s+dollars?|AUD", "Australian dollars"),
    (r"Canadian\s+dollars?|CAD", "Canadian dollars"),
    (r"Singapore\s+dollars?|SGD", "Singapore dollars"),
    (r"New\s+Taiwan\s+dollars?|NT\s+dollars?|TWD", "New Taiwan dollars"),
    (r"dollars?", "US dollars"),
    (r"euros?|EUR", "euros"),
    (r"(?:British\s+)?pounds\s+sterling|sterling|GBP", "pounds"),
    (
        r"(?:(?:Norwegian|Swedish|Danish|Icelandic|Czech|Estonian)\s+)?(?:crowns?|kron(?:or|er|a|e|ur))"
        r"|NOK|SEK|DKK|ISK|CZK",
        "crowns",
    ),
    (r"zloty|zlotys|PLN", "zloty"),
    (r"(?:Turkish\s+)?lira|TRY", "lira"),
    (r"shekels?|ILS", "shekels"),
    (r"naira|NGN", "naira"),
    (r"yen|JPY", "yen"),
    (r"rupees?|INR", "rupees"),
    (r"won|KRW", "won"),
    (r"r[ou]bles?|RUB", "rubles"),
    (r"(?:Swiss\s+)?francs?|CHF", "francs"),
    (r"pesos?", "pesos"),
    (r"reais|real", "reais"),
    (r"rand", "rand"),
    (r"dirhams?", "dirhams"),
    (r"riyals?", "riyals"),
    (r"baht", "baht"),
    (r"ringgit", "ringgit"),
)

_CURRENCY_SYMBOLS = {
    "US$": "US dollars",
    "$": "US dollars",
    "HK$": "Hong Kong dollars",
    "A$": "Australian dollars",
    "AU$": "Australian dollars",
    "C$": "Canadian dollars",
    "CA$": "Canadian dollars",
    "S$": "Singapore dollars",
    "NT$": "New Taiwan dollars",
    "R$": "reais",
    "€": "euros",
    "£": "pounds",
    "¥": "yuan",
    "₹": "rupees",
    "₩": "won",
    "RMB": "yuan",
    "CNY": "yuan",
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "JPY": "yen",
    "HKD": "Hong Kong dollars",
    "Rs": "rupees",
    "Rs.": "rupees",
    "INR": "rupees",
}
_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True))

_UNITS_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_UNIT_TABLE))
_CURRENCY_RE = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_NAMES))
# "pounds" after a scale word is money ("5 million pounds"), otherwise weight.
_POUNDS_RE = r"(?P<pounds>pounds?|lbs?\b)"

_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹.,-])(?<![A-Za-z]-)"
    rf"(?:(?P<sym>{_SYMBOL_RE})\s?)?"
    rf"(?P<num>{_DIGITS}|\b{_WORD_NUMBER}\b)"
    rf"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn|k)\b)?"
    rf"(?:(?:[\s-]?(?:{_UNITS_RE}))(?![A-Za-z])|\s(?:{_CURRENCY_RE})\b|\s{_POUNDS_RE})?"
    rf"(?![\w])",
    re.IGNORECASE,
)
_UNIT_INDEX = {f"u{i}": entry for i, entry in enumerate(_UNIT_TABLE)}
_CURRENCY_INDEX = {f"c{i}": name for i, (_, name) in enumerate(_CURRENCY_NAMES)}
# Case matters for a few short unit names: "m" and "MW" are not "mw" in prose.
_CASE_SENSITIVE_UNITS = re.compile(r"^(?:TWh|GWh|MWh|kWh|GW|MW|kW|ha|cm|mm|nm|km|ft|kg)$")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit; ``start``/``end`` index the scanned text."""

    value: float
    unit: str | None  # canonical unit or currency; None for a bare number
    kind: str  # "money", "area", "percent", "length", ..., or "number" (bare)
    start: int
    end: int
    surface: str
    number_text: str  # the number as written, scale included ("10.23 billion", "two")

    @property
    def is_money(self) -> bool:
        return self.kind == "money"


def _unit_of(m: re.Match[str]) -> tuple[str | None, str]:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if "sym" in groups:
        symbol = groups["sym"]
        key = symbol if symbol in _CURRENCY_SYMBOLS else symbol.upper()
        return _CURRENCY_SYMBOLS.get(key, "US dollars"), "money"
    for key in groups:
        if key in _CURRENCY_INDEX:
            return _CURRENCY_INDEX[key], "money"
        if key in _UNIT_INDEX:
            _, name, kind = _UNIT_INDEX[key]
            return name, kind
    if "pounds" in groups:
        money = groups.get("scale") or _MONEY_BEFORE.search(
            m.string[max(0, m.start() - 40) : m.start()]
        )
        return ("pounds", "money") if money else ("pounds (weight)", "mass")
    return None, "number"


# "costs 540 pounds" is money, "weighs 540 pounds" is not.
_MONEY_BEFORE = re.compile(
    r"\b(?:costs?|costing|priced|price[sd]?|pa(?:y|id|ys|ying)|spen[dt]|spending|worth|fees?|"
    r"fares?|fined?|salary|wages?|budget|funding|raised?|sold|bought|charges?|charged|earn(?:s|ed)?|"
    r"donated|invested|tickets?)\b[^.;]{0,25}?(?:at|for|of|to)?\s*(?:about|around|nearly|some|just|"
    r"over|under|only|up\s+to)?\s*$",
    re.IGNORECASE,
)
# A capitalised word before a bare number makes a name ("Line 4", "Ariane 6", "Apollo 11")
# unless the word is a function word ("About 320", "In 2019", "Some 40").
_NAME_WORD = re.compile(r"\b([A-Z][A-Za-z]+)\s+$")
_NOT_NAME_WORDS = frozenset(
    """
    about around nearly almost some over under only just roughly approximately exactly
    another all in on at by for from to of with since until after before during than and or
    but the a an its their his her our this that these those each every both up down
    more less fewer at least most another per plus minus between among also only even
    just among some total totalling
    """.split()
)


def find_quantities(text: str, skip: list[tuple[int, int]] | tuple = ()) -> list[Quantity]:
    """Every number in ``text`` with its unit, skipping spans in ``skip`` (dates, say)."""
    found: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in skip):
            continue
        value = parse_number(m.group("num"))
        if value is None or _is_name_or_score(text, m):
            continue
        if re.match(r"\s*(?:AD|BC|BCE|CE)\b", text[m.end() :]):
            continue  # "around 800 AD" is a year
        unit, kind = _unit_of(m)
        unit_key = next(
            (k for k, v in m.groupdict().items() if v and k[0] in "uc" and k[1:].isdigit()), None
        )
        if unit_key and not _unit_case_ok(m.group(unit_key)):
            # "5 mw" or "3 Won" in prose are not units: keep the bare number.
            unit, kind = None, "number"
            end = len(text[: m.start(unit_key)].rstrip(" -"))
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        number_text = m.group("num") + (f" {scale}" if scale else "")
        found.append(Quantity(value, unit, kind, start, end, text[start:end], number_text.strip()))
    return found


def _is_name_or_score(text: str, m: re.Match[str]) -> bool:
    """A bare number that names something ("Line 4", "Ariane 6") or is part of a score or
    range written with a hyphen ("a 3-1 win")."""
    bare = not (m.group("sym") or m.group("scale")) and all(
        v is None for k, v in m.groupdict().items() if k[0] in "uc" and k[1:].isdigit()
    )
    if not bare or not m.group("num")[0].isdigit():
        return False
    if re.match(r"-\d", text[m.end() : m.end() + 2]):
        return True
    word = _NAME_WORD.search(text[max(0, m.start() - 30) : m.start()])
    if word is None:
        return False
    return word.group(1).lower() not in _NOT_NAME_WORDS and not _is_month(word.group(1))


def _is_month(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS


def _unit_case_ok(unit_text: str) -> bool:
    """Abbreviations are matched case-insensitively by the regex; check the case here."""
    abbreviations = {
        "twh": "TWh",
        "gwh": "GWh",
        "mwh": "MWh",
        "kwh": "kWh",
        "gw": "GW",
        "mw": "MW",
        "kw": "kW",
        "ha": "ha",
        "won": "won",
        "real": "real",
        "try": "TRY",
        "ils": "ILS",
        "nok": "NOK",
        "sek": "SEK",
        "dkk": "DKK",
        "isk": "ISK",
        "czk": "CZK",
        "pln": "PLN",
        "ngn": "NGN",
    }
    expected = abbreviations.get(unit_text.lower())
    return expected is None or unit_text == expected


# --- dates ------------------------------------------------------------------------------

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINAL_PARTS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_DATES = re.compile(
    rf"\b(?P<part>(?:the\s+)?(?P<pn>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
    rf"(?P<pk>half|quarter)\s+of\s+(?P<py>{_YEAR}))\b"
    rf"|\b(?P<q>Q(?P<qn>[1-4])\s+(?P<qy>{_YEAR}))\b"
    rf"|\b(?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b"
    rf"|\b(?P<mdy>(?P<m1>{_MONTH_RE})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR}))\b"
    rf"|\b(?P<dmy>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\s+(?P<y2>{_YEAR}))\b"
    rf"|\b(?P<my>(?P<m3>{_MONTH_RE})(?:\s+of)?,?\s+(?P<y3>{_YEAR}))\b"
    rf"|(?<![\w$€£¥.,-])(?P<year>{_YEAR})(?![\w.,]\d|[\w%])"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>(?:last|this|next|the\s+previous|the\s+past|the\s+following)\s+year"
    r"|(?P<ago>[a-z]+|\d+)\s+years?\s+ago|a\s+year\s+(?:ago|earlier))\b",
    re.IGNORECASE,
)
# A bare four-digit number is a year only in a year's company: "in 2019", "by 2025",
# "2019," — not "2019 employees".
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|by|since|from|until|till|through|to|of|before|after|between|and|or|early|"
    r"late|mid|year|fiscal|the|as of|during|for|around|circa|end of|start of|beginning of|"
    r"with|against|versus|-)\s*|[(,]\s*|^\s*)$",
    re.IGNORECASE,
)
# After a weak cue ("with", "against") or outside 1800-2100, a number before a plural noun
# counts it ("with 1500 members", "in 1200 homes"); a year's own nouns are the exception.
_WEAK_YEAR_CUE = re.compile(r"\b(?:with|against|versus)\s*$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(
    r"^\s+(?!(?:levels|figures|prices|values|rates|terms|dollars|results|standards|elections|"
    r"games|olympics|accounts|earnings|sales)\b)[a-z]+s\b"
)
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:" + _UNITS_RE + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date in text: ``time`` is an ISO prefix ("2019", "2020-06", "2022-03-08")."""

    time: str
    kind: str  # "year", "month", "date", "quarter", "half-year" or "resolved-relative"
    start: int
    end: int
    surface: str
    preposition: str | None  # the word before it ("in", "by", "since"), lower-cased

    @property
    def year(self) -> int:
        return int(self.time[:4])


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Dates in ``text``; relative ones ("last year") need ``reference`` (ISO date)."""
    found: list[DateMention] = []
    for m in _DATES.finditer(text):
        time: str | None = None
        kind = "year"
        if m.group("part"):
            n = _ORDINAL_PARTS[m.group("pn").lower()]
            if m.group("pk").lower() == "half" and n <= 2:
                time, kind = f"{m.group('py')}-H{n}", "half-year"
            elif m.group("pk").lower() == "quarter":
                time, kind = f"{m.group('py')}-Q{n}", "quarter"
        elif m.group("q"):
            time, kind = f"{m.group('qy')}-Q{m.group('qn')}", "quarter"
        elif m.group("weekday"):
            if reference:
                time, kind = _last_weekday(m.group("weekday"), reference), "resolved-relative"
        elif m.group("iso"):
            time, kind = m.group("iso"), "date"
        elif m.group("mdy") or m.group("dmy"):
            y, mo, d = (
                (m.group("y1"), m.group("m1"), m.group("d1"))
                if m.group("mdy")
                else (m.group("y2"), m.group("m2"), m.group("d2"))
            )
            if 1 <= int(d) <= 31:
                time, kind = f"{y}-{_month(mo):02d}-{int(d):02d}", "date"
        elif m.group("my"):
            time, kind = f"{m.group('y3')}-{_month(m.group('m3')):02d}", "month"
        elif m.group("year"):
            before, after = text[: m.start()], text[m.end() :]
            weak = _WEAK_YEAR_CUE.search(before[-20:]) or not 1800 <= int(m.group("year")) <= 2100
            if (
                _YEAR_BEFORE.search(before[-20:])
                and not _NOT_YEAR_AFTER.match(after)
                and not (weak and _COUNTED_AFTER.match(after))
            ):
                time = m.group("year")
        elif m.group("rel") and reference:
            time, kind = _resolve_relative(m.group("rel").lower(), m.group("ago"), reference)
        if time is None:
            continue
        prev = re.search(r"([A-Za-z]+)\W*$", text[: m.start()])
        found.append(
            DateMention(
                time, kind, m.start(), m.end(), m.group(0), prev.group(1).lower() if prev else None
            )
        )
    if reference:
        found += _days_without_year(text, reference, found)
        found.sort(key=lambda d: d.start)
    return found


# "on May 3" in an article of May 5, 2025: a day of the article's year (or the year before,
# for a day after the article's date). The month is capitalised: "may" is a verb.
_DAY_NO_YEAR = re.compile(
    r"\b(?:(?P<m1>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>January|"
    r"February|March|April|May|June|July|August|September|October|November|December))\b"
    r"(?!,?\s+\d{4})(?![-/]\d)"
)


def _days_without_year(text: str, reference: str, taken: list[DateMention]) -> list[DateMention]:
    out = []
    ref = date.fromisoformat(reference[:10])
    for m in _DAY_NO_YEAR.finditer(text):
        if any(d.start <= m.start() < d.end for d in taken):
            continue
        month, day = (
            (m.group("m1"), m.group("d1")) if m.group("m1") else (m.group("m2"), m.group("d2"))
        )
        try:
            when = date(ref.year, _month(month), int(day))
        except ValueError:
            continue
        if when > ref:
            try:
                when = date(ref.year - 1, _month(month), int(day))
            except ValueError:
                continue
        prev = re.search(r"([A-Za-z]+)\W*$", text[: m.start()])
        out.append(
            DateMention(
                when.isoformat(),
                "resolved-relative",
                m.start(),
                m.end(),
                m.group(0),
                prev.group(1).lower() if prev else None,
            )
        )
    return out


def _last_weekday(name: str, reference: str) -> str:
    """The latest date on or before ``reference`` that falls on weekday ``name``."""
    ref = date.fromisoformat(reference[:10])
    back = (ref.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return (ref - timedelta(days=back)).isoformat()


def _resolve_relative(phrase: str, ago: str | None, reference: str) -> tuple[str | None, str]:
    year = int(reference[:4])
    if ago is not None:
        n = parse_number(ago)
        return (str(year - int(n)), "resolved-relative") if n else (None, "")
    if phrase.startswith(("last", "the previous", "the past", "a year")):
        return str(year - 1), "resolved-relative"
    if phrase.startswith("this"):
        return str(year), "resolved-relative"
    return str(year + 1), "resolved-relative"


# --- units in questions, conversion and formatting -------------------------------------

_ASKED_UNIT = re.compile(
    rf"\b(?:in|into|as|to)\s+(?:(?P<sym>{_SYMBOL_RE})(?![\w])|(?P<name>(?:{_CURRENCY_RE})"
    rf"|(?:{_UNITS_RE}))(?![\w]))",
    re.IGNORECASE,
)


def asked_unit(question: str) -> str | None:
    """The unit a question asks its answer in ("in dollars" → "US dollars"), if any."""
    m = _ASKED_UNIT.search(question)
    if not m:
        return None
    if m.group("sym"):
        return _CURRENCY_SYMBOLS.get(m.group("sym").upper(), _CURRENCY_SYMBOLS.get(m.group("sym")))
    inner = re.fullmatch(f"(?:{_CURRENCY_RE})|(?:{_UNITS_RE})", m.group("name"), re.IGNORECASE)
    if inner is None:
        return None
    for key, val in inner.groupdict().items():
        if val is None:
            continue
        if key in _CURRENCY_INDEX:
            return _CURRENCY_INDEX[key]
        if key in _UNIT_INDEX and _UNIT_INDEX[key][2] not in ("duration", "multiple"):
            return _UNIT_INDEX[key][1]
    return None


# Physical conversions: factor to the kind's base unit.
_TO_BASE = {
    "square kilometers": 1e6,
    "square meters": 1.0,
    "square miles": 2_589_988.110336,
    "square feet": 0.09290304,
    "hectares": 1e4,
    "acres": 4046.8564224,
    "kilometers": 1e3,
    "meters": 1.0,
    "miles": 1609.344,
    "feet": 0.3048,
    "centimeters": 0.01,
    "millimeters": 0.001,
    "nanometers": 1e-9,
    "tons": 1e3,
    "kilograms": 1.0,
    "grams": 1e-3,
    "pounds (weight)": 0.45359237,
    "kilowatts": 1e3,
    "megawatts": 1e6,
    "gigawatts": 1e9,
    "kilowatt-hours": 1.0,
    "megawatt-hours": 1e3,
    "gigawatt-hours": 1e6,
    "terawatt-hours": 1e9,
}
_KIND_OF_UNIT = {name: kind for _, name, kind in _UNIT_TABLE}


def unit_kind(unit: str | None) -> str | None:
    """ "area" for "square kilometers", "money" for a currency, None when unknown."""
    if unit is None:
        return None
    if unit in _CURRENCY_SYMBOLS.values() or unit == "pounds":
        return "money"
    return _KIND_OF_UNIT.get(unit, "mass" if unit == "pounds (weight)" else None)


def conversion_factor(from_unit: str, to_unit: str) -> float | None:
    """How many ``to_unit`` make one ``from_unit`` (physical units of one kind only)."""
    if from_unit not in _TO_BASE or to_unit not in _TO_BASE:
        return None
    if unit_kind(from_unit) != unit_kind(to_unit):
        return None
    return _TO_BASE[from_unit] / _TO_BASE[to_unit]


def format_number(value: float, digits: int = 2) -> str:
    """A number as a reader writes it: 6053 → "6,053", 1.023e10 → "10.23 billion"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_trim(value / scale, digits)} {word}"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    if abs(value) >= 100:
        return f"{value:,.{max(digits - 1, 0)}f}".rstrip("0").rstrip(".")
    return _trim(value, digits)


def _trim(value: float, digits: int) -> str:
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_amount(value: float, unit: str | None, digits: int = 2) -> str:
    """ "10.23 billion yuan", "$2.37 billion", "34.7 percent", "776 graduates"."""
    number = format_number(value, digits)
    if unit == "US dollars":
        return f"${number}"
    if unit is None:
        return number
    return f"{number} {unit}"
