"""When: dates as facts of their own, the time each figure is for, and stated parts of a span.

- A date is a fact whose measure is its event (:mod:`.date_events`).
- A figure is for the date its own verb takes ("sold ... in 2022"), or a date inside its
  own phrase ("the budget of $2.5 billion approved in 2019"); "by 2025" makes it a target.
  Without a date, "currently" makes it current and "will", "expects" or "plans" expected
  (:mod:`.tense`).
- stated parts of a span ("in its first two weeks") are read by :mod:`.periods`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import tree
from .context import SentenceContext
from .date_events import anchor, read_date_fact
from .model import Draft
from .periods import read_periods
from .tense import is_current, is_expected

_A_YEAR_BEFORE = re.compile(
    r"\s*(?:a year (?:earlier|before)|the (?:year before|previous year|prior year))\b", re.I
)


def read_times(ctx: SentenceContext) -> None:
    """Events of dates, times of figures, periods, and what equivalents share."""
    for d in ctx.drafts:
        if d.is_date:
            read_date_fact(ctx, d)
    for _, d in ctx.primary():
        if d.time_kind is None:
            _time_of(ctx, d)
    read_periods(ctx)
    for d in ctx.drafts:
        _inherit(ctx, d)


# --- the time of a figure ---------------------------------------------------------------


def _time_of(ctx: SentenceContext, d: Draft) -> None:
    dates = [x for x in ctx.drafts if x.is_date and _dates_it(ctx, x, d)]
    if not dates and _costs_a_thing(d):
        return  # "the £9m centre will open in June": neither a plan nor June's cost
    if not dates and d.verb is not None:
        top = tree.clause_top(d.verb, through_acl=True)
        dates = [
            x
            for x in ctx.drafts
            if x.is_date
            and (verb := anchor(x)) is not None
            and not tree.subordinate(verb)
            and tree.clause_top(verb) == top
            and not _beyond_other_value(ctx, x, d)
            and ";" not in ctx.text[min(x.end, d.end) : max(x.start, d.start)]
        ]
    if not dates:
        dates = _sentence_dates(ctx, d) or _subject_dates(ctx, d) or _event_dates(ctx, d)
    if dates:
        date = min(dates, key=lambda x: (_gap(d, x), x.start < d.start))
        later = ctx.drafts[d.earlier_of] if d.earlier_of is not None else None
        if later is None or _gap(d, date) <= _gap(later, date):
            d.time, d.time_kind = date.time, date.time_kind
            return
        # "rose to 31.4 billion in 2025 from 28.9 billion a year earlier": the date is the
        # later figure's; the earlier one is a year before it, or at some time not said.
        if _A_YEAR_BEFORE.match(ctx.text[d.end :]) and date.time_kind == "year":
            d.time, d.time_kind = str(int(str(date.time)) - 1), "year"
            return
    if d.earlier_of is not None or "earlier" in d.notes:
        d.time_kind = "earlier"
        return
    verb = d.verb
    if "current" in d.notes or (verb is not None and is_current(ctx, verb)):
        d.time, d.time_kind = ctx.article_date, "current"
    elif verb is not None and is_expected(verb):
        d.time_kind = "expected"


def _costs_a_thing(d: Draft) -> bool:
    """A sum said before the thing it is the cost of ("the £9m centre"): the clause the
    thing is in tells what happens to the thing, not when the sum was its cost."""
    return d.measure == "cost" and tree.modifies_noun(d.slot)


def _sentence_dates(ctx: SentenceContext, d: Draft) -> list[Draft]:
    """A date that times the whole sentence (it goes with the main verb), for a figure of the
    main clause the parse did not link to it. A date that opens the sentence ("By 1938 the
    firm made ... and exported ...") also times the verbs coordinated with the main one. A
    figure in a relative or subordinate clause keeps none."""
    root = tree.clause_root(ctx.doc)
    verb = d.verb
    if root is None or verb is None or d.earlier_of is not None or "later" in d.notes:
        return []
    top = tree.clause_top(verb, through_acl=True)
    coordinated = top.dep_ == "conj" and top.head == root
    if verb != root and top != root and not coordinated:
        return []
    subject = tree.subject_of(root)
    opening = subject.idx if subject is not None else 0
    return [
        x
        for x in ctx.drafts
        if x.is_date
        and anchor(x) == root
        and (not coordinated or x.end <= opening and _on_root(x, root))
        and not _beyond_other_value(ctx, x, d)
        and ";" not in ctx.text[min(x.end, d.end) : max(x.start, d.start)]
    ]


def _subject_dates(ctx: SentenceContext, d: Draft) -> list[Draft]:
    """A date that says which thing the subject of the figure's verb is times the figure:
    "A survey carried out in 2016 estimated the population at 3,200", "The 2021 census
    counted ...". Not a date said in passing, between commas ("Brennick University,
    founded in 1883, has 18,000 students")."""
    if d.verb is None or d.earlier_of is not None or "later" in d.notes:
        return []
    subject = tree.subject_of(d.verb)
    if subject is None or d.slot in subject.subtree:
        return []
    return [
        x
        for x in ctx.drafts
        if x.is_date
        and x.root in subject.subtree
        and x.root != subject
        and "," not in ctx.text[subject.idx : x.start]
        and not _beyond_other_value(ctx, x, d)
    ]


_WITHIN = frozenset({"in", "during", "at"})


def _event_dates(ctx: SentenceContext, d: Draft) -> list[Draft]:
    """A clause that tells what happened within a dated event times its figure: "In 1952
    rain caused the worst flood on record, in which 11 people were killed"."""
    if d.verb is None or d.earlier_of is not None:
        return []
    clause = tree.first_conjunct(d.verb)
    within = any(
        c.dep_ == "prep" and c.lower_ in _WITHIN and any(o.lower_ == "which" for o in c.children)
        for c in clause.children
    )
    if clause.dep_ != "relcl" or not within:
        return []
    event = clause.head
    verb = event.head
    inside = {t.i for t in clause.subtree}
    return [
        x
        for x in ctx.drafts
        if x.is_date
        and x.root.i not in inside
        and (anchor(x) == verb or x.root in event.subtree)
        and not _beyond_other_value(ctx, x, d)
    ]


def _on_root(date: Draft, root: Token) -> bool:
    """A date said of the main verb itself ("By 1938 ...", "In 2019 ..."), not inside
    another phrase ("With a population of X at the 2021 census, ...")."""
    tok = date.root
    return tok.head == root or tok.dep_ == "pobj" and tok.head.head == root


def _dates_it(ctx: SentenceContext, date: Draft, d: Draft) -> bool:
    """Whether ``date`` is the time of figure ``d``: it stands inside the figure's own phrase,
    or goes with the figure's own verb and no other value of the figure comes between."""
    noun = d.slot.head.head if d.slot.dep_ == "pobj" and d.slot.head.lower_ == "of" else None
    if noun is not None and noun.pos_ not in ("NOUN", "PROPN"):
        noun = None  # "Of the 3,420 students ..., 2,873 passed": no noun the figure is of
    others = {x.slot.i for x in ctx.drafts if x is not d and not x.is_date}
    for tok in (d.slot, noun):
        if tok is not None and date.root in tok.subtree:
            # not when another figure's phrase holds it ("$3 billion, more than the budget
            # of $2.5 billion approved in 2019": the year is the budget's)
            path = [a.i for a in date.root.ancestors if a.i != tok.i and tok in a.ancestors]
            if not others.intersection(path):
                return True
    verb = anchor(date)
    if verb is None or d.verb is None or verb != d.verb:
        return False
    return not _beyond_other_value(ctx, date, d)


def _beyond_other_value(ctx: SentenceContext, date: Draft, d: Draft) -> bool:
    """Whether another value of the figure stands between it and the date, nearer the date
    ("2,000 this year, rising to 2,500 by 2030")."""
    return any(
        x is not d
        and not x.is_date
        and _between(x, d, date)
        and (x.earlier_of is not None or "later" in x.notes)
        for x in ctx.drafts
    )


def _between(x: Draft, a: Draft, b: Draft) -> bool:
    lo, hi = sorted((a.start, b.start))
    return lo < x.start < hi


def _gap(d: Draft, date: Draft) -> int:
    return date.start - d.end if date.start >= d.end else d.start - date.end


# --- what equivalents and targets share -------------------------------------------------


def _inherit(ctx: SentenceContext, d: Draft) -> None:
    if d.equivalent_of is not None:
        src = ctx.drafts[d.equivalent_of]
        d.measure, d.owner, d.qualifier = src.measure, src.owner, src.qualifier
        d.time, d.time_kind, d.rate = src.time, src.time_kind, src.rate
        d.part_of = src.part_of
    if d.part_of is not None and d.time_kind is None:
        whole = ctx.drafts[d.part_of]
        d.time, d.time_kind = whole.time, whole.time_kind
    if (
        d.time_kind == "target"
        and d.measure
        and not d.measure.startswith("target")
        and d.kind not in ("count", "percent", "date")
    ):
        d.measure = f"target {d.measure}"
