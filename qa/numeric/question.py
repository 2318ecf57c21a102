"""What a numeric question asks for: its intent and the constraints it puts on a figure.

A :class:`Question` is read once from the question (see :mod:`qa.numeric.reading`) and is
never edited by the handlers; a handler that needs a variant (another year, no unit) makes
one with :func:`dataclasses.replace`.

The intents, tried in order (the first that matches wins):

- ``age``: "how old is X";  ``since``: "how long ago", "how long has X been";
- ``until``: "how long until"; ``span``: "how long/tall/heavy/fast is X";
- ``when``: a date; ``share``: "what percentage of X is Y";
- ``compare``: "which is bigger, X or Y"; ``difference``: "how many more", "the gap between";
- ``total``: "X and Y altogether"; ``per``: "per employee", "on average";
- ``percent``: "by what percentage"; ``count``: "how many"; ``size``: "how big";
- ``amount``: "how much"; ``value``: "what is the revenue".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import Term

INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("age", r"\bhow\s+old\s+(?:is|was|are|were|will|would)\b"),
        (
            "since",
            r"\bhow\s+long\s+ago\b|\bhow\s+old\b|\bhow\s+many\s+years\s+(?:ago|has|have|"
            r"had|since)\b|\bhow\s+long\s+(?:has|have|had)\b|\bbeen\s+around\b|\bhow\s+many\s+"
            r"(?:months|years)\s+ago\b|\bhow\s+long\s+since\b",
        ),
        (
            "until",
            r"\bhow\s+long\s+(?:until|till|before|is\s+left|remains?)\b|\bhow\s+many\s+"
            r"years\b.*\b(?:left|remain|remaining|until|till|to\s+go)\b|\byears\s+(?:left|remain)",
        ),
        (
            "span",
            r"\bhow\s+long\s+(?:is|was|are|were|will|would|did|does|do|after|before)\b|"
            r"\bhow\s+many\s+"
            r"(?:years|months|weeks|days|hours|minutes)\s+(?:did|does|do|was|were|is|are|will|after|"
            r"before|later|earlier|separate|passed|elapsed|went\s+by)\b|"
            r"\bfor\s+how\s+(?:long|many\s+(?:years|months|weeks|days|hours))\b|\bhow\s+(?:tall|"
            r"high|deep|wide|far|heavy)\b|\bhow\s+fast\b(?!.*\b(?:grow|grew|grown|rise|rose|risen|"
            r"increase|increased|expand|expanded|climb|climbed)\b)",
        ),
        (
            "when",
            r"^\s*(?:when\b|(?:in|by|since)\s+(?:what|which)\s+(?:year|month|date)\b|"
            r"(?:what|which)\s+(?:year|date|month|day)\b(?!-)|since\s+when\b)|\bwhat(?:'s|\s+is|\s+was)"
            r"\s+the\s+(?:deadline|date|year)\b(?!-)|\bwhen\s+(?:was|did|were|is|will)\b",
        ),
        (
            "share",
            r"\b(?:what|which)\s+(?:percentage|percent|share|proportion|fraction|part)\s+"
            r"of\b",
        ),
        (
            "compare",
            r"^\s*(?:which|what|did|does|do|are|is|was|were|has|have)\b.*\bor\b.*|.*\bor\b"
            r".*\b(?:faster|quicker|more\s+quickly|slower|bigger|larger|smaller|higher|lower)\b",
        ),
        (
            "difference",
            r"\bhow\s+(?:many|much)\s+more\b|\bhow\s+many\s+(?:fewer|less)\b|\bdifference\b"
            # "how many minutes quicker is X than Y" (not "how many older than 65")
            r"|\bhow\s+many\s+[a-z]+\s+(?:more|less|fewer|[a-z]+er)\b(?=.*\bthan\s+(?!\d))"
            r"|\bgap\b.*\bbetween\b|\bhow\s+much\s+"
            r"(?:higher|lower|bigger|larger|less|fewer)\b|\bby\s+how\s+(?:many|much)\b.*\b(?:beat|"
            r"exceed|outpace|than)\b|\bby\s+how\s+"
            r"many\s+(?!percent)(?:[a-z$]+\s+){1,2}(?:did|have|has|had|was|were)\b",
        ),
        (
            "total",
            r"\b(?:together|combined|altogether|in\s+total|sum|add\s+up|added\s+up|plus|"
            r"all\s+told|in\s+all)\b|\btotal\s+number\b",
        ),
        (
            "per",
            r"\bper\s+(?!cent\b)|\b(?:for\s+)?each\s+[a-z]|\bon\s+average\b|\baverage\b|"
            r"\bfor\s+every\b",
        ),
        (
            "percent",
            r"\b(?:what|which)\s+(?:percentage|percent)\b|\bby\s+(?:what|how\s+much|"
            r"what\s+percentage|how\s+many\s+percent)\b|\bhow\s+fast\b|\bgrowth\s+rate\b|"
            r"\bpercentage\s+(?:rise|increase|growth|fall|drop|decline|change)\b|\bhow\s+much\s+"
            r"(?:did|does|do|will|has|have|is|are)\b.*\b(?:grow|rise|increase|fall|drop|decline|"
            r"shrink|climb|jump)\b|\b(?:increase|rise|"
            r"growth|decline|drop|fall)\s+(?:in|of)\b|\brate\s+of\s+(?:growth|increase)\b",
        ),
        ("count", r"\bhow\s+many\b"),
        (
            "size",
            r"\bhow\s+(?:big|large)\b|\bwhat\s+(?:area|size)\b|\bhow\s+much\s+(?:land|"
            r"space|area|ground)\b",
        ),
        ("amount", r"\bhow\s+much\b"),
        (
            "value",
            r"^\s*(?:what|what's|whats|wat|which)\b|\bconvert\b|^\s*(?:and\s+)?the\s+\w+"
            r"|^\s*(?:from|at|to|by|in|with|of)\s+(?:what|which)\s+\w+",
        ),
    )
)


@dataclass(frozen=True)
class Question:
    """What a question asks for, read once; handlers derive variants with ``replace``."""

    text: str  # the question normalised: lower case, spelling and phrases mended
    intent: str
    terms: tuple[Term, ...]
    question: str = ""  # as asked
    indirect: str = ""  # as an indirect question, read from its parse ("when it was built")
    years: tuple[str, ...] = ()  # times it names, as ISO prefixes ("2021", "2022-H1")
    numbers: tuple[float, ...] = ()  # amounts it states itself ("of the first 480 pupils")
    year_asked: bool = False  # "What year ...": a date is said by its year alone
    period_end: str | None = None  # "start", "end": the end of a period "when" asks for
    base_year: str | None = None  # the base of a change: "since 2020", "compared with 2019"
    previous_year: bool = False  # "the year before", "last year"
    last_year: bool = False  # "last year": the year before the article's, as it says it
    now: bool = False  # "now", "currently": the latest value
    future: bool = False  # "will", "by 2030": a target or expectation
    present: bool = False  # "How many people work there?": asks what is, not what was
    unit: str | None = None  # the unit asked in ("in dollars")
    count_noun: tuple[Term, ...] = ()  # what "how many" counts
    measure: tuple[Term, ...] = ()  # what the figure is: "operating revenue", "capacity"
    owner: tuple[Term, ...] = ()  # whose it is: "the city's", "of the port", the subject
    # the names a verb is done to: "When was The Salt Orchard published?" (lower case)
    done_to: tuple[str, ...] = ()
    rate: str | None = None  # "a day" for "how many passengers a day"
    period: str | None = None  # "first day" for "on its opening day"
    whole_span: bool = False  # "in total", "so far": not a stated part of a span
    earlier: bool = False  # "before the rebuild", "previously": an earlier value
    verbs: tuple[str, ...] = ()  # groups of "work", "live", "watch" ...
    doers: frozenset[str] = frozenset()  # the same said by a verb or a noun ("population")
    verb: str | None = None  # the main verb of a do-question, base form ("have")
    against: tuple[str, ...] = ()  # keys a fact must not be about
    # words of a pair that pick one of a noun ("the women's record"): a fact whose sentence
    # gives the noun only another ("the men's record") is not about it
    choices: tuple[tuple[tuple[int, str], frozenset[str]], ...] = ()
    marked: tuple[str, ...] = ()  # "old", "former": keys a fact must say
    article: str | None = None  # the one article a "he" or "she" can be about
    done: bool = False  # asks what happened ("did", "has ... sent"), not what is planned
    plans: bool = False  # names a plan: "the target", "what they aim for", "expected"
    money: bool = False  # its verb asks an amount of money: "cost", "pay", "spend"
    part_of_year: str | None = None  # "Q4" for "in the fourth quarter" without a year
    unknown_names: tuple[str, ...] = ()  # names the articles never use
    other_numbered: tuple[str, ...] = ()  # "Line 1" where the articles tell of "Line 3"
    unknown_parts: tuple[str, ...] = ()  # what it narrows the figure to, never mentioned
    dimension: frozenset[str] = frozenset()  # "how deep": measures of depth only
    unit_counted: bool = False  # "how many hectares": the unit is what is counted
    extreme: str | None = None  # "high" for "the most expensive", "low" for "the cheapest"
