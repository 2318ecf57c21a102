"""One log line per request: client, method, path, status and milliseconds.

Logged at INFO on the ``web.access`` logger, so the one line shows wherever the app runs
(``qa serve`` sends it to stderr; tests and ``flask run`` see it when logging is on).
The query string is left out: it can hold a person's question. The path is logged with its
control characters, spaces and backslashes escaped (``/a%0aFORGED`` logs as ``/a\\x0aFORGED``),
so a request cannot write a line of its own or shift the fields of ours.
"""

from __future__ import annotations

import logging
import re
import time

from flask import Flask, Response, g, request

log = logging.getLogger("web.access")

# Control characters (C0, DEL, C1), Unicode's line and paragraph separators, and the
# backslash that starts an escape; in a field, also the space that separates the fields.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")
_UNPRINTABLE_IN_FIELD = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029\\]")


def printable(text: str, field: bool = True) -> str:
    """``text`` safe for a one-line log: characters that could end the line, or (in a
    ``field``) the field, escaped as ``\\x0a``, ``\\x20``, ``\\u2028``, ``\\\\``."""
    return (_UNPRINTABLE_IN_FIELD if field else _UNPRINTABLE).sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c == "\\":
        return "\\\\"
    return f"\\x{ord(c):02x}" if ord(c) <= 0xFF else f"\\u{ord(c):04x}"


def start_timer() -> None:
    g.request_started = time.perf_counter()


def log_request(response: Response) -> Response:
    started = g.get("request_started")
    ms = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    log.info(
        "%s %s %s %d %.1fms",
        request.remote_addr or "-",
        printable(request.method),
        printable(request.path),
        response.status_code,
        ms,
    )
    return response


def init_app(app: Flask) -> None:
    app.before_request(start_timer)
    app.after_request(log_request)
