"""BM25+ within one article: each sentence scored with the article's own word counts.

``score(t, s) = idf(t) * (delta + tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(s) / avglen)))``
for each query term ``t`` the sentence ``s`` holds (Lv and Zhai's BM25+, as `rank_bm25`'s
``BM25Plus``, with idf = log((N + 1) / df) over the article's N sentences). A sentence's
context score is that of the better of the two-sentence windows around it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .table import ArticleStats

DELTA = 1.0


def scores(
    stats: ArticleStats, query: Mapping[str, float], k1: float = 1.5, b: float = 0.75
) -> tuple[np.ndarray, np.ndarray]:
    """Each of the article's sentences' score for the weighted ``query``, and its context's."""
    n = stats.size
    lengths = np.asarray(stats.lengths, dtype=float)
    sentence = _bm25(stats, query, lengths, lengths.mean() if n else 1.0, k1, b, window=1)
    if n < 2:
        return sentence, sentence.copy()
    pairs = _bm25(stats, query, lengths, 2 * lengths.mean(), k1, b, window=2)  # (k, k+1)
    before = np.concatenate([[0.0], pairs])
    after = np.concatenate([pairs, [0.0]])
    return sentence, np.maximum(before, after)


def _bm25(
    stats: ArticleStats,
    query: Mapping[str, float],
    lengths: np.ndarray,
    average: float,
    k1: float,
    b: float,
    window: int,
) -> np.ndarray:
    n = stats.size - window + 1
    out = np.zeros(max(n, 0))
    if n <= 0:
        return out
    span = lengths if window == 1 else lengths[:-1] + lengths[1:]
    norm = k1 * (1 - b + b * span / (average or 1.0))
    for term, weight in query.items():
        posting = stats.postings.get(term)
        if not posting:
            continue
        tf = np.zeros(stats.size)
        for k, count in posting:
            tf[k] = count
        if window == 2:
            tf = tf[:-1] + tf[1:]
        held = tf > 0
        out[held] += (
            weight * stats.idf(term) * (DELTA + tf[held] * (k1 + 1) / (tf[held] + norm[held]))
        )
    return out
