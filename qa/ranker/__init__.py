"""Rank an article's sentences for a question: BM25+ finds candidates, a fitted model orders.

Which articles to read comes first, from BM25 over every sentence and passage loaded. Then
each chosen article is read alone: its sentences scored with its own word counts
(:mod:`qa.ranker.local`), described by the features of :mod:`qa.ranker.features` and scored by
a linear model fitted on questions people wrote (``python -m qa.fit``). ``probability`` is a
candidate's share of the softmax over the article's candidates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..analysis import SYNONYMS, expand
from ..model import LinearModel, load_model, softmax
from ..reading.query import Query
from ..retriever import Retriever
from . import local
from .features import Scores, add_relative, sentence_features
from .table import SentenceTable

PASSAGE_WEIGHT = 0.35  # a passage's score next to its sentence's own (BM25 scales)
CANDIDATES = 30
ARTICLES = 3  # articles read for each question
ARTICLE_WEIGHT = 1.0  # the whole article's score beside its best sentence's (chosen on fit data)
SYNONYM, CONTEXT = 0.75, 0.5  # a question term met as a synonym, or only beside a sentence


@dataclass(frozen=True)
class Ranked:
    index: int  # position in the engine's sentences
    score: float  # the model's score
    probability: float  # softmax share among the article's candidates
    features: Mapping[str, float]


class Ranker:
    def __init__(
        self,
        retriever: Retriever,
        table: SentenceTable,
        model: LinearModel | None = None,
        k1: float = 1.5,
        b: float = 0.75,
    ) -> None:
        self.retriever = retriever
        self.table = table
        self.model = model if model is not None else load_model("sentences")
        self.k1, self.b = k1, b

    def matches(self, terms: Sequence[str], m: int = ARTICLES) -> list[tuple[str, float]]:
        """The ``m`` articles that best match the question's ``terms``, best first, each with
        how well it matches: its best sentence's score (BM25 over every article, with the
        passage around it) and, weighted by :data:`ARTICLE_WEIGHT`, the whole article's
        score (BM25 over articles: the words that set an article apart, wherever in it
        they are)."""
        if not terms or not self.table.article:
            return []
        query = expand(terms)
        s_scores, context = self.retriever.scores(query)
        combined = s_scores / (float(s_scores.max()) or 1.0) + PASSAGE_WEIGHT * context / (
            float(context.max()) or 1.0
        )
        best = np.zeros(len(self.retriever.articles))
        np.maximum.at(best, self.retriever.article_of, combined)  # each article's best sentence
        # The question's own words, not their synonyms: which article a question is about
        # shows in the words it chose.
        whole = self.retriever.article_scores(dict.fromkeys(terms, 1.0))
        total = np.where(best > 0, best + ARTICLE_WEIGHT * whole / (float(whole.max()) or 1.0), 0)
        order = np.argsort(-total, kind="stable")[:m]
        return [(self.retriever.articles[k], float(total[k])) for k in order if total[k] > 0]

    def relevance(self, query: Query, article: str, k: int) -> dict[str, float]:
        """The ``k`` sentences of ``article`` that cover most of ``query`` (its terms, by
        their weight in the article, found in the sentence or beside it), each with its
        BM25+ score over the best's: what the rule layer weighs facts by."""
        stats = self.table.articles[article]
        if not query.terms:
            return {}
        sentence, context = local.scores(stats, expand(query.terms), self.k1, self.b)
        combined = sentence / (float(sentence.max()) or 1.0) + PASSAGE_WEIGHT * context / (
            float(context.max()) or 1.0
        )
        combined = combined / (1 + PASSAGE_WEIGHT)
        weights = {t: stats.idf(t) for t in query.terms}
        total = sum(weights.values()) or 1.0

        def coverage(j: int) -> float:
            own = stats.term_counts[j]
            near = set(own).union(
                *(stats.term_counts[n] for n in (j - 1, j + 1) if 0 <= n < stats.size)
            )
            got = sum(
                w
                * (
                    1.0
                    if t in own
                    else SYNONYM
                    if SYNONYMS.get(t, set()) & own.keys()
                    else CONTEXT
                    if t in near
                    else 0.0
                )
                for t, w in weights.items()
            )
            return got / total

        order = sorted(
            (j for j in range(stats.size) if combined[j] > 0),
            key=lambda j: (-(0.6 * coverage(j) + 0.4 * combined[j]), j),
        )[:k]
        top = max((float(combined[j]) for j in order), default=0.0) or 1.0
        ids = self.table.ids
        return {ids[stats.sentences[j]]: float(combined[j]) / top for j in order}

    def rank(self, query: Query, article: str, k: int = CANDIDATES) -> list[Ranked]:
        """The best ``k`` sentences of ``article`` for ``query``, best first."""
        stats = self.table.articles[article]
        if not query.terms:
            return []
        sentence, context = local.scores(stats, expand(query.terms), self.k1, self.b)
        combined = sentence / (float(sentence.max()) or 1.0) + PASSAGE_WEIGHT * context / (
            float(context.max()) or 1.0
        )
        scores = Scores(sentence, context, combined)
        order = [int(j) for j in np.argsort(-combined, kind="stable")[:k] if combined[j] > 0]
        feats = [
            sentence_features(self.table, stats, query, j, r, scores) for r, j in enumerate(order)
        ]
        add_relative(feats)
        model_scores = [self.model.score(f) for f in feats]
        probs = softmax(model_scores)
        ranked = [
            Ranked(stats.sentences[j], sc, p, f)
            for j, sc, p, f in zip(order, model_scores, probs, feats, strict=True)
        ]
        # Before a model is fitted every score is 0, and BM25's order stands.
        ranked.sort(key=lambda r: (-r.score, -r.features["comb"], r.index))
        return ranked
