"""A per-client request limit: a token bucket for each client address.

Each client may make ``rate_limit`` requests a minute (the setting, or ``RATE_LIMIT`` in the
app's config; 0 turns the limit off, the default for local use). A bucket holds up to that
many tokens and refills evenly, so a client may burst up to the limit and then gets one
request every ``60 / limit`` seconds. A request without a token is answered 429 with a
message and a ``Retry-After`` header, through the app's error handler: the usual JSON error
body for programs, the error page for a browser. Only /ask and /feedback count.

The buckets live in the process: behind ``qa serve`` with several workers, each worker
counts on its own, so a client hitting every worker could get up to ``workers`` times the
limit. The client is ``request.remote_addr``; behind proxies, the ``proxies`` setting
(``QA_PROXIES``) has it read from the entries they append to ``X-Forwarded-For`` (web/__init__.py),
and only from those, since trusting a client's own entries would let it pick a fresh address
for every request. With several replicas, each counts on its own too.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, Response, g, request
from werkzeug.exceptions import TooManyRequests

MAX_CLIENTS = 10_000  # buckets kept at most; the least recently seen are forgotten first
# The paths that cost work and whose OpenAPI entries list the 429; the page, its static
# files, /healthz and /openapi.json are never refused.
COUNTED_PATHS = frozenset({"/ask", "/feedback"})


class RateLimiter:
    """Token buckets of ``per_minute`` tokens, one per client key; thread-safe."""

    def __init__(
        self,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = MAX_CLIENTS,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("a rate limit must be a positive number of requests a minute")
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # tokens, when
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Spend one of ``client``'s tokens: 0.0 when allowed, else seconds until one is."""
        now = self.clock()
        with self._lock:
            tokens, then = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.per_second)
            if tokens >= 1.0:
                tokens -= 1.0
                wait = 0.0
            else:
                wait = (1.0 - tokens) / self.per_second
            self._buckets[client] = (tokens, now)  # most recently seen last
            self._forget_idle(now)
            return wait

    def _forget_idle(self, now: float) -> None:
        """Drop the oldest buckets that have refilled (they hold no state), or are too many."""
        while self._buckets:
            client, (tokens, then) = next(iter(self._buckets.items()))
            full = tokens + (now - then) * self.per_second >= self.capacity
            if not full and len(self._buckets) <= self.max_clients:
                break
            del self._buckets[client]

    def __len__(self) -> int:
        return len(self._buckets)


def too_many(limit: int, wait: float) -> TooManyRequests:
    """The 429 to raise; web/errors.py turns it into the error body and keeps Retry-After."""
    seconds = max(1, math.ceil(wait))
    return TooManyRequests(
        f"Too many requests: the limit is {limit} a minute for each client. "
        f"Try again in {seconds} second{'s' if seconds != 1 else ''}.",
        retry_after=seconds,
    )


def init_app(app: Flask) -> None:
    """Limit requests to :data:`COUNTED_PATHS`, when the limit is above 0."""
    settings = app.config.get("QA_SETTINGS")
    configured = app.config.get("RATE_LIMIT")
    limit = int(configured if configured is not None else getattr(settings, "rate_limit", 0))
    if limit <= 0:
        return
    limiter = RateLimiter(limit)
    app.extensions["qa_rate_limiter"] = limiter

    @app.before_request
    def limit_requests() -> None:
        if request.path not in COUNTED_PATHS:
            return
        wait = limiter.take(request.remote_addr or "-")
        if wait > 0:
            refused = too_many(limit, wait)
            g.retry_after = refused.retry_after
            raise refused

    @app.after_request
    def keep_retry_after(response: Response) -> Response:
        """The error page a browser gets is rendered without the exception's headers."""
        retry_after = g.get("retry_after")
        if response.status_code == 429 and retry_after and "Retry-After" not in response.headers:
            response.headers["Retry-After"] = str(retry_after)
        return response
