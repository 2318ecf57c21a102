"""Confidence: the estimated probability that a reply is right, from fitted models.

Two logistic models (``python -m qa.fit``), fitted on questions people wrote: ``answerable``
estimates whether the articles hold an answer to the question where the engine looked, and
``correct`` whether the reply is right when they do. The probability that an answer is right
is their product, for answers of every method alike, so one threshold (chosen with the models
to handle most fitting questions right) decides when to say that the articles don't say.
An abstention's confidence is the probability that there is no answer to give.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .model import LinearModel, load_model
from .ranker import Ranked
from .ranker.table import ArticleStats
from .reader import Phrase
from .reading.query import Query
from .reading.words import fold
from .types import Answer, Sentence

DEFAULT_THRESHOLD = 0.5


class Confidence:
    def __init__(
        self, answerable: LinearModel | None = None, correct: LinearModel | None = None
    ) -> None:
        self.answerable = answerable if answerable is not None else load_model("answerable")
        self.correct = correct if correct is not None else load_model("correct")

    @property
    def threshold(self) -> float:
        """Below this probability the engine abstains (chosen with the models)."""
        return float(self.correct.meta.get("threshold", DEFAULT_THRESHOLD))

    def probability(self, features: Mapping[str, float]) -> float:
        """That an answer described by ``features`` is right."""
        if not self.correct.weights:  # before the first fit: trust the answering stage
            return float(features.get("prior", 0.5))
        return self.answerable.probability(features) * self.correct.probability(features)

    def unanswerable(self, features: Mapping[str, float]) -> float:
        """That the articles hold no answer to the question described by ``features``."""
        if not self.answerable.weights:
            return 1.0 - float(features.get("prior", 0.5))
        return 1.0 - self.answerable.probability(features)


# --- what the models read -----------------------------------------------------------------


def retrieval_features(
    query: Query, ranked: Sequence[Ranked], hit: Ranked, phrase: Phrase | None
) -> dict[str, float]:
    """What the confidence model reads of a retrieval answer."""
    q = query.question
    f: dict[str, float] = {"method=retrieval": 1.0, f"kind={q.kind}": 1.0}
    f["s.prob"] = hit.probability
    f["s.score"] = hit.score
    f["s.margin"] = hit.score - ranked[1].score if len(ranked) > 1 else 5.0
    for name in (
        "cov",
        "lcov",
        "acov",
        "pcov",
        "miss_n",
        "bm25_log",
        "type_ok",
        "edges",
        "verb",
        "head",
        "cov_title",
        "nums",
        "desc",
        "desc_none",
    ):
        if name in hit.features:
            f[f"s.{name}"] = hit.features[name]
    if phrase is None:
        f["sentence_reply"] = 1.0
    else:
        f["p.prob"] = phrase.probability
        f["p.score"] = phrase.score
        f["p.type_match"] = phrase.features.get("type_match", 0.0)
        for name in ("q_overlap", "root_in_q", "has_head", "tree_inv", "dist_inv", "described"):
            f[f"p.{name}"] = phrase.features.get(name, 0.0)
    f["prior"] = hit.probability * (phrase.probability if phrase is not None else 0.5)
    return with_log_odds(f)


# Entity labels the recogniser also gives to common words ("each year", "three", "half").
_COMMON_WORD_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})


def evidence_features(query: Query, stats: ArticleStats) -> dict[str, float]:
    """How much of the question the answering article knows at all: words it never uses,
    names it never mentions ("the capital of France" of a story about Wenzhou)."""
    f: dict[str, float] = {}
    unknown = [t for t in query.terms if t not in stats.term_df]
    f["q.unknown"] = len(unknown) / len(query.terms)
    # A date said in common words ("each year", "last week") names nothing an article must
    # mention; its numbers ("in 2021") do.
    names = [
        t
        for t in query.content
        if t.pos_ == "PROPN"
        or (t.ent_type_ and (t.ent_type_ not in _COMMON_WORD_ENTITIES or t.like_num))
    ]
    if names:
        missing = [t for t in names if fold(t.text) not in stats.words]
        f["q.names_missing"] = len(missing) / len(names)
    return f


# What a reading is weighed by when the rule layer found no fact for the question: whether
# its phrase is of the kind asked and its sentence says the question's words. The rule layer
# declines for a question the articles don't answer, and also for one whose figure is said
# in words no fact was read from; these tell the two apart.
DECLINED_READ = ("p.type_match", "p.prob", "s.cov", "s.lcov", "s.type_ok", "s.prob")


def declined_features(features: Mapping[str, float]) -> dict[str, float]:
    """The reading's features, again, under the rule layer's decline."""
    return {f"rd.{k}": features[k] for k in DECLINED_READ if k in features}


def rule_features(
    answer: Answer, ranked: Sequence[Ranked], sentences: Sequence[Sentence]
) -> dict[str, float]:
    """What the confidence model reads of a rule-layer answer: the layer's own measures and
    how the ranker rates the sentences it cites."""
    f: dict[str, float] = {"method=rule": 1.0}
    f.update({f"r.{k}": v for k, v in answer.features.items()})
    if not answer.answered:
        f["rule_abstains"] = 1.0
    cited = {c.id for c in answer.citations}
    top = ranked[0].probability if ranked else 1.0
    shares = [r.probability / top for r in ranked if sentences[r.index].id in cited]
    f["r.relevance"] = max(shares, default=0.0)
    f["prior"] = answer.confidence
    return with_log_odds(f)


# Probabilities the models read also as log-odds: a linear model on a probability alone
# cannot tell 0.98 from 0.9999, nor 0.02 from 0.0001, where the evidence differs most.
_ODDS = ("s.prob", "p.prob", "prior")
_EDGE = 1e-4


def with_log_odds(f: dict[str, float]) -> dict[str, float]:
    for name in _ODDS:
        if name in f:
            p = min(max(f[name], _EDGE), 1.0 - _EDGE)
            f[f"{name}.logit"] = math.log(p / (1.0 - p))
    return f
