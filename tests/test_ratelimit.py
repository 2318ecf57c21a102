"""The per-client rate limit: token buckets, and the 429 the app answers when one is empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from qa.engine import Engine
from web import create_app
from web.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_may_burst_up_to_the_limit_then_waits_for_the_refill() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock)  # 6 a minute: one every 10 s
    assert [limiter.take("a") for _ in range(6)] == [0.0] * 6
    assert limiter.take("a") == pytest.approx(10.0)
    assert limiter.take("b") == 0.0, "each client has its own bucket"
    clock.now += 5
    assert limiter.take("a") == pytest.approx(5.0), "refused requests spend nothing"
    clock.now += 5
    assert limiter.take("a") == 0.0
    clock.now += 3600
    assert [limiter.take("a") for _ in range(7)][-2:] == [0.0, pytest.approx(10.0)]


def test_idle_and_surplus_clients_are_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(60, clock, max_clients=100)
    for n in range(500):
        limiter.take(f"client {n}")
    assert len(limiter) <= 100
    clock.now += 61  # every bucket has refilled: nothing worth keeping
    limiter.take("new")
    assert len(limiter) == 1


def test_a_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0)


def limited_app(engine: Engine, tmp_path, limit: int) -> Flask:
    return create_app(
        {
            "TESTING": True,
            "QA_SETTINGS": {"rate_limit": limit, "feedback_db": tmp_path / "feedback.sqlite3"},
        },
        engine=engine,
    )


def test_over_the_limit_the_api_answers_429_with_a_message_and_retry_after(
    engine: Engine, tmp_path: Path
) -> None:
    client = limited_app(engine, tmp_path, 3).test_client()
    question = {"question": "How much did the solar farm cost?"}
    assert client.post("/ask", json=question).status_code == 200
    assert client.get("/ask", query_string=question).status_code == 200
    feedback = {"question": "Q", "answer": "A", "verdict": "helpful"}
    assert client.post("/feedback", json=feedback).status_code == 201
    response = client.post("/ask", json=question)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "20"
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert "the limit is 3 a minute" in error["message"] and "20 seconds" in error["message"]
    assert response.headers["Content-Security-Policy"], "security headers on a 429 too"
    assert client.post("/feedback", json=feedback).status_code == 429


def test_only_the_answering_endpoints_count(engine: Engine, tmp_path: Path) -> None:
    client = limited_app(engine, tmp_path, 1).test_client()
    for _ in range(5):
        assert client.get("/static/app.css").status_code == 200
        assert client.get("/", headers={"Accept": "text/html"}).status_code == 200
        assert client.get("/healthz").status_code == 200
        assert client.get("/openapi.json").status_code == 200
    html = {"Accept": "text/html"}  # even a browser gets the API's JSON error from /ask
    assert client.get("/ask?question=Who", headers=html).status_code == 200
    refused = client.get("/ask?question=Who", headers=html)
    assert refused.status_code == 429 and refused.mimetype == "application/json"
    assert "the limit is 1 a minute" in refused.get_json()["error"]["message"]
    assert refused.headers["Retry-After"] == "60"
    refused = client.post(
        "/feedback", json={"question": "Who?", "answer": "", "verdict": "helpful"}
    )
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "rate_limited"


def test_another_client_is_not_limited(engine: Engine, tmp_path: Path) -> None:
    client = limited_app(engine, tmp_path, 1).test_client()
    question = {"question": "Who built the farm?"}
    assert client.post("/ask", json=question).status_code == 200
    assert client.post("/ask", json=question).status_code == 429
    other = client.post("/ask", json=question, environ_overrides={"REMOTE_ADDR": "10.0.0.2"})
    assert other.status_code == 200


def test_behind_a_proxy_each_forwarded_client_has_its_own_limit(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(
        {"QA_SETTINGS": {"rate_limit": 1, "proxies": 1, "feedback_db": tmp_path / "f.db"}},
        engine=engine,
    )
    client = app.test_client()
    question = {"question": "Who built the farm?"}

    def ask(forwarded: str) -> int:
        headers = {"X-Forwarded-For": forwarded}
        return client.post("/ask", json=question, headers=headers).status_code

    caplog.set_level("INFO", logger="web.access")
    assert ask("203.0.113.7") == 200 and ask("203.0.113.8") == 200
    assert ask("203.0.113.7") == 429
    # A client cannot pick a fresh address: only the entry the proxy appended counts.
    assert ask("198.51.100.1, 203.0.113.7") == 429
    assert any(r.getMessage().startswith("203.0.113.8 POST /ask 200") for r in caplog.records)


def test_the_limit_is_off_by_default(app: Flask, client: FlaskClient) -> None:
    assert app.config["QA_SETTINGS"].rate_limit == 0
    assert "qa_rate_limiter" not in app.extensions
    question = {"question": "Who built the farm?"}
    assert all(client.post("/ask", json=question).status_code == 200 for _ in range(100))
