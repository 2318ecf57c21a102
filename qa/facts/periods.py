"""Stated parts of a span: "in its first two weeks, the shop sold 3,000 bicycles" covers the
first two weeks, and the "two weeks" in it is no fact of its own; "this season" likewise.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.time_words import PERIOD_ORDINALS, PERIODS, SEASONS, THIS_PERIODS
from ..numbers import parse_number
from . import tree
from .context import SentenceContext

# A figure that has a date of its own, or is a later value, is for that time, not the period.
_DATED = ("target", "year", "month", "date")


def read_periods(ctx: SentenceContext) -> None:
    """ "in its first two weeks", "during the opening week", "this season", "in winter"."""
    _seasons(ctx)
    low = ctx.text.lower()
    if not any(w in low for w in (*PERIOD_ORDINALS, "this ")):
        return
    for tok in ctx.doc:
        if tok.lemma_.lower() not in PERIODS:
            continue
        ordinal = next(
            (c for c in tok.children if c.lower_ in PERIOD_ORDINALS and c.dep_ == "amod"), None
        )
        this = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "this"), None)
        if ordinal is not None and tok.dep_ == "pobj":
            count = next((c for c in tok.children if c.dep_ == "nummod"), None)
            n = parse_number(count.text) if count is not None else 1
            if n is None:
                continue
            which = PERIOD_ORDINALS[ordinal.lower_]
            unit = tok.lemma_.lower()
            period = f"{which} {unit}" if n == 1 else f"{which} {n:g} {unit}s"
            _give_period(ctx, tok, tok.head.head, period, drop=True)
        elif this is not None and tok.lemma_.lower() in THIS_PERIODS:
            _give_period(ctx, tok, tree.clause_verb(tok), f"this {tok.lower_}", drop=False)


def _give_period(
    ctx: SentenceContext, tok: Token, verb: Token | None, period: str, drop: bool
) -> None:
    inside = set(t.i for t in tok.subtree)
    for d in ctx.drafts:
        if d.root.i in inside:
            if drop:
                d.notes.add("drop")
            continue
        if d.is_date or d.verb is None or verb is None:
            continue
        if d.verb != verb and tree.clause_top(verb) != tree.clause_top(d.verb):
            continue
        if d.time_kind in _DATED or "later" in d.notes:
            continue
        d.period = d.period or period


def _seasons(ctx: SentenceContext) -> None:
    """ "14 crossings a day in summer and 8 in winter": each figure is for the season its own
    phrase names; "In winter the ferry makes 8 crossings": every figure of the verb's."""
    for tok in ctx.doc:
        if tok.lemma_.lower() not in SEASONS or tok.dep_ != "pobj":
            continue
        prep = tok.head
        if prep.lower_ not in ("in", "during") or any(c.dep_ == "poss" for c in tok.children):
            continue
        owned = [d for d in ctx.drafts if not d.is_date and prep in d.slot.subtree]
        if not owned and prep.head.pos_ in ("VERB", "AUX"):
            owned = [d for d in ctx.drafts if not d.is_date and d.verb == prep.head]
        for d in owned:
            d.period = d.period or tok.lemma_.lower()
