"""Changes and earlier or later values of a figure.

- a change: "up 6.2 percent year-on-year", "Turnover rose 7 percent to 3.1 billion euros",
  "an increase of 5 percent", "cut its water use by 25 percent", "15 percent more than the
  first estimate"; the change is linked to the figure that changed;
- an earlier value: "9,200, compared with 7,000", "up from 54,000 in 2010", "fallen to 9
  minutes from 14 minutes";
- a later value: "2,000 this year, rising to 2,500 by 2030".

A bare number in such a phrase takes what the other figure measures ("7,000" is a count of
members, like the "9,200 members" it is compared with).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..analysis import stem
from ..lexicon.change_words import (
    BY_VERBS,
    CHANGE_ADVERBS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    COMPARATIVES,
    EARLIER_CUES,
)
from ..lexicon.measure_nouns import GENERAL_NOUNS
from . import tree
from .context import SentenceContext
from .measures import measure_label, noun_measure
from .model import Draft

_BASIS = re.compile(
    r"\b(?P<yoy>year[-\s]on[-\s]year|from\s+a\s+year\s+(?:earlier|ago|before)|(?:compared\s+"
    r"with|over|from)\s+(?:the\s+(?:previous|prior|same\s+period\s+(?:of\s+)?(?:the\s+)?"
    r"(?:previous|last))\s+year|the\s+year\s+(?:before|earlier)|last\s+year|a\s+year\s+"
    r"earlier))|(?P<mom>month[-\s]on[-\s]month)"
    r"|(?P<qoq>quarter[-\s]on[-\s]quarter)",
    re.IGNORECASE,
)


def read_changes(ctx: SentenceContext) -> None:
    """Link earlier and later values, then changes, within the sentence."""
    _earlier_and_later(ctx)
    for i, d in ctx.primary():
        if d.kind in ("age",):
            continue
        cue = _change_cue(d)
        if cue is not None:
            _change(ctx, i, d, cue)
        elif d.kind == "percent":
            _by_percent(ctx, d) or _more_than(ctx, i, d)


# --- earlier and later values -----------------------------------------------------------


def compatible(anchor: Draft, d: Draft) -> bool:
    """Whether ``d`` can be another value of what ``anchor`` measures."""
    if anchor.kind in ("date", "age") or anchor.equivalent_of is not None:
        return False
    if d.kind == "number":
        return anchor.kind != "percent"
    if anchor.kind == "count" and anchor.unit and d.unit:
        # "9,000 men against some 6,000 rebels" sets two sides side by side, not one figure
        # then and now
        return stem(anchor.unit) == stem(d.unit)
    return anchor.kind == d.kind and (anchor.unit == d.unit or anchor.kind == "count")


def lean_on(d: Draft, anchor: Draft) -> None:
    """Another value of the same figure measures what it measures; a bare number also takes
    its kind, unit, owner and rate."""
    if d.kind != "number" or anchor.kind == "number":
        if anchor.measure and anchor.measure != "count" and d.kind == anchor.kind:
            d.measure = anchor.measure
        if d.kind == anchor.kind:
            d.rate = d.rate or anchor.rate
        return
    d.kind, d.unit = anchor.kind, anchor.unit
    d.measure, d.owner, d.qualifier = anchor.measure, anchor.owner, anchor.qualifier
    d.rate = d.rate or anchor.rate
    d.notes.add("owner fixed")


def _earlier_and_later(ctx: SentenceContext) -> None:
    primary = [i for i, _ in ctx.primary()]
    for n, i in enumerate(primary):
        d = ctx.drafts[i]
        if d.kind in ("age",) or d.slot.dep_ != "pobj":
            continue
        prep = _governing_prep(d.slot)
        earlier = [j for j in primary[:n] if compatible(ctx.drafts[j], d)]
        start = _range_start(ctx, d, primary[:n])
        if start is not None and prep.lower_ == "from" and _is_earlier_cue(prep):
            # "rose from 9,000 to 11,500", parsed as "from" a range: its first end is the
            # earlier value, the second the figure now.
            ctx.drafts[start].earlier_of = i
            lean_on(ctx.drafts[start], d)
            lean_on(d, ctx.drafts[start])
            continue
        if _is_earlier_cue(prep):
            # "rose from 410 to 455": "to" hangs from the verb or, in some parses, from "from"
            to = next(
                (
                    j
                    for j in primary[n + 1 :]
                    if _pobj_of(ctx.drafts[j].slot, "to", prep.head)
                    or _pobj_of(ctx.drafts[j].slot, "to", prep)
                ),
                None,
            )
            # The figure compared is the one the sentence reports, not a threshold it names
            # ("6,150 waiting more than 52 weeks, compared with 4,020").
            reported = [j for j in earlier if "bound" not in ctx.drafts[j].notes] or earlier
            anchor = to if to is not None else (reported[-1] if reported else None)
            if anchor is None:
                if prep.lower_ == "from":
                    d.notes.add("earlier")  # "The budget is up from £45m": now is told elsewhere
                continue
            d.earlier_of = anchor
            lean_on(d, ctx.drafts[anchor])
            lean_on(ctx.drafts[anchor], d)
            at = tree.prep_object(d.slot, "at")
            if at is not None:
                d.qualifier = f"at {tree.phrase(at, ctx.amount_tokens)}"  # "up from 5,200 at ..."
        elif (
            prep.lower_ == "to"
            and prep.head.tag_ == "VBG"
            and _is_change_word(prep.head)
            and earlier
        ):
            lean_on(d, ctx.drafts[earlier[-1]])
            d.notes.add("later")


def _governing_prep(slot: Token) -> Token:
    """The preposition an amount is the object of, through a noun too general to say what
    it is: "with" in "compared with a peak of 1,140", "from" in "up from a total of 800"."""
    prep = slot.head
    noun = prep.head
    if (
        prep.lower_ == "of"
        and noun.lemma_.lower() in GENERAL_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.pos_ == "ADP"
    ):
        return noun.head
    return prep


def _range_start(ctx: SentenceContext, d: Draft, before: list[int]) -> int | None:
    """The amount the parser put before ``d`` as the first end of a range ("9,000 to" in
    "from 9,000 to 11,500"), hung from ``d``'s number or, when ``d`` counts a noun ("from
    120 to 310 people"), from the number before the noun."""
    heads = {d.slot, *d.span}
    ends = [
        c
        for h in heads
        for c in h.children
        if c.dep_ == "quantmod" and c.lower_ in ("to", "-", "–")
    ]
    if not ends:
        return None
    return next(
        (
            j
            for j in before
            if ctx.drafts[j].slot.head in heads and ctx.drafts[j].slot.i < ends[0].i
        ),
        None,
    )


def _is_earlier_cue(prep: Token) -> bool:
    """ "compared with", "against", or "from" after a word of change ("up from")."""
    if prep.lower_ in EARLIER_CUES:
        return True
    head = prep.head
    if prep.lower_ in ("with", "to") and head.lemma_.lower() in EARLIER_CUES:
        return True
    if prep.lower_ == "from" and head.lower_ == "to" and head.dep_ == "prep":
        head = head.head  # "fell to 58,200 from 61,500", "from" read as hanging from "to"
    return prep.lower_ == "from" and _is_change_word(head)


def _is_change_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        return lemma in CHANGE_VERBS
    if tok.pos_ == "NOUN":
        return lemma in CHANGE_NOUNS
    return tok.lower_ in CHANGE_ADVERBS


def _pobj_of(slot: Token, prep_word: str, head: Token) -> bool:
    return slot.dep_ == "pobj" and slot.head.lower_ == prep_word and slot.head.head == head


# --- changes ----------------------------------------------------------------------------


def _change_cue(d: Draft) -> Token | None:
    """The word of change an amount is the size of: "up" in "up 6.2 percent", "rose" in
    "rose 4 percent", "increase" in "an increase of 5 percent"."""
    slot = d.slot
    while slot.dep_ == "conj":  # "up 34.7 percent and 31.4 percent"
        slot = slot.head
    head = slot.head
    if slot.dep_ == "pobj" and head.lower_ in ("by", "of"):
        slot, head = head, head.head
        if slot.lower_ == "of" and head.pos_ == "NOUN" and head.lemma_.lower() in CHANGE_NOUNS:
            return head
    if slot.dep_ in ("npadvmod", "advmod") and head.lower_ in CHANGE_ADVERBS:
        return head
    verb_of_change = head.pos_ == "VERB" and head.lemma_.lower() in CHANGE_VERBS
    if verb_of_change and slot.dep_ in ("npadvmod", "dobj", "prep", "advmod"):
        return head
    return None


def _direction(cue: Token) -> str:
    return (
        CHANGE_ADVERBS.get(cue.lower_)
        or CHANGE_VERBS.get(cue.lemma_.lower())
        or CHANGE_NOUNS.get(cue.lemma_.lower())
        or "up"
    )


def _change(ctx: SentenceContext, i: int, d: Draft, cue: Token) -> None:
    direction = _direction(cue)
    basis = _basis(ctx.text[d.end :])
    base_i = d.change_of
    if base_i is None and d.kind == "percent":
        base_i = next(
            (j for j, x in ctx.primary() if x.kind != "percent" and _pobj_of(x.slot, "to", cue)),
            None,
        )
        if base_i is not None:
            _name_the_base(ctx, ctx.drafts[base_i], cue)
    if base_i is None:
        # the figure before it in its own clause: "handled 2 million containers, up 3 percent"
        verb = tree.clause_verb(cue)
        before = [
            j
            for j, x in ctx.primary()
            if j < i and x.kind != "percent" and x.end <= d.start and x.verb == verb
        ]
        base_i = before[-1] if before else None
    d.notes.add("change")
    word = "growth" if direction == "up" else "decline"
    if base_i is not None:
        base = ctx.drafts[base_i]
        d.change_of = base_i
        base.change = (d.value, d.unit or "", direction, basis, i)
        d.measure = f"{base.measure} {word}" if base.measure else word
        d.owner = base.owner
        return
    subject = tree.subject_of(cue) if cue.pos_ == "VERB" else None
    d.measure = f"{measure_label(subject, of=True)} {word}" if subject is not None else word
    d.change = (d.value, d.unit or "", direction, basis, i)
    if subject is not None and (ctx.is_measure_noun(subject) or subject.lemma_ in GENERAL_NOUNS):
        # "the number of visitors grew by 8 percent": the subject is what changed, not whose
        d.owner = ctx.noun_owner(subject) or ctx.discourse.subject


def _name_the_base(ctx: SentenceContext, base: Draft, cue: Token) -> None:
    """ "Shares in Kovik rose 2 percent to 95 crowns": the subject of the verb of change
    is what the amount after "to" measures."""
    subject = tree.subject_of(cue) if cue.pos_ == "VERB" else None
    if subject is None or base.measure not in (None, "count"):
        return
    base.measure = noun_measure(subject, base)


def _basis(after: str) -> str | None:
    m = _BASIS.search(after[:80])
    if not m:
        return None
    if m.group("yoy"):
        return "year-on-year"
    return "month-on-month" if m.group("mom") else "quarter-on-quarter"


def _by_percent(ctx: SentenceContext, d: Draft) -> bool:
    """ "cut its water use by 25 percent": a change of the verb's object."""
    slot = d.slot
    if slot.dep_ != "pobj" or slot.head.lower_ != "by":
        return False
    verb = slot.head.head
    word = BY_VERBS.get(verb.lemma_.lower())
    obj = next(tree.children(verb, "dobj"), None)
    if word is None or obj is None:
        return False
    d.measure = f"{word} in {measure_label(obj)}"
    d.notes.add("change")
    return True


def _more_than(ctx: SentenceContext, i: int, d: Draft) -> bool:
    """ "15 percent more than the first estimate": a change against a named amount."""
    head = d.slot.head
    if d.slot.dep_ != "npadvmod" or head.lower_ not in COMPARATIVES:
        return False
    than = tree.prep_object(head, "than")
    if than is None:
        return False
    direction = COMPARATIVES[head.lower_]
    np = measure_label(than)
    d.measure = f"{'decrease from' if direction == 'down' else 'increase over'} {np}"
    d.notes.add("change")
    before = [
        j for j, x in ctx.primary() if j < i and x.kind not in ("percent",) and x.end <= d.start
    ]
    change = (d.value, d.unit or "", direction, f"over {np}", i)
    if before:
        base = ctx.drafts[before[-1]]
        d.change_of = before[-1]
        base.change = change
        d.owner = base.owner
    else:
        d.change = change
    return True
