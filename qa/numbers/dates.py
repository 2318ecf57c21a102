"""Dates in English text: "2016", "1480", "May 2017", "April 3, 2018", "3 April 2018",
"2018-04-03", "Q3 2016", "the second half of 2019", and dates relative to a reference date
("last year", "on Saturday", "on May 3", "three years ago").

A date's ``time`` is an ISO prefix ("2016", "2017-05", "2018-04-03", "2016-Q3", "2019-H2").
:data:`YEAR` is the one pattern of a year every reader uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon.time_words import WEAK_YEAR_CUES, YEAR_CUES, YEAR_NOUNS
from .units import UNITS_RE
from .values import parse_number

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
# A number written as a year: the project's one reading of it, 1000 to 2199.
YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_YEAR_WORD = re.compile(YEAR)


def is_year(word: str) -> bool:
    """Whether ``word`` is a number written as a year ("1849", "2026")."""
    return _YEAR_WORD.fullmatch(word) is not None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_day_or_month(word: str) -> bool:
    """Whether ``word`` names a month or a weekday ("March", "sept", "Tuesday")."""
    lower = word.lower()
    return lower in MONTHS or lower in WEEKDAYS


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
    rf"(?P<pk>half|quarter)\s+of\s+(?P<py>{YEAR}))\b"
    rf"|\b(?P<q>Q(?P<qn>[1-4])\s+(?P<qy>{YEAR}))\b"
    rf"|\b(?P<iso>(?P<iy>{YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b"
    rf"|\b(?P<mdy>(?P<m1>{_MONTH_RE})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>{YEAR}))\b"
    rf"|\b(?P<dmy>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\s+(?P<y2>{YEAR}))\b"
    rf"|\b(?P<my>(?P<m3>{_MONTH_RE})(?:\s+of)?,?\s+(?P<y3>{YEAR}))\b"
    rf"|(?<![\w$€£¥.,-])(?P<year>{YEAR})(?![\w.,]\d|[\w%])"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<rel>(?:last|this|next|the\s+previous|the\s+past|the\s+following)\s+year"
    r"|(?P<ago>[a-z]+|\d+)\s+years?\s+ago|a\s+year\s+(?:ago|earlier))\b",
    re.IGNORECASE,
)


# A bare four-digit number is a year only in a year's company: "in 2019", "by 2025",
# "2019," — not "2019 employees". After a weak cue ("with", "against") or outside 1800-2100,
# a number before a plural noun counts it ("with 1500 members", "in 1200 homes"); a year's
# own nouns are the exception ("against 2019 levels").
def _alternatives(words: frozenset[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:{_alternatives(YEAR_CUES)})\s*|-\s*|[(,]\s*|^\s*)$", re.IGNORECASE
)
_WEAK_YEAR_CUE = re.compile(rf"\b(?:{_alternatives(WEAK_YEAR_CUES)})\s*$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(rf"^\s+(?!(?:{_alternatives(YEAR_NOUNS)})\b)[a-z]+s\b")
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:" + UNITS_RE + r")\b", re.IGNORECASE)


_DATE_HINT = re.compile(r"\d|day|year", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date in text: ``time`` is an ISO prefix ("2016", "2017-05", "2018-04-03")."""

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
    if not _DATE_HINT.search(text):
        return found  # no digit, no weekday, no "year": the full pattern is slow to try
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
                ahead = _said_ahead(text, m.start())
                time, kind = _weekday(m.group("weekday"), reference, ahead), "resolved-relative"
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
    found += _range_ends(text, found)
    if reference:
        found += _days_without_year(text, reference, found)
    found.sort(key=lambda d: d.start)
    return found


_YEAR_RANGE = re.compile(rf"\b({YEAR})\s*[-–]\s*({YEAR})\b")


def _range_ends(text: str, taken: list[DateMention]) -> list[DateMention]:
    """The second year of a range whose first is a date ("1507-1582", "from 2019–2021")."""
    starts = {d.start for d in taken}
    return [
        DateMention(m.group(2), "year", m.start(2), m.end(2), m.group(2), "to")
        for m in _YEAR_RANGE.finditer(text)
        if m.start(1) in starts and m.start(2) not in starts and m.group(2) > m.group(1)
    ]


# "on May 3" in an article of May 5, 2025: a day of the article's year (or the year before,
# for a day after the article's date), unless its clause speaks of what is to come ("will
# walk out from March 24": the next March 24). The month is capitalised: "may" is a verb.
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
        ahead = _said_ahead(text, m.start())
        soon = when > ref and (when - ref).days <= _SOON_DAYS and _scheduled(text, m.start())
        if not soon and (when < ref if ahead else when > ref):
            try:
                when = date(ref.year + (1 if ahead else -1), _month(month), int(day))
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


# What a clause says of the future before its date: "will", "is due to", "are set to".
_AHEAD = re.compile(
    r"\b(?:will|shall|won't|(?:is|are)\s+(?:due|set|scheduled|expected|going|planned)\s+to"
    r"|(?:is|are)\s+to\s+be)\b|'ll\b"
    # reported speech: "said the walkout would continue until Friday"
    r"|\b(?:said|says|warned|announced|promised|added)\b(?:(?!\bhad\b)[^,.;])*\bwould\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.,;:!?]\s")


# "a final that starts on 16 May" in a story of 9 May: a day soon after the story's date,
# in a clause in the present tense, is this year's, not last year's.
_SOON_DAYS = 92
_PRESENT = re.compile(
    r"\b(?:starts|begins|opens|runs|ends|closes|is|are|takes\s+place|falls|comes)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _scheduled(text: str, at: int) -> bool:
    """Whether the words just before a day say what happens on it in the present tense."""
    return bool(_PRESENT.search(text[max(0, at - 40) : at]))


def _said_ahead(text: str, at: int) -> bool:
    """Whether the clause before ``at`` speaks of what is to come (a comma ends a clause:
    "will walk out, the union said on Wednesday" said it on a past Wednesday)."""
    before = text[:at]
    ends = list(_CLAUSE_END.finditer(before))
    return bool(_AHEAD.search(before[ends[-1].end() if ends else 0 :]))


def _weekday(name: str, reference: str, ahead: bool) -> str:
    """The latest date on or before ``reference`` that falls on weekday ``name``, or with
    ``ahead`` the first after it."""
    ref = date.fromisoformat(reference[:10])
    if ahead:
        return (
            ref + timedelta(days=(WEEKDAYS.index(name.lower()) - ref.weekday() - 1) % 7 + 1)
        ).isoformat()
    back = (ref.weekday() - WEEKDAYS.index(name.lower())) % 7
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
