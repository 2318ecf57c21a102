"""Feedback records and abstained questions as data, and checking a caller's record.

:func:`parse_feedback` checks a caller's record (a mapping, e.g. the ``POST /feedback`` body)
and gives a :class:`Feedback` or raises :class:`qa.errors.FeedbackError` naming the field.
:func:`question_key` says when two asked questions count as the same one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import FeedbackError
from ..types import Turn

VERDICTS = ("helpful", "not_helpful", "wrong_answer_right_passage")
FIELDS = ("question", "answer", "verdict", "history", "citations", "correct_answer", "comment")
MAX_COMMENT_CHARS = 2000
MAX_CITATIONS = 50


@dataclass(frozen=True)
class Feedback:
    """One person's verdict on one answer. ``citations`` are the cited sentence ids."""

    question: str
    answer: str
    verdict: str
    history: tuple[Turn, ...] = ()
    citations: tuple[str, ...] = ()
    correct_answer: str | None = None
    comment: str | None = None
    id: int | None = None
    created_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "question": self.question,
            "answer": self.answer,
            "verdict": self.verdict,
            "history": [{"question": t.question, "answer": t.answer} for t in self.history],
            "citations": list(self.citations),
            "correct_answer": self.correct_answer,
            "comment": self.comment,
        }


@dataclass(frozen=True)
class Abstention:
    """A question the service abstained on, how often, and when it was first and last asked."""

    question: str
    count: int
    first_seen: str
    last_seen: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "count": self.count,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


# --- checking a record -----------------------------------------------------------------------


def _text(obj: Mapping[str, Any], name: str, limit: int, required: bool = False) -> str | None:
    value = obj.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise FeedbackError(f"'{name}' must be a string")
    if len(value) > limit:  # as sent, as the API's schema counts it
        raise FeedbackError(f"'{name}' is longer than {limit} characters")
    value = value.strip()
    if required and not value:
        raise FeedbackError(f"'{name}' is empty")
    return value or None


def _history(value: Any, question_limit: int, max_turns: int) -> tuple[Turn, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FeedbackError("'history' must be a list of earlier turns")
    if len(value) > max_turns:
        raise FeedbackError(f"'history' has more than {max_turns} turns")
    turns = []
    for i, turn in enumerate(value):
        try:
            turns.append(Turn.sent(turn, i, question_limit))
        except ValueError as e:
            raise FeedbackError(str(e)) from None
    return tuple(turns)


def _citations(value: Any) -> tuple[str, ...]:
    """Sentence ids, from ids or from the citation objects ``/ask`` returned."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FeedbackError("'citations' must be a list of citations")
    if len(value) > MAX_CITATIONS:
        raise FeedbackError(f"'citations' has more than {MAX_CITATIONS} entries")
    ids = []
    for i, c in enumerate(value):
        cid = c.get("id") if isinstance(c, dict) else c
        if not isinstance(cid, str) or not cid.strip() or len(cid) > 200:
            raise FeedbackError(
                f"citations[{i}] must be a sentence id or an object with a string 'id'"
            )
        ids.append(cid.strip())
    return tuple(ids)


def parse_feedback(
    obj: Any, max_question_chars: int = 500, max_history_turns: int = 20
) -> Feedback:
    """Check a caller's record (fields as in :data:`FIELDS`) and return it as a Feedback.

    Raises :class:`FeedbackError` naming the first field that is missing, mistyped, unknown
    or too long.
    """
    if not isinstance(obj, Mapping):
        raise FeedbackError("feedback must be a JSON object")
    unknown = sorted(str(k) for k in obj if k not in FIELDS)
    if unknown:
        raise FeedbackError(f"unknown field(s) {', '.join(unknown)}; expected {', '.join(FIELDS)}")
    for name in ("question", "answer", "verdict"):
        if name not in obj:
            raise FeedbackError(f"'{name}' is required")
    question = _text(obj, "question", max_question_chars, required=True)
    answer_limit = 20 * max_question_chars
    answer = obj["answer"]
    if not isinstance(answer, str):
        raise FeedbackError("'answer' must be a string")
    if len(answer) > answer_limit:
        raise FeedbackError(f"'answer' is longer than {answer_limit} characters")
    verdict = obj["verdict"]
    if verdict not in VERDICTS:
        raise FeedbackError(f"'verdict' must be one of {', '.join(VERDICTS)}")
    assert question is not None
    return Feedback(
        question=" ".join(question.split()),
        answer=answer.strip(),
        verdict=verdict,
        history=_history(obj.get("history"), max_question_chars, max_history_turns),
        citations=_citations(obj.get("citations")),
        correct_answer=_text(obj, "correct_answer", answer_limit),
        comment=_text(obj, "comment", MAX_COMMENT_CHARS),
    )


def question_key(question: str) -> str:
    """What makes two asked questions "the same": case, spacing and end punctuation aside."""
    return " ".join(question.split()).casefold().rstrip("?!. ")


def now() -> str:
    """The time a record is stored at: UTC, to the second, in ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def history_json(fb: Feedback) -> str:
    return json.dumps(
        [{"question": t.question, "answer": t.answer} for t in fb.history], ensure_ascii=False
    )


def citations_json(fb: Feedback) -> str:
    return json.dumps(list(fb.citations), ensure_ascii=False)


def feedback_of(row: Mapping[str, Any]) -> Feedback:
    """A stored row (a mapping of column to value) back as a Feedback."""
    history = json.loads(row["history"] or "[]")
    return Feedback(
        question=row["question"],
        answer=row["answer"],
        verdict=row["verdict"],
        history=tuple(Turn(t["question"], t.get("answer", "")) for t in history),
        citations=tuple(json.loads(row["citations"] or "[]")),
        correct_answer=row["correct_answer"],
        comment=row["comment"],
        id=int(row["id"]),
        created_at=row["created_at"],
    )


def abstention_of(row: Mapping[str, Any]) -> Abstention:
    return Abstention(row["question"], int(row["count"]), row["first_seen"], row["last_seen"])
