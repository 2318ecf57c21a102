"""Answers: short spans, quotes, abstention and follow-ups, on two different articles."""

import pytest

from qa.engine import Engine
from qa.errors import QuestionError
from qa.metrics import normalize_answer
from qa.types import Turn
from tests.support import SEED_DIR, cited_texts, second_engine, seed_engine


def ask(engine: Engine, question: str, history: list[Turn] | None = None):  # type: ignore[no-untyped-def]
    return engine.ask(question, history or [])


def test_who_is_the_chairman() -> None:
    a = ask(seed_engine(), "Who is the chairman of Uren Biotech?")
    assert a.answered and a.method == "retrieval"
    assert a.short_answer == "Zheng Peiduo"
    assert a.answer.startswith("Zheng Peiduo")
    # He is named after a quotation: the reply cites it whole, with the sentence naming him.
    assert any("said Zheng Peiduo" in c.text for c in a.citations)


def test_citations_point_at_the_article_text() -> None:
    engine = seed_engine()
    a = ask(engine, "When was the valley established?")
    for c in a.citations:
        article = engine.article(c.article)
        assert article is not None and article.text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "question, short",
    [
        ("When did Uren Biotech come to the valley?", "June 2020"),
        (
            "Which agency authorized the CAR-T technology?",
            "China National Intellectual Property Administration",
        ),
        ("Who leads the R&D team for growth factor medicine?", "Li Xiaokun"),
    ],
)
def test_short_answers_in_the_seed(question: str, short: str) -> None:
    a = ask(seed_engine(), question)
    assert a.answered
    assert a.short_answer is not None
    assert normalize_answer(a.short_answer) == normalize_answer(short)
    assert normalize_answer(a.answer).startswith(normalize_answer(short))


def test_quote_attributed_to_a_speaker_named_after_it() -> None:
    a = ask(seed_engine(), "Who said the new medicine will be more affordable?")
    assert a.short_answer == "Zheng Peiduo"
    texts = cited_texts(a)
    assert any(t.startswith('"Our new medicine') for t in texts)
    assert any("said Zheng Peiduo" in t for t in texts)


@pytest.mark.parametrize(
    "question",
    [
        "Who is the mayor of Wenzhou?",
        "What is the weather like in Wenzhou today?",
        "Who founded the valley?",
        "What is the capital of France?",
        "qwertyuiop asdfgh",
    ],
)
def test_abstains_when_the_articles_do_not_say(question: str) -> None:
    a = ask(seed_engine(), question)
    assert not a.answered and a.method == "none"
    assert a.citations == ()
    assert "don't say" in a.answer
    # Confidence is the probability that the reply is right: here, that they don't say.
    assert 0.0 < a.confidence <= 1.0


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "qwertyuiop asdfgh", "Who won the 1998 World Cup?"],
)
def test_an_abstention_on_a_question_about_something_else_is_confident(question: str) -> None:
    a = ask(seed_engine(), question)
    assert not a.answered and a.confidence > 0.5


def test_only_stop_words_abstains() -> None:
    a = ask(seed_engine(), "What is it?")
    assert not a.answered


def test_follow_up_resolves_the_company() -> None:
    engine = seed_engine()
    first = ask(engine, "What does Uren Biotech focus on?")
    a = ask(engine, "When did the company move there?", [Turn(first.question, first.answer)])
    assert a.resolved_question is not None and "Uren Biotech" in a.resolved_question
    assert a.short_answer == "June 2020"


def test_follow_up_resolves_a_pronoun_to_a_person() -> None:
    engine = seed_engine()
    first = ask(engine, "Who is the chairman of Uren Biotech?")
    a = ask(
        engine,
        "What did he say about the price of the medicine?",
        [Turn(first.question, first.answer)],
    )
    assert a.answered
    assert any("affordable" in t for t in cited_texts(a))
    # The quotation is the reply, each of its sentences once.
    assert all(a.answer.count(t) == 1 for t in cited_texts(a))


def test_without_history_a_pronoun_is_left_alone() -> None:
    a = ask(seed_engine(), "When did the company move there?")
    assert a.resolved_question is None


def test_second_article_who_where_when() -> None:
    engine = second_engine()
    a = ask(engine, "Who is the general manager of Minjiang Clean Power?")
    assert a.short_answer == "Lin Qiang"
    a = ask(engine, "When did construction of the solar farm start?")
    assert a.short_answer == "April 2021"
    a = ask(engine, "Where is Baisha Harbor?")
    assert a.answered and "Fuzhou" in a.answer
    a = ask(engine, "Who said the panels keep the water cooler?")
    assert a.short_answer == "Lin Qiang" and len(a.citations) == 2


def test_second_article_abstains() -> None:
    engine = second_engine()
    for q in ["Who is the mayor of Fuzhou?", "What is the weather like in Fujian?"]:
        assert not ask(engine, q).answered


def test_bad_questions_are_rejected_with_a_message() -> None:
    engine = seed_engine()
    with pytest.raises(QuestionError, match="empty"):
        engine.ask("   ")
    with pytest.raises(QuestionError, match="longer than"):
        engine.ask("why " * 500)
    with pytest.raises(QuestionError, match="history"):
        engine.ask("When?", [{"answer": "x"}])  # type: ignore[list-item]
    with pytest.raises(QuestionError, match="string"):
        engine.ask(42)  # type: ignore[arg-type]


def test_result_json_has_the_documented_fields() -> None:
    d = ask(seed_engine(), "Who is the chairman of Uren Biotech?").to_dict()
    assert {"answer", "answered", "method", "confidence", "citations", "derivation"} <= set(d)
    assert set(d["citations"][0]) == {"id", "article", "text", "start", "end"}
    assert 0.0 <= d["confidence"] <= 1.0


def test_answers_to_repeated_questions_are_kept() -> None:
    engine = Engine.from_corpus(SEED_DIR, answer_cache=2)
    first = engine.ask("Who is the chairman of Uren Biotech?")
    assert engine.ask("Who is the chairman of  Uren Biotech?") is first  # same question
    follow = engine.ask("Who is its chairman?", [Turn("What does Uren Biotech do?", "")])
    assert engine.ask("Who is its chairman?") is not follow  # other history, other answer
    engine.ask("How big is the valley?")
    engine.ask("When was the valley established?")
    assert engine.ask("Who is the chairman of Uren Biotech?") is not first  # oldest dropped
    uncached = Engine.from_corpus(SEED_DIR, answer_cache=0)
    assert uncached.ask("How big is the valley?") is not uncached.ask("How big is the valley?")


def test_a_numbered_name_is_not_confused_with_its_neighbour() -> None:
    from qa.config import Settings
    from qa.ingest import clean

    article = clean(
        "Metro\n\nLine 4 opened to passengers on May 10 after five years of construction.\n\n"
        "Work on Line 5, a route to the eastern suburbs, is scheduled to start in 2026.\n"
    )
    engine = Engine([article], Settings.load({"answer_cache": 0}))
    assert engine.ask("When did Line 4 open to passengers?").short_answer == "May 10"


@pytest.mark.parametrize(
    "question",
    [
        "Whoo is the charman of Uren Biotek?",
        "WHO RUNS UREN BIOTECH",
        "wich person chairs uren biotech",
    ],
)
def test_misspelt_and_shouted_questions(question: str) -> None:
    assert ask(seed_engine(), question).short_answer == "Zheng Peiduo"


def test_a_future_question_is_not_answered_with_a_past_date() -> None:
    a = ask(seed_engine(), "When will the new medicine be approved for sale?")
    assert not a.answered
    past = ask(seed_engine(), "When was the CAR-T technology authorized?")
    assert past.answered and past.short_answer == "2021"


def reply_in(text: str, question: str):  # type: ignore[no-untyped-def]
    """What the one article ``text`` answers to ``question``, before abstention."""
    from qa.ingest import clean

    return Engine([clean(text, "a")]).answerer.reply_in(question, "a")


def test_a_reason_is_given_without_the_word_that_marks_it() -> None:
    result = reply_in(
        "Harwick quay\n\nThe new quay at Harwick was built of timber because the local stone "
        "was too soft for the tides. It opened in 1911.\n",
        "Why was the quay built of timber?",
    )
    assert result is not None and result.short_answer is not None
    assert not result.short_answer.lower().startswith("because")
    assert "stone" in result.short_answer


def test_a_date_in_common_words_is_no_name_the_article_must_mention() -> None:
    """ "Each year" names nothing; "in 2019", which the article never says, does."""
    from qa.ingest import clean

    text = (
        "Harvest fair\n\nThe Orlen harvest fair draws farmers from across the valley. The fair "
        "is held in the market square of Orlen in late September.\n"
    )
    engine = Engine([clean(text, "fair")])
    answer = engine.ask("Where is the fair held each year?")
    assert answer.features.get("q.names_missing", 0.0) == 0.0
    answer = engine.ask("Where was the fair held in 2019?")
    assert answer.features.get("q.names_missing") == 1.0


def test_a_phrase_that_says_only_what_the_question_says_is_no_answer() -> None:
    result = reply_in(
        "Local news\n\nThe Osterholm firm grew last year. The council has hired a contractor "
        "to rebuild the bridge, which closed in March. It employs 300 people.\n",
        "What is the name of the contractor rebuilding the bridge?",
    )
    assert result is not None
    assert (result.short_answer or "").lower() not in ("contractor", "a contractor")
