"""Benchmarks: how fast the engine answers, serves and scales.

Five sections, each a function that returns plain data (printable as JSON):

- :func:`~qa.bench.answers.bench_answers`: in-process latency of
  :meth:`qa.engine.Engine.ask` on a test set, grouped by how the question was answered
  (a numeric rule, retrieval, or an abstention);
- :func:`~qa.bench.serving.bench_http`: ``qa serve`` started as a subprocess on a free
  loopback port, then a bounded load (a fixed number of requests from a few client threads
  on keep-alive connections) on ``POST /ask`` and on ``GET /healthz``, in alternating
  rounds, and the ratio of their throughputs: what answering costs beyond the framework;
- :func:`~qa.bench.scale.bench_scale`: :class:`qa.bm25.BM25Index` on generated corpora
  (build time, memory, query latency) beside ``rank_bm25``'s own ``get_scores`` loop on the
  same data, and the largest difference between the two's scores;
- :func:`~qa.bench.numeric.bench_numeric`: numeric questions on corpora of 1, 100 and 1,000
  articles (copies of the project's own), the whole answer and the rule layer alone;
- :func:`~qa.bench.startup.bench_corpus`: ``qa serve`` on a corpus of 1,000 articles made
  from the ones in this checkout (:mod:`qa.bench.big_corpus`): cold and warm start, memory
  per process, ``/ask`` latency of numeric and other questions, and a reload.

``python -m qa.bench`` (or ``qa bench``) runs them, prints a table and writes the JSON.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qa.errors import QAError

from .answers import answer_kind, bench_answers, seed_testset
from .big_corpus import build_corpus
from .measure import BenchError, group_memory, machine, summarise, time_each, traced_mib
from .numeric import NUMERIC_SIZES, bench_numeric
from .report import format_table, write_json
from .scale import (
    EQUAL_TOLERANCE,
    SCALE_SIZES,
    bench_scale,
    bench_scale_one,
    generate_corpus,
    generate_queries,
)
from .serving import ask_bodies, bench_http, drive, served
from .startup import bench_corpus

__all__ = [
    "EQUAL_TOLERANCE",
    "NUMERIC_SIZES",
    "SCALE_SIZES",
    "SECTIONS",
    "BenchError",
    "answer_kind",
    "ask_bodies",
    "bench_answers",
    "bench_corpus",
    "bench_http",
    "bench_numeric",
    "bench_scale",
    "bench_scale_one",
    "build_corpus",
    "drive",
    "format_table",
    "generate_corpus",
    "generate_queries",
    "group_memory",
    "machine",
    "main",
    "run",
    "seed_testset",
    "served",
    "summarise",
    "targets",
    "time_each",
    "traced_mib",
    "write_json",
]

SECTIONS = ("answers", "http", "scale", "numeric", "corpus")
CORPUS_ARTICLES = 1000
QUICK_CORPUS_ARTICLES = 30
SMALLER_CORPUS_ARTICLES = 250  # memory per article from the difference with the full size
DEFAULT_JSON = Path("bench-results") / "bench.json"

# The targets, checked on every run and shown beside the figures.
# An answer worked out afresh, the question's parse included (a repeated question comes
# from the engine's answer cache, well under a millisecond).
TARGET_ANSWER_P50_MS = 10.0
TARGET_HTTP_RATIO = 0.70
TARGET_SCALE_P50_MS = 5.0
TARGET_SCALE_SIZE = 100_000
TARGET_NUMERIC_FACTOR = 2.0  # the largest corpus' rule-layer p50 against one article's


def run(
    sections: Sequence[str] = SECTIONS,
    quick: bool = False,
    corpus: Path | None = None,
    testset: Path | None = None,
    progress: Callable[[str], None] | None = None,
    articles: int = CORPUS_ARTICLES,
) -> dict[str, Any]:
    """Run the chosen sections (small loads and sizes with ``quick``; ``articles`` is the
    size of the corpus section's corpus); returns the results with the machine and the
    targets met or missed."""
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
    if "numeric" in sections:
        say("numeric: numeric questions on 1, 100 and 1,000 articles")
        results["numeric"] = bench_numeric(
            (1, 100) if quick else NUMERIC_SIZES, repeats=1 if quick else 3
        )
    if "corpus" in sections:
        if quick:
            results["corpus"] = bench_corpus(QUICK_CORPUS_ARTICLES, progress=say)
        else:
            smaller = SMALLER_CORPUS_ARTICLES if articles > SMALLER_CORPUS_ARTICLES else None
            results["corpus"] = bench_corpus(articles, smaller=smaller, progress=say)
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
    numeric = results.get("numeric")
    if numeric and len(numeric["rows"]) > 1:
        one, most = numeric["rows"][0], numeric["rows"][-1]
        base, top = one["rule_layer"]["p50_ms"], most["rule_layer"]["p50_ms"]
        if base and top is not None:
            out.append(
                _target(
                    f"numeric at {most['articles']:,} articles: rule-layer p50 within "
                    f"{TARGET_NUMERIC_FACTOR:g}x of {one['articles']} article",
                    top / base,
                    top <= TARGET_NUMERIC_FACTOR * base,
                )
            )
    return out


def _target(name: str, value: float, met: bool) -> dict[str, Any]:
    return {"target": name, "value": value, "met": bool(met)}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m qa.bench``: the same as ``qa bench``."""
    parser = argparse.ArgumentParser(prog="python -m qa.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small loads and sizes")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write JSON")
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help=f"comma-separated, of {', '.join(SECTIONS)}"
    )
    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles")
    parser.add_argument(
        "--articles", type=int, default=CORPUS_ARTICLES, help="size of the corpus section"
    )
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    try:
        results = run(
            sections,
            args.quick,
            args.corpus,
            progress=lambda msg: print(msg, file=sys.stderr, flush=True),
            articles=args.articles,
        )
    except QAError as exc:
        print(f"qa bench: error: {exc}", file=sys.stderr)
        return 1
    write_json(results, args.json)
    print(format_table(results))
    print(f"\nJSON: {args.json}")
    return 0
