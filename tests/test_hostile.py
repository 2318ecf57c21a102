"""Hostile and broken clients against a real ``qa serve`` on loopback (issue #13).

Each request here is one a security probe sent: bytes no client library would send, bodies
that never finish, costly questions, abuse of storage and logs. Each gets its documented
answer, the JSON error body with its code, in bounded time, and the service keeps serving
everyone else. Bounds are generous (seconds, not milliseconds): they say "it did not hang",
not how fast it is; ``scripts/loadtest.py --hostile`` measures that.

The server is this module's own (it is flooded, and its database is locked on purpose), with
``QA_MAX_ABSTENTIONS=5`` so that the cap on stored questions shows with a few requests.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from qa.config import Settings
from qa.feedback import SQLiteStore
from tests.conftest import LiveServer, start_server, stop_server
from tests.hostile import (
    Reply,
    chunk,
    chunked_head,
    connect,
    exchange,
    get,
    nested,
    post,
    random_word,
)

pytestmark = pytest.mark.hostile

TIMEOUT = Settings().request_timeout  # qa serve's default: a request must arrive within it
PATIENCE = 5.0  # seconds in which every refusal must have come, generously
ASK = b'{"question": "When was the valley established?"}'
# A 500 in the access log ("POST /ask 500 3.1ms"), not any "500" ("4 facts in 500 ms").
SERVER_ERROR = re.compile(r" \S+ 500 [\d.]+ms$", re.MULTILINE)


@pytest.fixture(scope="module")
def server(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("hostile")
    live = start_server(corpus_dir, folder, settings={"QA_MAX_ABSTENTIONS": "5"})
    yield live
    stop_server(live)


def assert_refused(reply: Reply, status: int, code: str) -> None:
    """The documented status, the JSON error body with ``code``, the security headers, and
    soon (the server did not wait on the client's bytes longer than its timeout)."""
    assert reply.status == status, (reply.status, reply.body[:300])
    assert reply.headers["content-type"] == "application/json"
    body = reply.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    assert body["error"]["message"].endswith("."), body
    assert "default-src 'self'" in reply.headers["content-security-policy"]
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.seconds < PATIENCE


# --- every request of the probe, replayed ---------------------------------------------------

CHUNKED_OVER_LIMIT = json.dumps(
    {"question": "Who?", "history": [{"question": "q" * 400, "answer": "a" * 7000}] * 20}
).encode()

REPLAYS: dict[str, tuple[tuple[bytes, ...], int, str]] = {
    # 3. once unhandled 500s
    "JSON nested 1,000 deep on /ask": (
        (post("/ask", b'{"question": ' + nested(1000) + b"}"),),
        400,
        "invalid_json",
    ),
    "JSON nested 1,000 deep on /feedback": (
        (post("/feedback", nested(1000)),),
        400,
        "invalid_json",
    ),
    "a lone surrogate in an /ask question": (
        (post("/ask", b'{"question": "Who is \\ud800 here?"}'),),
        400,
        "invalid_json",
    ),
    "a lone surrogate in a /feedback question": (
        (post("/feedback", b'{"question": "\\udfff?", "answer": "A", "verdict": "helpful"}'),),
        400,
        "invalid_json",
    ),
    "a malformed chunk size": (
        (chunked_head("/ask") + b"zz\r\n{}\r\n0\r\n\r\n",),
        400,
        "malformed_request",
    ),
    # 4. bodies that never complete
    "a Content-Length larger than the body": (
        (post("/ask", ASK, length=len(ASK) + 40),),
        408,
        "request_timeout",
    ),
    "a chunked body with no last chunk": (
        (chunked_head("/ask") + chunk(ASK),),
        408,
        "request_timeout",
    ),
    # 5. chunked past the size limit
    "a chunked body over the size limit": (
        (chunked_head("/ask") + chunk(CHUNKED_OVER_LIMIT) + b"0\r\n\r\n",),
        413,
        "body_too_large",
    ),
    # 6. what gunicorn answers itself
    "a request line that is not HTTP": ((b"GARBAGE\r\n\r\n",), 400, "malformed_request"),
    "an address of 9,000 characters": ((get("/" + "a" * 9000),), 414, "uri_too_long"),
    "a header of 9,000 characters": (
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n",),
        431,
        "headers_too_large",
    ),
    "an Expect the server does not do": (
        (b"POST /ask HTTP/1.1\r\nHost: x\r\nExpect: a-miracle\r\nContent-Length: 2\r\n\r\n{}",),
        417,
        "expectation_failed",
    ),
    "a transfer coding the server does not know": (
        (b"POST /ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: foo\r\n\r\n",),
        501,
        "not_implemented",
    ),
    "120 headers": (
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-H: 1\r\n" * 120 + b"\r\n",),
        431,
        "headers_too_large",
    ),
}


@pytest.mark.parametrize("name", list(REPLAYS))
def test_each_hostile_request_gets_its_documented_error(server: LiveServer, name: str) -> None:
    parts, status, code = REPLAYS[name]
    assert_refused(exchange(server.url, *parts), status, code)


def test_the_replays_leave_the_server_healthy(server: LiveServer) -> None:
    with ThreadPoolExecutor(len(REPLAYS)) as pool:  # all at once
        replies = list(pool.map(lambda parts: exchange(server.url, *parts[0]), REPLAYS.values()))
    assert [r.status for r in replies] == [status for _, status, _ in REPLAYS.values()]
    assert exchange(server.url, post("/ask", ASK)).status == 200
    log = server.log()
    assert "Traceback" not in log and not SERVER_ERROR.search(log)
    assert server.log().count("Booting worker") == 2, "no worker was killed and restarted"


def test_a_body_sent_a_byte_at_a_time_is_cut_off_at_the_deadline(server: LiveServer) -> None:
    head = post("/ask", b"", length=len(ASK))
    trickle = [head, *(bytes([b]) for b in ASK)]
    reply = exchange(server.url, *trickle, gap=TIMEOUT / 8)  # each byte in good time
    assert_refused(reply, 408, "request_timeout")
    assert reply.seconds < TIMEOUT + 1.0, "the deadline is for the whole body, not each read"


def test_a_chunked_body_within_the_limit_is_read_whole(server: LiveServer) -> None:
    half = len(ASK) // 2
    reply = exchange(
        server.url, chunked_head("/ask") + chunk(ASK[:half]) + chunk(ASK[half:]) + b"0\r\n\r\n"
    )
    assert reply.status == 200 and "2019" in reply.json()["answer"]


def test_options_is_a_204_with_the_allowed_methods(server: LiveServer) -> None:
    reply = exchange(server.url, b"OPTIONS /ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert reply.status == 204 and reply.body == b""
    assert set(reply.headers["allow"].split(", ")) >= {"GET", "POST", "OPTIONS"}
    assert "content-type" not in reply.headers
    assert "default-src 'self'" in reply.headers["content-security-policy"]


# --- 1. slow and idle connections -------------------------------------------------------------


def test_slow_and_idle_connections_do_not_stall_other_clients(server: LiveServer) -> None:
    """50 connections that send nothing and 50 that drip a header line every half second,
    while a normal client asks and checks health: it is answered as if they were not there."""
    stop = threading.Event()
    idle = [connect(server.url) for _ in range(50)]

    def drip() -> None:
        while not stop.is_set():  # bounded: the test sets stop after a few seconds
            try:
                with connect(server.url) as sock:
                    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                    while not stop.wait(0.5):
                        sock.sendall(b"X-Slow: yes\r\n")
            except OSError:
                continue  # closed by the server for being slow: come back, as an attacker would

    drippers = [threading.Thread(target=drip) for _ in range(50)]
    for t in drippers:
        t.start()
    latencies: list[float] = []
    try:
        time.sleep(0.5)
        deadline = time.monotonic() + 4.0
        while time.monotonic() < deadline and len(latencies) < 400:
            for request in (get("/healthz"), post("/ask", ASK)):
                reply = exchange(server.url, request)
                assert reply.status == 200
                latencies.append(reply.seconds)
    finally:
        stop.set()
        for t in drippers:
            t.join(timeout=10)
        for sock in idle:
            sock.close()
    latencies.sort()
    assert len(latencies) >= 20
    assert latencies[int(len(latencies) * 0.99)] < 1.0, latencies[-5:]


def test_a_client_that_never_finishes_its_headers_is_let_go(server: LiveServer) -> None:
    reply = exchange(server.url, b"GET /healthz HTTP/1.1\r\n", b"Host: x\r\n", gap=0.1)
    assert reply.status == 0, "nothing to answer: the request never came whole"
    assert reply.seconds < TIMEOUT + 2.0


# --- 2. costly questions ------------------------------------------------------------------------


def follow_ups(letters: int) -> dict[str, object]:
    """20 turns of "And <word>?" after "What is <word>?": each follow-up re-asks the one
    before it with its own word added, so the last one holds all 21 words."""
    words = [random_word(letters, seed=n) for n in range(21)]
    turns = [{"question": f"What is {words[0]}?", "answer": "No."}]
    turns += [{"question": f"And {w}?", "answer": "No."} for w in words[1:20]]
    return {"question": f"And {words[20]}?", "history": turns}


# A question's body and its status: answered, or refused for what it would grow to.
COSTLY: dict[str, tuple[dict[str, object], int]] = {
    "a 490-letter word": ({"question": "What is " + random_word(490) + "?"}, 200),
    "follow-ups adding up 21 words of 40 letters": (follow_ups(40), 200),
    "follow-ups adding up 21 words of 480 letters": (follow_ups(480), 400),
}


@pytest.mark.parametrize("name", list(COSTLY))
def test_a_costly_question_is_answered_and_others_are_not_held_up(
    server: LiveServer, name: str
) -> None:
    body, status = COSTLY[name]
    request = post("/ask", json.dumps(body).encode())
    with ThreadPoolExecutor(4) as pool:
        costly = [pool.submit(exchange, server.url, request) for _ in range(2)]
        health = pool.submit(exchange, server.url, get("/healthz")).result()
        answers = [c.result() for c in costly]
    assert health.status == 200 and health.seconds < 1.0
    for reply in answers:
        assert reply.status == status and reply.seconds < PATIENCE
    if status == 400:
        assert "spelled out" in answers[0].json()["error"]["message"]


def test_a_follow_up_that_spells_out_to_a_huge_question_is_refused(server: LiveServer) -> None:
    name = " ".join(random_word(8, seed=n).capitalize() for n in range(60))
    body = {
        "question": ("Did it see it " * 40)[:490] + "?",
        "history": [{"question": "What did they find?", "answer": f"They found {name}."}],
    }
    reply = exchange(server.url, post("/ask", json.dumps(body).encode()))
    assert_refused(reply, 400, "bad_question")
    assert "spelled out" in reply.json()["error"]["message"]


# --- 7. storage and logs --------------------------------------------------------------------------


def test_abstained_questions_are_kept_up_to_the_cap(server: LiveServer) -> None:
    for n in range(12):
        body = json.dumps({"question": f"What is the colour of door number {n}?"}).encode()
        reply = exchange(server.url, post("/ask", body))
        assert reply.status == 200 and reply.json()["answered"] is False
    deadline = time.monotonic() + 10  # the server writes them after answering
    while True:
        with sqlite3.connect(server.feedback_db) as conn:
            (stored,) = conn.execute("SELECT count(*) FROM abstentions").fetchone()
        if stored == 5 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert stored == 5  # QA_MAX_ABSTENTIONS


def test_a_newline_in_a_path_cannot_forge_a_log_line(server: LiveServer) -> None:
    reply = exchange(server.url, get("/nothing%0a1.2.3.4%20GET%20/admin%20200%201.0ms"))
    assert reply.status == 404
    forged = [line for line in server.log().splitlines() if line.startswith("1.2.3.4")]
    assert forged == []
    assert "GET /nothing\\x0a1.2.3.4\\x20GET\\x20/admin" in server.log()


def test_a_locked_database_is_a_503_within_about_a_second(server: LiveServer) -> None:
    feedback = json.dumps({"question": "Who?", "answer": "Nobody.", "verdict": "helpful"})
    assert exchange(server.url, post("/feedback", feedback.encode())).status == 201
    holder = sqlite3.connect(server.feedback_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with ThreadPoolExecutor(2) as pool:
            refused = pool.submit(exchange, server.url, post("/feedback", feedback.encode()))
            health = pool.submit(exchange, server.url, get("/healthz")).result()
            reply = refused.result()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_refused(reply, 503, "storage_unavailable")
    assert reply.seconds < 3.0 and reply.headers["retry-after"] == "1"
    assert "locked" in reply.json()["error"]["message"]
    assert str(server.feedback_db) not in reply.json()["error"]["message"]
    assert health.status == 200
    assert exchange(server.url, post("/feedback", feedback.encode())).status == 201


READ_ONLY_APP = textwrap.dedent(
    """
    import json, os, sys
    from web import create_app
    app = create_app({"QA_SETTINGS": {"corpus": sys.argv[1], "feedback_db": sys.argv[2]}})
    client = app.test_client()
    client.get("/healthz")  # everything imported while files can still be read
    if os.geteuid() == 0:  # become nobody: root could write any file
        os.setgid(65534)
        os.setuid(65534)
    reply = client.post("/feedback", json={"question": "Q?", "answer": "A", "verdict": "helpful"})
    print(json.dumps({"status": reply.status_code, "body": reply.get_json()}))
    """
)


def test_a_read_only_database_is_a_503_that_does_not_say_where(corpus_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="qa-readonly-") as folder:
        db = Path(folder) / "feedback.sqlite3"
        SQLiteStore(db).add({"question": "Q?", "answer": "A", "verdict": "helpful"})
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        try:
            run = subprocess.run(
                [sys.executable, "-c", READ_ONLY_APP, str(corpus_dir), str(db)],
                capture_output=True,
                text=True,
                timeout=120,
            )
        finally:
            os.chmod(folder, 0o755)
            os.chmod(db, 0o644)
    assert run.returncode == 0, run.stderr
    reply = json.loads(run.stdout.splitlines()[-1])
    assert reply == {
        "status": 503,
        "body": {
            "error": {"code": "storage_unavailable", "message": "Feedback storage is read-only."}
        },
    }
