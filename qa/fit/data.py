"""The questions the models are fitted on, with what a right answer is for each.

Two sources, never the blind ones: the SQuAD *fit* split (questions crowdworkers wrote about
Wikipedia articles; asked of a corpus of the split's articles, and again of a corpus without
their article, where each must be abstained on), and our own JSONL test sets that were tuned
on (seed, harbor and the dev sets).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..cases import PROJECT_ROOT, TEST_DATA_DIR, TESTSET_DIR, Case, load_cases
from ..engine import Engine
from ..evaluate import score_case
from ..ingest import load_corpus
from ..metrics import answer_hit
from ..squad import SquadCase, load_squad
from ..types import Answer, Turn

SQUAD_FILE = TEST_DATA_DIR / "squad" / "train-first10.json"
# Our test sets that were tuned on, with the folder of their articles.
TUNED_SETS = (
    (TESTSET_DIR / "seed.jsonl", PROJECT_ROOT / "corpus"),
    (TESTSET_DIR / "harbor.jsonl", TEST_DATA_DIR / "articles"),
    (TEST_DATA_DIR / "dev" / "main" / "numeric.jsonl", TEST_DATA_DIR / "dev" / "main"),
    (TEST_DATA_DIR / "dev" / "fresh" / "numeric.jsonl", TEST_DATA_DIR / "dev" / "fresh"),
    (
        TEST_DATA_DIR / "dev" / "crowd-news" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd-news",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd-encyclopedia" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd-encyclopedia",
    ),
    (TEST_DATA_DIR / "dev" / "parse" / "numeric.jsonl", TEST_DATA_DIR / "dev" / "parse"),
    (
        TEST_DATA_DIR / "dev" / "crowd2-news" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd2-news",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd2-encyclopedia" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd2-encyclopedia",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd3-news" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd3-news",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd3-encyclopedia" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd3-encyclopedia",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd5-news" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd5-news",
    ),
    (
        TEST_DATA_DIR / "dev" / "crowd5-encyclopedia" / "questions.jsonl",
        TEST_DATA_DIR / "dev" / "crowd5-encyclopedia",
    ),
)
ABSENT_SAMPLE = 80  # questions per SQuAD article asked of a corpus without it


@dataclass(frozen=True)
class Item:
    """One fitting question, asked of ``engine``."""

    fold: str  # held out together when answers are made for the confidence model
    engine: Engine
    question: str
    history: tuple[Turn, ...]
    answerable: bool
    answers: tuple[str, ...]  # gold answer texts (none for a number-only case)
    gold: frozenset[int]  # positions in engine.sentences of the sentences that hold it
    right: Callable[[Answer], bool]  # is a reply right?
    # Asked of a corpus made without its article: teaches the confidence model what an
    # unanswerable question looks like, but is no question a person asked of that corpus.
    synthetic: bool = False


def squad_items(path: Path = SQUAD_FILE, split: str = "fit") -> list[Item]:
    data = load_squad(path)
    cases = data.split(split)
    ids = {c.article for c in cases}
    articles = [a for a in data.articles if a.id in ids]
    engine = Engine(articles)
    items = [_squad_item(engine, c, c.article) for c in cases]
    for article in sorted(ids):
        others = Engine([a for a in articles if a.id != article])
        own = [c for c in cases if c.article == article]
        items += [
            replace(_squad_item(others, c, article), synthetic=True)
            for c in data.absent(own, ABSENT_SAMPLE)
        ]
    return items


def _squad_item(engine: Engine, case: SquadCase, fold: str) -> Item:
    gold = frozenset(
        i
        for i, s in enumerate(engine.sentences)
        if s.article == case.article and any(s.start <= a and b <= s.end for a, b in case.spans)
    )
    answers = case.answers if case.answerable else ()
    return Item(
        fold=f"squad:{fold}",
        engine=engine,
        question=case.question,
        history=(),
        answerable=case.answerable,
        answers=answers,
        gold=gold,
        right=partial(_hits, answers),
    )


def tuned_items() -> list[Item]:
    items: list[Item] = []
    for path, corpus in TUNED_SETS:
        engine = Engine(load_corpus(corpus))
        position = {s.id: i for i, s in enumerate(engine.sentences)}
        for case in load_cases([path]):
            gold = frozenset(
                position[sid] for req in case.cite for sid in req.split("|") if sid in position
            )
            items.append(
                Item(
                    fold=f"set:{Path(path).parent.name}/{Path(path).stem}",
                    engine=engine,
                    question=case.question,
                    history=case.history,
                    answerable=case.answerable,
                    answers=case.answers,
                    gold=gold,
                    right=partial(_passes, case),
                )
            )
    return items


def _passes(case: Case, answer: Answer) -> bool:
    return case.answerable and score_case(case, answer, 0.0).passed


def _hits(answers: Sequence[str], answer: Answer) -> bool:
    """The ``hit`` of ``qa eval`` on SQuAD files: an answer that holds a gold answer."""
    return (
        bool(answers)
        and answer.answered
        and answer_hit(answer.short_answer, answer.answer, answers)
    )
