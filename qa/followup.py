"""Resolve a follow-up question against the conversation so far.

"When did the company move there?" after "Who runs Uren Biotech?" means "When did Uren
Biotech move there?". The most recent earlier turn that names something supplies it:
pronouns and definite descriptions ("it", "the company") are replaced by that name, and
"What about 2020?" re-asks the earlier question with the new part swapped in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Token

from .analysis import STOP_WORDS
from .numbers import YEAR
from .reading.names import kind_of, names
from .types import Turn

_PERSONAL = re.compile(r"\b(he|him|his|she|her|hers)\b", re.I)
_HER = re.compile(r"\bher\b", re.I)
_NEUTER = re.compile(r"\b(it|its|they|them|their)\b", re.I)
_DEFINITE = re.compile(
    r"\b(?:the|this|that)\s+(company|firm|business|organi[sz]ation|group|team|city|district|"
    r"valley|park|hospital|university|project|enterprise|institute|startup|agency|town|"
    r"country|province|region|area|place|man|woman|person|scientist|official|chairman|"
    r"founder|ceo|president|leader)\b",
    re.I,
)
_GENERIC_ORGS = {
    "company",
    "firm",
    "business",
    "organisation",
    "organization",
    "group",
    "startup",
    "enterprise",
    "institute",
    "agency",
    "team",
}
_PERSON_DESCRIPTIONS = {
    "man",
    "woman",
    "person",
    "scientist",
    "official",
    "chairman",
    "founder",
    "ceo",
    "president",
    "leader",
}
_ELLIPSIS = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*\??\s*$", re.I)
_LEADING_AND = re.compile(r"^\s*(?:and|also|so|ok|okay|then)\b[,\s]*", re.I)
_QUESTION_START = re.compile(
    r"^\s*(?:who|whom|whose|what|what's|which|when|where|why|how|is|are|was|were|do|does|"
    r"did|can|could|will|would|has|have|had|should|tell|name|list|give)\b",
    re.I,
)
_PREPOSITION_START = re.compile(r"^\s*(?:in|into|for|at|by|per|during|from|on|as|to)\b", re.I)
_YEAR = re.compile(rf"\b{YEAR}\b")
_YEAR_BEFORE = re.compile(
    r"\b(?:the\s+(?:year|one)\s+before|the\s+previous\s+year|a\s+year\s+(?:earlier|before)|"
    r"the\s+prior\s+year)\b",
    re.I,
)
_REFERENT = re.compile(r"\b(it|that|this)\b", re.I)
# "that"/"this" standing for a thing, not introducing a noun ("that company") or a clause.
_DEMONSTRATIVE = re.compile(
    r"\b(?:that|this)\b(?=\s*(?:\?|$|in\b|into\b|for\b|per\b|be\b|is\b|was\b|"
    r"compare|mean|equal|worth|come|grow|rise|increase|amount|represent))",
    re.I,
)
_TOPIC = re.compile(
    r"^\s*(?:what|which|how\s+much|how\s+many)\s+(?:is|was|are|were)\s+(?P<topic>.+?)\s*\??\s*$",
    re.I,
)


@dataclass(frozen=True)
class _Name:
    text: str
    kind: str  # "person", "org", "place", ... as the entity recogniser labels it
    start: int
    end: int


# A conversation's turns are read again at each follow-up (and a question is resolved twice:
# once to check its length, once to answer it), so each text's names are kept.
@functools.lru_cache(maxsize=4096)
def _names_in(nlp: Language, text: str) -> tuple[_Name, ...]:
    """The names in ``text``: its named entities, and runs of proper nouns the recogniser
    missed (a short question gives it little to go on), of no known kind."""
    doc = nlp(text)
    found = [_Name(e.text, kind_of(e) or "", e.start_char, e.end_char) for e in names(doc)]
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in taken:
            run.append(token)
            continue
        if run:
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            found.append(_Name(doc.text[start:end], "", start, end))
            run = []
    return tuple(sorted(found, key=lambda n: n.start))


def _pick(history: Sequence[Turn], nlp: Language, person: bool) -> _Name | None:
    """The name most recently said (in a question, else in its answer) that ``he``/``she``
    (``person``) or ``it``/``the company`` can stand for. A person is never "it", so a
    thing falls back to any name: the recogniser's label is least sure on unfamiliar
    organisations, which it may take for people."""
    for turn in reversed(history):
        said = [*_names_in(nlp, turn.question), *_names_in(nlp, turn.answer)]
        fitting = [n for n in said if (n.kind == "person") == person] or ([] if person else said)
        if fitting:
            return fitting[0]
    return None


def _swap(previous: str, rest: str, nlp: Language) -> str:
    """Ask ``previous`` again about ``rest`` ("And Xiamen?", "What about 2020?", "in dollars?")."""
    base = previous.rstrip(" ?")
    years = _YEAR.findall(rest)
    if years and _YEAR.search(previous):
        return _YEAR.sub(years[0], previous, count=1)
    named = _names_in(nlp, previous)
    lead = _PREPOSITION_START.match(rest)
    if lead:
        when = _time_phrase(nlp, previous)
        if when is not None and _is_time(nlp, rest):
            # "And by 2030?" after "... in its first year?": the new time replaces the old
            return previous[: when[0]] + rest + previous[when[1] :]
        place = rest[lead.end() :].strip()
        # "And in Chile?" after "... in Norway?": Chile takes Norway's place.
        said = re.search(rf"\b{lead.group().strip()}\s+", previous, re.I)
        after = [n for n in named if said and n.start == said.end()]
        if place[:1].isupper() and after:
            return previous[: after[0].start] + place + previous[after[0].end :]
        return f"{base} {rest}?"
    if rest[:1].isupper() and named:
        last = named[-1]
        return previous[: last.start] + rest + previous[last.end :]
    words = rest.split()
    head = words[-1].lower() if words else ""
    m = re.search(rf"(?:\b[\w'-]+\s+)?\b{re.escape(head)}\b", previous, re.I) if head else None
    if m:
        phrase = re.sub(r"^(?:the|a|an)\s+", "", rest, flags=re.I)
        modifier = m.group().split()[0].lower()
        start = (
            m.start()
            if len(m.group().split()) > 1 and modifier not in STOP_WORDS
            else m.end() - len(head)
        )
        return previous[:start] + phrase + previous[m.end() :]
    return f"{base} - {rest}?"


# Kept for the same reason as the names: a question is resolved twice.
@functools.lru_cache(maxsize=4096)
def _time_phrase(nlp: Language, text: str) -> tuple[int, int] | None:
    """Where the phrase stands that says when ``text`` asks about: a preposition whose
    object is a date ("in its first year", "in 2019", "by March")."""
    for t in nlp(text):
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if t.dep_ == "prep" and obj is not None and obj.ent_type_ == "DATE":
            start, end = t.idx, obj.right_edge.idx + len(obj.right_edge.text)
            return start, end
    return None


@functools.lru_cache(maxsize=4096)
def _is_time(nlp: Language, phrase: str) -> bool:
    """Whether a preposition's phrase says a time ("by 2030", "in the first month")."""
    doc = nlp(phrase)
    return any(t.ent_type_ == "DATE" for t in doc[1:])


@functools.lru_cache(maxsize=4096)
def _possessive_her(nlp: Language, text: str) -> frozenset[int]:
    """Where "her" is hers, before a noun ("What was her time?"), not her ("Who beat her?"):
    by the parse's tag."""
    return frozenset(t.idx for t in nlp(text) if t.lower_ == "her" and t.tag_ == "PRP$")


def resolve(question: str, history: Sequence[Turn], nlp: Language) -> str:
    """``question`` with references to earlier turns spelled out (unchanged without history)."""
    if not history:
        return question
    last = history[-1]
    m = _ELLIPSIS.match(question)
    if m:
        return _swap(last.question, m.group("rest"), nlp)
    stripped = _LEADING_AND.sub("", question, count=1)
    if stripped != question and not _QUESTION_START.match(stripped):
        return _swap(last.question, stripped.rstrip(" ?"), nlp)  # "And the tax revenue?"
    if not _QUESTION_START.match(stripped) and len(stripped.split()) <= 6:
        return _swap(last.question, stripped.rstrip(" ?"), nlp)  # "in US dollars?"
    question = stripped
    if _REFERENT.search(question) and _YEAR_BEFORE.search(question):
        years = _YEAR.findall(last.question)
        if years:  # "What was it the year before?"
            return _YEAR.sub(str(int(years[0]) - 1), last.question, count=1)
    resolved = question
    picked = _pick(history, nlp, person=False)
    thing = picked.text if picked else None
    person = _pick(history, nlp, person=True)
    someone = person.text if person else None

    def definite(m: re.Match[str]) -> str:
        noun = m.group(1).lower()
        if re.match(r"\s+(?:of|in|at|for|from)\b", resolved[m.end() :]):
            return m.group(0)  # "the president of France" names someone new
        if noun in _PERSON_DESCRIPTIONS:
            return someone or m.group(0)
        if thing is None:
            return m.group(0)
        words = [w.lower() for w in thing.split()]
        if noun in _GENERIC_ORGS and picked is not None and picked.kind != "place":
            return thing
        # "the valley" is "China Gene Medicine Valley", not any organisation named before.
        return thing if words and words[-1] == noun else m.group(0)

    resolved = _DEFINITE.sub(definite, resolved)
    if someone:
        owning = _possessive_her(nlp, resolved) if _HER.search(resolved) else frozenset()
        resolved = _PERSONAL.sub(
            lambda m: (
                f"{someone}'s"
                if m.group(1).lower() in ("his", "hers") or m.start() in owning
                else someone
            ),
            resolved,
        )
    if thing:
        resolved = _NEUTER.sub(
            lambda m: f"{thing}'s" if m.group(1).lower() in ("its", "their") else thing,
            resolved,
        )
    if _DEMONSTRATIVE.search(resolved) and (topic := _TOPIC.match(last.question)):
        # "How much is that in dollars?" after "What is the city's target for 2025?"
        resolved = _DEMONSTRATIVE.sub(topic.group("topic"), resolved, count=1)
    elif not thing and len(resolved.split()) <= 8 and (topic := _TOPIC.match(last.question)):
        resolved = _REFERENT.sub(topic.group("topic"), resolved, count=1)
    return resolved
