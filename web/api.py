"""The JSON API: ``/ask``, ``/articles``, ``/healthz`` and ``/openapi.json`` (changing
articles is web/admin.py, feedback web/feedback.py).

Each view reads the request, hands it to the engine and returns the engine's data as JSON;
validation of the question and history is the engine's (:meth:`qa.engine.Engine.check`).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from qa.engine import Engine
from qa.types import Article

from .errors import RequestError
from .openapi import document
from .reload import version_of

bp = Blueprint("api", __name__)

ASK_FIELDS = ("question", "history")


def engine() -> Engine:
    found: Engine = current_app.extensions["qa_engine"]
    return found


def json_body() -> dict[str, Any]:
    """The request's JSON object, or a :class:`RequestError` saying what is wrong with it."""
    raw = request.get_data(cache=True)  # a body over MAX_CONTENT_LENGTH raises 413 here
    if not request.is_json:
        raise RequestError(
            "Send the request as JSON with the header Content-Type: application/json.",
            "unsupported_media_type",
            415,
        )
    if not raw.strip():
        raise RequestError('The request body is empty; send {"question": "..."}.', "invalid_json")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # Python's parser recurses once per level of nesting
        raise RequestError(
            "The request body is nested too deeply to be read.", "invalid_json"
        ) from None
    if body is None and raw.strip() != b"null":
        raise RequestError("The request body is not valid JSON.", "invalid_json")
    if has_lone_surrogate(body):
        raise RequestError(
            "The request body holds a lone UTF-16 surrogate (such as \\ud800), which is not "
            "text; send valid Unicode.",
            "invalid_json",
        )
    if not isinstance(body, dict):
        raise RequestError('The request body must be a JSON object like {"question": "..."}.')
    return body


# Half of a UTF-16 surrogate pair on its own: JSON's "\ud800" parses to it, but it is not a
# character, and encoding it (to answer, to store) fails.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def has_lone_surrogate(value: Any) -> bool:
    """Whether any string in a parsed JSON value (keys included) holds a lone surrogate."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
    return False


def ask_payload(body: dict[str, Any]) -> tuple[Any, Any]:
    """``question`` and ``history`` from an /ask body; unknown fields are refused."""
    unknown = sorted(set(body) - set(ASK_FIELDS))
    if unknown:
        names = ", ".join(f'"{name}"' for name in unknown)
        raise RequestError(f'Unknown field {names}; /ask takes "question" and "history".')
    if "question" not in body:
        raise RequestError('The request needs a "question" field.')
    return body["question"], body.get("history")


@bp.post("/ask")
def ask_post() -> Response:
    question, history = ask_payload(json_body())
    return answer(question, history)


@bp.get("/ask")
def ask_get() -> Response:
    question = request.args.get("question")
    if question is None:
        raise RequestError("Add the question to the address: /ask?question=...")
    return answer(question, None)


def answer(question: Any, history: Any) -> Response:
    result = engine().ask(question, history)  # QuestionError becomes a 400 (web/errors.py)
    response = jsonify(result.to_dict())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/healthz")
def healthz() -> Response:
    """Ready, and from which corpus: servers that agree report the same version."""
    e = engine()
    return jsonify(
        status="ok",
        articles=len(e.articles),
        sentences=len(e.sentences),
        corpus_version=version_of(e),
    )


@bp.get("/articles")
def articles() -> Response:
    e = engine()
    return jsonify(articles=[article_summary(a) for a in e.articles])


@bp.get("/articles/<article_id>")
def article(article_id: str) -> Response:
    e = engine()
    found = e.article(article_id)
    if found is None:
        raise RequestError(
            f'There is no article "{article_id}". See /articles for the list.', "not_found", 404
        )
    body = article_summary(found)
    body["text"] = found.text
    body["sentences"] = [
        {k: v for k, v in s.to_dict().items() if k != "article"} for s in e.sentences_of(found.id)
    ]
    return jsonify(body)


def article_summary(a: Article) -> dict[str, Any]:
    """An article's metadata, without its path on the server's disk."""
    return {k: v for k, v in a.to_dict().items() if k != "path"}


@bp.get("/openapi.json")
def openapi() -> Response:
    serves_feedback = any(rule.rule == "/feedback" for rule in current_app.url_map.iter_rules())
    return jsonify(document(current_app.config["QA_SETTINGS"], feedback=serves_feedback))
