"""One log line per request: client, method, path, status and milliseconds.

Logged at INFO on the ``web.access`` logger, so the one line shows wherever the app runs
(``qa serve`` sends it to stderr; tests and ``flask run`` see it when logging is on).
The query string is left out: it can hold a person's question.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request

log = logging.getLogger("web.access")


def start_timer() -> None:
    g.request_started = time.perf_counter()


def log_request(response: Response) -> Response:
    started = g.get("request_started")
    ms = (time.perf_counter() - started) * 1000 if started is not None else 0.0
    log.info(
        "%s %s %s %d %.1fms",
        request.remote_addr or "-",
        request.method,
        request.path,
        response.status_code,
        ms,
    )
    return response


def init_app(app: Flask) -> None:
    app.before_request(start_timer)
    app.after_request(log_request)
