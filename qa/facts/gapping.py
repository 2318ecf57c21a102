"""Amounts whose verb and noun are left out: "The Greens won seven seats and the Liberals
five", "Smith scored 20 points and Jones 15". The parser hangs the bare number on the name
before it, as if it counted that name; it is a count of the earlier amount's noun, and the
name is its owner. A sum's currency is left out the same way: "12.2 billion crowns ...,
while frozen foods brought in 9.8 billion"."""

from __future__ import annotations

from spacy.tokens import Token

from . import tree
from .context import SentenceContext
from .model import Draft

_SCALES = frozenset({"million", "billion", "trillion"})


def read_gapped(ctx: SentenceContext) -> None:
    """Give each amount said after a coordinated name, with its verb and noun left out, the
    earlier amount's kind, unit and measure, and that name as its owner."""
    for _, d in ctx.primary():
        owner = gapped_owner(d.span.root)
        if owner is None:
            continue
        earlier = _earlier(ctx, d, owner.i)
        if earlier is None:
            continue
        if d.unit is None and d.kind == "number":
            d.kind, d.unit, d.measure = earlier.kind, earlier.unit, earlier.measure
            d.qualifier = d.qualifier or earlier.qualifier  # "gold" medals, "litter"
        d.verb = d.verb or earlier.verb
        d.owner = tree.phrase(owner, ctx.amount_tokens, conjuncts=False)


def read_scaled_money(ctx: SentenceContext) -> None:
    """Give a bare "9.8 billion" the currency of the last sum before it in the sentence
    said with the same scale word."""
    for _, d in ctx.primary():
        scale = d.span[-1].lower_
        if d.kind != "number" or d.unit is not None or scale not in _SCALES:
            continue
        sums = [
            e
            for _, e in ctx.primary()
            if e.kind == "money" and e.span.end <= d.span.start and scale in _lowers(e)
        ]
        if sums:
            d.kind, d.unit = "money", sums[-1].unit


def _lowers(d: Draft) -> set[str]:
    return {t.lower_ for t in d.span}


def gapped_owner(num: Token) -> Token | None:
    """The name a bare number follows as its parse's head ("the Liberals five"), when that
    name is coordinated with a counted noun ("seven seats") or a verb ("scored") before it;
    else None. "Apollo 11 and Apollo 12" coordinates names, no clauses."""
    head = num.head
    listed = head.dep_ in ("conj", "appos") or (head.dep_ == "npadvmod" and head.pos_ == "PROPN")
    if num.dep_ != "nummod" or head.i > num.i or not listed:
        return None
    if any(c.dep_ == "nummod" and c.i < head.i for c in head.children):
        return None  # "12 seats, 4 of them new": a count of its own noun
    top = head
    while top.dep_ in ("conj", "appos", "npadvmod") and top.head.i < top.i:
        top = top.head
    counted = top.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in top.children)
    return head if counted or top.pos_ in ("VERB", "AUX") else None


def _earlier(ctx: SentenceContext, d: Draft, before: int) -> Draft | None:
    """The last amount of the sentence said before the token ``before``, not a date."""
    earlier = [e for _, e in ctx.primary() if e is not d and not e.is_date and e.span.end <= before]
    return earlier[-1] if earlier else None
