"""The shared back end: a PostgreSQL database, for several servers writing at once.

Each process keeps a small pool of connections (``psycopg_pool``), made on its first
operation, so a server's forked workers each have their own. What the pool and the server
bound:

- a connection: an operation waits at most ``timeout`` seconds for one. A database that is
  down or cannot be reached is therefore a :class:`~qa.errors.StorageError` ("unavailable")
  within that time, whatever the network does, while the pool goes on trying to connect in
  the background. A connection the server closed (a restart) is replaced before anything
  is written with it, so a restarted database is used again at once;
- a lock: ``lock_timeout`` (the same ``timeout``) bounds a wait for another writer's lock;
- a statement: ``statement_timeout`` (twice that) bounds anything else that hangs.

A feedback record is committed with ``synchronous_commit`` on (the server's default: durable
once acknowledged); an abstention with it off (a best-effort counter). SQLSTATE codes, not
message texts, decide the error's ``reason``. psycopg is imported on first use, after a
gevent worker has patched the standard library, so that its waits give way to other requests.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StorageError
from .schema import POSTGRES
from .store import LOCK_TIMEOUT, FeedbackStore, TablesMissing

if TYPE_CHECKING:
    from psycopg import Connection
    from psycopg_pool import ConnectionPool

SCHEMES = ("postgresql", "postgres")
APPLICATION_NAME = "newsqa feedback"  # what pg_stat_activity shows for our connections
POOL_SIZE = 4  # connections per process at most; writes take milliseconds each
CONNECT_TIMEOUT = 5  # seconds one attempt to connect may take (a request waits less)
# Seconds the pool keeps trying to make a connection; the next operation after that starts
# a new attempt, so a database back after a long outage is found again within about this.
RECONNECT_TIMEOUT = 10.0
# Any key works, as long as every server uses the same: the schema's steps are applied by one
# server at a time.
SCHEMA_LOCK_KEY = 7_228_114_105

# SQLSTATE (or its two-letter class) -> reason and message; the first match wins.
_ERRORS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("25006", "42501"), "read_only", "feedback storage is read-only"),
    (
        ("55P03", "40001", "40P01"),
        "locked",
        "feedback storage is locked by another writer; try again shortly",
    ),
    (("57014",), "unavailable", "feedback storage did not answer in time"),
    (("53",), "unavailable", "feedback storage cannot be written (is the disk full?)"),
    (("08", "57P"), "unavailable", "feedback storage cannot be reached"),
    (("42", "22", "23"), "damaged", "feedback storage is damaged or is not a feedback database"),
)


def is_postgres_url(location: str) -> bool:
    return urlsplit(location).scheme in SCHEMES


def redact(url: str) -> str:
    """``url`` without its password (and without its query), fit for a log."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}:***@{host}" if ":" in user else netloc
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def storage_error(location: str, exc: Exception) -> StorageError:
    """A :class:`StorageError` for a psycopg or pool error, by its SQLSTATE."""
    state = str(getattr(exc, "sqlstate", None) or "")
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if state == "42P01":
        return TablesMissing(
            "feedback storage lost its tables", "damaged", location=location, detail=detail
        )
    for prefixes, reason, message in _ERRORS:
        if state and state.startswith(prefixes):
            return StorageError(message, reason, location=location, detail=detail)
    return StorageError(
        "feedback storage cannot be reached", "unavailable", location=location, detail=detail
    )


class _Transaction:
    def __init__(self, conn: Connection[Any]) -> None:
        from psycopg.rows import dict_row

        self.cursor = conn.cursor(row_factory=dict_row)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Mapping[str, Any]]:
        # The shared SQL holds no literal "?" or "%": its placeholders become psycopg's.
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
        return list(self.cursor.fetchall()) if self.cursor.description else []

    def insert(self, sql: str, params: Sequence[Any]) -> int:
        return int(self.execute(sql + " RETURNING id", params)[0]["id"])


class PostgresStore(FeedbackStore):
    """Feedback in the PostgreSQL database at ``url`` (``postgresql://user:pw@host/db``)."""

    dialect = POSTGRES

    def __init__(
        self,
        url: str,
        timeout: float = LOCK_TIMEOUT,
        max_question_chars: int = 500,
        max_history_turns: int = 20,
        max_abstentions: int = 10_000,
        pool_size: int = POOL_SIZE,
    ) -> None:
        super().__init__(
            redact(url), timeout, max_question_chars, max_history_turns, max_abstentions
        )
        self.url = url
        self.pool_size = pool_size
        self._pool: ConnectionPool[Any] | None = None
        self._pid = os.getpid()
        self._pool_lock = threading.Lock()

    def _connections(self) -> ConnectionPool[Any]:
        """This process's pool, opened on first use (a forked child opens its own)."""
        with self._pool_lock:
            if self._pool is None or self._pid != os.getpid():
                try:
                    from psycopg_pool import ConnectionPool
                except ImportError as exc:
                    raise StorageError(
                        "feedback storage on PostgreSQL needs psycopg: pip install "
                        "'newsqa[postgres]'",
                        location=self.location,
                        detail=str(exc),
                    ) from exc
                connect: dict[str, Any] = {"application_name": APPLICATION_NAME}
                if "connect_timeout" not in self.url:
                    connect["connect_timeout"] = CONNECT_TIMEOUT
                # No connection is kept open when none is needed (min_size 0): the first
                # operation makes one, and only one, while it waits.
                self._pool = ConnectionPool(
                    self.url,
                    min_size=0,
                    max_size=self.pool_size,
                    open=False,
                    timeout=self.timeout,
                    reconnect_timeout=RECONNECT_TIMEOUT,
                    name="feedback",
                    kwargs=connect,
                )
                self._pool.open(wait=False)
                self._pid = os.getpid()
            return self._pool

    def _borrow(self, pool: ConnectionPool[Any], deadline: float) -> Connection[Any]:
        """A connection in a new transaction with its time limits set, by ``deadline``.

        A connection the server closed since it was last used (a restart, a fail-over, an
        idle timeout) fails on this first statement, before anything is written, so another
        one is tried once.
        """
        from psycopg import OperationalError

        limits = (f"{int(self.timeout * 1000)}ms", f"{int(self.timeout * 2000)}ms")
        for attempt in (1, 2):
            conn = pool.getconn(timeout=max(0.0, deadline - time.monotonic()))
            try:
                conn.execute(
                    "SELECT set_config('lock_timeout', %s, true),"
                    " set_config('statement_timeout', %s, true)",
                    limits,
                )
                return conn
            except OperationalError:
                pool.putconn(conn)  # a broken connection is dropped by the pool
                if not conn.broken or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _session(self, timeout: float) -> Iterator[Connection[Any]]:
        """A connection of the pool's inside a transaction, committed when the block ends
        (rolled back on an error); every failure is a StorageError within ``timeout``."""
        from psycopg import Error
        from psycopg_pool import PoolTimeout

        pool = self._connections()
        try:
            conn = self._borrow(pool, time.monotonic() + timeout)
        except PoolTimeout as exc:
            raise StorageError(
                "feedback storage cannot be reached",
                "unavailable",
                location=self.location,
                detail=f"no connection within {timeout:g} s (the log has the pool's errors)",
            ) from exc
        except Error as exc:
            raise storage_error(self.location, exc) from exc
        try:
            yield conn
            conn.commit()
        except Error as exc:
            raise storage_error(self.location, exc) from exc
        finally:
            if not conn.broken:
                with suppress(Error):
                    conn.rollback()  # nothing to roll back after a commit
            pool.putconn(conn)

    @contextmanager
    def _transaction(
        self, timeout: float, durable: bool, schema: bool = False
    ) -> Iterator[_Transaction]:
        with self._session(timeout) as conn:
            if not durable:
                conn.execute("SET LOCAL synchronous_commit = off")
            if schema:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
            yield _Transaction(conn)

    @contextmanager
    def _reading(self) -> Iterator[_Transaction | None]:
        with self._session(self.timeout) as conn:
            found = conn.execute(
                "SELECT to_regclass('feedback') IS NOT NULL AND to_regclass('abstentions')"
                " IS NOT NULL"
            ).fetchone()
            yield _Transaction(conn) if found and found[0] else None

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None and self._pid == os.getpid():
            pool.close(timeout=1.0)
