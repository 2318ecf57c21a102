"""Matching facts to a question: which facts fit it, and how well, best first.

A fact is scored by how many of the question's terms its own words (measure, unit,
qualifier, owner), its sentence and its headline hold, a synonym counting less than the
word itself; retrieval's relevance of its sentence breaks ties. A fact must also fit what
the question constrains beyond its words: the time, the rate ("a day"), the part of a span
("on its first day"), an earlier value, who a count of people is, the article a pronoun is
about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..analysis import STOP_WORDS, stem
from ..facts import Fact
from ..lexicon.question_measures import ASKED_MEASURES
from ..reading.alternatives import another, other_of_pair
from ..types import Answer
from .dimensions import dimension_fits
from .entries import Entry
from .index import FactIndex
from .phrasing import abstain
from .question import Question
from .scoring import score
from .terms import Term, base, keys, keyset, strength
from .yearly import prev_time

MIN_SCORE = 0.55
# Nouns that name a measure a question asks for: a figure must be a measure of one.
MEASURE_STEMS = frozenset(stem(w) for w in ASKED_MEASURES)
# "how much is a ticket", "how much came from donors": an amount of money.
_MONEY_Q = re.compile(
    r"\bhow\s+much\s+(?:is|are|was|were|did|does|do|will)?\b.*\b(?:came|come|comes|coming)\s+"
    r"from\b|\bhow\s+much\s+(?:is|are|was|were)\b|\b(?:contribut|donat|provid|rais|fund|"
    r"chip)\w*\b"
)
# "how many of the peaks did it predict": some of a whole, not the whole.
_SOME_OF = re.compile(r"\bhow\s+many\s+of\s+(?:the|its|their|his|her|our|your)\b")
PART_BONUS = 0.1  # for a part of a whole, when a question asks for some of it
PER_OTHER = 0.2  # against a sum per a thing the question does not name
NOW_BONUS = 0.15  # for a figure said to hold now, when a question asks in the present tense
PAST_PENALTY = 0.15  # for a figure a news story dates years back, when a question names no time
# Intents that ask for a figure itself, not how fast it changed.
_LEVELS = frozenset({"amount", "value", "count", "size", "total"})


@dataclass(frozen=True)
class Match:
    fact: Fact
    score: float  # how well it matches, relevance and the question's verb counted in
    focus: int
    base: float = 0.0  # how well its words match: what must reach the threshold


class Search:
    """The facts one question is matched against, with retrieval's relevance of their
    sentences (sentence id → score in [0, 1]).

    With a ranking, only the facts of the ranked sentences' articles are candidates: the
    articles retrieval found the question's words in. Without one, only the facts that
    share a word with the terms matched.
    """

    def __init__(self, index: FactIndex, relevance: Mapping[str, float]) -> None:
        self.index = index
        self.relevance = relevance
        articles = {index.sentences[s].article for s in relevance if s in index.sentences}
        self.articles = frozenset(articles) if articles else None
        self._scoped = index.entries_of(articles) if articles else None
        # The two best candidates for the question's own terms, as first ranked: the
        # confidence features' match score and margin (qa.numeric.features).
        self.shortlist: list[Match] = []

    def pool(self, terms: Sequence[Term]) -> Sequence[Entry]:
        """The entries ``terms`` are matched against."""
        if self._scoped is not None:
            return self._scoped
        return self.index.sharing(terms) if terms else self.index.entries

    def rank(
        self,
        terms: Sequence[Term],
        accept: Callable[[Fact], bool] | None = None,
        verb: str | None = None,
        relevance: Mapping[str, float] | None = None,
    ) -> list[Match]:
        """Facts ordered by how well they match ``terms`` (best first); a fact that goes
        with the question's own verb ``verb`` ("had" for "did he have") comes first among
        equals."""
        relevance = self.relevance if relevance is None else relevance
        total = sum(t.weight for t in terms)
        out: list[Match] = []
        for ix in self.pool(terms):
            f = ix.fact
            if accept is not None and not accept(f):
                continue
            scored = score(self.index, ix, terms)
            if scored is None:
                continue
            got, focus = scored
            matched = got / total if total else 0.0
            value = matched + 0.1 * relevance.get(f.sentence, 0.0)
            if verb and f.verb and base(f.verb) == verb:
                value += 0.05
            if _per_other(f, terms):
                value -= PER_OTHER  # "14.50 euros for each share" for "how much for the firm"
            out.append(Match(f, value, focus, matched))
        out.sort(
            key=lambda m: (
                -m.score,
                -m.focus,
                m.fact.part_of is not None,
                self.index.position[m.fact.id],
            )
        )
        return out

    def time_fits(self, f: Fact, ask: Question, year: str | None = None) -> bool:
        year = year or (ask.years[0] if ask.years else None)
        entry = self.index.entry[f.id]
        if year:
            time = f.time or entry.clause_time  # "its revenue for 2023 rose to X"
            if time is None and f.kind != "date":  # the story's own year, not its plans
                return year == self.index.reported.get(f.article) and not self.planned(f)
            return str(time).startswith(year)
        if ask.future:
            return self.planned(f) or self._ahead(f) or entry.timeless
        if ask.done and self.planned(f):
            return False  # "how many has it sent" is not what it expects to send
        if ask.now:
            return f.time_kind in (None, "current") or (
                f.time is not None and f.time[:4] == self.index.article_year(f)
            )
        return True

    def planned(self, f: Fact) -> bool:
        """Whether a figure is a target or an expectation, as stated or by its clause."""
        return f.time_kind in ("target", "expected") or self.index.entry[f.id].future

    def _now(self, f: Fact) -> float:
        """How much more a figure said to hold now ("today", "currently") answers what is.
        A figure of a year gone by is not said to be out of date: "at the 2021 census" is
        still the population."""
        return NOW_BONUS if f.time_kind == "current" else 0.0

    def _before_story(self, f: Fact, ask: Question) -> bool:
        """Whether a news story dates ``f`` to a year before its own, when the question names
        no time: "How many people died?" of a quake story asks of this quake, not of the one
        it recalls ("last hit in 1998, when 310 people died"). A year said as "last year" is
        the story's news, not its background."""
        story = self.index.article_year(f)
        time = f.time or self.index.entry[f.id].clause_time
        if ask.years or not story or not time or f.time_kind == "resolved-relative":
            return False
        return time[:4].isdigit() and time[:4] < story

    def _ahead(self, f: Fact) -> bool:
        """A figure for the article's own year or later ("this year"), which a question
        about what will be may ask."""
        year = self.index.article_year(f)
        dated = self.index.articles[f.article].date
        if f.time and len(f.time) == 10 and dated:
            return f.time > dated  # "on Tuesday" of a story dated Wednesday is past
        return bool(year and f.time and f.time[:4] >= year and f.time_kind == "resolved-relative")

    def candidates(
        self,
        ask: Question,
        kinds: set[str] | None,
        terms: Sequence[Term] | None = None,
    ) -> list[Match]:
        # Who a count of people is holds for the figure the whole question asks, not
        # for each figure a sum or a ratio is made of ("pupils per teacher").
        doers = ask.doers if terms is None else frozenset()
        terms = ask.terms if terms is None else terms
        matches = self.rank(
            terms,
            lambda f: (
                f.equivalent_of is None
                and not (doers and self._other_doers(f, doers))
                and f.kind != "date"
                # what the question states is not its answer, unless it asks it in a unit
                and (ask.unit is not None or f.value not in ask.numbers)
                and (kinds is None or f.kind in kinds)
                and self.fits(f, ask)
            ),
            ask.verb,
        )
        if ask.intent in _LEVELS:
            # "How much profit did it make?" of "profit rose 18% to £14.2m": the figure, not
            # its growth, when the two match the question's words alike.
            matches.sort(key=lambda m: (-m.score, -m.focus, m.fact.change_of is not None))
        unit = ask.unit
        implied = {"area"} if ask.intent == "size" else set()  # "how big" asks for an area
        if ask.intent in ("amount", "total") and (ask.money or _MONEY_Q.search(ask.text)):
            implied = {"money"}  # "how much is a ticket", "how much did it cost"
        if ask.intent == "percent":
            implied = {"percent"}  # "how much did X grow": a rate
        if ask.intent == "difference":  # "how did the population change": any amount of it
            implied = {"count", "number", "money", "area", "length", "mass", "power", "energy"}
        if (ask.intent in ("span", "age") and kinds) or kinds == {"duration"}:
            # "how long is", "how old", "how many years": the kind says
            implied = kinds
        required = [t for t in terms if stem(t.word) in MEASURE_STEMS]
        counting = ask.intent == "count" and terms is ask.terms
        if counting:
            required += ask.count_noun
        if ask.dimension:  # "how deep is the lake" is not answered by its length
            matches = [
                m for m in matches if dimension_fits(self.index.entry[m.fact.id], ask.dimension)
            ]
        if not ask.future and not ask.plans:
            # A question in the past or present tense asks what is or was: a planned
            # figure comes after one that is, among near equals; in the present tense, one
            # said to hold now comes first ("by 1990 it employed 1,200" against "today it
            # has 5,400 employees").
            matches.sort(
                key=lambda m: (
                    -(
                        m.score
                        - (0.05 if self.planned(m.fact) else 0.0)
                        + (self._now(m.fact) if ask.present else 0.0)
                        - (PAST_PENALTY if self._before_story(m.fact, ask) else 0.0)
                    )
                )
            )
        found = [
            m
            for m in matches
            if (
                m.focus > 0 or not terms or (unit and m.fact.unit == unit) or m.fact.kind in implied
            )
            and m.score >= MIN_SCORE
            and (not required or any(names_what(self.index.entry[m.fact.id], t) for t in required))
            and not (counting and self._counts_other(m.fact, ask.count_noun, terms))
        ]
        if _SOME_OF.search(ask.text):
            found.sort(key=lambda m: -(m.score + (PART_BONUS if m.fact.part_of else 0.0)))
        if terms is ask.terms and not self.shortlist:
            self.shortlist = found[:2]  # what the question's own words matched best, kept
        return found

    def fits(self, f: Fact, ask: Question) -> bool:
        """Whether ``f`` is for what the question asks beyond its words: the article a "he"
        or "she" is in, the part of a span ("on its first day"), the rate ("a day"), an
        earlier or the latest value, who a count of people is ("work" counts staff), and
        not the opposite ("the old bridge" is not "the new crossing")."""
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
        if ask.rate and f.rate != ask.rate and not self._said_per(f, ask.rate):
            return False
        earlier = f.earlier_of is not None or f.time_kind == "earlier"
        if earlier and not (ask.earlier or ask.marked or ask.previous_year) and not ask.years:
            return False  # "the old unit" may be what an earlier value is for
        if ask.earlier and not earlier and not ask.years:
            return False
        ix = self.index.entry[f.id]
        pool = ix.focus | ix.ctx
        if any("#" + g not in pool for g in ask.verbs):
            return False
        if any(k not in ix.ctx and k not in ix.own for k in ask.marked):
            return False  # "the old bridge": a figure for the bridge as it is now is not it
        if ask.choices and another(dict(ask.choices), self.index.choices(f.sentence)):
            return False  # "the men's race" is not "the women's race"
        return not any(k in ix.ctx for k in ask.against)

    def _counts_other(self, f: Fact, counted: Sequence[Term], terms: Sequence[Term]) -> bool:
        """Whether ``f`` counts something else than what "how many" asks about: something
        the asked things have ("runners came from 74 countries" counts the runners'
        countries, not the runners), or the other of a pair ("two daughters" for "how many
        sons"). A bare number owned by the things asked about is something they have or
        did ("the rebels lost 2,200"), not how many of them there are; unless the question
        says what they did, as the figure's unit or beside its number ("how many rebels were
        killed" of "the rebels lost 1,800 killed"). A count whose own words do not name what
        is asked counts its own noun ("42 schools" for "how many students")."""
        if not counted or f.kind not in ("count", "number") or (f.kind == "count") != bool(f.unit):
            return False
        if f.unit and any(other_of_pair(t.word, f.unit) for t in counted):
            return True
        entry = self.index.entry[f.id]
        done = keyset(f.unit) if f.unit else entry.near
        asked = {stem(t.word) for t in counted}
        # (a word of a phrase that narrows the figure says which, not what they did: "pupils
        # enrolled in the town's schools" is no count of the schools)
        if any(
            strength(t.keys, done) for t in terms if stem(t.word) not in asked and not t.narrows
        ):
            return False
        if any(strength(t.keys, entry.focus) for t in counted):
            return False
        # "Total enrolment across the district's 42 schools" counts schools, whatever the
        # words beside it say of students.
        return f.kind == "count" or any(strength(t.keys, entry.owner_keys) for t in counted)

    def _other_doers(self, f: Fact, doers: frozenset[str]) -> bool:
        """Whether ``f`` counts people who do something else ("employs 640 people" for
        "how many live there")."""
        own = self.index.entry[f.id].doers
        return bool(own) and own.isdisjoint(doers)

    def _said_per(self, f: Fact, rate: str) -> bool:
        """A figure with no rate of its own whose phrase names the period asked per ("on
        an average day" for "each day")."""
        if f.rate:
            return False
        period = rate.split()[-1]
        if period == "year" and (f.measure or "").startswith("annual"):
            return True  # "an annual salary", "an annual count"
        return stem(period) in self.index.entry[f.id].near

    def target_year(self, ask: Question) -> str | None:
        if not ask.years:
            return None
        year = ask.years[0]
        return prev_time(year) if ask.previous_year else year

    def last_year_of(self, ask: Question, f: Fact) -> str | None:
        """The year "last year" names for a figure of ``f``'s article: the year before the
        article's date (None when the question does not say "last year" alone)."""
        if not ask.last_year or ask.years:
            return None
        dated = self.index.article_year(f)
        return prev_time(dated) if dated else None

    def nothing(self, ask: Question) -> Answer | None:
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
            m.score >= 0.5 and m.focus
            for m in self.rank(ask.terms, lambda f: f.kind != "date", relevance={})
        ):
            return abstain(ask)
        if ask.intent in ("count", "total") and ask.count_noun:
            return abstain(ask)
        head = re.search(r"\bhow\s+(?:much|many)\s+([a-z][\w-]*)", ask.text)
        if (
            head
            and head.group(1) not in STOP_WORDS
            and self.index.is_focus_term(self.index.term(head.group(1)))
        ):
            return abstain(ask)  # "how much fuel": a figure the articles give, not for it
        if any(stem(t.word) in MEASURE_STEMS for t in ask.terms):
            return abstain(ask)
        return None


def _per_other(f: Fact, terms: Sequence[Term]) -> bool:
    """Whether ``f`` is a sum per something ("payment per share") the question does not
    name."""
    _, per, each = (f.measure or "").rpartition(" per ")
    return bool(per) and f.kind == "money" and not any(strength(t.keys, keys(each)) for t in terms)


def names_what(entry: Entry, term: Term) -> bool:
    """Whether the figure is a measure of ``term``: its own words say so, or the words
    beside its number do."""
    return bool(strength(term.keys, entry.focus) or strength(term.keys, entry.near))
