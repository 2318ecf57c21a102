"""Every error as ``{"error": {"code": ..., "message": ...}}``, with a message a person reads.

API paths always answer JSON, whatever went wrong (a bad body, an unknown path, a wrong
method, a crash). Other paths answer a small HTML page to a browser and JSON to the rest.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from qa.errors import QAError

# Paths (and their sub-paths) that are the API: never an HTML error page there.
API_PATHS = ("/ask", "/articles", "/healthz", "/openapi.json", "/feedback")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "rate_limited",
    500: "internal_error",
}


class RequestError(HTTPException):
    """A request the API cannot take, with a code and a message for the caller."""

    def __init__(self, message: str, code: str = "bad_request", status: int = 400) -> None:
        super().__init__(description=message)
        self.code = status  # werkzeug's name for the HTTP status
        self.error_code = code


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def is_api_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in API_PATHS)


def wants_html() -> bool:
    """A browser asking for a page (not an API path) gets HTML; curl and programs get JSON."""
    if is_api_path(request.path):
        return False
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


def message_for(exc: HTTPException) -> str:
    """The exception's own message when it was given one, else a sentence for its status."""
    default = type(exc).description
    if exc.description and exc.description != default:
        return exc.description
    status = exc.code or 500
    if status == 404:
        return f"There is nothing at {request.path}. The endpoints are listed at /openapi.json."
    if status == 405:
        valid = getattr(exc, "valid_methods", None) or []
        allowed = " or ".join(sorted(m for m in valid if m not in ("HEAD", "OPTIONS")))
        return f"{request.path} does not accept {request.method}; use {allowed}."
    if status == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return f"The request body is larger than the limit of {limit} bytes."
    if status == 429:
        return "Too many requests. Wait a minute and try again."
    if status >= 500:
        return "Something went wrong on the server. It has been logged; please try again."
    return exc.description or exc.name


def handle_http_error(exc: HTTPException) -> Response | tuple[str, int]:
    status = exc.code or 500
    code = (
        getattr(exc, "error_code", None) or CODES.get(status) or exc.name.lower().replace(" ", "_")
    )
    message = message_for(exc)
    if wants_html():
        return render_template("error.html", status=status, title=exc.name, message=message), status
    response = jsonify(error_body(code, message))
    response.status_code = status
    for name, value in exc.get_headers():
        if name.lower() != "content-type":  # keep Allow, Retry-After, ...
            response.headers[name] = value
    return response


def as_sentence(text: str) -> str:
    """The engine's "the question is empty" as "The question is empty."."""
    text = text.strip()
    if not text:
        return text
    first = text.split()[0]
    if first.isalpha():  # leave a name like "history[0]" as it is
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def handle_qa_error(exc: QAError) -> Response:
    response = jsonify(error_body(exc.code, as_sentence(str(exc))))
    response.status_code = 400
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(QAError, handle_qa_error)
