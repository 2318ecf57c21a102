"""Feedback records, feedback turned into test cases, and ``qa feedback`` on each back end.

The store's own guarantees are in test_feedback_store.py, ``POST /feedback`` and the servers
in test_feedback_web.py. Every test keeps its database under ``tmp_path`` or in a schema of
its own; none touches the user's real feedback file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qa.cases import CaseFileError, load_cases
from qa.cli import main
from qa.errors import FeedbackError, QAError
from qa.feedback import Feedback, FeedbackStore, open_store, parse_feedback
from qa.feedback_cases import cases_from_feedback, guess_type
from tests.feedback_support import GOOD, HARBOR, make_foreign

ROOT = Path(__file__).resolve().parent.parent


# --- records ---------------------------------------------------------------------------------


def test_a_record_is_checked_and_normalised() -> None:
    fb = parse_feedback({**GOOD, "question": "  How much\n did it cost? ", "history": []})
    assert fb.question == "How much did it cost?"
    assert fb.citations == (f"{HARBOR}:s1",)
    assert parse_feedback({**GOOD, "citations": ["a:s1", "b:s2"]}).citations == ("a:s1", "b:s2")
    minimal = parse_feedback({"question": "Who?", "answer": "", "verdict": "helpful"})
    assert (minimal.history, minimal.citations, minimal.correct_answer) == ((), (), None)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"question": None}, "'question' must be a string"),
        ({"question": "   "}, "'question' is empty"),
        ({"question": "x" * 501}, "longer than 500"),
        ({"answer": 3}, "'answer' must be a string"),
        ({"verdict": "meh"}, "'verdict' must be one of helpful, not_helpful"),
        ({"history": "earlier"}, "'history' must be a list"),
        ({"history": [{"answer": "no question"}]}, "history[0] must be an object"),
        ({"history": [{"question": "q"}] * 21}, "more than 20 turns"),
        ({"citations": [{"article": "no id"}]}, "citations[0] must be a sentence id"),
        ({"citations": "a:s1"}, "'citations' must be a list"),
        ({"correct_answer": ["x"]}, "'correct_answer' must be a string"),
        ({"comment": "x" * 2001}, "'comment' is longer than 2000"),
        ({"rating": 5}, "unknown field(s) rating"),
    ],
)
def test_a_malformed_record_is_refused_with_the_field_named(change: dict, message: str) -> None:
    with pytest.raises(FeedbackError) as err:
        parse_feedback({**GOOD, **change})
    assert message in str(err.value)
    assert isinstance(err.value, QAError)


def test_required_fields_and_the_shape_of_the_body() -> None:
    for name in ("question", "answer", "verdict"):
        body = {k: v for k, v in GOOD.items() if k != name}
        with pytest.raises(FeedbackError, match=f"'{name}' is required"):
            parse_feedback(body)
    with pytest.raises(FeedbackError, match="must be a JSON object"):
        parse_feedback(["not", "an", "object"])


# --- feedback as test cases ------------------------------------------------------------------


def fb(verdict: str, **fields: Any) -> Feedback:
    base = {"question": "Who built the farm?", "answer": "Nobody.", "verdict": verdict}
    return Feedback(**{**base, **fields, "id": fields.get("id", 1), "created_at": "2025-01-01"})


def test_guessing_a_question_type() -> None:
    assert guess_type("How much did it cost?") == "numeric_direct"
    assert guess_type("What percentage is solar?") == "numeric_direct"
    assert guess_type("Who built it?") == "who"
    assert guess_type("In which city is it?") == "which"
    assert guess_type("And when?", has_history=True) == "follow_up"
    assert guess_type("What is it?") == "what"


def test_a_wrong_answer_with_the_right_one_becomes_a_case() -> None:
    made = cases_from_feedback(
        [
            fb(
                "wrong_answer_right_passage",
                correct_answer="Baisha Energy",
                citations=(f"{HARBOR}:s2",),
            ),
            fb(
                "wrong_answer_right_passage",
                id=2,
                correct_answer="Baisha Energy Co.",
                citations=(f"{HARBOR}:s2", f"{HARBOR}:s3"),
                question="who built the farm",
            ),
            fb(
                "wrong_answer_right_passage",
                id=3,
                question="How much did it cost?",
                correct_answer="2.4 billion yuan",
                citations=(f"{HARBOR}:s1",),
            ),
        ]
    )
    assert made["candidates"] == []
    who, cost = made["cases"]
    assert who["answers"] == ["Baisha Energy", "Baisha Energy Co."]
    assert who["cite"] == [f"{HARBOR}:s2", f"{HARBOR}:s3"] and who["article"] == HARBOR
    assert who["type"] == "who" and who["answerable"] is True
    assert cost["number"] == {"value": 2.4e9, "unit": "yuan"} and "answers" not in cost


def test_unanswered_and_unsourced_questions_become_candidates() -> None:
    from qa.feedback import Abstention

    made = cases_from_feedback(
        [
            fb("helpful"),
            fb("not_helpful", id=2),
            fb("not_helpful", id=3, correct_answer="Baisha Energy", citations=(f"{HARBOR}:s9",)),
        ],
        [Abstention("Who is the mayor?", 4, "2025-01-01", "2025-01-02")],
    )
    assert made["cases"] == []
    no_answer, no_cite, gap = made["candidates"]
    assert no_answer["answers"] == [] and "add the right answer" in no_answer["review"]
    assert no_cite["answers"] == ["Baisha Energy"] and no_cite["cite"] == []
    assert gap["question"] == "Who is the mayor?" and "abstained 4 times" in gap["note"]
    assert all(c["tags"][-1] == "review" for c in made["candidates"])


def add_examples(store: FeedbackStore) -> None:
    store.add(GOOD)
    store.add({**GOOD, "verdict": "not_helpful", "correct_answer": None, "comment": "no"})
    store.add({**GOOD, "verdict": "helpful"})
    for q in ["Who is the mayor?"] * 3 + ["Is it raining?"]:
        store.record_abstention(q)


@pytest.fixture
def store(feedback_location: str) -> FeedbackStore:
    return open_store(feedback_location)


def test_qa_feedback_list(store: FeedbackStore, feedback_location: str) -> None:
    db = feedback_location
    runner = CliRunner()
    empty = runner.invoke(main, ["feedback", "list", "--feedback-db", str(db)])
    assert empty.exit_code == 0 and "No feedback yet" in empty.output
    add_examples(store)
    result = runner.invoke(main, ["feedback", "list"], env={"QA_FEEDBACK_DB": str(db)})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Feedback (3 of 3" in out and "right answer: 2.4 billion yuan" in out
    assert out.index("3×  Who is the mayor?") < out.index("1×  Is it raining?")
    assert "1 test case(s) ready and 3 candidate(s)" in out
    as_json = json.loads(
        runner.invoke(main, ["feedback", "list", "--json", "--feedback-db", str(db)]).output
    )
    assert [g["count"] for g in as_json["abstained"]] == [3, 1]
    assert [f["verdict"] for f in as_json["feedback"]] == [
        "wrong_answer_right_passage",
        "not_helpful",
        "helpful",
    ]


def test_qa_feedback_export_writes_a_test_set_qa_eval_reads(
    store: FeedbackStore, feedback_location: str, tmp_path: Path
) -> None:
    db = feedback_location
    add_examples(store)
    runner = CliRunner()
    out = tmp_path / "from-feedback.jsonl"
    result = runner.invoke(
        main, ["feedback", "export", "--feedback-db", str(db), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    (case,) = load_cases([out])
    assert case.question == GOOD["question"] and case.cite == (f"{HARBOR}:s1",)
    assert case.number is not None and case.number.value == 2.4e9

    evaluated = runner.invoke(
        main, ["eval", str(out), "--corpus", str(ROOT / "tests" / "data" / "articles")]
    )
    assert "engine on 1 cases from" in evaluated.output, evaluated.output

    both = tmp_path / "review.jsonl"
    runner.invoke(
        main, ["feedback", "export", "--candidates", "-o", str(both), "--feedback-db", str(db)]
    )
    assert len(both.read_text().splitlines()) == 4
    with pytest.raises(CaseFileError, match="unknown field.*review"):
        load_cases([both])

    document = json.loads(
        runner.invoke(
            main, ["feedback", "export", "--format", "json", "--feedback-db", str(db)]
        ).stdout
    )
    assert [len(document[k]) for k in ("cases", "candidates", "abstained")] == [1, 3, 2]


def test_qa_feedback_reports_a_broken_database_in_one_line(feedback_location: str) -> None:
    make_foreign(feedback_location)
    result = CliRunner().invoke(main, ["feedback", "export", "--feedback-db", feedback_location])
    assert result.exit_code == 1
    assert result.output.startswith("qa: error: feedback storage is damaged")
    where = open_store(feedback_location).location
    assert where in result.output and "Traceback" not in result.output


def test_qa_feedback_never_shows_a_database_password() -> None:
    url = "postgresql://qa:s3cret@127.0.0.1:1/feedback"
    result = CliRunner().invoke(main, ["feedback", "list"], env={"QA_FEEDBACK_DB": url})
    assert result.exit_code == 1, result.output
    assert "qa: error: feedback storage cannot be reached" in result.output
    assert "postgresql://qa:***@127.0.0.1:1/feedback" in result.output
    assert "s3cret" not in result.output and "Traceback" not in result.output


def test_qa_serve_refuses_a_postgresql_url_without_psycopg(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "psycopg_pool" else real(name, *args),
    )
    url = "postgresql://qa:s3cret@db.example/feedback"
    result = CliRunner().invoke(main, ["serve", "--feedback-db", url])
    assert result.exit_code == 1
    assert "pip install 'newsqa[postgres]'" in result.output
    assert "qa:***@db.example" in result.output and "s3cret" not in result.output
