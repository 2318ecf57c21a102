"""The API's request and response bodies as JSON Schema, with the running app's limits.

Tests validate real responses against these schemas (through the document web/openapi.py
serves), so they describe the bodies exactly: every object lists all its fields and refuses
others.
"""

from __future__ import annotations

from typing import Any

from qa.config import Settings


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error(description: str) -> dict[str, Any]:
    return json_content(ref("Error"), description)


def obj(
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
ARTICLE_ID = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$"}
ARTICLE_FORMATS = ("text/plain", "text/markdown", "text/html")

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
        "items": ref("Turn"),
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
        "Question": obj({"question": question, "history": history}, ["question"]),
        "Turn": turn,
        "Citation": obj(
            {
                "id": {"type": "string", "description": "Sentence id: <article id>:s<n>."},
                "article": {"type": "string"},
                "text": {"type": "string"},
                "start": COUNT,
                "end": COUNT,
            },
            description="A cited sentence; text is the article's text[start:end].",
        ),
        "Answer": obj(
            {
                "answer": {"type": "string", "description": "The reply a person reads."},
                "answered": {"type": "boolean", "description": "False when the engine abstains."},
                "method": {"type": "string", "enum": ["rule", "retrieval", "none"]},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "citations": {"type": "array", "items": ref("Citation")},
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
        "Error": obj({"error": obj({"code": {"type": "string"}, "message": {"type": "string"}})}),
        "Health": obj(
            {
                "status": {"type": "string", "enum": ["ok"]},
                "articles": COUNT,
                "sentences": COUNT,
                "corpus_version": {
                    "type": "string",
                    "pattern": "^[0-9a-f]{16}$",
                    "description": "A hash of the articles served: servers that agree on it "
                    "answer from the same corpus.",
                },
            }
        ),
        "ArticleChange": obj(
            {
                "id": {"type": "string"},
                "change": {"type": "string", "enum": ["added", "replaced", "removed"]},
                "articles": COUNT,
                "corpus_version": {
                    "type": "string",
                    "pattern": "^[0-9a-f]{16}$",
                    "description": "What /healthz reports once the change is live (unless "
                    "another change comes meanwhile).",
                },
            },
            description="A change written to the corpus folder; the servers reload it.",
        ),
        "Article": obj(article),
        "ArticleList": obj({"articles": {"type": "array", "items": ref("Article")}}),
        "Sentence": obj(
            {
                "id": {"type": "string"},
                "index": COUNT,
                "paragraph": COUNT,
                "start": COUNT,
                "end": COUNT,
                "text": {"type": "string"},
            }
        ),
        "ArticleText": obj(
            {
                **article,
                "text": {"type": "string"},
                "sentences": {"type": "array", "items": ref("Sentence")},
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
        "Feedback": obj(
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
                    "items": ref("Turn"),
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
        "FeedbackCreated": obj({"id": {"type": "integer"}}),
    }
