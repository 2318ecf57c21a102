"""Rank sentences for a question: BM25 finds candidates, a fitted model orders them.

BM25 over sentences and their passages gives the candidates; each is then described by the
features of :mod:`qa.ranker.features` and scored by a linear model fitted on questions
people wrote (``python -m qa.fit``). ``probability`` is the candidate's share of the softmax
over the candidates: how sure the ranker is that this sentence, rather than another of them,
holds the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..analysis import expand
from ..model import LinearModel, load_model, softmax
from ..reading.query import Query
from ..retriever import Retriever
from .features import Scores, add_relative, sentence_features
from .table import SentenceTable

PASSAGE_WEIGHT = 0.35  # a passage's score next to its sentence's own (BM25 scales)
CANDIDATES = 30


@dataclass(frozen=True)
class Ranked:
    index: int  # position in the engine's sentences
    score: float  # the model's score
    probability: float  # softmax share among the candidates
    features: Mapping[str, float]


class Ranker:
    def __init__(
        self, retriever: Retriever, table: SentenceTable, model: LinearModel | None = None
    ) -> None:
        self.retriever = retriever
        self.table = table
        self.model = model if model is not None else load_model("sentences")

    def rank(self, query: Query, k: int = CANDIDATES) -> list[Ranked]:
        """The best ``k`` candidate sentences for ``query``, best first."""
        if not query.terms or not self.table.article:
            return []
        weighted = expand(query.terms)
        s_scores, context = self.retriever.scores(weighted)
        s_top = float(s_scores.max()) or 1.0
        c_top = float(context.max()) or 1.0
        combined = s_scores / s_top + PASSAGE_WEIGHT * context / c_top
        n = min(len(combined), k)
        top = np.argpartition(-combined, n - 1)[:n] if n < len(combined) else np.arange(n)
        order = sorted(top.tolist(), key=lambda i: (-combined[i], i))
        best: dict[str, float] = {}
        for i in order:  # the best candidate of each article stands for the article
            a = self.table.article[i]
            best[a] = max(best.get(a, 0.0), float(combined[i]))
        scores = Scores(
            s_scores, context, combined, best, s_top, c_top, float(combined.max()) or 1.0
        )
        weights = {t: self.retriever.weight(t) for t in query.terms}
        feats = [
            sentence_features(
                self.table,
                query,
                weights,
                i,
                r,
                scores,
                self.retriever.context_terms[i],
                self.retriever.sentence_terms[i],
            )
            for r, i in enumerate(order)
        ]
        add_relative(feats)
        model_scores = [self.model.score(f) for f in feats]
        probs = softmax(model_scores)
        ranked = [
            Ranked(i, sc, p, f)
            for i, sc, p, f in zip(order, model_scores, probs, feats, strict=True)
        ]
        # Before a model is fitted every score is 0, and BM25's order stands.
        ranked.sort(key=lambda r: (-r.score, -r.features["comb"], r.index))
        return ranked
