"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` in a temporary folder.

Debian's ``postgresql`` package provides the programs (``scripts/test.sh`` installs it when
missing); they are looked for on ``PATH``, then under ``/usr/lib/postgresql/<version>/bin``.
PostgreSQL refuses to run as root, so under root (CI) the server runs as the ``postgres``
user the package creates (else ``nobody``), in a folder it owns. It listens on a free
loopback port only, trusts local connections, and skips fsync: a test kills servers of ours,
never the database, so durability against power loss is not what is tested.

One server serves the whole test session; each test gets a schema of its own.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL programs on this machine, or the server would not start."""


def find_bindir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    raise PostgresUnavailable(
        "no PostgreSQL server programs (initdb, pg_ctl): apt-get install postgresql"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root; None to run as ourselves."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_uid, entry.pw_gid
    raise PostgresUnavailable("running as root, and there is no postgres or nobody user")


@dataclass
class Cluster:
    """A running server: its folder, port and the programs that run it."""

    folder: Path
    port: int
    bindir: Path
    user: tuple[int, int] | None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def schema_url(self, schema: str) -> str:
        """A URL whose connections use ``schema`` (created by :meth:`new_schema`)."""
        return f"{self.url}?options={quote(f'-c search_path={schema}')}"

    def new_schema(self) -> str:
        """A fresh, empty schema's URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return self.schema_url(name)

    def _pg(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.user is not None:
            kwargs.update(user=self.user[0], group=self.user[1], extra_groups=[])
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            check=check,
            timeout=120,
            cwd=self.folder,
            **kwargs,  # type: ignore[call-overload]
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            "-c fsync=off -c full_page_writes=off -c max_connections=200"
        )
        run = self._pg(
            "pg_ctl", "-D", "data", "-l", "server.log", "-o", options, "-w", "start", check=False
        )
        if run.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl start failed: {run.stderr}\n{log}")

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", "data", "-m", "immediate", "stop", check=False)


def start_cluster() -> Cluster:
    """initdb and start a server in a new temporary folder; :func:`remove` ends it."""
    bindir = find_bindir()
    user = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="qa-postgres-"))
    if user is not None:
        os.chown(folder, *user)
    cluster = Cluster(folder, _free_port(), bindir, user)
    try:
        cluster._pg(
            "initdb", "-D", "data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise PostgresUnavailable(f"initdb failed: {exc.stderr}") from exc
    try:
        cluster.start()
    except PostgresUnavailable:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return cluster


def remove(cluster: Cluster) -> None:
    cluster.stop()
    shutil.rmtree(cluster.folder, ignore_errors=True)
