"""Whether a clause speaks of now or of what is expected, and how a date was stated.

"currently", "at present" or "the current population" make a figure's clause current;
"expects", "will", "is due to" make it expected, through the verbs it complements ("expected
to reach"). A date stated with "by" is a target when it is not yet past.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.time_words import CURRENT, CURRENT_PHRASES, EXPECTED
from ..numbers import DateMention
from . import tree
from .context import SentenceContext


def date_kind(ctx: SentenceContext, date: DateMention, verb: Token | None) -> str:
    """How a date was stated: its own kind, "target" for "by 2025" (a date not yet past),
    "expected" for a year after the article's."""
    before = ctx.text[: date.start].lower().rstrip()
    by = date.preposition == "by" or before.endswith("by the end of")
    if by and ctx.article_date is None:
        # With no article date to read it against, "by 1890 employed" is a past year and
        # "plans to ... by 2030" a target: the clause's verbs say which.
        by = verb is not None and is_expected(verb)
    if by and (ctx.article_date is None or date.time >= ctx.article_date[: len(date.time)]):
        return "target"
    if ctx.article_date and date.kind == "year" and date.time > ctx.article_date[:4]:
        return "expected"
    return date.kind


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it complements up to its clause's head ("expected to
    reach": reach, expected; "would set up a centre to offer": offer, set)."""
    out = [verb]
    while verb.head != verb and (
        verb.dep_ in ("xcomp", "ccomp", "acomp") or verb.dep_ == "advcl" and _infinitive(verb)
    ):
        verb = verb.head
        out.append(verb)
    if verb.dep_ == "acomp" or verb.head.lemma_ == "be":
        out.append(verb.head)
    return out


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive of purpose ("to offer 40 places"): it shares its main verb's time."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_current(ctx: SentenceContext, verb: Token) -> bool:
    """Whether the figure's clause says it is as of now: "currently", "now", "at present",
    "so far", "the current population", in the clause of its verb or of the verbs that verb
    complements."""
    verbs = set(_chain(verb))
    for tok in ctx.doc:
        if tok.lower_ not in CURRENT and not (tok.lower_ == "present" and tok.dep_ == "pobj"):
            continue
        head = tok.head
        if tok.dep_ in ("advmod", "npadvmod") and head in verbs:
            return True
        if tok.dep_ == "amod" and head.head in verbs:
            return True  # "the current population is ..."
        if tok.dep_ == "pobj" and head.lower_ == "at" and head.head in verbs:
            return True  # "at present"
    low = ctx.text.lower()
    return any(p in low for p in CURRENT_PHRASES) and not tree.subordinate(verb)


def is_expected(verb: Token) -> bool:
    """Whether the figure's clause says it is expected: "expects", "will", "is due to",
    in its verb or the verbs that verb complements."""
    for v in _chain(verb):
        if v.lemma_.lower() in EXPECTED or v.lower_ in EXPECTED:
            return True
        if any(c.dep_ == "aux" and c.lower_ in EXPECTED for c in v.children):
            return True
        if any(c.dep_ == "acomp" and c.lower_ in EXPECTED for c in v.children):
            return True  # "is due to open"
    return False
