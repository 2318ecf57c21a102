"""``POST /feedback``, and counting the questions ``/ask`` abstained on.

The store is :func:`qa.feedback.open_store` at ``FEEDBACK_DB`` in the app's config when given,
else the ``feedback_db`` setting: an SQLite file or a PostgreSQL URL. A malformed record is a
400 (``bad_feedback``) like every other :class:`qa.errors.QAError`; a database that is down,
locked, read-only or damaged is a 503 with a message that says which (and not where: the
location goes to the log), never a 500 or a hang (a write waits at most ``FEEDBACK_TIMEOUT``
seconds, default :data:`qa.feedback.LOCK_TIMEOUT`, for a lock or a connection).

After every ``/ask`` that abstained the question is counted in the store, so ``qa feedback``
can list the gaps in the corpus. The answer never waits for that write: the question is handed
to one writer per process (:class:`AbstentionRecorder`), which writes in the background. When
the database is down the writer drops questions instead of queueing them without end, and
says so in the log now and then.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from qa.config import Settings
from qa.errors import StorageError
from qa.feedback import LOCK_TIMEOUT, FeedbackStore, open_store

from .api import json_body
from .errors import as_sentence, error_body

log = logging.getLogger(__name__)

bp = Blueprint("feedback", __name__)

ASK_ENDPOINTS = {"api.ask_post", "api.ask_get"}
WARN_EVERY_SECONDS = 60.0  # a broken database must not flood the log, one line per request
QUEUED_ABSTENTIONS = 1000  # questions waiting for the writer at most; more are dropped
PAUSE_AFTER_FAILURE = 5.0  # seconds the writer drops questions after a failed write


def feedback_store(app: Flask | None = None) -> FeedbackStore:
    """The app's store, made on first use (and again if ``FEEDBACK_DB`` was changed)."""
    app = app or current_app
    settings: Settings = app.config.get("QA_SETTINGS") or Settings.load()
    location = str(app.config.get("FEEDBACK_DB") or settings.feedback_db)
    store: FeedbackStore | None = app.extensions.get("qa_feedback")
    if store is None or app.extensions.get("qa_feedback_at") != location:
        store = open_store(
            location,
            timeout=float(app.config.get("FEEDBACK_TIMEOUT", LOCK_TIMEOUT)),
            max_question_chars=settings.max_question_chars,
            max_history_turns=settings.max_history_turns,
            max_abstentions=settings.max_abstentions,
        )
        app.extensions["qa_feedback"] = store
        app.extensions["qa_feedback_at"] = location
    return store


def unavailable(exc: StorageError) -> Response:
    """503 with the store's own explanation; a locked database is worth a retry soon."""
    response = jsonify(error_body(exc.code, as_sentence(str(exc))))
    response.status_code = 503
    if exc.reason == "locked":
        response.headers["Retry-After"] = "1"
    return response


@bp.post("/feedback")
def post_feedback() -> Response:
    """Store one verdict on an answer; 201 with ``{"id": n}`` once it is safely written."""
    body = json_body()
    try:
        record_id = feedback_store().add(body)  # FeedbackError becomes a 400 (web/errors.py)
    except StorageError as exc:
        log.error("feedback not stored: %s", exc.for_operator())
        return unavailable(exc)
    response = jsonify(id=record_id)
    response.status_code = 201
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.after_app_request
def count_abstention(response: Response) -> Response:
    """Hand the question of an ``/ask`` that abstained to the writer; never waits."""
    if request.endpoint not in ASK_ENDPOINTS or response.status_code != 200:
        return response
    body = response.get_json(silent=True)
    if not isinstance(body, dict) or body.get("answered") is not False:
        return response
    question = body.get("question")
    if isinstance(question, str):
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        recorder(app).put(question)
    return response


def recorder(app: Flask) -> AbstentionRecorder:
    """The app's writer of abstentions in this process (a forked worker makes its own)."""
    found: AbstentionRecorder | None = app.extensions.get("qa_abstentions")
    if found is None or found.pid != os.getpid():
        found = AbstentionRecorder(app)
        app.extensions["qa_abstentions"] = found
    return found


class AbstentionRecorder:
    """A queue of abstained questions and the one thread that writes them to the store.

    Under ``qa serve`` the thread is a greenlet (gevent patches threads in its workers), so
    the write gives way to requests while it waits for the database.
    """

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.pid = os.getpid()
        self.queue: queue.Queue[str] = queue.Queue(QUEUED_ABSTENTIONS)
        self.paused_until = 0.0
        self.dropped = 0
        self._warned_at: float | None = None
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def put(self, question: str) -> None:
        """Queue ``question``; dropped (and counted) when the queue is full."""
        self._start()
        try:
            self.queue.put_nowait(question)
        except queue.Full:
            self.dropped += 1
            self._warn("the writer is behind")

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued question is written or dropped; whether it came to that."""
        deadline = time.monotonic() + timeout
        while self.queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self.queue.unfinished_tasks

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="abstentions", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            question = self.queue.get()
            try:
                self._write(question)
            finally:
                self.queue.task_done()

    def _write(self, question: str) -> None:
        if time.monotonic() < self.paused_until:
            self.dropped += 1
            return
        timeout = float(self.app.config.get("ABSTENTION_TIMEOUT", 0.5))
        try:
            feedback_store(self.app).record_abstention(question, timeout=timeout)
        except Exception as exc:  # a side record: whatever goes wrong, serving goes on
            self.paused_until = time.monotonic() + PAUSE_AFTER_FAILURE
            self.dropped += 1
            detail = exc.for_operator() if isinstance(exc, StorageError) else str(exc)
            self._warn(detail)

    def _warn(self, why: str) -> None:
        now = time.monotonic()
        if self._warned_at is None or now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            log.warning("abstention not recorded (%d dropped so far): %s", self.dropped, why)
