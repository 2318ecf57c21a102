"""How old: a stated age, the years from a birth to an event, or the time since a thing
came to be.

"How old is X?" is answered by an age the articles give X ("Anna Berg, 58", "the
38-year-old MV Selka"), one at the event the question names ("when she died"), worked out
from two dates (:func:`qa.numeric.timespans.age_at`), the time since it was formed "12,000
years ago", or the time since it was founded, counted to the article's date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..analysis import STOP_WORDS
from ..facts import Fact
from ..lexicon.time_words import ORIGIN_VERBS
from ..types import Answer
from .lookup import Search
from .phrasing import abstain, cap, direct, on_date, said
from .question import Question
from .terms import base, keys, strength, words
from .timespans import age_at, since

_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
_AGE_ALONE = re.compile(r"^(?:she|he)\s+(?:was|is)\s+\w+\.?$", re.IGNORECASE)
_ORIGINS = frozenset(base(v) for v in ORIGIN_VERBS)
_BE = frozenset({"be", "is", "was", "are", "were", "been"})


def age(search: Search, ask: Question) -> Answer | None:
    """ "How old is X?", "How old was she when she died?": a stated age, or the years from
    the person's birth to the event the question names, when the articles date both; a
    place's or a firm's age is the time since it was founded."""
    when = re.search(r"\bwhen\s+(.+)$", ask.text)
    clause = {w for w in words(when.group(1))} - STOP_WORDS if when else set()
    terms = [t for t in ask.terms if t.word not in clause] or ask.terms
    # The clause's verb ("when she died") says when, which _at_event checks, not who.
    plain = replace(ask, verbs=(), doers=frozenset()) if clause else ask
    matches = search.candidates(plain, {"age"}, terms)
    if clause:  # "when he died": the age must be the one at that event
        matches = [m for m in matches if _at_event(search, m.fact, clause)]
    if matches:
        f = matches[0].fact
        short = f"{age_years(f)} years"
        return direct(search.index, f, matches[0].score, text=age_sentence(f), short=short)
    if clause and (worked := age_at(search, ask, clause)):
        return worked
    if ask.article or any(
        t.proper
        and any(strength(t.keys, e.owner_all) for e in search.pool([t]) if e.fact.kind == "age")
        for t in ask.terms
    ):
        return abstain(ask)  # a person whose age they do not give
    # Its words name what is aged, not the event it is aged from ("joined the company").
    return _since_origin(search, ask) or since(search, ask, by_words=False)


def _at_event(search: Search, f: Fact, clause: set[str]) -> bool:
    """Whether age ``f`` is said with the event: in its sentence, or, for an age said
    alone ("She was 94."), in the sentence before it ("Anna Berg has died in Oslo.")."""
    own = f.verb and base(f.verb) not in _BE and not any(_is_verb(f.verb, w) for w in clause)
    if own:
        return False  # "went to sea at 16 and joined the company in 1961": not at joining
    if any(strength(keys(w), search.index.entry[f.id].ctx) for w in clause):
        return True
    s = search.index.sentences[f.sentence]
    before = search.index.sentences.get(f"{s.article}:s{s.index - 1}")
    if not _AGE_ALONE.match(s.text) or before is None:
        return False
    said = frozenset().union(*(keys(w) for w in words(before.text)))
    return all(strength(keys(w), said) for w in clause)  # the whole event, said just before


def _is_verb(verb: str, word: str) -> bool:
    return bool(strength(keys(word), keys(verb)))


def _since_origin(search: Search, ask: Question) -> Answer | None:
    """ "The lake was formed about 12,000 years ago": the time since a thing came to be,
    said as it is, is its age."""
    for m in search.candidates(ask, {"duration"}):
        f = m.fact
        s = search.index.sentences[f.sentence]
        if _AGO.match(s.text[f.end - s.start :]) and f.verb and base(f.verb) in _ORIGINS:
            return direct(search.index, f, m.score, text=f"{cap(said(f))} ago: {s.text}")
    return None


def age_years(f: Fact) -> str:
    """An age as a number of years is said: "84" of "84-year-old"."""
    return re.sub(r"[\s-]*years?(?:[\s-]*old)?$", "", f.surface.strip(), flags=re.IGNORECASE)


def age_sentence(f: Fact) -> str:
    owner = cap(f.owner) if f.owner else "They"
    age = age_years(f)
    if f.time_kind == "current":
        be = "are" if " and " in owner else "is"  # "the Selka and the Orran"
        return f"{age} years: {owner} {be} {age} years old."
    verb = f" {f.verb}" if f.verb and f.verb not in ("is", "was", "said") else ""
    when = f" {on_date(f.time)}" if f.time else ""
    return f"{age} years: {owner}{verb} at the age of {age}{when}."
