"""BM25 scoring through a precomputed sparse term-by-document matrix.

``rank_bm25`` is the model: it computes the idf table, document lengths and average length,
and its ``get_scores`` is the reference our scores equal (to floating-point rounding). Its
own ``get_scores`` loops over every document for every query term; here each term's
per-document contribution is computed once at build time, so a query is a sum of a few
sparse columns plus a per-term constant (non-zero only for BM25+).

For a query q and document d (tf = count of term t in d, |d| its length, avgdl the mean):

- Okapi: ``idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl))``
- BM25L: ``idf(t) * tf * (k1 + 1) * (c + delta) / (k1 + c + delta)``,
  ``c = tf / (1 - b + b * |d| / avgdl)`` (rank_bm25 multiplies by tf, so absent terms add 0)
- BM25+: ``idf(t) * (delta + tf * (k1 + 1) / (k1 * (1 - b + b * |d| / avgdl) + tf))``

summed over the query's terms, repeated terms counted again (or weighted, here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from rank_bm25 import BM25L, BM25Okapi, BM25Plus
from scipy import sparse

VARIANTS = {"okapi": BM25Okapi, "bm25l": BM25L, "bm25plus": BM25Plus}


class BM25Index:
    """A BM25 index over tokenised documents, built once and queried many times."""

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        variant: str = "bm25plus",
        k1: float = 1.5,
        b: float = 0.75,
        delta: float | None = None,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown BM25 variant {variant!r}; one of {sorted(VARIANTS)}")
        self.variant = variant
        self.size = len(documents)
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0)
        self.doc_len = np.zeros(self.size)
        self._constant = np.zeros(0)
        self._matrix = sparse.csc_matrix((self.size, 0))
        self._set_columns()
        self.model: Any = None
        if self.size == 0 or not any(documents):
            return  # nothing to score: every query scores 0 everywhere
        kwargs: dict[str, float] = {"k1": k1, "b": b}
        if delta is not None and variant != "okapi":
            kwargs["delta"] = delta
        model = VARIANTS[variant]([list(d) for d in documents], **kwargs)
        self.model = model
        self._build(documents, model)

    def _build(self, documents: Sequence[Sequence[str]], model: Any) -> None:
        k1, b = model.k1, model.b
        avgdl = model.avgdl
        self.doc_len = np.asarray(model.doc_len, dtype=float)
        idf_table: dict[str, float] = model.idf
        self.vocabulary = {t: i for i, t in enumerate(sorted(idf_table))}
        self.idf = np.array([idf_table[t] for t in self.vocabulary], dtype=float)
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        for d, doc in enumerate(documents):
            for term, count in Counter(doc).items():
                rows.append(d)
                cols.append(self.vocabulary[term])
                tfs.append(count)
        row = np.asarray(rows, dtype=np.int64)
        col = np.asarray(cols, dtype=np.int64)
        tf = np.asarray(tfs, dtype=float)
        norm = 1 - b + b * self.doc_len[row] / avgdl
        idf = self.idf[col]
        self._constant = np.zeros(len(self.vocabulary))
        if self.variant == "okapi":
            values = idf * tf * (k1 + 1) / (tf + k1 * norm)
        elif self.variant == "bm25l":
            delta = model.delta
            c = tf / norm
            values = idf * tf * (k1 + 1) * (c + delta) / (k1 + c + delta)
        else:
            delta = model.delta
            # Every document gets idf * delta for every query term; only the rest is sparse.
            values = idf * tf * (k1 + 1) / (k1 * norm + tf)
            self._constant = self.idf * delta
        self._matrix = sparse.csc_matrix(
            (values, (row, col)), shape=(self.size, len(self.vocabulary))
        )
        self._set_columns()

    def _set_columns(self) -> None:
        # A query gathers a few columns itself: scipy's column slicing costs ~30 us of checks
        # per call, more than the arithmetic on a small corpus. Python ints index fastest.
        self._col_start: list[int] = self._matrix.indptr.tolist()
        self._col_constant: list[float] = self._constant.tolist()

    def query_vector(self, query: Sequence[str] | Mapping[str, float]) -> dict[int, float]:
        """Column index -> weight for the query's known terms (repeats add up)."""
        weights: Mapping[str, float] = query if isinstance(query, Mapping) else Counter(query)
        out: dict[int, float] = {}
        for term, w in weights.items():
            i = self.vocabulary.get(term)
            if i is not None:
                out[i] = out.get(i, 0.0) + float(w)
        return out

    def get_scores(self, query: Sequence[str] | Mapping[str, float]) -> np.ndarray:
        """BM25 score of every document for ``query`` (tokens, or term -> weight)."""
        qv = self.query_vector(query)
        if not qv:
            return np.zeros(self.size)
        # Sum of the query's weighted columns: their (row, value) entries added per row.
        start, rows, values = self._col_start, self._matrix.indices, self._matrix.data
        spans = [(start[c], start[c + 1], w) for c, w in qv.items()]
        scores = np.bincount(
            np.concatenate([rows[lo:hi] for lo, hi, _ in spans]),
            weights=np.concatenate([w * values[lo:hi] for lo, hi, w in spans]),
            minlength=self.size,
        )
        constant = self._floor(qv)
        return scores + constant if constant else scores

    def floor(self, query: Sequence[str] | Mapping[str, float]) -> float:
        """The score of a document holding none of ``query``'s terms: 0, except for BM25+,
        which gives every document ``idf * delta`` for every query term."""
        return self._floor(self.query_vector(query))

    def _floor(self, qv: Mapping[int, float]) -> float:
        return sum(w * self._col_constant[c] for c, w in qv.items())

    def top_k(self, query: Sequence[str] | Mapping[str, float], k: int) -> list[tuple[int, float]]:
        """The ``k`` best (document index, score) pairs, best first, by argpartition."""
        scores = self.get_scores(query)
        if self.size == 0 or k <= 0:
            return []
        k = min(k, self.size)
        if k < self.size:
            kth = scores[np.argpartition(-scores, k - 1)[k - 1]]
            above = np.flatnonzero(scores > kth)
            # Ties at the cut: the earliest documents, so results do not depend on partitioning.
            idx = np.concatenate([above, np.flatnonzero(scores == kth)[: k - len(above)]])
        else:
            idx = np.arange(self.size)
        idx = idx[np.lexsort((idx, -scores[idx]))][:k]  # ties: earlier document first
        return [(int(i), float(scores[i])) for i in idx]

    def idf_of(self, term: str) -> float | None:
        """The model's idf of ``term``; None when the term is in no document."""
        i = self.vocabulary.get(term)
        return None if i is None else float(self.idf[i])
