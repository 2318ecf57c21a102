"""The numeric rule layer: numeric questions answered from facts, with the working shown.

:class:`NumericAnswerer` reads what a question asks for (a count, an amount, an area, a
length, a weight, a speed, an age, a percentage, a date, a span of time, a total, a
difference, a comparison, a ratio, a share, the rest of a whole, an amount in another unit)
and matches it to :class:`qa.facts.Fact` by measure, owner and time, with the synonyms a
person would use ("stops" for stations, "staff" for employees, "spent" for cost). Beyond
words it reads what a question constrains: a rate ("a day"), a stated part of a span ("on
its first day", "in total"), an earlier value ("before the rebuild"), who a count of people
is ("work" counts staff, "watched" an audience), the event of a date ("reopened" is not
"first opened"), and names the articles never use. A direct answer states the fact's value
with its unit first and cites its sentence; a derived answer states its result first and
shows the working in ``derivation``, every input cited. Numbers in an answer come from cited
sentences or are computed from them, never from anywhere else.

``answer`` returns None when the question is not a numeric one this layer handles (the
engine then uses retrieval), and an abstention when it clearly asks for a number the facts
cannot give (a year without a figure, a thing the articles never count, a figure given for
another period, rate or thing). A wrong number is worse than an abstention.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from .analysis import STOP_WORDS, deletions, proper_words, stem
from .facts import MEASURE_NOUNS, Fact
from .numbers import (
    asked_unit,
    conversion_factor,
    find_dates,
    find_quantities,
    format_amount,
    parse_number,
)
from .types import Answer, Article, Citation, Sentence

# --- vocabulary -------------------------------------------------------------------------

# Words a person uses for what an article says in other words; general English only. A word
# may sit in several groups ("size" is an area and a value).
GROUPS: dict[str, str] = {
    "people": "people person persons staff employee employees worker workers personnel "
    "professional professionals workforce talent talents academician academicians graduate "
    "graduates grad grads expert experts scientist scientists researcher researchers engineer "
    "engineers member members resident residents holder holders specialist specialists",
    "professional": "professional professionals skilled specialist specialists",
    "company": "company companies firm firms enterprise enterprises business businesses "
    "corporation corporations",
    "revenue": "revenue revenues income sales turnover",
    "invest": "invest invested investing investment investments",
    "area": "area size span spans cover covers covering land",
    "found": "found founded establish established establishment setup create created launch "
    "launched start started exist existed inception",
    "arrive": "move moved relocate relocated arrive arrived come came join joined attract "
    "attracted settle settled enter entered",
    "authorize": "authorize authorized authorise authorised authorization authorisation "
    "approve approved approval license licensed grant granted",
    "price": "price prices cost costs charge charges fee fees",
    "outlay": "cost costs investment investments spending spend spent outlay expenditure pay "
    "paid pays paying contribute contributed contributes contributing",
    "growth": "grow grew grown growth increase increased rise rose risen up gain gained jump "
    "jumped climb climbed",
    "decline": "fall fell decline declined decrease decreased drop dropped down shrink shrank",
    "target": "target targets goal goals aim aims aiming plan plans planned objective want "
    "wants hope hopes hoping deadline",
    "value": "value worth valued size valuation valuing",
    "doctoral": "doctoral doctor doctors doctorate doctorates phd phds",
    "master": "master masters",
    "graduate": "graduate graduates grad grads degree degrees holder holders postgraduate "
    "postgraduates",
    "injection": "injection injections shot shots dose doses jab jabs",
    "tax": "tax taxes taxation",
    "industry": "industry industries sector sectors economy",
    "health": "health healthcare",
    "operating": "operating operational",
    "generation": "generate generated generation output produce produced production",
    "job": "job jobs employment",
    "household": "household households home homes",
    "loan": "loan loans borrowing borrowings",
    "capacity": "capacity capacities seat seats seating hold holds accommodate accommodates",
    "medicine": "medicine medicines drug drugs treatment treatments therapy therapies medication",
    # Who a count of people is, by what they do: "how many people work at X" asks for staff,
    # not visitors. These groups also serve as the verbs a count must agree with.
    "work": "work works worked working employ employs employed employing employee employees "
    "staff worker workers personnel workforce professional professionals hire hires hired",
    "live": "live lives lived living resident residents inhabitant inhabitants population "
    "populations home people",
    "visit": "visit visits visited visiting visitor visitors tourist tourists people",
    "watch": "watch watched watching attend attended attending attendance spectator spectators "
    "fan fans crowd crowds audience audiences viewer viewers people",
    "ride": "ride rides rode riding rider riders passenger passengers journey journeys trip trips "
    "fare fares ticket tickets",
    "study": "study studies studied studying student students pupil pupils enrol enrolled "
    "enroll enrolment enrollment",
    "station": "station stations stop stops halt halts",
    "single": "single one lone individual",
    "weight": "weigh weighs weighed weighing weight weights heavy mass",
    "length": "long length lengths",
    "height": "tall high height elevation altitude",
    "speed": "fast speed speeds quick quickly",
    "reopen": "reopen reopened reopening reopens",
    "open": "open opened opening opens inaugurate inaugurated",
    "excess": "overrun overran exceed exceeded exceeding excess increase",
    "dividend": "dividend dividends payout payouts",
    "profit": "profit profits earnings",
    "child": "child children kid kids son sons daughter daughters",
    "duration": "duration last lasts lasted lasting long",
}
# Phrases rewritten in a question before its words are read.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bset\s+up\b", "established"),
    (r"\b(?:put|poured|pumped|sunk|went|gone|go|goes|flowed)\s+into\b", "invested in"),
    (r"\b(?:take|took|bring|brought|rake|raked)\s+in\b", "revenue"),
    (r"\btake\s+up\b|\btakes\s+up\b", "cover"),
    (r"\b(?:come|came)\s+(?:to|into)\b", "moved to"),
    (r"\bacademy\s+members?\b", "academicians"),
    (r"\bright\s+now\b|\bat\s+present\b|\bthese\s+days\b", "now"),
    (r"\bgo(?:ne)?\s+up\b|\bwent\s+up\b", "increase"),
    (r"\bgo(?:ne)?\s+down\b|\bwent\s+down\b", "decrease"),
    (r"\bhow\s+much\s+money\b", "how much"),
    (
        r"\bre-?open(?:ed|s|ing)?\b|\bopen(?:ed|s)?\s+(?:(?:its|their|the)\s+)?(?:doors\s+)?again\b",
        "reopened",
    ),
    (r"\bend(?:ed|s)?\s+up\s+costing\b|\bwork(?:ed)?\s+out\s+at\b", "cost"),
    (r"\bgo(?:es)?\s+over\b|\bwent\s+over\b|\bgone\s+over\b", "exceed"),
    (
        r"\bmarket\s+(?:value|capitali[sz]ation|cap)\b|\bworth\s+on\s+the\s+(?:stock\s+)?market\b",
        "valuation",
    ),
    (r"\bpercentage\s+points?\b", "percent"),
)
# Words that say what kind of answer is wanted, not what it is about.
QUESTION_WORDS = frozenset(
    (
        "how many much what which when whats what's wat big large percentage percent total "
        "together combined altogether sum average per each faster quickly quick slower more "
        "less fewer difference gap old long ago year years number amount figure rate rates "
        "add up plus count counting convert converted compared compare between than "
        "beat exceed higher lower bigger smaller larger later earlier there own around left "
        "until till remain remaining time date month day deadline since far money "
        "currently now today current existing present share proportion fraction part portion"
    ).split()
)
# Verbs that carry no measure: "work in", "have", "host".
LIGHT_WORDS = frozenset(
    "work works working worked have has had host hosts hosted base based employ employs "
    "get gets got make makes made do does did hold holds keep be being been there here "
    "exist put bring take takes reach reaches reached achieve become becomes".split()
)
_TIME_NOW = re.compile(r"\b(?:now|today|currently|current|existing|present|these\s+days)\b")
_FUTURE = re.compile(r"\b(?:will|expected|expect|expects|going\s+to|by\s+(?:19|20)\d\d)\b")
_YEAR = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?![\d,%])")
_PREVIOUS_YEAR = re.compile(
    r"\b(?:the\s+)?(?:year|one\s+year)\s+(?:before|earlier|prior)\b|\ba\s+year\s+(?:earlier|"
    r"before|ago|prior)\b|\bthe\s+previous\s+year\b|\bthe\s+prior\s+year\b|\blast\s+year\b"
)
_WORD = re.compile(r"[a-z0-9$€£¥][\w'$.&-]*")
# Irregular past forms, so "built" finds "build" (general English).
_BASE_FORM = {
    "built": "build",
    "grew": "grow",
    "grown": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "made": "make",
    "sold": "sell",
    "bought": "buy",
    "paid": "pay",
    "spent": "spend",
    "won": "win",
    "lost": "lose",
    "began": "begin",
    "begun": "begin",
    "came": "come",
    "went": "go",
    "gone": "go",
    "held": "hold",
    "led": "lead",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "brought": "bring",
    "kept": "keep",
    "found": "found",
    "set": "set",
    "hit": "hit",
    "cost": "cost",
    "shrank": "shrink",
    "sank": "sink",
    "drew": "draw",
    "drawn": "draw",
    "chose": "choose",
    "chosen": "choose",
    "saw": "see",
    "seen": "see",
    "got": "get",
    "gotten": "get",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "opened": "open",
    "had": "have",
    "became": "become",
    "has": "have",
    "sent": "send",
    "rode": "ride",
}


def _build_groups() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name, words in GROUPS.items():
        for w in words.split():
            table.setdefault(stem(w), set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}


GROUP_OF = _build_groups()


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"'s?$", "", w).strip(".-")
        if w:
            out.append(w)
    return out


def keys(word: str) -> frozenset[str]:
    """A word's stem and its synonym groups ("#people"), as matching keys."""
    s = stem(_BASE_FORM.get(word, word))
    return frozenset({s, *("#" + g for g in GROUP_OF.get(s, ()))})


def _keyset(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    out: set[str] = {f"{m.group(1).lower()}#{m.group(2)}" for m in _NAME_NUMBER.finditer(text)}
    for w in _words(text):
        if w not in STOP_WORDS:
            out |= keys(w)
            if "-" in w:
                for part in w.split("-"):
                    if part and part not in STOP_WORDS:
                        out |= keys(part)
    return frozenset(out)


def _strength(term: frozenset[str], pool: frozenset[str]) -> float:
    """1 when the word itself is in ``pool``, 0.8 for a synonym, else 0."""
    if not pool:
        return 0.0
    words, groups = _split_keys(term)
    if not words.isdisjoint(pool):
        return 1.0
    return 0.8 if not groups.isdisjoint(pool) else 0.0


@lru_cache(maxsize=65536)
def _split_keys(term: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A term's keys as (its words, its synonym groups)."""
    return (
        frozenset(k for k in term if not k.startswith("#")),
        frozenset(k for k in term if k.startswith("#")),
    )


# --- spelling ---------------------------------------------------------------------------


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Corrects a misspelt word to a corpus word (symmetric-delete lookup, built once)."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self.index: dict[str, set[str]] = {}
        self.prefixes: dict[str, set[str]] = {}
        for w in vocabulary:
            if len(w) < 5 or not w.isalpha():
                continue
            for d in deletions(w, 2 if len(w) >= 8 else 1):
                self.index.setdefault(d, set()).add(w)
            for n in range(5, len(w)):
                self.prefixes.setdefault(w[:n], set()).add(w)

    def correct(self, word: str) -> str:
        if word in self.vocabulary or len(word) < 5 or not word.isalpha():
            return word
        limit = 2 if len(word) >= 8 else 1
        found: set[str] = set()
        for d in deletions(word, limit):
            found |= self.index.get(d, set())
        best = sorted((dist, w) for w in found if (dist := _distance(word, w)) <= limit)
        if best and (len(best) == 1 or best[0][0] < best[1][0]):
            return best[0][1]
        longer = self.prefixes.get(word)
        if longer and len(longer) == 1:  # "biopharma" for "biopharmaceutical"
            return next(iter(longer))
        return word


# --- reading a question -----------------------------------------------------------------

_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
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
            r"\bhow\s+long\s+(?:is|was|are|were|will|would|did|does|do)\b|\bhow\s+many\s+"
            r"(?:years|months|weeks|days|hours|minutes)\s+(?:did|does|do|was|were|is|are|will)\b|"
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
            r"\bbetween\s+(?:1[0-9]|20)\d\d\s+and\s+(?:1[0-9]|20)\d\d\b|"
            r"\bhow\s+(?:many|much)\s+more\b|\bdifference\b|\bgap\b|\bhow\s+much\s+"
            r"(?:higher|lower|bigger|larger|less|fewer)\b|\bby\s+how\s+(?:many|much)\b.*\b(?:beat|"
            r"exceed|outpace|than)\b|\bfrom\s+(?:19|20)\d\d\s+to\s+(?:19|20)\d\d\b|\bby\s+how\s+"
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
            r"\bpercentage\s+(?:rise|increase|growth|fall|drop|decline|change)\b|\bhow\s+much\s+did"
            r"\b.*\b(?:grow|rise|increase|fall|drop|decline|shrink|climb|jump)\b|\b(?:increase|rise|"
            r"growth|decline|drop|fall)\s+(?:in|of)\b|\brate\s+of\s+(?:growth|increase)\b",
        ),
        ("count", r"\bhow\s+many\b"),
        (
            "size",
            r"\bhow\s+(?:big|large)\b|\bwhat\s+(?:area|size)\b|\bhow\s+much\s+(?:land|"
            r"space|area|ground)\b",
        ),
        ("amount", r"\bhow\s+much\b"),
        ("value", r"^\s*(?:what|what's|whats|wat|which)\b|\bconvert\b|^\s*(?:and\s+)?the\s+\w+"),
    )
)


@dataclass(frozen=True)
class Term:
    """A content word of a question: its matching keys and whether the corpus knows it."""

    word: str
    keys: frozenset[str]
    known: bool  # the corpus uses this word: missing it from a fact's sentence matters
    proper: bool = False  # the corpus writes it capitalised only: a name
    related: bool = True  # the corpus uses a word of its synonym group

    @property
    def weight(self) -> float:
        return 1.0 if self.known or (len(self.keys) > 1 and self.related) else 0.5


@dataclass
class Ask:
    """What a question asks for, read once."""

    text: str
    intent: str
    terms: list[Term]
    question: str = ""
    years: list[str] = field(default_factory=list)
    previous_year: bool = False
    now: bool = False
    future: bool = False
    unit: str | None = None
    count_noun: list[Term] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    rate: str | None = None  # "a day" for "how many passengers a day"
    period: str | None = None  # "first day" for "on its opening day"
    whole_span: bool = False  # "in total", "so far": not a stated part of a span
    earlier: bool = False  # "before the rebuild", "previously": an earlier value
    verbs: list[str] = field(default_factory=list)  # groups of "work", "live", "watch" ...
    verb: str | None = None  # the main verb of a do-question, base form ("have")
    against: list[str] = field(default_factory=list)  # keys a fact must not be about
    marked: list[str] = field(default_factory=list)  # "old", "former": keys a fact must say
    article: str | None = None  # the one article a "he" or "she" can be about
    done: bool = False  # asks what happened ("did", "has ... sent"), not what is planned
    part_of_year: str | None = None  # "Q4" for "in the fourth quarter" without a year
    unknown_names: list[str] = field(default_factory=list)  # names the articles never use
    dimension: frozenset[str] = frozenset()  # "how deep": measures of depth only
    unit_counted: bool = False  # "how many megawatts": the unit is what is counted


# --- matching facts ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Indexed:
    """A fact with the keys it is matched on, built once."""

    fact: Fact
    own: frozenset[str]  # measure, unit, qualifier, owner
    focus: frozenset[str]  # measure, unit, qualifier (what it is, not whose)
    ctx: frozenset[str]  # its sentence
    lead: frozenset[str]  # the article's title and first sentence
    verb: frozenset[str] = frozenset()  # for a date: the verbs of its event
    owner_keys: frozenset[str] = frozenset()  # its owner's own words
    owner_all: frozenset[str] = frozenset()  # its owner's words and their synonyms
    stand_in_owner: bool = False  # its owner is "the building", "the project", "the line"


@dataclass(frozen=True)
class Match:
    fact: Fact
    score: float  # how well it matches, relevance and the question's verb counted in
    focus: int
    base: float = 0.0  # how well its words match: what must reach the threshold


def _event_verbs(f: Fact) -> frozenset[str]:
    """Keys of the verbs in a date fact's event ("established", "attracted to the valley")."""
    if f.kind != "date" or not f.measure:
        return frozenset()
    words = _words(f.measure)
    verbs = [w for i, w in enumerate(words) if i == 0 or w.endswith(("ed", "ing"))]
    out: set[str] = set()
    for w in verbs:
        out |= keys(w)
    return frozenset(out)


def _question_times(text: str) -> list[str]:
    """Times a question names, as ISO prefixes: "2021", "2022-H1", "2020-06"."""
    dates = find_dates(text)
    times = [d.time for d in dates]
    for m in _YEAR.finditer(text):
        if not any(d.start <= m.start() < d.end for d in dates):
            times.append(m.group())
    return times


def _prev_time(time: str) -> str:
    """The same period a year earlier: "2021" → "2020", "2023-H1" → "2022-H1"."""
    return f"{int(time[:4]) - 1}{time[4:]}"


def _year_of(time: str | None) -> int | None:
    return int(time[:4]) if time and time[:4].isdigit() else None


def _pretty_date(iso: str) -> str:
    """ "2022-03-08" → "March 8, 2022"; "2020-06" → "June 2020"; "2023-H1" → "the first half
    of 2023"."""
    months = (
        "January February March April May June July August September October November December"
    ).split()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        d = date.fromisoformat(iso)
        return f"{months[d.month - 1]} {d.day}, {d.year}"
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return f"{months[int(iso[5:]) - 1]} {iso[:4]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", iso):
        return f"the {'first' if m.group(2) == '1' else 'second'} half of {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", iso):
        return (
            f"the {('first', 'second', 'third', 'fourth')[int(m.group(2)) - 1]} quarter of "
            f"{m.group(1)}"
        )
    return iso


def _months_between(start: str, end: str) -> int | None:
    """Whole months from ``start`` to ``end`` (ISO prefixes with a month at least)."""
    if len(start) < 7 or len(end) < 7 or not start[5:7].isdigit():
        return None
    months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
    if len(start) >= 10 and len(end) >= 10 and int(end[8:10]) < int(start[8:10]):
        months -= 1
    return months


# --- the answerer -----------------------------------------------------------------------

_SIDES_SPLIT = re.compile(
    r"\s+(?:and|plus|or|than|versus|vs\.?|beat|beats|exceed|exceeded|"
    r"outpaced?)\s+|\s*&\s*"
)
_BOUNDARY = frozenset(
    "is are was were do does did have has had how many much what which who the a an in on at "
    "by of for to from there altogether together combined total sum grew grow rise rose "
    "increase increased in 2019 , ? : more less fewer faster quickly slower higher lower "
    "compared between came come comes went hold holds held have has had".split()
)


def _amount(f: Fact, with_qualifier: bool = True) -> str:
    """A fact's value as the article writes it ("6,053 professionals", "100 billion yuan",
    "1,100 people in Chile", "640 kilograms of fuel", "90 images a day")."""
    qual = f.qualifier if with_qualifier else None
    placed = bool(qual and _PREPOSITION_START.match(qual))  # "in Chile" follows the noun
    if f.kind == "count":
        text = f"{f.surface} {f.unit} {qual}" if placed else f"{f.surface} {qual} {f.unit}"
        text = text if qual else f"{f.surface} {f.unit}"
    elif f.kind in _PHYSICAL_KINDS and qual and not placed:
        text = f"{f.surface} of {qual}"
    else:
        text = f.surface
    if f.rate and f.kind in _PHYSICAL_KINDS | {"count", "number"}:
        text += f" {f.rate}"
    return text


def _computed(value: float, unit: str | None, qualifier: str | None = None) -> str:
    text = format_amount(value, unit)
    if qualifier and unit and text.endswith(unit):
        text = text[: -len(unit)] + f"{qualifier} {unit}"
    return text


_VERB_MEASURES = frozenset("area cost length capacity revenue output sales earnings".split())
_VERB_START = re.compile(
    r"^(?:spans|covers|represents|employs|generated|invested|costs?|raised|received|earned|"
    r"attracted|produced|exported|imported|sold|spent|paid|reached|totaled|totalled|"
    r"[a-z]+ed)\b"
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


class NumericAnswerer:
    """Numeric questions answered from facts; see the module docstring.

    Built once from the corpus' facts, sentences and articles; :meth:`answer` is then cheap.
    """

    MIN_SCORE = 0.55

    def __init__(
        self,
        facts: Sequence[Fact],
        sentences: Sequence[Sentence],
        articles: Sequence[Article],
        topics: Mapping[str, str | None] | None = None,
    ) -> None:
        """``topics``: each article's first subject ("a new cancer centre at ..."), from
        :func:`qa.facts.sentence_subject` on its first sentence's parse."""
        self.facts = list(facts)
        self.by_id = {f.id: f for f in self.facts}
        self.position = {f.id: i for i, f in enumerate(self.facts)}
        self.sentences = {s.id: s for s in sentences}
        self.articles = {a.id: a for a in articles}
        firsts: dict[str, Sentence] = {}
        for s in sentences:
            firsts.setdefault(s.article, s)
        self.lead = {
            a.id: _keyset(a.title + " " + (firsts[a.id].text if a.id in firsts else ""))
            for a in articles
        }
        ctx_cache: dict[str, frozenset[str]] = {}
        aliases = _aliases(sentences)
        self.index: list[_Indexed] = []
        for f in self.facts:
            if f.sentence not in ctx_cache:
                sentence = self.sentences.get(f.sentence)
                text = sentence.text if sentence else ""
                extra = aliases.get(f.article, {})
                ctx_cache[f.sentence] = _keyset(text).union(
                    *(extra[w] for w in set(_words(text)) if w in extra)
                )
            focus = _keyset(" ".join(x for x in (f.measure, f.unit, f.qualifier) if x))
            if f.kind == "money":  # any amount of money is a value, a worth
                focus |= _MONEY_KEYS
            self.index.append(
                _Indexed(
                    f,
                    focus | _keyset(f.owner),
                    focus,
                    ctx_cache[f.sentence],
                    self.lead.get(f.article, frozenset()),
                    _event_verbs(f),
                    frozenset(k for k in _keyset(f.owner) if not k.startswith("#")),
                    _keyset(f.owner),
                    _stand_in(f.owner),
                )
            )
        self.indexed = {ix.fact.id: ix for ix in self.index}
        self.all_focus = frozenset().union(
            *(ix.focus for ix in self.index if ix.fact.kind != "date")
        )
        vocabulary: set[str] = set()
        for s in sentences:
            vocabulary.update(_words(s.text))
        for a in articles:
            vocabulary.update(_words(a.title))
        self.corpus_stems = frozenset(stem(w) for w in vocabulary)
        self.known_groups = frozenset(
            g
            for g, words in GROUPS.items()
            if any(stem(w) in self.corpus_stems for w in words.split())
        )
        self.proper = proper_words(sentences)
        self.name_numbers = frozenset(
            f"{m.group(1).lower()}#{m.group(2)}"
            for s in sentences
            for m in _NAME_NUMBER.finditer(s.text)
            if m.group(1)[0].isupper()
        )
        self.speller = Speller(vocabulary)
        self.known_words = frozenset(
            {w for words in GROUPS.values() for w in words.split()}
            | QUESTION_WORDS
            | LIGHT_WORDS
            | set(STOP_WORDS)
        )
        self.rates = self._rates()
        self.light_stems = frozenset(_base(w) for w in LIGHT_WORDS)
        self.verb_stems = frozenset(
            {_base(f.verb) for f in self.facts if f.verb}
            | {k for ix in self.index for k in ix.verb if not k.startswith("#")}
            | {_base(w) for w in _VERB_FORMS | LIGHT_WORDS}
        )
        # Per sentence, the things it gives figures for ("the lander", "a rover named Tessa").
        things: dict[str, set[str]] = {}
        for ix in self.index:
            if ix.fact.kind != "date":
                things.setdefault(ix.fact.sentence, set()).update(ix.owner_keys)
        self.things = {k: frozenset(v) for k, v in things.items()}
        # Each article's first subject, up to its first preposition ("a new cancer centre").
        self.topic_head = {
            a: _keyset(re.split(r"\s+(?:at|in|on|of|near|for|by|with|from)\s+", t or "")[0])
            for a, t in (topics or {}).items()
        }
        people = [a.id for a in articles if _is_person_name(a.title)]
        # An encyclopedia entry's title is a name, and the entry is about it.
        self.topic = {a.id: _keyset(a.title) for a in articles if _is_name(a.title)}
        # The one encyclopedia life in the corpus, whom a bare "he" or "she" is about.
        self.biography = people[0] if len(people) == 1 else None

    # -- reading --------------------------------------------------------------------------

    def read(self, question: str) -> Ask | None:
        """What ``question`` asks for, or None when it is not a numeric question."""
        raw = question.lower()
        for pattern, repl in PHRASES:
            raw = re.sub(pattern, repl, raw)
        text = " ".join(self._spell(w) for w in re.findall(r"[\w'$€£¥.,&%-]+|[?:;]", raw))
        text = re.sub(r"(?<=\w)[.,](?=\s|$)", "", text)
        for pattern, repl in PHRASES:
            text = re.sub(pattern, repl, text)
        rate = _RATE_Q.search(text)
        if rate:  # "a day", "each year": what the figure is per, not a ratio to work out
            text = (text[: rate.start()] + text[rate.end() :]).strip()
            text = re.sub(r"\s+", " ", text)
        head, _, tail = text.partition(" - ")
        intent = next((name for name, rx in _INTENTS if rx.search(head)), None)
        if intent is None:
            return None
        names = {
            w.lower()
            for i, w in enumerate(re.findall(r"[\w'-]+", question))
            if i and w[0].isupper() and not w.isupper() and stem(w.lower()) in self.corpus_stems
        }
        ask = Ask(text, intent, self._terms(tail or head, names), question)
        if tail:
            ask.terms += [t for t in self._terms(head) if not self._is_focus_term(t)]
        ask.years = _question_times(text)
        ask.previous_year = bool(_PREVIOUS_YEAR.search(text))
        ask.now = bool(_TIME_NOW.search(text))
        ask.future = bool(_FUTURE.search(text)) and not ask.previous_year
        ask.unit = asked_unit(question)
        ask.numbers = [q.value for q in find_quantities(text) if not _YEAR.fullmatch(q.surface)]
        if rate:
            unit = rate.group("u") or _RATE_ADVERBS[rate.group("adv")]
            ask.rate = f"a {'year' if unit == 'annum' else unit}"
        ask.period = _question_period(text)
        if ask.period and (pm := _PERIOD_Q.search(text)):
            ask.terms = [t for t in ask.terms if t.word not in _words(pm.group(0))]
        if ask.period and ask.period.startswith("this ") and ask.years:
            ask.period = None  # "this season by 2027": the year says which
        ask.whole_span = bool(_WHOLE_SPAN.search(text))
        ask.earlier = bool(_EARLIER_Q.search(text))
        ask.done = bool(re.search(r"\b(?:did|has|have|had)\b", text)) and not ask.future
        ask.done = ask.done and not re.search(r"\b(?:target|goal|plan|expect|aim|forecast)", text)
        if (py := _PART_OF_YEAR.search(text)) and not ask.years:
            n = _ORDINALS[py.group("n")]
            ask.part_of_year = f"Q{n}" if py.group("p") == "quarter" else f"H{min(n, 2)}"
        ask.unknown_names = [
            w
            for i, w in enumerate(re.findall(r"[A-Za-z][\w'-]*", question))
            if i
            and w[0].isupper()
            and not question.isupper()
            and not self._term(w.lower()).related
            and len(w) > 2
            and stem(re.sub(r"'s?$", "", w.lower())) not in self.corpus_stems
            and w.lower() not in _NOT_NAMES
            and not asked_unit(f"in {w}")
        ]
        words = _words(text)
        ask.verbs = sorted(
            {g for w in words if w in _VERB_FORMS for g in GROUP_OF.get(stem(w), ()) if g in _DOERS}
        )
        ask.against = [stem(_OPPOSITES[w]) for w in words if w in _OPPOSITES]
        months = [w for w in words if w in _MONTH_NAMES]
        if months:  # "the mean July temperature" is not January's
            ask.against += [stem(m) for m in _MONTH_NAMES if m not in months]
        ask.marked = [
            stem(w)
            for i, w in enumerate(words)
            if w in _MARKED
            and not (w == "old" and i and words[i - 1] == "how")
            and (words[i + 1] if i + 1 < len(words) else "") not in _TIME_NOUNS
        ]
        if do := re.search(r"\b(?:does|do|did|will|can|could)\s+(.+)$", text):
            # The main verb: the first word after the subject that is a verb the articles use.
            after = _words(do.group(1))[1:]
            ask.verb = next(
                (_base(w) for w in after if w in LIGHT_WORDS or _base(w) in self.verb_stems), None
            )
        if m := re.search(r"\bhow\s+many\s+(.+)", text):
            noun: list[str] = []
            for w in _words(m.group(1)):
                if w in _BOUNDARY or w in STOP_WORDS or w in LIGHT_WORDS:
                    break
                if noun and (w in _VERB_FORMS or w in self.proper or w in names):
                    break  # "how many tourists visit Brennick": the noun has ended
                noun.append(w)
            ask.count_noun = [self._term(w) for w in noun]
        if intent == "value" and not self._numeric_value_question(ask):
            return None
        return ask

    def _spell(self, word: str) -> str:
        if not word.isalpha() or word in self.known_words or stem(word) in self.corpus_stems:
            return word
        return self.speller.correct(word)

    def _term(self, word: str) -> Term:
        ks = keys(word)
        related = any(k[1:] in self.known_groups for k in ks if k.startswith("#"))
        return Term(word, ks, stem(word) in self.corpus_stems, word in self.proper, related)

    def _terms(self, text: str, names: Collection[str] = ()) -> list[Term]:
        out = []
        for m in _NAME_NUMBER.finditer(text):  # "line 4" names one line of several
            key = f"{m.group(1).lower()}#{m.group(2)}"
            if key in self.name_numbers:
                out.append(Term(f"{m.group(1)} {m.group(2)}", frozenset({key}), True, True))
        for w in _words(text):
            if w in STOP_WORDS or w in QUESTION_WORDS or w in LIGHT_WORDS or _YEAR.fullmatch(w):
                continue
            if w[0].isdigit() or w[0] in "$€£¥" or w in ("yuan", "dollars", "dollar", "usd"):
                continue
            term = self._term(w)
            out.append(replace(term, proper=True) if w in names else term)
            if "-" in w:
                out += [
                    self._term(p)
                    for p in w.split("-")
                    if p and p not in STOP_WORDS and p not in QUESTION_WORDS
                ]
        return out

    def _is_focus_term(self, term: Term) -> bool:
        """Whether some figure is a measure of this word ("revenue", "professionals")."""
        return _strength(term.keys, self.all_focus) > 0

    def _numeric_value_question(self, ask: Ask) -> bool:
        """ "What was the operating revenue?" is numeric; "What disease ...?" is not."""
        if ask.unit:
            return True
        return bool(_VALUE_QUESTION.match(ask.text))

    # -- matching -------------------------------------------------------------------------

    def rank(
        self,
        terms: Sequence[Term],
        relevance: Mapping[str, float],
        accept: object = None,
        verb: str | None = None,
    ) -> list[Match]:
        """Facts ordered by how well they match ``terms`` (best first); a fact that goes
        with the question's own verb ``verb`` ("had" for "did he have") comes first among
        equals."""
        total = sum(t.weight for t in terms)
        out: list[Match] = []
        for ix in self.index:
            f = ix.fact
            if callable(accept) and not accept(f):
                continue
            got = 0.0
            focus = 0
            entity = local = 0
            common_from_lead = False
            rejected = False
            missing = 0
            stand_in = bool(ix.owner_keys & _STAND_IN_KEYS) and len(ix.owner_keys) == 1
            owner_hit = other_thing = False
            # "the four-storey building" of an article whose first subject is "a new cancer
            # centre at ...": the question's headline words must be that subject's own.
            topical = ix.stand_in_owner and all(
                _strength(t.keys, self.topic_head.get(f.article, _NONE))
                for t in terms
                if t.known and not t.proper and not _strength(t.keys, ix.focus | ix.own | ix.ctx)
            )
            things = self.things.get(f.sentence, _NONE)
            for t in terms:
                s_focus = _strength(t.keys, ix.focus)
                s_ctx = _strength(t.keys, ix.ctx)
                if ix.owner_keys and _strength(t.keys, ix.owner_all):
                    owner_hit = True
                elif not s_focus and not t.proper and t.known and s_ctx and stem(t.word) in things:
                    other_thing = True  # "the rover" of a sentence about "the lander"
                # A name in the sentence of a fact owned by "the company" is the company's.
                s_local = max(
                    _strength(t.keys, ix.own), s_ctx if t.proper and stand_in else 0.6 * s_ctx
                )
                if (
                    t.proper
                    and s_local == 0
                    and _strength(t.keys, self.topic.get(f.article, _NONE))
                ):
                    s_local = 0.8  # "Brennick" in the entry "Brennick": every fact is its
                s = max(s_local, 0.5 * _strength(t.keys, ix.lead))
                if s_focus:
                    focus += 1
                elif t.known:
                    entity += 1
                    local += s_local > 0
                    common_from_lead |= (
                        s_local == 0
                        and s > 0
                        and (not t.proper or not (ix.own | ix.ctx) & _STAND_IN_KEYS)
                    )
                if s == 0 and t.known:
                    # A name the fact's sentence lacks is about something else; one missing
                    # common word ("reach") may be the question's own wording, two are not.
                    missing += 1
                    if t.proper or missing >= 2:
                        rejected = True
                        break
                got += t.weight * s
            # What the question is about must be in the fact's own sentence; only a name may
            # come from the headline alone ("Wenzhou"): "the farm" is not "the company".
            # A sentence about "the building" or "the project" is about the headline's subject.
            if rejected or (entity and not local and common_from_lead and not topical):
                continue
            if other_thing and not owner_hit and ix.owner_keys and not stand_in:
                continue  # the question is about another thing the sentence names
            base = got / total if total else 0.0
            score = base + 0.1 * relevance.get(f.sentence, 0.0)
            if verb and f.verb and _base(f.verb) == verb:
                score += 0.05
            out.append(Match(f, score, focus, base))
        out.sort(
            key=lambda m: (-m.score, -m.focus, m.fact.part_of is not None, self.position[m.fact.id])
        )
        return out

    def _time_fits(self, f: Fact, ask: Ask, year: str | None = None) -> bool:
        year = year or (ask.years[0] if ask.years else None)
        if year:
            return bool(f.time) and str(f.time).startswith(year)
        if ask.future:
            return f.time_kind in ("target", "expected")
        if ask.done and f.time_kind in ("target", "expected"):
            return False  # "how many has it sent" is not what it expects to send
        if ask.now:
            return f.time_kind in (None, "current") or (
                f.time is not None and f.time[:4] == self._article_year(f)
            )
        return True

    def _article_year(self, f: Fact) -> str | None:
        a = self.articles.get(f.article)
        return a.date[:4] if a and a.date else None

    # -- answers --------------------------------------------------------------------------

    def answer(self, question: str, relevance: Mapping[str, float]) -> Answer | None:
        """The rule layer's answer to ``question`` (already resolved for follow-ups).

        ``relevance`` maps sentence ids to retrieval scores in [0, 1]. Returns None when the
        question is not a numeric question this layer handles.
        """
        ask = self.read(question)
        if ask is None:
            return None
        if ask.unknown_names or self._unknown_part(ask):
            # "How many people does it employ in Sweden?" when no article names Sweden.
            return self._abstain(ask) if ask.intent != "when" else None
        if _PERSONAL.search(ask.text) and self.biography and not any(t.proper for t in ask.terms):
            ask.article = self.biography  # "How old was she ...?" in an encyclopedia's life
            title = self.articles[self.biography].title
            ask.terms += [replace(self._term(w), proper=True) for w in _words(title)]
        if (
            _unresolved_pronoun(_PARTITIVE.sub("", _PERIOD_Q.sub("", ask.text)))
            and not any(not self._is_focus_term(t) and t.known for t in ask.terms)
            and ask.article is None
        ):
            return None  # "How many employees does it have?": whose, we cannot tell
        handler = getattr(self, f"_{ask.intent}")
        result: Answer | None = handler(ask, relevance)
        return result

    def _cite(self, facts: Sequence[Fact]) -> tuple[Citation, ...]:
        seen: list[str] = []
        for f in facts:
            if f.sentence not in seen:
                seen.append(f.sentence)
        return tuple(Citation.of(self.sentences[s]) for s in seen)

    def _ref(self, f: Fact) -> str:
        return f"[{f.sentence.rsplit(':', 1)[-1]}]"

    def _abstain(self, ask: Ask, why: str = "", confidence: float = 0.6) -> Answer:
        reason = f"; {why}" if why else ""
        return Answer(
            f"The articles don't say {echo(ask.question)}{reason}.", False, "none", confidence
        )

    def _direct(
        self, f: Fact, ask: Ask, score: float, text: str | None = None, short: str | None = None
    ) -> Answer:
        short = short or _amount(f)
        answer = text or self._sentence_for(f)
        if text is None and f.kind != "date" and not _value_comes_first(answer, f.value):
            first, _, rest = answer.partition(" ")
            first = first.lower() if first in ("The", "A", "An") else first
            answer = f"{_cap(short)}: {first} {rest}"  # "The four-storey building": value first
        return Answer(
            answer=answer,
            answered=True,
            method="rule",
            confidence=round(min(0.95, 0.45 + 0.5 * score), 4),
            citations=self._cite([f]),
            derivation=None,
            short_answer=short,
        )

    def _derived(
        self, result: str, short: str, working: str, facts: Sequence[Fact], score: float
    ) -> Answer:
        return Answer(
            answer=f"{result} {working}",
            answered=True,
            method="rule",
            confidence=round(min(0.9, 0.4 + 0.5 * score), 4),
            citations=self._cite(facts),
            derivation=working,
            short_answer=short,
        )

    def _sentence_for(self, f: Fact) -> str:
        """A short sentence written from the fact, its value and unit first among numbers."""
        text = self._sentence_from_parts(f)
        if f.period and text.endswith("."):
            text = f"{text[:-1]}, in the {f.period}."
        return text

    def _sentence_from_parts(self, f: Fact) -> str:
        amount = _amount(f)
        eq = next((g for g in self.facts if g.equivalent_of == f.id), None)
        if eq is not None and f.kind != "count":
            amount = f"{amount} ({eq.surface})"
        owner = _cap(f.owner) if f.owner else None
        past = f.time_kind in ("year", "month", "date", "resolved-relative", "quarter", "half-year")
        when = ""
        if f.time and f.time_kind == "target":
            when = f" by {f.time[:4]}"
        elif f.time and past:
            when = f" in {_pretty_date(f.time)}"
        s = self.sentences[f.sentence]
        before = s.text[: f.start - s.start]
        verb = re.search(
            r"\b((?:[a-z]+(?:s|ed))(?:\s+(?:an?|the|of|some|about|nearly|over|"
            r"[a-z]+ment|[a-z]+ion)){0,3})\s+$",
            before,
        )
        later = self.by_id.get(f.earlier_of or "")
        if later is not None and not f.time:  # "compared with 18,200 before"
            of = f" of {f.owner}" if f.owner else ""
            return (
                f"{_cap(amount)}: the {f.measure or 'figure'}{of} before, against "
                f"{_amount(later)} now."
            )
        whole = self.by_id.get(f.part_of or "")
        if whole is not None and f.kind != "count" and f.qualifier:
            of = f" of the {whole.measure}" if whole.measure and f.kind == "percent" else ""
            of += f" of {whole.owner}" if whole.owner and of else ""
            if _PREPOSITION_START.match(f.qualifier) or f.kind in _PHYSICAL_KINDS:
                part = f"part of {whole.surface}" + (f" ({whole.owner})" if whole.owner else "")
                if f.qualifier.startswith("from"):
                    return f"{_cap(amount)}{of} came {f.qualifier}."
                return f"{_cap(amount)}, {part}."
            return f"{_cap(amount)}{of}, from {f.qualifier}."  # "with X paying 70 percent"
        phrase = self._verb_phrase(f)
        if (
            phrase
            and owner
            and f.kind not in ("percent", "date", "age")
            and f.time_kind != "target"
            and not f.change_of
        ):
            return f"{owner} {phrase}{amount}{when}."
        if f.kind == "count":
            after = s.text[f.end - s.start :]
            if whole is not None:  # "two academicians" among "6,053 professionals"
                before = s.text[: whole.start - s.start]
            if owner and re.search(
                r"\b(?:has|have|had|employs|employed|hosts|houses|counts|"
                r"includes|boasts|with)\s+(?:about\s+|nearly\s+|some\s+|"
                r"over\s+|more\s+than\s+)?$",
                before,
            ):
                has = "had" if past else "has"
                return f"{owner} {has} {amount}{when}."
            in_owner = f" in {f.owner.lower()}" if f.owner else ""
            if in_owner and after.lower().find(in_owner, 0, len(_amount(f)) + 40) >= 0:
                return f"{_cap(amount)} in {f.owner}{when}."
            return f"{_cap(amount)}{when}."
        if f.part_of and f.qualifier and f.kind != "count":
            whole = self.by_id.get(f.part_of)
            of = f" of the {whole.measure}" if whole and whole.measure else ""
            of += f" of {whole.owner}" if whole and whole.owner and of else ""
            came = "came " if f.qualifier.startswith("from") else ""
            return f"{_cap(amount)}{of} {came}{f.qualifier}."
        if f.kind == "percent" and f.measure and (m := _AGAINST.match(f.measure)):
            word = "more" if m.group(1) == "increase over" else "less"
            return f"{_cap(amount)} {word} than the {m.group(2)}."  # "24 percent more than"
        if (
            f.kind in _PHYSICAL_KINDS
            and f.qualifier
            and not _PREPOSITION_START.match(f.qualifier)
            and (f.measure or "").removeprefix("annual ") == _KIND_MEASURE.get(f.kind)
        ):
            return f"{_cap(amount)}{when}."  # "1,150 millimetres of rain a year"
        if f.kind == "percent" and f.change_of:
            base = self.by_id.get(f.change_of)
            measure = base.measure if base and base.measure else "It"
            return self._change_sentence(measure, f, when)
        if (
            verb
            and owner
            and _VERB_START.match(verb.group(1))
            and f.kind != "percent"
            and f.time_kind != "target"
            and f.measure
            and (f.measure.split()[-1] in verb.group(1) or f.measure in _VERB_MEASURES)
        ):
            return f"{owner} {verb.group(1)} {amount}{when}."
        measure = f.measure or "amount"
        tense = "was" if past else "is"
        if owner:
            return f"The {measure} of {f.owner} {tense} {amount}{when}."
        return f"The {measure} {tense} {amount}{when}."

    def _verb_phrase(self, f: Fact) -> str | None:
        """The article's words from the fact's verb to its number, when they are few and
        plain: "employs ", "processed ", "held the post for "."""
        if not f.verb:
            return None
        s = self.sentences[f.sentence]
        before = s.text[: f.start - s.start]
        at = before.lower().rfind(f.verb)
        if at < 0 or not re.match(rf"{re.escape(f.verb)}\b", before[at:].lower()):
            return None
        aux = re.search(
            r"\b(?:(?:is|are|was|were|will|can|could|has|have|had|be)\s+)+$", before[:at]
        )
        phrase = before[aux.start() if aux else at :]
        words = phrase.split()
        if len(words) > 5 or re.search(r"[\d,;()$€£¥]|\b(?:and|or|but|of)\s*$", phrase):
            return None
        if re.search(r"\b(?:and|or)\b", phrase):
            return None
        return phrase if phrase.endswith(" ") else phrase + " "

    def _change_sentence(self, measure: str, f: Fact, when: str) -> str:
        base = self.by_id.get(f.change_of or "")
        change = base.change if base else None
        direction = "up" if not change or change.direction == "up" else "down"
        basis = f" {change.basis}" if change and change.basis else ""
        owner = f" of {base.owner}" if base and base.owner else ""
        return f"{_cap(measure)}{owner} was {direction} {f.surface}{basis}{when}."

    # -- direct look-ups ------------------------------------------------------------------

    def _candidates(
        self,
        ask: Ask,
        relevance: Mapping[str, float],
        kinds: set[str] | None,
        terms: Sequence[Term] | None = None,
    ) -> list[Match]:
        terms = ask.terms if terms is None else terms
        matches = self.rank(
            terms,
            relevance,
            lambda f: (
                f.equivalent_of is None
                and f.kind != "date"
                and (kinds is None or f.kind in kinds)
                and self._fits(f, ask)
            ),
            ask.verb,
        )
        unit = ask.unit
        implied = {"area"} if ask.intent == "size" else set()  # "how big" asks for an area
        if ask.intent == "amount" and _MONEY_Q.search(ask.text):
            implied = {"money"}  # "how much is a ticket", "how much came from donors"
        if ask.intent in ("span", "age") and kinds:  # "how long is", "how old": the kind says
            implied = kinds
        required = [t for t in terms if stem(t.word) in _MEASURE_STEMS]
        if ask.intent == "count" and terms is ask.terms:
            required += ask.count_noun
        if ask.dimension:  # "how deep is the lake" is not answered by its length
            matches = [m for m in matches if _dimension_fits(m.fact, ask.dimension)]
        return [
            m
            for m in matches
            if (
                m.focus > 0 or not terms or (unit and m.fact.unit == unit) or m.fact.kind in implied
            )
            and m.score >= self.MIN_SCORE
            and (
                not required
                or any(_strength(t.keys, self.indexed[m.fact.id].focus) for t in required)
            )
        ]

    def _unknown_part(self, ask: Ask) -> bool:
        """ "the rover's camera" when no article mentions a camera: a part of something the
        articles never name."""
        for m in re.finditer(r"\b[a-z][\w-]*'s?\s+([a-z][\w-]+)", ask.text):
            word = m.group(1)
            if word not in STOP_WORDS and stem(word) not in self.corpus_stems:
                term = self._term(word)
                if not term.related:
                    return True
        return False

    def _fits(self, f: Fact, ask: Ask) -> bool:
        """Whether ``f`` is for what the question asks beyond its words: the article a "he"
        or "she" is in, the part of a span ("on its first day"), the rate ("a day"), an
        earlier or the latest value, who a count of people is ("work" counts staff), and
        not the opposite ("the old stadium" is not "the new ground")."""
        if ask.article and f.article != ask.article:
            return False
        if ask.part_of_year and not (f.time or "").endswith(ask.part_of_year):
            return False
        if f.rate and ask.whole_span and not ask.rate:
            return False
        if ask.period and f.period != ask.period:
            return False
        if f.period and ask.whole_span and not ask.period:
            return False
        if ask.rate and f.rate != ask.rate:
            return False
        if f.earlier_of and not (ask.earlier or ask.marked) and not ask.years:
            return False  # "the old unit" may be what an earlier value is for
        if ask.earlier and not f.earlier_of and not ask.years:
            return False
        ix = self.indexed[f.id]
        pool = ix.focus | ix.ctx
        if any("#" + g not in pool for g in ask.verbs):
            return False
        if any(k not in ix.ctx and k not in ix.own for k in ask.marked):
            return False  # "the old stadium": a figure for the stadium as it is now is not it
        return not any(k in ix.ctx for k in ask.against)

    def _focus_exists(self, terms: Sequence[Term]) -> bool:
        return any(_strength(t.keys, ix.focus) for t in terms for ix in self.index)

    def _target_year(self, ask: Ask) -> str | None:
        if not ask.years:
            return None
        year = ask.years[0]
        return _prev_time(year) if ask.previous_year else year

    def _lookup(
        self,
        ask: Ask,
        relevance: Mapping[str, float],
        kinds: set[str] | None,
        bonus_kind: str | None = None,
    ) -> Answer | None:
        """A direct answer, the previous year's value from a growth rate, a conversion, or
        an honest abstention when the measure is there but not for the time asked."""
        if _EXCLUDE_Q.search(ask.text):
            return self._excluding(ask, relevance)
        matches = self._candidates(ask, relevance, kinds)
        if bonus_kind:
            matches.sort(key=lambda m: -(m.score + (0.15 if m.fact.kind == bonus_kind else 0)))
        if ask.unit and ask.unit_counted:  # "how many megawatts": a figure in megawatts first
            matches.sort(key=lambda m: m.fact.unit != ask.unit)
        if not matches:
            return self._nothing(ask)
        year = self._target_year(ask)
        if ask.previous_year and not year:
            best = next(
                (
                    m
                    for m in matches
                    if m.fact.change
                    and m.fact.change.basis == "year-on-year"
                    and _year_of(m.fact.time)
                ),
                None,
            )
            if best is not None:
                year = _prev_time(str(best.fact.time))
        fitting = [m for m in matches if self._time_fits(m.fact, ask, year)]
        if fitting:
            best = fitting[0]
            if ask.intent == "count" and (total := self._sum_of_parts(ask, fitting)):
                return total
            if self._two_named(ask, fitting):
                return self._abstain(ask)
            if rest := self._remainder(best.fact, ask, best.score):
                return rest
            total_once = _ONCE_ADDED.search(ask.text) and re.search(r"\btotal\b", ask.text)
            if total_once and (grown := self._with_addition(best.fact, best.score)):
                return grown  # "the total capacity once the second phase is built"
            return self._in_unit(best.fact, ask, best.score)
        if year:
            for m in matches:
                f = m.fact
                if (
                    f.change
                    and f.change.basis == "year-on-year"
                    and f.change.unit == "percent"
                    and f.time
                    and _prev_time(f.time) == year
                ):
                    return self._previous_year(f, ask, m.score)
            return self._abstain(ask)
        return self._abstain(
            ask, f"the {self._label(matches[0].fact)} they give is for another time"
        )

    def _two_named(self, ask: Ask, fitting: Sequence[Match]) -> bool:
        """ "How many people does it employ in Norway in Chile?": the two best figures are
        each for one of two names the question gives, so which it asks is unclear."""
        best = fitting[0]
        names = [t for t in ask.terms if t.proper]
        if len(names) < 2:
            return False
        mine = {t.word for t in names if _strength(t.keys, self.indexed[best.fact.id].own)}
        for other in fitting[1:]:
            if abs(other.score - best.score) > 1e-6 or other.fact.value == best.fact.value:
                continue
            theirs = {t.word for t in names if _strength(t.keys, self.indexed[other.fact.id].own)}
            if mine - theirs and theirs - mine:
                return True
        return False

    def _nothing(self, ask: Ask) -> Answer | None:
        """No fact fits: abstain when the question clearly names a number the articles never
        give, or one they give for another part of a span, rate or state ("on its first day"
        when they give the first two days); otherwise let retrieval decide."""
        qualified = (
            ask.period
            or ask.rate
            or ask.earlier
            or ask.marked
            or ask.against
            or ask.verbs
            or ask.whole_span
        )
        if qualified and any(
            m.score >= 0.5 and m.focus for m in self.rank(ask.terms, {}, lambda f: f.kind != "date")
        ):
            return self._abstain(ask)
        if ask.intent in ("count", "total") and ask.count_noun:
            return self._abstain(ask)
        head = re.search(r"\bhow\s+(?:much|many)\s+([a-z][\w-]*)", ask.text)
        if (
            head
            and head.group(1) not in STOP_WORDS
            and self._is_focus_term(self._term(head.group(1)))
        ):
            return self._abstain(ask)  # "how much fuel": a figure the articles give, not for it
        if any(stem(t.word) in _MEASURE_STEMS for t in ask.terms):
            return self._abstain(ask)
        return None

    def _remainder(self, best: Fact, ask: Ask, score: float) -> Answer | None:
        """ "the rest from Minjiang Clean Power", "the club paying the rest": the whole less
        its stated parts, when the question names whoever the rest is from. A whole given as
        percentages of an amount is 100 percent."""
        whole = self.by_id.get(best.part_of or "") or best
        parts = [f for f in self.facts if f.part_of == whole.id]
        holder = self._rest_holder(whole) if parts else None
        if holder is None:
            return None
        phrase, came = holder
        rest_keys = _keyset(phrase)
        focus = self.indexed[whole.id].focus
        named = [t for t in ask.terms if t.proper or (t.known and not _strength(t.keys, focus))]
        if not any(_strength(t.keys, rest_keys) for t in named):
            return None
        if not all(_strength(t.keys, rest_keys) for t in named if t.proper):
            return None
        if best.part_of and best.qualifier:
            said = _keyset(best.qualifier)
            if all(_strength(t.keys, said) for t in named if _strength(t.keys, rest_keys)):
                return None  # the question names the part's own giver
        unit: str | None
        if all(p.kind == "percent" for p in parts):
            total, unit, whole_text = 100.0, "percent", f"100 percent of the {whole.measure}"
        elif all(p.unit == whole.unit for p in parts):
            total, unit, whole_text = whole.value, whole.unit, f"{whole.surface} {self._ref(whole)}"
        else:
            return None
        value = total - sum(p.value for p in parts)
        result = _computed(value, unit)
        minus = " − ".join(f"{p.surface} {self._ref(p)}" for p in parts)
        working = f"{whole_text} − {minus} = {result}, the rest."
        of = f" of the {whole.measure}" if whole.measure and unit != "percent" else ""
        text = f"{_cap(result)}: the rest{of} {came}."
        return self._derived(text, result, working, [whole, *parts], score)

    def _rest_holder(self, whole: Fact) -> tuple[str, str] | None:
        """Who the rest of ``whole`` is from, as the sentence says it, and how to say it:
        ("from Minjiang Clean Power", "came from Minjiang Clean Power"), ("the club", "the
        club paying it")."""
        text = self.sentences[whole.sentence].text
        if m := _REST.search(text):
            return m.group("q"), f"came {m.group('q')}"
        if m := _REST_BY.search(text):
            holder = re.split(r"\b(?:and|with|while)\s+", m.group("h").strip())[-1]
            return holder, f"from {holder}"
        return None

    def _excluding(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        """ "How many were neither students nor retired teachers?", "... outside Norway",
        "... not from Japan": a whole less the parts the question leaves out."""
        m = _EXCLUDE_Q.search(ask.text)
        if not m:
            return None
        phrases = [g for g in m.groups() if g]
        left_out = {w for p in phrases for w in _words(p)}
        cue_words = set(_words(m.group(0))) - left_out
        terms = [t for t in ask.terms if t.word not in left_out and t.word not in cue_words]
        with_parts = {f.part_of for f in self.facts if f.part_of}
        wholes = [
            w
            for w in self._candidates(ask, relevance, None, terms)
            if w.fact.id in with_parts and w.fact.kind != "percent"
        ]
        if not wholes:
            return self._abstain(ask)
        whole = wholes[0].fact
        parts = [
            f
            for f in self.facts
            if f.part_of == whole.id and (f.unit == whole.unit or f.kind == whole.kind == "count")
        ]
        out: list[Fact] = []
        for phrase in phrases:
            pk = [self._term(w) for w in _words(phrase) if w not in STOP_WORDS]
            hit = [
                p
                for p in parts
                if all(
                    _strength(
                        t.keys,
                        _keyset(" ".join(x for x in (p.qualifier, p.unit) if x))
                        | self.indexed[p.id].focus,
                    )
                    for t in pk
                )
            ]
            if not hit:
                return self._abstain(
                    ask, f"they do not say how many of the {self._label(whole)} that leaves"
                )
            out += [p for p in hit if p not in out]
        value = whole.value - sum(p.value for p in out)
        result = _computed(value, whole.unit)
        minus = " − ".join(f"{_amount(p)} {self._ref(p)}" for p in out)
        working = f"{_amount(whole)} {self._ref(whole)} − {minus} = {result}."
        return self._derived(f"{_cap(result)}.", result, working, [whole, *out], wholes[0].score)

    def _sum_of_parts(self, ask: Ask, matches: Sequence[Match]) -> Answer | None:
        """ "How many graduates?" when the article gives doctoral and master's graduates."""
        best = matches[0]
        if best.fact.part_of is None or not best.fact.qualifier:
            return None
        if any(_strength(t.keys, _keyset(best.fact.qualifier)) for t in ask.terms):
            return None
        parts = [
            m
            for m in matches
            if m.fact.part_of == best.fact.part_of
            and m.fact.unit == best.fact.unit
            and abs(m.score - best.score) < 0.02
        ]
        if len(parts) < 2:
            return None
        return self._add([m.fact for m in parts], best.score)

    def _in_unit(self, f: Fact, ask: Ask, score: float) -> Answer:
        """``f`` in the unit asked for: as stated, its stated equivalent, or converted."""
        if not ask.unit or ask.unit == f.unit:
            return self._direct(f, ask, score)
        eq = next((g for g in self.facts if g.equivalent_of == f.id and g.unit == ask.unit), None)
        if eq is not None:
            text = f"{_cap(eq.surface)} ({f.surface})."
            owner = f" for {f.owner}" if f.owner else ""
            text = (
                f"{_cap(eq.surface)}: the article gives the {f.measure or 'amount'}{owner} "
                f"as {f.surface} ({eq.surface})."
            )
            return self._direct(eq, ask, score, text=text, short=eq.surface)
        converted = self._convert(f, ask.unit, score)
        if converted is not None:
            return converted
        direct = self._direct(f, ask, score)
        note = f" The articles give no rate to convert it to {ask.unit}."
        return Answer(
            direct.answer + note,
            True,
            "rule",
            direct.confidence,
            direct.citations,
            None,
            direct.short_answer,
        )

    # -- conversions ----------------------------------------------------------------------

    def _rates(self) -> dict[tuple[str, str, str], tuple[Fact, Fact]]:
        """Exchange rates the articles imply: (article, from, to) → (amount, its equivalent)."""
        rates: dict[tuple[str, str, str], tuple[Fact, Fact]] = {}
        for g in self.facts:
            if g.equivalent_of and g.kind == "money":
                f = self.by_id[g.equivalent_of]
                if f.unit and g.unit and f.value and g.value:
                    rates.setdefault((f.article, f.unit, g.unit), (f, g))
                    rates.setdefault((f.article, g.unit, f.unit), (g, f))
        return rates

    def _convert(self, f: Fact, unit: str, score: float) -> Answer | None:
        if f.unit is None:
            return None
        if f.kind == "money":
            pair = self.rates.get((f.article, f.unit, unit))
            if pair is None:
                return None
            a, b = pair
            rate = b.value / a.value
            value = f.value * rate
            result = _computed(value, unit)
            working = (
                f"The article gives {a.surface} as {b.surface} {self._ref(a)}, a rate of "
                f"{rate:.4g} {unit} per {f.unit[:-1] if f.unit.endswith('s') else f.unit}; "
                f"{f.surface} {self._ref(f)} × {rate:.4g} ≈ {result}. The rate is the one the "
                f"article implies, not a market rate."
            )
            return self._derived(f"About {result}.", f"about {result}", working, [f, a], score)
        factor = conversion_factor(f.unit, unit)
        if factor is None:
            return None
        result = _computed(f.value * factor, unit)
        working = (
            f"{f.surface} {self._ref(f)} × {factor:.6g} ({unit} per "
            f"{singular_noun(f.unit)}) ≈ {result}."
        )
        return self._derived(f"About {result}.", f"about {result}", working, [f], score)

    def _previous_year(self, f: Fact, ask: Ask, score: float) -> Answer:
        assert f.change is not None
        year = _pretty_date(_prev_time(str(f.time)))
        sign = 1 if f.change.direction == "up" else -1
        factor = 1 + sign * f.change.value / 100
        value = f.value / factor
        result = _computed(value, f.unit)
        change = self.by_id.get(f.change.fact or "")
        working = (
            f"{f.surface} in {_pretty_date(str(f.time))} {self._ref(f)} was {f.change.direction} "
            f"{change.surface if change else f'{f.change.value:g} percent'} "
            f"{f.change.basis} {self._ref(change or f)}, so {year} = {f.surface} ÷ "
            f"{factor:g} ≈ {result}."
        )
        if ask.unit and ask.unit != f.unit and f.kind == "money":
            pair = self.rates.get((f.article, str(f.unit), ask.unit))
            if pair:
                a, b = pair
                rate = b.value / a.value
                result = _computed(value * rate, ask.unit)
                working += (
                    f" At the rate the article implies ({a.surface} = {b.surface} "
                    f"{self._ref(a)}), that is about {result}."
                )
                return self._derived(
                    f"About {result} in {year}.", f"about {result}", working, [f, a], score
                )
        return self._derived(f"About {result} in {year}.", f"about {result}", working, [f], score)

    # -- the intents ----------------------------------------------------------------------

    def _count(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        noun = " ".join(t.word for t in ask.count_noun)
        if noun in ("years", "months", "weeks", "days", "hours", "minutes"):
            return self._lookup(ask, relevance, {"duration"})  # "how many years did it take"
        if noun == "times":
            return self._lookup(ask, relevance, {"multiple"})
        unit = asked_unit(f"in {noun}") if noun else None
        if unit:  # "how many square kilometres": an amount in that unit
            ask.unit, ask.unit_counted = unit, True
            ask.terms = [t for t in ask.terms if t not in ask.count_noun] or ask.terms
            ask.count_noun = []
            found = self._lookup(ask, relevance, None, bonus_kind="area")
            return found or self._abstain(ask)
        if ask.count_noun and not any(
            _strength(t.keys, ix.focus)
            for t in ask.count_noun
            for ix in self.index
            if ix.fact.kind == "count"
        ):
            return self._nothing(ask)
        return self._lookup(ask, relevance, {"count", "number"})

    def _amount(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        kinds = (
            None
            if ask.unit
            else {
                "money",
                "area",
                "length",
                "mass",
                "energy",
                "power",
                "volume",
                "number",
                "duration",
            }
        )
        if re.search(r"\bhow\s+much\b", ask.text) and not ask.terms:
            return None
        return self._lookup(ask, relevance, kinds)

    def _size(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        return self._lookup(ask, relevance, None, bonus_kind="area")

    def _value(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        if ask.unit == "percent" or re.search(r"\b(?:percent|percentage|rate|share)\b", ask.text):
            return self._lookup(ask, relevance, None)
        # "What was the original budget?" asks for the budget, not how far it was overrun.
        return self._lookup(ask, relevance, set(_KINDS - {"percent"}))

    def _percent(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        basis = re.search(
            r"\b(?:compared\s+(?:with|to)|from|over|than|versus)\s+((?:19|20)\d\d)", ask.text
        )
        if basis:
            ask.years = [str(int(basis.group(1)) + 1)]
        matches = self._candidates(ask, relevance, {"percent"})
        if not matches:
            return self._nothing(ask)
        year = self._target_year(ask)
        fitting = [m for m in matches if self._time_fits(m.fact, ask, year)]
        if not fitting:
            return self._abstain(ask)
        return self._direct(fitting[0].fact, ask, fitting[0].score)

    # -- dates and spans of time ----------------------------------------------------------

    def _dates(
        self, ask: Ask, relevance: Mapping[str, float], default_events: tuple[str, ...] = ()
    ) -> list[Match]:
        """Date facts whose event and owner fit the question, best first."""
        matches = self.rank(ask.terms, relevance, lambda f: f.kind == "date")
        out = []
        for m in matches:
            if m.score < self.MIN_SCORE:
                continue
            verbs = self.indexed[m.fact.id].verb
            hit = any(_strength(t.keys, verbs) for t in ask.terms)
            if (
                not hit
                and not default_events
                and (ask.verb is None or ask.verb in self.light_stems)
            ):
                # "When did she become chief executive?": the event's words say which.
                event = _keyset(m.fact.measure)
                hit = any(_strength(t.keys, event) for t in ask.terms if not t.proper)
            if not hit and not any("#" + g in verbs for g in default_events):
                continue
            m = Match(m.fact, m.score, 1 if hit else 0, m.base)
            if ask.future and m.fact.time_kind != "target":
                continue
            if ask.years and not str(m.fact.time).startswith(ask.years[0]):
                continue
            out.append(m)
        if default_events:  # prefer the first-named kind of event ("founded" before "moved")

            def rank_of(m: Match) -> int:
                ek = self.indexed[m.fact.id].verb
                return next(
                    (i for i, g in enumerate(default_events) if "#" + g in ek), len(default_events)
                )

            out.sort(key=lambda m: (-(m.focus > 0), rank_of(m), -m.score))
        return out

    def _when(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        ask.years = []
        matches = self._dates(ask, relevance)
        if not matches:
            return None
        f = matches[0].fact
        article = self.articles.get(f.article)
        when = _pretty_date(str(f.time))
        short = when
        # The date first, as every direct answer states its value first.
        if f.time_kind == "target":
            text = f"By {when}: that is the target date."
        elif f.time_kind == "resolved-relative":
            dated = _pretty_date(article.date) if article and article.date else "its date"
            text = f'{_cap(when)}: the article, dated {dated}, says "{f.surface}".'
        else:
            text = f"{_cap(when)}."
        return self._direct(f, ask, matches[0].score, text=text, short=short)

    def _since(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        tenure = bool(re.search(r"\bbeen\s+(?:in|at|with|part\s+of)\b", ask.text))
        events = ("arrive", "found") if tenure else ("found", "arrive")
        matches = [m for m in self._dates(ask, relevance, events) if m.fact.time_kind != "target"]
        if not matches:
            return None
        f = matches[0].fact
        article = self.articles.get(f.article)
        if not article or not article.date or not f.time:
            return None
        months = _months_between(str(f.time), article.date)
        dated = _pretty_date(article.date)
        if months is not None and len(str(f.time)) >= 7:
            years = months / 12
            result = f"{years:.2f}".rstrip("0").rstrip(".")
            whole, rest = divmod(months, 12)
            parts = [f"{whole} year{'s' if whole != 1 else ''}"] if whole else []
            if rest:
                parts.append(f"{rest} month{'s' if rest != 1 else ''}")
            working = (
                f"From {_pretty_date(str(f.time))} {self._ref(f)} to the article's date, "
                f"{dated}: {months} months, that is {' and '.join(parts)}."
            )
        else:
            result = str(int(article.date[:4]) - int(str(f.time)[:4]))
            working = (
                f"From {f.time} {self._ref(f)} to the article's date, {dated}: "
                f"{article.date[:4]} − {str(f.time)[:4]} = {result} years."
            )
        unit = "year" if result == "1" else "years"
        return self._derived(
            f"About {result} {unit}, counted to the article's date.",
            f"about {result} {unit}",
            working,
            [f],
            matches[0].score,
        )

    def _until(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        ask.future = True
        matches = [
            m
            for m in self.rank(
                ask.terms, relevance, lambda f: f.time_kind == "target" and f.kind == "date"
            )
            if m.score >= self.MIN_SCORE
        ]
        if not matches:
            return None
        f = matches[0].fact
        article = self.articles.get(f.article)
        if not article or not article.date:
            return None
        years = int(str(f.time)[:4]) - int(article.date[:4])
        working = (
            f"The target is for {f.time} {self._ref(f)} and the article is dated "
            f"{_pretty_date(article.date)}: {str(f.time)[:4]} − {article.date[:4]} = "
            f"{years} years."
        )
        unit = "year" if years == 1 else "years"
        return self._derived(
            f"About {years} {unit}, counted from the article's date.",
            f"about {years} {unit}",
            working,
            [f],
            matches[0].score,
        )

    # -- two things at once ---------------------------------------------------------------

    def _sides(self, ask: Ask) -> tuple[list[str], list[str]] | None:
        """The two things a question names around "and", "or", "than", "plus", "beat"."""
        text = ask.text
        between = re.search(r"\bbetween\s+(.+?)\s+and\s+(.+)", text)
        if between:
            left_text, right_text = "x " + between.group(1), between.group(2)
        else:
            m = _SIDES_SPLIT.search(text)
            if not m:
                return None
            left_text, right_text = text[: m.start()], text[m.end() :]
        stop = _BOUNDARY | QUESTION_WORDS | STOP_WORDS | LIGHT_WORDS

        def take(words: list[str]) -> list[str]:
            out: list[str] = []
            for w in words:
                if w in stop - {"number"} or w[0].isdigit() or w in (",", "?", ":"):
                    if out:
                        break
                    continue
                out.append(w)
            return out

        tokens = re.findall(r"[\w'$-]+|[,?:]", left_text)
        tokens = [re.sub(r"'s?$", "", t) for t in tokens]
        left = list(reversed(take(list(reversed(tokens)))))
        left = [w for w in left if w != "number"]
        right_tokens = [re.sub(r"'s?$", "", t) for t in re.findall(r"[\w'$-]+|[,?:]", right_text)]
        right = [w for w in take(right_tokens) if w != "number"]
        if not left or not right:
            return None
        if len(left) == 1 and len(right) > 1:  # "doctoral and master's graduates"
            left = left + right[1:]
        return left, right

    def _pair(
        self,
        ask: Ask,
        relevance: Mapping[str, float],
        kinds: set[str] | None,
        year: str | None = None,
    ) -> tuple[Match, Match] | None:
        sides = self._sides(ask)
        if sides is None:
            return None
        side_words = set(sides[0]) | set(sides[1])
        shared = [
            t
            for t in ask.terms
            if t.word not in side_words and not any(t.word in w or w in t.word for w in side_words)
        ]
        chosen: list[Match] = []
        for side in sides:
            terms = [t for w in side for t in self._terms(w)] + shared
            matches = [
                m
                for m in self._candidates(ask, relevance, kinds, terms)
                if self._time_fits(m.fact, ask, year)
            ]
            matches = [m for m in matches if all(m.fact.id != c.fact.id for c in chosen)]
            if not matches:
                return None
            chosen.append(matches[0])
        a, b = chosen
        if a.fact.unit != b.fact.unit and not (a.fact.kind == b.fact.kind == "count"):
            return None
        return a, b

    def _label(self, f: Fact, other: Fact | None = None) -> str:
        """What a fact is, for working and comparisons; with its owner when ``other`` has the
        same measure ("renewable power generation in Fuzhou")."""
        if f.kind == "count":
            return " ".join(x for x in (f.qualifier, f.unit) if x)
        base = self.by_id.get(f.change_of) if f.kind == "percent" and f.change_of else f
        label = (base.measure if base else None) or "the amount"
        if other is not None:
            o = (
                self.by_id.get(other.change_of)
                if other.kind == "percent" and other.change_of
                else other
            )
            if (
                o is not None
                and o.measure == (base.measure if base else None)
                and base is not None
                and base.owner
                and base.owner != o.owner
            ):
                label = (
                    f"{label} in {base.owner}"
                    if base.owner[0].isupper()
                    else f"{label} of {base.owner}"
                )
        return label

    def _add(self, facts: Sequence[Fact], score: float) -> Answer:
        unit = facts[0].unit if len({f.unit for f in facts}) == 1 else None
        total = sum(f.value for f in facts)
        noun = unit if all(f.kind == "count" for f in facts) else None
        result = _computed(total, unit)
        if unit is None and all(f.kind == "count" for f in facts):
            noun = " and ".join(self._label(f) for f in facts)
            result = f"{format_amount(total, None)} {noun}"
        inputs = " + ".join(
            f"{_amount(f)} {self._ref(f)}"
            if f.kind == "count"
            else f"{f.surface} ({self._label(f)}) {self._ref(f)}"
            for f in facts
        )
        working = f"{inputs} = {result}."
        head = f"{result} in total" if noun else f"{_cap(result)} in total"
        return self._derived(f"{_cap(head)}.", result, working, facts, score)

    def _total(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        kinds = {"count"} if re.search(r"\bhow\s+many\b", ask.text) else None
        pair = self._pair(ask, relevance, kinds, self._target_year(ask))
        if pair is not None:
            a, b = pair
            return self._add([a.fact, b.fact], min(a.score, b.score))
        matches = [
            m for m in self._candidates(ask, relevance, kinds) if self._time_fits(m.fact, ask)
        ]
        if not matches:
            return self._nothing(ask)
        best = matches[0]
        if best.fact.part_of is not None:
            parts = [
                m.fact
                for m in matches
                if m.fact.part_of == best.fact.part_of
                and m.fact.unit == best.fact.unit
                and abs(m.score - best.score) < 0.02
            ]
            if len(parts) >= 2:
                return self._add(parts, best.score)
        if _ONCE_ADDED.search(ask.text) and (grown := self._with_addition(best.fact, best.score)):
            return grown
        return self._in_unit(best.fact, ask, best.score)

    def _with_addition(self, added: Fact, score: float) -> Answer | None:
        """ "What will the total capacity be once the second phase is built?": a planned
        addition ("a second phase of 400 megawatts by 2026") and what there is now (its
        "installed capacity of 600 megawatts"), added up."""
        if added.time_kind not in ("target", "expected") or not added.measure:
            return None
        head = added.measure.split()[-1]
        now = [
            f
            for f in self.facts
            if f.article == added.article
            and f.unit == added.unit
            and f.id != added.id
            and f.equivalent_of is None
            and f.time_kind not in ("target", "expected")
            and f.measure
            and f.measure.split()[-1] == head
        ]
        if len(now) != 1:
            return None
        return self._add([now[0], added], score)

    def _difference(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        years = sorted(set(ask.years))
        if len(years) == 2:
            return self._year_difference(ask, relevance, years)
        pair = self._pair(ask, relevance, None, self._target_year(ask))
        if pair is None:
            return self._earlier_difference(ask, relevance)
        a, b = pair
        fa, fb = a.fact, b.fact
        if fa.value < fb.value and not re.search(r"\b(?:less|fewer|lower|smaller)\b", ask.text):
            fa, fb = fb, fa
        diff = fa.value - fb.value
        unit = "percentage points" if fa.unit == "percent" else fa.unit
        result = _computed(diff, unit)
        working = f"{_amount(fa)} {self._ref(fa)} − {_amount(fb)} {self._ref(fb)} = {result}."
        more = "more" if fa.kind == "count" else "higher"
        text = f"{_cap(result)}: {self._label(fa, fb)} {more} than {self._label(fb, fa)}."
        return self._derived(text, result, working, [fa, fb], min(a.score, b.score))

    def _earlier_difference(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        """ "By how many seats did the capacity grow?" when the article gives the number
        before and after ("41,500 spectators, compared with 18,200 before")."""
        ask.earlier = False
        # "by how many square meters did the floor area grow": the unit and the change verb
        # say what kind of answer is wanted, not what it is about.
        ask.terms = [
            t
            for t in ask.terms
            if not ({"#growth", "#decline"} & t.keys) and not asked_unit(f"in {t.word}")
        ] or ask.terms
        matches = [
            m
            for m in self._candidates(ask, relevance, None)
            if m.fact.kind != "percent"
            and any(g.earlier_of == m.fact.id for g in self.facts)
            and self._time_fits(m.fact, ask)
        ]
        if not matches:
            return self._nothing(ask)
        late = matches[0].fact
        early = next(g for g in self.facts if g.earlier_of == late.id)
        return self._subtract(late, early, matches[0].score)

    def _subtract(self, late: Fact, early: Fact, score: float) -> Answer:
        """The change from an earlier value of a measure to a later one."""
        diff = late.value - early.value
        unit = "percentage points" if late.unit == "percent" else late.unit
        result = _computed(abs(diff), unit)
        working = (
            f"{_amount(late)} {self._ref(late)} − {_amount(early)} {self._ref(early)} = "
            f"{_computed(diff, unit)}."
        )
        word = "more" if diff >= 0 else "less"
        if late.kind not in ("count", "number"):
            word = "higher" if diff >= 0 else "lower"
        text = f"{_cap(result)} {word}: {_amount(late)} against {_amount(early)} before."
        return self._derived(text, result, working, [late, early], score)

    def _year_difference(
        self, ask: Ask, relevance: Mapping[str, float], years: list[str]
    ) -> Answer | None:
        early, late = years
        stated = self._stated_years(ask, relevance, early, late)
        if stated is not None:
            return stated
        ask.years = [late]
        matches = [
            m
            for m in self._candidates(ask, relevance, None)
            if self._time_fits(m.fact, ask, late) and m.fact.kind != "percent"
        ]
        if not matches:
            return self._nothing(ask)
        f = matches[0].fact
        if not (f.change and f.change.basis == "year-on-year" and int(early) == int(late) - 1):
            return self._abstain(ask, f"they give no figure for {early}")
        sign = 1 if f.change.direction == "up" else -1
        before = f.value / (1 + sign * f.change.value / 100)
        diff = f.value - before
        result = _computed(abs(diff), f.unit)
        change = self.by_id.get(f.change.fact or "")
        working = (
            f"{f.surface} in {late} {self._ref(f)} was {f.change.direction} "
            f"{change.surface if change else ''} {f.change.basis}, so {early} = "
            f"{f.surface} ÷ {1 + sign * f.change.value / 100:g} ≈ "
            f"{_computed(before, f.unit)}; {_computed(f.value, f.unit)} − "
            f"{_computed(before, f.unit)} ≈ {result}."
        )
        word = "more" if diff >= 0 else "less"
        return self._derived(
            f"About {result} {word} in {late} than in {early}.",
            f"about {result}",
            working,
            [f],
            matches[0].score,
        )

    def _stated_years(
        self, ask: Ask, relevance: Mapping[str, float], early: str, late: str
    ) -> Answer | None:
        """Both years' values stated ("214,300 at the 2021 census, up from 198,700 in 2011"):
        the difference between them."""
        found: list[Match] = []
        for year in (late, early):
            ask.years = [year]
            ms = [
                m
                for m in self._candidates(ask, relevance, None)
                if m.fact.kind != "percent" and self._time_fits(m.fact, ask, year)
            ]
            if not ms:
                return None
            found.append(ms[0])
        a, b = found
        if a.fact.unit != b.fact.unit or a.fact.article != b.fact.article:
            return None
        if a.fact.measure != b.fact.measure:
            return None
        return self._subtract(a.fact, b.fact, min(a.score, b.score))

    def _age(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        """ "How old is X?", "How old was she when she died?": a stated age; a person's age
        the articles do not state is not worked out from other dates; a place's or a firm's
        age is the time since it was founded."""
        when = re.search(r"\bwhen\s+(.+)$", ask.text)
        clause = {w for w in _words(when.group(1))} - STOP_WORDS if when else set()
        terms = [t for t in ask.terms if t.word not in clause] or ask.terms
        matches = self._candidates(ask, relevance, {"age"}, terms)
        if clause:  # "when he died": the age must be the one at that event
            matches = [
                m
                for m in matches
                if any(_strength(keys(w), self.indexed[m.fact.id].ctx) for w in clause)
            ]
        if matches:
            f = matches[0].fact
            short = f"{f.surface} years"
            return self._direct(f, ask, matches[0].score, text=self._age_sentence(f), short=short)
        if ask.article or any(
            t.proper
            and any(_strength(t.keys, _keyset(f.owner)) for f in self.facts if f.kind == "age")
            for t in ask.terms
        ):
            return self._abstain(ask)  # a person whose age they do not give
        return self._since(ask, relevance)

    def _age_sentence(self, f: Fact) -> str:
        owner = _cap(f.owner) if f.owner else "They"
        if f.time_kind == "current":
            return f"{f.surface} years: {owner} is {f.surface} years old."
        verb = f" {f.verb}" if f.verb and f.verb not in ("is", "was", "said") else ""
        when = ""
        if f.time:
            on = "on" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.time) else "in"
            when = f" {on} {_pretty_date(f.time)}"
        return f"{f.surface} years: {owner}{verb} at the age of {f.surface}{when}."

    def _span(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        """ "How long is the line?", "How long did it take?", "How heavy is the rover?",
        "How fast can it travel?": a length, a duration, a weight or a speed."""
        text = ask.text
        if re.search(r"\bhow\s+heavy\b", text):
            kinds = {"mass"}
        elif re.search(r"\bhow\s+fast\b", text):
            kinds = {"speed"}
        elif re.search(r"\bhow\s+(?:tall|high|deep|wide|far)\b", text):
            kinds = {"length"}
        elif re.search(
            r"\b(?:last|lasts|lasted|take|takes|took|taken|spend|spent|hold|held|serve|served|"
            r"stay|stayed|remain|remained)\b|\bhow\s+many\s+(?:years|months|weeks|days|hours)\b|"
            r"\bfor\s+how\b",
            text,
        ):
            kinds = {"duration"}
        else:
            kinds = {"length", "duration"}
        if dim := re.search(r"\bhow\s+(long|tall|high|deep|wide|far)\b", text):
            ask.dimension = _ASKED_DIMENSION[dim.group(1)]
        found = self._lookup(ask, relevance, kinds, bonus_kind="length")
        if (found is None or not found.answered) and kinds == {"duration"}:
            found = self._date_span(ask, relevance) or found
        return found or self._abstain(ask)

    def _date_span(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        """ "For how many years did the service run?" when a sentence says when it "began in
        1874 and ran until 1961": the years between."""
        for m in self.rank(ask.terms, relevance, lambda f: f.kind == "date"):
            if m.score < self.MIN_SCORE:
                break
            s = self.sentences[m.fact.sentence]
            dates = [f for f in self.facts if f.sentence == s.id and f.kind == "date"]
            ends = [f for f in dates if _UNTIL.search(s.text[: f.start - s.start])]
            starts = [f for f in dates if f not in ends]
            if len(starts) == 1 and len(ends) == 1 and starts[0].value < ends[0].value:
                a, b = starts[0], ends[0]
                years = int(b.value - a.value)
                result = f"{years} years"
                working = (
                    f"From {a.surface} {self._ref(a)} until {b.surface} {self._ref(b)}: "
                    f"{int(b.value)} − {int(a.value)} = {years} years."
                )
                return self._derived(f"About {result}.", f"about {result}", working, [a], m.score)
        return None

    def _compare(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        growth = bool(
            re.search(
                r"\b(?:faster|quicker|quickly|grew|grow|rise|rose|increase|"
                r"increased|growth)\b",
                ask.text,
            )
        )
        kinds = {"percent"} if growth else None
        pair = self._pair(ask, relevance, kinds, self._target_year(ask))
        if pair is None:
            return None
        a, b = pair
        fa, fb = (a.fact, b.fact) if a.fact.value >= b.fact.value else (b.fact, a.fact)
        if fa.value == fb.value:
            return None
        smaller = bool(re.search(r"\b(?:slower|less|fewer|smaller|lower)\b", ask.text))
        win, lose = (fb, fa) if smaller else (fa, fb)
        if growth:
            verb = "grew more slowly" if smaller else "grew faster"
            text = (
                f"{_cap(self._label(win, lose))} {verb}: up {win.surface} against "
                f"{lose.surface} for {self._label(lose, win)}."
            )
        else:
            word = "fewer" if smaller else "more"
            text = (
                f"There are {word} {self._label(win, lose)}: {_amount(win)} against "
                f"{_amount(lose)}."
            )
        working = (
            f"{self._label(fa, fb)}: {fa.surface} {self._ref(fa)}; {self._label(fb, fa)}: "
            f"{fb.surface} {self._ref(fb)}; {fa.surface} > {fb.surface}."
        )
        short = self._label(win, lose)
        if win.kind == lose.kind and self._label(win) == self._label(lose):
            base = self.by_id.get(win.change_of or "") or win
            short = base.owner or short  # "Fuzhou", not "renewable power generation in Fuzhou"
        return self._derived(text, short, working, [fa, fb], min(a.score, b.score))

    # -- ratios ---------------------------------------------------------------------------

    def _per(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        m = _PER_PHRASE.search(ask.text)
        if not m:
            return self._lookup(ask, relevance, None)
        divisor_words: list[str] = []
        words = _words(m.group(1))
        for i, w in enumerate(words):
            if w == "of" and divisor_words and i + 1 < len(words):
                continue  # "per megawatt of capacity": the capacity is the divisor too
            if w in _BOUNDARY or w in STOP_WORDS or w in LIGHT_WORDS or w in QUESTION_WORDS:
                break
            divisor_words.append(w)
        if not divisor_words:
            return self._lookup(ask, relevance, None)
        divisor_terms = [self._term(w) for w in divisor_words]
        direct = self._candidates(ask, relevance, None)
        direct = [
            d
            for d in direct
            if d.fact.measure
            and " per " in d.fact.measure
            and all(_strength(t.keys, _keyset(d.fact.measure)) for t in divisor_terms)
        ]
        if direct and self._time_fits(direct[0].fact, ask):
            return self._in_unit(direct[0].fact, ask, direct[0].score)
        unit = asked_unit("in " + " ".join(divisor_words))
        rest = [t for t in ask.terms if t.word not in divisor_words]
        year = self._target_year(ask)
        numerators = [
            n
            for n in self._candidates(ask, relevance, None, rest)
            if self._time_fits(n.fact, ask, year)
            and n.fact.kind != "percent"
            and (unit is None or n.fact.unit != unit)
        ]
        if unit:
            dens = self.rank(
                divisor_terms, relevance, lambda f: f.unit == unit and f.equivalent_of is None
            ) or self.rank([], relevance, lambda f: f.unit == unit and f.equivalent_of is None)
        else:
            dens = [d for d in self._candidates(ask, relevance, {"count"}, divisor_terms)]
        if not numerators or not dens:
            return self._nothing(ask)
        num = numerators[0]
        same = [d for d in dens if d.fact.article == num.fact.article and d.fact.id != num.fact.id]
        if not same:
            return None
        den = same[0].fact
        value = num.fact.value / den.value
        per = singular_noun(str(den.unit))
        result = _computed(value, num.fact.unit)
        label = "" if num.fact.kind == "count" else f" ({self._label(num.fact)})"
        working = (
            f"{_amount(num.fact)}{label} {self._ref(num.fact)} ÷ "
            f"{_amount(den)} {self._ref(den)} ≈ {result} per {per}."
        )
        return self._derived(
            f"About {result} per {per}.",
            f"about {result} per {per}",
            working,
            [num.fact, den],
            min(num.score, 1.0),
        )

    def _share(self, ask: Ask, relevance: Mapping[str, float]) -> Answer | None:
        direct = self._candidates(ask, relevance, {"percent"})
        if direct and direct[0].fact.measure and direct[0].fact.measure.startswith("share"):
            if rest := self._remainder(direct[0].fact, ask, direct[0].score):
                return rest  # "Japan's space agency covering the remainder"
            return self._direct(direct[0].fact, ask, direct[0].score)
        m = re.search(r"\bof\s+(?:the\s+)?((?:[\w'-]+\s*){1,4})", ask.text)
        if not m:
            return None
        whole_words: list[str] = []
        for w in _words(m.group(1)):
            if w in _BOUNDARY or w in LIGHT_WORDS or w in QUESTION_WORDS:
                break
            if w not in STOP_WORDS:
                whole_words.append(w)
        whole_terms = [self._term(w) for w in whole_words]
        part_terms = [t for t in ask.terms if t.word not in whole_words]
        if not whole_terms or not part_terms:
            return None
        wholes = [
            w
            for w in self._candidates(ask, relevance, None, whole_terms)
            if w.fact.kind != "percent"
        ]
        if not wholes:
            return self._nothing(ask)
        with_parts = {f.part_of for f in self.facts if f.part_of}
        wholes.sort(key=lambda w: (w.fact.id not in with_parts, -w.score))
        whole = wholes[0].fact
        parts = [
            p
            for p in self._candidates(ask, relevance, None, part_terms)
            if p.fact.id != whole.id
            and p.fact.article == whole.article
            and (p.fact.unit == whole.unit or p.fact.kind == whole.kind == "count")
        ]
        parts.sort(key=lambda p: (p.fact.part_of != whole.id, -p.score))
        if not parts:
            return None
        part = parts[0].fact
        value = 100 * part.value / whole.value
        result = _computed(value, "percent")
        working = (
            f"{_amount(part)} {self._ref(part)} ÷ {_amount(whole)} {self._ref(whole)} "
            f"× 100 ≈ {result}."
        )
        return self._derived(
            f"About {result}.",
            f"about {result}",
            working,
            [part, whole],
            min(wholes[0].score, parts[0].score),
        )


_IRREGULAR_PAST = {
    "have": "had",
    "make": "made",
    "take": "took",
    "get": "got",
    "bring": "brought",
    "spend": "spent",
    "pay": "paid",
    "sell": "sold",
    "build": "built",
    "win": "won",
    "hold": "held",
    "give": "gave",
    "grow": "grew",
    "rise": "rose",
    "fall": "fell",
    "come": "came",
    "go": "went",
    "lose": "lost",
    "keep": "kept",
    "begin": "began",
    "cost": "cost",
    "put": "put",
    "set": "set",
    "hit": "hit",
    "lead": "led",
    "find": "found",
}
_DO_QUESTION = re.compile(
    r"^(?P<wh>how\s+many(?:\s+[\w'-]+)*?|how\s+much(?:\s+[\w'-]+)?|what(?:\s+[\w'-]+){0,3}?|"
    r"which(?:\s+[\w'-]+){0,3}?)\s+(?P<aux>does|do|did|will)\s+(?P<subj>.+?)\s+(?P<verb>[a-z]+)"
    r"(?P<tail>(?:\s+(?:in|on|at|by|to|for|from|with|per|into|over|under|during|between|up|"
    r"on\s+average|today|now|each|every|altogether|together|a\s+(?:day|week|month|year))\b.*)?)$",
    re.IGNORECASE,
)
_BE_QUESTION = re.compile(
    r"^(?P<wh>how\s+many(?:\s+[\w'-]+)*?|how\s+much|how\s+(?:long|old|big|large|tall|high|deep|"
    r"wide|far|heavy|fast)|what|which(?:\s+[\w'-]+)?)\s+(?P<aux>is|was|are|were|will\s+be)\s+"
    r"(?P<subj>.+?)"
    r"(?P<tail>(?:\s+(?:in|on|at|by|for|from|per|during|today|now|worth|when|before|after)"
    r"\b.*)?)$",
    re.IGNORECASE,
)


def echo(question: str) -> str:
    """A question as an indirect one, for "The articles don't say ...":
    "How many employees does Uren Biotech have?" → "how many employees Uren Biotech has"."""
    q = " ".join(question.strip().rstrip("?.!").split())
    if not q:
        return "that"
    q = q[0].lower() + q[1:]
    if m := _DO_QUESTION.match(q):
        aux, verb = m.group("aux").lower(), m.group("verb")
        if aux == "does":
            verb = (
                "has"
                if verb == "have"
                else (
                    verb[:-1] + "ies"
                    if verb.endswith("y") and verb[-2:-1] not in "aeiou"
                    else verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s")
                )
            )
        elif aux == "did":
            verb = _IRREGULAR_PAST.get(verb, verb + ("d" if verb.endswith("e") else "ed"))
        elif aux == "will":
            verb = f"will {verb}"
        return f"{m.group('wh')} {m.group('subj')} {verb}{m.group('tail')}"
    if (m := _BE_QUESTION.match(q)) and not m.group("wh").lower().startswith("how many"):
        tail = m.group("tail")
        if tail.strip().lower().startswith("worth"):
            return f"{m.group('wh')} {m.group('subj')} {m.group('aux')}{tail}"
        return f"{m.group('wh')} {m.group('subj')} {m.group('aux')}{tail}"
    return q


def singular_noun(word: str) -> str:
    """ "enterprises" → "enterprise", "companies" → "company" (for "per ..." labels)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_MONEY_KEYS = keys("value") | keys("worth")
_PER_PHRASE = re.compile(r"\b(?:per|each|every)\s+((?:[\w'-]+\s*){1,4})")
_PARTITIVE = re.compile(r"\bhow\s+many\s+of\s+(?:them|those|these)\b")
_REST = re.compile(
    r"\b(?:the\s+rest|the\s+remainder|the\s+balance)\s+(?:came\s+|coming\s+)?"
    r"(?P<q>(?:from|by|for)\s+[^,;.]+)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|he|she|him|his|her)\b")
# Nouns that stand in for a name said earlier ("the city" for Wenzhou): a name from the
# headline or lead may match a fact whose sentence says one of these.
_STAND_IN_KEYS = frozenset(
    stem(w)
    for w in "city town country province state region district county municipality "
    "company firm group government nation capital stadium ground arena venue park library "
    "museum project line network port university college school hospital bridge building "
    "plant factory site facility airport station mission scheme".split()
)
_KINDS = frozenset(
    "money area percent length mass energy power volume speed temperature duration count "
    "number multiple age".split()
)
_VALUE_QUESTION = re.compile(
    r"^\s*(?:what|what's|whats|wat)\s+(?:is|was|were|are|'s)?\s*(?:the\s+)?(?:[\w'-]+\s+)"
    r"{0,5}?(?:"
    + "|".join(sorted(MEASURE_NOUNS | {"size", "target", "goal", "worth"}))
    + r")\b|^\s*(?:convert|and\s+the)\b"
)
_MEASURE_STEMS = frozenset(
    stem(w)
    for w in "value worth revenue revenues income sales investment price cost area size "
    "population gdp profit profits turnover budget output capacity salary wage wages debt "
    "earnings spending funding valuation tax taxes attendance crowd audience workforce "
    "membership enrolment enrollment ridership speed height length weight depth width distance "
    "elevation altitude temperature dividend fare fee fees age diameter rainfall".split()
)
# What a figure is per, in a question: "a day", "each year", "annually".
_RATE_Q = re.compile(
    r"\b(?:(?:a|per|each|every)\s+(?P<u>day|week|month|year|annum|hour))\b"
    r"(?!\s+(?:earlier|ago|before|later|after|prior|on)\b)"
    r"|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b"
)
_RATE_ADVERBS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
}
_PERIOD_Q = re.compile(
    r"\b(?:on|in|during|over|for|within|across)\s+(?:its|their|the|his|her|our)\s+"
    r"(?P<which>first|opening|initial|last|final|maiden)\s+(?:(?P<n>[\w-]+)\s+)?"
    r"(?P<unit>days?|weeks?|weekends?|months?|years?|hours?|seasons?|quarters?)\b"
    r"|\b(?P<which2>opening|first|launch|inaugural)\s+(?P<unit2>day|week|weekend|season)\b"
    r"|\b(?P<rel>this|last|next)\s+(?P<unit3>season|week|weekend)\b"
)
_WHOLE_SPAN = re.compile(
    r"\b(?:in\s+total|altogether|all\s+told|so\s+far|to\s+date|overall|in\s+all|total|ever)\b"
)
_EARLIER_Q = re.compile(
    r"\bbefore\s+(?!(?:19|20)\d\d)\w+|\bpreviously\b|\bformerly\b|\bused\s+to\b|\bprior\s+to\b"
    r"|\bat\s+first\b|\boriginally\b"
)
# Verbs that say who a count of people is: "how many people work at X" counts staff.
_VERB_FORMS = frozenset(
    "work works worked working employ employs employed live lives lived living visit visits "
    "visited watch watched watching attend attended attending ride rides rode riding study "
    "studies studied enrol enrolled enroll".split()
)
_DOERS = frozenset("work live visit watch ride study".split())
# Words that mark which of two states a question is about; the fact's sentence must say it.
_MARKED = frozenset("old former previous original".split())
_TIME_NOUNS = frozenset("year years month months quarter day days week weeks season".split())
# A fact about "the new ground" is no answer about "the old stadium".
_OPPOSITES = {
    "old": "new",
    "new": "old",
    "former": "current",
    "previous": "next",
    "adult": "child",
    "adults": "children",
    "child": "adult",
    "children": "adults",
    "minimum": "maximum",
    "maximum": "minimum",
    "lowest": "highest",
    "highest": "lowest",
}


def _question_period(text: str) -> str | None:
    """A stated part of a span in a question, as facts write it: "on its opening day" →
    "first day", "in the first three weeks" → "first 3 weeks"."""
    m = _PERIOD_Q.search(text)
    if not m:
        return None
    if m.group("rel"):
        return f"{m.group('rel')} {m.group('unit3')}"
    if m.group("which2"):
        return f"first {m.group('unit2')}"
    which = m.group("which")
    which = "first" if which in ("opening", "initial", "maiden") else which
    which = "last" if which == "final" else which
    unit = m.group("unit").rstrip("s")
    n = parse_number(m.group("n")) if m.group("n") else 1
    if n is None:
        return None
    return f"{which} {unit}" if n == 1 else f"{which} {n:g} {unit}s"


def _base(word: str) -> str:
    """A verb's base form, roughly: "had" → "have", "sold" → "sell", "employs" → "employ"."""
    word = _BASE_FORM.get(word, word)
    return stem(word)


_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b")


def _is_person_name(title: str) -> bool:
    """A title that is a person's name: two to four capitalised words and nothing else."""
    words = title.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'-]+\.?", w) for w in words)


_REST_BY = re.compile(
    r"(?P<h>[^,;()]{2,60}?)\s+(?:paying|covering|providing|contributing|funding|footing|"
    r"putting\s+up|making\s+up|picking\s+up|meeting)\s+the\s+(?:rest|remainder|balance)\b",
    re.IGNORECASE,
)
# What a question leaves out of a whole: "neither students nor retired teachers".
_EXCLUDE_Q = re.compile(
    r"\bneither\s+(.+?)\s+nor\s+([^?,]+)|\bnot\s+(?:from|in|at|for|on|by)\s+([^?,]+)"
    r"|\boutside(?:\s+of)?\s+([^?,]+)|\bother\s+than\s+([^?,]+)|\bapart\s+from\s+([^?,]+)"
    r"|\bexcept(?:\s+for)?\s+([^?,]+)|\bexcluding\s+([^?,]+)"
)
# A name with a number: "Line 4", "Terminal 2", "Apollo 11".
_NAME_NUMBER = re.compile(r"\b([A-Za-z][a-z]+)\s+(\d{1,4})\b(?![.,]\d)")
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b")
_NAMED = re.compile(
    r"\b(?:a|an|the)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:named|called|known\s+as)\s+"
    r"(?P<name>[A-Z][\w-]*)"
)


def _aliases(sentences: Sequence[Sentence]) -> dict[str, dict[str, frozenset[str]]]:
    """Per article, words that stand for more than themselves: a surname for the full name
    said once ("Solberg" is Ingrid Solberg), a name for what it names ("a rover named Tessa")."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for s in sentences:
        table = out.setdefault(s.article, {})
        for m in _FULL_NAME.finditer(s.text):
            table[m.group(2).lower()] = table.get(m.group(2).lower(), frozenset()) | _keyset(
                m.group(1)
            )
        for m in _NAMED.finditer(s.text):
            name = m.group("name").lower()
            table[name] = table.get(name, frozenset()) | _keyset(m.group("noun"))
    return out


_PART_OF_YEAR = re.compile(
    r"\b(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?P<p>quarter|half)\b"
    r"(?!\s+of\s+(?:19|20)\d\d)"
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
# Capitalised words in a question that are no names.
_NOT_NAMES = frozenset(
    "us usd uk eu un the what how which when who whose where why is are was were did does do "
    "and or january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday i".split()
)
_NONE: frozenset[str] = frozenset()


def _is_name(title: str) -> bool:
    """A title that is a name (an encyclopedia entry's): one to four capitalised words."""
    words = title.split()
    return 1 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'.-]*", w) for w in words)


_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
_PREPOSITION_START = re.compile(r"(?:in|from|at|of|for|on|to|by|across|outside)\s", re.IGNORECASE)
_PHYSICAL_KINDS = frozenset("mass volume energy length area speed power".split())
_AGAINST = re.compile(r"(increase over|decrease from) (.+)")
_KIND_MEASURE = {"length": "length", "mass": "weight", "area": "area", "volume": "volume"}


def _stand_in(owner: str | None) -> bool:
    """ "the four-storey building", "the project": an owner that stands in for a name."""
    if not owner or not re.match(r"(?:the|this|its)\s", owner, re.IGNORECASE):
        return False
    words = _words(owner)
    return bool(words) and stem(words[-1]) in _FACILITY_KEYS and "of" not in words


# Things a sentence may call by a common noun after its headline names them: "the building"
# for the new cancer centre. Not firms or places: "the company" is not "the farm".
_FACILITY_KEYS = frozenset(
    stem(w)
    for w in "building project centre center facility site stadium ground arena venue library "
    "museum hospital bridge port airport station line network scheme plant complex tower "
    "terminal school campus".split()
)
_DIMENSION_WORDS = frozenset(
    "length width height depth distance thickness elevation altitude diameter".split()
)
_ASKED_DIMENSION = {
    "long": frozenset({"length", "distance"}),
    "far": frozenset({"distance", "length"}),
    "wide": frozenset({"width", "diameter"}),
    "deep": frozenset({"depth"}),
    "tall": frozenset({"height", "elevation", "altitude"}),
    "high": frozenset({"height", "elevation", "altitude"}),
}
_UNTIL = re.compile(r"\b(?:until|till|to|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


def _dimension_fits(f: Fact, asked: frozenset[str]) -> bool:
    """Whether a length's measure is the dimension asked ("maximum depth" for "how deep");
    a figure that names another dimension is not."""
    if f.kind != "length":
        return True
    named = {w for w in _words(f.measure or "") if w in _DIMENSION_WORDS}
    return not named or bool(named & asked)


def _value_comes_first(text: str, value: float) -> bool:
    """Whether the first number in ``text`` (dates aside) is ``value``, with nothing that
    reads as a number before it ("The four-storey building cost ...")."""
    dates = [(d.start, d.end) for d in find_dates(text)]
    found = find_quantities(text, dates)
    if not found or abs(found[0].value - value) > 1e-9 * max(1.0, abs(value)):
        return not found
    return not _NUMBERISH.search(text, 0, found[0].start)


_NUMBERISH = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|dozen)\b",
    re.IGNORECASE,
)
_ONCE_ADDED = re.compile(
    r"\b(?:once|when|after)\b.*\b(?:built|added|completed|finished|done|opens?|open|"
    r"operational|in\s+place|complete)\b"
)
_MONEY_Q = re.compile(
    r"\bhow\s+much\s+(?:is|are|was|were|did|does|do|will)?\b.*\b(?:came|come|comes|coming)\s+"
    r"from\b|\bhow\s+much\s+(?:is|are|was|were)\b|\b(?:contribut|donat|provid|rais|fund|"
    r"chip)\w*\b"
)


def _unresolved_pronoun(text: str) -> bool:
    """A pronoun the question itself does not resolve: "How many employees does it have?",
    but not "By how much did the route overrun its budget?" ("its" is the route's)."""
    for m in _PRONOUN.finditer(text):
        if m.group() in ("its", "their", "his", "her") and re.search(
            r"\b(?:the|this|that)\s+[a-z]", text[: m.start()]
        ):
            continue
        return True
    return False
