"""A bounded load test of ``qa serve`` on loopback: errors, latency percentiles, memory.

It starts ``qa serve`` itself on a free 127.0.0.1 port (its own feedback database in a
temporary folder, no rate limit), warms it up, then sends a fixed number of requests from
concurrent clients for at most ``--duration`` seconds: questions (answerable, unanswerable,
follow-ups with history, by POST and GET), feedback, the health check and the page. While
it runs it samples the resident memory of the server's processes (gunicorn's master and
workers) from /proc; shared pages count once per process, so the total is an overcount, but
a leak still shows as growth. At the end it prints the figures and checks that:

- no request failed (every status as expected, no connection error);
- memory stayed flat: the server's RSS at the end is within ``--max-growth-mb`` of the start;
- every feedback the server acknowledged (201) is in its database.

With ``--hostile`` the same normal clients run beside a hostile mix (scripts/hostile_mix.py):
50 slow clients that connect and send nothing or drip header lines, and 2 threads sending
costly and broken requests (long random words, long histories, deep JSON, a lone surrogate,
a chunked body over the limit, a body that stops half way). The normal clients' figures then
show what the hostile ones cost them, and every hostile request must get its documented
status too.

The exit status is 0 when all of it holds, else 1. Linux only (/proc). The client is one
Python process, so on a small machine it competes with the server for the CPU.

    python scripts/loadtest.py                      # 30 s, 8 clients, up to 18,000 requests
    python scripts/loadtest.py --hostile            # the same beside the hostile mix
    python scripts/loadtest.py --duration 5 --clients 4 --requests 2000 --json
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hostile_mix import HostileMix  # scripts/, beside this file

ROOT = Path(__file__).resolve().parent.parent

ANSWERABLE = [
    "How many professionals work in the Wenzhou valley?",
    "What value is Wenzhou hoping its health sector will reach by 2025?",
    "When was the China Gene Medicine Valley established?",
    "How much of the harbor do the solar panels cover?",
    "How much did the solar farm cost to build?",
    "Who said the valley would attract more companies?",
]
UNANSWERABLE = [
    "What is the population of Mars?",
    "Who won the 1998 World Cup?",
    "What colour is the mayor's car?",
]
FOLLOW_UP = (
    [{"question": "How much did the solar farm cost to build?", "answer": "2.4 billion yuan."}],
    "And how big is it?",
)


def questions_from_testsets() -> tuple[list[str], list[str]]:
    """Answerable and unanswerable questions of the project's test sets, when there are any."""
    answerable: list[str] = []
    unanswerable: list[str] = []
    for path in sorted((ROOT / "tests" / "testsets").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                case = json.loads(line)
            except json.JSONDecodeError:
                continue
            if (
                isinstance(case, dict)
                and isinstance(case.get("question"), str)
                and not (case.get("history"))
            ):
                (answerable if case.get("answerable") else unanswerable).append(case["question"])
    return answerable or ANSWERABLE, unanswerable or UNANSWERABLE


@dataclass(frozen=True)
class Request:
    kind: str
    method: str
    path: str
    body: dict[str, Any] | None = None
    expect: int = 200


def request_for(n: int, answerable: list[str], unanswerable: list[str]) -> Request:
    """The n-th request of the mix (deterministic): mostly questions, some of everything."""
    slot = n % 20
    if slot < 11:
        return Request("ask", "POST", "/ask", {"question": answerable[n % len(answerable)]})
    if slot < 13:
        history, question = FOLLOW_UP
        return Request("ask-follow-up", "POST", "/ask", {"question": question, "history": history})
    if slot < 15:
        question = unanswerable[n % len(unanswerable)]
        return Request("ask-unanswerable", "POST", "/ask", {"question": question})
    if slot < 17:
        query = urllib.parse.urlencode({"question": answerable[(n // 7) % len(answerable)]})
        return Request("ask-get", "GET", f"/ask?{query}")
    if slot == 17:
        body = {
            "question": answerable[n % len(answerable)],
            "answer": "An answer.",
            "verdict": ("helpful", "not_helpful", "wrong_answer_right_passage")[n % 3],
            "comment": f"load test #{n}",
        }
        return Request("feedback", "POST", "/feedback", body, expect=201)
    if slot == 18:
        return Request("healthz", "GET", "/healthz")
    return Request("page", "GET", "/")


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    folder: Path, workers: int, corpus: Path | None
) -> tuple[subprocess.Popen[bytes], int]:
    """``qa serve`` on a free loopback port; returns once /healthz answers 200."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    command = [
        sys.executable,
        "-m",
        "qa",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--feedback-db",
        str(folder / "feedback.sqlite3"),
    ]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"qa serve exited with {process.returncode}:\n" + server_log(folder))
        try:
            status, _ = send(port, Request("healthz", "GET", "/healthz"))
            if status == 200:
                return process, port
        except OSError:
            time.sleep(0.1)
    stop_server(process)
    raise SystemExit("qa serve did not answer /healthz within 60 s:\n" + server_log(folder))


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def server_log(folder: Path) -> str:
    text = (folder / "serve.log").read_text(encoding="utf-8", errors="replace")
    return text[-3000:]


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc/<pid>/task/*/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def rss_mb(pids: list[int]) -> float:
    """The resident set sizes of ``pids`` added up, in MB (VmRSS of /proc/<pid>/status)."""
    total_kb = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


# --- the clients -----------------------------------------------------------------------------


def send(port: int, req: Request, timeout: float = 10.0) -> tuple[int, bytes]:
    """One request on a new connection (gunicorn's sync workers close each one)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Accept": "application/json"}
        body = None
        if req.body is not None:
            body = json.dumps(req.body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        conn.request(req.method, req.path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    feedback_ids: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, req: Request, ms: float, status: int | None, body: bytes, error: str) -> None:
        with self.lock:
            self.latencies[req.kind].append(ms)
            if error or status != req.expect:
                why = error or f"HTTP {status}"
                self.errors[f"{req.kind}: {why}"] += 1
                if len(self.error_samples) < 5:
                    self.error_samples.append(f"{req.method} {req.path} -> {why} {body[:200]!r}")
            elif req.kind == "feedback":
                self.feedback_ids.append(json.loads(body)["id"])


def client(
    port: int,
    counter: itertools.count[int],
    total: int,
    deadline: float,
    results: Results,
    questions: tuple[list[str], list[str]],
) -> None:
    while time.monotonic() < deadline:
        n = next(counter)  # itertools.count is atomic under the GIL
        if n >= total:
            return
        req = request_for(n, *questions)
        started = time.perf_counter()
        status: int | None = None
        body, error = b"", ""
        try:
            status, body = send(port, req)
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"
        results.record(req, (time.perf_counter() - started) * 1000, status, body, error)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


# --- the run ---------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    questions = questions_from_testsets()
    with tempfile.TemporaryDirectory(prefix="qa-loadtest-") as tmp:
        folder = Path(tmp)
        process, port = start_server(folder, args.workers, args.corpus)
        try:
            warm = Results()
            client(port, itertools.count(), args.warmup, time.monotonic() + 30, warm, questions)
            pids = process_tree(process.pid)
            samples: list[tuple[float, float]] = []
            done = threading.Event()

            def sample_memory() -> None:
                while not done.is_set():
                    samples.append((time.monotonic(), rss_mb(process_tree(process.pid))))
                    done.wait(args.sample_every)

            sampler = threading.Thread(target=sample_memory, daemon=True)
            sampler.start()
            hostile = HostileMix(port, args.slow_clients, args.hostile_clients)
            if args.hostile:
                hostile.start()
            results = Results()
            counter = itertools.count()
            started = time.monotonic()
            deadline = started + args.duration
            threads = [
                threading.Thread(
                    target=client, args=(port, counter, args.requests, deadline, results, questions)
                )
                for _ in range(args.clients)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
            hostile.stop()
            done.set()
            sampler.join()
            samples.append((time.monotonic(), rss_mb(process_tree(process.pid))))
            stored = stored_feedback(folder / "feedback.sqlite3")
            gaps = abstention_count(folder / "feedback.sqlite3")
        finally:
            stop_server(process)
        log_tail = server_log(folder) if results.errors else ""
    out = figures(args, results, warm, elapsed, samples, pids, stored, gaps, log_tail)
    if args.hostile:
        out["hostile"] = hostile.figures()
        out["ok"] = out["ok"] and out["hostile"]["unexpected"] == 0
    return out


def stored_feedback(db: Path) -> set[int]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM feedback")}


def abstention_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT coalesce(sum(count), 0) FROM abstentions").fetchone()[0])


def figures(
    args: argparse.Namespace,
    results: Results,
    warm: Results,
    elapsed: float,
    samples: list[tuple[float, float]],
    pids: list[int],
    stored: set[int],
    gaps: int,
    log_tail: str,
) -> dict[str, Any]:
    every = [ms for values in results.latencies.values() for ms in values]
    count = len(every)
    tenth = max(1, len(samples) // 10)
    rss_start = statistics.median(mb for _, mb in samples[:tenth])
    rss_end = statistics.median(mb for _, mb in samples[-tenth:])
    lost = sorted(set(results.feedback_ids) - stored)
    out = {
        "requests": count,
        "errors": sum(results.errors.values()),
        "errors_by_kind": dict(results.errors),
        "error_samples": results.error_samples,
        "warmup_requests": args.warmup,
        "warmup_errors": sum(warm.errors.values()),
        "clients": args.clients,
        "server_workers": args.workers,
        "server_processes": len(pids),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(count / elapsed, 1) if elapsed else 0.0,
        "latency_ms": latency_table(every),
        "latency_ms_by_kind": {k: latency_table(v) for k, v in sorted(results.latencies.items())},
        "rss_mb": {
            "start": round(rss_start, 1),
            "end": round(rss_end, 1),
            "min": round(min(mb for _, mb in samples), 1),
            "max": round(max(mb for _, mb in samples), 1),
            "growth": round(rss_end - rss_start, 1),
            "samples": len(samples),
        },
        "max_growth_mb": args.max_growth_mb,
        "feedback_acknowledged": len(results.feedback_ids),
        "feedback_lost": lost,
        "abstentions_recorded": gaps,
        "server_log_tail": log_tail,
    }
    out["memory_flat"] = out["rss_mb"]["growth"] <= args.max_growth_mb
    out["ok"] = out["errors"] == 0 and out["memory_flat"] and not lost
    return out


def latency_table(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 50), 2),
        "p90": round(percentile(values, 90), 2),
        "p95": round(percentile(values, 95), 2),
        "p99": round(percentile(values, 99), 2),
        "max": round(max(values), 2) if values else float("nan"),
        "n": len(values),
    }


def report(f: dict[str, Any]) -> str:
    lat = f["latency_ms"]
    rss = f["rss_mb"]
    lines = [
        f"qa serve load test: {f['requests']} requests from {f['clients']} clients in "
        f"{f['seconds']} s = {f['requests_per_second']} requests/s "
        f"({f['server_workers']} workers, {f['server_processes']} server processes)",
        f"errors: {f['errors']}" + (f"  {f['errors_by_kind']}" if f["errors"] else ""),
        f"latency ms: p50 {lat['p50']}  p90 {lat['p90']}  p95 {lat['p95']}  p99 {lat['p99']}  "
        f"max {lat['max']}",
    ]
    for kind, t in f["latency_ms_by_kind"].items():
        lines.append(
            f"  {kind:<17} n {t['n']:>6}  p50 {t['p50']:>7}  p95 {t['p95']:>7}  p99 {t['p99']:>7}"
        )
    lines += [
        f"server RSS MB: start {rss['start']}  end {rss['end']}  (min {rss['min']}, max "
        f"{rss['max']}, {rss['samples']} samples)  growth {rss['growth']:+} "
        f"({'flat' if f['memory_flat'] else 'NOT flat'}: limit {f['max_growth_mb']} MB)",
        f"feedback acknowledged {f['feedback_acknowledged']}, lost {len(f['feedback_lost'])}; "
        f"abstentions recorded {f['abstentions_recorded']}",
    ]
    lines += [f"  e.g. {s}" for s in f["error_samples"]]
    if "hostile" in f:
        h = f["hostile"]
        lines.append(
            f"beside {h['slow_clients']} slow clients (let go and back {h['slow_reconnects']} "
            f"times) and {h['requests']} hostile requests {h['by_kind']}: "
            f"{h['unexpected']} unexpected answers"
        )
        lines += [f"  e.g. {s}" for s in h["unexpected_samples"]]
    if f["server_log_tail"]:
        lines += ["server log (end):", f["server_log_tail"]]
    lines.append("OK" if f["ok"] else "FAILED")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--duration", type=float, default=30.0, help="stop after this many seconds")
    p.add_argument("--requests", type=int, default=18_000, help="stop after this many requests")
    p.add_argument("--clients", type=int, default=8, help="concurrent clients")
    p.add_argument("--workers", type=int, default=2, help="qa serve worker processes")
    p.add_argument("--warmup", type=int, default=200, help="requests before measuring")
    p.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: qa's)")
    p.add_argument(
        "--max-growth-mb",
        type=float,
        default=20.0,
        help="largest RSS growth that still counts as flat",
    )
    p.add_argument("--sample-every", type=float, default=0.25, help="seconds between samples")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--hostile", action="store_true", help="run beside the hostile mix")
    p.add_argument("--slow-clients", type=int, default=50, help="with --hostile: slow clients")
    p.add_argument(
        "--hostile-clients", type=int, default=2, help="with --hostile: hostile request threads"
    )
    args = p.parse_args(argv)
    if args.duration <= 0 or args.requests <= 0 or args.clients <= 0 or args.workers <= 0:
        p.error("--duration, --requests, --clients and --workers must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    f = run(args)
    print(json.dumps(f, indent=2) if args.json else report(f))
    return 0 if f["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
