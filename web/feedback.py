"""``POST /feedback``, and counting the questions ``/ask`` abstained on.

The store is :class:`qa.feedback.FeedbackStore` at ``FEEDBACK_DB`` in the app's config when
given, else the ``feedback_db`` setting. A malformed record is a 400 (``bad_feedback``) like
every other :class:`qa.errors.QAError`; a database that is locked, read-only or damaged is a
503 with a message that says which (and not where: the path goes to the log), never a 500 or
a hang (writes wait at most ``FEEDBACK_TIMEOUT`` seconds for a lock, default
:data:`qa.feedback.LOCK_TIMEOUT`).

After every ``/ask`` that abstained the question is counted in the store, so ``qa feedback``
can list the gaps in the corpus. That write is cheap and bounded (``ABSTENTION_TIMEOUT``,
default 0.25 s) and never fails the answer: a problem with the database is logged instead.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from qa.config import Settings
from qa.errors import StorageError
from qa.feedback import LOCK_TIMEOUT, FeedbackStore

from .api import json_body
from .errors import as_sentence, error_body

log = logging.getLogger(__name__)

bp = Blueprint("feedback", __name__)

ASK_ENDPOINTS = {"api.ask_post", "api.ask_get"}
WARN_EVERY_SECONDS = 60.0  # a broken database must not flood the log, one line per request


def feedback_store(app: Flask | None = None) -> FeedbackStore:
    """The app's store, made on first use (and again if ``FEEDBACK_DB`` was changed)."""
    app = app or current_app
    settings: Settings = app.config.get("QA_SETTINGS") or Settings.load()
    path = Path(app.config.get("FEEDBACK_DB") or settings.feedback_db).expanduser()
    store: FeedbackStore | None = app.extensions.get("qa_feedback")
    if store is None or store.path != path:
        store = FeedbackStore(
            path,
            timeout=float(app.config.get("FEEDBACK_TIMEOUT", LOCK_TIMEOUT)),
            max_question_chars=settings.max_question_chars,
            max_history_turns=settings.max_history_turns,
            max_abstentions=settings.max_abstentions,
        )
        app.extensions["qa_feedback"] = store
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
    """Count the question of an ``/ask`` that abstained; never fails or delays the answer."""
    if request.endpoint not in ASK_ENDPOINTS or response.status_code != 200:
        return response
    body = response.get_json(silent=True)
    if not isinstance(body, dict) or body.get("answered") is not False:
        return response
    question = body.get("question")
    if not isinstance(question, str):
        return response
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        feedback_store(app).record_abstention(
            question, timeout=float(app.config.get("ABSTENTION_TIMEOUT", 0.25))
        )
    except Exception as exc:  # a side record: whatever goes wrong, the answer still goes out
        _warn_now_and_then(app, exc)
    return response


def _warn_now_and_then(app: Flask, exc: Exception) -> None:
    now = time.monotonic()
    last = app.extensions.get("qa_feedback_warned")
    if last is None or now - last >= WARN_EVERY_SECONDS:
        app.extensions["qa_feedback_warned"] = now
        detail = exc.for_operator() if isinstance(exc, StorageError) else exc
        log.warning("abstention not recorded: %s", detail)
