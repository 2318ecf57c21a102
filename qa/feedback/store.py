"""The feedback store: what every back end does, written once over a small interface.

A back end (:mod:`.sqlite`, :mod:`.postgres`) supplies transactions (:class:`Transaction`)
and turns its database's errors into :class:`qa.errors.StorageError`; the operations, their
SQL and their guarantees are here:

- :meth:`FeedbackStore.add` returns only once the record is durably committed;
- :meth:`FeedbackStore.record_abstention` counts a question the service abstained on, as a
  best-effort counter (committed without waiting for the disk). The same question asked
  again (case, spacing and end punctuation aside) adds one to its row; at most
  ``max_abstentions`` rows are kept, dropping the least asked, then the least recently
  asked, so a script asking endless distinct questions cannot fill the disk;
- a write waits at most ``timeout`` seconds (:data:`LOCK_TIMEOUT`) for another writer or for
  a connection, then raises StorageError, whose ``reason`` is the same word on every back end;
- reading never creates anything: before the first write there is nothing to read.

The tables are created or upgraded on the first write (:mod:`.schema`).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from ..errors import StorageError
from .records import (
    Abstention,
    Feedback,
    abstention_of,
    citations_json,
    feedback_of,
    history_json,
    now,
    parse_feedback,
    question_key,
)
from .schema import Dialect, Transaction, upgrade

# Seconds a write waits for another writer's lock (or for a connection) before giving up:
# writers hold a lock for milliseconds, so a longer wait means something holds it on purpose,
# has hung, or the database cannot be reached.
LOCK_TIMEOUT = 1.0

T = TypeVar("T")


class TablesMissing(StorageError):
    """The tables were there and are gone: the database was replaced or emptied in use."""


class FeedbackStore(ABC):
    """Feedback records and abstention counts in one database.

    ``location`` names the database for the operator (a password is never part of it);
    ``timeout`` bounds each write's wait; ``max_question_chars`` and ``max_history_turns``
    are the limits the engine applies to questions; ``max_abstentions`` is how many distinct
    abstained questions are kept (0: none are recorded).
    """

    dialect: Dialect

    def __init__(
        self,
        location: str,
        timeout: float = LOCK_TIMEOUT,
        max_question_chars: int = 500,
        max_history_turns: int = 20,
        max_abstentions: int = 10_000,
    ) -> None:
        self.location = location
        self.timeout = timeout
        self.max_question_chars = max_question_chars
        self.max_history_turns = max_history_turns
        self.max_abstentions = max_abstentions
        self._ready = False  # the schema is known to be in place
        self._ready_lock = threading.Lock()

    # --- what a back end supplies ---------------------------------------------------------

    @abstractmethod
    def _transaction(
        self, timeout: float, durable: bool, schema: bool = False
    ) -> AbstractContextManager[Transaction]:
        """A write transaction, committed when the block ends (rolled back on an error);
        ``durable``: the commit waits for the disk; ``schema``: hold the back end's schema
        lock too. Raises StorageError; :class:`TablesMissing` when the tables are gone."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Transaction | None]:
        """A transaction to read in, or None when nothing has been stored yet."""

    def _prepare(self, timeout: float) -> None:  # noqa: B027 - most back ends need nothing
        """What the back end needs before the schema (a folder, a journal mode)."""

    def close(self) -> None:  # noqa: B027
        """Let go of the connections this process holds (the store opens them again)."""

    # --- writing --------------------------------------------------------------------------

    def add(self, record: Feedback | Mapping[str, Any]) -> int:
        """Store one feedback record (checked with :func:`parse_feedback`); return its id.

        Returns only once the record is durably committed. Raises :class:`FeedbackError`
        for a malformed record, :class:`StorageError` when it cannot be stored.
        """
        fb = (
            record
            if isinstance(record, Feedback)
            else parse_feedback(record, self.max_question_chars, self.max_history_turns)
        )
        row = (
            now(),
            fb.question,
            fb.answer,
            fb.verdict,
            history_json(fb),
            citations_json(fb),
            fb.correct_answer,
            fb.comment,
        )

        def insert(tx: Transaction) -> int:
            return tx.insert(
                "INSERT INTO feedback (created_at, question, answer, verdict, history,"
                " citations, correct_answer, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

        return self._write(insert, self.timeout, durable=True)

    def record_abstention(self, question: str, timeout: float | None = None) -> None:
        """Count one more time the service abstained on ``question``.

        ``timeout`` (default: the store's) bounds the wait; raises :class:`StorageError`
        when it cannot be stored.
        """
        question = " ".join(question.split())[: 4 * self.max_question_chars]
        key = question_key(question)
        if not key or self.max_abstentions <= 0:
            return
        seen = now()

        def count(tx: Transaction) -> None:
            tx.execute(
                "INSERT INTO abstentions (key, question, count, first_seen, last_seen)"
                " VALUES (?, ?, 1, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " count = abstentions.count + 1, question = excluded.question,"
                " last_seen = excluded.last_seen",
                (key, question, seen, seen),
            )
            self._forget_abstentions(tx)

        self._write(count, self.timeout if timeout is None else timeout, durable=False)

    def _forget_abstentions(self, tx: Transaction) -> None:
        """Keep :attr:`max_abstentions` rows: drop the least asked, then least recent."""
        rows = int(tx.execute("SELECT count(*) AS n FROM abstentions")[0]["n"])
        if rows > self.max_abstentions:
            tx.execute(
                "DELETE FROM abstentions WHERE key IN (SELECT key FROM abstentions"
                " ORDER BY count, last_seen, key LIMIT ?)",
                (rows - self.max_abstentions,),
            )

    def _write(self, work: Callable[[Transaction], T], timeout: float, durable: bool) -> T:
        """``work`` in its own transaction; what it returns. Tried a second time when the
        tables turned out to be gone (the database was replaced or emptied while in use)."""
        try:
            self._ensure_schema(timeout)
            with self._transaction(timeout, durable) as tx:
                return work(tx)
        except TablesMissing:
            self._ready = False
        self._ensure_schema(timeout)
        with self._transaction(timeout, durable) as tx:
            return work(tx)

    def _ensure_schema(self, timeout: float) -> None:
        """Create or upgrade the tables, once per store (and again if they disappear)."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            self._prepare(timeout)
            with self._transaction(timeout, durable=True, schema=True) as tx:
                upgrade(tx, self.dialect)
            self._ready = True

    # --- reading --------------------------------------------------------------------------

    def _select(self, sql: str, limit: int | None) -> list[Mapping[str, Any]]:
        """Rows of ``sql`` (the first ``limit`` when given); none before the first write."""
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        with self._reading() as tx:
            return [] if tx is None else tx.execute(sql, params)

    def feedback(self, limit: int | None = None) -> list[Feedback]:
        """Stored feedback, oldest first (the last ``limit`` records when given)."""
        rows = self._select("SELECT * FROM feedback ORDER BY id DESC", limit)
        return [feedback_of(row) for row in reversed(rows)]

    def abstentions(self, limit: int | None = None) -> list[Abstention]:
        """Questions the service abstained on, most frequent first (then most recent)."""
        rows = self._select(
            "SELECT * FROM abstentions ORDER BY count DESC, last_seen DESC, key", limit
        )
        return [abstention_of(row) for row in rows]

    def count(self) -> int:
        """How many feedback records are stored."""
        rows = self._select("SELECT count(*) AS n FROM feedback", None)
        return int(rows[0]["n"]) if rows else 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.location!r})"
