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
# Our test sets with their articles: news and encyclopedia text, numbers and names.
SETS = [
    (ROOT / "tests/testsets/seed.jsonl", ROOT / "corpus"),
    (ROOT / "tests/testsets/harbor.jsonl", ROOT / "tests/data/articles"),
    (ROOT / "tests/data/dev/crowd-news/questions.jsonl", ROOT / "tests/data/dev/crowd-news"),
    (
        ROOT / "tests/data/dev/crowd-encyclopedia/questions.jsonl",
        ROOT / "tests/data/dev/crowd-encyclopedia",
    ),
    *(
        (ROOT / f"tests/data/dev/{name}/questions.jsonl", ROOT / f"tests/data/dev/{name}")
        for name in (
            "crowd2-news",
            "crowd2-encyclopedia",
            "crowd3-news",
            "crowd3-encyclopedia",
            "crowd5-news",
            "crowd5-encyclopedia",
            "crowd7-news",
            "crowd7-encyclopedia",
        )
    ),
    # Written blind and never tuned on (the unseen and the validation sets): whether each
    # answer is right is looked at only in aggregate, but that it is the same alone and
    # together is checked case by case.
    *(
        (ROOT / f"tests/data/unseen/{name}/questions.jsonl", ROOT / f"tests/data/unseen/{name}")
        for name in ("crowd4-news", "crowd4-encyclopedia")
    ),
    *(
        (ROOT / f"tests/data/valid/{name}/questions.jsonl", ROOT / f"tests/data/valid/{name}")
        for name in ("crowd6-news", "crowd6-encyclopedia")
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
    assert _said(shared) == _said(mine)


PARK = """Lindholm Science Park

Lindholm Science Park was founded in 2006. The park hosts 210 companies and covers 12 square
kilometers.
"""
PORT = """Vestby port

The port of Vestby handles 40 ships a week. Two companies run its cranes.
"""


def test_a_later_article_carries_its_standing_and_the_best_match_reads_as_alone(
    tmp_path: Path,
) -> None:
    for name, text in (("park", PARK), ("port", PORT)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    engine = Engine(load_corpus(tmp_path), Settings.load(SETTINGS))
    replies = engine.answerer.replies("How many companies does the park host?")
    assert [r.article for r in replies] == ["park", "port"]
    best, later = replies
    assert best.rank == 0 and "later_article" not in best.features
    assert later.rank == 1 and later.features["later_article"] == 1.0
    assert 0.0 < later.features["later_match"] <= 1.0
    (tmp_path / "port.txt").unlink()
    (alone_reply,) = Engine(load_corpus(tmp_path), Settings.load(SETTINGS)).answerer.replies(
        "How many companies does the park host?"
    )
    assert alone_reply.probability == best.probability
    assert _said(alone_reply.answer) == _said(best.answer)
