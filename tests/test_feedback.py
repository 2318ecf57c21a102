"""Feedback: the store, its guarantees under concurrency and crashes, the CLI, ``POST /feedback``.

Every test keeps its database under ``tmp_path``; none touches the user's real feedback file.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from qa.cli import main
from qa.errors import FeedbackError, QAError, StorageError
from qa.evaluate import CaseFileError, load_cases
from qa.feedback import Feedback, FeedbackStore, parse_feedback
from qa.feedback_cases import cases_from_feedback, guess_type

ROOT = Path(__file__).resolve().parent.parent
HARBOR = "harbor-solar-farm"

GOOD: dict[str, Any] = {
    "question": "How much did the solar farm cost to build?",
    "answer": "The farm covers 1.8 square kilometers.",
    "verdict": "wrong_answer_right_passage",
    "citations": [{"id": f"{HARBOR}:s1", "article": HARBOR, "text": "...", "start": 0, "end": 3}],
    "correct_answer": "2.4 billion yuan",
    "comment": "right passage, wrong number",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "feedback.sqlite3"


@pytest.fixture
def store(db: Path) -> FeedbackStore:
    return FeedbackStore(db, timeout=2.0)


def rows(path: Path, sql: str = "SELECT id FROM feedback ORDER BY id") -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


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


# --- the store -------------------------------------------------------------------------------


def test_the_database_and_its_folder_are_created_on_the_first_write(
    store: FeedbackStore, db: Path
) -> None:
    assert store.feedback() == [] and store.abstentions() == [] and store.count() == 0
    assert not db.exists(), "reading must not create the file"
    first = store.add(GOOD)
    second = store.add({**GOOD, "verdict": "helpful", "history": [{"question": "Where?"}]})
    assert db.exists() and second > first
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    back = store.feedback()
    assert [fb.id for fb in back] == [first, second]
    assert back[0].correct_answer == "2.4 billion yuan" and back[0].comment == GOOD["comment"]
    assert back[1].history[0].question == "Where?" and back[0].created_at
    assert store.count() == 2 and [fb.id for fb in store.feedback(limit=1)] == [second]
    assert json.loads(json.dumps(back[0].to_dict()))["citations"] == [f"{HARBOR}:s1"]


def test_abstentions_are_counted_per_question_most_frequent_first(store: FeedbackStore) -> None:
    for q in ["Who is the mayor?", "who is  the MAYOR", "Is it raining?", "Who is the mayor?"]:
        store.record_abstention(q)
    store.record_abstention("   ")  # nothing to count
    gaps = store.abstentions()
    assert [(g.count, g.question.casefold().rstrip("?")) for g in gaps] == [
        (3, "who is the mayor"),
        (1, "is it raining"),
    ]
    assert gaps[0].first_seen <= gaps[0].last_seen


def test_the_abstentions_kept_are_capped_dropping_the_least_asked_first(db: Path) -> None:
    store = FeedbackStore(db, max_abstentions=3)
    for q in ["Who is the mayor?", "WHO is the mayor", "Is it raining?"]:
        store.record_abstention(q)
    for n in range(10):  # a script asking ever new questions
        store.record_abstention(f"What is the secret number {n}?")
    gaps = store.abstentions()
    assert len(gaps) == 3 and len(rows(db, "SELECT key FROM abstentions")) == 3
    assert (gaps[0].question.casefold(), gaps[0].count) == ("who is the mayor", 2)
    assert [g.count for g in gaps[1:]] == [1, 1]
    FeedbackStore(db, max_abstentions=0).record_abstention("Anything?")
    assert len(store.abstentions()) == 3, "0 records none"


def test_writers_in_many_threads_all_land(store: FeedbackStore, db: Path) -> None:
    threads, each = 8, 40
    ids: list[int] = []
    lock = threading.Lock()

    def write(n: int) -> None:
        for i in range(each):
            new = store.add({**GOOD, "comment": f"thread {n} record {i}"})
            store.record_abstention("What is the weather?")
            with lock:
                ids.append(new)

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(set(ids)) == threads * each
    assert sorted(ids) == [r[0] for r in rows(db)]
    assert store.abstentions()[0].count == threads * each


WRITER = textwrap.dedent(
    """
    import sys
    from qa.feedback import FeedbackStore
    store = FeedbackStore(sys.argv[1], timeout=10)
    for i in range(int(sys.argv[2])):
        print(store.add({"question": "Q?", "answer": "A", "verdict": "not_helpful",
                         "comment": sys.argv[3] + str(i)}), flush=True)
        store.record_abstention("Q?")
    """
)


def test_writers_in_many_processes_all_land_on_a_new_database(db: Path) -> None:
    processes, each = 6, 40
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(each), f"p{n}-"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    acknowledged = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        acknowledged += [int(line) for line in out.split()]
    assert len(acknowledged) == processes * each
    assert sorted(acknowledged) == [r[0] for r in rows(db)]
    comments = {r[0] for r in rows(db, "SELECT comment FROM feedback")}
    assert len(comments) == processes * each
    assert rows(db, "SELECT count FROM abstentions") == [(processes * each,)]


def test_a_locked_database_is_a_clear_error_not_a_hang(db: Path) -> None:
    FeedbackStore(db).add(GOOD)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = FeedbackStore(db, timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StorageError, match="is locked by another writer") as err:
            store.add(GOOD)
        assert err.value.reason == "locked"
        with pytest.raises(StorageError, match="locked"):
            store.record_abstention("Why?", timeout=0.05)
        assert time.monotonic() - started < 3
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.add(GOOD) == 2, "the store recovers once the lock is gone"


def test_a_file_that_is_not_a_database_is_a_clear_error(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"these are not the bytes of an SQLite database " * 100)
    store = FeedbackStore(db, timeout=0.2)
    with pytest.raises(StorageError, match="is damaged or is not a feedback database") as err:
        store.add(GOOD)
    assert err.value.reason == "damaged" and str(db) not in str(err.value)
    with pytest.raises(StorageError, match="not a feedback database"):
        store.feedback()


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    store = FeedbackStore(tmp_path / "a-file" / "feedback.sqlite3")
    with pytest.raises(StorageError, match="cannot be opened or created"):
        store.add(GOOD)


READ_ONLY_WRITER = textwrap.dedent(
    """
    import json, os, sys
    from qa.errors import StorageError
    from qa.feedback import FeedbackStore
    if os.geteuid() == 0:  # become nobody (imports done first): root could write any file
        os.setgid(65534)
        os.setuid(65534)
    try:
        FeedbackStore(sys.argv[1], timeout=0.5).add(
            {"question": "Q?", "answer": "A", "verdict": "helpful"})
    except StorageError as exc:
        print(json.dumps({"message": str(exc), "reason": exc.reason, "at": exc.location}))
        sys.exit(3)
    """
)


def test_a_read_only_database_is_a_clear_error() -> None:
    # Its own folder outside tmp_path, which only its owner may enter; removed at the end.
    with tempfile.TemporaryDirectory(prefix="qa-readonly-") as folder:
        db = Path(folder) / "feedback.sqlite3"
        FeedbackStore(db).add(GOOD)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        try:
            run = subprocess.run(
                [sys.executable, "-c", READ_ONLY_WRITER, str(db)],
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            os.chmod(folder, 0o755)
            os.chmod(db, 0o644)
        assert run.returncode == 3, run.stderr
        error = json.loads(run.stdout)
        assert error == {
            "message": "feedback storage is read-only",
            "reason": "read_only",
            "at": str(db),
        }  # the operator learns where; the message never says
        assert rows(db) == [(1,)]


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


def test_qa_feedback_list(store: FeedbackStore, db: Path) -> None:
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
    store: FeedbackStore, db: Path, tmp_path: Path
) -> None:
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


def test_qa_feedback_reports_a_broken_database_in_one_line(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text("not a database")
    result = CliRunner().invoke(main, ["feedback", "export", "--feedback-db", str(db)])
    assert result.exit_code == 1
    assert result.output.startswith("qa: error: feedback storage is damaged")
    assert str(db) in result.output and "Traceback" not in result.output


# --- POST /feedback and the abstentions /ask records ----------------------------------------


def app_store(app: Flask) -> FeedbackStore:
    from web.feedback import feedback_store

    return feedback_store(app)


def test_post_feedback_stores_the_record_and_answers_201_with_its_id(
    app: Flask, client: FlaskClient
) -> None:
    asked = client.post("/ask", json={"question": "How much did the solar farm cost?"}).get_json()
    body = {
        **GOOD,
        "question": asked["question"],
        "answer": asked["answer"],
        "citations": asked["citations"],
    }
    response = client.post("/feedback", json=body)
    assert response.status_code == 201, response.get_json()
    assert response.get_json() == {"id": 1}
    assert response.headers["Content-Security-Policy"]
    (stored,) = app_store(app).feedback()
    assert stored.id == 1 and stored.answer == asked["answer"]
    assert stored.citations == tuple(c["id"] for c in asked["citations"])
    assert app_store(app).path == app.config["QA_SETTINGS"].feedback_db


@pytest.mark.parametrize(
    ("send", "status", "code"),
    [
        ({"json": {**GOOD, "verdict": "great"}}, 400, "bad_feedback"),
        ({"json": {"question": "Q?"}}, 400, "bad_feedback"),
        ({"json": [GOOD]}, 400, "bad_request"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "invalid_json"),
        (
            {"data": "question=Q", "content_type": "application/x-www-form-urlencoded"},
            415,
            "unsupported_media_type",
        ),
        ({"json": {**GOOD, "comment": "x" * 70_000}}, 413, "body_too_large"),
    ],
)
def test_malformed_feedback_is_a_4xx_with_the_error_body(
    app: Flask, client: FlaskClient, send: dict[str, Any], status: int, code: str
) -> None:
    response = client.post("/feedback", **send)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]
    assert app_store(app).count() == 0


def test_get_feedback_is_a_405_with_the_error_body(client: FlaskClient) -> None:
    response = client.get("/feedback")
    assert response.status_code == 405 and response.get_json()["error"]["code"]


def test_a_locked_database_is_a_503_that_says_so(app: Flask, client: FlaskClient) -> None:
    app.config["FEEDBACK_TIMEOUT"] = 0.2
    db = app.config["QA_SETTINGS"].feedback_db
    FeedbackStore(db).add(GOOD)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        response = client.post("/feedback", json=GOOD)
        assert time.monotonic() - started < 3
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    error = response.get_json()["error"]
    assert error["code"] == "storage_unavailable" and "is locked" in error["message"]
    assert str(db) not in error["message"]
    assert client.post("/feedback", json=GOOD).status_code == 201


def test_a_damaged_database_is_a_503_that_says_so(app: Flask, client: FlaskClient) -> None:
    app.config["FEEDBACK_DB"] = str(app.config["QA_SETTINGS"].feedback_db) + ".broken"
    Path(app.config["FEEDBACK_DB"]).write_text("not a database")
    response = client.post("/feedback", json=GOOD)
    assert response.status_code == 503 and "Retry-After" not in response.headers
    message = response.get_json()["error"]["message"]
    assert "not a feedback database" in message and app.config["FEEDBACK_DB"] not in message


def test_ask_counts_the_questions_it_abstained_on(app: Flask, client: FlaskClient) -> None:
    unanswerable = "What is the favourite colour of the harbor's cat?"
    asked = [
        unanswerable,
        unanswerable,
        "How much did the solar farm cost?",
        "How many panels does the farm have?",
    ]
    bodies = [client.post("/ask", json={"question": q}).get_json() for q in asked]
    bodies.append(client.get("/ask", query_string={"question": unanswerable}).get_json())
    assert client.post("/ask", json={"question": ""}).status_code == 400  # no abstention
    abstained = Counter(b["question"] for b in bodies if not b["answered"])
    assert abstained[unanswerable] == 3, "the test needs a question the engine abstains on"
    assert any(b["answered"] for b in bodies), "and one it answers"
    assert {g.question: g.count for g in app_store(app).abstentions()} == dict(abstained)


def test_ask_still_answers_when_the_feedback_database_is_broken(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    app.config["FEEDBACK_DB"] = str(app.config["QA_SETTINGS"].feedback_db) + ".broken"
    Path(app.config["FEEDBACK_DB"]).write_text("not a database")
    for _ in range(3):
        response = client.post("/ask", json={"question": "Who owns the moon?"})
        assert response.status_code == 200 and response.get_json()["answered"] is False, (
            "the test needs a question the engine abstains on"
        )
    warnings = [r for r in caplog.records if "abstention not recorded" in r.getMessage()]
    assert len(warnings) == 1, "one warning, not one a request"


# --- a server killed mid-request ---------------------------------------------------------------


def test_a_server_killed_mid_request_keeps_every_acknowledged_write(
    corpus_dir: Path, tmp_path: Path
) -> None:
    import signal

    import requests

    from tests.conftest import start_server

    server = start_server(corpus_dir, tmp_path)
    db = tmp_path / "feedback.sqlite3"
    acknowledged: list[int] = []
    stop = threading.Event()
    lock = threading.Lock()

    def post(n: int) -> None:
        with requests.Session() as session:
            for i in range(400):  # bounded, though the kill ends it far sooner
                if stop.is_set():
                    return
                try:
                    r = session.post(
                        server.url + "/feedback",
                        timeout=5,
                        json={**GOOD, "comment": f"client {n} #{i}"},
                    )
                    if r.status_code != 201:
                        continue
                    record_id = r.json()["id"]  # only a whole 201 body is an acknowledgement
                except (requests.RequestException, ValueError):
                    return  # the server is gone
                with lock:
                    acknowledged.append(record_id)

    clients = [threading.Thread(target=post, args=(n,)) for n in range(6)]
    try:
        for c in clients:
            c.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 150 and time.monotonic() < deadline:
            time.sleep(0.01)
        # SIGKILL the whole server (gunicorn's master and workers: its own process group
        # would take the test with it, so kill the processes we started, by their ids).
        pids = [*_children(server.process.pid), server.process.pid]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.process.wait(timeout=10)
        _wait_until_dead(pids)
    finally:
        stop.set()
        for c in clients:
            c.join(timeout=10)
        if server.process.poll() is None:
            server.process.kill()
    assert len(acknowledged) >= 150, server.log()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {r[0] for r in conn.execute("SELECT id FROM feedback")}
    assert set(acknowledged) <= stored, "an acknowledged write was lost"
    assert FeedbackStore(db).add(GOOD) > max(stored), "the store carries on after the crash"


def _children(pid: int) -> list[int]:
    """The ids of a process's children (gunicorn's workers), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _wait_until_dead(pids: list[int], timeout: float = 10.0) -> None:
    """Until each process is gone or a zombie (it holds no file or lock any more)."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                break
            if state in ("Z", "X"):
                break
            time.sleep(0.01)


def test_a_database_removed_while_in_use_is_created_again(store: FeedbackStore, db: Path) -> None:
    store.add(GOOD)
    store.close()
    for path in db.parent.iterdir():
        path.unlink()
    assert store.add(GOOD) == 1 and store.count() == 1
