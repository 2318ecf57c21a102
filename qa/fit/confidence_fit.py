"""Fit the confidence models on answers made by models that never saw their question.

Confidence is a product of two logistic models, each fitted on what it can learn from:

- ``answerable``: is there an answer to this question in what the engine found? Fitted on
  every question, unanswerable ones included (those asked of a corpus made without their
  article too), so the signs that the articles don't say (the question's words and names
  missing, no phrase of the kind asked for) get their weight;
- ``correct``: given that there is, is the reply right? Fitted on answerable questions only.

Their product estimates the probability that a reply is right; the threshold under which the
engine abstains is the highest of those that handle most questions right.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import LinearModel
from .data import Item

C_GRID = (0.1, 0.3, 1.0, 3.0)
TOLERANCE = 0.002  # shares right this close to the best are taken as equal


@dataclass(frozen=True)
class Row:
    """One article's reply to one fitting question."""

    fold: str
    item: int  # the question's index: an engine picks among its question's rows
    features: Mapping[str, float]
    answered: bool
    right: bool  # the reply is right (an answer that is right, or a due abstention)
    answerable: bool  # this article holds an answer to the question
    synthetic: bool


def fit_confidence(
    items: Sequence[Item],
    by_fold: Mapping[str, tuple[dict[str, float], dict[str, float]]],
    say: Callable[[str], None],
) -> tuple[LinearModel, LinearModel]:
    rows = answer_rows(items, by_fold)
    weight = family_weights([r.fold for r in rows])
    everyone = list(range(len(rows)))
    answerable = fit_logistic("answerable", rows, everyone, [r.answerable for r in rows], weight)
    answered = [k for k, r in enumerate(rows) if r.answerable and r.answered]
    correct = fit_logistic("correct", rows, answered, [r.right for r in rows], weight)
    # The threshold and the AUC are read on each fold's rows as models fitted without the
    # fold estimate them: in-sample estimates are surer than any new article's will be,
    # and a threshold placed on them sits too low.
    probs = held_out_probabilities(rows, weight, answerable.meta["C"], correct.meta["C"])
    threshold, overall = best_threshold(items, rows, probs, say)
    auc = _auc(
        [p for p, r in zip(probs, rows, strict=True) if r.answered],
        [r.right for r in rows if r.answered],
    )
    say(
        f"confidence: {len(rows)} answers; answerable C={answerable.meta['C']:g}, "
        f"correct C={correct.meta['C']:g}; threshold {threshold:.2f}, "
        f"overall {100 * overall:.1f}% on the fitting questions, AUC {auc:.3f} "
        "(each fold estimated by models fitted without it)"
    )
    correct = LinearModel(
        correct.name,
        correct.weights,
        correct.bias,
        meta={
            **correct.meta,
            "threshold": threshold,
            "overall_fit": round(overall, 4),
            "auc_fit": round(auc, 4),
        },
    )
    return answerable, correct


def fit_logistic(
    name: str,
    rows: Sequence[Row],
    chosen: Sequence[int],
    labels: Sequence[bool],
    weight: Sequence[float],
) -> LinearModel:
    """A logistic regression on the ``chosen`` rows, its L2 penalty chosen by held-out log
    loss fold by fold."""
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([rows[k].features for k in chosen])
    y = [labels[k] for k in chosen]
    w = [weight[k] for k in chosen]
    folds = [rows[k].fold for k in chosen]
    best_c, best_loss = C_GRID[0], math.inf
    for c in C_GRID:
        loss = 0.0
        for fold in sorted(set(folds)):
            train = [i for i, f in enumerate(folds) if f != fold]
            test = [i for i, f in enumerate(folds) if f == fold]
            if len({y[i] for i in train}) < 2:
                continue
            model = _logistic(c, x[train], [y[i] for i in train], [w[i] for i in train])
            p = model.predict_proba(x[test])[:, 1]
            loss -= sum(w[i] * _log(pi if y[i] else 1 - pi) for i, pi in zip(test, p, strict=True))
        if loss < best_loss:
            best_c, best_loss = c, loss
    model = _logistic(best_c, x, y, w)
    weights = {n: float(v) for n, v in zip(vec.feature_names_, model.coef_[0], strict=True)}
    return LinearModel(
        name, weights, float(model.intercept_[0]), meta={"C": best_c, "rows": len(chosen)}
    )


def held_out_probabilities(
    rows: Sequence[Row], weight: Sequence[float], c_answerable: float, c_correct: float
) -> list[float]:
    """Each row's estimate that it is right, by the two models fitted (with the penalties
    chosen on all rows) on every fold but its own."""
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([r.features for r in rows])
    folds = [r.fold for r in rows]
    probs = [0.0] * len(rows)
    for fold in sorted(set(folds)):
        train = [k for k, f in enumerate(folds) if f != fold]
        test = [k for k, f in enumerate(folds) if f == fold]
        chosen = [k for k in train if rows[k].answerable and rows[k].answered]
        first = _logistic(
            c_answerable, x[train], [rows[k].answerable for k in train], [weight[k] for k in train]
        )
        second = _logistic(
            c_correct, x[chosen], [rows[k].right for k in chosen], [weight[k] for k in chosen]
        )
        p = first.predict_proba(x[test])[:, 1] * second.predict_proba(x[test])[:, 1]
        for k, pk in zip(test, p, strict=True):
            probs[k] = float(pk)
    return probs


def _logistic(c: float, x: Any, y: Sequence[bool], w: Sequence[float]) -> Any:
    """A logistic regression with L2 penalty ``1 / c``, fitted on weighted rows."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=w)


def answer_rows(
    items: Sequence[Item], by_fold: Mapping[str, tuple[dict[str, float], dict[str, float]]]
) -> list[Row]:
    """Every item answered by its fold's models: the reply of each article the engine reads
    for it, none withheld."""
    rows = []
    for fold, (ranker_w, reader_w) in sorted(by_fold.items()):
        for k, item in enumerate(items):
            if item.fold != fold:
                continue
            answerer = item.engine.answerer
            answerer.ranker.model = LinearModel("sentences", ranker_w)
            answerer.reader.model = LinearModel("spans", reader_w)
            answerer.abstain_below = 0.0  # every reply an article would give, none withheld
            holding = {item.engine.sentences[g].article for g in item.gold}
            for reply in answerer.replies(item.question, item.history):
                # Without cited sentences, only the best-matching article is taken to hold it.
                here = item.answerable and (
                    reply.article in holding if holding else reply.rank == 0
                )
                answered = reply.answer.answered
                right = item.right(reply.answer) if answered else not here
                rows.append(
                    Row(fold, k, dict(reply.features), answered, right, here, item.synthetic)
                )
    return rows


def family_weights(folds: Sequence[str]) -> list[float]:
    """The weight of each row or question, by its fold: the crowd-written benchmark (SQuAD,
    its questions asked of a corpus without their article included) and our own news and
    encyclopedia sets count half each, whatever their sizes, so that neither kind of
    reader's questions decides alone. The weights average 1."""
    squad = sum(1 for f in folds if f.startswith("squad:"))
    own = len(folds) - squad
    if not squad or not own:  # one kind alone is all there is
        return [1.0] * len(folds)
    return [(0.5 / squad if f.startswith("squad:") else 0.5 / own) * len(folds) for f in folds]


def best_threshold(
    items: Sequence[Item],
    rows: Sequence[Row],
    probs: Sequence[float],
    say: Callable[[str], None] | None = None,
) -> tuple[float, float]:
    """The threshold under which answers are withheld, and the share of questions it handles
    right, each question answered as the engine does: by the first of its articles' replies
    (best-matching first) whose probability clears it, else declined."""
    by_item: dict[int, list[tuple[Row, float]]] = {}
    for r, p in zip(rows, probs, strict=True):
        by_item.setdefault(r.item, []).append((r, p))
    weight = family_weights([it.fold for it in items])
    squad = [k for k, it in enumerate(items) if it.fold.startswith("squad:")]
    ours = [k for k, it in enumerate(items) if not it.fold.startswith("squad:")]
    handled: dict[float, float] = {}
    halves: dict[float, tuple[float, float]] = {}  # the share right of each half alone
    for step in range(0, 100):
        t = step / 100
        right = []
        for k, item in enumerate(items):
            reply = next((r for r, p in by_item.get(k, []) if r.answered and p >= t), None)
            right.append(reply.right if reply is not None else not item.answerable)
        handled[t] = sum(w * r for w, r in zip(weight, right, strict=True)) / len(items)
        halves[t] = (_share(right, squad), _share(right, ours))
    # Near its best the curve is flat: thresholds a few questions in a thousand apart differ
    # by chance. Among them the highest is taken, since a wrong answer misleads the person
    # who asked and a decline does not.
    top = max(handled.values())
    best = max(t for t, v in handled.items() if v >= top - TOLERANCE)
    if say is not None:
        # How flat the figure is around its best: a refit moves the best within the band,
        # and the blind sets' abstention with it. The halves pull apart (SQuAD's questions
        # are seldom unanswerable, ours often), so the best is a compromise between them.
        shown = [step / 100 for step in range(20, 41, 4)]  # keys as the loop above made them
        for name, share, among in (
            ("handled right by threshold", lambda t: handled[t], items),
            ("  SQuAD questions", lambda t: halves[t][0], squad),
            ("  our sets", lambda t: halves[t][1], ours),
        ):
            if among:
                say(f"{name}: " + ", ".join(f"{t:.2f} {100 * share(t):.1f}" for t in shown))
    return best, handled[best]


def _share(right: Sequence[bool], among: Sequence[int]) -> float:
    return sum(right[k] for k in among) / len(among) if among else 0.0


def _auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    from ..metrics import roc_auc

    return roc_auc(scores, labels) or math.nan


def _log(p: float) -> float:
    return math.log(min(max(p, 1e-12), 1.0))
