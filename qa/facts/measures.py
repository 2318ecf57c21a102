"""What each amount measures, whose it is, and the verb it goes with, from the parse.

The measure comes from, in order:
- the noun an amount is the object of "of" for ("an investment of 40 million euros", "a
  crowd of 12,000") or that it modifies ("the scheme's 90 million euro cost");
- a verb's object or subject that is a measure ("lift the value of X to ...", "Revenue
  rose to ...", "wind power output reached ...");
- the verb itself, by its lemma ("spans 20 hectares" is an area, "employs 350 people"
  counts employees) or an adjective of dimension ("60 metres long");
- the words after it (:mod:`.after_amount`): a rate ("a year"), "per share", a share ("40
  percent of sales");
- otherwise the amount's kind (an area measures area).

The owner is the measure noun's possessor or "of" object, else the subject of the amount's
clause (each coordinated clause its own; a relative clause's antecedent), with pronouns and
definite descriptions resolved (:mod:`.mentions`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ..lexicon.change_words import CHANGE_NOUNS
from ..lexicon.measure_nouns import GENERAL_NOUNS, GROUP_NOUNS, KIND_MEASURES, MONEY_MEASURES
from ..lexicon.measure_verbs import (
    COUNT_VERBS,
    DIMENSIONS,
    HOME_TO,
    KIND_VERBS,
    MONEY_VERBS,
    PHRASAL_MONEY_MEASURES,
    TALL_THINGS,
    VALUATION_VERBS,
    VERB_MEASURES,
)
from ..lexicon.time_words import CURRENT
from . import tree
from .after_amount import PHYSICAL, after_amount
from .context import SentenceContext, name_modifier
from .model import Draft

_NOT_MONEY = PHYSICAL | {"duration", "speed", "temperature", "power"}


def read_measures(ctx: SentenceContext) -> None:
    """Fill in ``measure``, ``owner``, ``verb``, ``rate`` and ``qualifier`` of each amount."""
    for _, d in ctx.primary():
        d.verb = tree.clause_verb(d.slot)
        if d.kind == "age":
            _age_owner(ctx, d)
            continue
        measure, owner = _measure(ctx, d)
        measure = after_amount(ctx, d, measure)
        if measure is None:
            measure = KIND_MEASURES.get(d.kind)
        if d.rate == "a year" and measure and not measure.startswith("annual"):
            measure = f"annual {measure}"
        d.measure = measure
        if owner is None and "subject measures" not in d.notes:
            owner = _clause_owner(ctx, d)
        d.owner = owner
        if any(c.lower_ in CURRENT for c in d.slot.children if c.dep_ == "amod"):
            d.notes.add("current")  # "the current 30,000 euros"
        if d.qualifier is None and d.verb is not None and d.slot.dep_ in tree.SUBJECTS:
            source = next(
                (c for c in d.verb.children if c.dep_ == "prep" and c.lower_ == "from"), None
            )
            if source is not None:  # "a further 5 million came from a foundation"
                d.qualifier = tree.phrase(source, ctx.amount_tokens)
    drafts = [d for _, d in ctx.primary()]
    for before, d in zip(drafts, drafts[1:], strict=False):
        # "14 crossings a day in summer and 8 in winter": a count that takes its noun from
        # the count before it takes its rate too.
        shared = d.kind == before.kind == "count" and d.unit == before.unit
        if shared and d.slot.dep_ == "conj" and d.rate is None:
            d.rate = before.rate


# --- the measure ------------------------------------------------------------------------


def _measure(ctx: SentenceContext, d: Draft) -> tuple[str | None, str | None]:
    """The measure and, when the measure's own phrase says it, the owner."""
    slot, verb = d.slot, d.verb
    if d.kind == "count":
        if verb is not None and verb.lemma_.lower() in COUNT_VERBS and tree.is_object(slot, verb):
            return COUNT_VERBS[verb.lemma_.lower()], None
        if _home_to(slot):
            return HOME_TO, None
        if (room := _room_for(slot)) is not None:
            return measure_label(room), None
        return "count", None
    if d.kind == "percent" and (changed := _change_noun_of(ctx, slot)) is not None:
        return changed  # "a 9 percent rise in sales in Germany": the sales' growth
    noun = _of_noun(slot)
    if noun is not None and noun.lemma_.lower() not in GENERAL_NOUNS:
        if ctx.is_measure_noun(noun) or d.kind == "money" or noun.lower_ in GROUP_NOUNS:
            return noun_measure(noun, d), ctx.noun_owner(noun)
        return None, ctx.refer(noun)  # "a second stage of 50 megawatts": the stage's
    modifies = tree.modifies_noun(slot)
    if modifies and d.kind == "money" and not ctx.is_measure_noun(slot.head):
        thing = slot.head
        while thing.dep_ in ("compound", "amod") and thing.head.pos_ == "NOUN":
            thing = thing.head  # "a £27m swimming pool", parsed as a "£27m swimming"
        return "cost", ctx.refer(thing)  # "the £27.5m centre": what the centre cost
    described = slot.head
    while described.dep_ in ("nmod", "compound", "amod") and described.head.pos_ == "NOUN":
        described = described.head  # "a 19-kilometre walking and cycling route"
    tall = modifies and d.kind == "length" and described.lemma_.lower() in TALL_THINGS
    if modifies and described.dep_ == "appos" and not ctx.is_measure_noun(described):
        # "the Leddon Trail, a 19-kilometre route": the route is the name beside it
        return "height" if tall else None, ctx.refer(described.head)
    if tall:
        return "height", ctx.refer(described)  # "a 330-metre tower"
    if modifies and d.kind in PHYSICAL and not ctx.is_measure_noun(described):
        return None, ctx.refer(described)  # "the 38-kilometre crossing": the crossing's length
    if modifies and (ctx.is_measure_noun(slot.head) or d.kind == "money"):
        return measure_label(slot.head, skip=ctx.amount_tokens), ctx.noun_owner(
            slot.head
        )  # "a $5 million grant"
    if slot.dep_ == "npadvmod" and slot.head.lower_ in DIMENSIONS:
        return DIMENSIONS[slot.head.lower_], _sized(ctx, slot.head)  # "60 metres long"
    if verb is None:
        return None, None
    return _verb_measure(ctx, d, verb)


def _change_noun_of(ctx: SentenceContext, slot: Token) -> tuple[str, str | None] | None:
    """The measure and owner of a rate said before a noun of change with what changed after
    it ("a 9 percent rise in sales in Germany": sales growth, Germany's); else None."""
    noun = slot.head
    direction = CHANGE_NOUNS.get(noun.lemma_.lower())
    if direction is None or slot.dep_ not in ("compound", "nmod", "amod", "nummod"):
        return None
    thing = tree.prep_object(noun, "in", "of")
    if thing is None or thing.i in ctx.amount_tokens:
        return None
    label = measure_label(thing, skip=ctx.amount_tokens)
    return f"{label} {'growth' if direction == 'up' else 'decline'}", ctx.noun_owner(thing)


def _sized(ctx: SentenceContext, adjective: Token) -> str | None:
    """Whose a size said by an adjective beside a noun is: "the gorge, 14 kilometres long and
    300 metres deep" the gorge's, whatever the clause goes on to say of it; None for a
    clause's attribute ("it is a dam 74 metres high": the clause's subject's)."""
    while adjective.dep_ == "conj":
        adjective = adjective.head
    noun = adjective.head
    if adjective.dep_ not in ("amod", "appos") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.dep_ == "attr":
        return None
    return ctx.refer(noun, frozenset(t.i for t in adjective.subtree))


def _verb_measure(ctx: SentenceContext, d: Draft, verb: Token) -> tuple[str | None, str | None]:
    lemma = verb.lemma_.lower()
    prep = d.slot.head if d.slot.dep_ == "pobj" else None
    traded = prep is not None and prep.lower_ == "for" and prep.head.lemma_.lower() in _TRADE_VERBS
    if d.kind == "money" and traded:
        return "price", None  # "agreed to buy its rival for 1.2 billion euros"
    made = prep is not None and prep.lower_ == "for" and prep.head.lemma_.lower() in _MAKE_VERBS
    if d.kind == "money" and made:
        return "cost", None  # "Built by Kongsberg for 2.4 billion kroner"
    if prep is not None and prep.head == verb and prep.lower_ in ("at", "to"):
        if lemma in VALUATION_VERBS and d.kind == "money":
            obj = next(tree.children(verb, "dobj"), None)
            return VALUATION_VERBS[lemma], ctx.refer(obj) if obj is not None else None
        obj = next(tree.children(verb, "dobj"), None)
        if obj is not None and ctx.is_measure_noun(obj):
            return measure_label(obj), ctx.noun_owner(obj)  # "lift the value of X to"
    subject = tree.subject_of(verb)
    # A subject that names a measure ("Revenue rose to ..."); not for a share ("Exports made
    # up 40 percent of sales").
    if (
        not (d.kind == "percent" and tree.prep_object(d.slot, "of") is not None)
        and subject is not None
        and subject.i not in ctx.amount_tokens
        and _measures(ctx, subject, d)
    ):
        d.notes.add("subject measures")  # so the subject is not its own owner
        return noun_measure(subject, d), _subject_owner(ctx, subject)
    if not tree.is_object(d.slot, verb):
        return None, None  # "create 200 jobs over the next ten years": no job count
    # The small model may take the particle for an adverb ("brought in 9.8 billion").
    particle = next(
        (c.lower_ for c in tree.children(verb, "prt", "advmod") if c.i == verb.i + 1), ""
    )
    if d.kind == "money" and (lemma, particle) in PHRASAL_MONEY_MEASURES:
        return PHRASAL_MONEY_MEASURES[lemma, particle], None
    if lemma in KIND_VERBS and d.kind in KIND_VERBS[lemma]:
        return KIND_VERBS[lemma][d.kind], None
    # A verb of money measures only money: "spending the winter ... 2,600 kilometres to
    # the south" is no spending, nor "spent ten days" a sum.
    if lemma in VERB_MEASURES and not (lemma in MONEY_VERBS and d.kind in _NOT_MONEY):
        return VERB_MEASURES[lemma], None
    return None, None


_TRADE_VERBS = frozenset("buy acquire purchase bought".split())  # a price paid; not a sale's
_MAKE_VERBS = frozenset("build construct make develop design restore renovate".split())


def _measures(ctx: SentenceContext, subject: Token, d: Draft) -> bool:
    """Whether a subject names the measure ("Attendance should reach 8,000")."""
    if ctx.is_measure_noun(subject):
        return True
    return d.kind == "number" and subject.lower_ in GROUP_NOUNS


def _home_to(slot: Token) -> bool:
    """ "... is home to 80,000 people": a population."""
    prep = slot.head
    return slot.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "home"


# Mass nouns for the room a thing has; a plural noun ("places", "seats") counts as well.
_ROOM = frozenset({"room", "space", "capacity", "accommodation", "parking"})


def _room_for(slot: Token) -> Token | None:
    """ "places for 630 pupils", "parking for 400 cars": what the count is the room for
    measures it."""
    prep = slot.head
    if slot.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ != "NOUN":
        return None
    room = prep.head
    return room if room.tag_ == "NNS" or room.lemma_.lower() in _ROOM else None


def _of_noun(slot: Token) -> Token | None:
    """The noun ``slot`` is the "of" object of ("an investment of 40 million euros")."""
    if slot.dep_ == "conj":  # "revenues of X and Y": Y shares X's place
        first = slot.head
        while first.dep_ == "conj":
            first = first.head
        slot = first
    if slot.dep_ != "pobj" or slot.head.lower_ != "of":
        return None
    noun = slot.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def noun_measure(noun: Token, d: Draft) -> str:
    """The measure a noun names for amount ``d``: its label, or for money what a noun's
    money amount measures ("shares" at 95 crowns: the share price)."""
    if d.kind == "money" and noun.lower_ in MONEY_MEASURES:
        return MONEY_MEASURES[noun.lower_]
    return measure_label(noun)


def measure_label(noun: Token, of: bool = False, skip: Collection[int] = ()) -> str:
    """A measure noun with its modifiers as a label ("annual budget", "net income");
    a capitalised first word that is no name is lower-cased ("Revenue"). With ``of``, a
    general noun keeps what it is of ("number of visitors")."""
    mods = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod")
        and c != name_modifier(noun)  # whose it is, not what
        and c.i < noun.i
        and not any(t.tag_ == "CD" or t.i in skip for t in c.subtree)  # "a 9 million euro fund"
        and c.ent_type_ not in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")
    ]
    words: list[Token] = []
    for m in mods:
        words.extend(t for t in m.subtree if t.dep_ not in ("punct",) or t.text == "-")
    words.append(noun)
    text = tree.label(sorted(words, key=lambda t: t.i))
    if text[:1].isupper() and text[1:2].islower() and words[0].pos_ != "PROPN":
        text = text[0].lower() + text[1:]
    what = tree.prep_object(noun, "of") if of and noun.lemma_.lower() in GENERAL_NOUNS else None
    if what is not None:
        text = f"{text} of {tree.phrase(what)}"
    return text


def _subject_owner(ctx: SentenceContext, subject: Token) -> str | None:
    """Whose a measure standing as subject is: its possessor or prepositional object
    ("wind power output in Arnholt"), or for a bare measure ("Revenue rose ..."), what the
    text was about before."""
    owner = ctx.noun_owner(subject)
    if owner is not None:
        return owner
    return ctx.discourse.subject if ctx.is_bare_measure(subject) else None


# --- the owner --------------------------------------------------------------------------


def _clause_owner(ctx: SentenceContext, d: Draft) -> str | None:
    """Whose an amount is when its measure does not say: for a count in the subject, the
    place it is counted in; in "there are", the place after it; else the clause's
    subject."""
    slot, verb = d.slot, d.verb
    if slot.dep_ == "pobj" and slot.head.lower_ == "than":
        return None  # "cheaper than the current 30,000 euros": compared, no one's
    if d.kind == "count":
        poss = tree.possessor(slot) if d.root.head == slot else None
        if poss is not None:
            return ctx.refer(poss)  # "19 of the council's 45 seats": the council's, not the taker's
        place = tree.prep_object(slot, "in", "at", "across", "of")
        if place is not None and tree.prep_object(slot, "of") == place and not _determined(place):
            place = None  # "20,000 jars of jam" says what, not whose
        in_subject = verb is not None and tree.subject_of(verb) == slot
        if in_subject or slot.dep_ in tree.SUBJECTS or (verb is not None and _existential(verb)):
            return ctx.refer(place) if place is not None else None
        of_owner = slot.dep_ not in (*tree.SUBJECTS, *tree.OBJECTS) and slot.pos_ != "PROPN"
        if of_owner and place is not None and tree.prep_object(slot, "of") == place:
            return ctx.refer(place)  # "the second of three sons of a farmer"
    if verb is None:
        return ctx.subject or ctx.discourse.subject
    subject = tree.subject_of(verb)
    if subject is None or subject.i in ctx.amount_tokens or subject.lower_ == "there":
        return None if subject is not None else ctx.subject or ctx.discourse.subject
    if _of_noun(slot) == subject or tree.within_phrase(slot, subject):
        return None  # "A crowd of 12,000 watched", "200 nurses from 9 countries work"
    return ctx.refer_subject(subject)


def _determined(noun: Token) -> bool:
    """A noun with a determiner or possessor ("a farmer", "their parents"), or a
    name."""
    return bool(noun.ent_type_) or any(c.dep_ in ("det", "poss") for c in noun.children)


def _existential(verb: Token) -> bool:
    return any(c.dep_ == "expl" for c in verb.children)


def _age_owner(ctx: SentenceContext, d: Draft) -> None:
    """An age is its person's: the name it follows ("Anna Berg, 58"), else the subject."""
    if "named age" in d.notes:
        name = d.span.doc[d.span.start - 2]
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        d.owner = ctx.refer(name)
        d.time, d.time_kind = ctx.article_date, "current"
        return
    old = next((t for t in d.span.doc[d.span.end : d.span.end + 2] if t.lower_ == "old"), None)
    if old is not None and old.dep_ == "amod" and old.head.pos_ in ("NOUN", "PROPN"):
        # "the 38-year-old MV Selka": the ship's age, named without the age it is given
        owner = ctx.refer(old.head)
        d.owner = " ".join(w for w in owner.split() if w not in ("-old", "old")) if owner else None
        d.time, d.time_kind = ctx.article_date, "current"
        return
    verb = d.verb
    subject = tree.subject_of(verb) if verb is not None else None
    d.owner = ctx.refer(subject) if subject is not None else ctx.subject
