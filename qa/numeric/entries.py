"""The keys each fact is matched on, built once: an :class:`Entry` per fact.

What a fact is (its measure, unit and qualifier: its *focus*), whose it is (its owner), the
words of its sentence (with the names of the sentence before, when it says "it" or "he"),
of its number's phrase, and of its article's headline and lead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..analysis import stem
from ..facts import Fact, modifies_noun
from ..lexicon.question_times import MONTHS
from ..lexicon.referents import FACILITIES, STAND_INS
from ..types import Sentence
from .context import clause_head, clause_times, is_future, number_context, span_root
from .terms import NONE, doers, keys, keyset, words

# Nouns that stand in for a name said earlier ("the city" for the city the headline names).
STAND_IN_KEYS = frozenset(stem(w) for w in STAND_INS)
# Things an article may call by a common noun after its headline names them.
FACILITY_KEYS = frozenset(stem(w) for w in FACILITIES)
MONEY_KEYS = keys("value") | keys("worth") | keys("money")

# "the 38-year-old ferry", "40 years old": an age, not "old" against "new"
_AGED = re.compile(r"\b(years?)[\s-]+old\b", re.IGNORECASE)
# A sentence that speaks of "it", "they" or "he" is about names the sentence before gives
# ("... built the Barrage de Lasclaux. It is a concrete arch dam 74 metres high").
_PRONOUN = re.compile(r"\b(?:it|its|they|their|he|his|she|her)\b", re.IGNORECASE)
_INNER_NAME = re.compile(r"(?<=\s)[A-Z][\w'-]+")
_NUMBER_OF = re.compile(r"(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(.+)", re.IGNORECASE)
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b")
_NAMED = re.compile(
    r"\b(?:a|an|the)\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:named|called|known\s+as)\s+"
    r"(?P<name>[A-Z][\w-]*)"
)


@dataclass(frozen=True)
class Entry:
    """A fact with the keys it is matched on, built once."""

    fact: Fact
    own: frozenset[str]  # measure, unit, qualifier, owner
    focus: frozenset[str]  # measure, unit, qualifier (what it is, not whose)
    ctx: frozenset[str]  # its sentence
    lead: frozenset[str]  # the article's title and first sentence
    verb: frozenset[str] = frozenset()  # for a date: the verbs of its event
    owner_keys: frozenset[str] = frozenset()  # its owner's own words
    owner_all: frozenset[str] = frozenset()  # its owner's words and their synonyms
    stand_in_owner: bool = False  # its owner is "the building", "the project", "the line"
    near: frozenset[str] = frozenset()  # the words that go with its number (its phrase)
    future: bool = False  # its clause speaks of what will be ("will add", "is due to")
    timeless: bool = False  # what a thing costs, said before it ("the £9m centre will open")
    clause_time: str | None = None  # the time its clause names, when it has none of its own
    doers: frozenset[str] = frozenset()  # who its count of people is: "work" for staff
    event: str | None = None  # for a year: the name it is part of ("the 2008 World Cup")


def build_entries(
    facts: Sequence[Fact],
    sentences: dict[str, Sentence],
    lead: dict[str, frozenset[str]],
    aliases: dict[str, dict[str, frozenset[str]]],
) -> list[Entry]:
    ctx_cache: dict[str, frozenset[str]] = {}
    out = []
    for f in facts:
        if f.sentence not in ctx_cache:
            sentence = sentences.get(f.sentence)
            text = _AGED.sub(r"\1", sentence.text) if sentence else ""
            extra = aliases.get(f.article, {})
            ctx_cache[f.sentence] = keyset(text).union(
                *(extra[w] for w in set(words(text)) if w in extra)
            )
            before = _sentence_before(sentences, sentence)
            if before is not None and _PRONOUN.search(text):
                names = " ".join(_INNER_NAME.findall(before.text))
                ctx_cache[f.sentence] |= keyset(names)
        focus = keyset(" ".join(x for x in (f.measure, f.unit, f.qualifier) if x))
        if f.owner and (counted := _NUMBER_OF.match(f.owner)):
            focus |= keyset(counted.group(1))  # "the number of patients ... reached 84,300"
        if f.kind == "money":  # any amount of money is a value, a worth
            focus |= MONEY_KEYS
        owner = keyset(f.owner)
        out.append(
            Entry(
                f,
                focus | owner,
                focus,
                ctx_cache[f.sentence],
                lead.get(f.article, NONE),
                _event_verbs(f),
                frozenset(k for k in owner if not k.startswith("#")),
                owner,
                _stand_in(f.owner),
                doers=doers(
                    words(" ".join(x for x in (f.verb, f.measure, f.qualifier, f.unit) if x))
                ),
            )
        )
    return out


def with_phrases(
    entries: Sequence[Entry], sentences: Mapping[str, Sentence], docs: Mapping[str, Doc]
) -> list[Entry]:
    """The entries with the words of their number's phrase (:mod:`qa.numeric.context`)."""
    by_sentence: dict[str, list[Entry]] = {}
    for e in entries:
        by_sentence.setdefault(e.fact.sentence, []).append(e)
    read: dict[str, Entry] = {}
    for sid, group in by_sentence.items():
        doc, s = docs.get(sid), sentences.get(sid)
        if doc is None or s is None:
            continue
        figures = [e for e in group if e.fact.kind != "date"]
        roots = {
            e.fact.id: span_root(doc, e.fact.start - s.start, e.fact.end - s.start)
            for e in group
            if e.fact.kind == "date"
        }
        dates = {r.i: e.fact.time for e in group if (r := roots.get(e.fact.id)) is not None}
        for e in figures:
            read[e.fact.id] = _read_figure(e, doc, s, [g for g in figures if g is not e], dates)
        for e in group:
            if e.fact.id in roots:  # "is due to open in 2026": an event still to come
                verb = clause_head(doc, e.fact.start - s.start, e.fact.end - s.start)
                future = verb is not None and is_future(verb)
                read[e.fact.id] = replace(e, future=future, event=event_named(roots[e.fact.id]))
    return [read.get(e.fact.id, e) for e in entries]


def event_named(year: Token | None) -> str | None:
    """The name a year is part of: "the 2008 World Music Awards", "E3 2005"; not "May 2019"
    nor "the 2019 season" (a common noun the year only dates)."""
    if year is None or not year.like_num or year.dep_ != "nummod":
        return None
    chunk = next((c for c in year.doc.noun_chunks if c.start <= year.i < c.end), None)
    if chunk is None or chunk.root.pos_ != "PROPN" or chunk.root.lower_ in MONTHS:
        return None
    return chunk.text


def _read_figure(
    e: Entry, doc: Doc, s: Sentence, others: Sequence[Entry], dates: Mapping[int, str | None]
) -> Entry:
    """A figure's entry with its number's phrase, and what its clause says of its time."""
    f = e.fact
    at = (f.start - s.start, f.end - s.start)
    spans = [(g.fact.start - s.start, g.fact.end - s.start) for g in others]
    tokens = number_context(doc, *at, spans)
    verb = clause_head(doc, *at)
    mine = [doc[i] for i in dates if i in {t.i for t in tokens}]
    times = [dates[t.i] for t in clause_times(verb, mine)] if verb else []
    if verb is not None and verb.dep_ == "relcl" and verb.head.i in dates:
        times.append(dates[verb.head.i])  # "in 1998, when 310 people died": the date's clause
    # The clause says when only what the fact itself leaves unsaid; that it is still to
    # come ("will spend"), unless the fact is dated in a way that says otherwise (a time
    # read from the day it was said, "announced on Tuesday", does not).
    unsaid = f.time is None and f.time_kind is None
    open_time = f.time_kind in (None, "resolved-relative")
    # A sum said before a thing is what the thing costs whenever its clause is set: "the
    # £9m centre will open" does not make the cost a plan, nor "voted for the £9m scheme"
    # a cost that was.
    root = span_root(doc, *at)
    timeless = (
        f.measure == "cost"
        and (unsaid or f.time_kind == "resolved-relative")  # "voted on Monday for the £9m ..."
        and root is not None
        and _describes_a_thing(root)
    )
    return replace(
        e,
        near=keyset(" ".join(t.text for t in tokens)),
        future=open_time and verb is not None and is_future(verb) and not timeless,
        timeless=timeless,
        clause_time=next((t for t in times if t), None) if unsaid else None,
    )


def _describes_a_thing(root: Token) -> bool:
    """Whether a sum is said of a thing rather than by its clause: before it ("the £9m
    centre") or in a participle that describes it ("a terminal, costing £18 million, will
    replace ...")."""
    if modifies_noun(root) or (root.dep_ == "nummod" and root.head.pos_ == "NOUN"):
        return True  # the parser may hang the number past its currency on the thing
    verb = root.head
    return (
        root.dep_ == "dobj"
        and verb.tag_ == "VBG"
        and verb.dep_ in ("acl", "advcl")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _event_verbs(f: Fact) -> frozenset[str]:
    """Keys of the verbs in a date fact's event ("established", "moved to the city")."""
    if f.kind != "date" or not f.measure:
        return NONE
    ws = words(f.measure)
    verbs = [w for i, w in enumerate(ws) if i == 0 or w.endswith(("ed", "ing"))]
    out: set[str] = set()
    for w in verbs:
        out |= keys(w)
    return frozenset(out)


def name_aliases(sentences: Sequence[Sentence]) -> dict[str, dict[str, frozenset[str]]]:
    """Per article, words that stand for more than themselves: a surname for the full name
    said once, a name for what it names ("a tug named X" makes X a tug)."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for s in sentences:
        table = out.setdefault(s.article, {})
        for m in _FULL_NAME.finditer(s.text):
            table[m.group(2).lower()] = table.get(m.group(2).lower(), NONE) | keyset(m.group(1))
        for m in _NAMED.finditer(s.text):
            name = m.group("name").lower()
            table[name] = table.get(name, NONE) | keyset(m.group("noun"))
    return out


def _sentence_before(sentences: Mapping[str, Sentence], s: Sentence | None) -> Sentence | None:
    """The sentence before ``s`` in its paragraph."""
    if s is None or s.index == 0:
        return None
    before = sentences.get(f"{s.article}:s{s.index - 1}")
    return before if before is not None and before.paragraph == s.paragraph else None


def _stand_in(owner: str | None) -> bool:
    """ "the four-storey building", "the project": an owner that stands in for a name."""
    if not owner or not re.match(r"(?:the|this|its)\s", owner, re.IGNORECASE):
        return False
    ws = words(owner)
    return bool(ws) and stem(ws[-1]) in FACILITY_KEYS and "of" not in ws
