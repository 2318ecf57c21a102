"""Feedback on answers, and the questions the service abstained on, kept in a database.

Two back ends behind one interface (:class:`FeedbackStore`): an SQLite file, the embedded
default (:mod:`.sqlite`), and PostgreSQL (:mod:`.postgres`), which several servers can share.
:func:`open_store` picks one from the ``feedback_db`` setting: a ``postgresql://`` URL, else
a file path. Both create and upgrade their tables the same way (:mod:`.schema`), give the
same guarantees (:mod:`.store`) and raise :class:`qa.errors.StorageError` with the same
``reason`` words. :func:`parse_feedback` checks a caller's record (:mod:`.records`).
"""

from __future__ import annotations

from ..config import Settings
from .postgres import PostgresStore, is_postgres_url, redact
from .records import (
    FIELDS,
    MAX_CITATIONS,
    MAX_COMMENT_CHARS,
    VERDICTS,
    Abstention,
    Feedback,
    parse_feedback,
    question_key,
)
from .sqlite import SQLiteStore
from .store import LOCK_TIMEOUT, FeedbackStore

__all__ = [
    "FIELDS",
    "LOCK_TIMEOUT",
    "MAX_CITATIONS",
    "MAX_COMMENT_CHARS",
    "VERDICTS",
    "Abstention",
    "Feedback",
    "FeedbackStore",
    "PostgresStore",
    "SQLiteStore",
    "is_postgres_url",
    "open_store",
    "parse_feedback",
    "question_key",
    "redact",
    "store_from_settings",
]


def open_store(
    location: str,
    timeout: float = LOCK_TIMEOUT,
    max_question_chars: int = 500,
    max_history_turns: int = 20,
    max_abstentions: int = 10_000,
) -> FeedbackStore:
    """The store at ``location``: a PostgreSQL URL (``postgresql://user:pw@host/db``), else
    the path of an SQLite file. Nothing is opened until the first operation."""
    limits = (timeout, max_question_chars, max_history_turns, max_abstentions)
    if is_postgres_url(str(location)):
        return PostgresStore(str(location), *limits)
    return SQLiteStore(location, *limits)


def store_from_settings(settings: Settings, timeout: float = LOCK_TIMEOUT) -> FeedbackStore:
    """The store the ``feedback_db`` setting names, with the engine's limits on questions."""
    return open_store(
        settings.feedback_db,
        timeout,
        settings.max_question_chars,
        settings.max_history_turns,
        settings.max_abstentions,
    )
