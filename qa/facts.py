"""Numeric facts: every number in an article, with what it measures, whose it is and when.

``extract_facts(article, sentences)`` reads each sentence with :mod:`qa.numbers` (values,
units, dates) and a few constructions a news article uses:

- the measure on the left ("an investment of 15 billion yuan", "the value of its health
  industry to 100 billion yuan", "revenue reached ...") or implied by the verb or unit
  ("spans 5 square kilometers" is an area) or on the right ("1.2 million yuan per injection");
- the counted thing after a bare number ("6,053 professionals", "187 doctoral and 589
  master's graduates": doctoral graduates and master's graduates);
- "X and Y ... A and B ... respectively" pairs, parenthetical equivalents
  ("100 billion yuan ($15.78 billion)"), lists whose parts belong to a whole
  ("6,053 professionals, including two academicians, ..."; "Of the 2.4 billion yuan cost,
  1.5 billion yuan came from ...");
- changes ("up 34.7 percent year-on-year"), times ("in 2021", "by 2025" as a target,
  "last year" resolved against the article's date, "currently" as of the article's date);
- whose it is: the clause's subject, a relative clause's antecedent ("The valley, which was
  established in 2019, ..."), or an "of" phrase; "its" is resolved to the subject.

The rules are about English, never about one article. Offsets index the article's text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .numbers import DateMention, Quantity, find_dates, find_quantities
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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.value == int(self.value) and abs(self.value) < 1e15:
            d["value"] = int(self.value)
        return d


# --- words ------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[A-Za-z0-9$€£¥][\w'&$-]*(?:\.\d+)?|[^\w\s]")
_AUX = _wordset(
    """
    is are was were be been being has have had will would can could shall should may might
    must do does did 's
    """
)
_PREPOSITIONS = _wordset(
    """
    in on at by for with from to into onto over under about after before since during of
    than as per between among through across against toward towards within without via
    including like near
    """
)
_DETERMINERS = _wordset(
    """
    the a an its their his her our this that these those each every some any all both
    """
)
_PRONOUNS = _wordset("it they this these he she we that")
_CONJ = _wordset("and or but")
_RELATIVE_WORDS = _wordset("which who whom whose where that when")
# Common verbs that end neither in -ed nor -ing and so need naming; general English.
_VERBS = _wordset(
    """
    show shows say says said spans span covers cover employs employ represents represent
    includes include reached reach hit hits rose rise rises grew grow grows fell fall falls
    makes make made sold sell sells cost costs spent spend spends paid pay pays got get gets
    holds hold held owns own runs run ran took take takes brought bring brings gave give
    gives became become becomes remains remain expects expect plans plan aims aim hopes hope
    wants want needs need houses house hosts host attracts attract saw see sees went go goes
    came come comes built build builds won win wins lost lose loses kept keep keeps began
    begin begins led lead leads stood stand stands totals total amounts amount accounts
    account generates generate produces produce exports export imports import earns earn
    serves serve has have had is are was were will
    """
)
_ADJECTIVE_ENDINGS = (
    "al",
    "ic",
    "ive",
    "ous",
    "ary",
    "ful",
    "less",
    "able",
    "ible",
    "ant",
    "ent",
    "ar",
    "ish",
    "ese",
    "an",
)
# Measure nouns that a money or physical amount can stand for ("a capacity of 600 MW").
MEASURE_NOUNS = _wordset(
    """
    investment investments value revenue revenues income sales turnover profit profits
    earnings output capacity cost costs price prices budget area population gdp debt debts
    loss losses spending expenditure funding fund funds capital valuation worth tax taxes
    subsidy subsidies salary salaries wage wages fee fees fine fines loan loans deposit
    deposits exports imports trade volume production generation consumption demand supply
    height length width depth distance weight speed temperature rate share stake deal
    contract bonus reward prize donation donations aid grant grants
    """
)
_GENERIC_NOUNS = _wordset("total sum number amount figure level record tally")
_PLURALIA = _wordset(
    """
    sales earnings exports imports assets savings news goods proceeds funds taxes species
    series means
    """
)
_IRREGULAR_COUNT_NOUNS = _wordset(
    """
    people staff personnel children men women police cattle sheep fish deer aircraft
    offspring youth
    """
)


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    end = len(text) if end is None else end
    return [
        _Tok(m.group(), m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])
    ]


def _is_verbish(tok: _Tok, prev: _Tok | None) -> bool:
    w = tok.low
    if w in _AUX or w in _VERBS:
        return True
    if not tok.text[0].islower():
        return False
    if w.endswith("ed") and len(w) > 4 and (prev is None or prev.low not in _DETERMINERS):
        return True
    return w.endswith("ly") and len(w) > 4 and w not in ("family", "supply", "italy", "july")


def _is_adjective(word: str) -> bool:
    w = word.lower()
    return w.endswith(_ADJECTIVE_ENDINGS) and not w.endswith(("ment", "ent's"))


def singular(word: str) -> str:
    """A plural noun's singular, for measures distributed over a coordination."""
    w = word
    if w.lower() in _PLURALIA or not w.lower().endswith("s") or w.lower().endswith("ss"):
        return w
    if w.lower().endswith("ies"):
        return w[:-3] + "y"
    if re.search(r"(?:ch|sh|x|ss)es$", w.lower()):
        return w[:-2]
    return w[:-1]


def _clean_phrase(text: str) -> str | None:
    """A noun phrase as a label: numbers and spare spaces gone, a leading "The" lower-cased."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(
        r"(?<![\w$])[$€£¥]?\d[\d,.]*(?:\s+(?:million|billion|thousand|trillion))?\b", "", text
    )
    text = re.sub(r"\s+", " ", text).strip(" ,;:\"'")
    if not text:
        return None
    first, _, rest = text.partition(" ")
    if first.lower() in _DETERMINERS:
        text = first.lower() + (" " + rest if rest else "")
    return text or None


# --- clauses, subjects and antecedents --------------------------------------------------

_REPORTING = re.compile(
    r"^\W*(?:(?:statistics|data|figures|reports?|records|surveys?|studies|officials?|experts?|"
    r"analysts?)\s+(?:show|shows|showed|indicate[sd]?|suggest(?:s|ed)?|say|says|said|found)"
    r"\s+(?:that\s+)?|according\s+to\s+[^,]+,\s*|[A-Z][\w\s.'-]{0,40}?\s+(?:said|says)\s+"
    r"(?:that\s+)?)",
    re.IGNORECASE,
)
_LEADING_ADVERBIAL = re.compile(
    r"^\W*(?:(?:in|on|at|by|since|during|after|before|last|this|next|over|of|for|meanwhile|"
    r"however|also|besides|moreover|currently|now|so far|to date|as of)\b[^,]{0,80},\s*)",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r",\s*(?P<rel>(?:which|who|where|whose)\b[^,;]*)")


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    owner: str | None  # antecedent of a relative clause; None for the main clause
    relative: bool


def _subject(text: str) -> tuple[str | None, int]:
    """The main clause's subject (a noun phrase) and where it ends."""
    m = _REPORTING.match(text)
    start = m.end() if m else 0
    m2 = _LEADING_ADVERBIAL.match(text[start:])
    if m2:
        start += m2.end()
    toks = _tokens(text, start)
    words: list[_Tok] = []
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        if tok.text in ',;:()"' or tok.low in _RELATIVE_WORDS and words:
            break
        if words and _is_verbish(tok, prev):
            break
        if (
            len(words) >= 2
            and tok.low in _DETERMINERS
            and prev is not None
            and prev.low not in _PREPOSITIONS | _CONJ
            and prev.text[0].islower()
        ):
            words.pop()  # "The panels shade the water": "shade" was the verb
            break
        if (
            words
            and tok.text[0].islower()
            and tok.low.endswith("s")
            and not tok.low.endswith(("ss", "'s", "us", "is"))
            and prev is not None
            and prev.text[0].isalpha()
            and not prev.low.endswith("s")
            and prev.low not in _DETERMINERS
            and not _is_adjective(prev.text)
            and prev.low not in _PREPOSITIONS
            and not prev.text[0].isdigit()
        ):
            break  # "The farm covers": a singular noun, then a verb in -s
        if not words and tok.text[0] in "\"'":
            continue
        words.append(tok)
        if len(words) > 12:
            return None, start
    if not words:
        return None, start
    return _clean_phrase(text[words[0].start : words[-1].end]), words[-1].end


def _antecedent(text: str, comma: int) -> str | None:
    """The noun phrase just before ``comma`` (a relative clause's antecedent)."""
    toks = _tokens(text, 0, comma)
    words: list[_Tok] = []
    for tok in reversed(toks):
        if tok.text in ',;:()"':
            break
        w = tok.low
        if w in _AUX or w in _VERBS or (w.endswith(("ing", "ed")) and tok.text[0].islower()):
            break
        if w in _PREPOSITIONS and w != "of":
            break
        words.append(tok)
        if w in _DETERMINERS:
            break
    if not words:
        return None
    words.reverse()
    return _clean_phrase(text[words[0].start : words[-1].end])


def _clauses(text: str) -> list[_Clause]:
    """Relative clauses (", which ...,") with their antecedents; the rest is the main clause."""
    out = []
    for m in _RELATIVE_CLAUSE.finditer(text):
        out.append(_Clause(m.start("rel"), m.end("rel"), _antecedent(text, m.start()), True))
    return out


def _clause_of(clauses: list[_Clause], pos: int) -> _Clause | None:
    return next((c for c in clauses if c.start <= pos < c.end), None)


def _clause_bounds(text: str, clauses: list[_Clause], pos: int) -> tuple[int, int]:
    """The span of the clause holding ``pos``: a relative clause or the main text around it."""
    c = _clause_of(clauses, pos)
    if c:
        return c.start, c.end
    start, end = 0, len(text)
    for c in clauses:
        if c.end <= pos:
            start = max(start, c.end)
        elif c.start > pos:
            end = min(end, c.start)
    return start, end


def _main_text(text: str, clauses: list[_Clause], start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` outside relative clauses."""
    pieces = []
    pos = start
    for c in sorted(clauses, key=lambda c: c.start):
        if c.start >= end:
            break
        if c.end <= pos:
            continue
        if c.start > pos:
            pieces.append((pos, c.start))
        pos = max(pos, c.end)
    if pos < end:
        pieces.append((pos, end))
    return pieces


# --- the counted thing ------------------------------------------------------------------

_COUNT_STOP = _wordset(
    """
    more less fewer other others times percent per cent than year-on-year respectively each
    every new-found
    """
)


def _plural_noun(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR_COUNT_NOUNS or (
        w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and len(w) > 2
    )


def _count_phrase(text: str, q: Quantity, starts: set[int]) -> tuple[list[_Tok], bool]:
    """Words after a bare number that name what it counts, and whether the phrase shares
    its noun with the next number ("187 doctoral and 589 master's graduates")."""
    toks = _tokens(text, q.end)
    phrase: list[_Tok] = []
    for i, tok in enumerate(toks):
        w = tok.low
        if not (tok.text[0].isalpha()) or w in _COUNT_STOP:
            break
        if w in _CONJ:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.start in starts:
                return phrase, bool(phrase) and not _plural_noun(phrase[-1].text)
            if (
                phrase
                and not _plural_noun(phrase[-1].text)
                and nxt is not None
                and nxt.text[0].isalpha()
            ):
                phrase.append(tok)  # "national or provincial leading talents"
                continue
            break
        if w in _PREPOSITIONS or w in _DETERMINERS or w in _RELATIVE_WORDS or w in _AUX:
            break
        if phrase and _is_verbish(tok, phrase[-1]):
            break
        if not phrase and w in _VERBS:
            break
        phrase.append(tok)
        if len(phrase) >= 6:
            break
    while phrase and phrase[-1].low in _CONJ:
        phrase.pop()
    return phrase, False


# --- measures ---------------------------------------------------------------------------

_HEDGE = re.compile(
    r"(?:\b(?:about|around|nearly|almost|more\s+than|over|some|approximately|up\s+to|"
    r"at\s+least|roughly|just|under|less\s+than|only|a\s+total\s+of|total|an\s+estimated|"
    r"estimated|a\s+record|record|the|a|an)\s*)+$",
    re.IGNORECASE,
)
_CURRENT = re.compile(
    r"\b(?:currently|now|at\s+present|so\s+far|to\s+date|today|current|"
    r"existing|present)\b",
    re.IGNORECASE,
)
_EXPECTED = re.compile(
    r"\b(?:will|expects?|expected|plans?|planned|aims?|aiming|targets?|"
    r"forecasts?|projected|set\s+to|would|goal)\b",
    re.IGNORECASE,
)
_THAN = re.compile(r"\bthan\s+(?:the\s+)?(?:current|existing|present|previous)?\s*$", re.IGNORECASE)
_LINK_VERB = (
    r"(?:was|were|is|are|stood\s+at|reached|reach|reaches|totaled|totalled|totals|hit|hits|"
    r"rose\s+to|fell\s+to|grew\s+to|increased\s+to|amounted\s+to|came\s+(?:in\s+)?(?:at|to)|"
    r"climbed\s+to|dropped\s+to|declined\s+to|jumped\s+to|surged\s+to|to|at|of)"
)
_MEASURE_OF_OWNER = re.compile(
    rf"\b(?:the|its|their|his|her|a|an)\s+(?P<m>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){{0,2}}?)\s+of\s+"
    rf"(?P<o>[^,;()]{{1,60}}?)\s+{_LINK_VERB}\s*$",
    re.IGNORECASE,
)
_NP_LINK = re.compile(rf"(?P<np>[^,;()]{{1,80}}?)\s+{_LINK_VERB}\s*$", re.IGNORECASE)
_NP_OF = re.compile(r"(?P<np>[^,;()]{1,80}?)\s+of\s*$", re.IGNORECASE)
_VERB_MEASURES = {
    "spans": "area",
    "span": "area",
    "spanning": "area",
    "covers": "area",
    "cover": "area",
    "covering": "area",
    "covered": "area",
    "occupies": "area",
    "occupying": "area",
    "invested": "investment",
    "invest": "investment",
    "invests": "investment",
    "investing": "investment",
    "raised": "funding",
    "raising": "funding",
    "cost": "cost",
    "costs": "cost",
    "costing": "cost",
    "sold": "sales",
    "sells": "sales",
    "earned": "earnings",
    "earns": "earnings",
    "generated": "revenue",
    "generates": "revenue",
    "generate": "revenue",
    "generating": "revenue",
    "exported": "exports",
    "imported": "imports",
    "produced": "output",
    "produces": "output",
    "produce": "output",
    "paid": "payment",
    "spent": "spending",
    "spend": "spending",
    "borrowed": "borrowing",
    "lost": "loss",
    "donated": "donation",
    "employs": "employees",
    "employ": "employees",
    "employed": "employees",
    "hired": "hires",
    "create": "jobs created",
    "created": "jobs created",
    "creating": "jobs created",
}
_KIND_MEASURES = {
    "area": "area",
    "length": "length",
    "power": "capacity",
    "energy": "energy",
    "mass": "weight",
    "volume": "volume",
    "speed": "speed",
    "temperature": "temperature",
    "duration": "duration",
    "count": "count",
}
_POST_PER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:of\s+[a-z]+\s+)?(?:per|a|an|each)\s+"
    r"(?P<x>[a-z][\w-]*)\b",
    re.IGNORECASE,
)
_POST_IN = re.compile(r"^\s*(?:\([^)]*\)\s*)?in\s+(?P<x>[a-z][\w-]*)\b")
_POST_NOUN = re.compile(r"^\s*(?P<x>[a-z][\w-]*)\b")
_RATE_WORDS = _wordset("year month day week hour annually")


def _np_before(words: str) -> str | None:
    """The noun phrase at the end of ``words``: back to a determiner, verb or preposition."""
    toks = _tokens(words)
    out: list[_Tok] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        w = tok.low
        if tok.text in ',;:()"':
            break
        if w in _DETERMINERS:
            out.append(tok)
            break
        if w in _PREPOSITIONS and w not in ("of", "in", "at") or w in _RELATIVE_WORDS:
            break
        if _is_verbish(tok, toks[i - 1] if i else None) or (
            w.endswith("ing") and tok.text[0].islower() and len(w) > 5
        ):
            break
        out.append(tok)
    if not out:
        return None
    out.reverse()
    return words[out[0].start : out[-1].end]


def _split_possessive(np: str) -> tuple[str, str | None]:
    """("the city's GDP") → ("GDP", "the city"); ("its capacity") → ("capacity", "its")."""
    m = re.match(r"^(?P<o>.*?\b(?:\w+'s?|its|their|his|her))\s+(?P<m>[^']+)$", np)
    if m and (
        m.group("o").endswith(("'s", "'"))
        or m.group("o").split()[-1].lower() in ("its", "their", "his", "her")
    ):
        owner = m.group("o")
        owner = re.sub(r"'s?$", "", owner)
        return m.group("m"), owner
    return np, None


def _split_pp(np: str) -> tuple[str, str | None]:
    """("renewable power generation in Fuzhou") → ("renewable power generation", "Fuzhou")."""
    m = re.match(r"^(?P<m>.+?)\s+(?:in|of|at)\s+(?P<o>.+)$", np)
    if m:
        return m.group("m"), m.group("o")
    return np, None


def _strip_det(np: str) -> str:
    return re.sub(
        r"^(?:the|a|an|its|their|his|her|our|this|that)\s+", "", np.strip(), flags=re.IGNORECASE
    )


def _measure_noun(np: str) -> bool:
    last = np.split()[-1].lower() if np.split() else ""
    return last in MEASURE_NOUNS


@dataclass
class _Draft:
    """A fact being read: mutable while the sentence's constructions are applied."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str
    q: Quantity | None = None
    date: DateMention | None = None
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
    phrase_end: int = 0
    shares_noun: bool = False
    owner_fixed: bool = False
    notes: set[str] = field(default_factory=set)


# --- reading one sentence ---------------------------------------------------------------

_CHANGE_CUE = re.compile(
    r"\b(?P<cue>up|down|rising|falling|growing|gaining|dropping|declining|higher|lower|"
    r"an?\s+(?:(?:year-on-year|annual)\s+)?(?P<noun>increase|rise|growth|jump|gain|drop|decline|"
    r"decrease|fall)\s+of|(?P<verb>rose|grew|increased|jumped|climbed|surged|gained|fell|dropped|"
    r"declined|decreased|slid|slumped|shrank|rises|grows|increases|falls|drops|declines)"
    r"(?:\s+by)?)\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"^(?:down|falling|dropping|declining|lower|an?\s+(?:drop|decline|decrease|"
    r"fall)|fell|dropped|declined|decreased|slid|slumped|shrank|falls|drops|"
    r"declines)",
    re.IGNORECASE,
)
_BASIS = re.compile(
    r"\b(?P<yoy>year[-\s]on[-\s]year|from\s+a\s+year\s+(?:earlier|ago|before)|(?:compared\s+"
    r"with|over|from)\s+(?:the\s+(?:previous|same\s+period\s+(?:of\s+)?(?:the\s+)?(?:previous|"
    r"last))\s+year|last\s+year|a\s+year\s+earlier))|(?P<mom>month[-\s]on[-\s]month)"
    r"|(?P<qoq>quarter[-\s]on[-\s]quarter)",
    re.IGNORECASE,
)
_PARTS_CUE = re.compile(
    r"^\s*(?:,\s*)?(?:including|among\s+(?:them|whom|which)|of\s+whom|"
    r"of\s+which|such\s+as)\b|^\s*:",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(r"^\W*of\s+[^,]{0,60}$", re.IGNORECASE)
_EXPECT_NP = re.compile(
    r"\b(?:expects?|expected|wants?|plans?|hopes?|allows?|helps?|needs?|enables?)\s+"
    r"(?P<np>(?:the|a|an|its|their)\s+[\w\s'-]{1,40}?)\s+to\s+\w+\s*$",
    re.IGNORECASE,
)
_COORDINATED = re.compile(
    r"(?P<list>(?:[\w'-]+,\s+)*[\w'-]+,?\s+and\s+[\w'-]+(?:\s+[\w'-]+)?)\s+(?:of|were|was|are|is|"
    r"reached|totaled|totalled|stood\s+at|hit|came\s+to|amounted\s+to)\s*$",
    re.IGNORECASE,
)
_PROPER_LIST = re.compile(
    r"\b(?:in|of|at|for|from)\s+(?P<list>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:,\s+[A-Z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*)*)*,?\s+and\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)


def _is_pronoun(phrase: str | None) -> bool:
    return phrase is None or phrase.split()[0].lower() in _PRONOUNS | {"we", "i", "you", "our"}


def _possessive_of(subject: str | None) -> str | None:
    if subject is None:
        return None
    return subject + ("'" if subject.endswith("s") else "'s")


def _resolve_pronoun(phrase: str | None, subject: str | None) -> str | None:
    """ "its health industry" with subject "the city" → "the city's health industry"."""
    if phrase is None:
        return None
    words = phrase.split()
    if words[0].lower() in ("its", "their") and len(words) == 1:
        return subject
    if words[0].lower() in ("its", "their") and subject:
        return " ".join([_possessive_of(subject) or "", *words[1:]]).strip()
    if words[0].lower() in ("it", "they", "this", "these") and len(words) == 1:
        return subject
    return phrase


class _SentenceReader:
    """Reads the facts of one sentence; ``subject`` carries over for "it" in the next."""

    def __init__(self, text: str, article_date: str | None, prev_subject: str | None) -> None:
        self.text = text
        self.article_date = article_date
        self.dates = find_dates(text, article_date)
        self.quantities = find_quantities(text, [(d.start, d.end) for d in self.dates])
        self.clauses = _clauses(text)
        subject, self.subject_end = _subject(text)
        if subject and (subject[0].isdigit() or subject[0] in "$€£¥"):
            subject = None
        self.own_subject = None if _is_pronoun(subject) else subject
        self.subject = self.own_subject or prev_subject
        self.drafts: list[_Draft] = [
            _Draft(q.start, q.end, q.value, q.unit, q.kind, q=q) for q in self.quantities
        ]

    # Each step reads one construction; ``read`` runs them in order.
    def read(self) -> list[_Draft]:
        self._counted()
        self._equivalents()
        self._respectively()
        for d in self.drafts:
            if d.equivalent_of is None:
                self._measure_and_owner(d)
        self._changes()
        self._parts()
        for d in self.drafts:
            self._time(d)
        self._inherit()
        return self.drafts + self._date_drafts()

    def _counted(self) -> None:
        starts = {q.start for q in self.quantities}
        for d in self.drafts:
            assert d.q is not None
            d.phrase_end = d.end
            if d.kind != "number":
                continue
            phrase, shares = _count_phrase(self.text, d.q, starts)
            d.shares_noun = shares
            if not phrase:
                continue
            head = phrase[-1].text
            if shares or _plural_noun(head) or (d.value == 1 and not _is_adjective(head)):
                d.kind, d.phrase_end = "count", phrase[-1].end
                if not shares:
                    d.unit = head.lower() if not head[0].isupper() or head.isupper() else head
                    rest = self.text[phrase[0].start : phrase[-1].start].strip()
                    d.qualifier = rest or None
                else:
                    d.qualifier = self.text[phrase[0].start : phrase[-1].end]
        for d, nxt in zip(self.drafts, self.drafts[1:], strict=False):
            if d.shares_noun and nxt.kind == "count" and nxt.unit:
                d.unit = nxt.unit
            elif d.shares_noun:
                d.kind, d.qualifier = "number", None

    def _equivalents(self) -> None:
        for a, b in zip(self.drafts, self.drafts[1:], strict=False):
            between = self.text[a.end : b.start]
            if (
                re.fullmatch(
                    r"\s*\(\s*(?:about|around|roughly|approximately|or|some|nearly)?\s*", between
                )
                and self.text[b.end :].lstrip().startswith(")")
                and (a.kind == b.kind)
            ):
                b.equivalent_of = self.drafts.index(a)
                a.phrase_end = max(a.phrase_end, self.text.index(")", b.end) + 1)

    def _groups(self) -> list[list[_Draft]]:
        """Runs of like quantities joined by commas and "and" ("A and B", "A, B and C")."""
        groups: list[list[_Draft]] = []
        primary = [d for d in self.drafts if d.equivalent_of is None]
        for d in primary:
            if (
                groups
                and groups[-1][-1].kind == d.kind
                and re.fullmatch(
                    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|and\s+)",
                    self.text[groups[-1][-1].end : d.start],
                )
            ):
                groups[-1].append(d)
            else:
                groups.append([d])
        return [g for g in groups if len(g) > 1]

    def _respectively(self) -> None:
        if not re.search(r"\brespectively\b", self.text, re.IGNORECASE):
            return
        groups = self._groups()
        values = [g for g in groups if g[0].kind != "percent"]
        changes = [g for g in groups if g[0].kind == "percent"]
        for g in values:
            start, _ = _clause_bounds(self.text, self.clauses, g[0].start)
            left = self.text[start : g[0].start]
            m = _COORDINATED.search(left)
            measures: list[str] | None = None
            if m:
                items = [
                    i.strip()
                    for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("list"))
                    if i.strip()
                ]
                if len(items) == len(g) and not all(i[0].isupper() for i in items):
                    *firsts, last = items
                    if all(len(i.split()) == 1 for i in firsts) and len(last.split()) >= 2:
                        head = last.split()[-1]
                        measures = [f"{i} {singular(head)}" for i in firsts]
                        measures.append(" ".join([*last.split()[:-1], singular(head)]))
                    else:
                        measures = items
            owners: list[str] | None = None
            pm = _PROPER_LIST.search(left)
            if pm:
                names = [
                    n.strip()
                    for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", pm.group("list"))
                    if n.strip()
                ]
                if len(names) == len(g):
                    owners = names
                    np = _np_before(left[: pm.start()].rstrip() + " ") or ""
                    np_text = left[: pm.start()]
                    np = _np_before(np_text) or np
                    if np:
                        for d in g:
                            d.measure = _clean_phrase(_strip_det(np))
            for i, d in enumerate(g):
                if measures:
                    d.measure = measures[i]
                if owners:
                    d.owner, d.owner_fixed = owners[i], True
                d.notes.add("respectively")
            for cg in changes:
                if len(cg) == len(g) and cg[0].start > g[-1].end:
                    for i, c in enumerate(cg):
                        c.change_of = self.drafts.index(g[i])

    def _measure_and_owner(self, d: _Draft) -> None:
        text = self.text
        c_start, c_end = _clause_bounds(text, self.clauses, d.start)
        clause = _clause_of(self.clauses, d.start)
        left = text[c_start : d.start]
        core = _HEDGE.sub("", left).rstrip()
        hedge = left[len(core) :]
        right = text[d.phrase_end : c_end]
        owner: str | None = None
        measure: str | None = d.measure
        if _CURRENT.search(hedge) or _THAN.search(core + hedge):
            d.notes.add("current" if _CURRENT.search(hedge) else "")
        if _THAN.search(left):
            d.notes.add("compared")
        if d.kind == "count":
            measure = measure or "count"
        elif (
            measure is None
            and (m := _MEASURE_OF_OWNER.search(left))
            and _measure_noun(m.group("m"))
        ):
            measure, owner = m.group("m"), m.group("o")
        elif measure is None and (m := _NP_OF.search(core)) and d.kind != "percent":
            np = _np_before(m.group("np"))
            if np and np.split()[-1].lower() not in _GENERIC_NOUNS:
                np_measure, np_owner = _split_possessive(np)
                if _measure_noun(np_measure) or d.kind == "money":
                    measure, owner = _strip_det(np_measure), np_owner
                else:
                    owner = np
        if measure is None and d.kind != "percent":
            m = _NP_LINK.search(core)
            np = _np_before(m.group("np")) if m else None
            if np and _measure_noun(_split_pp(np)[0]):
                np_measure, np_owner = _split_possessive(np)
                np_measure, pp_owner = _split_pp(np_measure)
                measure, owner = _strip_det(np_measure), owner or np_owner or pp_owner
        if measure is None:
            last = re.search(r"([A-Za-z-]+)\s*$", core)
            verb = last.group(1).lower() if last else ""
            if verb in _VERB_MEASURES:
                measure = _VERB_MEASURES[verb]
                if verb.startswith("generat") and d.kind == "energy":
                    measure = "generation"
        if (
            d.kind == "money"
            and (m := _POST_NOUN.match(right))
            and m.group("x").lower() in MEASURE_NOUNS
        ):
            measure = m.group("x").lower()
            pos = re.search(r"(?P<o>[\w\s]+)'s?\s*$", core)
            if pos:
                owner = _np_before(pos.group("o"))
        if (m := _POST_IN.match(right)) and m.group("x").lower() in MEASURE_NOUNS:
            measure = m.group("x").lower()
        if (m := _POST_PER.match(right)) and d.kind not in ("percent", "count"):
            x = m.group("x").lower()
            if x in _RATE_WORDS:
                d.rate = f"a {x}" if x != "annually" else "a year"
            elif d.kind == "money" or measure is None:
                measure = f"{measure or 'price'} per {x}"
        if (
            d.kind == "percent"
            and measure is None
            and (m := re.match(r"^\s*of\s+(?P<np>[^,;]{1,50})", right))
        ):
            np = _np_before(m.group("np") + " ") or m.group("np")
            measure = f"share of {_strip_det(np)}"
        if measure is None:
            measure = _KIND_MEASURES.get(d.kind)
        if d.rate and measure and not measure.startswith("annual") and d.rate == "a year":
            measure = f"annual {measure}"
        d.measure = _clean_phrase(measure) if measure else None
        if d.owner_fixed:
            return
        if owner is None and d.kind == "count" and self._in_subject(d):
            pp = re.match(
                r"^\s*(?:in|at|of|across)\s+(?P<o>[^,;]+?)\s+(?:\w+ed|has|have|had|"
                r"is|are|was|were|will|generated)\b",
                text[d.phrase_end :],
            )
            owner = pp.group("o") if pp else None
            d.owner_fixed = True
        if owner is None and (m := _EXPECT_NP.search(left)):
            owner = m.group("np")
        if owner is None and not d.owner_fixed:
            if "compared" in d.notes:
                owner = None
            elif clause is not None:
                owner = clause.owner
            else:
                owner = self.subject
        d.owner = _clean_phrase(_resolve_pronoun(_clean_phrase(owner or ""), self.subject) or "")

    def _in_subject(self, d: _Draft) -> bool:
        return d.end <= self.subject_end

    def _changes(self) -> None:
        for i, d in enumerate(self.drafts):
            if d.equivalent_of is not None:
                continue
            c_start, c_end = _clause_bounds(self.text, self.clauses, d.start)
            left = self.text[c_start : d.start]
            group_start = d
            if d.change_of is not None:  # part of a "respectively" run: the cue is before it
                run = [x for x in self.drafts if x.change_of is not None and x.kind == d.kind]
                group_start = run[0]
                left = self.text[c_start : group_start.start]
            m = _CHANGE_CUE.search(left)
            if not m:
                continue
            direction = "down" if _DOWN.match(m.group("cue")) else "up"
            b = _BASIS.search(self.text, d.end, min(len(self.text), c_end + 1))
            basis = None
            if b:
                basis = (
                    "year-on-year"
                    if b.group("yoy")
                    else ("month-on-month" if b.group("mom") else "quarter-on-quarter")
                )
            base_i = d.change_of
            if base_i is None:
                before = [
                    j
                    for j, x in enumerate(self.drafts[:i])
                    if x.kind != "percent" and x.equivalent_of is None and x.start >= c_start
                ]
                base_i = before[-1] if before else None
            d.notes.add("change")
            if base_i is not None:
                base = self.drafts[base_i]
                d.change_of = base_i
                base.change = (d.value, d.unit or "", direction, basis, i)
                word = "growth" if direction == "up" else "decline"
                d.measure = f"{base.measure} {word}" if base.measure else word
                d.owner = base.owner
            else:
                np = _np_before(left[: m.start()]) if m.group("verb") else None
                word = "growth" if direction == "up" else "decline"
                d.measure = f"{_strip_det(np)} {word}" if np else word
                d.change = (d.value, d.unit or "", direction, basis, i)

    def _parts(self) -> None:
        for i, d in enumerate(self.drafts):
            if d.equivalent_of is not None or d.part_of is not None:
                continue
            after = self.text[d.phrase_end :]
            if d.kind == "count" and _PARTS_CUE.match(after):
                end = len(self.text)
                semi = self.text.find(";", d.phrase_end)
                end = semi if semi >= 0 else end
                for part in self.drafts[i + 1 :]:
                    if part.start < end and part.kind == "count":
                        part.part_of = i
                        part.owner = d.owner
            elif (
                _OF_WHOLE.match(self.text[: d.start])
                and d.kind in ("money", "count")
                or (d.unit and _OF_WHOLE.match(self.text[: d.start]))
            ):
                comma = self.text.find(",", d.phrase_end)
                if comma < 0:
                    continue
                for part in self.drafts[i + 1 :]:
                    if part.start > comma and part.unit == d.unit and part.equivalent_of is None:
                        part.part_of = i
                        part.measure = d.measure
                        part.owner = d.owner
                        m = re.match(
                            r"^\s*(?:\([^)]*\)\s*)?(?:came|come|comes|was|were)?\s*"
                            r"(?P<q>(?:from|for|in|on|by)\s+[^,;.]+?)(?=,|;|\.|\s+and\s|$)",
                            self.text[part.end :],
                        )
                        if m:
                            part.qualifier = m.group("q")

    def _time(self, d: _Draft) -> None:
        if d.equivalent_of is not None:
            return
        c_start, c_end = _clause_bounds(self.text, self.clauses, d.start)
        clause = _clause_of(self.clauses, d.start)
        pieces = (
            [(c_start, c_end)] if clause else _main_text(self.text, self.clauses, 0, len(self.text))
        )
        near = [x for x in self.dates if any(s <= x.start < e for s, e in pieces)]
        if near:
            date = min(near, key=lambda x: (abs(x.start - d.start), x.start < d.start))
            d.time = date.time
            d.time_kind = self._date_kind(date)
            return
        clause_text = " ".join(self.text[s:e] for s, e in pieces)
        if "current" in d.notes or _CURRENT.search(clause_text):
            d.time, d.time_kind = self.article_date, "current"
        elif _EXPECTED.search(clause_text):
            d.time_kind = "expected"

    def _date_kind(self, date: DateMention) -> str:
        by = date.preposition == "by" or re.search(
            r"\bby\s+the\s+end\s+of\s*$", self.text[: date.start]
        )
        if by and (self.article_date is None or date.time >= self.article_date[: len(date.time)]):
            return "target"
        return date.kind

    def _inherit(self) -> None:
        for d in self.drafts:
            if d.equivalent_of is not None:
                src = self.drafts[d.equivalent_of]
                d.measure, d.owner, d.qualifier = src.measure, src.owner, src.qualifier
                d.time, d.time_kind, d.rate = src.time, src.time_kind, src.rate
                d.part_of = src.part_of
            if (
                d.time_kind == "target"
                and d.measure
                and not d.measure.startswith("target")
                and d.kind not in ("count", "percent")
            ):
                d.measure = f"target {d.measure}"

    def _date_drafts(self) -> list[_Draft]:
        out = []
        for date in self.dates:
            clause = _clause_of(self.clauses, date.start)
            c_start, c_end = _clause_bounds(self.text, self.clauses, date.start)
            event = self._event(c_start, c_end, date)
            owner = clause.owner if clause else self.subject
            d = _Draft(
                date.start,
                date.end,
                float(date.year),
                None,
                "date",
                date=date,
                measure=event,
                owner=_clean_phrase(owner or ""),
                time=date.time,
                time_kind=self._date_kind(date),
            )
            out.append(d)
        return out

    def _event(self, c_start: int, c_end: int, date: DateMention) -> str | None:
        """What happened at ``date``: the verb phrase before it ("established", "attracted
        to the valley"), or after the subject when the date leads the sentence."""
        toks = _tokens(self.text, c_start, date.start)
        verb_at = None
        # A finite verb ("generated", "was") first; a verb in -ing ("aiming") only without one,
        # since "operating" in "generated operating revenues" is no verb.
        for finite in (True, False):
            for i in range(len(toks) - 1, -1, -1):
                tok = toks[i]
                if not tok.text[0].islower():
                    continue
                if finite:
                    hit = _is_verbish(tok, toks[i - 1] if i else None) and not tok.low.endswith(
                        "ly"
                    )
                else:
                    hit = tok.low.endswith("ing") and len(tok.low) > 5
                if hit:
                    verb_at = i
                    break
            if verb_at is not None:
                break
        if verb_at is not None:
            while verb_at > 0 and (
                toks[verb_at - 1].low in _AUX or toks[verb_at - 1].low.endswith("ly")
            ):
                verb_at -= 1
        if verb_at is not None:
            start, end = toks[verb_at].start, date.start
        else:
            start = max(self.subject_end, date.end)
            comma = self.text.find(",", start)
            end = min(c_end, comma if comma > start else c_end)
        for q in self.quantities:  # the event stops before its first amount
            if start <= q.start < end:
                end = q.start
                break
        words = self.text[start:end].split()
        while words and (words[0].lower() in _AUX or words[0].lower().endswith("ly")):
            words.pop(0)
        while words and (
            words[-1].lower() in _PREPOSITIONS
            or words[-1].lower() in ("last", "this", "next", "the", "on")
            or words[-1] in ",;"
        ):
            words.pop()
        event = " ".join(words[:14]).strip(" ,;")
        return event or None


# --- the article ------------------------------------------------------------------------


def extract_facts(article: Article, sentences: list[Sentence]) -> list[Fact]:
    """Every number in ``article`` as a :class:`Fact`, in reading order, ids "<article>:f<n>"."""
    facts: list[Fact] = []
    subject: str | None = None
    for sentence in sentences:
        reader = _SentenceReader(sentence.text, article.date, subject)
        drafts = reader.read()
        subject = reader.own_subject or subject
        order = sorted(range(len(drafts)), key=lambda i: drafts[i].start)
        base = len(facts)
        ids = {i: f"{article.id}:f{base + n}" for n, i in enumerate(order)}
        for i in order:
            d = drafts[i]
            change = None
            if d.change is not None:
                value, unit, direction, basis, j = d.change
                change = Change(value, unit, direction, basis, ids[j] if j != i else None)
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
                )
            )
    return facts


__all__ = ["Change", "Fact", "extract_facts"]
