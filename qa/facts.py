"""Numeric facts: every number in an article, with what it measures, whose it is and when.

``extract_facts(article, sentences)`` reads each sentence with :mod:`qa.numbers` (values,
units, dates), :mod:`qa.fact_phrases` (subjects, clauses, noun phrases) and
:mod:`qa.fact_reader` (the constructions news and encyclopedia text uses):

- the measure on the left ("an investment of 15 billion yuan", "revenue reached ..."), implied
  by the verb or unit ("spans 5 square kilometers" is an area, "employs 7,400 people" counts
  employees, "seats 41,500" is a capacity) or on the right ("1.2 million yuan per injection",
  "11 kilometres wide", "640 kilograms of fuel");
- the counted thing after a bare number ("6,053 professionals", "187 doctoral and 589
  master's graduates"), ages ("at the age of 36", "Peter Ralston, 64"), speeds;
- "respectively" pairs, parenthetical equivalents ("100 billion yuan ($15.78 billion)"), parts
  of a whole ("6,053 professionals, including ...", "of which 450 million euros ...", "with
  the city council contributing 150 million pounds"), earlier and later values ("41,500,
  compared with 18,200 before", "up from 198,700 in 2011", "rising to 40,000 by 2027");
- changes ("up 34.7 percent year-on-year", "rose 9 percent to 41.2 billion", "20 percent more
  than the original budget"), times ("in 2021", "by 2025" as a target, "last year" and "on
  Saturday" against the article's date, "a year earlier" against the sentence's year), rates
  ("a day"), stated parts of a span ("in its first two days");
- whose it is: the clause's subject (each coordinated clause its own), a relative clause's
  antecedent, an "of" phrase; "its" is resolved to the subject, "he" and "she" to the last
  person named (in an encyclopedia life, its title).

The rules are about English, never about one article. Offsets index the article's text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from .fact_phrases import MEASURE_NOUNS
from .fact_reader import SentenceReader
from .types import Article, Sentence


@dataclass(frozen=True)
class Change:
    """A stated change of a fact's value: "up 34.7 percent year-on-year"."""

    value: float
    unit: str  # "percent", "percentage points", or the fact's own unit
    direction: str  # "up" or "down"
    basis: str | None  # "year-on-year", "month-on-month", "quarter-on-quarter"
    fact: str | None  # id of the fact that holds the change's own number


@dataclass(frozen=True)
class Fact:
    """One number of an article, normalised, with what it is about and where it was read.

    ``start``/``end`` index the article's text (``surface == article.text[start:end]``).
    ``kind`` is "money", "area", "percent", "count" (a counted thing: ``unit`` names it),
    "number" (bare), "date" (``value`` is the year, ``time`` the date), or another
    physical kind ("length", "power", "energy", ...).
    """

    id: str  # "<article>:f<n>"
    article: str
    sentence: str
    start: int
    end: int
    surface: str
    value: float
    unit: str | None
    kind: str
    measure: str | None  # "investment", "area", "operating revenue", "count", event for dates
    owner: str | None  # "the valley", "the city's health industry"
    qualifier: str | None = None  # "doctoral" in "187 doctoral ... graduates"
    time: str | None = None  # ISO prefix: "2021", "2020-06", "2022-03-08", "2023-H1"
    time_kind: str | None = None  # "year", "month", "date", "target", "resolved-relative", ...
    change: Change | None = None
    change_of: str | None = None  # for a change's own number: the fact that changed
    part_of: str | None = None  # for a list's part: the whole
    equivalent_of: str | None = None  # for "($15.78 billion)": the amount it converts
    rate: str | None = None  # "a year" for "720 million kilowatt-hours a year"
    period: str | None = None  # a stated part of a span: "first 2 days", "first year"
    earlier_of: str | None = None  # an earlier value of that fact ("compared with 18,200")
    verb: str | None = None  # the verb the number goes with: "employs", "sold", "died"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.value == int(self.value) and abs(self.value) < 1e15:
            d["value"] = int(self.value)
        return d


# --- the article ------------------------------------------------------------------------


def extract_facts(article: Article, sentences: list[Sentence]) -> list[Fact]:
    """Every number in ``article`` as a :class:`Fact`, in reading order, ids "<article>:f<n>"."""
    facts: list[Fact] = []
    subject: str | None = None
    person = article.title if _is_name(article.title) else None  # an encyclopedia's subject
    for sentence in sentences:
        reader = SentenceReader(sentence.text, article.date, subject, person)
        drafts = reader.read()
        subject = reader.own_subject or subject
        person = reader.own_person or person
        order = sorted(
            (i for i, d in enumerate(drafts) if "drop" not in d.notes),
            key=lambda i: drafts[i].start,
        )
        base = len(facts)
        ids = {i: f"{article.id}:f{base + n}" for n, i in enumerate(order)}
        for i in order:
            d = drafts[i]
            change = None
            if d.change is not None:
                value, unit, direction, basis, j = d.change
                change = Change(value, unit, direction, basis, ids.get(j) if j != i else None)
            facts.append(
                Fact(
                    id=ids[i],
                    article=article.id,
                    sentence=sentence.id,
                    start=sentence.start + d.start,
                    end=sentence.start + d.end,
                    surface=sentence.text[d.start : d.end],
                    value=d.value,
                    unit=d.unit,
                    kind=d.kind,
                    measure=d.measure,
                    owner=d.owner,
                    qualifier=d.qualifier,
                    time=d.time,
                    time_kind=d.time_kind,
                    change=change,
                    change_of=ids.get(d.change_of) if d.change_of is not None else None,
                    part_of=ids.get(d.part_of) if d.part_of is not None else None,
                    equivalent_of=ids.get(d.equivalent_of) if d.equivalent_of is not None else None,
                    rate=d.rate,
                    period=d.period,
                    earlier_of=ids.get(d.earlier_of) if d.earlier_of is not None else None,
                    verb=d.verb,
                )
            )
    return facts


def _is_name(title: str) -> bool:
    """A title that is a person's name ("Ada Lovelace", "Tomas Ekdahl"): two to four
    capitalised words and nothing else."""
    words = title.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'-]+\.?", w) for w in words)


__all__ = ["MEASURE_NOUNS", "Change", "Fact", "extract_facts"]
