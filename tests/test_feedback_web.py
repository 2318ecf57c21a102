"""``POST /feedback``, the abstentions ``/ask`` records, and servers killed mid-stream, on each
back end (an SQLite file, then PostgreSQL)."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from qa.engine import Engine
from qa.feedback import FeedbackStore, open_store
from tests.conftest import kill_server, start_server
from tests.feedback_support import GOOD, ids, make_foreign, query, write_lock_held
from web import create_app
from web.feedback import feedback_store, recorder

UNANSWERABLE = "What is the favourite colour of the harbor's cat?"


@pytest.fixture
def app(engine: Engine, feedback_location: str) -> Flask:
    return create_app(
        {"TESTING": True, "QA_SETTINGS": {"feedback_db": feedback_location}}, engine=engine
    )


def app_store(app: Flask) -> FeedbackStore:
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


def test_a_locked_database_is_a_503_that_says_so(
    app: Flask, client: FlaskClient, feedback_location: str
) -> None:
    app.config["FEEDBACK_TIMEOUT"] = 0.2
    open_store(feedback_location).add(GOOD)
    with write_lock_held(feedback_location):
        started = time.monotonic()
        response = client.post("/feedback", json=GOOD)
        assert time.monotonic() - started < 3
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    error = response.get_json()["error"]
    assert error["code"] == "storage_unavailable" and "is locked" in error["message"]
    assert app_store(app).location not in error["message"]
    assert client.post("/feedback", json=GOOD).status_code == 201


def test_a_damaged_database_is_a_503_that_says_so(
    app: Flask, client: FlaskClient, feedback_location: str
) -> None:
    make_foreign(feedback_location)
    response = client.post("/feedback", json=GOOD)
    assert response.status_code == 503 and "Retry-After" not in response.headers
    message = response.get_json()["error"]["message"]
    assert "not a feedback database" in message and app_store(app).location not in message


def test_an_unreachable_database_is_a_503_within_about_a_second(engine: Engine) -> None:
    with socket.socket() as hanging:  # takes connections, never answers
        hanging.bind(("127.0.0.1", 0))
        hanging.listen(16)
        url = f"postgresql://qa@127.0.0.1:{hanging.getsockname()[1]}/feedback"
        app = create_app({"QA_SETTINGS": {"feedback_db": url}}, engine=engine)
        started = time.monotonic()
        response = app.test_client().post("/feedback", json=GOOD)
        assert time.monotonic() - started < 2.5
        assert response.status_code == 503
        assert response.get_json()["error"]["message"] == "Feedback storage cannot be reached."
        app_store(app).close()


def test_ask_counts_the_questions_it_abstained_on(app: Flask, client: FlaskClient) -> None:
    asked = [
        UNANSWERABLE,
        UNANSWERABLE,
        "How much did the solar farm cost?",
        "How many panels does the farm have?",
    ]
    bodies = [client.post("/ask", json={"question": q}).get_json() for q in asked]
    bodies.append(client.get("/ask", query_string={"question": UNANSWERABLE}).get_json())
    assert client.post("/ask", json={"question": ""}).status_code == 400  # no abstention
    abstained = Counter(b["question"] for b in bodies if not b["answered"])
    assert abstained[UNANSWERABLE] == 3, "the test needs a question the engine abstains on"
    assert any(b["answered"] for b in bodies), "and one it answers"
    assert recorder(app).flush()
    assert {g.question: g.count for g in app_store(app).abstentions()} == dict(abstained)


def test_ask_answers_without_waiting_for_a_database_that_hangs(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as hanging:
        hanging.bind(("127.0.0.1", 0))
        hanging.listen(16)
        url = f"postgresql://qa@127.0.0.1:{hanging.getsockname()[1]}/feedback"
        app = create_app({"QA_SETTINGS": {"feedback_db": url}}, engine=engine)
        client = app.test_client()
        for _ in range(3):
            response = client.post("/ask", json={"question": "Who owns the moon?"})
            assert response.status_code == 200 and response.get_json()["answered"] is False, (
                "the test needs a question the engine abstains on"
            )
        writer = recorder(app)
        assert writer.queue.unfinished_tasks > 0, "answered while the write still waits"
        assert writer.flush()
        app_store(app).close()
    warnings = [r for r in caplog.records if "abstention not recorded" in r.getMessage()]
    assert len(warnings) == 1, "one warning, not one a request"


def test_a_served_ask_never_waits_for_a_database_that_hangs(
    corpus_dir: Path, tmp_path: Path
) -> None:
    """One worker: while a POST /feedback waits for a database that never answers, the same
    worker answers /ask (an abstention, whose own write is queued) at once."""
    import requests

    with socket.socket() as hanging:
        hanging.bind(("127.0.0.1", 0))
        hanging.listen(16)
        url = f"postgresql://qa@127.0.0.1:{hanging.getsockname()[1]}/feedback"
        server = start_server(corpus_dir, tmp_path, feedback_db=url, args=("--workers", "1"))
        finished: list[str] = []
        try:

            def post_feedback() -> None:
                reply = requests.post(server.url + "/feedback", json=GOOD, timeout=10)
                finished.append(f"feedback {reply.status_code}")

            waiting = threading.Thread(target=post_feedback)
            waiting.start()
            time.sleep(0.2)  # the feedback is now waiting for a connection
            for question in (UNANSWERABLE, "How much did the solar farm cost?"):
                reply = requests.get(server.url + "/ask", params={"question": question}, timeout=10)
                finished.append(f"ask {reply.status_code}")
            waiting.join(timeout=10)
        finally:
            kill_server(server)  # quicker than a graceful stop, and nothing is left to finish
    assert finished == ["ask 200", "ask 200", "feedback 503"], server.log()[-2000:]


# --- servers killed mid-stream -------------------------------------------------------------


def post_until_stopped(url: str, n: int, stop: threading.Event, acknowledged: list[int]) -> None:
    """POST feedback to ``url`` until ``stop`` or the server goes; keep each acknowledged id."""
    import requests

    with requests.Session() as session:
        for i in range(400):  # bounded, though the kill ends it far sooner
            if stop.is_set():
                return
            try:
                r = session.post(
                    url + "/feedback", timeout=5, json={**GOOD, "comment": f"client {n} #{i}"}
                )
                if r.status_code != 201:
                    continue
                record_id = r.json()["id"]  # only a whole 201 body is an acknowledgement
            except (requests.RequestException, ValueError):
                return  # the server is gone
            acknowledged.append(record_id)


def test_two_servers_killed_one_mid_stream_keep_every_acknowledged_write(
    corpus_dir: Path, tmp_path: Path, feedback_location: str
) -> None:
    """Two replicas on one database, clients posting to both; one is killed with ``kill -9``
    mid-stream. Every write either replica acknowledged is there, once."""
    servers = []
    for name in ("killed", "survivor"):
        (tmp_path / name).mkdir()
        servers.append(start_server(corpus_dir, tmp_path / name, feedback_db=feedback_location))
    killed, survivor = servers
    acked: list[list[int]] = [[], []]  # the ids each replica acknowledged
    stop = threading.Event()
    clients = [
        threading.Thread(target=post_until_stopped, args=(s.url, n, stop, acked[n % 2]))
        for n, s in enumerate(servers * 3)  # three clients on each
    ]
    after_kill = 0
    try:
        for c in clients:
            c.start()
        deadline = time.monotonic() + 30
        while min(map(len, acked)) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        kill_server(killed)
        after_kill = len(acked[1]) + 30
        while len(acked[1]) < after_kill and time.monotonic() < deadline:
            time.sleep(0.01)  # the other replica carries on meanwhile
    finally:
        stop.set()
        for c in clients:
            c.join(timeout=10)
        for s in servers:
            if s.process.poll() is None:
                kill_server(s)
    assert min(map(len, acked)) >= 60, killed.log() + survivor.log()
    assert len(acked[1]) >= after_kill, "the other replica kept serving"
    every = acked[0] + acked[1]
    stored = ids(feedback_location)
    assert len(set(every)) == len(every), "two acknowledgements share an id"
    assert set(every) <= set(stored), "an acknowledged write was lost"
    assert len(stored) == len(set(stored))
    if not feedback_location.startswith("postgresql"):
        assert query(feedback_location, "PRAGMA integrity_check") == [("ok",)]
    store = open_store(feedback_location)
    assert store.add(GOOD) > max(stored), "the store carries on after the crash"
    store.close()
