"""The embedded back end: one SQLite file (standard library ``sqlite3``, WAL mode).

The file and its folder are created on the first write. Each process keeps a few
connections open and lends one to each operation: a connection is never shared by two
operations at once, whatever runs them (threads, gevent's greenlets), and the last connection
to a WAL database is not closed after each write (closing it checkpoints the file, which
would cost every write an fsync). SQLite's locking serialises writers across processes;
``busy_timeout`` bounds a writer's wait. A feedback record is committed with
``synchronous=FULL``; an abstention with ``synchronous=NORMAL`` (still safe when the process
is killed, not when the machine loses power).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StorageError
from .schema import SQLITE, TABLES
from .store import LOCK_TIMEOUT, FeedbackStore, TablesMissing

IDLE_CONNECTIONS = 4  # kept open per process between operations


def _journal_mode_wal(conn: sqlite3.Connection, timeout: float) -> str:
    """Switch to WAL mode, waiting up to ``timeout`` for other processes doing the same.

    On a new database the switch needs every other connection out of the way, and SQLite
    reports "database is locked" at once, without its busy timeout, when two processes
    open the file together; so the switch is tried again until the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Mapping[str, Any]]:
        return [dict(row) for row in self.conn.execute(sql, tuple(params)).fetchall()]

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        row_id = self.conn.execute(sql, tuple(params)).lastrowid
        assert row_id is not None
        return int(row_id)


def storage_error(path: Path, exc: sqlite3.Error | OSError) -> StorageError:
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
    kind = TablesMissing if "no such table" in text else StorageError
    return kind(message, reason, location=str(path), detail=str(exc))


class SQLiteStore(FeedbackStore):
    """Feedback in the SQLite file at ``path`` (see :class:`FeedbackStore` for the rest)."""

    dialect = SQLITE

    def __init__(
        self,
        path: str | Path,
        timeout: float = LOCK_TIMEOUT,
        max_question_chars: int = 500,
        max_history_turns: int = 20,
        max_abstentions: int = 10_000,
    ) -> None:
        self.path = Path(path).expanduser()
        super().__init__(
            str(self.path), timeout, max_question_chars, max_history_turns, max_abstentions
        )
        self._idle: list[sqlite3.Connection] = []
        self._pid = os.getpid()
        self._lock = threading.Lock()
        # Connections a forked child inherited: never used nor closed there (closing one
        # could checkpoint the parent's file under its feet), only kept from the collector.
        self._inherited: list[sqlite3.Connection] = []

    # connections

    def _borrow(self, timeout: float) -> sqlite3.Connection:
        with self._lock:
            if self._pid != os.getpid():
                self._inherited += self._idle
                self._idle, self._pid = [], os.getpid()
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        return conn

    def _give_back(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if self._pid == os.getpid() and len(self._idle) < IDLE_CONNECTIONS:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def _connection(self, timeout: float) -> Iterator[sqlite3.Connection]:
        """A connection of this process's, given back after use (closed after an error)."""
        conn = self._borrow(timeout)
        try:
            yield conn
        except BaseException:
            conn.close()
            raise
        self._give_back(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        if self._pid == os.getpid():
            for conn in idle:
                conn.close()

    # the back end's part

    def _prepare(self, timeout: float) -> None:
        """The folder, the file and WAL mode (all idempotent)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connection(timeout) as conn:
                mode = _journal_mode_wal(conn, timeout)
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(self.path, exc) from exc
        if str(mode).lower() != "wal":
            raise storage_error(
                self.path, sqlite3.OperationalError(f"cannot use WAL mode (journal is {mode})")
            )

    @contextmanager
    def _transaction(
        self, timeout: float, durable: bool, schema: bool = False
    ) -> Iterator[_Transaction]:
        # BEGIN IMMEDIATE takes the write lock at once, so the schema needs no other lock.
        try:
            with self._connection(timeout) as conn:
                conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield _Transaction(conn)
                    conn.execute("COMMIT")
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[_Transaction | None]:
        if not self.path.exists():
            yield None
            return
        try:
            with self._connection(self.timeout) as conn:
                names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
                yield _Transaction(conn) if set(TABLES) <= names else None
        except sqlite3.Error as exc:
            raise storage_error(self.path, exc) from exc
