"""``qa serve``'s server: gunicorn with gevent workers, whole requests in bounded time.

Why gevent: a sync worker is held by each connection until its request is whole, so a few
clients that connect and send nothing (or one header line every few seconds) stall everyone
else. A gevent worker keeps each connection in a greenlet that costs no CPU while it waits,
and gives the CPU to whichever connection has a whole request. The README's "Serving"
section has the figures that chose it over sync and gthread workers and over waitress.

Time limits, one setting (``request_timeout``):

- the request line and headers must arrive within it, from the connection's start or from
  the previous answer on a kept-alive connection; else gunicorn closes the connection (there
  is no request to answer yet);
- the body must arrive within it after the headers; else the read raises
  :class:`TimeoutError` and web/body.py answers 408 ``request_timeout``.

Errors gunicorn answers itself, before the app sees a request (a malformed request line or
header, a request line or headers over its limits), are the API's JSON error body with the
app's security headers (:meth:`Worker.handle_error`), not gunicorn's HTML page.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import gevent
import gevent.socket
from gevent import monkey
from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.http import errors as http_errors
from gunicorn.workers.ggevent import GeventWorker

from qa.article_files import Signature

from .access_log import printable
from .arbiter import CorpusArbiter
from .errors import error_body
from .security import HEADERS


def serve(
    app: Any,
    host: str,
    port: int,
    workers: int,
    request_timeout: float,
    reload: CorpusReload | None = None,
) -> None:
    """Run ``app`` (built once, before the workers fork) until stopped; with ``reload``, a
    ``SIGHUP`` (or a change of the corpus folder, if watched) loads the corpus again
    (web/arbiter.py)."""
    server(app, host, port, workers, request_timeout, reload).run()


def server(
    app: Any,
    host: str,
    port: int,
    workers: int,
    request_timeout: float,
    reload: CorpusReload | None = None,
) -> Server:
    """The gunicorn application :func:`serve` runs. It holds the only reference to ``app``
    that it keeps, so a caller that lets go of its own before ``run()`` lets a reload free
    the first app's index too."""
    return Server(
        app,
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": type("Worker", (Worker,), {"request_timeout": request_timeout}),
            "worker_connections": 1000,  # open connections per worker, idle ones included
            "keepalive": max(1, math.ceil(request_timeout)),  # whole seconds; on, at least
            "preload_app": True,  # the app (and its index) is built once, by the caller
            "accesslog": None,  # the app logs each request itself (web/access_log.py)
            "errorlog": "-",
            "loglevel": "info",
            "timeout": 30,  # a worker silent this long (stuck in one request) is restarted
            "graceful_timeout": 5,
        },
        reload,
    )


@dataclass(frozen=True)
class CorpusReload:
    """How ``qa serve`` reloads its corpus: ``rebuild`` makes a new app from ``folder``,
    whose signature was ``loaded`` when the app serving now was built; ``watch``: also when
    the folder changes, not only on ``SIGHUP``."""

    rebuild: Callable[[], Any]
    folder: Path
    loaded: Signature
    watch: bool = False


class Server(BaseApplication):
    """Gunicorn, configured from a dict and serving an app already built."""

    def __init__(
        self, app: Any, options: dict[str, Any], reload: CorpusReload | None = None
    ) -> None:
        self.application = app
        self.options = options
        self.rebuild = reload.rebuild if reload else None
        self.folder = reload.folder if reload else None
        self.loaded: Signature = reload.loaded if reload else ()
        self.watch = bool(reload and reload.watch)
        super().__init__()

    def run(self) -> None:
        try:
            CorpusArbiter(self).run()
        except RuntimeError as exc:  # as gunicorn's own run(): a one-line error
            print(f"\nError: {exc}\n", file=sys.stderr)
            sys.exit(1)

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn >= 25.1 opens a control socket at one path per user; several servers
            # (tests, a second corpus) would fight over it, and nothing here uses it.
            self.cfg.set("control_socket_disable", True)

    def load(self) -> Any:
        # Handed over once, at start; gunicorn keeps it as ``callable`` (which a reload
        # replaces), so nothing here holds the app a reload has replaced.
        app, self.application = self.application, None
        return app


# --- the worker --------------------------------------------------------------------------------

# What gunicorn refuses before the app runs: status, reason, code and a message a person reads.
_REFUSALS: tuple[tuple[tuple[type[BaseException], ...], int, str, str, str], ...] = (
    (
        (http_errors.LimitRequestLine,),
        414,
        "URI Too Long",
        "uri_too_long",
        "The request line (method and address) is longer than the server accepts.",
    ),
    (
        (http_errors.LimitRequestHeaders,),
        431,
        "Request Header Fields Too Large",
        "headers_too_large",
        "The request has too many headers or one that is too long.",
    ),
    (
        (http_errors.UnsupportedTransferCoding,),
        501,
        "Not Implemented",
        "not_implemented",
        "The Transfer-Encoding is not supported; send the body with a Content-Length.",
    ),
    (
        (http_errors.ExpectationFailed,),
        417,
        "Expectation Failed",
        "expectation_failed",
        "The Expect header asks for something the server does not do.",
    ),
    (
        (http_errors.ForbiddenProxyRequest,),
        403,
        "Forbidden",
        "forbidden",
        "Requests through a proxy are not accepted from this address.",
    ),
    (
        (http_errors.InvalidRequestLine, http_errors.InvalidRequestMethod),
        400,
        "Bad Request",
        "malformed_request",
        "The request line is not valid HTTP/1.1: send METHOD /path HTTP/1.1.",
    ),
    (
        (http_errors.InvalidHTTPVersion,),
        400,
        "Bad Request",
        "malformed_request",
        "The HTTP version is not supported; send HTTP/1.1.",
    ),
    (
        (http_errors.ParseException,),
        400,
        "Bad Request",
        "malformed_request",
        "The request is not valid HTTP/1.1 (a header or the body's framing is malformed).",
    ),
)
_CRASH = (500, "Internal Server Error", "internal_error", "Something went wrong on the server.")


def refusal(exc: BaseException) -> tuple[int, str, str, str]:
    """Status, reason phrase, error code and message for an error gunicorn met."""
    if isinstance(exc, (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName)):
        return _CRASH  # a header the app sent: the app's fault, not the client's
    for kinds, status, reason, code, message in _REFUSALS:
        if isinstance(exc, kinds):
            return status, reason, code, message
    return _CRASH


def error_response(status: int, reason: str, code: str, message: str) -> bytes:
    """A whole HTTP/1.1 response: the API's error body, the app's security headers."""
    body = json.dumps(error_body(code, message)).encode("utf-8")
    lines = [
        f"HTTP/1.1 {status} {reason}",
        "Connection: close",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        "Cache-Control: no-store",
        *(f"{name}: {value}" for name, value in HEADERS.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Worker(GeventWorker):
    """Gunicorn's gevent worker; its own error answers in JSON, and ``request_timeout``
    seconds for a request's headers, then as many for its body."""

    request_timeout = 1.5

    def patch(self) -> None:
        # As gunicorn's, threads included: a thread the app starts (the writer of abstentions,
        # a PostgreSQL pool's) is then a greenlet, and a wait on a lock or for a pooled
        # connection gives way to other requests instead of stalling the worker. The feedback
        # stores keep their connections per process, not per thread, so a request (its own
        # greenlet) borrows one instead of opening one.
        # ssl is not patched: qa serve speaks plain HTTP, and the app (spaCy, through
        # urllib3) imported ssl before the fork, which gevent warns about when patching it.
        monkey.patch_all(ssl=False)
        listeners: list[Any] = self.sockets  # type: ignore[has-type]
        self.sockets = [
            gevent.socket.socket(s.FAMILY, gevent.socket.SOCK_STREAM, fileno=s.sock.detach())
            for s in listeners
        ]

    def timeout_ctx(self) -> Any:
        # gunicorn's gevent worker reads each request's headers inside this (its keepalive,
        # in whole seconds); a timeout closes the connection without an answer.
        return gevent.Timeout(self.request_timeout, False)

    def load_wsgi(self) -> None:
        super().load_wsgi()
        app: Callable[..., Any] = self.wsgi  # type: ignore[has-type]
        extensions = getattr(app, "extensions", None)
        if isinstance(extensions, dict):  # this worker's copy of the app (web/reload.py)
            extensions["qa_reload"] = self.ask_for_reload
        self.wsgi = with_body_deadline(app, self.request_timeout)

    def ask_for_reload(self) -> None:
        """Have the master load the corpus folder again and replace the workers."""
        os.kill(self.ppid, signal.SIGHUP)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        answer = refusal(exc)
        status, reason, code, message = answer
        where = addr[0] if isinstance(addr, tuple) and addr else "-"
        if answer is not _CRASH:  # the client's doing: one line, no traceback
            self.log.warning(
                "refused %s from %s: %s", status, where, printable(str(exc), field=False)
            )
        else:
            self.log.exception("error handling a request from %s", where)
        try:
            util.write_nonblock(client, error_response(status, reason, code, message))
        except Exception:
            self.log.debug("could not send the error answer")


# --- a deadline on the body --------------------------------------------------------------------


def with_body_deadline(app: Callable[..., Any], seconds: float) -> Callable[..., Any]:
    """``app`` with each request's ``wsgi.input`` raising TimeoutError ``seconds`` after the
    request reached it (its headers were read), however slowly the body trickles in."""

    def app_with_deadline(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        environ["wsgi.input"] = DeadlineInput(environ["wsgi.input"], time.monotonic() + seconds)
        return app(environ, start_response)

    return app_with_deadline


class DeadlineInput:
    """A WSGI input stream whose reads fail with :class:`TimeoutError` after ``deadline``
    (a ``time.monotonic()`` value). A gevent timeout bounds the whole read, not each
    socket read, so a client sending a byte now and then cannot stretch it."""

    def __init__(self, stream: IO[bytes], deadline: float) -> None:
        self.stream = stream
        self.deadline = deadline

    def _within(self, read: Callable[..., Any], *args: Any) -> Any:
        remaining = self.deadline - time.monotonic()
        late = TimeoutError("the request body did not arrive in time")
        if remaining <= 0:
            raise late
        with gevent.Timeout(remaining, late):
            return read(*args)

    def read(self, size: int | None = None) -> bytes:
        data: bytes = self._within(self.stream.read, size)
        return data

    def readline(self, size: int | None = None) -> bytes:
        line: bytes = self._within(self.stream.readline, size)
        return line

    def readlines(self, hint: int | None = None) -> list[bytes]:
        lines: list[bytes] = self._within(self.stream.readlines, hint)
        return lines

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        return line
