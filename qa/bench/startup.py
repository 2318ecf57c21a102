"""A large corpus under ``qa serve``: start-up time, memory per process, ``/ask`` latency, reload.

On a corpus made by :func:`~qa.bench.big_corpus.build_corpus` (1,000 articles by default):

- **cold start**: ``qa serve`` with an empty parse cache, from its start to its first 200 on
  ``GET /healthz`` (every article's sentences parsed by spaCy);
- **warm start**: the same again, the parses now read from the cache;
- **memory**: resident (RSS), proportional (PSS) and private (USS) memory of the master and
  of each worker, once the warm server has answered every question below. The workers are
  forked from the master after it built the index, so they share most of it until Python
  writes to the pages (reference counts do); PSS is what each process adds to the machine;
- **/ask**: every question of the seed and harbor test sets (their articles are in the
  corpus), one at a time on one connection, answer cache off, grouped into numeric
  questions, other answerable ones ("retrieval") and unanswerable ones;
- **reload**: one article replaced through ``PUT /articles/<id>``, until both workers serve
  the new corpus version;
- optionally, the warm start and memory again on the first ``smaller`` articles of the same
  corpus, so that memory per article can be read from the difference.
"""

from __future__ import annotations

import http.client
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .answers import seed_testset
from .big_corpus import build_corpus
from .measure import BenchError, group_memory, summarise
from .serving import Server, served

TOKEN = "bench-admin-token"
GROUPS = ("numeric", "retrieval", "unanswerable")


def question_group(case_type: str) -> str:
    if case_type.startswith("numeric"):
        return "numeric"
    return "unanswerable" if case_type == "unanswerable" else "retrieval"


def ask_all(server: Server, testsets: Sequence[Path]) -> dict[str, Any]:
    """Each case of ``testsets`` asked once, in order; latency by question group."""
    from qa.cases import load_cases

    cases = load_cases(testsets)
    timings: dict[str, list[float]] = {g: [] for g in GROUPS}
    answered = dict.fromkeys(GROUPS, 0)
    conn = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        for case in cases:
            body: dict[str, Any] = {"question": case.question}
            if case.history:
                body["history"] = [
                    {"question": t.question, "answer": t.answer} for t in case.history
                ]
            started = time.perf_counter()
            conn.request("POST", "/ask", json.dumps(body), {"Content-Type": "application/json"})
            response = conn.getresponse()
            reply = json.loads(response.read())
            ms = (time.perf_counter() - started) * 1000
            if response.status != 200:
                raise BenchError(f"/ask answered {response.status}: {reply}")
            group = question_group(case.type)
            timings[group].append(ms)
            answered[group] += bool(reply["answered"])
    finally:
        conn.close()
    return {group: {**summarise(ms), "answered": answered[group]} for group, ms in timings.items()}


def _get_json(server: Server, method: str, path: str, body: bytes | None = None) -> Any:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        return json.loads(response.read())
    finally:
        conn.close()


def time_reload(server: Server, corpus: Path, timeout: float = 1800.0) -> float:
    """Seconds from ``PUT``-ting a changed copy of one article until ``/healthz`` reports the
    corpus version the answer announced."""
    path = sorted(corpus.glob("*.txt"))[-1]
    text = path.read_bytes() + b"\n\nThe article was corrected after it was first published.\n"
    started = time.monotonic()
    change = _get_json(server, "PUT", f"/articles/{path.stem}", text)
    if "corpus_version" not in change:
        raise BenchError(f"PUT /articles/{path.stem} answered {change}")
    while _get_json(server, "GET", "/healthz")["corpus_version"] != change["corpus_version"]:
        if time.monotonic() - started > timeout:
            raise BenchError("the reload did not finish in time")
        time.sleep(0.05)
    return time.monotonic() - started


def _memory(server: Server) -> dict[str, Any]:
    rows = group_memory(server.group)
    workers = [r for r in rows if r["role"] == "worker"]
    return {
        "processes": rows,
        "worker_pss_mib": max((r["pss_mib"] for r in workers), default=None),
        "worker_rss_mib": max((r["rss_mib"] for r in workers), default=None),
        "total_pss_mib": sum(r["pss_mib"] for r in rows),
    }


def bench_corpus(
    size: int = 1000,
    workers: int = 2,
    smaller: int | None = None,
    testsets: Sequence[Path] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """The figures above for a corpus of ``size`` articles (see the module's docstring)."""
    say = progress or (lambda _: None)
    testsets = testsets or [seed_testset(), seed_testset().with_name("harbor.jsonl")]
    settings = {"QA_ANSWER_CACHE": "0", "QA_ADMIN_TOKEN": TOKEN}
    with tempfile.TemporaryDirectory(prefix="qa-bench-corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        build_corpus(corpus, size)
        settings["QA_PARSE_CACHE"] = str(Path(tmp) / "parses")
        say(f"corpus: cold start of qa serve on {size} articles (every sentence parsed)")
        with served(corpus, workers, 3600, settings=settings, kill=True) as cold:
            health = _get_json(cold, "GET", "/healthz")
        say("corpus: warm start (parses from the cache), questions, memory, a reload")
        with served(corpus, workers, 3600, settings=settings, kill=True) as warm:
            latency = ask_all(warm, testsets)
            memory = _memory(warm)
            reload_s = time_reload(warm, corpus)
        result: dict[str, Any] = {
            "articles": health["articles"],
            "sentences": health["sentences"],
            "characters": sum(p.stat().st_size for p in corpus.iterdir()),
            "workers": workers,
            "cold_start_s": cold.ready_s,
            "warm_start_s": warm.ready_s,
            "reload_s": reload_s,
            "ask": latency,
            "memory": memory,
        }
        if smaller:
            say(f"corpus: warm start and memory on the first {smaller} articles")
            small = Path(tmp) / "smaller"
            build_corpus(small, smaller)
            with served(small, workers, 3600, settings=settings, kill=True) as warm_small:
                ask_all(warm_small, testsets)
                result["smaller"] = {
                    "articles": smaller,
                    "warm_start_s": warm_small.ready_s,
                    "memory": _memory(warm_small),
                }
    return result
