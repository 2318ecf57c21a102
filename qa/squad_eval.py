"""Evaluation on SQuAD questions: ask each one of an engine holding every article of its file,
score the reply, and aggregate.

:func:`score` judges one reply (SQuAD 2.0 exact match and F1, hit, cite@1, and the reply's
estimated chance of being right, for the ROC AUC); :func:`aggregate` turns results into the
figures of one table row; :func:`evaluate_squad` runs a file's questions, optionally also with
each question's own article left out of the corpus (the "article not loaded" row, where every
question should be declined). Nothing here prints: ``qa eval`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa import metrics
from qa.config import Settings
from qa.evaluate import AnswerEngine
from qa.squad import SquadCase, SquadSet
from qa.types import Answer, Article

# The figures of one row; ``qa eval --min squad.NAME=VALUE`` (or ``squad.absent.NAME``) checks one.
SQUAD_METRICS = (
    "questions",
    "answerable",
    "exact_match",
    "f1",
    "exact_match_answerable",
    "f1_answerable",
    "hit",
    "cite@1",
    "abstained_answerable",
    "abstention_precision",
    "abstention_recall",
    "auc",
    "auc_answered",
    "overall",
    "always_abstain",
    "latency_p50_ms",
    "latency_p95_ms",
)
SYSTEMS = ("engine", "baseline")
LONG_ANSWER = 400  # characters: a longer reply is not searched for the gold answer (hit)


@dataclass(frozen=True)
class SquadResult:
    """One question, the reply, and its scores. ``hit`` and ``cite_at_1`` are None on an
    unanswerable question; ``right`` is "answered, and a gold answer is in the reply";
    ``p_right`` is the engine's estimate of that (see :func:`p_right`)."""

    case: SquadCase
    answer: Answer
    latency_ms: float
    abstained: bool
    exact_match: float
    f1: float
    hit: bool | None
    cite_at_1: bool | None
    right: bool
    p_right: float

    @property
    def prediction(self) -> str | None:
        """The text scored by exact match and F1; None for an abstention."""
        return prediction(self.answer)

    @property
    def failed(self) -> bool:
        """A person would call it wrong: no gold answer in the reply, or an answer where the
        articles do not say."""
        return not self.right if self.case.answerable else not self.abstained

    def to_dict(self) -> dict[str, Any]:
        a = self.answer
        return {
            "id": self.case.id,
            "article": self.case.article,
            "article_loaded": self.case.article_loaded,
            "question": self.case.question,
            "answerable": self.case.answerable,
            "gold": list(self.case.answers),
            "gold_spans": [list(s) for s in self.case.spans],
            "answered": a.answered,
            "method": a.method,
            "prediction": self.prediction,
            "short_answer": a.short_answer,
            "answer": a.answer,
            "cited": [[c.id, c.start, c.end] for c in a.citations],
            "confidence": a.confidence,
            "p_right": round(self.p_right, 4),
            "hit": self.hit,
            "exact_match": self.exact_match,
            "f1": round(self.f1, 4),
            "cite@1": self.cite_at_1,
            "latency_ms": round(self.latency_ms, 3),
        }


def prediction(answer: Answer) -> str | None:
    """``short_answer`` when the engine gives one, else ``answer``; None when it declined. An
    engine error is no abstention: it predicts nothing ("")."""
    if answer.method == "error":
        return ""
    if not answer.answered:
        return None
    return answer.short_answer if answer.short_answer is not None else answer.answer


def p_right(answer: Answer) -> float:
    """The engine's estimate that its reply is right. ``Answer.confidence`` is that for an
    answer, but for an abstention it is the estimate that the articles do not say, so an
    abstention scores ``1 - confidence``. An engine error scores 0."""
    if answer.method == "error":
        return 0.0
    return answer.confidence if answer.answered else 1.0 - answer.confidence


def score(case: SquadCase, answer: Answer, latency_ms: float = 0.0) -> SquadResult:
    """Score one reply to one SQuAD question."""
    pred = prediction(answer)
    abstained = pred is None
    hit = cite = None
    if case.answerable:
        hit = not abstained and metrics.answer_hit(
            answer.short_answer, answer.answer, case.answers, LONG_ANSWER
        )
        first = answer.citations[0] if answer.citations and not abstained else None
        cite = (
            first is not None
            and first.article == case.article
            and metrics.span_inside(case.spans, first.start, first.end)
        )
    return SquadResult(
        case=case,
        answer=answer,
        latency_ms=latency_ms,
        abstained=abstained,
        exact_match=metrics.squad_v2_exact(pred, case.answers),
        f1=metrics.squad_v2_f1(pred, case.answers),
        hit=hit,
        cite_at_1=cite,
        right=bool(hit),
        p_right=p_right(answer),
    )


def aggregate(results: Sequence[SquadResult]) -> dict[str, Any]:
    """The figures of one row (rates in 0..1, None where no question applies):

    - ``exact_match``, ``f1``: SQuAD 2.0, over all questions; ``*_answerable``: over the
      answerable ones;
    - ``hit``, ``cite@1``, ``abstained_answerable``: over the answerable questions;
    - ``abstention_precision``, ``abstention_recall``: abstaining is the positive class;
    - ``auc``: ROC AUC of ``p_right`` for "answered right" against every other reply
      (answered wrong, answered where it should have declined, or declined);
      ``auc_answered``: the same over the replies that answered only, i.e. how well the
      confidence sorts the answers given;
    - ``overall``: (hits on answerable + abstentions on unanswerable) / all questions;
    - ``always_abstain``: the ``overall`` of a system that always declines (the share of
      unanswerable questions);
    - latency percentiles in milliseconds.
    """
    answerable = [r for r in results if r.case.answerable]
    unanswerable = [r for r in results if not r.case.answerable]
    answered = [r for r in results if not r.abstained]

    def mean(values: Iterable[float]) -> float | None:
        return metrics.mean(float(v) for v in values)

    abst = metrics.abstention_scores(
        [r.abstained for r in results], [not r.case.answerable for r in results]
    )
    good = sum(r.right for r in answerable) + sum(r.abstained for r in unanswerable)
    latencies = [r.latency_ms for r in results]
    return {
        "questions": len(results),
        "answerable": len(answerable),
        "exact_match": mean(r.exact_match for r in results),
        "f1": mean(r.f1 for r in results),
        "exact_match_answerable": mean(r.exact_match for r in answerable),
        "f1_answerable": mean(r.f1 for r in answerable),
        "hit": mean(r.right for r in answerable),
        "cite@1": mean(bool(r.cite_at_1) for r in answerable),
        "abstained_answerable": mean(r.abstained for r in answerable),
        "abstention_precision": abst.precision,
        "abstention_recall": abst.recall,
        "auc": metrics.roc_auc([r.p_right for r in results], [r.right for r in results]),
        "auc_answered": metrics.roc_auc([r.p_right for r in answered], [r.right for r in answered]),
        "overall": good / len(results) if results else None,
        "always_abstain": len(unanswerable) / len(results) if results else None,
        "latency_p50_ms": metrics.percentile(latencies, 50),
        "latency_p95_ms": metrics.percentile(latencies, 95),
        "reliability": reliability(answered),
    }


def reliability(answered: Sequence[SquadResult], bins: int = 10) -> list[dict[str, Any]]:
    """Predicted against observed: the answers given, in deciles of confidence, each with
    its count, mean confidence and share right (a calibrated engine has the two equal)."""
    out = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [
            r for r in answered if low <= r.p_right < high or (k == bins - 1 and r.p_right == 1.0)
        ]
        if inside:
            out.append(
                {
                    "from": low,
                    "to": high,
                    "answers": len(inside),
                    "predicted": sum(r.p_right for r in inside) / len(inside),
                    "observed": sum(r.right for r in inside) / len(inside),
                }
            )
    return out


def always_abstain(cases: Sequence[SquadCase]) -> dict[str, Any]:
    """The row of a system that declines every question (no latency)."""
    silent = Answer("The articles do not say.", False, "none", 1.0)
    row = aggregate([score(c, silent) for c in cases])
    row["latency_p50_ms"] = row["latency_p95_ms"] = None
    return row


# --- running ----------------------------------------------------------------------------------


@dataclass
class SquadRun:
    """One SQuAD file (or one split of it) asked of one system: the main results and, when
    asked for, the same questions with their article left out (``absent``)."""

    path: str
    split: str | None
    system: str
    results: list[SquadResult]
    absent: list[SquadResult] | None = None
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title
    blind: set[str] = field(default_factory=set)  # ids of articles shown only as aggregates

    @property
    def name(self) -> str:
        """The row's name: the file, and the split when one was asked."""
        return Path(self.path).name + (f" {self.split}" if self.split else "")

    def failures(self) -> list[SquadResult]:
        """Failed questions of non-blind articles, main row first, then the absent row."""
        rows = self.results + (self.absent or [])
        return [r for r in rows if r.failed and r.case.article not in self.blind]

    def by_article(self, results: Sequence[SquadResult]) -> dict[str, dict[str, Any]]:
        ids = list(dict.fromkeys(r.case.article for r in results))
        return {
            a: {"title": self.titles.get(a, a)}
            | aggregate([r for r in results if r.case.article == a])
            for a in ids
        }

    def to_dict(self) -> dict[str, Any]:
        """Every figure, per article too; every case, except those of blind articles, which
        are only counted (a blind set is looked at only as aggregates)."""
        rows = self.results + (self.absent or [])
        shown = [r for r in rows if r.case.article not in self.blind]
        data: dict[str, Any] = {
            "file": self.path,
            "split": self.split,
            "system": self.system,
            "overall": aggregate(self.results),
            "always_abstain": always_abstain([r.case for r in self.results]),
            "by_article": self.by_article(self.results),
        }
        if self.absent is not None:
            data["absent"] = {
                "overall": aggregate(self.absent),
                "by_article": self.by_article(self.absent),
            }
        data["cases"] = [r.to_dict() for r in shown]
        data["cases_withheld"] = len(rows) - len(shown)
        return data


def ask(engine: AnswerEngine, question: str, system: str = "engine") -> tuple[Answer, float]:
    """Ask one question (timed, in milliseconds); an exception becomes an "error" reply, so
    one broken question does not hide the others' scores."""
    start = time.perf_counter()
    try:
        answer = engine.baseline_ask(question) if system == "baseline" else engine.ask(question)
    except Exception as exc:
        answer = Answer(f"{type(exc).__name__}: {exc}", False, "error", 0.0)
    return answer, (time.perf_counter() - start) * 1000


def build_engine(articles: Sequence[Article], settings: Settings | None = None) -> AnswerEngine:
    """An engine over ``articles``, with the answer cache off so that every latency is that of
    working an answer out."""
    from qa.engine import Engine  # here, so that importing this module stays cheap

    return Engine(articles, settings or Settings.load({"answer_cache": 0}))


def evaluate_squad(
    squad: SquadSet,
    cases: Sequence[SquadCase],
    systems: Sequence[str] = ("engine",),
    absent: Sequence[SquadCase] | None = None,
    split: str | None = None,
    blind: Iterable[str] = (),
    settings: Settings | None = None,
    on_result: Callable[[SquadResult], None] | None = None,
) -> dict[str, SquadRun]:
    """Ask ``cases`` of an engine over all of ``squad``'s articles, once per system ("engine"
    or "baseline"); with ``absent`` (from :meth:`SquadSet.absent`), ask those too, each of an
    engine over every article but its own (built once per article, as building is the cost).

    Returns a :class:`SquadRun` per system. ``blind`` holds the article ids whose cases are
    shown only as aggregates. ``on_result`` is called after each reply (a progress bar).
    """
    titles = {a.id: a.title for a in squad.articles}

    def ask_all(engine: AnswerEngine, batch: Iterable[SquadCase]) -> dict[str, list[SquadResult]]:
        got: dict[str, list[SquadResult]] = {s: [] for s in systems}
        for case in batch:
            for system in systems:
                got[system].append(score(case, *ask(engine, case.question, system)))
                if on_result:
                    on_result(got[system][-1])
        return got

    main = ask_all(build_engine(squad.articles, settings), cases)
    runs = {
        s: SquadRun(
            squad.path, split, s, main[s], None if absent is None else [], titles, set(blind)
        )
        for s in systems
    }
    for article_id in dict.fromkeys(c.article for c in absent or ()):
        engine = build_engine(squad.without(article_id), settings)
        got = ask_all(engine, [c for c in absent or () if c.article == article_id])
        for s in systems:
            runs[s].absent = (runs[s].absent or []) + got[s]
    return runs


def combined(runs: Sequence[SquadRun]) -> dict[str, dict[str, Any]]:
    """The overall rows over several runs (files): ``main`` and, if any run has it, ``absent``."""
    out = {"main": aggregate([r for run in runs for r in run.results])}
    absent = [r for run in runs for r in run.absent or ()]
    if any(run.absent is not None for run in runs):
        out["absent"] = aggregate(absent)
    return out


def check_minimums(runs: Sequence[SquadRun], minimums: dict[str, float]) -> list[str]:
    """The ``squad.NAME`` / ``squad.absent.NAME`` thresholds the runs fall below, as messages
    (an unmeasured metric fails)."""
    rows = combined(runs) if runs else {}
    failed = []
    for name, minimum in minimums.items():
        row = "absent" if name.startswith("squad.absent.") else "main"
        value = rows.get(row, {}).get(name.rpartition(".")[2])
        if value is None:
            failed.append(f"{name} is not measured (no applicable questions), minimum {minimum:g}")
        elif value < minimum - 1e-12:
            failed.append(f"{name} = {value:.4g} is below the minimum {minimum:g}")
    return failed
