"""An article is read alone: what it answers does not depend on what else is loaded."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from qa.cases import load_cases
from qa.config import Settings
from qa.engine import Engine
from qa.ingest import load_corpus
from qa.types import Answer

ROOT = Path(__file__).resolve().parent.parent
# Our tuned sets with their articles: news and encyclopedia text, numbers and names.
SETS = [
    (ROOT / "tests/testsets/seed.jsonl", ROOT / "corpus"),
    (ROOT / "tests/testsets/harbor.jsonl", ROOT / "tests/data/articles"),
    (ROOT / "tests/data/dev/crowd-news/questions.jsonl", ROOT / "tests/data/dev/crowd-news"),
    (
        ROOT / "tests/data/dev/crowd-encyclopedia/questions.jsonl",
        ROOT / "tests/data/dev/crowd-encyclopedia",
    ),
]
SETTINGS = {"answer_cache": 0}


@cache
def alone(corpus: Path) -> Engine:
    return Engine(load_corpus(corpus), Settings.load(SETTINGS))


@cache
def together() -> Engine:
    return Engine([a for _, corpus in SETS for a in load_corpus(corpus)], Settings.load(SETTINGS))


def _cases() -> list[object]:
    return [
        pytest.param(corpus, case, id=case.id)
        for path, corpus in SETS
        for case in load_cases([path])
    ]


def _said(reply: Answer | None) -> object:
    if reply is None:
        return None
    return (reply.answered, reply.short_answer, reply.answer, [c.id for c in reply.citations])


@pytest.mark.parametrize(("corpus", "case"), _cases())
def test_an_articles_reply_is_the_same_alone_and_with_others(corpus: Path, case) -> None:  # type: ignore[no-untyped-def]
    mine = alone(corpus).answerer.reply_in(case.question, case.article, case.history)
    shared = together().answerer.reply_in(case.question, case.article, case.history)
    if mine is not None and mine.method == "rule":
        # The rule layer still reads a question's words against every loaded article's
        # vocabulary (README, "Limitations"): its figures are checked, not its wording.
        assert shared is not None and shared.short_answer == mine.short_answer
    else:
        assert _said(shared) == _said(mine)
