"""The feedback store's guarantees, on each back end (an SQLite file, then PostgreSQL).

Every test of the interface runs on both through the ``feedback_location`` fixture; the ways a
database can fail (locked, read-only, not a feedback database, out of reach) are provoked
the way each back end meets them, and must give the same error ``reason`` on both.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qa.errors import StorageError
from qa.feedback import FeedbackStore, PostgresStore, SQLiteStore, open_store, redact, schema
from tests.feedback_support import GOOD, HARBOR, ids, make_foreign, query, tables, write_lock_held
from tests.postgres import Cluster


@pytest.fixture
def store(feedback_location: str) -> Iterator[FeedbackStore]:
    made = open_store(feedback_location, timeout=2.0)
    yield made
    made.close()


def test_the_store_is_chosen_by_the_setting(tmp_path: Path) -> None:
    assert isinstance(open_store(str(tmp_path / "f.sqlite3")), SQLiteStore)
    pg = open_store("postgresql://reader:s3cret@db.example:5432/news?sslmode=require")
    assert isinstance(pg, PostgresStore)
    assert pg.location == "postgresql://reader:***@db.example:5432/news"
    assert "s3cret" not in repr(pg)
    assert redact("postgres://db.example/news") == "postgres://db.example/news"


def test_records_are_kept_and_read_back_and_reading_creates_nothing(
    store, feedback_location: str
) -> None:
    assert store.feedback() == [] and store.abstentions() == [] and store.count() == 0
    assert tables(feedback_location) == set(), "reading must not create the tables"
    first = store.add(GOOD)
    second = store.add({**GOOD, "verdict": "helpful", "history": [{"question": "Where?"}]})
    assert second > first
    assert tables(feedback_location) >= {"feedback", "abstentions", "feedback_schema"}
    back = store.feedback()
    assert [fb.id for fb in back] == [first, second]
    assert back[0].correct_answer == "2.4 billion yuan" and back[0].comment == GOOD["comment"]
    assert back[1].history[0].question == "Where?" and back[0].created_at
    assert store.count() == 2 and [fb.id for fb in store.feedback(limit=1)] == [second]
    assert json.loads(json.dumps(back[0].to_dict()))["citations"] == [f"{HARBOR}:s1"]


def test_an_sqlite_file_and_its_folder_are_made_on_the_first_write(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "feedback.sqlite3"
    store = SQLiteStore(db)
    assert store.count() == 0 and not db.parent.exists()
    store.add(GOOD)
    assert query(db, "PRAGMA journal_mode") == [("wal",)]


def test_abstentions_are_counted_per_question_most_frequent_first(store) -> None:
    for q in ["Who is the mayor?", "who is  the MAYOR", "Is it raining?", "Who is the mayor?"]:
        store.record_abstention(q)
    store.record_abstention("   ")  # nothing to count
    gaps = store.abstentions()
    assert [(g.count, g.question.casefold().rstrip("?")) for g in gaps] == [
        (3, "who is the mayor"),
        (1, "is it raining"),
    ]
    assert gaps[0].first_seen <= gaps[0].last_seen


def test_the_abstentions_kept_are_capped_dropping_the_least_asked_first(
    feedback_location: str,
) -> None:
    store = open_store(feedback_location, max_abstentions=3)
    for q in ["Who is the mayor?", "WHO is the mayor", "Is it raining?"]:
        store.record_abstention(q)
    for n in range(10):  # a script asking ever new questions
        store.record_abstention(f"What is the secret number {n}?")
    gaps = store.abstentions()
    assert len(gaps) == 3 and len(query(feedback_location, "SELECT key FROM abstentions")) == 3
    assert (gaps[0].question.casefold(), gaps[0].count) == ("who is the mayor", 2)
    assert [g.count for g in gaps[1:]] == [1, 1]
    open_store(feedback_location, max_abstentions=0).record_abstention("Anything?")
    assert len(store.abstentions()) == 3, "0 records none"


def test_writers_in_many_threads_all_land(store, feedback_location: str) -> None:
    threads, each = 8, 30
    got: list[int] = []
    lock = threading.Lock()

    def write(n: int) -> None:
        for i in range(each):
            new = store.add({**GOOD, "comment": f"thread {n} record {i}"})
            store.record_abstention("What is the weather?")
            with lock:
                got.append(new)

    workers = [threading.Thread(target=write, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(set(got)) == threads * each
    assert sorted(got) == ids(feedback_location)
    assert store.abstentions()[0].count == threads * each


WRITER = textwrap.dedent(
    """
    import sys
    from qa.feedback import open_store
    store = open_store(sys.argv[1], timeout=10)
    for i in range(int(sys.argv[2])):
        print(store.add({"question": "Q?", "answer": "A", "verdict": "not_helpful",
                         "comment": sys.argv[3] + str(i)}), flush=True)
        store.record_abstention("Q?")
    store.close()
    """
)


def test_writers_in_many_processes_all_land_on_a_new_database(feedback_location: str) -> None:
    processes, each = 5, 30
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, feedback_location, str(each), f"p{n}-"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    acknowledged = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        acknowledged += [int(line) for line in out.split()]
    assert len(acknowledged) == processes * each
    assert sorted(acknowledged) == ids(feedback_location)
    comments = {r[0] for r in query(feedback_location, "SELECT comment FROM feedback")}
    assert len(comments) == processes * each
    assert query(feedback_location, "SELECT count FROM abstentions") == [(processes * each,)]
    assert query(feedback_location, "SELECT version FROM feedback_schema") == [(1,)]


def test_a_locked_database_is_a_clear_error_not_a_hang(feedback_location: str) -> None:
    first = open_store(feedback_location).add(GOOD)
    store = open_store(feedback_location, timeout=0.3)
    with write_lock_held(feedback_location):
        started = time.monotonic()
        with pytest.raises(StorageError, match="is locked by another writer") as err:
            store.add(GOOD)
        assert err.value.reason == "locked"
        with pytest.raises(StorageError, match="locked"):
            store.record_abstention("Why?", timeout=0.05)
        assert time.monotonic() - started < 3
    assert store.add(GOOD) > first, "the store recovers once the lock is gone"
    store.close()


def test_a_database_that_is_not_a_feedback_database_is_a_clear_error(
    feedback_location: str,
) -> None:
    make_foreign(feedback_location)
    store = open_store(feedback_location, timeout=0.5)
    with pytest.raises(StorageError, match="is damaged or is not a feedback database") as err:
        store.add(GOOD)
    assert err.value.reason == "damaged" and err.value.location not in str(err.value)
    with pytest.raises(StorageError, match="not a feedback database"):
        store.feedback()
    store.close()


def test_a_database_written_by_a_newer_version_is_refused(feedback_location: str) -> None:
    store = open_store(feedback_location)
    store.add(GOOD)
    query(feedback_location, "INSERT INTO feedback_schema VALUES (99, 'from the future', 'x')")
    newer = open_store(feedback_location)
    with pytest.raises(StorageError, match="written by a newer version") as err:
        newer.add(GOOD)
    assert err.value.reason == "damaged" and "99" in err.value.for_operator()
    assert ids(feedback_location) == [1]
    store.close()
    newer.close()


def test_the_schema_is_upgraded_once_by_its_missing_steps(
    feedback_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = open_store(feedback_location)
    old.add(GOOD)
    old.close()
    step = (2, "an index of verdicts", ("CREATE INDEX feedback_by_verdict ON feedback (verdict)",))
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    for _ in range(2):  # two servers in turn: the second finds the step done
        store = open_store(feedback_location)
        store.add(GOOD)
        store.close()
    versions = query(feedback_location, "SELECT version FROM feedback_schema ORDER BY version")
    assert versions == [(1,), (2,)] and ids(feedback_location) == [1, 2, 3]


def test_a_database_emptied_while_in_use_is_created_again(store, feedback_location: str) -> None:
    store.add(GOOD)
    if feedback_location.startswith("postgresql"):
        query(feedback_location, "DROP TABLE feedback, abstentions, feedback_schema")
    else:
        store.close()
        for path in Path(feedback_location).parent.iterdir():
            path.unlink()
    assert store.add(GOOD) == 1 and store.count() == 1


# --- failures particular to one back end ---------------------------------------------------


def test_an_sqlite_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    store = SQLiteStore(tmp_path / "a-file" / "feedback.sqlite3")
    with pytest.raises(StorageError, match="cannot be opened or created"):
        store.add(GOOD)


READ_ONLY_WRITER = textwrap.dedent(
    """
    import json, os, sys
    from qa.errors import StorageError
    from qa.feedback import open_store
    if os.geteuid() == 0:  # become nobody (imports done first): root could write any file
        os.setgid(65534)
        os.setuid(65534)
    try:
        open_store(sys.argv[1], timeout=0.5).add(
            {"question": "Q?", "answer": "A", "verdict": "helpful"})
    except StorageError as exc:
        print(json.dumps({"message": str(exc), "reason": exc.reason, "at": exc.location}))
        sys.exit(3)
    """
)


def test_a_read_only_sqlite_file_is_a_clear_error() -> None:
    # Its own folder outside tmp_path, which only its owner may enter; removed at the end.
    with tempfile.TemporaryDirectory(prefix="qa-readonly-") as folder:
        db = Path(folder) / "feedback.sqlite3"
        SQLiteStore(db).add(GOOD)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        try:
            run = subprocess.run(
                [sys.executable, "-c", READ_ONLY_WRITER, str(db)],
                capture_output=True,
                text=True,
                timeout=60,
            )
        finally:
            os.chmod(folder, 0o755)
            os.chmod(db, 0o644)
        assert run.returncode == 3, run.stderr
        assert json.loads(run.stdout) == {
            "message": "feedback storage is read-only",
            "reason": "read_only",
            "at": str(db),
        }  # the operator learns where; the message never says
        assert ids(db) == [1]


def test_a_read_only_postgresql_is_a_clear_error(postgres_cluster: Cluster) -> None:
    url = postgres_cluster.new_schema()
    open_store(url).add(GOOD)
    # A standby server, or a database set read-only, refuses writes the same way.
    read_only = url + "%20-c%20default_transaction_read_only%3Don"
    store = open_store(read_only)
    with pytest.raises(StorageError) as err:
        store.add(GOOD)
    assert (str(err.value), err.value.reason) == ("feedback storage is read-only", "read_only")
    assert [fb.id for fb in store.feedback()] == [1], "reading still works"
    store.close()


def silent_port() -> socket.socket:
    """A loopback socket that takes connections and never answers: a database that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    return listener


@pytest.mark.parametrize("how", ["refused", "hanging"])
def test_an_unreachable_postgresql_is_an_error_within_the_timeout(how: str) -> None:
    with socket.socket() as closed, silent_port() as hanging:
        closed.bind(("127.0.0.1", 0))
        port = (closed if how == "refused" else hanging).getsockname()[1]
        store = open_store(f"postgresql://qa:s3cret@127.0.0.1:{port}/feedback", timeout=1.0)
        for write in (lambda: store.add(GOOD), lambda: store.record_abstention("Q?")):
            started = time.monotonic()
            with pytest.raises(StorageError, match="cannot be reached") as err:
                write()
            assert time.monotonic() - started < 2.5, "about a second, not a hang"
            assert err.value.reason == "unavailable"
            assert "s3cret" not in err.value.for_operator()
        store.close()


def test_a_restarted_postgresql_is_used_again_at_once(postgres_cluster: Cluster) -> None:
    url = postgres_cluster.new_schema()
    store = open_store(url)
    store.add(GOOD)
    # Every connection of the pool is cut, as a restart of the server would.
    query(
        postgres_cluster.url,
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
        " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
    )
    assert store.add(GOOD) == 2
    store.close()


def test_switching_a_new_database_to_wal_waits_for_other_processes_doing_the_same() -> None:
    # Two processes switching a new file to WAL at once: SQLite answers one "database is
    # locked" at once, without its busy timeout; the switch is tried again, not given up.
    from qa.feedback.sqlite import _journal_mode_wal

    class Racing:
        tries = 0

        def execute(self, sql: str) -> Racing:
            self.tries += 1
            if self.tries < 3:
                raise sqlite3.OperationalError("database is locked")
            return self

        def fetchone(self) -> tuple[str]:
            return ("wal",)

    racing = Racing()
    assert _journal_mode_wal(racing, timeout=2.0) == "wal"  # type: ignore[arg-type]
    assert racing.tries == 3
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _journal_mode_wal(Racing(), timeout=0.0)  # type: ignore[arg-type]
