"""Starter questions for a first visit, written from each loaded article's own facts.

A fact with an owner gives a question in one of a few general forms ("How many nurses does
the hospital have?", "What is the area of the park?", "When was the park founded?"). A
question is offered only when the engine, asked it, answers confidently from the sentence
the fact was read from: a starter that the service then fumbles would mislead. An article
with no such fact gets "Tell me about <title>."
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .facts import Fact

if TYPE_CHECKING:
    from .engine import Engine

PER_ARTICLE = 3  # questions offered for one article at most
TRIED = 8  # facts of one article tried at most (each try is a question asked)
MAX_OWNER_WORDS = 5  # a longer owner makes a question nobody would type


def _question(fact: Fact) -> str | None:
    """The question ``fact`` answers, or None when it fits no general form."""
    owner = fact.owner
    if not owner or len(owner.split()) > MAX_OWNER_WORDS or fact.part_of or fact.change_of:
        return None
    if fact.equivalent_of or fact.earlier_of:
        return None
    if fact.kind == "count" and fact.unit:
        return f"How many {fact.unit} does {owner} have?"
    if fact.kind == "date":
        event = fact.measure or ""
        if event.isalpha() and event.endswith("ed"):  # one past participle: "founded"
            return f"When was {owner} {event}?"
        return None
    if fact.measure and fact.measure not in ("count", "number"):
        return f"What is the {fact.measure} of {owner}?"
    return None


def _for_article(engine: Engine, article: str) -> Iterator[str]:
    """Questions on ``article`` that the engine answers well, one per kind of fact."""
    kinds: set[str] = set()
    tried = 0
    for fact in engine.facts:
        if fact.article != article or fact.kind in kinds or tried == TRIED:
            continue
        question = _question(fact)
        if question is None:
            continue
        tried += 1
        answer = engine.ask(question)
        if answer.answered and any(c.id == fact.sentence for c in answer.citations):
            kinds.add(fact.kind)
            yield question
            if len(kinds) == PER_ARTICLE:
                return


def starter_questions(engine: Engine, limit: int = 4) -> list[str]:
    """Up to ``limit`` questions, taking turns between articles so that each gets one early."""
    picked: list[str] = []
    for round_ in range(PER_ARTICLE):
        for article in engine.articles:
            if len(picked) == limit:
                return picked
            found = _cached(engine, article.id)
            if round_ < len(found):
                picked.append(found[round_])
            elif round_ == 0:
                picked.append(f"Tell me about {article.title}.")
    return picked


# Found once per engine and article: a reloaded corpus is a new engine.
_FOUND: weakref.WeakKeyDictionary[Engine, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def _cached(engine: Engine, article: str) -> list[str]:
    cache = _FOUND.setdefault(engine, {})
    if article not in cache:
        cache[article] = list(_for_article(engine, article))
    return cache[article]
