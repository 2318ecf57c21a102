"""How well one fact matches a question's terms, or that it cannot be what is asked.

Each term is looked for in the fact's own words (measure, unit, qualifier, owner), in the
words beside its number, in its sentence and in its article's headline and lead, a
synonym counting less than the word itself. A fact is rejected when the question names
something its sentence does not (a name, or two other words), or when what the question
is about is only in the headline while the sentence speaks of something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..analysis import stem
from ..lexicon.measure_nouns import MONEY_NOUNS
from .entries import STAND_IN_KEYS, Entry
from .index import FactIndex
from .terms import NONE, Term, split_keys, strength


def score(index: FactIndex, ix: Entry, terms: Sequence[Term]) -> tuple[float, int] | None:
    """The weighted share of ``terms`` the fact of ``ix`` matches and how many of them say
    what it is (its focus); None when it cannot be the figure asked for."""
    f = ix.fact
    if f.measure == "delay" and not any(stem(t.word) in _LATE_STEMS for t in terms):
        return None  # "two years behind schedule" is not how long the line is
    stand_in = bool(ix.owner_keys & STAND_IN_KEYS) and len(ix.owner_keys) == 1
    # "the building" of an article whose first subject is "a new clinic at ...": the
    # question's headline words must be that subject's own.
    topical = ix.stand_in_owner and all(
        strength(t.keys, index.topic_head.get(f.article, NONE))
        for t in terms
        if t.known and not t.proper and not strength(t.keys, ix.focus | ix.own | ix.ctx)
    )
    things = index.things.get(f.sentence, NONE)
    topic = index.topic.get(f.article, NONE)
    first, called = index.called.get(f.article, (NONE, NONE)) if ix.owner_keys else (NONE, NONE)
    topic_head = index.topic_head.get(f.article, NONE)
    introduced = index.introduced.get(f.article, NONE)
    headline = index.headline.get(f.sentence, NONE)
    got = 0.0
    focus = entity = local = missing = 0
    common_from_lead = owner_hit = other_thing = False
    found = _names_found(ix, terms, stand_in, topic)
    for t in terms:
        s_focus = strength(t.keys, ix.focus)
        s_ctx = strength(t.keys, ix.ctx)
        s_near = strength(t.keys, ix.near)
        if not s_focus and s_near and t.measure and _can_measure(t, f.kind):
            s_focus = 0.9 * s_near  # what the figure is, said beside its number
        if ix.owner_keys and strength(t.keys, ix.owner_all):
            owner_hit = True
        elif not s_focus and not t.proper and t.known and s_ctx and stem(t.word) in things:
            other_thing = True  # "the tug" of a sentence about "the ship"
        s_local = _local(t, ix, stand_in, topic)
        if not s_local and stem(t.word) in called and ix.owner_keys <= first:
            s_local = 0.9  # "the company" of the story's first name, "Norrvik Foods"
        if t.proper and not s_local and t.group is not None:
            s_local = found.get(t.group, 0.0)  # "Dunmore" says "Dunmore City"
        if not s_local and not t.proper:
            s_local = 0.8 * strength(t.keys, headline)  # "on strike" of "Port workers strike"
        if t.proper and not s_local and ix.owner_keys and ix.owner_keys <= topic_head:
            s_local = 0.9 * strength(t.keys, introduced)  # "a former mayor" is "Per Solvang"
        # A name may come from the headline alone, unless the question puts the figure
        # in it ("in Spain"): then the figure's own sentence must say it.
        s = s_local if t.place else max(s_local, 0.5 * strength(t.keys, ix.lead))
        if s_focus:
            focus += 1
        elif t.known:
            entity += 1
            local += s_local > 0
            # A name from the headline may own a figure its sentence gives to no one else
            # ("Operating profit climbed to ..."), or to "the company".
            common_from_lead |= (
                s_local == 0
                and s > 0
                and (
                    not t.proper or (bool(ix.owner_keys) and not (ix.own | ix.ctx) & STAND_IN_KEYS)
                )
            )
        if s == 0 and (t.known or t.narrows):
            # A name the fact's sentence lacks is about something else; one missing
            # common word ("reach") may be the question's own wording, two are not, nor
            # two words of a phrase that narrows the figure to what no article mentions.
            missing += 1
            if t.proper or missing >= 2:
                return None
        got += t.weight * s
    # What the question is about must be in the fact's own sentence; only a name may come
    # from the headline alone: "the mill" is not "the company". A sentence about "the
    # building" or "the project" is about the headline's subject.
    if entity and not local and common_from_lead and not topical:
        return None
    if other_thing and not owner_hit and ix.owner_keys and not stand_in:
        return None  # the question is about another thing the sentence names
    return got, focus


def _local(t: Term, ix: Entry, stand_in: bool, topic: frozenset[str]) -> float:
    """How well the fact's own words, its number's phrase or its sentence hold ``t``."""
    s_own = strength(t.keys, ix.own)
    s_near = strength(t.keys, ix.near)
    if s_own:
        # The word itself beside the number says more than a synonym in the fact's words.
        return max(s_own, 0.9 * s_near)
    s_ctx = strength(t.keys, ix.ctx)
    # A name in the sentence of a fact owned by "the company" is the company's.
    s = max(0.9 * s_near, s_ctx if t.proper and stand_in else 0.6 * s_ctx)
    if not s and strength(t.keys, topic):
        return 0.8  # a word of the entry's name ("owl" of "Marsh owl"): every fact is its
    return s


def _names_found(
    ix: Entry, terms: Sequence[Term], stand_in: bool, topic: frozenset[str]
) -> dict[int, float]:
    """For each name of several words the question gives, how well the fact's sentence
    says it by any one of them ("Dunmore" for "Dunmore City", "Holt" for "Maren Holt")."""
    named = [(t.group, t, split_keys(t.keys)[0]) for t in terms if t.proper and t.group is not None]
    names: dict[int, set[str]] = {}
    for group, _, own in named:
        names.setdefault(group, set()).update(own)
    # A name sharing a word with the fact's owner or its entry's name, but not the same, is
    # said by none of its words.
    other = {
        g for g, ws in names.items() if _other_name(ws, ix.owner_keys) or _other_name(ws, topic)
    }
    out: dict[int, float] = {}
    for group, t, own in named:
        said = 0.0 if group in other else _local(replace(t, keys=own), ix, stand_in, topic)
        out[group] = max(out.get(group, 0.0), said)  # by the word, not a synonym
    return out


def _other_name(name: set[str], owner: frozenset[str]) -> bool:
    """Whether the fact's owner (or its entry's name) is another name that shares a word
    with the question's: "the River Idlemere" is not "the River Sallow", each having a word
    the other lacks."""
    return bool(name & owner) and bool(name - owner) and bool(owner - name)


_MONEY_STEMS = frozenset(stem(w) for w in MONEY_NOUNS)
# The words a question asks how late something was with.
_LATE_STEMS = frozenset(stem(w) for w in "late later delay delayed behind schedule overdue".split())
_MONEY_KINDS = frozenset({"money", "number", "percent", "multiple"})


def _can_measure(t: Term, kind: str) -> bool:
    """Whether a figure of ``kind`` can be the measure the question's noun ``t`` names: a
    length beside "the capital" is not one."""
    return kind in _MONEY_KINDS or stem(t.word) not in _MONEY_STEMS
