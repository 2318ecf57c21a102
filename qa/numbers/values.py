"""Written numbers: digits with commas and decimals, number words and scale words.

"2,400" is 2400, "4.75 billion" is 4.75e9, "two" is 2, "a dozen" is 12, "twenty-five" is
25. The patterns here find a number in running text; :func:`parse_number` gives its value.
"""

from __future__ import annotations

import re

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

# Every word that can be (part of) a written number.
NUMBER_WORDS = frozenset([*UNITS_WORDS, *TENS_WORDS, *SCALES, "dozen", "half"])
_UNIT_W = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_W = "|".join(TENS_WORDS)
# A number under a hundred in words: "seven", "twenty-five".
UNDER_100 = rf"(?:(?:{_TENS_W})(?:[- ](?:{_UNIT_W}))?|(?:{_UNIT_W}))"
# "one" is a number only where it counts something: not "one of", "one day", "one-stop".
_NOT_ONE = (
    r"(?<!\bno )(?<!\bthe )(?<!\bthis )(?<!\bthat )(?!one[-\s]+(?:of|another|day|such|way|side|"
    r"hand|thing|more|time|stop|point|after|by|who|which|that|'s)\b)"
)
# The time units "a" or "an" may count one of ("about an hour", "nearly a year").
TIME_UNIT_WORDS = "minute|hour|day|week|month|year|decade|century"
WORD_NUMBER = (
    rf"{_NOT_ONE}(?:{UNDER_100}(?:\s+hundred(?:\s+(?:and\s+)?{UNDER_100})?)?"
    r"|a\s+dozen|a\s+(?:hundred|thousand|million|billion)|half\s+a\s+(?:million|billion)|dozen"
    # "about an hour", "nearly a year": one of a time unit; find_quantities keeps it only
    # after a hedge, since "a year" alone is usually a rate or a date
    rf"|an?(?=\s+(?:{TIME_UNIT_WORDS})\b))"
)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def parse_number(text: str) -> float | None:
    """The value of a written number: "2,400" → 2400, "4.75 billion" → 4.75e9,
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
        if re.fullmatch(DIGITS, w):
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
