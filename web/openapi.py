"""The OpenAPI 3.1 document for the API, as Python data, with the limits of the running app.

Tests validate real responses against these schemas, so they describe the bodies exactly:
every object lists all its fields and refuses others.
"""

from __future__ import annotations

from typing import Any

from qa import __version__
from qa.config import Settings


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _obj(
    properties: dict[str, Any], required: list[str] | None = None, description: str | None = None
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


NULLABLE_STRING = {"type": ["string", "null"]}

# "Not blank": one character that Python's str.split() (what the engine uses) does not count
# as a space. Spelled out, because a regex's \s differs between ECMA and Python.
NOT_BLANK = r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
COUNT = {"type": "integer", "minimum": 0}


def schemas(settings: Settings) -> dict[str, Any]:
    """The request and response bodies; string and list limits come from ``settings``."""
    limit = settings.max_question_chars
    question = {
        "type": "string",
        "minLength": 1,
        "maxLength": limit,
        "pattern": NOT_BLANK,
        "description": f"Not blank; at most {limit} characters once spaces are collapsed.",
        "example": "How many professionals work in the valley?",
    }
    turn = {
        "type": "object",
        "description": "An earlier exchange. Other fields are ignored.",
        "properties": {
            "question": {"type": "string", "maxLength": limit},
            "answer": {"type": "string", "maxLength": 20 * limit, "default": ""},
        },
        "required": ["question"],
    }
    history = {
        "type": ["array", "null"],
        "items": _ref("Turn"),
        "maxItems": settings.max_history_turns,
        "description": "The conversation's earlier turns, oldest first, so that a "
        'follow-up ("When did it open?") can be understood.',
    }
    article = {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "source": NULLABLE_STRING,
        "date": {"type": ["string", "null"], "format": "date"},
        "paragraphs": COUNT,
        "characters": COUNT,
    }
    return {
        "Question": _obj({"question": question, "history": history}, ["question"]),
        "Turn": turn,
        "Citation": _obj(
            {
                "id": {"type": "string", "description": "Sentence id: <article id>:s<n>."},
                "article": {"type": "string"},
                "text": {"type": "string"},
                "start": COUNT,
                "end": COUNT,
            },
            description="A cited sentence; text is the article's text[start:end].",
        ),
        "Answer": _obj(
            {
                "answer": {"type": "string", "description": "The reply a person reads."},
                "answered": {"type": "boolean", "description": "False when the engine abstains."},
                "method": {"type": "string", "enum": ["rule", "retrieval", "none"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "citations": {"type": "array", "items": _ref("Citation")},
                "derivation": {
                    **NULLABLE_STRING,
                    "description": "The working of a derived number.",
                },
                "short_answer": NULLABLE_STRING,
                "question": {"type": "string"},
                "resolved_question": {
                    **NULLABLE_STRING,
                    "description": "The question after a follow-up was resolved against history.",
                },
            }
        ),
        "Error": _obj({"error": _obj({"code": {"type": "string"}, "message": {"type": "string"}})}),
        "Health": _obj(
            {"status": {"type": "string", "enum": ["ok"]}, "articles": COUNT, "sentences": COUNT}
        ),
        "Article": _obj(article),
        "ArticleList": _obj({"articles": {"type": "array", "items": _ref("Article")}}),
        "Sentence": _obj(
            {
                "id": {"type": "string"},
                "index": COUNT,
                "paragraph": COUNT,
                "start": COUNT,
                "end": COUNT,
                "text": {"type": "string"},
            }
        ),
        "ArticleText": _obj(
            {
                **article,
                "text": {"type": "string"},
                "sentences": {"type": "array", "items": _ref("Sentence")},
            },
            description="An article's cleaned text and its sentences, with offsets into text.",
        ),
    }


def feedback_schemas(settings: Settings) -> dict[str, Any]:
    """The ``POST /feedback`` bodies, with the limits :func:`qa.feedback.parse_feedback` checks."""
    from qa.feedback import MAX_CITATIONS, MAX_COMMENT_CHARS, VERDICTS

    limit = settings.max_question_chars
    sentence_id = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NOT_BLANK}
    optional_text = {"type": ["string", "null"], "maxLength": 20 * limit}
    return {
        "Feedback": _obj(
            {
                "question": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": limit,
                    "pattern": NOT_BLANK,
                    "description": "The question that was asked.",
                },
                "answer": {
                    "type": "string",
                    "maxLength": 20 * limit,
                    "description": "The answer it got.",
                },
                "verdict": {"type": "string", "enum": list(VERDICTS)},
                "history": {
                    "type": ["array", "null"],
                    "items": _ref("Turn"),
                    "maxItems": settings.max_history_turns,
                    "description": "The history sent with the question.",
                },
                "citations": {
                    "type": ["array", "null"],
                    "maxItems": MAX_CITATIONS,
                    "description": "The cited sentences: their ids, or the citation objects "
                    "/ask returned.",
                    "items": {
                        "anyOf": [
                            sentence_id,
                            {
                                "type": "object",
                                "properties": {"id": sentence_id},
                                "required": ["id"],
                            },
                        ]
                    },
                },
                "correct_answer": {
                    **optional_text,
                    "description": "What the answer should have been.",
                },
                "comment": {"type": ["string", "null"], "maxLength": MAX_COMMENT_CHARS},
            },
            ["question", "answer", "verdict"],
        ),
        "FeedbackCreated": _obj({"id": {"type": "integer"}}),
    }


def document(settings: Settings, feedback: bool = False) -> dict[str, Any]:
    """The whole OpenAPI document, served at ``/openapi.json``.

    ``feedback``: whether the app serves ``POST /feedback`` (web/feedback.py is installed).
    """
    body_limit = settings.max_body_bytes
    too_big = _error(f"The body is over {body_limit} bytes.")
    too_slow = _error(
        f"The body did not arrive within {settings.request_timeout:g} s of the headers."
    )
    not_json = _error("The body is not sent as application/json.")
    limited = _error("Too many requests from this client; wait and try again.")
    answer = _json(_ref("Answer"), "The answer, or an abstention (answered: false).")
    bad_question = _error("The body or the question is not acceptable; the message says why.")
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
                    "content": {"application/json": {"schema": _ref("Question")}},
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
                "responses": {"200": _json(_ref("ArticleList"), "The articles.")},
            }
        },
        "/articles/{article_id}": {
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
                    "200": _json(_ref("ArticleText"), "The article."),
                    "404": _error("No article has this id."),
                },
            }
        },
        "/healthz": {
            "get": {
                "summary": "200 when the index is loaded",
                "operationId": "health",
                "responses": {"200": _json(_ref("Health"), "Ready.")},
            }
        },
        "/openapi.json": {
            "get": {
                "summary": "This document",
                "operationId": "openapi",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")},
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
                    "content": {"application/json": {"schema": _ref("Feedback")}},
                },
                "responses": {
                    "201": _json(_ref("FeedbackCreated"), "Recorded; the record's id."),
                    "400": _error("The feedback is not acceptable; the message says why."),
                    "408": too_slow,
                    "413": too_big,
                    "415": not_json,
                    "429": limited,
                    "503": _error("The feedback store cannot be written just now."),
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
        "components": {"schemas": components},
    }
