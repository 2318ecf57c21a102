"""Resolve a follow-up question against the conversation so far.

"When did the company move there?" after "Who runs Uren Biotech?" means "When did Uren
Biotech move there?". The most recent earlier turn that names something supplies it:
pronouns and definite descriptions ("it", "the company") are replaced by that name, and
"What about 2020?" re-asks the earlier question with the new part swapped in.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .spans import ORG_WORDS, PLACE_WORDS, Span, _names, candidates
from .types import Turn

_PERSONAL = re.compile(r"\b(he|him|his|she|her|hers)\b", re.I)
_NEUTER = re.compile(r"\b(it|its|they|them|their)\b", re.I)
_DEFINITE = re.compile(
    r"\b(?:the|this|that)\s+(company|firm|business|organi[sz]ation|group|team|city|district|"
    r"valley|park|hospital|university|project|enterprise|institute|startup|agency|town|"
    r"country|province|region|area|place|man|woman|person|scientist|official|chairman|"
    r"founder|ceo|president|leader)\b",
    re.I,
)
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
_AND = re.compile(r"^\s*and\s+(?P<rest>.+?)\s*\??\s*$", re.I)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")


def _is_person(span: Span) -> bool:
    words = span.text.split()
    return (
        span.kind == "name"
        and 2 <= len(words) <= 4
        and not any(w.lower() in ORG_WORDS | PLACE_WORDS for w in words)
    )


def _entities(turn: Turn, proper: Collection[str]) -> list[Span]:
    spans = [s for s in candidates(turn.question, proper) if s.kind != "date"]
    spans += [s for s in _names(turn.answer, proper)]
    return spans


def _pick(history: Sequence[Turn], proper: Collection[str], person: bool) -> str | None:
    for turn in reversed(history):
        spans = _entities(turn, proper)
        fitting = [s for s in spans if _is_person(s) == person]
        if fitting:
            return fitting[0].text
    return None


def resolve(question: str, history: Sequence[Turn], proper: Collection[str]) -> str:
    """``question`` with references to earlier turns spelled out (unchanged without history)."""
    if not history:
        return question
    last = history[-1]
    m = _ELLIPSIS.match(question) or _AND.match(question)
    if m:
        rest = m.group("rest")
        years = _YEAR.findall(rest)
        if years and _YEAR.search(last.question):
            return _YEAR.sub(years[0], last.question, count=1)
        return f"{last.question.rstrip(' ?')} - {rest}?"
    resolved = question
    thing = _pick(history, proper, person=False)
    someone = _pick(history, proper, person=True)

    def definite(m: re.Match[str]) -> str:
        noun = m.group(1).lower()
        name = someone if noun in _PERSON_DESCRIPTIONS else thing
        return name or m.group(0)

    resolved = _DEFINITE.sub(definite, resolved)
    if someone:
        resolved = _PERSONAL.sub(
            lambda m: f"{someone}'s" if m.group(1).lower() in ("his", "hers") else someone,
            resolved,
        )
    if thing:
        resolved = _NEUTER.sub(
            lambda m: f"{thing}'s" if m.group(1).lower() in ("its", "their") else thing,
            resolved,
        )
    return resolved
