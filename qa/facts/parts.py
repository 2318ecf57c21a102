"""Amounts that belong together: coordinated runs read "respectively", parts of a whole, and
shares a "with" clause gives out.

- "revenues of A and B ..., up P and Q respectively": each amount of the run takes its own
  item of the coordinated measures or names, and each change its own amount;
- "2,400 nurses, including 300 midwives, ...", "a budget of 90 million euros, of which 40
  million euros ...", "Of the scheme's 90 million euro cost, 50 million euros came from
  ...": parts of a whole, each with what sets it apart ("from the state");
- "cost 80 million pounds, with the county contributing 20 million pounds": a part of the
  amount before, given by whoever the clause names.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import tree
from .context import SentenceContext
from .measures import measure_label
from .model import Draft

_LIST_CUES = ("including", "include", "includes", "among")
_CUE_WORDS = frozenset((*_LIST_CUES, "which", "whom", ":"))
_CUE_WORDS_RE = re.compile(r"\b(?:includ|among|which|whom)|:")
_QUALIFYING_PREPS = ("from", "for", "in", "on", "by", "to", "at")
_HEDGES = ("about", "around", "nearly", "some", "roughly", "another", "almost", "over")


def runs(ctx: SentenceContext) -> list[list[int]]:
    """Runs of amounts of one kind joined by commas and "and" ("A and B", "A, B and C")."""
    out: list[list[int]] = []
    for i, d in ctx.primary():
        if out:
            prev = ctx.drafts[out[-1][-1]]
            between = ctx.text[_phrase_end(prev) : d.start].strip(" ,").lower()
            words = [w for w in between.split() if w not in _HEDGES]
            if prev.kind == d.kind and words in ([], ["and"]):
                out[-1].append(i)
                continue
        out.append([i])
    return [r for r in out if len(r) > 1]


def _phrase_end(d: Draft) -> int:
    """Where an amount's words end, past a bracketed equivalent."""
    doc = d.span.doc
    end = d.end
    i = d.span.end
    if i < len(doc) and doc[i].text == "(":
        close = next((t for t in doc[i:] if t.text == ")"), None)
        if close is not None:
            end = close.idx + 1
    if d.kind == "count" and d.slot.i >= d.span.end:
        end = max(end, d.slot.idx + len(d.slot))
    return end


# --- respectively -----------------------------------------------------------------------


def respectively(ctx: SentenceContext) -> None:
    """Distribute coordinated measures or names over a run read "respectively"."""
    if "respectively" not in ctx.text.lower():
        return
    all_runs = runs(ctx)
    values = [r for r in all_runs if ctx.drafts[r[0]].kind != "percent"]
    changes = [r for r in all_runs if ctx.drafts[r[0]].kind == "percent"]
    for run in values:
        n = len(run)
        first = ctx.drafts[run[0]]
        measures = _coordinated_measures(ctx, first, n)
        owners = _coordinated_names(ctx, first, n)
        for k, i in enumerate(run):
            d = ctx.drafts[i]
            if measures:
                d.measure = measures[k]
            if owners:
                d.owner = owners[k]
            d.notes.add("respectively")
        for change_run in changes:
            if len(change_run) == n and ctx.drafts[change_run[0]].start > ctx.drafts[run[-1]].start:
                for k, c in enumerate(change_run):
                    ctx.drafts[c].change_of = run[k]


def _coordinated_measures(ctx: SentenceContext, d: Draft, n: int) -> list[str] | None:
    """ "ticket and food sales of A and B": "ticket sales", "food sales";
    "Exports and imports reached A and B": "exports", "imports"."""
    subject = tree.subject_of(d.verb) if d.verb is not None else None
    if subject is not None and len(tree.conjuncts(subject)) == n:
        items = tree.conjuncts(subject)
        if all(ctx.is_measure_noun(t) for t in items):
            return [measure_label(t) for t in items]
    noun = d.slot
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    for mod in noun.children:
        if mod.dep_ in ("amod", "compound", "nmod") and mod.i < noun.i:
            items = tree.conjuncts(mod)
            if len(items) == n:
                head = noun.lemma_ if noun.tag_ == "NNS" else noun.text
                return [f"{item.text} {head}" for item in items]
    return None


def _coordinated_names(ctx: SentenceContext, d: Draft, n: int) -> list[str] | None:
    """ "traffic in Arnholt and Vesby reached A and B": "Arnholt", "Vesby"; the rest of the
    phrase ("rail traffic") is the measure."""
    verb = d.verb
    subject = tree.subject_of(verb) if verb is not None else None
    candidates = [t for t in ctx.doc if t.conjuncts and t.pos_ == "PROPN" and t.dep_ != "conj"]
    if subject is not None:
        candidates.sort(key=lambda t: t not in subject.subtree)
    for tok in candidates:
        items = tree.conjuncts(tok)
        if len(items) == n:
            return [tree.phrase(t, ctx.amount_tokens, conjuncts=False) for t in items]
    return None


# --- lists of parts ---------------------------------------------------------------------


def read_parts(ctx: SentenceContext) -> None:
    """Parts after "including", "of which", "of whom", a colon, or after an "Of the ..."
    that names the whole; and shares given out by a "with" clause."""
    low = ctx.text.lower()
    cues = [t for t in ctx.doc if t.lower_ in _CUE_WORDS] if _CUE_WORDS_RE.search(low) else []
    for cue in cues:
        if cue.lower_ in _LIST_CUES and cue.dep_ in ("prep", "ROOT", "conj", "advcl", "acl"):
            _parts_after(ctx, cue, {t.i for t in cue.subtree})
        elif cue.lower_ in ("which", "whom") and cue.head.lower_ == "of":
            of = cue.head  # "two of whom": the part comes first; "of which X ...": a clause
            clause = of.head.dep_ == "relcl" or tree.is_verb(of.head)
            scope = of.head if of.head.i < of.i or clause else tree.clause_verb(of)
            if scope is not None:
                _parts_after(ctx, of, {t.i for t in scope.subtree})
        elif cue.text == ":":
            _parts_after(ctx, cue, {t.i for t in ctx.doc[cue.i :]})
    _of_the_whole(ctx)
    _partitives(ctx)
    _with_parts(ctx)


def _partitives(ctx: SentenceContext) -> None:
    """ "112 of the town's 300 houses": a number counting some of the things another
    number counts is a part of it."""
    for _, d in ctx.primary():
        if "partitive" not in d.notes or d.part_of is not None:
            continue
        noun = tree.prep_object(d.slot, "of")
        whole = next((j for j, x in ctx.primary() if x.kind == "count" and x.slot == noun), None)
        if whole is not None:
            # The part keeps a taker of its own ("the Greens took 19 of the council's 45
            # seats"); the verb is the part's alone: the whole did not do it.
            taken = d.verb is not None and tree.is_object(d.root, d.verb)
            d.part_of = whole
            d.owner = d.owner if taken and d.owner else ctx.drafts[whole].owner
            d.qualifier = d.qualifier or qualifier(ctx, d)
            ctx.drafts[whole].verb = None


def _parts_after(ctx: SentenceContext, cue: Token, scope: set[int]) -> None:
    """Amounts in ``scope`` (the cue's phrase or clause, up to a semicolon) are parts of the
    amount before the cue."""
    before = [
        i
        for i, x in ctx.primary()
        if x.start < cue.idx
        and x.kind not in ("percent", "age")
        and x.part_of is None
        and x.span.root.i not in scope
    ]
    if not before:
        return
    whole_i = _whole(ctx, before, cue)
    whole = ctx.drafts[whole_i]
    end = next((t.idx for t in ctx.doc[cue.i :] if t.text == ";"), len(ctx.text))
    scope = scope | _gapped_list(ctx, scope, end)
    for i, part in ctx.primary():
        if part.span.root.i not in scope or part.slot.i not in scope and part.kind != "count":
            continue
        if not part.start < end or part.part_of is not None or i == whole_i:
            continue
        opener = tree.bracket_opener(part.span)
        if opener is not None and opener.idx > whole.end:
            continue  # "three offices (each in charge of 400 households)": the office's
        if part.kind == "percent" and whole.kind != "percent" and part.change_of is None:
            # "revenue of $6 billion, of which 30 percent came from ...": a share of it
            part.part_of, part.owner = whole_i, whole.owner
            part.measure = f"share of {whole.measure or 'the amount'}"
            part.qualifier = qualifier(ctx, part)
            continue
        if part.kind in ("percent", "age"):
            continue
        if part.kind == "count" and whole.kind in ("count", "number"):
            part.part_of, part.owner = whole_i, whole.owner  # "a staff of 6,200, including"
        elif part.kind == "number" and (whole.kind in ("count", "number") or whole.unit):
            # "240 million euros, of which 30 million came from a grant": in euros too
            part.part_of = whole_i
            part.kind, part.unit, part.measure = whole.kind, whole.unit, whole.measure
            part.owner = whole.owner
            part.qualifier = qualifier(ctx, part)
        elif part.kind == whole.kind and part.unit == whole.unit:
            part.part_of, part.owner, part.measure = whole_i, whole.owner, whole.measure
            part.qualifier = part.qualifier or qualifier(ctx, part)


def _gapped_list(ctx: SentenceContext, scope: set[int], end: int) -> set[int]:
    """The tokens of amounts that continue a list of parts with its verb left out ("30
    percent came from phones, 19 percent from laptops and 26 percent from players")."""
    inside = [d for _, d in ctx.primary() if d.span.root.i in scope]
    if not inside:
        return set()
    last = max(scope) + 1
    more: set[int] = set()
    for _, d in ctx.primary():
        if d.span.start < last or d.start >= end or d.kind != inside[0].kind:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[last : d.span.start]):
            break  # a verb of its own: a clause, not a gapped part
        more |= {t.i for t in d.span} | {d.slot.i}
        last = d.span.end
    return more


def _whole(ctx: SentenceContext, before: list[int], cue: Token) -> int:
    """The whole a list of parts belongs to: the amount the cue's phrase hangs from, else
    the last amount before the cue that is not itself in a prepositional phrase of another
    amount ("900 people in 6 countries, including ...")."""
    slots = {i: ctx.drafts[i].slot for i in before}
    outer = [
        i
        for i in before
        if not any(j != i and tree.within_phrase(slots[i], slots[j]) for j in before)
    ] or before
    # "a staff of 6,200, including 1,900 academic staff": the cue hangs from the noun the
    # amount is "of", however deep in the sentence that noun is
    of = [i for i in before if _amount_of(slots[i]) == cue.head]
    return next((i for i in outer if slots[i] == cue.head), of[-1] if of else outer[-1])


def _amount_of(slot: Token) -> Token | None:
    """The noun an amount is given "of" ("a staff of 6,200": staff)."""
    prep = slot.head
    return prep.head if slot.dep_ == "pobj" and prep.lower_ == "of" else None


def qualifier(ctx: SentenceContext, part: Draft) -> str | None:
    """What sets a part apart: the first prepositional phrase of the part or of its own
    verb after it ("from the state", "in Spain", "for schools")."""
    heads = [part.slot]
    if part.slot.dep_ in tree.SUBJECTS or part.slot.dep_ == "conj":
        heads.append(part.slot.head)
    for head in heads:
        for prep in tree.children(head, "prep"):
            if prep.i >= part.span.end and prep.lower_ in _QUALIFYING_PREPS:
                return tree.phrase(prep, ctx.amount_tokens)
    doc = part.span.doc
    nxt = doc[part.span.end] if part.span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _QUALIFYING_PREPS and nxt.dep_ == "prep":
        return tree.phrase(nxt, ctx.amount_tokens)  # a gapped clause: "12 million from a fund"
    verb = part.slot.head
    if part.slot.dep_ == "dobj" and tree.is_verb(verb):
        # "of which the state paid 2.6 billion": who its own verb says it is of
        subject = next(tree.children(verb, *tree.SUBJECTS), None)
        if subject is not None and subject.lower_ not in ("which", "whom", "that"):
            return f"{verb.text} by {tree.phrase(subject, ctx.amount_tokens)}"
    if part.slot.dep_ in tree.SUBJECTS and tree.is_verb(part.slot.head):
        # "22 of which employ more than 100 people": what its own verb says of it
        verb = part.slot.head
        own = {t.i for t in part.slot.subtree}
        words = [t for t in verb.subtree if t.i not in own and t.i >= verb.i and not t.is_punct]
        # as a relative clause, the way the text introduced it ("of whom": who)
        who = "who" if any(t.lower_ == "whom" for t in part.slot.subtree) else "that"
        return f"{who} {tree.label(words)}" if words else None
    return None


def _of_the_whole(ctx: SentenceContext) -> None:
    """ "Of the scheme's 90 million euro cost, 50 million euros came from ...": the amount
    in a leading "of" phrase is the whole of the amounts of its unit after it."""
    first = ctx.doc[0] if len(ctx.doc) else None
    if first is None or first.lower_ != "of":
        return
    whole_i = next(
        (i for i, x in ctx.primary() if x.slot in first.subtree or x.root in first.subtree), None
    )
    if whole_i is None:
        return
    whole = ctx.drafts[whole_i]
    for i, part in ctx.primary():
        if i == whole_i or part.start < whole.end or part.unit != whole.unit:
            continue
        if part.part_of is None:
            part.part_of, part.measure, part.owner = whole_i, whole.measure, whole.owner
            part.qualifier = qualifier(ctx, part)


def _with_parts(ctx: SentenceContext) -> None:
    """ "..., with the county contributing 20 million pounds and the club paying the
    rest": each amount of a "with" clause is a part of the amount before the clause, given
    by the clause's subject; a percentage is a share of it."""
    for _, d in ctx.primary():
        if d.part_of is not None or d.kind in ("date", "age"):
            continue
        verb = d.slot.head if d.slot.dep_ == "dobj" else None
        if verb is None or verb.tag_ != "VBG":
            continue
        top = verb
        while top.dep_ == "conj":
            top = top.head
        if top.dep_ != "pcomp" or top.head.lower_ != "with":
            continue
        giver = next(tree.children(verb, *tree.SUBJECTS), None)
        if giver is None and verb.dep_ == "conj":
            giver = next(
                (t for t in verb.head.conjuncts if t.dep_ == "conj" and t.i < verb.i), None
            )
        wholes = [
            j
            for j, x in ctx.primary()
            if x.end <= top.head.idx
            and x.kind not in ("percent", "age")
            and (x.unit == d.unit or d.kind == "percent")
        ]
        if not wholes:
            continue
        whole = ctx.drafts[wholes[-1]]
        d.part_of = wholes[-1]
        d.qualifier = ctx.refer(giver) if giver is not None else None
        d.owner = whole.owner
        d.notes.add("owner fixed")
        if d.kind == "percent":
            d.measure = f"share of {whole.measure or 'the amount'}"
        else:
            d.measure = whole.measure
