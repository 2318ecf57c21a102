"""Resolve a follow-up question against the conversation so far.

"When did the company move there?" after "Who runs Uren Biotech?" means "When did Uren
Biotech move there?". The most recent earlier turn that names something supplies it:
pronouns and definite descriptions ("it", "the company") are replaced by that name, and
"What about 2020?" re-asks the earlier question with the new part swapped in.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .analysis import STOP_WORDS
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
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
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


def _swap(previous: str, rest: str, proper: Collection[str]) -> str:
    """Ask ``previous`` again about ``rest`` ("And Xiamen?", "What about 2020?", "in dollars?")."""
    base = previous.rstrip(" ?")
    years = _YEAR.findall(rest)
    if years and _YEAR.search(previous):
        return _YEAR.sub(years[0], previous, count=1)
    names = [n for n in candidates(previous, proper) if n.kind != "date"]
    lead = _PREPOSITION_START.match(rest)
    if lead:
        place = rest[lead.end() :].strip()
        # "And in Chile?" after "... in Norway?": Chile takes Norway's place.
        said = re.search(rf"\b{lead.group().strip()}\s+", previous, re.I)
        after = [n for n in names if said and n.start == said.end()]
        if place[:1].isupper() and after:
            return previous[: after[0].start] + place + previous[after[0].end :]
        return f"{base} {rest}?"
    if rest[:1].isupper() and names:
        last = names[-1]
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


def resolve(question: str, history: Sequence[Turn], proper: Collection[str]) -> str:
    """``question`` with references to earlier turns spelled out (unchanged without history)."""
    if not history:
        return question
    last = history[-1]
    m = _ELLIPSIS.match(question)
    if m:
        return _swap(last.question, m.group("rest"), proper)
    stripped = _LEADING_AND.sub("", question, count=1)
    if stripped != question and not _QUESTION_START.match(stripped):
        return _swap(last.question, stripped.rstrip(" ?"), proper)  # "And the tax revenue?"
    if not _QUESTION_START.match(stripped) and len(stripped.split()) <= 6:
        return _swap(last.question, stripped.rstrip(" ?"), proper)  # "in US dollars?"
    question = stripped
    if _REFERENT.search(question) and _YEAR_BEFORE.search(question):
        years = _YEAR.findall(last.question)
        if years:  # "What was it the year before?"
            return _YEAR.sub(str(int(years[0]) - 1), last.question, count=1)
    resolved = question
    thing = _pick(history, proper, person=False)
    someone = _pick(history, proper, person=True)

    def definite(m: re.Match[str]) -> str:
        noun = m.group(1).lower()
        if re.match(r"\s+(?:of|in|at|for|from)\b", resolved[m.end() :]):
            return m.group(0)  # "the president of France" names someone new
        if noun in _PERSON_DESCRIPTIONS:
            return someone or m.group(0)
        if thing is None:
            return m.group(0)
        words = [w.lower() for w in thing.split()]
        if noun in _GENERIC_ORGS and not any(w in PLACE_WORDS for w in words):
            return thing
        # "the valley" is "China Gene Medicine Valley", not any organisation named before.
        return thing if words and words[-1] == noun else m.group(0)

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
    if _DEMONSTRATIVE.search(resolved) and (topic := _TOPIC.match(last.question)):
        # "How much is that in dollars?" after "What is the city's target for 2025?"
        resolved = _DEMONSTRATIVE.sub(topic.group("topic"), resolved, count=1)
    elif not thing and len(resolved.split()) <= 8 and (topic := _TOPIC.match(last.question)):
        resolved = _REFERENT.sub(topic.group("topic"), resolved, count=1)
    return resolved
