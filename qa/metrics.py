"""Pure metric functions for the evaluation: no engine, no I/O, numbers in and numbers out.

Text metrics follow the SQuAD v1.1 evaluation script (normalise, then exact match and token F1,
best over the acceptable answers); numeric answers are judged by :mod:`qa.quantities`.
Retrieval metrics are the usual IR definitions, per query: recall@k is the share of the
relevant sentences found in the top k, reciprocal rank is 1 / rank of the first relevant
sentence (0 when none is ranked); they agree with ``ir_measures`` (``R@k``, ``RR``).
SQuAD 2.0 scoring adds abstentions to exact match and F1 as its official script does; "hit"
asks only that a gold answer appear in the reply, and the ROC AUC of a confidence is computed
by the Mann-Whitney rank formula (it agrees with scikit-learn's ``roc_auc_score``).
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# --- SQuAD-style text metrics -------------------------------------------------------------

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = frozenset(string.punctuation)


def normalize_answer(text: str) -> str:
    """Lower-case, drop punctuation and the articles a/an/the, squeeze whitespace (SQuAD)."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: Iterable[str]) -> float:
    """1.0 when the normalised prediction equals any normalised gold answer, else 0.0."""
    norm = normalize_answer(prediction)
    return float(any(norm == normalize_answer(g) for g in gold))


def _f1(prediction: str, gold: str) -> float:
    pred_tokens = normalize_answer(prediction).split()
    gold_tokens = normalize_answer(gold).split()
    common = Counter(pred_tokens) & Counter(gold_tokens)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision = same / len(pred_tokens)
    recall = same / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def token_f1(prediction: str, gold: Iterable[str]) -> float:
    """Best token-overlap F1 of the prediction against the gold answers (0.0 with none)."""
    return max((_f1(prediction, g) for g in gold), default=0.0)


def squad_v2_exact(prediction: str | None, gold: Sequence[str]) -> float:
    """SQuAD 2.0 exact match. ``prediction`` None is an abstention; ``gold`` empty (or only
    answers that normalise to nothing) is an unanswerable question. An abstention scores 1 on
    an unanswerable question and 0 on an answerable one; an answer to an unanswerable one
    scores 0. Otherwise the best match over the gold answers, as the official script."""
    golds = [g for g in gold if normalize_answer(g)]
    if prediction is None or not golds:
        return float(prediction is None and not golds)
    return exact_match(prediction, golds)


def squad_v2_f1(prediction: str | None, gold: Sequence[str]) -> float:
    """SQuAD 2.0 token F1, with abstentions and unanswerable questions scored as in
    :func:`squad_v2_exact`; otherwise the best token F1 over the gold answers."""
    golds = [g for g in gold if normalize_answer(g)]
    if prediction is None or not golds:
        return float(prediction is None and not golds)
    return token_f1(prediction, golds)


def contains_answer(text: str, gold: Iterable[str]) -> bool:
    """True when a gold answer appears in ``text`` as whole words: case-insensitive, runs of
    whitespace read as one space, and no letter or digit just before or after it."""
    haystack = " ".join(text.split()).casefold()
    for g in gold:
        needle = " ".join(g.split()).casefold()
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            return True
    return False


def answer_hit(
    short_answer: str | None, answer: str, gold: Iterable[str], long_limit: int = 400
) -> bool:
    """The "hit" of a reply: a gold answer is in ``short_answer`` or, failing that, in
    ``answer`` when that is at most ``long_limit`` characters (a longer reply would find the
    answer by saying much). The caller counts an abstention as a miss."""
    gold = list(gold)
    if short_answer and contains_answer(short_answer, gold):
        return True
    return len(answer) <= long_limit and contains_answer(answer, gold)


def span_inside(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """True when one of the (start, end) ``spans`` lies wholly inside [start, end)."""
    return any(start <= s and e <= end for s, e in spans)


# --- citations and abstention ---------------------------------------------------------------


def alternatives(requirement: str) -> set[str]:
    """The ids that satisfy one requirement: "a" is just a, "a|b" is a or b (a fact the
    article states twice)."""
    return set(requirement.split("|"))


def citation_precision(
    cited: Sequence[str], required: Iterable[str], allowed: Iterable[str] = ()
) -> float:
    """Share of the cited sentences that are required or allowed (1.0 when nothing is cited)."""
    if not cited:
        return 1.0
    ok = set().union(*map(alternatives, required), allowed)
    return sum(c in ok for c in cited) / len(cited)


def citation_recall(cited: Iterable[str], required: Sequence[str]) -> float:
    """Share of the requirements that are cited (1.0 when nothing is required)."""
    if not required:
        return 1.0
    got = set(cited)
    return sum(bool(alternatives(r) & got) for r in required) / len(required)


@dataclass(frozen=True)
class PrecisionRecall:
    """Precision and recall of one binary decision; None where undefined (0 / 0)."""

    precision: float | None
    recall: float | None
    true_positives: int
    predicted: int
    actual: int


def abstention_scores(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> PrecisionRecall:
    """Abstaining is the positive class: precision = right abstentions / abstentions,
    recall = right abstentions / unanswerable questions."""
    if len(abstained) != len(unanswerable):
        raise ValueError("abstained and unanswerable differ in length")
    tp = sum(a and u for a, u in zip(abstained, unanswerable, strict=True))
    predicted, actual = sum(abstained), sum(unanswerable)
    return PrecisionRecall(
        precision=tp / predicted if predicted else None,
        recall=tp / actual if actual else None,
        true_positives=tp,
        predicted=predicted,
        actual=actual,
    )


# --- retrieval ------------------------------------------------------------------------------


def recall_at_k(ranked: Sequence[str], relevant: Sequence[str], k: int) -> float:
    """Share of the relevant ids (or "a|b" alternatives) among the first ``k`` ranked ids
    (0.0 with none relevant)."""
    if not relevant:
        return 0.0
    top = set(ranked[:k])
    return sum(bool(alternatives(r) & top) for r in relevant) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], relevant: Iterable[str]) -> float:
    """1 / (1-based rank of the first relevant id), 0.0 when none is ranked."""
    rel = set().union(*map(alternatives, relevant))
    for i, sid in enumerate(ranked, start=1):
        if sid in rel:
            return 1.0 / i
    return 0.0


# --- ranking by confidence ------------------------------------------------------------------


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float | None:
    """Area under the ROC curve of ``scores`` for the ``positive`` class, by the Mann-Whitney
    rank formula: the chance that a random positive scores above a random negative, ties
    counting half. ``(sum of the positives' ranks - P(P+1)/2) / (P * N)`` with ranks from 1
    and tied scores sharing their average rank. None without both classes."""
    if len(scores) != len(positive):
        raise ValueError("scores and positive differ in length")
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    if not n_pos or not n_neg:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # the average of ranks i+1 .. j+1
        i = j + 1
    pos_ranks = sum(r for r, p in zip(ranks, positive, strict=True) if p)
    return (pos_ranks - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


# --- summaries --------------------------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    vals = list(values)
    return sum(vals) / len(vals) if vals else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) with linear interpolation, as ``numpy.percentile``."""
    vals = sorted(values)
    if not vals:
        return None
    if not 0 <= q <= 100:
        raise ValueError("q must be within 0..100")
    pos = (len(vals) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)
