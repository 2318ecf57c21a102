"""Read the facts of one sentence: what each number measures, whose it is and when.

:class:`SentenceReader` applies the constructions a news or encyclopedia sentence uses, one
step each (counted things, equivalents, "respectively", measures and owners, changes, parts,
times); :func:`qa.facts.extract_facts` runs it over an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fact_phrases import (
    ADVERBS,
    AUX,
    DETERMINERS,
    GENERIC_NOUNS,
    MEASURE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    VERBS,
    Tok,
    clause_bounds,
    clause_of,
    clean_phrase,
    count_phrase,
    find_clauses,
    is_adjective,
    is_verbish,
    leading_end,
    main_text,
    measure_noun,
    np_before,
    plural_noun,
    segment_of,
    segments,
    singular,
    split_possessive,
    split_pp,
    strip_det,
    subject_of,
    word_tokens,
    wordset,
)
from .numbers import DateMention, Quantity, find_dates, find_quantities, parse_number

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
    rf"(?P<o>[^,;()\d]{{1,60}}?)\s+{_LINK_VERB}\s*$",
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
    "weighs": "weight",
    "weigh": "weight",
    "weighed": "weight",
    "weighing": "weight",
    "lasts": "duration",
    "last": "duration",
    "lasted": "duration",
    "lasting": "duration",
    "handled": "throughput",
    "handles": "throughput",
    "carried": "carried",
    "carries": "carried",
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
    r"(?P<x>[a-z][\w-]*)\b(?!\s+(?:earlier|ago|before|later|after)\b)",
    re.IGNORECASE,
)
_POST_IN = re.compile(r"^\s*(?:\([^)]*\)\s*)?in\s+(?P<x>[a-z][\w-]*)\b")
_POST_NOUN = re.compile(r"^\s*(?P<x>[a-z][\w-]*)\b")
_RATE_WORDS = wordset("year month day week hour annually")
_RATE_ADVERBS = {"annually": "a year", "yearly": "a year", "daily": "a day", "weekly": "a week"}
_POST_RATE = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:(?:per|a|an|each|every)\s+(?P<x>year|month|week|day|hour)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|on|in)\b)"
    r"|(?P<adv>annually|yearly|daily|weekly)\b)",
    re.IGNORECASE,
)
# The stuff a physical amount is of: "640 kilograms of fuel", "11.6 million tonnes of cargo"
# (not "1.8 square kilometers of the harbor", which says where).
_POST_SUBSTANCE = re.compile(
    r"^\s+of\s+(?P<x>(?!(?:the|a|an|its|their|his|her|this|that|which|whom)\b)[a-z][a-z-]+"
    r"(?:\s+(?!(?:a|an|per|each|in|on|at|for|from|to|and|or|by|with|was|were|is|are|last|this|"
    r"next|over|under|into|as|than|that|which|who)\b)[a-z][a-z-]+)?)"
)
# Verbs that say what a count measures ("employs 7,400 people" counts employees).
_COUNT_VERB_MEASURES = {
    "employs": "employees",
    "employ": "employees",
    "employed": "employees",
    "employing": "employees",
    "seats": "capacity",
    "seat": "capacity",
    "seated": "capacity",
    "holds": "capacity",
    "hold": "capacity",
    "accommodates": "capacity",
    "accommodate": "capacity",
}
# Nouns a bare number can count after "of": "a crowd of 38,000", "a workforce of 900".
_COUNT_MEASURE_NOUNS = wordset(
    """
    crowd audience attendance turnout workforce staff population membership enrolment
    enrollment capacity fleet headcount readership ridership viewership
    """
)
# Constructions that give a number's earlier value: "41,500, compared with 18,200",
# "up 18 percent from 2.88 billion", "up from 198,700 in 2011".
_EARLIER_CUE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bfrom)\s+(?:about\s+|around\s+|"
    r"nearly\s+|some\s+|roughly\s+|just\s+|only\s+|an\s+estimated\s+)?$",
    re.IGNORECASE,
)
# "..., rising to 40,000 by 2027": a later value of the same measure.
_LATER_CUE = re.compile(
    r"\b(?:rising|falling|growing|increasing|climbing|dropping|declining|going|expanding|"
    r"shrinking|reaching)\s+(?:further\s+)?to\s+(?:about\s+|around\s+|nearly\s+|some\s+|"
    r"roughly\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)
# A stated part of a span: "in its first two days", "during the opening week".
_PERIOD = re.compile(
    r"\b(?:in|during|over|for|within|on|across)\s+(?:its|their|the|his|her|our)\s+"
    r"(?P<which>first|opening|initial|last|final|maiden)\s+(?:(?P<n>\w+)\s+)?"
    r"(?P<unit>days?|weeks?|weekends?|months?|years?|hours?|seasons?|quarters?)\b",
    re.IGNORECASE,
)
_THIS_PERIOD = re.compile(r"\bthis\s+(?P<unit>season|week|weekend)\b", re.IGNORECASE)
# Ages: "at the age of 36", "aged 52", "Solberg, 52,".
_AGE_BEFORE = re.compile(r"\b(?:at\s+the\s+age\s+of|aged|age)\s+$", re.IGNORECASE)
_NAME_COMMA = re.compile(
    r"(?P<title>(?:[a-z][\w-]*\s+){0,3}?)(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}),\s*$"
)
# An event between a number and a date makes the date the event's: "18,200 before
# demolition began in June 2022".
_SUBORDINATE_EVENT = re.compile(
    r"\b(?:before|after|when|until|since|once|as)\s+(?:[\w'-]+\s+){0,4}?(?:began|begins|"
    r"started|starts|opened|opens|closed|closes|ended|ends|was|were|is|are|had|has|[a-z]+ed)\b",
    re.IGNORECASE,
)
# "24 percent more than the original budget": a change against a named amount.
_MORE_THAN = re.compile(
    r"^\s+(?P<dir>more|higher|greater|larger|bigger|above|over|less|lower|smaller|fewer|below|"
    r"under)(?:\s+than)?\s+(?P<np>(?:the|its|their|a|an|his|her)\s+[a-z][\w\s'-]{1,50}?)"
    r"(?=\s+(?:of|at|approved|agreed|set|planned|forecast|for|in)\b|\s*[,;.]|$)",
    re.IGNORECASE,
)
# "with the city council contributing 150 million pounds and the club paying the rest"
_WITH_PART = re.compile(
    r"(?:^[\s,]*with|\band)\s+(?P<x>[^,;()]{2,60}?)\s+(?P<v>[a-z]+ing)\s+(?:about\s+|some\s+|"
    r"nearly\s+|around\s+|roughly\s+|another\s+|a\s+further\s+)?$",
    re.IGNORECASE,
)
_VALUED_AT = re.compile(
    r"\b(?P<v>valu(?:ing|ed|es|e)|priced|pegged|estimated|put)\s+(?P<o>[^,;]{1,40}?\s+)?at\s*$",
    re.IGNORECASE,
)
_VALUED_MEASURES = {"priced": "price", "estimated": "estimated value"}
_THAT_VERB = re.compile(
    r"(?P<np>\b(?:a|an|the)\s+[^,;()]{1,40}?)\s+(?:that|which)\s+[a-z]+\s*$", re.IGNORECASE
)
_BY_PERCENT = re.compile(
    r"\b(?P<v>cut|cuts|cutting|reduce[sd]?|reducing|lower(?:s|ed|ing)?|shrink(?:s|ing)?|"
    r"raise[sd]?|raising|boost(?:s|ed|ing)?|increase[sd]?|increasing)\s+(?P<np>[\w\s'-]{2,50}?)\s+"
    r"by\s+(?:about\s+|around\s+|nearly\s+|at\s+least\s+|some\s+)?$",
    re.IGNORECASE,
)
_AT_PLACE = re.compile(r"^\s+(?P<q>at\s+(?:the|its|a|an)\s+[^,;.()]{2,50})")
_IN_PLACE = re.compile(
    r"^\s+(?:in|on|at|inside|within|across)\s+(?P<o>(?:the|a|an|its)\s+[^,;.()]{1,40})"
)
_COUNT_OF = re.compile(r"^\s+of\s+(?P<o>(?:a|an|the|his|her|their)\s+[^,;.()]{1,40})")
_MONEY_VERBS = wordset(
    "spent spend spends spending paid pay pays cost costs invested raised earned lost donated "
    "borrowed"
)
_DIMENSION = re.compile(r"^\s+(long|wide|high|tall|deep|thick|across)\b", re.IGNORECASE)
_DIMENSIONS = {
    "long": "length",
    "wide": "width",
    "across": "width",
    "high": "height",
    "tall": "height",
    "deep": "depth",
    "thick": "thickness",
}
_PHYSICAL = frozenset("mass volume energy length area".split())
_EVENT_ADVERBS = wordset("first last originally initially officially finally formally")
_LIFESPAN = re.compile(r"^\s*[A-Z][^()]{1,60}?\s*\((?P<inner>[^()]{4,60})\)")
_NOT_A_CHANGE = wordset(
    "made make makes making add adds added adding set sets picked take takes took taken taking "
    "end ends ended ending sum sums summed"
)


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
    period: str | None = None
    earlier_of: int | None = None
    verb: str | None = None
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
    r"with|over|from)\s+(?:the\s+(?:previous|prior|same\s+period\s+(?:of\s+)?(?:the\s+)?"
    r"(?:previous|last))\s+year|the\s+year\s+(?:before|earlier)|last\s+year|a\s+year\s+"
    r"earlier))|(?P<mom>month[-\s]on[-\s]month)"
    r"|(?P<qoq>quarter[-\s]on[-\s]quarter)",
    re.IGNORECASE,
)
_PARTS_CUE_ANY = re.compile(
    r",\s*(?:including|among\s+(?:them|whom|which)|of\s+whom|of\s+which|such\s+as)\b"
    r"|:\s*(?=\S)",
    re.IGNORECASE,
)


def _part_qualifier(after: str) -> str | None:
    """What sets a part apart, from the words after it: "from bank loans", "in Norway",
    "for housing" (in "450 million euros was set aside for housing")."""
    m = re.match(
        r"^\s*(?:\([^)]*\)\s*)?(?:came|come|comes|coming|was|were|is|are|went|goes|go)?\s*"
        r"(?:set\s+aside|allocated|earmarked|spent|used|paid|provided|given|reserved)?\s*"
        r"(?P<q>(?:from|for|in|on|by|to|at)\s+[^,;.]+?)(?=,|;|\.|\s+and\s|$)",
        after,
    )
    return m.group("q") if m else None


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


_NOT_MAIN_VERBS = wordset(
    "is are was were be been being will would can could shall should may might must do does did 's"
)


_TRAILING_AUX = re.compile(
    r"(?:\s+(?:should|will|would|could|can|may|might|must|is|are|was|were|has|have|had|be|"
    r"been|also|now|still)\b)+\s*$",
    re.IGNORECASE,
)


def _gap(d: _Draft, date: DateMention) -> int:
    """Characters between a number and a date, whichever comes first."""
    return date.start - d.end if date.start >= d.end else d.start - date.end


def _lower_first(measure: str | None) -> str | None:
    """ "Sales" at the start of a sentence is the measure "sales"; "GDP" stays."""
    if not measure or not measure[:1].isupper() or measure[1:2].isupper():
        return measure
    return measure[0].lower() + measure[1:]


def _is_main_verb(tok: Tok, prev: Tok | None) -> bool:
    return (
        tok.text[0].islower()
        and tok.low not in _NOT_MAIN_VERBS
        and not tok.low.endswith("ly")
        and tok.low not in ADVERBS
        and is_verbish(tok, prev)
    )


def _compatible(anchor: _Draft, d: _Draft) -> bool:
    """Whether ``d`` can be another value of what ``anchor`` measures."""
    if anchor.kind in ("date", "age") or anchor.equivalent_of is not None:
        return False
    if d.kind == "number":
        return anchor.kind != "percent"
    return anchor.kind == d.kind and (anchor.unit == d.unit or anchor.kind == "count")


def _lean_on(d: _Draft, anchor: _Draft) -> None:
    """A bare number takes the kind, unit, measure, owner and rate of the number it leans on."""
    if d.kind != "number" or anchor.kind == "number":
        if d.measure in (None, "count") and anchor.measure and d.kind == anchor.kind:
            d.measure = anchor.measure
        if d.kind == anchor.kind:
            d.rate = d.rate or anchor.rate  # "50,000 a day ..., rising to 75,000"
        return
    d.kind, d.unit = anchor.kind, anchor.unit
    d.measure, d.owner, d.qualifier = anchor.measure, anchor.owner, anchor.qualifier
    d.rate = d.rate or anchor.rate
    d.owner_fixed = True


def _relative_to_sentence(dates: list[DateMention]) -> list[DateMention]:
    """ "a year earlier" after "for 2024" in the same sentence is 2023, not the year before
    the article's date."""
    out: list[DateMention] = []
    for d in dates:
        prior = [x for x in out if x.kind in ("year", "month", "date", "quarter", "half-year")]
        if prior and re.fullmatch(
            r"a\s+year\s+(?:earlier|before)|the\s+(?:previous|prior)\s+year|the\s+year\s+before",
            d.surface,
            re.IGNORECASE,
        ):
            year = int(prior[-1].time[:4]) - 1
            d = DateMention(str(year), "year", d.start, d.end, d.surface, d.preposition)
        out.append(d)
    return out


def _is_bare_measure(phrase: str) -> bool:
    """ "Revenue", "Net profit", "operating costs": a measure standing as a subject."""
    words = phrase.split()
    return (
        len(words) <= 3
        and (words[-1].lower() in MEASURE_NOUNS or words[-1].lower() in _COUNT_MEASURE_NOUNS)
        and not any(w.lower() in ("of", "in", "at") or w.endswith("'s") for w in words)
        and words[0].lower() not in ("the", "a", "an", "this", "that")
    )


def _looks_like_person(phrase: str | None) -> bool:
    """A subject that reads as a person's name: capitalised words, no determiner."""
    if not phrase:
        return False
    words = phrase.split()
    return len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'-]+", w) for w in words)


def _is_pronoun(phrase: str | None) -> bool:
    return phrase is None or phrase.split()[0].lower() in PRONOUNS | {"we", "i", "you", "our"}


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
    if words[0].lower() in ("it", "they", "this", "these", "he", "she") and len(words) == 1:
        return subject
    if words[0].lower() in ("his", "her") and subject:
        return " ".join([_possessive_of(subject) or "", *words[1:]]).strip()
    return phrase


class SentenceReader:
    """Reads the facts of one sentence; ``subject`` carries over for "it" in the next, and
    ``person`` (the last person named as a subject) for "he" and "she"."""

    def __init__(
        self,
        text: str,
        article_date: str | None,
        prev_subject: str | None,
        prev_person: str | None = None,
    ) -> None:
        self.text = text
        self.article_date = article_date
        self.dates = _relative_to_sentence(find_dates(text, article_date))
        self.quantities = find_quantities(text, [(d.start, d.end) for d in self.dates])
        self.clauses = find_clauses(text)
        self.segments = segments(text)
        self.lead_end = leading_end(text)
        subject, self.subject_end = subject_of(text)
        if subject and (subject[0].isdigit() or subject[0] in "$€£¥"):
            subject = None
        personal = subject is not None and subject.split()[0].lower() in ("he", "she")
        if subject and subject.split()[0].lower() in ("its", "their"):
            subject = _resolve_pronoun(subject, prev_subject)  # "Its tram network"
        elif subject and subject.split()[0].lower() in ("his", "her"):
            subject = _resolve_pronoun(subject, prev_person)
        if subject and _is_bare_measure(subject):
            subject = None  # "Revenue rose 9 percent": whose revenue is the last subject's
        self.existential = bool(subject and subject.lower() == "there")
        if self.existential:
            subject = None
        self.own_subject = None if _is_pronoun(subject) else subject
        self.own_person = self.own_subject if _looks_like_person(self.own_subject) else None
        self.person = self.own_person or prev_person
        self.subject = self.own_subject or (self.person if personal else None) or prev_subject
        self.drafts: list[_Draft] = [
            _Draft(q.start, q.end, q.value, q.unit, q.kind, q=q) for q in self.quantities
        ]

    # Each step reads one construction; ``read`` runs them in order.
    def read(self) -> list[_Draft]:
        """The sentence's facts as drafts: its numbers first, then its dates; a draft with
        the note "drop" (the "two days" of "in its first two days") is no fact."""
        self._counted()
        self._ages()
        self._equivalents()
        self._respectively()
        for d in self.drafts:
            if d.equivalent_of is None:
                self._measure_and_owner(d)
        self._verbs()
        self._elliptical()
        self._changes()
        self._parts()
        self._with_parts()
        for d in self.drafts:
            self._time(d)
        self._periods()
        self._inherit()
        return self.drafts + self._date_drafts()

    def _segment_subject(self, pos: int) -> str | None:
        """The subject of the coordinated clause holding ``pos`` when it has its own
        (", while a ticket for a single match is priced at ..."); None when it shares the
        sentence's (", and directly employs ...")."""
        start, end = segment_of(self.segments, pos)
        if start == 0:
            return None
        text = self.text[start:end]
        lead = re.match(r"^[\s,;]*(?:and|while|but|whereas|although|though|yet)?\s*", text)
        body = text[lead.end() if lead else 0 :]
        toks = word_tokens(body)
        if not toks or is_verbish(toks[0], None) or toks[0].low in ADVERBS | {"with"}:
            return None
        subject, _ = subject_of(body)
        if subject is None or subject[0].isdigit() or _is_bare_measure(subject):
            return None
        return _resolve_pronoun(subject, self.subject)

    def _ages(self) -> None:
        """ "at the age of 36", "aged 52", "Peter Ralston, 64", "a 52-year-old": a person's
        age in years."""
        for d in self.drafts:
            left, right = self.text[: d.start], self.text[d.end :]
            if d.kind == "duration" and d.unit == "years" and re.match(r"^[-\s]old\b", right):
                d.kind, d.measure = "age", "age"
                continue
            if d.kind != "number" or not 0 < d.value < 125 or d.value != int(d.value):
                continue
            if _AGE_BEFORE.search(left):
                d.kind, d.unit, d.measure = "age", "years", "age"
            elif (m := _NAME_COMMA.search(left)) and re.match(r"^\s*(?:[,.;)]|$)", right):
                title: list[str] = []  # "club chairman" in "said club chairman Peter Ralston"
                for w in reversed(m.group("title").split()):
                    if w in VERBS or w in PREPOSITIONS or w in DETERMINERS or w in AUX:
                        break
                    title.insert(0, w)
                owner = " ".join([*title, m.group("name")])
                d.kind, d.unit, d.measure = "age", "years", "age"
                d.owner, d.owner_fixed = owner, True
                d.time, d.time_kind = self.article_date, "current"

    def _counted(self) -> None:
        starts = {q.start for q in self.quantities}
        for d in self.drafts:
            assert d.q is not None
            d.phrase_end = d.end
            if d.kind != "number":
                continue
            phrase, shares = count_phrase(self.text, d.q, starts)
            d.shares_noun = shares
            if not phrase:
                continue
            head = phrase[-1].text
            if shares or plural_noun(head) or (d.value == 1 and not is_adjective(head)):
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
            start, _ = clause_bounds(self.text, self.clauses, g[0].start)
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
                    np = np_before(left[: pm.start()].rstrip() + " ") or ""
                    np_text = left[: pm.start()]
                    np = np_before(np_text) or np
                    if np:
                        for d in g:
                            d.measure = clean_phrase(strip_det(np))
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
        c_start, c_end = clause_bounds(text, self.clauses, d.start)
        clause = clause_of(self.clauses, d.start)
        left = text[c_start : d.start]
        core = _HEDGE.sub("", left).rstrip()
        hedge = left[len(core) :]
        right = text[d.phrase_end : c_end]
        owner: str | None = None
        measure: str | None = d.measure
        if _CURRENT.search(hedge) or _THAN.search(core + hedge):
            d.notes.add("current" if _CURRENT.search(hedge) else "")
        if _THAN.search(core):
            d.notes.add("compared")
        last = re.search(r"([A-Za-z-]+)\s*$", core)
        last_word = last.group(1).lower() if last else ""
        if d.kind in ("count", "number") and measure is None:
            if last_word in _COUNT_VERB_MEASURES:
                measure = _COUNT_VERB_MEASURES[last_word]
            elif re.search(r"\bhome\s+to\s*$", core, re.IGNORECASE):
                measure = "population"
        if (m := _VALUED_AT.search(core)) and d.kind == "money":
            measure = measure or _VALUED_MEASURES.get(m.group("v").lower(), "valuation")
            if m.group("o"):
                owner = m.group("o")
        if d.kind == "count":
            measure = measure or "count"
        elif (
            measure is None and (m := _MEASURE_OF_OWNER.search(left)) and measure_noun(m.group("m"))
        ):
            measure, owner = m.group("m"), m.group("o")
        elif measure is None and (m := _NP_OF.search(core)) and d.kind != "percent":
            np = np_before(m.group("np"))
            if np and np.split()[-1].lower() not in GENERIC_NOUNS:
                np_measure, np_owner = split_possessive(np)
                counted = d.kind == "number" and np_measure.split()[-1].lower() in (
                    _COUNT_MEASURE_NOUNS
                )
                if measure_noun(np_measure) or d.kind == "money" or counted:
                    measure, owner = strip_det(np_measure), np_owner
                else:
                    owner = np
        if measure is None and d.kind != "percent":
            m = _NP_LINK.search(core)
            subject = re.sub(_TRAILING_AUX, "", m.group("np")) if m else ""
            np = np_before(subject) if m else None  # "Ridership should reach": ridership
            raw = re.sub(r"^\s*(?:and|while|but|whereas)\s+", "", m.group("np")) if m else ""
            if (
                np
                and raw.strip().endswith(np)
                and re.fullmatch(r"[a-z]+ing\s+[a-z ]+", raw.strip())
            ):
                np = raw.strip()  # "operating costs climbed to": the -ing word is the measure's
            head = split_pp(np)[0] if np else ""
            counted = (
                d.kind == "number"
                and bool(head.split())
                and head.split()[-1].lower() in _COUNT_MEASURE_NOUNS
            )
            if np and (measure_noun(head) or counted):  # "Ridership should reach 50,000"
                np_measure, np_owner = split_possessive(np)
                np_measure, pp_owner = split_pp(np_measure)
                measure, owner = strip_det(np_measure), owner or np_owner or pp_owner
        if measure is None and not (d.kind == "duration" and last_word in _MONEY_VERBS):
            verb = last_word
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
                owner = np_before(pos.group("o"))
        if (m := _POST_IN.match(right)) and m.group("x").lower() in MEASURE_NOUNS:
            measure = m.group("x").lower()
        if (m := _POST_RATE.match(right)) and d.kind != "percent":
            d.rate = (
                _RATE_ADVERBS.get((m.group("adv") or "").lower()) or f"a {m.group('x').lower()}"
            )
            if d.kind == "length" and d.rate in ("a hour", "a minute", "a second"):
                d.kind, measure = "speed", "speed"  # "180 metres an hour"
                d.unit = f"{d.unit} per {d.rate[2:]}"
                d.end = d.phrase_end = d.phrase_end + m.end()
                d.rate = None
        elif (m := _POST_PER.match(right)) and d.kind not in ("percent", "count"):
            x = m.group("x").lower()
            if x in _RATE_WORDS:
                d.rate = f"a {x}" if x != "annually" else "a year"
            elif d.kind == "money" or measure is None:
                measure = f"{measure or 'price'} per {x}"
        if d.kind == "length" and (m := _DIMENSION.match(right)):
            measure = _DIMENSIONS[m.group(1).lower()]  # "11 kilometres wide"
        if d.kind in _PHYSICAL and d.qualifier is None and (m := _POST_SUBSTANCE.match(right)):
            d.qualifier = m.group("x")  # "640 kilograms of fuel"
        if (
            d.kind == "percent"
            and measure is None
            and (m := re.match(r"^\s*of\s+(?P<np>[^,;.]{1,50})", right))
        ):
            np = np_before(m.group("np") + " ") or m.group("np")
            measure = f"share of {strip_det(np)}"
        if measure is None:
            measure = _KIND_MEASURES.get(d.kind)
        if d.rate and measure and not measure.startswith("annual") and d.rate == "a year":
            measure = f"annual {measure}"
        d.measure = _lower_first(clean_phrase(measure)) if measure else None
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
        if (
            owner is None
            and d.kind == "count"
            and self.existential
            and (m := _IN_PLACE.match(right))
        ):
            owner = m.group("o")  # "There are 17 islands in the lake"
        if owner is None and d.kind == "count" and (m := _COUNT_OF.match(right)):
            owner = m.group("o")  # "the second of five children of a schoolteacher"
        if owner is None and (m := _EXPECT_NP.search(left)):
            owner = m.group("np")
        if owner is None and (m := _THAT_VERB.search(left)):
            owner = m.group("np")  # "a rover named Tessa that weighs 48 kilograms"
        if owner is None and not d.owner_fixed:
            if "compared" in d.notes:
                owner = None
            elif clause is not None:
                owner = clause.owner
            elif self._in_subject(d):
                owner = None
            else:
                owner = self._segment_subject(d.start) or self.subject
        d.owner = clean_phrase(_resolve_pronoun(clean_phrase(owner or ""), self.subject) or "")

    def _in_subject(self, d: _Draft) -> bool:
        return self.lead_end <= d.start < self.subject_end

    def _verbs(self) -> None:
        """The verb each number goes with: the last one before it in its clause, or the
        first after it when the number is in the subject ("A crowd of 38,000 watched")."""
        for d in self.drafts:
            if d.equivalent_of is not None:
                continue
            s_start, s_end = segment_of(self.segments, d.start)
            before = word_tokens(self.text, s_start, d.start)
            after = word_tokens(self.text, d.phrase_end, s_end)[:8]
            d.verb = next(
                (
                    t.low
                    for i, t in reversed(list(enumerate(before)))
                    if _is_main_verb(t, before[i - 1] if i else None)
                ),
                None,
            ) or next(
                (
                    t.low
                    for i, t in enumerate(after)
                    if _is_main_verb(t, after[i - 1] if i else None)
                ),
                None,
            )

    def _elliptical(self) -> None:
        """Numbers that lean on another: an earlier value ("41,500 spectators, compared with
        18,200", "up 18 percent from 2.88 billion crowns", "from 10 to 20") and a later one
        ("35,000 this season, rising to 40,000 by 2027"). A bare number takes what the other
        measures."""
        primary = [i for i, d in enumerate(self.drafts) if d.equivalent_of is None]
        for n, i in enumerate(primary):
            d = self.drafts[i]
            if d.kind in ("date", "age"):
                continue
            s_start, _ = segment_of(self.segments, d.start)
            earlier = [j for j in primary[:n] if self.drafts[j].start >= s_start]
            since = self.drafts[earlier[-1]].phrase_end if earlier else s_start
            left = self.text[max(since, s_start) : d.start]
            nxt = self.drafts[primary[n + 1]] if n + 1 < len(primary) else None
            cue = _EARLIER_CUE.search(left)
            if (
                cue
                and cue.group().lower().startswith("from")
                and not re.search(
                    r"\b(?:up|down|percent|rising|falling|rose|fell|grew|increased|decreased|"
                    r"dropped|climbed|declined|jumped|slipped|%|(?:(?:risen|fallen|grown|dropped|"
                    r"climbed|declined|increased|decreased|rose|fell|grew|jumped)\s+to\s+[^,;]+))"
                    r"\s*$",
                    self.text[s_start : d.start - len(left) + cue.start()],
                    re.IGNORECASE,
                )
            ):
                cue = None  # "came from 5 investors" says where, not when
            if cue:
                if nxt is not None and re.fullmatch(
                    r"\s*(?:\w+\s+){0,2}?to\s+(?:about\s+|around\s+|nearly\s+)?",
                    self.text[d.phrase_end : nxt.start],
                ):
                    anchor = primary[n + 1]  # "from 10 to 20": 10 is the earlier
                else:
                    anchor = next(
                        (j for j in reversed(earlier) if _compatible(self.drafts[j], d)), -1
                    )
                if anchor >= 0:
                    d.earlier_of = anchor
                    _lean_on(d, self.drafts[anchor])
                    _lean_on(self.drafts[anchor], d)
                    at = _AT_PLACE.match(self.text[d.phrase_end :])
                    if at:
                        d.qualifier = at.group("q")  # "up from 5,200 at the old unit"
                continue
            if _LATER_CUE.search(left):
                anchor = next((j for j in reversed(earlier) if _compatible(self.drafts[j], d)), -1)
                if anchor >= 0:
                    _lean_on(d, self.drafts[anchor])
                    d.notes.add("later")

    def _changes(self) -> None:
        for i, d in enumerate(self.drafts):
            if d.equivalent_of is not None:
                continue
            c_start, c_end = clause_bounds(self.text, self.clauses, d.start)
            left = self.text[c_start : d.start]
            group_start = d
            if d.change_of is not None:  # part of a "respectively" run: the cue is before it
                run = [x for x in self.drafts if x.change_of is not None and x.kind == d.kind]
                group_start = run[0]
                left = self.text[c_start : group_start.start]
            m = _CHANGE_CUE.search(left)
            if m and m.group("cue").lower() == "up":
                word_before = re.search(r"(\w+)\s+$", left[: m.start()])
                if word_before and word_before.group(1).lower() in _NOT_A_CHANGE:
                    m = None  # "made up 62 percent of sales" is a share
            if not m:
                if d.kind == "percent" and (by := _BY_PERCENT.search(left)):
                    down = by.group("v").lower().startswith(("cut", "reduc", "lower", "shrink"))
                    word = "reduction" if down else "increase"
                    d.measure = f"{word} in {strip_det(by.group('np'))}"
                    d.notes.add("change")
                elif d.kind == "percent":
                    self._more_than(i, d)
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
            to_next = [
                j
                for j, x in enumerate(self.drafts)
                if j > i
                and x.kind != "percent"
                and x.equivalent_of is None
                and re.fullmatch(
                    r"\s+to\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?",
                    self.text[d.end : x.start],
                )
            ]
            if base_i is None and d.kind == "percent" and to_next:
                base_i = to_next[0]  # "Revenue rose 9 percent to 41.2 billion crowns"
                base = self.drafts[base_i]
                np = np_before(left[: m.start()]) if m.group("verb") else None
                if np and base.measure in (None, "count", _KIND_MEASURES.get(base.kind)):
                    head = strip_det(np)
                    head = head[0].lower() + head[1:] if head[1:2].islower() else head
                    base.measure = (
                        "share price"
                        if re.match(r"(?:shares|stock)\b", head, re.I) and base.kind == "money"
                        else head
                    )
                    base.owner = base.owner if base.owner != np else self.subject
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
                np = np_before(left[: m.start()]) if m.group("verb") else None
                word = "growth" if direction == "up" else "decline"
                d.measure = f"{strip_det(np)} {word}" if np else word
                d.change = (d.value, d.unit or "", direction, basis, i)

    def _more_than(self, i: int, d: _Draft) -> None:
        """ "20 percent more than the original budget": a change against a named amount."""
        m = _MORE_THAN.match(self.text[d.end :])
        if not m:
            return
        down = m.group("dir").lower() in ("less", "lower", "smaller", "fewer", "below", "under")
        np = strip_det(m.group("np"))
        d.measure = f"{'decrease from' if down else 'increase over'} {np}"
        d.notes.add("change")
        s_start, _ = segment_of(self.segments, d.start)
        base = next(
            (
                j
                for j in range(i - 1, -1, -1)
                if self.drafts[j].kind not in ("percent", "date")
                and self.drafts[j].equivalent_of is None
                and self.drafts[j].start >= s_start
            ),
            None,
        )
        direction = "down" if down else "up"
        if base is not None:
            d.change_of = base
            self.drafts[base].change = (d.value, d.unit or "", direction, f"over {np}", i)
            d.owner = self.drafts[base].owner
        else:
            d.change = (d.value, d.unit or "", direction, f"over {np}", i)

    def _parts(self) -> None:
        """Lists of parts: "6,053 professionals, including two academicians, ...", "7,400
        people in 11 countries, including 2,900 in Norway", "a budget of 1.2 billion euros,
        of which 450 million euros ...", "Of the 2.4 billion yuan cost, 1.5 billion yuan came
        from ..."."""
        for cue in _PARTS_CUE_ANY.finditer(self.text):
            self._parts_after(cue.start())
        for i, d in enumerate(self.drafts):
            if d.equivalent_of is not None or d.part_of is not None:
                continue
            if (
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
                        part.qualifier = _part_qualifier(self.text[part.phrase_end :])

    def _parts_after(self, cue: int) -> None:
        s_start, s_end = segment_of(self.segments, cue)
        semi = self.text.find(";", cue)
        end = semi if 0 <= semi < s_end else s_end
        before = [
            j
            for j, x in enumerate(self.drafts)
            if s_start <= x.start
            and x.phrase_end <= cue
            and x.equivalent_of is None
            and x.kind not in ("date", "percent", "age")
        ]
        # "7,400 people in 11 countries, including ...": a number after a preposition
        # qualifies the one before it.
        while len(before) > 1 and re.search(
            r"\b(?:in|from|across|at|over|with|of)\s+(?:about\s+|some\s+|nearly\s+)?$",
            self.text[s_start : self.drafts[before[-1]].start],
        ):
            before.pop()
        if not before:
            return
        whole_i = before[-1]
        whole = self.drafts[whole_i]
        if whole.part_of is not None or self.text[whole.phrase_end : cue].count(",") > 1:
            return
        for part in self.drafts:
            if not cue < part.start < end or part.equivalent_of is not None:
                continue
            if part.part_of is not None or part.kind in ("date", "percent", "age"):
                continue
            if part.kind == "count" and whole.kind == "count":
                part.part_of, part.owner = whole_i, whole.owner
            elif part.kind == "number" and whole.kind in ("count", "number"):
                part.part_of = whole_i
                part.kind, part.unit, part.measure = whole.kind, whole.unit, whole.measure
                part.owner = whole.owner
                part.qualifier = _part_qualifier(self.text[part.phrase_end :])
            elif part.kind == whole.kind and part.unit == whole.unit:
                part.part_of, part.owner = whole_i, whole.owner
                part.measure = whole.measure
                part.qualifier = part.qualifier or _part_qualifier(self.text[part.phrase_end :])

    def _with_parts(self) -> None:
        """ "The rebuild cost 620 million pounds, with the city council contributing 150
        million pounds and the club paying the rest": parts of the amount before, each with
        whoever gave it; a percentage is a share of that amount."""
        for d in self.drafts:
            if d.equivalent_of is not None or d.part_of is not None or d.kind == "date":
                continue
            s_start, _ = segment_of(self.segments, d.start)
            m = _WITH_PART.search(self.text[s_start : d.start])
            if not m or not re.match(r"[\s,]*with\b", self.text[s_start:]):
                continue
            wholes = [
                j
                for j, x in enumerate(self.drafts)
                if x.end <= s_start
                and x.equivalent_of is None
                and x.kind not in ("date", "percent", "age")
                and (x.unit == d.unit or d.kind == "percent")
            ]
            if not wholes:
                continue
            whole = self.drafts[wholes[-1]]
            d.part_of = wholes[-1]
            d.qualifier = clean_phrase(m.group("x"))
            d.owner, d.owner_fixed = whole.owner, True
            if d.kind == "percent":
                d.measure = f"share of {whole.measure or 'the amount'}"
            else:
                d.measure = whole.measure

    def _time(self, d: _Draft) -> None:
        if d.equivalent_of is not None:
            return
        c_start, c_end = clause_bounds(self.text, self.clauses, d.start)
        clause = clause_of(self.clauses, d.start)
        pieces = (
            [(c_start, c_end)] if clause else main_text(self.text, self.clauses, 0, len(self.text))
        )
        s_start, s_end = segment_of(self.segments, d.start)
        if d.time_kind is not None:
            return
        lead_is_time = s_start == 0 and not any(x.start < self.lead_end for x in self.drafts)
        near = [
            x
            for x in self.dates
            if any(s <= x.start < e for s, e in pieces)
            and (s_start <= x.start < s_end or (lead_is_time and x.end <= self.lead_end))
            and not self._event_between(d, x)
            and not self._number_between(d, x)
        ]
        if near:
            date = min(near, key=lambda x: (_gap(d, x), x.start < d.start))
            d.time = date.time
            d.time_kind = self._date_kind(date)
            return
        if d.earlier_of is not None:
            d.time_kind = "earlier"
            return
        clause_text = " ".join(
            self.text[max(s, s_start) : min(e, s_end)]
            for s, e in pieces
            if s < s_end and s_start < e
        )
        if "current" in d.notes or _CURRENT.search(clause_text):
            d.time, d.time_kind = self.article_date, "current"
        elif _EXPECTED.search(clause_text):
            d.time_kind = "expected"

    def _event_between(self, d: _Draft, date: DateMention) -> bool:
        """ "18,200 before demolition began in June 2022", "148 metres long and remained the
        longest ... until 1890": the date is another verb's."""
        a, b = (d.end, date.start) if date.start >= d.end else (date.end, d.start)
        between = self.text[a:b]
        if _SUBORDINATE_EVENT.search(between):
            return True
        toks = word_tokens(between)
        return any(
            t.low == "and" and i + 1 < len(toks) and _is_main_verb(toks[i + 1], t)
            for i, t in enumerate(toks)
        )

    def _number_between(self, d: _Draft, date: DateMention) -> bool:
        """Between ``d`` and the date, another value of the same measure that the date is
        nearer ("35,000 this season, rising to 40,000 by 2027"; "6.50 crowns, up from 5.20
        crowns for 2023"): the date is that one's."""
        a, b = (d.end, date.start) if date.start >= d.end else (date.end, d.start)
        inside = [x for x in self.drafts if a <= x.start < b and x is not d]
        if any(x.earlier_of is not None or "later" in x.notes for x in inside):
            return True
        if not inside or self._in_subject(d) or date.end <= self.lead_end:
            return False  # "The 125 enterprises ... generated ... in 2021": the clause's year
        # "A and B in 2021" is one list; "$2.1 billion, 15 percent more than the budget of
        # $1.8 billion approved in 2017" is not: the year is the budget's.
        run = sorted([d, *inside], key=lambda x: x.start)
        return not all(
            re.fullmatch(
                r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|and\s+|,?\s*(?:up|down)\s+)?",
                self.text[x.phrase_end : y.start],
            )
            or x.equivalent_of is not None
            or y.equivalent_of is not None
            for x, y in zip(run, run[1:], strict=False)
        )

    def _periods(self) -> None:
        """ "In its first two days ..., Aurora sent back 1,240 images": the figure covers a
        stated part of a span; the "two days" in it is no fact of its own."""
        for m in _THIS_PERIOD.finditer(self.text):
            s_start, s_end = segment_of(self.segments, m.start())
            near = [d for d in self.drafts if s_start <= d.start < s_end and d.kind != "date"]
            if near:
                nearest = min(near, key=lambda d: abs(d.start - m.start()))
                nearest.period = nearest.period or f"this {m.group('unit').lower()}"
        for m in _PERIOD.finditer(self.text):
            which = m.group("which").lower()
            which = "first" if which in ("opening", "initial", "maiden") else which
            which = "last" if which == "final" else which
            unit = m.group("unit").lower().rstrip("s")
            n = parse_number(m.group("n")) if m.group("n") else 1
            if n is None:
                continue
            period = f"{which} {unit}" if n == 1 else f"{which} {n:g} {unit}s"
            s_start, s_end = segment_of(self.segments, m.start())
            for d in self.drafts:
                if m.start() <= d.start < m.end():
                    d.notes.add("drop")
                elif (
                    d.kind != "date"
                    and s_start <= d.start < s_end
                    and d.time_kind not in ("target", "year", "month", "date")
                    and "later" not in d.notes
                ):
                    d.period = d.period or period

    def _date_kind(self, date: DateMention) -> str:
        by = date.preposition == "by" or bool(
            re.search(r"\bby\s+the\s+end\s+of\s*$", self.text[: date.start])
        )
        if by and self.article_date is None:
            # With no date to read it against, "by 1910 employed" is a past year and "plans to
            # ... by 2030" a target: the clause's verbs say which.
            s_start, s_end = segment_of(self.segments, date.start)
            by = bool(_EXPECTED.search(self.text[s_start:s_end]))
        if by and (self.article_date is None or date.time >= self.article_date[: len(date.time)]):
            return "target"
        if self.article_date and date.kind == "year" and date.time > self.article_date[:4]:
            return "expected"  # "due to open in 2026", in an article of 2025
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
            clause = clause_of(self.clauses, date.start)
            c_start, c_end = clause_bounds(self.text, self.clauses, date.start)
            event = self._lifespan(date) or self._event(c_start, c_end, date)
            owner = clause.owner if clause else self.subject
            d = _Draft(
                date.start,
                date.end,
                float(date.year),
                None,
                "date",
                date=date,
                measure=event,
                owner=clean_phrase(owner or ""),
                time=date.time,
                time_kind=self._date_kind(date),
            )
            out.append(d)
        return out

    def _lifespan(self, date: DateMention) -> str | None:
        """ "Tomas Ekdahl (3 May 1871 - 19 January 1939) was ...": born, then died."""
        m = _LIFESPAN.match(self.text)
        if not m or not m.start("inner") <= date.start < m.end("inner"):
            return None
        inner = [x for x in self.dates if m.start("inner") <= x.start < m.end("inner")]
        if re.search(r"\b(?:born|b\.)\s*$", self.text[m.start("inner") : date.start]):
            return "born"
        if re.search(r"\b(?:died|d\.)\s*$", self.text[m.start("inner") : date.start]):
            return "died"
        if len(inner) == 2:
            return "born" if date is inner[0] else "died"
        return None

    def _event(self, c_start: int, c_end: int, date: DateMention) -> str | None:
        """What happened at ``date``: the verb phrase before it ("established", "attracted
        to the valley"), or after the subject when the date leads the sentence."""
        toks = word_tokens(self.text, c_start, date.start)
        verb_at = None
        # A finite verb ("generated", "was") first; a verb in -ing ("aiming") only without one,
        # since "operating" in "generated operating revenues" is no verb.
        for finite in (True, False):
            for i in range(len(toks) - 1, -1, -1):
                tok = toks[i]
                if not tok.text[0].islower():
                    continue
                if finite:
                    hit = is_verbish(tok, toks[i - 1] if i else None) and not tok.low.endswith("ly")
                else:
                    hit = tok.low.endswith("ing") and len(tok.low) > 5
                if hit:
                    verb_at = i
                    break
            if verb_at is not None:
                break
        if verb_at is not None:
            while verb_at > 0 and (
                toks[verb_at - 1].low in AUX
                or toks[verb_at - 1].low.endswith("ly")
                or toks[verb_at - 1].low in _EVENT_ADVERBS
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
        while words and (
            words[0].lower() in AUX
            or words[0].lower().endswith("ly")
            and words[0].lower() not in _EVENT_ADVERBS
        ):
            words.pop(0)
        while words and (
            words[-1].lower() in PREPOSITIONS
            or words[-1].lower() in ("last", "this", "next", "the", "on")
            or words[-1] in ",;"
        ):
            words.pop()
        event = " ".join(words[:14]).strip(" ,;")
        return event or None
