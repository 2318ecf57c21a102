"""When: dates as facts of their own, the time each figure is for, and stated parts of a span.

- A date is a fact whose measure is its event: the verb it goes with and that verb's words up
  to the date ("opened", "moved to the coast"); in an encyclopedia's opening
  "Name (date - date)", the dates are born and died.
- A figure is for the date its own verb takes ("sold ... in 2022"), or a date inside its
  own phrase ("the budget of $2.5 billion approved in 2019"); "by 2025" makes it a target.
  Without a date, "currently" makes it current and "will", "expects" or "plans" expected.
- stated parts of a span ("in its first two weeks") are read by :mod:`.periods`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.time_words import (
    CURRENT,
    CURRENT_PHRASES,
    EVENT_ADVERBS,
    EXPECTED,
)
from ..numbers import DateMention
from . import tree
from .context import SentenceContext
from .model import Draft
from .periods import read_periods


def read_times(ctx: SentenceContext) -> None:
    """Events of dates, times of figures, periods, and what equivalents share."""
    for d in ctx.drafts:
        if d.is_date:
            _date_fact(ctx, d)
    for _, d in ctx.primary():
        if d.time_kind is None:
            _time_of(ctx, d)
    read_periods(ctx)
    for d in ctx.drafts:
        _inherit(ctx, d)


# --- dates as facts ---------------------------------------------------------------------


def anchor(date: Draft) -> Token | None:
    """The verb a date goes with."""
    return tree.clause_verb(date.root)


def _date_fact(ctx: SentenceContext, d: Draft) -> None:
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
    return ("aside", name) if name is not None and opening.i > 0 else None


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


def date_kind(ctx: SentenceContext, date: DateMention, verb: Token | None) -> str:
    """How a date was stated: its own kind, "target" for "by 2025" (a date not yet past),
    "expected" for a year after the article's."""
    before = ctx.text[: date.start].lower().rstrip()
    by = date.preposition == "by" or before.endswith("by the end of")
    if by and ctx.article_date is None:
        # With no article date to read it against, "by 1890 employed" is a past year and
        # "plans to ... by 2030" a target: the clause's verbs say which.
        by = verb is not None and _expected(verb)
    if by and (ctx.article_date is None or date.time >= ctx.article_date[: len(date.time)]):
        return "target"
    if ctx.article_date and date.kind == "year" and date.time > ctx.article_date[:4]:
        return "expected"
    return date.kind


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
        d.time, d.time_kind = date.time, date.time_kind
        return
    if d.earlier_of is not None or "earlier" in d.notes:
        d.time_kind = "earlier"
        return
    verb = d.verb
    if "current" in d.notes or (verb is not None and _current(ctx, verb)):
        d.time, d.time_kind = ctx.article_date, "current"
    elif verb is not None and _expected(verb):
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


def _current(ctx: SentenceContext, verb: Token) -> bool:
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


def _expected(verb: Token) -> bool:
    for v in _chain(verb):
        if v.lemma_.lower() in EXPECTED or v.lower_ in EXPECTED:
            return True
        if any(c.dep_ == "aux" and c.lower_ in EXPECTED for c in v.children):
            return True
        if any(c.dep_ == "acomp" and c.lower_ in EXPECTED for c in v.children):
            return True  # "is due to open"
    return False


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
