"""The JSON API as a program uses it: /ask, /articles, /healthz, and every bad input.

The shape of every error body is pinned in test_error_shape.py; conformance to the OpenAPI
document in test_openapi.py. Here: what each endpoint answers, and which status and code
each kind of bad input gets.
"""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from qa.engine import Engine
from tests.conftest import LiveServer
from web import create_app

SEED = "china-gene-medicine-valley-wenzhou"
HARBOR = "harbor-solar-farm"


def ask(
    client: FlaskClient, question: str, history: list[dict[str, str]] | None = None
) -> TestResponse:
    body: dict[str, object] = {"question": question}
    if history is not None:
        body["history"] = history
    return client.post("/ask", json=body)


# --- /ask --------------------------------------------------------------------------------------


def test_ask_returns_the_engines_answer_with_citations(client: FlaskClient, engine: Engine) -> None:
    response = ask(client, "Who is the chairman of Uren Biotech?")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body == engine.ask("Who is the chairman of Uren Biotech?").to_dict()
    assert list(body)[:6] == [
        "answer",
        "answered",
        "method",
        "confidence",
        "citations",
        "derivation",
    ]
    assert "Zheng Peiduo" in body["answer"] and body["answered"] is True
    citation = body["citations"][0]
    assert set(citation) == {"id", "article", "text", "start", "end"}
    assert citation["article"] == SEED
    article = engine.article(SEED)
    assert article is not None
    assert article.text[citation["start"] : citation["end"]] == citation["text"]


def test_get_ask_answers_the_same_as_post(client: FlaskClient) -> None:
    question = "How much did the solar farm cost?"
    got = client.get("/ask", query_string={"question": question})
    assert got.status_code == 200
    assert got.get_json() == ask(client, question).get_json()
    assert got.get_json()["citations"][0]["article"] == HARBOR


def test_follow_up_uses_history(client: FlaskClient) -> None:
    first = ask(client, "What does Uren Biotech focus on?").get_json()
    history = [{"question": "What does Uren Biotech focus on?", "answer": first["answer"]}]
    follow_up = ask(client, "When did it move to the valley?", history).get_json()
    assert "Uren Biotech" in (follow_up["resolved_question"] or "")
    assert "June 2020" in follow_up["answer"]
    alone = ask(client, "When did it move to the valley?").get_json()
    assert alone["resolved_question"] in (None, alone["question"])


def test_abstains_on_what_the_articles_do_not_say(client: FlaskClient) -> None:
    body = ask(client, "Who is the president of France?").get_json()
    assert body["answered"] is False and body["method"] == "none"
    assert body["citations"] == [] and body["answer"]


def test_history_may_be_null_or_empty(client: FlaskClient) -> None:
    history: list[dict[str, str]] | None
    for history in (None, []):
        response = client.post(
            "/ask", json={"question": "When was the valley established?", "history": history}
        )
        assert response.status_code == 200


def test_answers_are_not_cached(client: FlaskClient) -> None:
    assert ask(client, "When was the valley established?").headers["Cache-Control"] == "no-store"


# --- /healthz, /articles --------------------------------------------------------------------


def test_healthz_when_the_index_is_loaded(client: FlaskClient, engine: Engine) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    version = body.pop("corpus_version")
    assert body == {"status": "ok", "articles": 2, "sentences": len(engine.sentences)}
    assert re.fullmatch(r"[0-9a-f]{16}", version), "a hash of the corpus served"
    other = create_app({"TESTING": True}, engine=Engine.from_corpus(engine.settings.corpus))
    assert other.test_client().get("/healthz").get_json()["corpus_version"] == version, (
        "two servers of the same articles report the same version"
    )


def test_articles_lists_metadata_without_server_paths(client: FlaskClient) -> None:
    articles = client.get("/articles").get_json()["articles"]
    assert [a["id"] for a in articles] == [SEED, HARBOR]
    seed = articles[0]
    assert seed == {
        "id": SEED,
        "title": "China Gene Medicine Valley",
        "source": "ALMS",
        "date": "2022-03-08",
        "paragraphs": seed["paragraphs"],
        "characters": seed["characters"],
    }
    assert "path" not in seed and "text" not in seed


def test_one_article_has_its_text_and_sentence_offsets(client: FlaskClient, engine: Engine) -> None:
    body = client.get(f"/articles/{HARBOR}").get_json()
    article = engine.article(HARBOR)
    assert article is not None
    assert body["id"] == HARBOR and body["text"] == article.text
    assert [s["id"] for s in body["sentences"]] == [s.id for s in engine.sentences_of(HARBOR)]
    for sentence in body["sentences"]:
        assert body["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    cited = ask(client, "How much did the solar farm cost?").get_json()["citations"][0]
    assert cited["id"] in {s["id"] for s in body["sentences"]}


def test_unknown_article_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
    assert "no-such-article" in response.get_json()["error"]["message"]


# --- bad input: each gets a 4xx, a code, and a message that says what to fix ---------------

LONG = "why " * 200


@pytest.mark.parametrize(
    ("kwargs", "status", "code", "says"),
    [
        ({}, 415, "unsupported_media_type", "Content-Type: application/json"),
        ({"data": "question=hi"}, 415, "unsupported_media_type", "as JSON"),
        ({"data": "", "content_type": "application/json"}, 400, "invalid_json", "empty"),
        (
            {"data": "{question: 1", "content_type": "application/json"},
            400,
            "invalid_json",
            "not valid JSON",
        ),
        (
            {"data": b"\xff\xfe", "content_type": "application/json"},
            400,
            "invalid_json",
            "not valid JSON",
        ),
        ({"json": ["Who?"]}, 400, "bad_request", "JSON object"),
        ({"data": "null", "content_type": "application/json"}, 400, "bad_request", "JSON object"),
        ({"json": {}}, 400, "bad_request", '"question"'),
        ({"json": {"question": "Who?", "lang": "en"}}, 400, "bad_request", '"lang"'),
        ({"json": {"question": 42}}, 400, "bad_question", "must be a string"),
        ({"json": {"question": None}}, 400, "bad_question", "must be a string"),
        ({"json": {"question": ""}}, 400, "bad_question", "empty"),
        ({"json": {"question": " \t\n "}}, 400, "bad_question", "empty"),
        ({"json": {"question": "x" * 501}}, 400, "bad_question", "longer than 500"),
        ({"json": {"question": LONG}}, 400, "bad_question", "longer than 500"),
        (
            {"json": {"question": "Who?", "history": "earlier"}},
            400,
            "bad_question",
            "History must be a list",
        ),
        (
            {"json": {"question": "Who?", "history": [{"answer": "no question"}]}},
            400,
            "bad_question",
            "history[0]",
        ),
        ({"json": {"question": "Who?", "history": ["Who?"]}}, 400, "bad_question", "history[0]"),
        (
            {"json": {"question": "Who?", "history": [{"question": 1}]}},
            400,
            "bad_question",
            "history[0]",
        ),
        (
            {"json": {"question": "Who?", "history": [{"question": "Who?", "answer": 3}]}},
            400,
            "bad_question",
            "history[0]",
        ),
        (
            {"json": {"question": "Who?", "history": [{"question": "q" * 501}]}},
            400,
            "bad_question",
            "too long",
        ),
        (
            {"json": {"question": "Who?", "history": [{"question": "Who?"}] * 21}},
            400,
            "bad_question",
            "more than 20 turns",
        ),
    ],
)
def test_bad_ask_bodies(
    client: FlaskClient, kwargs: dict[str, Any], status: int, code: str, says: str
) -> None:
    response = client.post("/ask", **kwargs)
    assert (response.status_code, response.get_json()["error"]["code"]) == (status, code)
    assert says in response.get_json()["error"]["message"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({}, "?question="),
        ({"question": ""}, "empty"),
        ({"question": "   "}, "empty"),
        ({"question": "y" * 501}, "longer than 500"),
    ],
)
def test_bad_get_ask(client: FlaskClient, query: dict[str, str], says: str) -> None:
    response = client.get("/ask", query_string=query)
    assert response.status_code == 400
    assert says in response.get_json()["error"]["message"]


def test_body_over_the_documented_size_is_413(client: FlaskClient) -> None:
    body = json.dumps({"question": "Who?", "history": [{"question": "q" * 400}] * 200})
    assert len(body) > 64 * 1024
    response = client.post("/ask", data=body, content_type="application/json")
    assert response.status_code == 413
    error = response.get_json()["error"]
    assert error["code"] == "body_too_large" and "65536 bytes" in error["message"]


def chunked(body: bytes) -> dict[str, Any]:
    """Test-client arguments for ``body`` sent chunked: no Content-Length to go by."""
    stream = {"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True}
    return {
        "content_type": "application/json",
        "environ_overrides": {**stream, "CONTENT_LENGTH": "", "HTTP_TRANSFER_ENCODING": "chunked"},
    }


def test_a_chunked_body_is_read_whole_and_refused_past_the_limit(client: FlaskClient) -> None:
    small = json.dumps({"question": "When was the valley established?"}).encode()
    assert client.post("/ask", **chunked(small)).status_code == 200
    big = json.dumps({"question": "Who?", "history": [{"question": "q" * 400}] * 200}).encode()
    response = client.post("/ask", **chunked(big))  # once cut at the limit and parsed
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "body_too_large"


def test_options_answers_204_with_the_allowed_methods(client: FlaskClient) -> None:
    response = client.options("/ask")
    assert response.status_code == 204 and response.data == b""
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert client.options("/nothing-here").status_code == 404


def test_logged_paths_cannot_break_the_line(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="web.access")
    client.get("/a%0a10.0.0.1 GET /admin 200 1.0ms%E2%80%A8\\x")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "web.access"]
    assert line.endswith(" 404 " + line.split()[-1]) and len(line.split()) == 5
    assert "/a\\x0a10.0.0.1\\x20GET\\x20/admin\\x20200\\x201.0ms\\u2028\\\\x" in line


def test_body_limit_comes_from_settings(engine: Engine, tmp_path: Path) -> None:
    from web import create_app

    app = create_app(
        {"QA_SETTINGS": {"max_body_bytes": 100, "feedback_db": tmp_path / "f.db"}}, engine=engine
    )
    client = app.test_client()
    assert (
        client.post("/ask", json={"question": "When was the valley established?"}).status_code
        == 200
    )
    response = client.post("/ask", json={"question": "Who? " * 30})
    assert response.status_code == 413 and "100 bytes" in response.get_json()["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("delete", "/ask"),
        ("put", "/ask"),
        ("post", "/healthz"),
        ("post", "/articles"),
        ("post", f"/articles/{SEED}"),
        ("post", "/openapi.json"),
        ("get", "/feedback"),
    ],
)
def test_wrong_method_is_405_with_allowed_methods(
    client: FlaskClient, method: str, path: str
) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert method.upper() in response.get_json()["error"]["message"]
    assert response.headers["Allow"]


@pytest.mark.parametrize("path", ["/nope", "/ask/more", "/api/ask", "/healthz/"])
def test_unknown_path_is_a_json_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


# --- the real server ----------------------------------------------------------------------------


def fetch(url: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def test_qa_serve_answers_and_logs_one_line_per_request(live_server: LiveServer) -> None:
    status, body = fetch(
        live_server.url + "/ask", {"question": "How many panels does the farm have?"}
    )
    assert status == 200 and "420,000" in str(body["answer"])
    status, body = fetch(live_server.url + "/ask", {"question": ""})
    assert status == 400 and body["error"]["code"] == "bad_question"
    log = live_server.log()
    assert "Booting worker" in log  # gunicorn, not Flask's development server
    assert "Running on" not in log
    lines = [line for line in log.splitlines() if "POST /ask" in line]
    assert any(" 200 " in line and "ms" in line for line in lines)
    assert any(" 400 " in line for line in lines)
    assert "How many panels" not in log  # questions stay out of the log
