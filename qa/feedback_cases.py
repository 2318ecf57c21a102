"""Feedback turned into test-set cases, so real questions flow back into ``qa eval``.

Two kinds come out, both in the evaluation format (:mod:`qa.evaluate`, one JSON object a
case):

- **cases**, complete and ready to run: a "not helpful" or "right passage, wrong answer"
  verdict that came with the right answer and the sentences that hold it. The right answer is
  the case's answer (its number and unit, for a numeric question); the sentences cited with a
  "right passage" verdict are what it must cite.
  Verdicts on the same question (and history) are merged into one case.
- **candidates**, for a person to finish: a wrong answer without the right one, a right answer
  without the sentences that hold it, and every question the service abstained on (the gaps in
  the corpus, most frequent first). A candidate carries a ``review`` field saying what to add;
  ``qa eval`` refuses a file holding one until the field is removed, so an unreviewed guess
  never counts as a test.

Helpful verdicts make no case: they confirm an answer the test set cannot state exactly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from . import quantities
from .feedback import Abstention, Feedback, question_key

_NUMERIC = re.compile(
    r"\b(how (many|much|big|large|long|far|old|fast|tall|high|often|large)|what (percentage|"
    r"share|proportion|number)|percent|per ?cent)\b|%"
)


def guess_type(question: str, has_history: bool = False) -> str:
    """The test-set type a question most likely has ("follow_up", "numeric_direct", "who", ...).

    A guess from the question words, for a reviewer to correct.
    """
    if has_history:
        return "follow_up"
    q = question.casefold()
    if _NUMERIC.search(q):
        return "numeric_direct"
    first = re.match(r"\W*(\w+)", q)
    word = first.group(1) if first else ""
    if word in ("who", "whom", "whose"):
        return "who"
    for kind in ("where", "when", "which"):
        if word == kind or re.search(rf"\b{kind}\b", q):
            return kind
    return "what"


def _article_of(sentence_id: str) -> str:
    """Sentence ids are "<article id>:s<n>"."""
    return sentence_id.rsplit(":", 1)[0]


def _history(fb: Feedback) -> list[dict[str, str]]:
    return [{"question": t.question, "answer": t.answer} for t in fb.history]


def _note(fb: Feedback) -> str:
    note = f"feedback #{fb.id} ({fb.created_at}): {fb.verdict.replace('_', ' ')}"
    note += f'; the service answered "{fb.answer}"'
    if fb.comment:
        note += f"; comment: {fb.comment}"
    return note


def _base(fb: Feedback) -> dict[str, Any]:
    case: dict[str, Any] = {
        "id": f"feedback-{fb.id}",
        "type": guess_type(fb.question, bool(fb.history)),
        "question": fb.question,
    }
    if fb.history:
        case["history"] = _history(fb)
    return case


def expected(answer: str, case_type: str) -> dict[str, Any]:
    """``{"number": ...}`` for a numeric question whose answer states one number (scored by
    value and unit, as the project's numeric cases are), else ``{"answers": [answer]}``."""
    if case_type.startswith("numeric"):
        found = quantities.quantities(answer)
        if len(found) == 1:
            return {"number": {"value": found[0].value, "unit": found[0].unit}}
    return {"answers": [answer]}


def case_of(fb: Feedback) -> tuple[str, dict[str, Any]] | None:
    """("case" or "candidate", the case) for one feedback record; None for a helpful one."""
    if fb.verdict == "helpful":
        return None
    case = _base(fb)
    tags = ["feedback", fb.verdict]
    cite = list(dict.fromkeys(fb.citations)) if fb.verdict == "wrong_answer_right_passage" else []
    if fb.correct_answer and cite:
        case.update(
            **expected(fb.correct_answer, case["type"]),
            cite=cite,
            answerable=True,
            article=_article_of(cite[0]),
            tags=tags,
            note=_note(fb),
        )
        return "case", case
    if fb.correct_answer:
        review = "add the ids of the sentences that state the answer to 'cite' and their article"
        case.update(**expected(fb.correct_answer, case["type"]), cite=[], answerable=True)
    else:
        review = "add the right answer to 'answers' (or set answerable to false), with 'cite'"
        case.update(answers=[], cite=cite, answerable=True)
    case.update(
        article=_article_of(cite[0]) if cite else "",
        tags=[*tags, "review"],
        note=_note(fb),
        review=review + ", then delete this field",
    )
    return "candidate", case


def _merge(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One case per question and history: the answers and citations of all its verdicts
    (a numeric case keeps its first number)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for case in cases:
        key = (question_key(case["question"]), repr(case.get("history", [])))
        if key not in merged:
            merged[key] = case
            continue
        into = merged[key]
        if "answers" in into and "answers" in case:
            into["answers"] = list(dict.fromkeys([*into["answers"], *case["answers"]]))
        into["cite"] = list(dict.fromkeys([*into["cite"], *case["cite"]]))
        into["note"] += " | " + case["note"]
    return list(merged.values())


def abstention_case(gap: Abstention) -> dict[str, Any]:
    """A candidate for a question the service abstained on."""
    digest = hashlib.sha1(question_key(gap.question).encode("utf-8")).hexdigest()[:10]
    times = "once" if gap.count == 1 else f"{gap.count} times"
    return {
        "id": f"abstained-{digest}",
        "type": "unanswerable",
        "question": gap.question,
        "answerable": False,
        "article": "",
        "tags": ["feedback", "abstained", "review"],
        "note": f"abstained {times}, last on {gap.last_seen}",
        "review": "set 'article'; if the corpus does answer it, set answerable to true, the "
        "type, 'answers' and 'cite'; then delete this field",
    }


def cases_from_feedback(
    records: Sequence[Feedback], gaps: Sequence[Abstention] = ()
) -> dict[str, list[dict[str, Any]]]:
    """``{"cases": [...], "candidates": [...]}``: feedback, then abstentions most asked first."""
    cases: list[dict[str, Any]] = []
    candidates: list[dict[str, Any]] = []
    for fb in records:
        made = case_of(fb)
        if made is not None:
            (cases if made[0] == "case" else candidates).append(made[1])
    candidates.extend(abstention_case(g) for g in gaps)
    return {"cases": _merge(cases), "candidates": candidates}
