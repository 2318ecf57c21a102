"""What the words right after an amount say of it: the span of time it is given per ("a
year", "annually", "each day"), "per share", a dimension ("60 metres long"), the substance
it is of ("30 kilograms of grain"), a share of something ("40 percent of sales"), or a
measure after "in" ("5 million euros in revenue")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon.measure_verbs import DIMENSIONS
from ..lexicon.time_words import RATES
from . import tree
from .context import SentenceContext
from .model import Draft

# Kinds of physical amount, which may be of a substance ("30 kilograms of grain").
PHYSICAL = frozenset("mass volume energy length area data".split())
_RATE_BLOCKERS = frozenset("earlier ago before later after on in".split())
_LATE = re.compile(
    r"\s+(?:behind\s+schedule|late\b|overdue\b|later\s+than\s+(?:planned|expected|scheduled))",
    re.IGNORECASE,
)


def after_amount(ctx: SentenceContext, d: Draft, measure: str | None) -> str | None:
    """A rate ("a year", "annually"), "per share", a dimension, a substance ("30 kilograms
    of grain") or a share ("40 percent of sales") said right after the amount."""
    doc = d.span.doc
    i = _skip_brackets(doc, d.span.end)
    nxt = list(doc[i : i + 3])
    if d.kind != "percent":
        rate = _tree_rate(d) or (_rate(nxt) if nxt else None)
        if rate is not None:
            d.rate = rate
            if d.kind == "length" and rate == "a hour" and len(nxt) >= 2:
                d.kind, d.unit, d.rate = "speed", f"{d.unit} per hour", None
                d.end = nxt[1].idx + len(nxt[1])
                return "speed"  # "90 metres an hour"
        elif len(nxt) >= 2 and nxt[0].lower_ in ("per", "a", "an", "each"):
            per = nxt[1].pos_ == "NOUN" and nxt[1].lemma_.lower() not in RATES
            if per and (d.kind == "money" or measure is None and d.kind != "count"):
                return f"{measure or 'price'} per {nxt[1].lower_}"
        elif d.kind == "money" and (each := _for_each(doc, i)) is not None:
            return f"{measure or 'price'} per {each.lower_}"  # "14.50 euros for each share"
    if nxt and d.kind == "length" and nxt[0].lower_ in DIMENSIONS:
        return DIMENSIONS[nxt[0].lower_]
    if d.kind == "duration" and _LATE.match(d.span.doc.text, d.span.end_char):
        return "delay"  # "opened two years behind schedule": how late, not how long
    of = tree.prep_object(d.slot, "of")
    if of is not None and of.i not in ctx.amount_tokens:
        has_det = any(c.dep_ in ("det", "poss") for c in of.children)
        if d.kind in PHYSICAL and d.qualifier is None and not has_det:
            d.qualifier = tree.phrase(of, ctx.amount_tokens)  # "30 kilograms of grain"
        elif d.kind == "percent" and measure is None:
            return f"share of {_strip_det(tree.phrase(of, ctx.amount_tokens))}"
    if nxt and nxt[0].lower_ == "in" and len(nxt) > 1 and ctx.is_measure_noun(nxt[1]):
        return nxt[1].lower_  # "5 million euros in revenue"
    return measure


def _skip_brackets(doc: Doc, i: int) -> int:
    """The token index after a bracketed aside starting at ``i``, or ``i``."""
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i:] if t.text == ")"), None)
        if close is not None:
            return close + 1
    return i


def _tree_rate(d: Draft) -> str | None:
    """ "600 millimetres of rain a year", "spend 90 million euros annually": a span of time
    the amount's noun or its verb is given per."""
    for c in d.slot.children:
        word = c.lemma_.lower()
        per = any(x.lower_ in ("a", "an", "each", "every", "per") for x in c.children)
        if c.dep_ == "npadvmod" and word in RATES and per:
            return RATES[word]
        if c.dep_ == "advmod" and c.lower_ in RATES:
            return RATES[c.lower_]
    verb = d.verb
    if verb is not None and tree.is_object(d.slot, verb):
        for c in verb.children:
            if c.dep_ == "advmod" and c.lower_ in RATES and c.i > d.slot.i:
                return RATES[c.lower_]
    if verb is not None and d.slot.dep_ in tree.SUBJECTS:
        # "14,000 passengers are expected to use it each day": the rate goes with the verbs
        for v in [verb, *(c for c in verb.children if c.dep_ == "xcomp")]:
            for c in v.children:
                per = any(x.lower_ in ("a", "an", "each", "every", "per") for x in c.children)
                if c.dep_ == "npadvmod" and c.lemma_.lower() in RATES and per:
                    return RATES[c.lemma_.lower()]
    return None


def _for_each(doc: Doc, i: int) -> Token | None:
    """The noun of "for each Norcom share" at token ``i``, names before it passed over."""
    if i + 2 >= len(doc) or doc[i].lower_ != "for" or doc[i + 1].lower_ not in ("each", "every"):
        return None
    for tok in doc[i + 2 : i + 5]:
        if tok.pos_ == "NOUN":
            return tok if tok.lemma_.lower() not in RATES else None
        if tok.pos_ not in ("PROPN", "ADJ"):
            return None
    return None


def _rate(toks: list[Token]) -> str | None:
    """ "a year", "per day", "annually": what an amount is given per."""
    first = toks[0].lower_
    if first in RATES and toks[0].pos_ == "ADV":
        return RATES[first]
    if len(toks) >= 2 and first in ("a", "an", "per", "each", "every"):
        noun = toks[1].lower_
        after = toks[2].lower_ if len(toks) > 2 else ""
        if noun in RATES and toks[1].pos_ == "NOUN" and after not in _RATE_BLOCKERS:
            return RATES[noun]
    return None


def _strip_det(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ("the", "a", "an", "its", "their", "this") and rest else text
