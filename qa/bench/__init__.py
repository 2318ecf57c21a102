"""Benchmarks: how fast the engine answers, serves and scales.

Three sections, each a function that returns plain data (printable as JSON):

- :func:`bench_answers`: in-process latency of :meth:`qa.engine.Engine.ask` on a test set,
  grouped by how the question was answered (a numeric rule, retrieval, or an abstention);
- :func:`bench_http`: ``qa serve`` started as a subprocess on a free loopback port, then a
  bounded load (a fixed number of requests from a few client threads on keep-alive
  connections) on ``POST /ask`` and on ``GET /healthz``, in alternating rounds, and the ratio
  of their throughputs: what answering costs beyond the web framework;
- :func:`bench_scale`: :class:`qa.bm25.BM25Index` on generated corpora (build time, memory,
  query latency) beside ``rank_bm25``'s own ``get_scores`` loop on the same data, and the
  largest difference between the two's scores.

``python -m qa.bench`` (or ``qa bench``) runs them, prints a table and writes the JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from qa.bm25 import VARIANTS, BM25Index
from qa.errors import QAError

T = TypeVar("T")

SECTIONS = ("answers", "http", "scale")
DEFAULT_JSON = Path("bench-results") / "bench.json"
SCALE_SIZES = (1_000, 10_000, 100_000)
EQUAL_TOLERANCE = 1e-9

# The targets, checked on every run and shown beside the figures.
TARGET_ANSWER_P50_MS = 1.0
TARGET_HTTP_RATIO = 0.70
TARGET_SCALE_P50_MS = 5.0
TARGET_SCALE_SIZE = 100_000


class BenchError(QAError):
    """A benchmark could not run (the server did not start, no test set, ...)."""


# --- measuring --------------------------------------------------------------------------------


def summarise(ms: Sequence[float]) -> dict[str, Any]:
    """Count, p50, p95 and mean of durations in milliseconds (None for an empty list)."""
    if not ms:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "mean_ms": None}
    a = np.asarray(ms, dtype=float)
    return {
        "n": int(a.size),
        "p50_ms": float(np.percentile(a, 50)),
        "p95_ms": float(np.percentile(a, 95)),
        "mean_ms": float(a.mean()),
    }


def time_each(fn: Callable[[T], Any], items: Sequence[T]) -> list[float]:
    """Milliseconds each call ``fn(item)`` takes, in order."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def machine() -> dict[str, Any]:
    """What the figures were measured on: CPU model, cores, memory, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (AttributeError, ValueError, OSError):
        ram = None
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu,
        "cores": len(usable) if usable else os.cpu_count(),
        "ram_gib": None if ram is None else round(ram, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


# --- in-process answers -----------------------------------------------------------------------


def seed_testset() -> Path:
    """The seed test set of this checkout (``tests/testsets/seed.jsonl``)."""
    from qa.evaluate import TESTSET_DIR

    return TESTSET_DIR / "seed.jsonl"


def answer_kind(answer: Any) -> str:
    """ "rule", "retrieval" or "abstention": the latency group an answer falls in."""
    return answer.method if answer.answered else "abstention"


def bench_answers(
    corpus: Path | None = None, testset: Path | None = None, repeats: int = 5
) -> dict[str, Any]:
    """Latency of ``Engine.ask`` over every case of ``testset`` (with its history), ``repeats``
    times after one warm-up pass, grouped by :func:`answer_kind`."""
    from qa.engine import Engine
    from qa.evaluate import load_cases

    testset = testset or seed_testset()
    if not testset.is_file():
        raise BenchError(f"no test set at {testset} (run from a checkout or pass one)")
    engine = Engine.from_corpus(corpus)
    known = {a.id for a in engine.articles}
    cases = [c for c in load_cases([testset]) if c.article in known]
    if not cases:
        raise BenchError(f"no case of {testset} is about an article of the corpus")
    for case in cases:  # warm-up: caches, lazy imports
        engine.ask(case.question, case.history)
    groups: dict[str, list[float]] = {"rule": [], "retrieval": [], "abstention": []}
    for _ in range(repeats):
        for case in cases:
            start = time.perf_counter()
            answer = engine.ask(case.question, case.history)
            ms = (time.perf_counter() - start) * 1000
            groups.setdefault(answer_kind(answer), []).append(ms)
    every = [ms for group in groups.values() for ms in group]
    return {
        "testset": str(testset),
        "cases": len(cases),
        "repeats": repeats,
        "engine_build_ms": engine.build_seconds * 1000,
        "by_kind": {kind: summarise(ms) for kind, ms in groups.items()},
        "all": summarise(every),
    }


# --- HTTP -------------------------------------------------------------------------------------


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


@contextmanager
def served(
    corpus: Path | None = None, workers: int | None = None, startup_timeout: float = 60.0
) -> Iterator[tuple[str, int]]:
    """``qa serve`` (the production server) on a free loopback port; yields (host, port).

    The server runs as a subprocess of this Python in its own session, and is stopped with
    SIGTERM (SIGKILL after 10 s) when the block ends. Raises :class:`BenchError` with the end
    of its log if it exits or does not answer ``GET /healthz`` in ``startup_timeout`` seconds.
    """
    host, port = "127.0.0.1", free_port()
    env = {**os.environ, "QA_HOST": host, "QA_PORT": str(port), "QA_RATE_LIMIT": "0"}
    command = [sys.executable, "-m", "qa", "serve", "--host", host, "--port", str(port)]
    if corpus is not None:
        env["QA_CORPUS"] = str(corpus)
    if workers is not None:
        env["QA_WORKERS"] = str(workers)
    with tempfile.TemporaryFile() as log:
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
            yield host, port
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the server and its workers, nothing else
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def drive(
    host: str,
    port: int,
    method: str,
    path: str,
    bodies: Sequence[bytes | None],
    requests: int,
    clients: int,
) -> dict[str, Any]:
    """Send ``requests`` requests from ``clients`` threads, each on one keep-alive connection
    (reopened when the server closes it), cycling through ``bodies``.

    Returns throughput (requests per second of wall time), latency p50/p95 and the number
    of errors (a status other than 200, or a failed connection).
    """
    headers = {"Content-Type": "application/json"} if method == "POST" else {}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    start_line = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
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
    start_line.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    every = [ms for per_client in latencies for ms in per_client]
    stats = summarise(every)
    return {
        "requests": len(every),
        "seconds": wall,
        "rps": len(every) / wall if wall > 0 else None,
        "p50_ms": stats["p50_ms"],
        "p95_ms": stats["p95_ms"],
        "errors": sum(errors),
    }


def _merge(rounds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One row from several rounds: total requests over total time; median of the p50s."""
    total = sum(r["requests"] for r in rounds)
    seconds = sum(r["seconds"] for r in rounds)
    return {
        "requests": total,
        "seconds": seconds,
        "rps": total / seconds if seconds > 0 else None,
        "p50_ms": float(np.median([r["p50_ms"] for r in rounds])),
        "p95_ms": float(np.median([r["p95_ms"] for r in rounds])),
        "errors": sum(r["errors"] for r in rounds),
        "rounds": [r["rps"] for r in rounds],
    }


def ask_bodies(testset: Path | None = None) -> list[bytes]:
    """``POST /ask`` bodies: the test set's questions, follow-ups with their history."""
    from qa.evaluate import load_cases

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
    ``rounds`` that alternate between the two so that both see the same machine."""
    bodies = ask_bodies(testset)
    per_round = max(clients, requests // rounds)
    healthz: list[dict[str, Any]] = []
    ask: list[dict[str, Any]] = []
    with served(corpus, workers) as (host, port):
        warm = min(200, per_round)
        drive(host, port, "GET", "/healthz", [None], warm, clients)
        drive(host, port, "POST", "/ask", bodies, warm, clients)
        for _ in range(rounds):
            healthz.append(drive(host, port, "GET", "/healthz", [None], per_round, clients))
            ask.append(drive(host, port, "POST", "/ask", bodies, per_round, clients))
    h, a = _merge(healthz), _merge(ask)
    ratio = a["rps"] / h["rps"] if a["rps"] and h["rps"] else None
    return {
        "server": "qa serve",
        "workers": workers,
        "clients": clients,
        "rounds": rounds,
        "healthz": h,
        "ask": a,
        "ratio": ratio,
    }


# --- scale ------------------------------------------------------------------------------------


def generate_corpus(
    passages: int, seed: int = 0, vocabulary: int = 50_000, length: tuple[int, int] = (15, 45)
) -> list[list[str]]:
    """``passages`` lists of terms drawn from a Zipf-like law (p ~ 1/rank) over ``vocabulary``
    made-up words, each ``length`` terms long (uniform): about the size of a two-sentence
    passage after stop words are removed. The same ``seed`` gives the same corpus."""
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    p = 1.0 / np.arange(1, vocabulary + 1)
    p /= p.sum()
    lengths = rng.integers(length[0], length[1] + 1, size=passages)
    drawn = rng.choice(vocabulary, size=int(lengths.sum()), p=p).tolist()
    out: list[list[str]] = []
    at = 0
    for n in lengths.tolist():
        out.append([words[i] for i in drawn[at : at + n]])
        at += n
    return out


def generate_queries(
    documents: Sequence[Sequence[str]], count: int, seed: int = 1
) -> list[list[str]]:
    """Queries like a question's terms: three terms of a random passage and one other term
    of another, so every query matches somewhere and most are not rare-term-only."""
    rng = np.random.default_rng(seed)
    queries = []
    for _ in range(count):
        doc = documents[int(rng.integers(len(documents)))]
        other = documents[int(rng.integers(len(documents)))]
        picks = rng.choice(len(doc), size=min(3, len(doc)), replace=False).tolist()
        queries.append([doc[i] for i in picks] + [other[int(rng.integers(len(other)))]])
    return queries


def traced_mib(build: Callable[[], Any]) -> tuple[float, float, Any]:
    """(retained MiB, peak MiB, result) of ``build()`` under tracemalloc."""
    tracemalloc.start()
    try:
        result = build()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return current / 2**20, peak / 2**20, result


def bench_scale_one(
    passages: int,
    variant: str = "bm25plus",
    queries: int = 200,
    reference_queries: int = 10,
    memory: bool = True,
) -> dict[str, Any]:
    """Our index and rank_bm25's model on one generated corpus of ``passages`` passages."""
    documents = generate_corpus(passages)
    query_terms = generate_queries(documents, queries)
    model_class = VARIANTS[variant]

    start = time.perf_counter()
    index = BM25Index(documents, variant)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    model = model_class(documents)
    model_build_s = time.perf_counter() - start

    row: dict[str, Any] = {
        "passages": passages,
        "terms": len(index.vocabulary),
        "tokens": sum(map(len, documents)),
        "variant": variant,
        "build_s": build_s,
        "rank_bm25_build_s": model_build_s,
    }
    if memory:
        del model
        retained, peak, _ = traced_mib(lambda: BM25Index(documents, variant))
        model_retained, model_peak, model = traced_mib(lambda: model_class(documents))
        row.update(
            memory_mib=retained,
            memory_peak_mib=peak,
            rank_bm25_memory_mib=model_retained,
            rank_bm25_memory_peak_mib=model_peak,
        )

    for q in query_terms[:10]:  # warm-up
        index.top_k(q, 10)
    scores_ms = time_each(index.get_scores, query_terms)
    top_ms = time_each(lambda q: index.top_k(q, 10), query_terms)
    reference = query_terms[:reference_queries]
    reference_ms = []
    worst = 0.0
    for q in reference:
        start = time.perf_counter()
        expected = model.get_scores(q)
        reference_ms.append((time.perf_counter() - start) * 1000)
        worst = max(worst, float(np.max(np.abs(index.get_scores(q) - expected))))
    ours, theirs = summarise(top_ms), summarise(reference_ms)
    row.update(
        query=ours,
        get_scores=summarise(scores_ms),
        rank_bm25_get_scores=theirs,
        speedup=theirs["p50_ms"] / ours["p50_ms"] if ours["p50_ms"] else None,
        max_abs_diff=worst,
        equal=worst <= EQUAL_TOLERANCE,
    )
    return row


def bench_scale(
    sizes: Sequence[int] = SCALE_SIZES,
    variant: str = "bm25plus",
    queries: int = 200,
    reference_queries: int = 10,
    memory: bool = True,
) -> dict[str, Any]:
    """:func:`bench_scale_one` for each size. A query is ``top_k(q, 10)``: scoring every
    passage and selecting the ten best; rank_bm25's figure is its ``get_scores`` alone."""
    rows = [bench_scale_one(n, variant, queries, reference_queries, memory) for n in sizes]
    return {
        "variant": variant,
        "queries": queries,
        "reference_queries": reference_queries,
        "rows": rows,
    }


# --- running and reporting --------------------------------------------------------------------


def run(
    sections: Sequence[str] = SECTIONS,
    quick: bool = False,
    corpus: Path | None = None,
    testset: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run the chosen sections (small loads and sizes with ``quick``); returns the results
    with the machine and the targets met or missed."""
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise BenchError(f"unknown section {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    say = progress or (lambda _: None)
    results: dict[str, Any] = {"machine": machine(), "quick": quick}
    if "answers" in sections:
        say("answers: in-process latency on the test set")
        results["answers"] = bench_answers(corpus, testset, repeats=1 if quick else 5)
    if "http" in sections:
        say("http: POST /ask and GET /healthz on qa serve")
        load = {"requests": 400, "rounds": 2} if quick else {"requests": 3000, "rounds": 3}
        results["http"] = bench_http(corpus, testset, **load)
    if "scale" in sections:
        say("scale: BM25 on generated corpora")
        if quick:
            results["scale"] = bench_scale((1_000, 10_000), queries=50, reference_queries=3)
        else:
            results["scale"] = bench_scale()
    results["targets"] = targets(results)
    return results


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue that the results measure: what, the figure, met or not."""
    out = []
    answers = results.get("answers")
    if answers:
        for kind, stats in answers["by_kind"].items():
            if stats["n"]:
                out.append(
                    _target(
                        f"in-process {kind} p50 < {TARGET_ANSWER_P50_MS:g} ms",
                        stats["p50_ms"],
                        stats["p50_ms"] < TARGET_ANSWER_P50_MS,
                    )
                )
    http_ = results.get("http")
    if http_ and http_["ratio"] is not None:
        out.append(
            _target(
                f"POST /ask at least {TARGET_HTTP_RATIO:.0%} of GET /healthz req/s",
                http_["ratio"],
                http_["ratio"] >= TARGET_HTTP_RATIO,
            )
        )
    scale = results.get("scale")
    if scale:
        for row in scale["rows"]:
            if row["passages"] == TARGET_SCALE_SIZE:
                p50 = row["query"]["p50_ms"]
                out.append(
                    _target(
                        f"{TARGET_SCALE_SIZE:,} passages: query p50 <= {TARGET_SCALE_P50_MS:g} ms",
                        p50,
                        p50 <= TARGET_SCALE_P50_MS,
                    )
                )
            out.append(
                _target(
                    f"{row['passages']:,} passages: scores equal rank_bm25 to {EQUAL_TOLERANCE:g}",
                    row["max_abs_diff"],
                    row["equal"],
                )
            )
    return out


def _target(name: str, value: float, met: bool) -> dict[str, Any]:
    return {"target": name, "value": value, "met": bool(met)}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rows(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True))
    return [line, *("  ".join(f"{c:>{w}}" for c, w in zip(r, widths, strict=True)) for r in rows)]


def format_table(results: dict[str, Any]) -> str:
    """The results as plain-text tables, one per section, then the targets."""
    m = results["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}, "
        f"Python {m['python']}" + (" (quick run)" if results.get("quick") else "")
    ]
    answers = results.get("answers")
    if answers:
        lines += [
            "",
            f"In-process answers: {answers['cases']} cases x {answers['repeats']} "
            f"(engine built in {answers['engine_build_ms']:.0f} ms)",
        ]
        rows = [
            [kind, str(s["n"]), _ms(s["p50_ms"]), _ms(s["p95_ms"])]
            for kind, s in [*answers["by_kind"].items(), ("all", answers["all"])]
        ]
        lines += _rows(["answer", "n", "p50 ms", "p95 ms"], rows)
    http_ = results.get("http")
    if http_:
        lines += [
            "",
            f"HTTP on loopback: {http_['server']}, {http_['clients']} clients, "
            f"{http_['rounds']} alternating rounds",
        ]
        rows = [
            [
                name,
                str(r["requests"]),
                f"{r['rps']:.0f}",
                _ms(r["p50_ms"]),
                _ms(r["p95_ms"]),
                str(r["errors"]),
            ]
            for name, r in (("GET /healthz", http_["healthz"]), ("POST /ask", http_["ask"]))
        ]
        lines += _rows(["endpoint", "requests", "req/s", "p50 ms", "p95 ms", "errors"], rows)
        if http_["ratio"] is not None:
            lines.append(f"POST /ask / GET /healthz throughput: {http_['ratio']:.0%}")
    scale = results.get("scale")
    if scale:
        lines += [
            "",
            f"Scale: BM25 ({scale['variant']}) on generated corpora; query = top 10 "
            f"of {scale['queries']} queries; rank_bm25 get_scores on "
            f"{scale['reference_queries']}",
        ]
        rows = []
        for r in scale["rows"]:
            mem = r.get("memory_mib")
            ref_mem = r.get("rank_bm25_memory_mib")
            rows.append(
                [
                    f"{r['passages']:,}",
                    f"{r['build_s']:.2f}",
                    f"{r['rank_bm25_build_s']:.2f}",
                    "-" if mem is None else f"{mem:.0f}",
                    "-" if ref_mem is None else f"{ref_mem:.0f}",
                    _ms(r["query"]["p50_ms"]),
                    _ms(r["query"]["p95_ms"]),
                    _ms(r["rank_bm25_get_scores"]["p50_ms"]),
                    f"{r['speedup']:.0f}x",
                    f"{r['max_abs_diff']:.1e}",
                ]
            )
        header = [
            "passages",
            "build s",
            "rank_bm25 build s",
            "MiB",
            "rank_bm25 MiB",
            "query p50 ms",
            "p95 ms",
            "rank_bm25 p50 ms",
            "speed-up",
            "max |diff|",
        ]
        lines += _rows(header, rows)
    if results.get("targets"):
        lines += ["", "Targets:"]
        for t in results["targets"]:
            value = t["value"]
            shown = f"{value:.3g}" if isinstance(value, float) else str(value)
            lines.append(f"  [{'met' if t['met'] else 'MISSED'}] {t['target']} ({shown})")
    return "\n".join(lines)


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m qa.bench``: the same as ``qa bench``."""
    parser = argparse.ArgumentParser(prog="python -m qa.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small loads and sizes")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write JSON")
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help=f"comma-separated, of {', '.join(SECTIONS)}"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    try:
        results = run(
            sections,
            args.quick,
            args.corpus,
            progress=lambda msg: print(msg, file=sys.stderr, flush=True),
        )
    except QAError as exc:
        print(f"qa bench: error: {exc}", file=sys.stderr)
        return 1
    write_json(results, args.json)
    print(format_table(results))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
