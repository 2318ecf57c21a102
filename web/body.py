"""The request body, read whole before any view runs, within the size limit.

A view never reads from the connection itself: this hook reads the body from the server's
``wsgi.input`` once, up to ``MAX_CONTENT_LENGTH`` bytes however it is sent (with a
``Content-Length`` or chunked), and puts it back as bytes in memory. What can go wrong on the
way is answered with the usual JSON error, never a 500 or a body silently cut short:

- more bytes than the limit, announced or sent: 413 ``body_too_large``;
- a body that stops coming: 408 ``request_timeout``, when the server's input stream gives up
  waiting (``qa serve`` bounds the whole body's arrival, see web/server.py);
- bytes that are not a well-formed body (a malformed chunk size, a connection closed before
  the announced length): 400 ``malformed_request``.
"""

from __future__ import annotations

import io
from typing import IO

from flask import Flask, current_app, request

from .errors import RequestError

READ_STEP = 16 * 1024  # bytes asked of the server's stream at a time


def body_length(limit: int) -> int | None:
    """The announced length of the body, or None when it is chunked or has none."""
    raw = request.environ.get("CONTENT_LENGTH", "")
    if not raw:
        return None
    if not raw.isdigit():
        raise RequestError("The Content-Length header is not a number.", "malformed_request")
    length = int(raw)
    if length > limit:
        raise RequestError(_too_large(limit), "body_too_large", 413)
    return length


def read_whole_body() -> None:
    """Replace ``wsgi.input`` by the whole body in memory, or refuse the request."""
    environ = request.environ
    # The app's MAX_CONTENT_LENGTH, unless a check before this one set another for the
    # request (an authenticated article upload may be larger, web/admin.py).
    limit = request.max_content_length or current_app.config["QA_SETTINGS"].max_body_bytes
    length = body_length(limit)
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    if not length and not chunked:
        return
    wanted = length if length is not None else limit + 1  # one more tells "too large"
    body = _read(environ["wsgi.input"], wanted)
    if len(body) > limit:
        raise RequestError(_too_large(limit), "body_too_large", 413)
    if length is not None and len(body) < length:
        raise RequestError(
            f"The body ended after {len(body)} of the {length} bytes its Content-Length announced.",
            "malformed_request",
        )
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    # A plain body of known length now, however it came: werkzeug reads CONTENT_LENGTH.
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ.pop("wsgi.input_terminated", None)


def _read(stream: IO[bytes], wanted: int) -> bytes:
    """Up to ``wanted`` bytes of ``stream``, fewer if it ends first."""
    parts: list[bytes] = []
    got = 0
    try:
        while got < wanted:
            part = stream.read(min(READ_STEP, wanted - got))
            if not part:
                break
            parts.append(part)
            got += len(part)
    except TimeoutError:
        raise RequestError(
            "The request body did not arrive in time; send the whole body at once.",
            "request_timeout",
            408,
        ) from None
    except Exception as exc:  # the server's own error for a malformed body (bad chunk size, ...)
        raise RequestError(
            "The request body is not well formed (a chunked body must be valid HTTP/1.1 chunks).",
            "malformed_request",
        ) from exc
    return b"".join(parts)


def _too_large(limit: int) -> str:
    return f"The request body is larger than the limit of {limit} bytes."


def init_app(app: Flask) -> None:
    app.before_request(read_whole_body)
