"""Every error the API can give has one shape: ``{"error": {"code": ..., "message": ...}}``.

JSON (never an HTML page) on every API path, whatever went wrong: a bad body, a wrong
method, an unknown path, a body too large, too many requests, a crash inside a view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from qa.engine import Engine
from web import create_app
from web.errors import is_api_path

SEED = "china-gene-medicine-valley-wenzhou"

# (method, path, keyword arguments for the test client, expected status)
BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int]] = [
    ("post", "/ask", {}, 415),
    ("post", "/ask", {"data": "{", "content_type": "application/json"}, 400),
    ("post", "/ask", {"json": [1, 2]}, 400),
    ("post", "/ask", {"json": {"question": 7}}, 400),
    ("post", "/ask", {"json": {"question": "  "}}, 400),
    ("post", "/ask", {"json": {"question": "q" * 501}}, 400),
    ("post", "/ask", {"json": {"question": "Who?", "history": {"question": "x"}}}, 400),
    ("post", "/ask", {"json": {"question": "Who?", "history": [{"q": 1}] * 21}}, 400),
    ("post", "/ask", {"json": {"question": "Who?", "extra": True}}, 400),
    (
        "post",
        "/ask",
        {"json": {"question": "Who?", "history": [{"question": "x" * 400}] * 200}},
        413,
    ),
    ("post", "/ask", {"data": "[" * 5000 + "]" * 5000, "content_type": "application/json"}, 400),
    ("post", "/ask", {"data": '{"question": "\\ud800?"}', "content_type": "application/json"}, 400),
    ("post", "/feedback", {"data": '{"\\udc00": 1}', "content_type": "application/json"}, 400),
    ("get", "/ask", {}, 400),
    ("get", "/ask", {"query_string": {"question": ""}}, 400),
    ("delete", "/ask", {}, 405),
    ("patch", "/articles", {}, 405),
    ("post", "/healthz", {}, 405),
    ("put", "/openapi.json", {}, 405),
    ("get", "/feedback", {}, 405),
    ("post", "/feedback", {"json": {"question": "Who?"}}, 400),
    ("post", "/feedback", {"json": {"question": "Who?", "answer": "", "verdict": "meh"}}, 400),
    ("post", "/feedback", {"data": "x", "content_type": "text/plain"}, 415),
    ("put", f"/articles/{SEED}", {"data": "Text.", "content_type": "text/plain"}, 403),
    ("delete", f"/articles/{SEED}", {}, 403),
    ("get", f"/articles/{SEED}x", {}, 404),
    ("get", "/articles/", {}, 404),
    ("get", "/nothing-here", {}, 404),
    ("get", "/ask/", {}, 404),
    ("get", "/static/missing.js", {}, 404),
]


def assert_error_shape(response: TestResponse, status: int) -> dict[str, str]:
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    error: dict[str, str] = body["error"]
    assert set(error) == {"code", "message"}
    assert error["code"] and error["code"] == error["code"].lower() and " " not in error["code"]
    message = error["message"]
    assert len(message.split()) >= 3 and message.endswith("."), message  # a sentence
    assert "<" not in message and "Traceback" not in message
    return error


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), BAD_REQUESTS)
def test_every_error_has_the_same_json_shape(
    client: FlaskClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    assert_error_shape(getattr(client, method)(path, **kwargs), status)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [r for r in BAD_REQUESTS if is_api_path(r[1])],  # elsewhere a browser gets an HTML page
)
def test_api_errors_are_json_even_for_a_browser(
    client: FlaskClient, method: str, path: str, kwargs: dict[str, Any], status: int
) -> None:
    headers = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    assert_error_shape(getattr(client, method)(path, headers=headers, **kwargs), status)


def test_a_405_names_the_methods_that_work(client: FlaskClient) -> None:
    response = client.delete("/ask")
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}
    assert "GET or POST" in response.get_json()["error"]["message"]


def test_the_codes_say_what_kind_of_error(client: FlaskClient) -> None:
    def code(response: TestResponse) -> str:
        return str(response.get_json()["error"]["code"])

    assert code(client.post("/ask", json={"question": ""})) == "bad_question"
    assert code(client.post("/ask", data="{", content_type="application/json")) == "invalid_json"
    assert code(client.post("/ask", data="hi")) == "unsupported_media_type"
    assert code(client.get("/nope")) == "not_found"
    assert code(client.delete("/ask")) == "method_not_allowed"
    assert code(client.post("/ask", json={"question": "x" * 70_000})) == "body_too_large"
    bad_feedback = client.post("/feedback", json={"question": "Q", "answer": "", "verdict": "?"})
    assert code(bad_feedback) == "bad_feedback"


def test_a_crash_inside_a_view_is_a_json_500_without_details(
    engine: Engine, tmp_path: Path
) -> None:
    app = create_app({"QA_SETTINGS": {"feedback_db": tmp_path / "f.db"}}, engine=engine)

    @app.get("/ask/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    response = app.test_client().get("/ask/boom")
    error = assert_error_shape(response, 500)
    assert error["code"] == "internal_error" and "secret" not in error["message"]


def test_too_many_requests_is_a_429_with_the_error_body(engine: Engine, tmp_path: Path) -> None:
    app = create_app(
        {"RATE_LIMIT": 2, "QA_SETTINGS": {"feedback_db": tmp_path / "f.db"}}, engine=engine
    )
    client = app.test_client()
    for _ in range(2):
        assert client.post("/ask", json={"question": "Who?"}).status_code == 200
        assert client.get("/healthz").status_code == 200  # never limited
    response = client.post("/ask", json={"question": "Who?"})
    assert assert_error_shape(response, 429)["code"] == "rate_limited"
    assert int(response.headers["Retry-After"]) >= 1


def test_errors_carry_the_security_headers(app: Flask, client: FlaskClient) -> None:
    response = client.get("/nope")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
