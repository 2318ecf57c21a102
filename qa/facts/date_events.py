"""A date as a fact of its own: its event, and whose it is.

A date's measure is its event: the verb it goes with and that verb's words up to the date
("opened", "moved to the coast"), a "when" clause after it, an event noun the year follows
("until her retirement in 1933"); in an encyclopedia's opening "Name (date - date)", the
dates are born and died.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.time_words import EVENT_ADVERBS
from ..numbers import DateMention
from . import tree
from .context import SentenceContext
from .model import Draft
from .tense import date_kind


def anchor(date: Draft) -> Token | None:
    """The verb a date goes with."""
    return tree.clause_verb(date.root)


def read_date_fact(ctx: SentenceContext, d: Draft) -> None:
    """The date ``d``'s kind, event (its measure) and owner."""
    mention: DateMention = d.time_mention
    d.time, d.time_kind = mention.time, date_kind(ctx, mention, anchor(d))
    life = _lifespan(ctx, d)
    if life is not None:
        measure, name = life
        d.owner = ctx.refer(name)
        # a date in an aside after a name that is no life is that thing's ("a film (1991)")
        d.measure = d.owner if measure == "aside" else measure
        return
    verb = anchor(d)
    d.measure = _event(ctx, d, verb) if verb is not None else None
    # "reached the town in 1849, when the railway opened a station": the date is that
    # clause's too, and either event may be what a question asks about.
    when = next(
        (c for c in tree.children(d.root, "relcl") if any(g.lower_ == "when" for g in c.children)),
        None,
    )
    if when is not None and d.measure and (also := _event(ctx, d, when)):
        d.measure = f"{d.measure}, when {also}"
    named = _event_noun(d)
    if named is not None and named not in (d.measure or ""):  # not "attracted to the valley"
        d.measure = f"{d.measure}, {named}" if d.measure else named
    subject = tree.subject_of(verb) if verb is not None else None
    owner = (
        ctx.refer_subject(subject) if subject is not None and subject.lower_ != "there" else None
    )
    d.owner = owner or ctx.subject or ctx.discourse.subject


def _event_noun(d: Draft) -> str | None:
    """ "until her retirement in 1933", "after his death in 1950": the year dates the event
    the noun before it names, whatever the parser hangs "in 1933" on."""
    doc, i = d.span.doc, d.span.start
    if i < 3 or doc[i - 1].lower_ != "in":
        return None
    noun = doc[i - 2]
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.i >= noun.i:
        return None
    return doc[noun.head.i : noun.i + 1].text


def _lifespan(ctx: SentenceContext, d: Draft) -> tuple[str | None, Token | None] | None:
    """Dates in brackets after a name are that person's life: "Mara Voss (1 March 1901 - 2 May
    1970) was ...", "under Ivo Brandt (1507-1582)": born, then died. The measure (None for
    an aside that is no life, such as a reign) and the name; None when the date is in no
    such brackets."""
    doc = d.span.doc
    opening = next((t for t in reversed(doc[: d.span.start]) if t.text in "()"), None)
    closing = next((t for t in doc[d.span.end :] if t.text in "()"), None)
    if opening is None or opening.text != "(" or closing is None or closing.text != ")":
        return None
    inner = [x for x in ctx.drafts if x.is_date and opening.i < x.span.start < closing.i]
    before = {t.lower_ for t in doc[opening.i + 1 : d.span.start]}
    words = {
        t.lower_
        for t in doc[opening.i + 1 : closing.i]
        if t.is_alpha and not any(x.span.start <= t.i < x.span.end for x in inner)
    }
    name = tree.main_subject(ctx.doc)
    opens = (
        name is not None
        and opening.i > 0
        and doc[opening.i - 1] in name.subtree
        and not any(t.text in "()" for t in doc[: opening.i])
    )
    if opens:
        # the brackets after the name that opens the text: "Name, Title of Place (née
        # Other; date - date)"
        words = set()  # a birth name may stand there
    elif opening.i > 0 and doc[opening.i - 1].pos_ == "PROPN":
        name = doc[opening.i - 1]
    else:
        return None
    if before & {"born", "b."}:
        return "born", name
    if before & {"died", "d."}:
        return "died", name
    if len(inner) == 2 and not words - {"c.", "circa", "ca."}:
        return ("born" if d is inner[0] else "died"), name
    if name is None or opening.i == 0:
        return None
    said = [t for t in doc[opening.i + 1 : d.span.start] if t.tag_ in ("VBN", "VBD")]
    if said:  # "the Store (introduced April 29, 2003)": the verb in the brackets is the event
        words_to = doc[said[0].i : d.span.start]
        return " ".join(t.text for t in words_to if t.pos_ != "ADP") or said[0].text, name
    return "aside", name


def _event(ctx: SentenceContext, d: Draft, verb: Token) -> str | None:
    """The verb's words up to the date ("moved to the coast"), or after the subject
    when the date leads ("In 2015 the board approved a plan"): no auxiliaries, no
    amounts, no dangling preposition."""
    doc = ctx.doc
    start = verb.i
    while start > 0 and doc[start - 1].lower_ in EVENT_ADVERBS and doc[start - 1].head == verb:
        start -= 1
    at = d.span.start
    if d.root.dep_ == "pobj" and d.root.head.i < at:
        at = d.root.head.i
    end = at if at > start else _clause_end(verb)
    while start < end and doc[start].pos_ == "AUX" and doc[start] != verb:
        start += 1
    if doc[start] == verb and verb.pos_ == "AUX" and start + 1 < end:
        start += 1  # "is the largest town": the predicate says what happened
    words = []
    for tok in doc[start:end]:
        if tok.i in ctx.amount_tokens or tok.text in (",", ";", "(") and tok.i > start:
            break
        words.append(tok)
    while words and (
        words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT", "AUX")
        and words[-1].dep_ != "prt"  # "set up"
        or words[-1].lower_ in ("last", "this", "next", "on")
    ):
        words.pop()
    text = " ".join(tree.label(words).split()[:14])  # a long clause: its first words
    return text or None


def _clause_end(verb: Token) -> int:
    return max(t.i for t in verb.subtree) + 1
