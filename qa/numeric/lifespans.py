"""How long something lasted when the articles date only its beginning and its end: "The
line opened in 1894 and closed to passengers in 1962" answers "For how many years did the
line carry passengers?" (68), "formed in 1979 ... split up in 1989" answers "How many years
did the band exist?".

The beginning is a date whose event is a verb of beginning ("opened", "formed", "seized"),
the end one whose event is a verb of ending ("closed", "split", "sold") or that follows
"until"; both must be among the dates the question's words match, and of one article. "From
1949 until her death" ends on the date the article gives for the death.
"""

from __future__ import annotations

import re

from ..facts import Fact
from ..lexicon.time_words import BEGIN_VERBS, END_VERBS
from ..types import Answer
from .lookup import MIN_SCORE, Match, Search
from .phrasing import cap, derived, pretty_date, ref
from .question import Question
from .terms import Term, base, keyset, strength, words
from .yearly import year_of

# What was done "first" ("first lit", "first sailed") began then.
_BEGIN = frozenset(base(v) for v in BEGIN_VERBS) | {base("first")}
_END = frozenset(base(v) for v in END_VERBS)
_UNTIL = frozenset({"until", "till"})
_UNTIL_DEATH = re.compile(r"\s*,?\s*(?:until|till|to)\s+(?:his|her|their)\s+death\b", re.I)
_DIE = base("died")
DATES = 8  # the best-matching dates weighed
LOOSE = 0.35  # how well the less-matched of the two dates must match
SAME_SENTENCE, SAME_OWNER = 0.3, 0.15


def begin_to_end(search: Search, ask: Question) -> Answer | None:
    """The years from the best-matching beginning to the best-matching later end."""
    matches = [
        m
        for m in search.rank(ask.terms, lambda f: f.kind == "date" and f.time_kind != "target")
        if m.score >= LOOSE
    ][:DATES]
    begins = [m for m in matches if _event(search, m.fact) & _BEGIN]
    ends = [m for m in matches if _event(search, m.fact) & _END or _after_until(search, m.fact)]
    pairs = [
        (b, e)
        for b in begins
        for e in ends
        if b.fact.article == e.fact.article and b.fact.id != e.fact.id and _later(b.fact, e.fact)
    ]
    # One of the two must match as well as any figure must; the other may match less, as
    # the text says a beginning or an end in words of its own. And the question's own
    # words (not its names) must say one of the two events ("carry passengers" of "closed
    # to passengers"), so that the span is of what it asks.
    asked = [t for t in ask.terms if not t.proper]
    pairs = [
        p
        for p in pairs
        if max(p[0].score, p[1].score) >= MIN_SCORE
        and any(strength(t.keys, _event(search, m.fact)) for t in asked for m in p)
    ]
    if not pairs:
        return _until_death(search, ask, asked)
    b, e = max(pairs, key=lambda p: p[0].score + p[1].score + _together(search, *p))
    return _span(search, b.fact, e.fact, min(b.score, e.score))


def _until_death(search: Search, ask: Question, asked: list[Term]) -> Answer | None:
    """ "She lived there from 1949 until her death": from that date to the date of the
    death, which the article gives elsewhere (the life's dates, "died in 1979")."""
    for m in search.rank(ask.terms, lambda f: f.kind == "date" and f.time_kind != "target"):
        if m.score < MIN_SCORE:
            break
        f = m.fact
        s = search.index.sentences[f.sentence]
        if not _UNTIL_DEATH.match(s.text[f.end - s.start :]):
            continue
        if asked and not any(strength(t.keys, _event(search, f)) for t in asked):
            continue  # the span of what the question asks about ("live" of "lived")
        death = _death_of(search, f)
        if death is not None and _later(f, death):
            return _span(search, f, death, m.score)
    return None


def _death_of(search: Search, f: Fact) -> Fact | None:
    """The date of the death of whoever ``f`` is about: a date of its article whose event
    is a death, of the same owner when the article dates more than one."""
    deaths = [
        g
        for g in search.index.by_article.get(f.article, ())
        if g.fact.kind == "date" and _DIE in _event(search, g.fact)
    ]
    owner = search.index.entry[f.id].owner_keys
    same = [g for g in deaths if g.owner_keys & owner]
    if same:
        return same[0].fact
    return deaths[0].fact if len(deaths) == 1 else None


def _later(first: Fact, then: Fact) -> bool:
    """Whether ``then`` is dated in a later year than ``first``."""
    a, b = year_of(first.time), year_of(then.time)
    return a is not None and b is not None and b > a


def _together(search: Search, b: Match, e: Match) -> float:
    """How surely two dates are of one thing: told in one sentence, or of one owner."""
    if b.fact.sentence == e.fact.sentence:
        return SAME_SENTENCE
    entry = search.index.entry
    return SAME_OWNER if entry[b.fact.id].owner_keys & entry[e.fact.id].owner_keys else 0.0


def _event(search: Search, f: Fact) -> frozenset[str]:
    """The stems of the verb that dates ``f`` and of its event's words."""
    return search.index.entry[f.id].verb | keyset(f.measure)


def _after_until(search: Search, f: Fact) -> bool:
    """Whether the date ends a span its sentence opens ("remained a colony until 1968")."""
    s = search.index.sentences[f.sentence]
    before = words(s.text[: f.start - s.start])[-4:]
    return bool(_UNTIL.intersection(before))


def _span(search: Search, first: Fact, then: Fact, score: float) -> Answer:
    years = int(str(then.time)[:4]) - int(str(first.time)[:4])
    result = f"{years} year{'s' if years != 1 else ''}"
    working = (
        f"From {pretty_date(str(first.time))} ({first.measure}) {ref(first)} to "
        f"{pretty_date(str(then.time))} ({then.measure}) {ref(then)}: {result}."
    )
    return derived(
        search.index, f"{cap('about ' + result)}.", f"about {result}", working, [first, then], score
    )
