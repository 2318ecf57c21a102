"""A fuzz of the whole API from its own OpenAPI document (schemathesis, through WSGI).

For every operation in ``/openapi.json`` schemathesis sends requests that fit the schema and
requests that do not, and checks every response: never a 5xx, a status the document lists,
the declared content type, a body that matches its schema, data that fits accepted and data
that does not refused. Example counts are bounded so the file runs in seconds.

The app is the conftest ``app`` (both test articles, a feedback database under tmp_path); the
document is read from it, so the fuzz follows whatever the API declares.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.core.result import Err
from schemathesis.generation import GenerationMode

EXAMPLES = {GenerationMode.POSITIVE: 100, GenerationMode.NEGATIVE: 80}


@pytest.fixture
def api_schema(app: Flask) -> schemathesis.schemas.BaseSchema:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    # A body over the size limit is refused with 413 before its fields are read: a rejection.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    return schema


def operations(schema: schemathesis.schemas.BaseSchema) -> list[schemathesis.APIOperation]:
    """Every operation of the document; an operation schemathesis cannot read fails the test."""
    found = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()
        found.append(result.ok())
    return found


def test_the_document_lists_every_operation(api_schema: schemathesis.schemas.BaseSchema) -> None:
    labels = {op.label for op in operations(api_schema)}
    assert {"POST /ask", "GET /ask", "POST /feedback", "GET /healthz"} <= labels


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_every_operation_answers_as_its_document_says(
    api_schema: schemathesis.schemas.BaseSchema, mode: GenerationMode
) -> None:
    statuses: Counter[tuple[str, int]] = Counter()
    unsatisfiable: list[str] = []
    for operation in operations(api_schema):
        takes_input = bool(operation.body or operation.query or operation.path_parameters)
        if mode is GenerationMode.NEGATIVE and not takes_input:
            continue  # nothing to send wrong

        @settings(
            max_examples=EXAMPLES[mode],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def fuzz(case: schemathesis.Case) -> None:
            response = case.call_and_validate()
            assert response.status_code < 500
            statuses[(case.operation.label, response.status_code)] += 1

        try:
            fuzz()
        except Unsatisfiable:
            # No request can break this operation's schema and still be sent (a string in
            # the path is any string): nothing to fuzz in this mode.
            unsatisfiable.append(operation.label)
    print(f"\n{mode.value}:", dict(sorted(statuses.items())), "nothing to send:", unsatisfiable)
    if mode is GenerationMode.POSITIVE:
        assert statuses[("POST /feedback", 201)] > 0, "valid feedback was stored"
        assert statuses[("POST /ask", 200)] > 0
    else:
        for label in ("POST /ask", "GET /ask", "POST /feedback"):
            assert sum(n for (op, _), n in statuses.items() if op == label) > 0, label
