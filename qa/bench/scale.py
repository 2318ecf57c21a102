"""Scale: :class:`qa.bm25.BM25Index` on generated corpora beside ``rank_bm25`` itself."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from qa.bm25 import VARIANTS, BM25Index

from .measure import summarise, time_each, traced_mib

SCALE_SIZES = (1_000, 10_000, 100_000)
EQUAL_TOLERANCE = 1e-9


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
