"""Plain, frozen data passed between the stages; each has a JSON form via ``to_dict``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One cleaned article: ``text`` is the body only; offsets elsewhere point into it."""

    id: str  # stable, from the file name without extension
    path: str
    title: str
    source: str | None
    date: str | None  # ISO date (YYYY-MM-DD) when the article states one
    text: str
    paragraphs: tuple[tuple[int, int], ...]  # (start, end) of each body paragraph in ``text``
    captions: tuple[str, ...] = ()

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "path": self.path,
            "paragraphs": len(self.paragraphs),
            "characters": len(self.text),
        }
        if with_text:
            d["text"] = self.text
        return d


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text == article.text[start:end]``."""

    id: str  # "<article id>:s<n>", n counted from 0 in reading order
    article: str
    index: int  # position among the article's sentences
    paragraph: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Passage:
    """A retrieval unit: consecutive sentences of one article."""

    id: str
    article: str
    sentence_ids: tuple[str, ...]
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentence_ids"] = list(self.sentence_ids)
        return d


@dataclass(frozen=True)
class Citation:
    """A cited sentence; ``text == article.text[start:end]``."""

    id: str
    article: str
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, sentence: Sentence) -> Citation:
        return cls(sentence.id, sentence.article, sentence.text, sentence.start, sentence.end)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Turn:
    """An earlier exchange in a conversation, oldest first."""

    question: str
    answer: str = ""

    @classmethod
    def sent(cls, value: object, i: int, limit: int) -> Turn:
        """The ``i``-th earlier turn as a caller sent it (an object with a string
        ``question`` of at most ``limit`` characters and an optional string ``answer`` of at
        most 20 times that); raises ValueError saying what is wrong."""
        if (
            not isinstance(value, Mapping)
            or not isinstance(value.get("question"), str)
            or not isinstance(value.get("answer", ""), str)
        ):
            raise ValueError(
                f"history[{i}] must be an object with a string 'question' "
                "and an optional string 'answer'"
            )
        question, answer = value["question"], value.get("answer", "")
        if len(question) > limit or len(answer) > 20 * limit:
            raise ValueError(f"history[{i}] is too long")
        return cls(question, answer)


@dataclass(frozen=True)
class Answer:
    """The one result type every caller gets (its ``to_dict`` is the ``/ask`` body).

    ``method`` is "rule" (numeric facts), "retrieval" (a sentence found by BM25) or "none"
    (abstained). ``short_answer`` is the span that answers a who/what/where/when/which
    question, when one was found; ``answer`` is the reply a person reads. ``confidence``
    is in the reply given: that the answer is right, or, when abstaining, that the articles
    do not say.
    """

    answer: str
    answered: bool
    method: str
    confidence: float
    citations: tuple[Citation, ...] = ()
    derivation: str | None = None
    short_answer: str | None = None
    question: str = ""
    resolved_question: str | None = None  # the question after follow-up resolution
    ranked: tuple[str, ...] = field(default=(), compare=False)  # sentence ids, best first
    # What the answering stage measured (match strengths, scores, kinds), by name: the
    # inputs of the fitted confidence model (qa.confidence). Not part of the JSON.
    features: Mapping[str, float] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "answered": self.answered,
            "method": self.method,
            "confidence": round(float(self.confidence), 4),
            "citations": [c.to_dict() for c in self.citations],
            "derivation": self.derivation,
            "short_answer": self.short_answer,
            "question": self.question,
            "resolved_question": self.resolved_question,
        }
