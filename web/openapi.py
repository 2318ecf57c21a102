"""The OpenAPI 3.1 document for the API, as Python data, with the limits of the running app.

Each operation, its parameters and every status it can answer; the bodies' schemas are in
web/schemas.py. Tests validate real responses against this document.
"""

from __future__ import annotations

from typing import Any

from qa import __version__
from qa.config import Settings

from .schemas import (
    ARTICLE_FORMATS,
    ARTICLE_ID,
    error,
    feedback_schemas,
    json_content,
    ref,
    schemas,
)


def article_changes(settings: Settings) -> dict[str, Any]:
    """``PUT`` and ``DELETE /articles/{article_id}`` (web/admin.py)."""
    path_id = {"name": "article_id", "in": "path", "required": True, "schema": ARTICLE_ID}
    refused = {
        "401": error("The admin token is missing or wrong (send Authorization: Bearer ...)."),
        "403": error("Changing articles is turned off (the server has no QA_ADMIN_TOKEN)."),
    }
    changed = json_content(ref("ArticleChange"), "Changed in the corpus folder; reloading.")
    text = {"type": "string", "minLength": 1, "maxLength": settings.max_article_bytes}
    return {
        "put": {
            "summary": "Add or replace an article (needs the admin token)",
            "operationId": "putArticle",
            "security": [{"adminToken": []}],
            "parameters": [path_id],
            "requestBody": {
                "required": True,
                "description": "The article's file, as saved from a page, in UTF-8; at most "
                f"{settings.max_article_bytes} bytes.",
                "content": {kind: {"schema": text} for kind in ARTICLE_FORMATS},
            },
            "responses": {
                "202": changed,
                "400": error("The id cannot name an article file."),
                **refused,
                "408": error("The body did not arrive in time."),
                "413": error(f"The article is over {settings.max_article_bytes} bytes."),
                "415": error("Not sent as UTF-8 text/plain, text/markdown or text/html."),
                "422": error("Not an article: empty, binary, not UTF-8, or no body text."),
            },
        },
        "delete": {
            "summary": "Remove an article (needs the admin token)",
            "operationId": "deleteArticle",
            "security": [{"adminToken": []}],
            "parameters": [path_id],
            "responses": {
                "202": changed,
                "400": error("The id cannot name an article file."),
                **refused,
                "404": error("No article file has this id."),
                "409": error("It is the last article; the corpus cannot be left empty."),
            },
        },
    }


def document(settings: Settings, feedback: bool = False) -> dict[str, Any]:
    """The whole OpenAPI document, served at ``/openapi.json``.

    ``feedback``: whether the app serves ``POST /feedback`` (web/feedback.py is installed).
    """
    body_limit = settings.max_body_bytes
    too_big = error(f"The body is over {body_limit} bytes.")
    too_slow = error(
        f"The body did not arrive within {settings.request_timeout:g} s of the headers."
    )
    not_json = error("The body is not sent as application/json.")
    limited = error("Too many requests from this client; wait and try again.")
    answer = json_content(ref("Answer"), "The answer, or an abstention (answered: false).")
    bad_question = error("The body or the question is not acceptable; the message says why.")
    components = schemas(settings)
    paths: dict[str, Any] = {
        "/": {
            "get": {
                "summary": "The chat page",
                "operationId": "page",
                "responses": {
                    "200": {
                        "description": "The page.",
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
        "/ask": {
            "post": {
                "summary": "Answer a question, with the conversation so far",
                "operationId": "askPost",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("Question")}},
                },
                "responses": {
                    "200": answer,
                    "400": bad_question,
                    "408": too_slow,
                    "413": too_big,
                    "415": not_json,
                    "429": limited,
                },
            },
            "get": {
                "summary": "Answer one question given in the address",
                "operationId": "askGet",
                "parameters": [
                    {
                        "name": "question",
                        "in": "query",
                        "required": True,
                        "schema": components["Question"]["properties"]["question"],
                    }
                ],
                "responses": {"200": answer, "400": bad_question, "429": limited},
            },
        },
        "/articles": {
            "get": {
                "summary": "The loaded articles and their metadata",
                "operationId": "listArticles",
                "responses": {"200": json_content(ref("ArticleList"), "The articles.")},
            }
        },
        "/articles/{article_id}": {
            **article_changes(settings),
            "get": {
                "summary": "One article's cleaned text with its sentence ids and offsets",
                "operationId": "getArticle",
                "parameters": [
                    {
                        "name": "article_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": json_content(ref("ArticleText"), "The article."),
                    "404": error("No article has this id."),
                },
            },
        },
        "/healthz": {
            "get": {
                "summary": "200 when the index is loaded",
                "operationId": "health",
                "responses": {"200": json_content(ref("Health"), "Ready.")},
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "operationId": "openapi",
                "responses": {"200": json_content({"type": "object"}, "The OpenAPI document.")},
            }
        },
    }
    if feedback:
        components.update(feedback_schemas(settings))
        paths["/feedback"] = {
            "post": {
                "summary": "Record a person's verdict on an answer",
                "operationId": "postFeedback",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("Feedback")}},
                },
                "responses": {
                    "201": json_content(ref("FeedbackCreated"), "Recorded; the record's id."),
                    "400": error("The feedback is not acceptable; the message says why."),
                    "408": too_slow,
                    "413": too_big,
                    "415": not_json,
                    "429": limited,
                    "503": error("The feedback store cannot be written just now."),
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "News QA",
            "version": __version__,
            "description": (
                "Answers questions about a corpus of news articles, citing the sentences "
                'it used. Every error is a JSON body {"error": {"code", "message"}}, '
                "including 404 for an unknown path and 405 for a wrong method. "
                "A request must arrive whole within "
                f"{settings.request_timeout:g} s (headers), then as many again (body). "
                f"Request bodies are limited to {body_limit} bytes, questions to "
                f"{settings.max_question_chars} characters and history to "
                f"{settings.max_history_turns} turns."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "adminToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The server's QA_ADMIN_TOKEN; changing articles is off "
                    "without one.",
                }
            },
        },
    }
