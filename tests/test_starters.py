"""Starter questions come from the loaded articles' own facts, and the engine answers them."""

from pathlib import Path

from qa.engine import Engine
from qa.starters import starter_questions

PARK = """Lindholm Science Park

Lindholm Science Park was founded in 2006 on the edge of Aarhus.

The park covers 12 square kilometers and hosts 210 companies. Its tenants employ about
9,000 people, most of them engineers.
"""

FESTIVAL = """A quiet week in Vestby

Nothing much happened in Vestby this week. The weather was grey and the shops were calm.
"""


def _engine(tmp_path: Path, *texts: str) -> Engine:
    for i, text in enumerate(texts):
        (tmp_path / f"article-{i}.txt").write_text(text, encoding="utf-8")
    return Engine.from_corpus(tmp_path)


def test_starters_are_questions_the_engine_answers_from_the_article(tmp_path: Path) -> None:
    engine = _engine(tmp_path, PARK)
    questions = starter_questions(engine)
    assert questions and all(q.endswith("?") for q in questions)
    assert all("Lindholm" in q or "park" in q.lower() for q in questions)
    for question in questions:
        answer = engine.ask(question)
        assert answer.answered
        assert all(c.article == "article-0" for c in answer.citations)


def test_an_article_without_facts_is_offered_by_its_title(tmp_path: Path) -> None:
    engine = _engine(tmp_path, PARK, FESTIVAL)
    questions = starter_questions(engine, limit=4)
    assert "Tell me about A quiet week in Vestby." in questions
    # Turns are taken between articles: each is offered one question early.
    assert questions.index("Tell me about A quiet week in Vestby.") == 1


def test_no_more_than_the_limit(tmp_path: Path) -> None:
    assert len(starter_questions(_engine(tmp_path, PARK, FESTIVAL), limit=1)) == 1
