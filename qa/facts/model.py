"""The facts schema (:class:`Fact`, :class:`Change`) and the draft a sentence's reading fills in.

A :class:`Fact` is the contract with the rule layer: its fields and their meanings are in the
README's facts table. A :class:`Draft` is the same fact while one sentence is being read:
mutable, indexed by position in the sentence, and holding the parse tokens it was read from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Change:
    """A stated change of a fact's value: "up 6.2 percent year-on-year"."""

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
    "number" (bare), "date" (``value`` is the year, ``time`` the date), "age", or another
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
    measure: str | None  # "investment", "area", "net income", "count", event for dates
    owner: str | None  # "the port", "the town's water supply"
    qualifier: str | None = None  # "female" in "30 female ... teachers"
    time: str | None = None  # ISO prefix: "2016", "2017-05", "2018-04-03", "2019-H2"
    time_kind: str | None = None  # "year", "month", "date", "target", "resolved-relative", ...
    change: Change | None = None
    change_of: str | None = None  # for a change's own number: the fact that changed
    part_of: str | None = None  # for a list's part: the whole
    equivalent_of: str | None = None  # for "($101 million)": the amount it converts
    rate: str | None = None  # "a year" for "90 million kilowatt-hours a year"
    period: str | None = None  # a stated part of a span: "first 2 days", "first year"
    earlier_of: str | None = None  # an earlier value of that fact ("compared with 7,000")
    verb: str | None = None  # the verb the number goes with: "employs", "sold", "died"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.value == int(self.value) and abs(self.value) < 1e15:
            d["value"] = int(self.value)
        return d


@dataclass
class Draft:
    """A fact being read: mutable while the sentence's constructions are applied.

    ``start``/``end`` index the sentence; ``span`` is the amount's tokens in the sentence's
    parse and ``slot`` the token that stands for the amount in the tree: the counted noun for
    a count ("nurses" in "2,400 nurses"), else the amount's own head.
    Links to other drafts (``part_of``, ``change_of``, ...) are indexes into the sentence's
    list of drafts.
    """

    start: int
    end: int
    value: float
    unit: str | None
    kind: str
    span: Span
    slot: Token
    time_mention: Any = None  # the DateMention of a date draft
    measure: str | None = None
    owner: str | None = None
    qualifier: str | None = None
    time: str | None = None
    time_kind: str | None = None
    change: tuple[float, str, str, str | None, int] | None = None
    change_of: int | None = None
    part_of: int | None = None
    equivalent_of: int | None = None
    rate: str | None = None
    period: str | None = None
    earlier_of: int | None = None
    verb: Token | None = None
    notes: set[str] = field(default_factory=set)

    @property
    def root(self) -> Token:
        """The amount's own head in the tree (for a count, the number, not the noun)."""
        return self.span.root if self.kind == "count" else self.slot

    @property
    def is_date(self) -> bool:
        return self.kind == "date"

    @property
    def primary(self) -> bool:
        """Not a bracketed equivalent of another amount."""
        return self.equivalent_of is None
