"""Read the answer out of a sentence: the phrase that fills the question's gap.

Candidates are constituents of the sentence's parse (:mod:`qa.reader.candidates`); each is
described by :mod:`qa.reader.features` and scored by a linear model fitted on questions
people wrote (``python -m qa.fit``). ``probability`` is a phrase's softmax share among the
sentence's candidates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import LinearModel, load_model, softmax
from ..reading.query import Query
from .candidates import candidates, entities
from .features import span_features


@dataclass(frozen=True)
class Phrase:
    start: int  # token range in the sentence's doc
    end: int
    char_start: int  # character range in the sentence's text
    char_end: int
    text: str
    score: float
    probability: float
    features: Mapping[str, float]

    def spanning(self, doc: Doc, start: int, end: int) -> Phrase:
        """This phrase, rated as it is, over the tokens ``start:end`` of ``doc`` instead."""
        span = doc[start:end]
        return replace(
            self,
            start=start,
            end=end,
            char_start=span.start_char,
            char_end=span.end_char,
            text=span.text,
        )


class Reader:
    def __init__(self, model: LinearModel | None = None) -> None:
        self.model = model if model is not None else load_model("spans")

    def read(self, query: Query, doc: Doc) -> list[Phrase]:
        """The sentence's candidate phrases as answers to ``query``, best first."""
        ents = entities(doc)
        found = candidates(doc, ents)
        if not found:
            return []
        matched = [t.i for t in doc if not t.is_punct and query.matches(t)]
        spans = sorted(found)
        feats = [span_features(query, doc, a, b, found[(a, b)], matched, ents) for a, b in spans]
        scores = [self.model.score(f) for f in feats]
        probs = softmax(scores)
        out = []
        for (a, b), f, sc, p in zip(spans, feats, scores, probs, strict=True):
            span = doc[a:b]
            out.append(Phrase(a, b, span.start_char, span.end_char, span.text, sc, p, f))
        out.sort(key=lambda p: (-p.score, p.start, p.end))
        return out
