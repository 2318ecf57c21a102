"""What the feedback tests share: a record, and reaching either back end's database directly
(as another program would) to look at it or to get in its way."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from qa.feedback import is_postgres_url

HARBOR = "harbor-solar-farm"

GOOD: dict[str, Any] = {
    "question": "How much did the solar farm cost to build?",
    "answer": "The farm covers 1.8 square kilometers.",
    "verdict": "wrong_answer_right_passage",
    "citations": [{"id": f"{HARBOR}:s1", "article": HARBOR, "text": "...", "start": 0, "end": 3}],
    "correct_answer": "2.4 billion yuan",
    "comment": "right passage, wrong number",
}


def query(location: str | Path, sql: str) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` on the database at ``location``, on a connection of its own."""
    if is_postgres_url(str(location)):
        import psycopg

        with psycopg.connect(str(location), autocommit=True) as conn:
            cursor = conn.execute(sql)  # type: ignore[arg-type]
            return [tuple(r) for r in cursor.fetchall()] if cursor.description else []
    with sqlite3.connect(location) as conn:
        return conn.execute(sql).fetchall()


def ids(location: str | Path) -> list[int]:
    return [int(r[0]) for r in query(location, "SELECT id FROM feedback ORDER BY id")]


def tables(location: str | Path) -> set[str]:
    """The names of the tables at ``location`` (none for a file that does not exist)."""
    if is_postgres_url(str(location)):
        rows = query(
            location, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )
    elif not Path(location).exists():
        return set()
    else:
        rows = query(location, "SELECT name FROM sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows}


@contextmanager
def write_lock_held(location: str | Path) -> Iterator[None]:
    """Another program holds the write lock on the feedback tables while the block runs."""
    if is_postgres_url(str(location)):
        import psycopg

        with psycopg.connect(str(location)) as conn:
            conn.execute("LOCK TABLE feedback, abstentions IN ACCESS EXCLUSIVE MODE")
            try:
                yield
            finally:
                conn.rollback()
        return
    holder = sqlite3.connect(location, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def make_foreign(location: str | Path) -> None:
    """Put at ``location`` a database that is not a feedback database."""
    if is_postgres_url(str(location)):
        query(location, "CREATE TABLE feedback (title TEXT, rating INTEGER)")
        query(location, "CREATE TABLE abstentions (title TEXT)")
        return
    path = Path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"these are not the bytes of an SQLite database " * 100)
