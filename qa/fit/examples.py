"""Training groups for the ranker and the reader, read off the engine as it answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..metrics import contains_answer, token_f1
from ..reading.query import Query
from ..spelling import fix_wh_words
from .data import Item

Features = Mapping[str, float]


# Our own test sets are news, and their answers are written the way this service should
# answer; they count more than a crowdworker's question each.
OWN_WEIGHT = 3.0


@dataclass(frozen=True)
class Group:
    fold: str
    features: list[Features]
    targets: list[float]

    @property
    def weight(self) -> float:
        return OWN_WEIGHT if self.fold.startswith("set:") else 1.0


def query_of(item: Item) -> Query:
    answerer = item.engine.answerer
    return answerer.query(fix_wh_words(answerer.resolve(item.question, item.history)))


def ranker_group(item: Item, query: Query) -> Group | None:
    """The question's candidate sentences; right are those that hold a gold answer."""
    if not item.answerable or not item.gold:
        return None
    engine = item.engine
    # The ranker orders one article's sentences: the one that holds the answer.
    ranked = engine.answerer.ranker.rank(query, engine.sentences[min(item.gold)].article)
    if not ranked:
        return None
    targets = [
        float(r.index in item.gold or contains_answer(engine.sentences[r.index].text, item.answers))
        for r in ranked
    ]
    return Group(item.fold, [r.features for r in ranked], targets)


def reader_group(item: Item, query: Query) -> Group | None:
    """The phrases of the gold sentence, each aimed at by its token F1 with the answer."""
    if not item.answerable or not item.answers or not item.gold:
        return None
    engine = item.engine
    i = min(item.gold)
    phrases = engine.answerer.reader.read(query, engine.docs[i])
    if not phrases:
        return None
    f1 = [token_f1(p.text, item.answers) for p in phrases]
    best = max(f1)
    if best <= 0:
        return None
    return Group(item.fold, [p.features for p in phrases], [(v / best) ** 4 for v in f1])
