"""Dates and spans of time: when something happened, how long ago, how long until a
target, how old, how long or heavy or fast (a length, duration, weight or speed), and the
years between a stated start and end.

Spans are counted to the article's date, and the answer says so: an article is read as of
the day it was written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import Fact
from ..types import Answer
from .dates import dates
from .dimensions import ASKED_DIMENSION
from .direct import lookup
from .lifespans import begin_to_end
from .lookup import MIN_SCORE, Search
from .phrasing import abstain, cap, derived, pretty_date, ref
from .question import Question
from .terms import Term, keys, keyset, strength, words

# "the first strike since 2011", "its highest level since 2008": a record, not a start
_FIRST_SINCE = re.compile(
    r"\b(?:first|last|only|most|least|best|worst|highest|lowest|biggest|largest|smallest|"
    r"longest|shortest|strongest|weakest|fastest|slowest|deadliest|busiest|wettest|driest|"
    r"hottest|coldest)\b[^.;:,]*\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HOW_LONG_BE = re.compile(r"\bhow\s+long\s+(?:is|was|were|are|has\s+been|had\s+been)\b")
# Verbs a duration is said with whatever it is the duration of ("the strike lasted 9 days").
_DURATION_VERBS = frozenset(
    """is was were are be been has had have last lasts lasted take takes took taken run runs
    ran serve serves served spend spends spent stay stays stayed remain remains remained
    continue continues continued span spans spanned""".split()
)
# "until 1961", "to the end of 1961", "until her retirement in 1961"
_UNTIL = re.compile(
    r"\b(?:(?:until|till|to|through)\s+(?:the\s+end\s+of\s+)?|"
    r"(?:until|till)\s+(?:his|her|its|their|the)\s+(?:[\w']+\s+){1,2}in\s+)$",
    re.IGNORECASE,
)


def months_between(start: str, end: str) -> int | None:
    """Whole months from ``start`` to ``end`` (ISO prefixes with a month at least)."""
    if len(start) < 7 or len(end) < 7 or not start[5:7].isdigit():
        return None
    months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
    if len(start) >= 10 and len(end) >= 10 and int(end[8:10]) < int(start[8:10]):
        months -= 1
    return months


def _record_since(search: Search, f: Fact) -> bool:
    """Whether a date is when the last one was, not when something began: "the first strike
    since 2011", "its highest level since 2008" say nothing of how long this one has lasted."""
    s = search.index.sentences.get(f.sentence)
    if s is None:
        return False
    return bool(_FIRST_SINCE.search(s.text[: f.start - s.start]))


def since(search: Search, ask: Question, by_words: bool = True) -> Answer | None:
    tenure = bool(re.search(r"\bbeen\s+(?:in|at|with|part\s+of)\b", ask.text))
    events = ("arrive", "found") if tenure else ("found", "arrive")
    matches = [
        m
        for m in dates(search, ask, events, by_words)
        if m.fact.time_kind != "target" and not _record_since(search, m.fact)
    ]
    if not matches:
        return None
    f = matches[0].fact
    article = search.index.articles.get(f.article)
    if not article or not article.date or not f.time or str(f.time)[:4] > article.date[:4]:
        return None  # a start still to come has no time since it
    months = months_between(str(f.time), article.date)
    calendar_years = int(article.date[:4]) - int(str(f.time)[:4])
    if (months if months is not None else 12 * calendar_years) < 1:
        return None  # the story's own news ("won on Saturday"): no time since it to count
    dated = pretty_date(article.date)
    if months is not None and len(str(f.time)) >= 7:
        years = months / 12
        result = f"{years:.2f}".rstrip("0").rstrip(".")
        whole, rest = divmod(months, 12)
        parts = [f"{whole} year{'s' if whole != 1 else ''}"] if whole else []
        if rest:
            parts.append(f"{rest} month{'s' if rest != 1 else ''}")
        working = (
            f"From {pretty_date(str(f.time))} {ref(f)} to the article's date, "
            f"{dated}: {months} months, that is {' and '.join(parts)}."
        )
    else:
        result = str(calendar_years)
        working = (
            f"From {f.time} {ref(f)} to the article's date, {dated}: "
            f"{article.date[:4]} − {str(f.time)[:4]} = {result} years."
        )
    unit = "year" if result == "1" else "years"
    return derived(
        search.index,
        f"About {result} {unit}, counted to the article's date.",
        f"about {result} {unit}",
        working,
        [f],
        matches[0].score,
    )


def until(search: Search, ask: Question) -> Answer | None:
    ask = replace(ask, future=True)
    matches = [
        m
        for m in search.rank(ask.terms, lambda f: f.time_kind == "target" and f.kind == "date")
        if m.score >= MIN_SCORE
    ]
    if not matches:
        return None
    f = matches[0].fact
    article = search.index.articles.get(f.article)
    if not article or not article.date:
        return None
    years = int(str(f.time)[:4]) - int(article.date[:4])
    working = (
        f"The target is for {f.time} {ref(f)} and the article is dated "
        f"{pretty_date(article.date)}: {str(f.time)[:4]} − {article.date[:4]} = "
        f"{years} years."
    )
    unit = "year" if years == 1 else "years"
    return derived(
        search.index,
        f"About {years} {unit}, counted from the article's date.",
        f"about {years} {unit}",
        working,
        [f],
        matches[0].score,
    )


def age_at(search: Search, ask: Question, clause: set[str]) -> Answer | None:
    """A person's age at an event, from the dates the articles give of the birth and of the
    event ("born 12 March 1881" and "in 1912 she founded ..."): whole years, one less when
    the event falls before the birthday in its year, "about" when a month is not given."""
    who = [t for t in ask.terms if t.word not in clause]
    born = _dated(search, replace(ask, terms=tuple(who)), "born")
    event_terms = tuple(search.index.term(w) for w in sorted(clause))
    events = [m for m in _event_dates(search, event_terms) if m is not born]
    # "When he died": the death of the person born, not of another the article names.
    own = [e for e in events if born is not None and _same_owner(search, e, born)]
    # Failing that, an event no one is said to own; never another's ("her husband died in 2011").
    unowned = [e for e in events if not search.index.entry[e.id].owner_keys]
    return _years_from(search, born, next(iter(own or unowned), None), "Born ", " old")


def _same_owner(search: Search, f: Fact, g: Fact) -> bool:
    if _possessed(f.owner) or _possessed(g.owner):
        # "Nils Dahl's wife" is someone else than Nils Dahl: compare what is possessed
        return bool(keyset(_possessed(f.owner) or f.owner) & keyset(_possessed(g.owner) or g.owner))
    return bool(search.index.entry[f.id].owner_keys & search.index.entry[g.id].owner_keys)


def _possessed(owner: str | None) -> str | None:
    """What an owner such as "Nils Dahl's wife" is: "wife"; None for one with no "'s"."""
    head, sep, rest = (owner or "").rpartition("'s ")
    return rest if sep and head else None


def between(search: Search, ask: Question) -> Answer | None:
    """ "How many years after her doctorate did she found the laboratory?": the years from
    one dated event to another, each found by its own words."""
    # The later auxiliary ends the first event: "after it was first lit was it automated".
    m = re.search(r"\b(after|before)\s+(.+)\s+(?:did|was|were|had|has|does|do)\s+(.+)$", ask.text)
    # "How many years passed between X and Y?", "How many years separate X and Y?": the
    # two in either order.
    either = re.search(r"\b(?:between|separated?)\s+(.+?)\s+(?:and|from)\s+(.+)$", ask.text)
    if m is not None:
        one, two = m.group(2), m.group(3)
    elif either is not None:
        one, two = either.group(1), either.group(2)
    else:
        return None
    first_words, then_words = set(words(one)), set(words(two))
    first_terms = tuple(t for t in ask.terms if t.word in first_words)
    then_terms = tuple(t for t in ask.terms if t.word in then_words)
    first = next(iter(_event_dates(search, first_terms, m is None)), None)
    then = next((d for d in _event_dates(search, then_terms, m is None) if d is not first), None)
    if m is not None:
        swap = m.group(1) == "before"  # "before X did Y": Y came first
    else:
        swap = first is not None and then is not None and str(then.time) < str(first.time)
    if swap and then is not None:
        first, then = then, first
    return _years_from(search, first, then, "From ", "")


def _years_from(
    search: Search, first: Fact | None, then: Fact | None, said: str, old: str
) -> Answer | None:
    """The whole years from one dated fact to a later one of the same article, "about"
    when the day of the year is not given, both cited."""
    if first is None or then is None or first.article != then.article:
        return None
    if not (first.time and then.time) or then.time < first.time:
        return None
    years, exact = _whole_years(first.time, then.time)
    about = "" if exact else "about "
    working = (
        f"{said}{pretty_date(first.time)} {ref(first)}; {pretty_date(then.time)} {ref(then)}: "
        f"{years} years{'' if exact else ' (the day of the year is not given)'}."
    )
    return derived(
        search.index,
        f"{cap(about)}{years} years{old}.",
        f"{about}{years} years",
        working,
        [first, then],
        0.8,
    )


def _dated(search: Search, ask: Question, event: str) -> Fact | None:
    """The date of ``event`` ("born") for whom the question asks."""
    for m in search.rank(ask.terms, lambda f: f.kind == "date"):
        if m.score >= MIN_SCORE and strength(keys(event), search.index.entry[m.fact.id].verb):
            return m.fact
    return None


def _event_dates(search: Search, terms: tuple[Term, ...], named: bool = False) -> list[Fact]:
    """Date facts whose event is said by ``terms``' words, best first; with ``named``, also
    the date best matched by them when they name a thing and not what befell it ("between
    the weir and the dam")."""
    if not terms:
        return []
    out = []
    ranked = search.rank(terms, lambda f: f.kind == "date")
    for m in ranked:
        entry = search.index.entry[m.fact.id]
        event = entry.verb | keyset(m.fact.measure)
        if any(strength(t.keys, event) for t in terms if not t.proper):
            out.append(m.fact)
    if named and not out and ranked and ranked[0].score >= MIN_SCORE:
        out.append(ranked[0].fact)
    return out


def _whole_years(start: str, end: str) -> tuple[int, bool]:
    """Whole years from ``start`` to ``end`` (ISO prefixes), and whether that is exact (both
    give the day, or the years alone decide)."""
    years = int(end[:4]) - int(start[:4])
    if len(start) >= 10 and len(end) >= 10:
        return (years - 1 if end[5:] < start[5:] else years), True
    if len(start) >= 7 and len(end) >= 7 and end[5:7] != start[5:7]:
        return (years - 1 if end[5:7] < start[5:7] else years), True
    return years, False


def span(search: Search, ask: Question) -> Answer | None:
    """ "How long is the line?", "How long did it take?", "How heavy is the crane?",
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
        r"\bfor\s+how\b|"
        # a person has no length: "how long was she director" asks for a time
        r"\bhow\s+long\s+(?:is|was|were|are|has|had|have|will|did|does|do)\s+(?:he|she|they|i|you|we)\b",
        text,
    ):
        kinds = {"duration"}
    else:
        kinds = {"length", "duration"}
    if dim := re.search(r"\bhow\s+(long|tall|high|deep|wide|far)\b", text):
        ask = replace(ask, dimension=ASKED_DIMENSION[dim.group(1)])
    found = None if _another_event(search, ask, kinds) else lookup(search, ask, kinds, "length")
    # "from 1859 until 1971" in the sentence that best matches the question says more than
    # a duration the question matches less well
    spanned = date_span(search, ask) if kinds == {"duration"} else None
    if spanned is not None and (
        found is None or not found.answered or spanned.confidence > found.confidence
    ):
        found = spanned
    if (found is None or not found.answered) and "duration" in kinds:
        found = between(search, ask) or found
        if (found is None or not found.answered) and kinds == {"duration"}:
            found = begin_to_end(search, ask) or found
    return found or abstain(ask)


def _another_event(search: Search, ask: Question, kinds: set[str]) -> bool:
    """ "How long was she mayor?" is not answered by "sentenced her to four years": the
    best duration for a question with no verb of its own is said with another event."""
    if kinds != {"duration"} or not _HOW_LONG_BE.search(ask.text):
        return False
    top = search.candidates(ask, kinds)
    verb = top[0].fact.verb if top else None
    if not verb or verb.lower() in _DURATION_VERBS:
        return False
    return not any(strength(t.keys, keys(verb)) for t in ask.terms)


def date_span(search: Search, ask: Question) -> Answer | None:
    """ "For how many years did the service run?" when a sentence says when it "began in
    1874 and ran until 1961": the years between."""
    for m in search.rank(ask.terms, lambda f: f.kind == "date"):
        if m.score < MIN_SCORE:
            break
        s = search.index.sentences[m.fact.sentence]
        stated = [f for f in search.index.by_sentence[s.id] if f.kind == "date"]
        ends = [f for f in stated if _UNTIL.search(s.text[: f.start - s.start])]
        # "from 1964 to 1979": the start is the date said just before the end
        starts = [f for f in stated if f not in ends and ends and f.start < ends[0].start]
        if len(ends) == 1 and starts and starts[-1].value < ends[0].value:
            a, b = starts[-1], ends[0]
            years = int(b.value - a.value)
            result = f"{years} years"
            working = (
                f"From {a.surface} {ref(a)} until {b.surface} {ref(b)}: "
                f"{int(b.value)} − {int(a.value)} = {years} years."
            )
            return derived(
                search.index, f"About {result}.", f"about {result}", working, [a], m.score
            )
    return None
