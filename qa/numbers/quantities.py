"""Amounts in English text: a number with its unit or currency, and its span.

``find_quantities`` reads "2,400", "4.75 billion yuan", "$2.3 billion", "US$45 million",
"£68.9m", "1.2 billion Swedish crowns", "20 square kilometers", "3.2 km2", "6.5 percent", "two",
"a dozen", "twenty-five" ("costs 300 pounds" is money, "weighs 300 pounds" is not). Values
are plain floats; units are canonical names. Numbers that name something ("Route 9", "G20"),
scores ("a 2-0 win") and eras ("600 AD") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS
from .units import CURRENCY_RE, POUNDS_RE, SYMBOL_RE, UNITS_RE, unit_case_ok, unit_key, unit_of
from .values import DIGITS, NUMBER_WORDS, SCALES, TIME_UNIT_WORDS, WORD_NUMBER, parse_number

_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹.,-])(?<![A-Za-z]-)"
    rf"(?:(?P<sym>{SYMBOL_RE})\s?)?"
    rf"(?P<num>{DIGITS}|\b{WORD_NUMBER}\b)"
    rf"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn|k)\b"
    # "£68.9m": after a currency sign an "m" is millions, not metres.
    rf"|(?(sym)(?P<mscale>m)\b))?"
    rf"(?:(?:[\s-]?(?:{UNITS_RE}))(?![A-Za-z])|\s(?:{CURRENCY_RE})\b|\s{POUNDS_RE})?"
    rf"(?![\w]|\.\d)",  # "68.9m tall" is no "68"
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
_A_TIME = re.compile(rf"\ban?\s+(?:{TIME_UNIT_WORDS})\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|just\s+over|just\s+under|"
    r"more\s+than|less\s+than|under|over|only|barely)\s+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit; ``start``/``end`` index the scanned text."""

    value: float
    unit: str | None  # canonical unit or currency; None for a bare number
    kind: str  # "money", "area", "percent", "length", ..., or "number" (bare)
    start: int
    end: int
    surface: str
    number_text: str  # the number as written, scale included ("4.75 billion", "two")

    @property
    def is_money(self) -> bool:
        return self.kind == "money"


# A capitalised word before a bare number makes a name ("Route 9", "Gate 12", "Apollo 11")
# unless the word is a function word ("About 320", "In 2019", "Some 40").
_NAME_WORD = re.compile(r"\b([A-Z][A-Za-z]+)\s+$")
# Abbreviations and words that make the number after them a label ("No. 2", "Op. 35", "Vol.
# 3", "at number one").
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Op|Vol|Ch|Art|Fig|pp?)\.|\b(?:number|type|phase|stage|grade|level|"
    r"category|class|tier))\s*$",
    re.IGNORECASE,
)
# A time of day or a race time ("8:30 a.m.", "2:06:41"): its parts are no amounts.
_CLOCK = re.compile(r"(?<![\d.,])\d{1,2}(?::\d{2}){1,2}(?![\d:])")
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
    if not _may_hold_number(text):
        return found  # the full pattern is slow to try at every position
    skip = [*skip, *((c.start(), c.end()) for c in _CLOCK.finditer(text))]
    for m in _QUANTITY.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in skip):
            continue
        value = parse_number(m.group("num"))
        if value is None or (_is_name_or_score(text, m) and not (found and _gapped(text, m))):
            continue
        if re.match(r"\s*(?:AD|BC|BCE|CE)\b", text[m.end() :]):
            continue  # "around 600 AD" is a year
        unit, kind = unit_of(m)
        if m.group("num").lower() in ("a", "an") and (
            kind != "duration" or not _HEDGE.search(text[: m.start()])
        ):
            # one of a time unit, after a hedge: not "twice a year", "a year earlier" or
            # "over a century ago"
            continue
        key = unit_key(m)
        if key and key[0] == "u" and _titled(m.group(key)):
            continue  # "the album 8 Days", "the film 28 Weeks Later": a title, no amount
        if key and not unit_case_ok(m.group(key)):
            # "5 mw" or "3 Won" in prose are not units: keep the bare number.
            unit, kind = None, "number"
            end = len(text[: m.start(key)].rstrip(" -"))
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        elif m.group("mscale"):
            value *= 1e6
            scale = "million"
        number_text = m.group("num") + (f" {scale}" if scale else "")
        found.append(Quantity(value, unit, kind, start, end, text[start:end], number_text.strip()))
    for m in _TWICE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in skip):
            word = m.group(0)
            found.append(Quantity(_TIMES[word.lower()], "times", "multiple", *m.span(), word, word))
    found.sort(key=lambda q: q.start)
    return found


# "raised prices twice", "reached the final twice": how many times, as "four times" says
# it; not a multiple ("twice the estimate", "twice as long") nor a rate ("twice a year").
_TWICE = re.compile(
    r"\b(?:twice|thrice)\b(?!\s+(?:the|as|a|an|that|this|its|his|her|their|our|what|more|"
    r"over|per|each|every|daily|weekly|monthly|yearly)\b)(?!-)",
    re.IGNORECASE,
)
_TIMES = {"twice": 2.0, "thrice": 3.0}


# "... won 16 gold medals and Germany 12.", "and forward Jan Kolar 19.": a name (after a
# role word, not a preposition) and a number closing a clause after an amount, its verb and
# noun left out, not a name with a number ("Route 9", "docked at Pier 4").
_GAPPED_NAME = re.compile(
    r"(?:,|\band)\s+(?:the\s+)?(?:(?!(?:at|in|on|to|from|by|for|of|with|near|into)\b)[a-z]+\s+)?"
    r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}\s+$"
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)]|(?:and|in|at|on|for|while|with)\b|$)")


def _gapped(text: str, m: re.Match[str]) -> bool:
    """Whether a number after a name, in a sentence with an amount before it, is the
    number of a clause whose verb and noun are left out."""
    return bool(_GAPPED_NAME.search(text[: m.start()]) and _CLAUSE_END.match(text, m.end()))


def _titled(unit_text: str) -> bool:
    """Whether a unit word is written as a word of a title ("Days"), not as prose writes
    units ("days") or abbreviates them ("MW", "GB", "°C")."""
    first = unit_text.split()[0]
    return len(first) >= 3 and first[0].isupper() and first[1:].islower()


def _may_hold_number(text: str) -> bool:
    """Whether ``text`` has a digit or a number word at all."""
    return (
        bool(_DIGIT.search(text))
        or not NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower()))
        or bool(_A_TIME.search(text))
        or bool(_TWICE.search(text))
    )


def _is_name_or_score(text: str, m: re.Match[str]) -> bool:
    """A bare number that names something ("Route 9", "Gate 12", "No. 2") or is part of a
    score or range written with a hyphen ("a 2-0 win")."""
    bare = not (m.group("sym") or m.group("scale")) and unit_key(m) is None
    if not bare:
        return False
    if not m.group("num")[0].isdigit():
        return bool(_LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))
    if re.match(r"-\d", text[m.end() : m.end() + 2]):
        return True
    if _LABEL_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
        return True  # "No. 2", "Op. 35", "number one": a label, not an amount
    word = _NAME_WORD.search(text[max(0, m.start() - 30) : m.start()])
    if word is None:
        return False
    name = word.group(1).lower()
    return name not in _NOT_NAME_WORDS and name.rstrip(".") not in MONTHS
