"""HTTP: ``POST /ask`` beside ``GET /healthz`` on one ``qa serve``, under a bounded load.

The load is a fixed number of requests from a few client threads in this process, each on a
keep-alive ``http.client`` connection, on loopback only. Beside throughput and latency it
reports the server's own CPU time per request (Linux), which the client threads' share of
the machine does not blur: what the answer path costs beyond the framework.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .answers import seed_testset
from .measure import BenchError, summarise


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _get(host: str, port: int, path: str, timeout: float = 2.0) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@dataclass(frozen=True)
class Server:
    """A running ``qa serve``: where it listens, its process group (server and workers), and
    how many seconds it took from its start to its first 200 on ``GET /healthz``."""

    host: str
    port: int
    group: int
    ready_s: float = 0.0

    def cpu_seconds(self) -> float | None:
        """User and system CPU time of the group's live processes so far (None off Linux)."""
        total = 0
        try:
            pids = [p for p in os.listdir("/proc") if p.isdigit()]
        except OSError:
            return None
        for pid in pids:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue  # gone since the listing
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) == self.group:  # fields from "state": pgrp is the third
                total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
        return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def served(
    corpus: Path | None = None,
    workers: int | None = None,
    startup_timeout: float = 60.0,
    answer_cache: int | None = None,
    settings: Mapping[str, str] | None = None,
    kill: bool = False,
) -> Iterator[Server]:
    """``qa serve`` (the production server) on a free loopback port, as a :class:`Server`.

    The server runs as a subprocess of this Python in its own session, with no rate limit,
    a feedback store in a temporary folder and ``settings`` (``QA_*`` variables) besides, and
    is stopped with SIGTERM (SIGKILL after 10 s, or at once with ``kill``) when the block
    ends. Raises :class:`BenchError` with the end of its log if it exits or does not answer
    ``GET /healthz`` in ``startup_timeout`` seconds.
    """
    host, port = "127.0.0.1", free_port()
    command = [sys.executable, "-m", "qa", "serve", "--host", host, "--port", str(port)]
    env = {**os.environ, "QA_RATE_LIMIT": "0"}
    if corpus is not None:
        env["QA_CORPUS"] = str(corpus)
    if workers is not None:
        env["QA_WORKERS"] = str(workers)
    if answer_cache is not None:
        env["QA_ANSWER_CACHE"] = str(answer_cache)
    env.update(settings or {})
    with (
        tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp,
        open(Path(tmp) / "log", "w+b") as log,
    ):
        env["QA_FEEDBACK_DB"] = str(Path(tmp) / "feedback.sqlite3")
        started = time.monotonic()
        proc = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def log_tail() -> str:
            log.seek(0)
            return log.read().decode(errors="replace")[-2000:]

        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if proc.poll() is not None:
                    raise BenchError(f"qa serve exited with {proc.returncode}:\n{log_tail()}")
                try:
                    if _get(host, port, "/healthz") == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise BenchError(
                        f"qa serve did not answer in {startup_timeout:.0f} s:\n{log_tail()}"
                    )
                time.sleep(0.1)
            yield Server(host, port, proc.pid, time.monotonic() - started)
        finally:
            _stop(proc, signal.SIGKILL if kill else signal.SIGTERM)


def _stop(proc: subprocess.Popen[bytes], how: signal.Signals = signal.SIGTERM) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, how)  # the server and its workers, nothing else
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def drive(
    server: Server,
    method: str,
    path: str,
    bodies: Sequence[bytes | None],
    requests: int,
    clients: int,
) -> dict[str, Any]:
    """Send ``requests`` requests from ``clients`` threads, each on one keep-alive connection
    (reopened when the server closes it), cycling through ``bodies``.

    Returns throughput (requests per second of wall time), latency p50/p95, the server's
    CPU milliseconds per request and the number of errors (a status other than 200, or a
    failed connection).
    """
    headers = {"Content-Type": "application/json"} if method == "POST" else {}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    start_line = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(server.host, server.port, timeout=30)
        count = requests // clients + (1 if n < requests % clients else 0)
        start_line.wait()
        for i in range(count):
            body = bodies[(n + i * clients) % len(bodies)]
            t0 = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()  # the next request opens a new connection
                ok = False
            latencies[n].append((time.perf_counter() - t0) * 1000)
            errors[n] += not ok
        conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    cpu_before = server.cpu_seconds()
    start_line.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    cpu_after = server.cpu_seconds()
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    every = [ms for per_client in latencies for ms in per_client]
    stats = summarise(every)
    return {
        "requests": len(every),
        "seconds": wall,
        "rps": len(every) / wall if wall > 0 else None,
        "p50_ms": stats["p50_ms"],
        "p95_ms": stats["p95_ms"],
        "server_cpu_s": cpu,
        "server_cpu_ms": None if cpu is None or not every else cpu * 1000 / len(every),
        "errors": sum(errors),
    }


def _merge(rounds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One row from several rounds: total requests over total time; median of the p50s."""
    total = sum(r["requests"] for r in rounds)
    seconds = sum(r["seconds"] for r in rounds)
    cpus = [r["server_cpu_s"] for r in rounds]
    cpu = None if None in cpus else sum(cpus)
    return {
        "requests": total,
        "seconds": seconds,
        "rps": total / seconds if seconds > 0 else None,
        "p50_ms": float(np.median([r["p50_ms"] for r in rounds])),
        "p95_ms": float(np.median([r["p95_ms"] for r in rounds])),
        "server_cpu_s": cpu,
        "server_cpu_ms": None if cpu is None or not total else cpu * 1000 / total,
        "errors": sum(r["errors"] for r in rounds),
        "rounds": [r["rps"] for r in rounds],
    }


def ask_bodies(testset: Path | None = None) -> list[bytes]:
    """``POST /ask`` bodies: the test set's questions, follow-ups with their history."""
    from qa.cases import load_cases

    testset = testset or seed_testset()
    if not testset.is_file():
        raise BenchError(f"no test set at {testset} (run from a checkout or pass one)")
    bodies = []
    for case in load_cases([testset]):
        body: dict[str, Any] = {"question": case.question}
        if case.history:
            body["history"] = [{"question": t.question, "answer": t.answer} for t in case.history]
        bodies.append(json.dumps(body).encode())
    return bodies


def bench_http(
    corpus: Path | None = None,
    testset: Path | None = None,
    requests: int = 3000,
    clients: int = 4,
    rounds: int = 3,
    workers: int | None = None,
) -> dict[str, Any]:
    """``GET /healthz`` and ``POST /ask`` on one ``qa serve``, ``requests`` each, split into
    ``rounds`` that alternate between the two so that both see the same machine.

    The test set's questions repeat, so ``POST /ask`` is measured twice: on the server as it
    runs (repeated questions come from its answer cache) and on one with the cache off
    (``ask_uncached``: every answer worked out).
    """
    bodies = ask_bodies(testset)
    per_round = max(clients, requests // rounds)
    healthz: list[dict[str, Any]] = []
    ask: list[dict[str, Any]] = []
    uncached: list[dict[str, Any]] = []
    warm = min(200, per_round)
    with served(corpus, workers) as server, served(corpus, workers, answer_cache=0) as cold:
        drive(server, "GET", "/healthz", [None], warm, clients)
        drive(server, "POST", "/ask", bodies, warm, clients)
        drive(cold, "POST", "/ask", bodies, warm, clients)
        for _ in range(rounds):
            healthz.append(drive(server, "GET", "/healthz", [None], per_round, clients))
            ask.append(drive(server, "POST", "/ask", bodies, per_round, clients))
            uncached.append(drive(cold, "POST", "/ask", bodies, per_round, clients))
    h, a, u = _merge(healthz), _merge(ask), _merge(uncached)
    ratio = a["rps"] / h["rps"] if a["rps"] and h["rps"] else None
    # The same ratio from the server's CPU per request: steadier when other work shares the
    # machine, as the wall-clock throughputs are not.
    h_cpu, a_cpu = h["server_cpu_ms"], a["server_cpu_ms"]
    cpu_ratio = h_cpu / a_cpu if h_cpu and a_cpu else None
    uncached_ratio = u["rps"] / h["rps"] if u["rps"] and h["rps"] else None
    return {
        "server": "qa serve",
        "workers": workers,
        "clients": clients,
        "rounds": rounds,
        "healthz": h,
        "ask": a,
        "ask_uncached": u,
        "ratio": ratio,
        "uncached_ratio": uncached_ratio,
        "cpu_ratio": cpu_ratio,
    }
