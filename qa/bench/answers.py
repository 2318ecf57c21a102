"""In-process answer latency: ``Engine.ask`` on a test set, by how each question was answered."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .measure import BenchError, summarise


def seed_testset() -> Path:
    """The seed test set of this checkout (``tests/testsets/seed.jsonl``)."""
    from qa.cases import TESTSET_DIR

    return TESTSET_DIR / "seed.jsonl"


def answer_kind(answer: Any) -> str:
    """ "rule", "retrieval" or "abstention": the latency group an answer falls in."""
    return answer.method if answer.answered else "abstention"


def bench_answers(
    corpus: Path | None = None, testset: Path | None = None, repeats: int = 5
) -> dict[str, Any]:
    """Latency of ``Engine.ask`` over every case of ``testset`` (with its history), ``repeats``
    times after one warm-up pass, grouped by :func:`answer_kind`, with the answer cache off;
    and the same questions asked again of an engine with its cache on ("repeated")."""
    from qa.cases import load_cases
    from qa.engine import Engine

    testset = testset or seed_testset()
    if not testset.is_file():
        raise BenchError(f"no test set at {testset} (run from a checkout or pass one)")
    # Every answer worked out: the engine's cache of repeated questions would time lookups.
    engine = Engine.from_corpus(corpus, answer_cache=0)
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
    cached = Engine.from_corpus(corpus)
    for case in cases:
        cached.ask(case.question, case.history)
    repeated = []
    for _ in range(repeats):
        for case in cases:
            start = time.perf_counter()
            cached.ask(case.question, case.history)
            repeated.append((time.perf_counter() - start) * 1000)
    return {
        "testset": str(testset),
        "cases": len(cases),
        "repeats": repeats,
        "engine_build_ms": engine.build_seconds * 1000,
        "by_kind": {kind: summarise(ms) for kind, ms in groups.items()},
        "all": summarise(every),
        "repeated": summarise(repeated),
    }
