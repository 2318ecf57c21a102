"""Confidence: the estimated probability that a reply is right, from fitted models.

Two logistic models (``python -m qa.fit``), fitted on questions people wrote: ``answerable``
estimates whether the articles hold an answer to the question where the engine looked, and
``correct`` whether the reply is right when they do. The probability that an answer is right
is their product, for answers of every method alike, so one threshold (chosen with the models
to handle most fitting questions right) decides when to say that the articles don't say.
An abstention's confidence is the probability that there is no answer to give.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import LinearModel, load_model

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
