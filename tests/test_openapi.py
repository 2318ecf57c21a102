"""``/openapi.json`` describes every endpoint and body exactly: real responses validate.

Each real response below (answers, abstentions, follow-ups, every kind of error) is
validated with jsonschema against the schema the document gives for its path, method and
status; then Schemathesis sends generated schema-valid requests to every operation and
checks each response the same way (and that none is a 500).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import TestResponse

from qa.engine import Engine
from web import create_app

BASE = "urn:newsqa:openapi"
SEED = "china-gene-medicine-valley-wenzhou"
HARBOR = "harbor-solar-farm"


@pytest.fixture
def document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.get_json()
    return body


def validator(document: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for ``schema``, whose ``#/...`` references point into ``document``."""
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(BASE, resource)
    if "$ref" in schema:
        schema = {"$ref": BASE + schema["$ref"]}
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def operation(document: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    for template, item in document["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            assert method in item, f"{method.upper()} {template} is not in the document"
            found: dict[str, Any] = item[method]
            return found
    raise AssertionError(f"{path} is not in the document")


def assert_conforms(
    document: dict[str, Any], method: str, path: str, response: TestResponse
) -> None:
    """The response's status is documented for the operation and its body fits the schema."""
    responses = operation(document, method, path)["responses"]
    status = str(response.status_code)
    assert status in responses, f"{method.upper()} {path} answered {status}, not documented"
    content = responses[status]["content"]
    assert response.mimetype in content
    schema = content[response.mimetype]["schema"]
    body = response.get_json() if response.is_json else response.get_data(as_text=True)
    validator(document, schema).validate(body)


# --- the document itself --------------------------------------------------------------------


def test_the_document_is_openapi_3_1_with_valid_schemas(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] and document["info"]["version"]
    for name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
        validator(document, {"$ref": f"#/components/schemas/{name}"})  # references resolve
    for item in document["paths"].values():
        for op in item.values():
            assert op["operationId"] and op["summary"] and op["responses"]


def test_every_route_is_described_and_nothing_else(app: Flask, document: dict[str, Any]) -> None:
    served = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in set(rule.methods or ()) - {"HEAD", "OPTIONS"}
    }
    described = {(path, method) for path, item in document["paths"].items() for method in item}
    assert served == described


def test_bodies_refuse_unknown_fields(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    for name in (
        "Question",
        "Answer",
        "Citation",
        "Error",
        "Article",
        "ArticleText",
        "Feedback",
        "FeedbackCreated",
        "Health",
        "ArticleChange",
    ):
        assert schemas[name]["additionalProperties"] is False, name
    assert set(schemas["Feedback"]["properties"]) == {
        "question",
        "answer",
        "verdict",
        "history",
        "citations",
        "correct_answer",
        "comment",
    }
    assert schemas["Feedback"]["required"] == ["question", "answer", "verdict"]
    assert schemas["FeedbackCreated"]["properties"] == {"id": {"type": "integer"}}
    for path, method in (("/ask", "post"), ("/ask", "get"), ("/feedback", "post")):
        assert "429" in document["paths"][path][method]["responses"]


def test_limits_in_the_document_follow_the_settings(engine: Engine, tmp_path: Path) -> None:
    app = create_app(
        {
            "QA_SETTINGS": {
                "max_body_bytes": 4096,
                "max_history_turns": 3,
                "feedback_db": tmp_path / "f.db",
            }
        },
        engine=engine,
    )
    doc = app.test_client().get("/openapi.json").get_json()
    question = doc["components"]["schemas"]["Question"]["properties"]
    assert question["question"]["maxLength"] == engine.settings.max_question_chars
    assert question["history"]["maxItems"] == 3
    assert "4096 bytes" in doc["paths"]["/ask"]["post"]["responses"]["413"]["description"]


def test_what_the_page_sends_is_valid(document: dict[str, Any]) -> None:
    question = validator(document, {"$ref": "#/components/schemas/Question"})
    question.validate(
        {
            "question": "When did it open?",
            "history": [{"question": "Who built it?", "answer": "Minjiang."}],
        }
    )
    assert not question.is_valid({"question": "   "})
    assert not question.is_valid({"question": "\x1c"})  # a space to the engine, too
    feedback = validator(document, {"$ref": "#/components/schemas/Feedback"})
    feedback.validate(
        {
            "question": "Who?",
            "answer": "Zheng Peiduo.",
            "verdict": "helpful",
            "history": [],
            "citations": [f"{SEED}:s9"],
        }
    )
    feedback.validate(
        {
            "question": "Who?",
            "answer": "No.",
            "verdict": "not_helpful",
            "citations": [{"id": f"{SEED}:s9", "text": "..."}],
            "correct_answer": "Zheng Peiduo",
            "comment": "wrong person",
        }
    )
    assert not feedback.is_valid({"question": "Who?", "answer": "", "verdict": "meh"})


# --- real responses ---------------------------------------------------------------------------

CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("get", "/", {}),
    ("post", "/ask", {"json": {"question": "Who is the chairman of Uren Biotech?"}}),
    ("post", "/ask", {"json": {"question": "How many panels does the farm have?"}}),
    ("post", "/ask", {"json": {"question": "Who is the president of France?"}}),
    (
        "post",
        "/ask",
        {
            "json": {
                "question": "When did it move to the valley?",
                "history": [{"question": "What does Uren Biotech focus on?", "answer": "Storage."}],
            }
        },
    ),
    ("get", "/ask", {"query_string": {"question": "When was the valley established?"}}),
    ("get", "/ask", {"query_string": {"question": "<img src=x onerror=alert(1)>"}}),
    ("get", "/articles", {}),
    ("get", f"/articles/{SEED}", {}),
    ("get", f"/articles/{HARBOR}", {}),
    ("get", "/healthz", {}),
    ("get", "/openapi.json", {}),
    (
        "post",
        "/feedback",
        {
            "json": {
                "question": "Who?",
                "answer": "Zheng Peiduo.",
                "verdict": "helpful",
                "citations": [f"{SEED}:s9"],
            }
        },
    ),
    # errors
    ("post", "/ask", {}),
    ("post", "/ask", {"data": "{", "content_type": "application/json"}),
    ("post", "/ask", {"json": {"question": ""}}),
    ("post", "/ask", {"json": {"question": "q" * 501}}),
    ("post", "/ask", {"json": {"question": "Who?", "history": [{"question": "q"}] * 21}}),
    ("post", "/ask", {"json": {"question": "Who?", "history": [{"question": "q" * 400}] * 200}}),
    ("get", "/ask", {}),
    ("get", "/articles/nope", {}),
    ("post", "/feedback", {"json": {"question": "Who?", "answer": "", "verdict": "meh"}}),
    ("post", "/feedback", {"data": "verdict=helpful"}),
    ("put", f"/articles/{HARBOR}", {"data": "Text.", "content_type": "text/plain"}),
    ("delete", f"/articles/{HARBOR}", {"headers": {"Authorization": "Bearer x"}}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), CALLS)
def test_real_responses_match_the_document(
    client: FlaskClient, document: dict[str, Any], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code < 500
    assert_conforms(document, method, path, response)


def test_a_rate_limited_request_matches_the_document(engine: Engine, tmp_path: Path) -> None:
    app = create_app(
        {"RATE_LIMIT": 1, "QA_SETTINGS": {"feedback_db": tmp_path / "f.db"}}, engine=engine
    )
    client = app.test_client()
    document = client.get("/openapi.json").get_json()
    assert client.get("/ask", query_string={"question": "Who?"}).status_code == 200
    for method, path, kwargs in [
        ("post", "/ask", {"json": {"question": "Who?"}}),
        ("get", "/ask", {"query_string": {"question": "Who?"}}),
        ("post", "/feedback", {"json": {"question": "Who?", "answer": "", "verdict": "helpful"}}),
    ]:
        response = getattr(client, method)(path, **kwargs)
        assert response.status_code == 429
        assert_conforms(document, method, path, response)


def test_generated_requests_get_documented_responses(engine: Engine, tmp_path: Path) -> None:
    """Schemathesis: schema-valid requests to every operation; every response conforms."""
    app = create_app({"QA_SETTINGS": {"feedback_db": tmp_path / "f.db"}}, engine=engine)
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert {op.label for op in operations} >= {"POST /ask", "GET /ask", "POST /feedback"}
    for op in operations:

        @given(case=op.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case: Any) -> None:
            case.call_and_validate()

        conforms()
