"""Fitting the confidence: estimates made without the fold, and the threshold chosen."""

from __future__ import annotations

from types import SimpleNamespace

from qa.fit.confidence_fit import Row, best_threshold, held_out_probabilities


def row(fold: str, item: int, features: dict[str, float], right: bool) -> Row:
    answerable = item % 4 != 0  # a quarter of the questions have no answer, whatever else
    return Row(fold, item, features, True, right, answerable, synthetic=False)


def test_a_folds_estimates_come_from_models_that_never_saw_it():
    # What fold "a" teaches ("trap" replies are right) is false in fold "b": b's estimates
    # still carry a's lesson, where a fit on every row would have learned b's labels.
    rows = [row("a", k, {"trap": 1.0, "good": float(k % 2)}, True) for k in range(40)]
    rows += [row("b", 40 + k, {"trap": 1.0, "good": float(k % 2)}, False) for k in range(40)]
    rows += [row("c", 80 + k, {"good": float(k % 2)}, bool(k % 2)) for k in range(40)]
    probs = held_out_probabilities(rows, [1.0] * len(rows), 1.0, 1.0)
    assert all(0.0 <= p <= 1.0 for p in probs)
    b = probs[40:80]
    assert sum(b) / len(b) > 0.6  # fitted on a and c, where every "trap" reply is right
    c = probs[80:]
    assert all(p > q for p, q in zip(c[1::2], c[0::2], strict=True))  # "good" carries over


def test_the_threshold_handles_most_questions_right_and_is_the_highest_of_equals():
    items = [SimpleNamespace(fold="set:x", answerable=a) for a in (True, False, False, False)]
    rows = [
        Row("set:x", 0, {}, answered=True, right=True, answerable=True, synthetic=False),
        Row("set:x", 1, {}, answered=True, right=False, answerable=False, synthetic=False),
        Row("set:x", 2, {}, answered=True, right=False, answerable=False, synthetic=False),
        Row("set:x", 3, {}, answered=True, right=False, answerable=False, synthetic=False),
    ]
    said: list[str] = []
    # Right answer at 0.6, wrong ones at 0.5 and below: anything over 0.5 up to 0.6 keeps
    # the right answer and declines the rest; of those, the highest declines most.
    threshold, handled = best_threshold(items, rows, [0.6, 0.5, 0.3, 0.2], said.append)  # type: ignore[arg-type]
    assert threshold == 0.6 and handled == 1.0
    assert said[0].startswith("handled right by threshold: 0.20 ")
    assert any(line.strip().startswith("our sets:") for line in said)
