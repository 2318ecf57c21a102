"""When something happened: the date facts whose event and owner fit a question, and the
answer to "when" (a date as the article writes it, a period whole or the end asked for).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..facts import Fact
from ..lexicon.question_words import MAKING_VERBS
from ..types import Answer
from .context import clause_head
from .lookup import MIN_SCORE, Match, Search
from .phrasing import cap, direct, pretty_date
from .question import Question
from .ranges import period_of
from .terms import base, keyset, strength


def dates(
    search: Search, ask: Question, default_events: tuple[str, ...] = (), by_words: bool = True
) -> list[Match]:
    """Date facts whose event and owner fit the question, best first. Without ``by_words``
    the question's words name only the owner, never the event: "How old is the company?"
    is not answered by "joined the company in 2019"."""
    matches = search.rank(ask.terms, lambda f: f.kind == "date")
    made = any(base(t.word) in _MAKING for t in ask.terms)
    out = []
    for m in matches:
        if m.score < MIN_SCORE:
            continue
        verbs = search.index.entry[m.fact.id].verb
        hit = any(strength(t.keys, verbs) for t in ask.terms)
        if by_words and not hit and (ask.verb is None or ask.verb in search.index.light_stems):
            # "When did she become chief executive?", "How long has she been in charge?"
            # ("took charge in 2022"): the event's words say which.
            event = keyset(m.fact.measure) - _titles(search, m.fact)
            hit = any(strength(t.keys, event) for t in ask.terms if not t.proper)
        hit = hit or (made and _year_of_work(search, m.fact))
        if hit and _done_to_another(search, m.fact, ask):
            continue
        if not hit and not any("#" + g in verbs for g in default_events):
            continue
        m = Match(m.fact, m.score, 1 if hit else 0, m.base)
        if ask.future and not search.planned(m.fact):
            continue
        if ask.done and search.planned(m.fact):
            continue  # "when did it begin" is not answered by what is planned
        if ask.years and not str(m.fact.time).startswith(ask.years[0]):
            continue
        out.append(m)
    if default_events:  # prefer the first-named kind of event ("founded" before "moved")

        def rank_of(m: Match) -> int:
            ek = search.index.entry[m.fact.id].verb
            return next(
                (i for i, g in enumerate(default_events) if "#" + g in ek), len(default_events)
            )

        out.sort(key=lambda m: (-(m.focus > 0), rank_of(m), -m.score))
    return out


_MAKING = frozenset(base(w) for w in MAKING_VERBS)


def _titles(search: Search, f: Fact) -> frozenset[str]:
    """The keys of the titles before names in a date's sentence: "sentenced former mayor
    Petra Sandvik" says who was sentenced, not that anyone became mayor."""
    doc = search.index.docs.get(f.sentence)
    if doc is None:
        return frozenset()
    titles = [
        w.lower_
        for t in doc
        if t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.pos_ == "PROPN"
        for w in (t, *(c for c in t.children if c.dep_ == "amod"))
    ]
    return keyset(" ".join(titles)) if titles else frozenset()


def _year_of_work(search: Search, f: Fact) -> bool:
    """Whether a year is said of a thing itself, with no event of its own: "The Salt Orchard
    is a 1958 novel", "It was a 1931 design"."""
    if f.measure is not None:
        return False
    said = rf"\b(?:is|was)\s+an?\s+{re.escape(f.surface)}\s+[a-z]"
    return bool(re.search(said, search.index.sentences[f.sentence].text))


def _done_to_another(search: Search, f: Fact, ask: Question) -> bool:
    """Whether a date's event is done to a thing its sentence names, where the names the
    question's verb is done to are not said: "Lindqvist published only one more novel, The Long
    Field, in 1971" does not date "When was The Salt Orchard published?", though the entry is
    about The Salt Orchard."""
    names = [t for t in ask.terms if t.proper and t.word in ask.done_to]
    doc = search.index.docs.get(f.sentence)
    if doc is None or not names:
        return False
    sentence = search.index.sentences[f.sentence]
    said = keyset(sentence.text)
    if any(strength(t.keys, said) for t in names):
        return False
    verb = clause_head(doc, f.start - sentence.start, f.end - sentence.start)
    done_to = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] if verb else []
    return any(t.pos_ == "PROPN" for c in done_to for t in c.subtree)


_WHEN = re.compile(r"\s*when\b", re.IGNORECASE)
_PART_OF_TIME = re.compile(
    r"\b(?:early|late|mid-|(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?)\s*$",
    re.IGNORECASE,
)


# How precisely a date fact says when: a day before a month before a year.
_PRECISION = {"date": 3, "month": 2, "quarter": 1, "half-year": 1}
# A date of the same event this close to the best match differs from it in how its owner
# is named ("Solberg" for "Mira Solberg"), not in what it dates.
NEAR_BEST = 0.2


def when(search: Search, ask: Question) -> Answer | None:
    stated = set(ask.years)
    ask = replace(ask, years=())
    # A date the question gives itself ("What did she endorse on March 26, 2013?") is
    # what it starts from, not what it asks.
    matches = [m for m in dates(search, ask) if str(m.fact.time) not in stated]
    if not matches:
        return None
    # The same year said twice, once with its day ("He died in Paris in 1849", "... died
    # on 17 October 1849"): the day says more.
    best = matches[0]
    events = search.index.entry[best.fact.id].verb
    same = [
        m
        for m in matches
        if m.focus == best.focus
        and m.score >= best.score - NEAR_BEST
        and str(m.fact.time)[:4] == str(best.fact.time)[:4]
        and search.index.entry[m.fact.id].verb & events
    ]
    same = same or [best]
    f = max(same, key=lambda m: _PRECISION.get(m.fact.time_kind or "", 0)).fact
    # A period ("reigned from 1402 to 1431") is when it happened, unless the question asks
    # how it began or ended.
    period = period_of(search.index, f) if f.time_kind != "target" else None
    if period is not None and ask.period_end is not None:
        f = period[0] if ask.period_end == "start" else period[1]
    article = search.index.articles.get(f.article)
    when = short = pretty_date(str(f.time))
    # A date the article states in full is said as it writes it ("22 February 1810"), in
    # the answer and its short form: the reader's own words for it.
    if f.time_kind in ("year", "month", "date") and any(c.isdigit() for c in f.surface):
        when = short = f.surface.strip()
    s = search.index.sentences[f.sentence]
    event = search.index.entry[f.id].event
    if period is not None and ask.period_end is None:
        when = short = s.text[period[0].start - s.start : period[1].end - s.start]
    elif part := _PART_OF_TIME.search(s.text[: f.start - s.start]):
        short = when = part.group(0) + f.surface.strip()  # "late 2026" is not all of 2026
    elif event and _WHEN.match(ask.text):
        # "When did she win it?": "at the 2008 World Music Awards" says when, and more
        # than its year; "what year" asks for the year alone.
        short = when = event
    year = str(f.time)[:4]
    if (
        ask.year_asked
        and year.isdigit()
        and year in short
        and not (period and ask.period_end is None)
    ):
        short = year  # "What year was he born?": 1810, though the answer says the day
    # The date first, as every direct answer states its value first.
    if f.time_kind == "target":
        text = f"By {when}: that is the target date."
    elif f.time_kind == "resolved-relative":
        dated = pretty_date(article.date) if article and article.date else "its date"
        text = f'{cap(when)}: the article, dated {dated}, says "{f.surface}".'
    else:
        text = f"{cap(when)}."
    return direct(search.index, f, matches[0].score, text=text, short=short)
