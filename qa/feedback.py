"""Feedback on answers, and the questions the service abstained on, kept in SQLite.

:func:`parse_feedback` checks a caller's record (a mapping, e.g. the ``POST /feedback`` body)
and gives a :class:`Feedback` or raises :class:`qa.errors.FeedbackError`.
:class:`FeedbackStore` keeps records and abstentions in one SQLite file (WAL mode, created
with its folder on the first write) and raises :class:`qa.errors.StorageError` with a
sentence a person can act on when the file is locked, read-only or not a database.

Each thread (and each forked server worker) has its own connection, so one store may be
shared by threads and processes; SQLite's locking serialises the writers and ``busy_timeout``
bounds how long one waits (:data:`LOCK_TIMEOUT`, PostgreSQL's ``lock_timeout``). A feedback
write is acknowledged only after its transaction is committed with ``synchronous=FULL``; an
abstention is a best-effort counter (``synchronous=NORMAL``, still safe when the process is
killed).

Abstentions are aggregated: asking the same question again (whatever its case, spacing or end
punctuation) counts one more on its row. The table keeps at most ``max_abstentions`` rows:
past that the least asked, then least recently asked, are dropped, so a script asking
endless distinct questions cannot fill the disk. The SQL is plain enough for SQLite and
PostgreSQL alike (``ON CONFLICT ... DO UPDATE``, ``DELETE ... WHERE key IN (SELECT ... ORDER
BY ... LIMIT ?)``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import FeedbackError, StorageError
from .types import Turn

VERDICTS = ("helpful", "not_helpful", "wrong_answer_right_passage")
FIELDS = ("question", "answer", "verdict", "history", "citations", "correct_answer", "comment")
MAX_COMMENT_CHARS = 2000
MAX_CITATIONS = 50
# Seconds a write waits for another writer's lock before giving up: writers hold it for
# milliseconds, so a longer wait means something holds it on purpose or has hung.
LOCK_TIMEOUT = 1.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    verdict TEXT NOT NULL,
    history TEXT NOT NULL DEFAULT '[]',
    citations TEXT NOT NULL DEFAULT '[]',
    correct_answer TEXT,
    comment TEXT
);
CREATE TABLE IF NOT EXISTS abstentions (
    key TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS abstentions_by_use ON abstentions (count, last_seen);
"""


@dataclass(frozen=True)
class Feedback:
    """One person's verdict on one answer. ``citations`` are the cited sentence ids."""

    question: str
    answer: str
    verdict: str
    history: tuple[Turn, ...] = ()
    citations: tuple[str, ...] = ()
    correct_answer: str | None = None
    comment: str | None = None
    id: int | None = None
    created_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "question": self.question,
            "answer": self.answer,
            "verdict": self.verdict,
            "history": [{"question": t.question, "answer": t.answer} for t in self.history],
            "citations": list(self.citations),
            "correct_answer": self.correct_answer,
            "comment": self.comment,
        }


@dataclass(frozen=True)
class Abstention:
    """A question the service abstained on, how often, and when it was first and last asked."""

    question: str
    count: int
    first_seen: str
    last_seen: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "count": self.count,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


# --- checking a record -----------------------------------------------------------------------


def _text(obj: Mapping[str, Any], name: str, limit: int, required: bool = False) -> str | None:
    value = obj.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise FeedbackError(f"'{name}' must be a string")
    if len(value) > limit:  # as sent, as the API's schema counts it
        raise FeedbackError(f"'{name}' is longer than {limit} characters")
    value = value.strip()
    if required and not value:
        raise FeedbackError(f"'{name}' is empty")
    return value or None


def _history(value: Any, question_limit: int, max_turns: int) -> tuple[Turn, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FeedbackError("'history' must be a list of earlier turns")
    if len(value) > max_turns:
        raise FeedbackError(f"'history' has more than {max_turns} turns")
    turns = []
    for i, turn in enumerate(value):
        if (
            not isinstance(turn, dict)
            or not isinstance(turn.get("question"), str)
            or not isinstance(turn.get("answer", ""), str)
        ):
            raise FeedbackError(
                f"history[{i}] must be an object with a string 'question' "
                "and an optional string 'answer'"
            )
        if (
            len(turn["question"]) > question_limit
            or len(turn.get("answer", "")) > 20 * question_limit
        ):
            raise FeedbackError(f"history[{i}] is too long")
        turns.append(Turn(turn["question"], turn.get("answer", "")))
    return tuple(turns)


def _citations(value: Any) -> tuple[str, ...]:
    """Sentence ids, from ids or from the citation objects ``/ask`` returned."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FeedbackError("'citations' must be a list of citations")
    if len(value) > MAX_CITATIONS:
        raise FeedbackError(f"'citations' has more than {MAX_CITATIONS} entries")
    ids = []
    for i, c in enumerate(value):
        cid = c.get("id") if isinstance(c, dict) else c
        if not isinstance(cid, str) or not cid.strip() or len(cid) > 200:
            raise FeedbackError(
                f"citations[{i}] must be a sentence id or an object with a string 'id'"
            )
        ids.append(cid.strip())
    return tuple(ids)


def parse_feedback(
    obj: Any, max_question_chars: int = 500, max_history_turns: int = 20
) -> Feedback:
    """Check a caller's record (fields as in :data:`FIELDS`) and return it as a Feedback.

    Raises :class:`FeedbackError` naming the first field that is missing, mistyped, unknown
    or too long.
    """
    if not isinstance(obj, Mapping):
        raise FeedbackError("feedback must be a JSON object")
    unknown = sorted(str(k) for k in obj if k not in FIELDS)
    if unknown:
        raise FeedbackError(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    for name in ("question", "answer", "verdict"):
        if name not in obj:
            raise FeedbackError(f"'{name}' is required")
    question = _text(obj, "question", max_question_chars, required=True)
    answer_limit = 20 * max_question_chars
    answer = obj["answer"]
    if not isinstance(answer, str):
        raise FeedbackError("'answer' must be a string")
    if len(answer) > answer_limit:
        raise FeedbackError(f"'answer' is longer than {answer_limit} characters")
    verdict = obj["verdict"]
    if verdict not in VERDICTS:
        raise FeedbackError(f"'verdict' must be one of {', '.join(VERDICTS)}")
    assert question is not None
    return Feedback(
        question=" ".join(question.split()),
        answer=answer.strip(),
        verdict=verdict,
        history=_history(obj.get("history"), max_question_chars, max_history_turns),
        citations=_citations(obj.get("citations")),
        correct_answer=_text(obj, "correct_answer", answer_limit),
        comment=_text(obj, "comment", MAX_COMMENT_CHARS),
    )


def question_key(question: str) -> str:
    """What makes two asked questions "the same": case, spacing and end punctuation aside."""
    return " ".join(question.split()).casefold().rstrip("?!. ")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- the store -------------------------------------------------------------------------------


def _storage_error(path: Path, exc: sqlite3.Error | OSError) -> StorageError:
    """A :class:`StorageError` for what went wrong, in words anyone may read (no path)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason, message = (
            "locked",
            "feedback storage is locked by another writer; try again shortly",
        )
    elif "readonly" in text or "read-only" in text or "permission" in text:
        reason, message = "read_only", "feedback storage is read-only"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        reason, message = "damaged", "feedback storage is damaged or is not a feedback database"
    elif "unable to open" in text or isinstance(exc, OSError):
        reason, message = "unavailable", "feedback storage cannot be opened or created"
    elif "disk" in text or "full" in text:
        reason, message = "unavailable", "feedback storage cannot be written (is the disk full?)"
    else:
        reason, message = "unavailable", "feedback storage failed"
    return StorageError(message, reason, location=str(path), detail=str(exc))


class FeedbackStore:
    """Feedback records and abstention counts in the SQLite file at ``path``.

    ``timeout`` (seconds) bounds how long a write waits for another writer before it raises
    :class:`StorageError`; ``max_question_chars`` and ``max_history_turns`` are the same limits
    the engine applies to questions; ``max_abstentions`` is how many distinct abstained
    questions are kept (0: none are recorded).
    """

    def __init__(
        self,
        path: str | Path,
        timeout: float = LOCK_TIMEOUT,
        max_question_chars: int = 500,
        max_history_turns: int = 20,
        max_abstentions: int = 10_000,
    ) -> None:
        self.path = Path(path).expanduser()
        self.timeout = timeout
        self.max_question_chars = max_question_chars
        self.max_history_turns = max_history_turns
        self.max_abstentions = max_abstentions
        self._ready = False
        self._ready_lock = threading.Lock()
        self._local = threading.local()

    @classmethod
    def from_settings(cls, settings: Settings, timeout: float = LOCK_TIMEOUT) -> FeedbackStore:
        return cls(
            settings.feedback_db,
            timeout,
            settings.max_question_chars,
            settings.max_history_turns,
            settings.max_abstentions,
        )

    # connections

    def _connection(self, timeout: float) -> sqlite3.Connection:
        """This thread's connection (one per thread and process: closing the last connection
        to a WAL database checkpoints it, which would cost every write an fsync)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            self._local.conn, self._local.pid = conn, os.getpid()
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        return conn

    def _drop_connection(self) -> None:
        """Forget this thread's connection after an error, so the next call starts clean."""
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None and self._local.pid == os.getpid():
            conn.close()

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        self._drop_connection()

    def _create(self, timeout: float) -> None:
        """Folder, file, WAL mode and tables, once per store (all idempotent)."""
        with self._ready_lock:
            if self._ready:
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _storage_error(self.path, exc) from exc
            conn = self._connection(timeout)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"cannot use WAL mode (journal is {mode})")
            conn.executescript(_SCHEMA)
            self._ready = True

    @contextmanager
    def _writing(self, synchronous: str, timeout: float) -> Iterator[sqlite3.Connection]:
        """A connection inside ``BEGIN IMMEDIATE``; committed on leaving, else rolled back."""
        try:
            self._create(timeout)
            conn = self._connection(timeout)
            conn.execute(f"PRAGMA synchronous = {synchronous}")
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            self._drop_connection()
            if "no such table" in str(exc):
                self._ready = False  # the file was replaced: create the tables next time
            raise _storage_error(self.path, exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        """A connection for queries, or None when nothing has been stored yet."""
        if not self.path.exists():
            yield None
            return
        try:
            conn = self._connection(self.timeout)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            yield conn if {"feedback", "abstentions"} <= tables else None
        except sqlite3.Error as exc:
            self._drop_connection()
            raise _storage_error(self.path, exc) from exc

    # writing

    def add(self, record: Feedback | Mapping[str, Any]) -> int:
        """Store one feedback record (checked with :func:`parse_feedback`); return its id.

        Returns only once the record is durably committed. Raises :class:`FeedbackError`
        for a malformed record, :class:`StorageError` when the file cannot be written.
        """
        fb = (
            record
            if isinstance(record, Feedback)
            else parse_feedback(record, self.max_question_chars, self.max_history_turns)
        )
        history = [{"question": t.question, "answer": t.answer} for t in fb.history]
        row = (
            _now(),
            fb.question,
            fb.answer,
            fb.verdict,
            json.dumps(history, ensure_ascii=False),
            json.dumps(list(fb.citations), ensure_ascii=False),
            fb.correct_answer,
            fb.comment,
        )

        def insert(conn: sqlite3.Connection) -> int | None:
            return conn.execute(
                "INSERT INTO feedback (created_at, question, answer, verdict, history,"
                " citations, correct_answer, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            ).lastrowid

        row_id = self._write("FULL", self.timeout, insert)
        assert row_id is not None
        return row_id

    def record_abstention(self, question: str, timeout: float | None = None) -> None:
        """Count one more time the service abstained on ``question``.

        ``timeout`` (default: the store's) bounds the wait for the write lock; raises
        :class:`StorageError` when the file cannot be written.
        """
        question = " ".join(question.split())[: 4 * self.max_question_chars]
        key = question_key(question)
        if not key or self.max_abstentions <= 0:
            return
        now = _now()

        def count(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO abstentions (key, question, count, first_seen, last_seen)"
                " VALUES (?, ?, 1, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " count = abstentions.count + 1, question = excluded.question,"
                " last_seen = excluded.last_seen",
                (key, question, now, now),
            )
            self._forget_abstentions(conn)

        self._write("NORMAL", self.timeout if timeout is None else timeout, count)

    def _forget_abstentions(self, conn: sqlite3.Connection) -> None:
        """Keep :attr:`max_abstentions` rows: drop the least asked, then least recent."""
        rows = int(conn.execute("SELECT count(*) FROM abstentions").fetchone()[0])
        if rows > self.max_abstentions:
            conn.execute(
                "DELETE FROM abstentions WHERE key IN (SELECT key FROM abstentions"
                " ORDER BY count, last_seen, key LIMIT ?)",
                (rows - self.max_abstentions,),
            )

    def _write(
        self,
        synchronous: str,
        timeout: float,
        work: Callable[[sqlite3.Connection], Any],
    ) -> Any:
        """``work`` in its own transaction; what it returns. Tried a second time when the
        file turned out to have lost its tables (replaced or deleted while in use)."""
        for attempt in (1, 2):
            try:
                with self._writing(synchronous, timeout) as conn:
                    return work(conn)
            except StorageError:
                if self._ready or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    # reading

    def _select(self, sql: str, limit: int | None) -> list[sqlite3.Row]:
        """Rows of ``sql`` (the first ``limit`` when given); none before the first write."""
        params: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        with self._reading() as conn:
            return [] if conn is None else conn.execute(sql, params).fetchall()

    def feedback(self, limit: int | None = None) -> list[Feedback]:
        """Stored feedback, oldest first (the last ``limit`` records when given)."""
        rows = self._select("SELECT * FROM feedback ORDER BY id DESC", limit)
        return [_feedback_of(row) for row in reversed(rows)]

    def abstentions(self, limit: int | None = None) -> list[Abstention]:
        """Questions the service abstained on, most frequent first (then most recent)."""
        rows = self._select(
            "SELECT * FROM abstentions ORDER BY count DESC, last_seen DESC, key", limit
        )
        return [
            Abstention(r["question"], r["count"], r["first_seen"], r["last_seen"]) for r in rows
        ]

    def count(self) -> int:
        """How many feedback records are stored."""
        with self._reading() as conn:
            if conn is None:
                return 0
            return int(conn.execute("SELECT count(*) FROM feedback").fetchone()[0])


def _feedback_of(row: sqlite3.Row) -> Feedback:
    history = json.loads(row["history"] or "[]")
    return Feedback(
        question=row["question"],
        answer=row["answer"],
        verdict=row["verdict"],
        history=tuple(Turn(t["question"], t.get("answer", "")) for t in history),
        citations=tuple(json.loads(row["citations"] or "[]")),
        correct_answer=row["correct_answer"],
        comment=row["comment"],
        id=row["id"],
        created_at=row["created_at"],
    )
