"""Shared fixtures: the web app over the two test articles, its clients, and a live server.

``app``/``client``/``runner`` follow Flask's tutorial; ``live_server`` runs the real
``qa serve`` (gunicorn) in a subprocess on a free loopback port, as a person would;
``browser`` is Debian's Chromium driven by Playwright; ``postgres_cluster`` is a throwaway
PostgreSQL server (tests/postgres.py), one for the session.
Every fixture keeps its files (feedback database, logs) under pytest's temporary folders.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from qa.engine import Engine
from tests.postgres import Cluster, PostgresUnavailable, remove, start_cluster
from tests.support import SECOND_FILE, SEED_FILE
from web import create_app


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder holding the seed article and the second article."""
    folder = tmp_path_factory.mktemp("corpus")
    for article in (SEED_FILE, SECOND_FILE):
        shutil.copy(article, folder / article.name)
    return folder


@pytest.fixture(scope="session")
def engine(corpus_dir: Path) -> Engine:
    """The engine over both articles, built once for the whole session."""
    return Engine.from_corpus(corpus_dir)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Flask:
    return create_app(
        {"TESTING": True, "QA_SETTINGS": {"feedback_db": tmp_path / "feedback.sqlite3"}},
        engine=engine,
    )


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


# --- a live server -----------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """A running ``qa serve``: its base ``url``, the file its stdout and stderr go to, and
    its feedback database."""

    url: str
    log_path: Path
    feedback_db: str | Path
    process: subprocess.Popen[bytes]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_server(
    corpus: Path,
    folder: Path,
    timeout: float = 30.0,
    settings: dict[str, str] | None = None,
    feedback_db: str | Path | None = None,
    args: tuple[str, ...] = (),
) -> LiveServer:
    """Start ``qa serve`` on a free port and wait until ``/healthz`` answers 200.

    ``settings`` are ``QA_*`` environment variables for the server (none are inherited);
    ``feedback_db`` defaults to an SQLite file in ``folder``; ``args`` go to ``qa serve``.
    """
    port = free_port()
    log_path = folder / f"serve-{port}.log"
    feedback_db = feedback_db or folder / "feedback.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    env.update(settings or {})
    command = [sys.executable, "-m", "qa", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", "2", "--corpus", str(corpus), "--feedback-db", str(feedback_db)]
    command += list(args)
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, feedback_db, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"qa serve exited with {process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    stop_server(server)
    raise RuntimeError(f"qa serve did not answer /healthz within {timeout} s:\n{server.log()}")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def kill_server(server: LiveServer) -> None:
    """SIGKILL a whole ``qa serve`` (gunicorn's master and workers), by their ids: killing
    its process group would take the test with it."""
    pids = [*_children(server.process.pid), server.process.pid]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    server.process.wait(timeout=10)
    _wait_until_dead(pids)


def _children(pid: int) -> list[int]:
    """The ids of a process's children (gunicorn's workers), from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _wait_until_dead(pids: list[int], timeout: float = 10.0) -> None:
    """Until each process is gone or a zombie (it holds no file or lock any more)."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                break
            if state in ("Z", "X"):
                break
            time.sleep(0.01)


@pytest.fixture(scope="session")
def live_server(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``qa serve`` over both test articles, for the whole session."""
    server = start_server(corpus_dir, tmp_path_factory.mktemp("live_server"))
    yield server
    stop_server(server)


# --- a browser ---------------------------------------------------------------------------------

CHROMIUM = Path(os.environ.get("QA_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def unavailable(reason: str) -> None:
    """Skip on a developer's machine without a tool (a browser, PostgreSQL); fail under CI,
    where every test must run."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}; CI is set, so these tests must run", pytrace=False)
    pytest.skip(reason)


browser_unavailable = unavailable


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium (``$QA_CHROMIUM``, else /usr/bin/chromium) through Playwright's sync API.

    One per test module: Playwright's sync API allows one instance at a time, so a module
    that launches its own must not overlap with a session-wide one.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        browser_unavailable(f"Playwright is not installed ({exc})")
    if not CHROMIUM.exists():
        browser_unavailable(
            f"no Chromium at {CHROMIUM} (apt-get install chromium, or set QA_CHROMIUM)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def ask(page: Any, question: str) -> tuple[Any, dict[str, Any]]:
    """Type ``question``, press Enter, wait for its answer; the answer's card and /ask body."""
    before = page.locator(".turn").count()
    page.locator("#question").fill(question)
    with page.expect_response("**/ask") as response:
        page.locator("#question").press("Enter")
    card = page.locator(".turn").nth(before).locator(".bubble-answer")
    card.wait_for()
    return card, response.value.json()


# --- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A PostgreSQL server of our own for the session (tests/postgres.py)."""
    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        unavailable(str(exc))
    yield cluster
    remove(cluster)


@pytest.fixture(params=["sqlite", "postgresql"])
def feedback_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's feedback goes, on each back end in turn: an SQLite file that does not
    exist yet (in a folder that does not either), or an empty schema of the session's server."""
    if request.param == "sqlite":
        return str(tmp_path / "data" / "feedback.sqlite3")
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    return cluster.new_schema()
