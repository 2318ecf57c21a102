"""Evaluation: run every case of a test set through the engine, score and aggregate.

A test set is a JSONL file of cases (:mod:`qa.cases`). Cases go
through the same :meth:`Engine.ask` that ``/ask`` calls, or through the plain BM25 baseline;
:func:`evaluate` returns a :class:`Report` with per-case scores, per-type and overall
aggregates and a JSON form. Nothing here prints: the CLI (``qa eval``) does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from qa import metrics
from qa.cases import CASE_TYPES, Case
from qa.types import Answer, Article, Sentence, Turn

METRICS = (
    "exact_match",
    "f1",
    "numeric_accuracy",
    "citation_precision",
    "citation_recall",
    "abstention_precision",
    "abstention_recall",
    "recall@1",
    "recall@3",
    "mrr",
    "latency_p50_ms",
    "latency_p95_ms",
)

# --- running ----------------------------------------------------------------------------------


class AnswerEngine(Protocol):
    """What the evaluation needs of an engine (:class:`qa.engine.Engine` is one)."""

    @property
    def sentences(self) -> Sequence[Sentence]: ...

    @property
    def articles(self) -> Sequence[Article]: ...

    def ask(self, question: str, history: Sequence[Turn] = ...) -> Answer: ...

    def baseline_ask(self, question: str) -> Answer:
        """The plain baseline: the top BM25 sentence as the answer; no rules, no abstention."""
        ...


@dataclass(frozen=True)
class CaseResult:
    """One case, what came back, and its scores (None where a metric does not apply)."""

    case: Case
    answer: Answer | None
    latency_ms: float
    problems: tuple[str, ...] = ()  # the case itself is wrong (e.g. unknown sentence id)
    exact_match: float | None = None
    f1: float | None = None
    numeric: bool | None = None
    citation_precision: float | None = None
    citation_recall: float | None = None
    recall_at_1: float | None = None
    recall_at_3: float | None = None
    reciprocal_rank: float | None = None
    reasons: tuple[str, ...] = ()  # why it failed; empty when it passed

    @property
    def abstained(self) -> bool:
        """Declined to answer (an engine error is not an abstention)."""
        a = self.answer
        return a is not None and not a.answered and a.method != "error"

    @property
    def passed(self) -> bool:
        return not self.problems and not self.reasons

    def to_dict(self) -> dict[str, Any]:
        a = self.answer
        return {
            "id": self.case.id,
            "type": self.case.type,
            "tags": list(self.case.tags),
            "question": self.case.question,
            "history": [{"question": t.question, "answer": t.answer} for t in self.case.history],
            "expected": self.case.expected(),
            "expected_cite": list(self.case.cite),
            "answer": a.answer if a else None,
            "short_answer": a.short_answer if a else None,
            "answered": bool(a and a.answered),
            "method": a.method if a else None,
            "confidence": a.confidence if a else None,
            "cited": [c.id for c in a.citations] if a else [],
            "ranked": list(a.ranked[:5]) if a else [],
            "latency_ms": round(self.latency_ms, 3),
            "exact_match": self.exact_match,
            "f1": None if self.f1 is None else round(self.f1, 4),
            "numeric": self.numeric,
            "citation_precision": self.citation_precision,
            "citation_recall": self.citation_recall,
            "recall@1": self.recall_at_1,
            "recall@3": self.recall_at_3,
            "reciprocal_rank": self.reciprocal_rank,
            "passed": self.passed,
            "reasons": list(self.reasons),
            "problems": list(self.problems),
        }


def case_problems(case: Case, sentence_ids: set[str], article_ids: set[str]) -> list[str]:
    """What makes a case unusable against this corpus: an unknown article or sentence id."""
    problems = []
    if case.article not in article_ids:
        problems.append(f"article {case.article!r} is not in the corpus")
    for requirement in case.cite + case.cite_ok:
        for sid in sorted(metrics.alternatives(requirement)):
            if sid not in sentence_ids:
                problems.append(f"cited sentence {sid!r} does not exist in the corpus")
    return problems


def score_case(case: Case, answer: Answer, latency_ms: float) -> CaseResult:
    """Score one answer against its case; ``reasons`` says what a person would call wrong."""
    cited = [c.id for c in answer.citations]
    reasons: list[str] = []
    scores: dict[str, Any] = {}
    if not case.answerable:
        if answer.answered:
            reasons.append("answered an unanswerable question")
            scores["citation_precision"] = 0.0 if cited else None
        return CaseResult(case, answer, latency_ms, reasons=tuple(reasons), **scores)
    if not answer.answered:
        reasons.append("abstained")
    if case.answers:
        prediction = answer.short_answer if answer.short_answer is not None else answer.answer
        scores["exact_match"] = metrics.exact_match(prediction, case.answers)
        scores["f1"] = metrics.token_f1(prediction, case.answers)
        if answer.answered and not scores["exact_match"]:
            reasons.append("text does not match")
    if case.number:
        scores["numeric"] = answer.answered and case.number.matches(answer.answer)
        if answer.answered and not scores["numeric"]:
            reasons.append("wrong number or unit")
    if cited:
        scores["citation_precision"] = metrics.citation_precision(cited, case.cite, case.cite_ok)
    scores["citation_recall"] = metrics.citation_recall(cited, case.cite)
    if answer.answered and scores["citation_recall"] < 1:
        reasons.append("missing citation")
    scores["recall_at_1"] = metrics.recall_at_k(answer.ranked, case.cite, 1)
    scores["recall_at_3"] = metrics.recall_at_k(answer.ranked, case.cite, 3)
    scores["reciprocal_rank"] = metrics.reciprocal_rank(answer.ranked, case.cite)
    return CaseResult(case, answer, latency_ms, reasons=tuple(reasons), **scores)


def aggregate(results: Sequence[CaseResult]) -> dict[str, Any]:
    """Means of the per-case scores over the cases where each applies, abstention P/R and
    latency percentiles. Invalid cases are left out."""
    valid = [r for r in results if not r.problems]

    def avg(name: str) -> float | None:
        return metrics.mean(float(v) for r in valid if (v := getattr(r, name)) is not None)

    abst = metrics.abstention_scores(
        [r.abstained for r in valid], [not r.case.answerable for r in valid]
    )
    latencies = [r.latency_ms for r in valid]
    return {
        "cases": len(valid),
        "passed": sum(r.passed for r in valid),
        "exact_match": avg("exact_match"),
        "f1": avg("f1"),
        "numeric_accuracy": avg("numeric"),
        "citation_precision": avg("citation_precision"),
        "citation_recall": avg("citation_recall"),
        "abstention_precision": abst.precision,
        "abstention_recall": abst.recall,
        "recall@1": avg("recall_at_1"),
        "recall@3": avg("recall_at_3"),
        "mrr": avg("reciprocal_rank"),
        "latency_p50_ms": metrics.percentile(latencies, 50),
        "latency_p95_ms": metrics.percentile(latencies, 95),
    }


@dataclass
class Report:
    """The outcome of one evaluation run."""

    system: str  # "engine" or "baseline"
    results: list[CaseResult]
    testsets: list[str] = field(default_factory=list)

    @property
    def invalid(self) -> list[CaseResult]:
        return [r for r in self.results if r.problems]

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.passed]

    def overall(self) -> dict[str, Any]:
        return aggregate(self.results)

    def by_type(self) -> dict[str, dict[str, Any]]:
        types = [t for t in CASE_TYPES if any(r.case.type == t for r in self.results)]
        return {t: aggregate([r for r in self.results if r.case.type == t]) for t in types}

    def by_tag(self) -> dict[str, dict[str, Any]]:
        tags = sorted({t for r in self.results for t in r.case.tags})
        return {t: aggregate([r for r in self.results if t in r.case.tags]) for t in tags}

    def metric(self, name: str) -> float | None:
        """An overall metric ("f1") or a per-type one ("numeric_derived.f1")."""
        group, _, metric = name.rpartition(".")
        table = self.by_type().get(group, {}) if group else self.overall()
        if metric not in METRICS and metric not in ("cases", "passed"):
            raise KeyError(name)
        value = table.get(metric)
        return None if value is None else float(value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "testsets": self.testsets,
            "overall": self.overall(),
            "by_type": self.by_type(),
            "by_tag": self.by_tag(),
            "invalid": [
                {"id": r.case.id, "source": r.case.source, "problems": list(r.problems)}
                for r in self.invalid
            ],
            "cases": [r.to_dict() for r in self.results],
        }


def run_case(engine: AnswerEngine, case: Case, baseline: bool = False) -> CaseResult:
    """Ask one case (timed) and score the answer; an exception fails the case, not the run."""
    start = time.perf_counter()
    try:
        if baseline:
            answer = engine.baseline_ask(case.question)
        else:
            answer = engine.ask(case.question, case.history)
    except Exception as exc:  # one broken case must not hide the others' scores
        latency_ms = (time.perf_counter() - start) * 1000
        error = Answer(f"{type(exc).__name__}: {exc}", False, "error", 0.0)
        return CaseResult(case, error, latency_ms, reasons=(f"engine error: {error.answer}",))
    latency_ms = (time.perf_counter() - start) * 1000
    return score_case(case, answer, latency_ms)


def evaluate(
    cases: Sequence[Case],
    engines: Sequence[AnswerEngine],
    baseline: bool = False,
    on_result: Callable[[CaseResult], None] | None = None,
    testsets: Sequence[str] = (),
) -> Report:
    """Run every case through the engine holding its article and score it.

    ``engines`` are tried in order for each case's article (the first that has it answers),
    so cases of several corpora can be run at once. With ``baseline`` the plain BM25 baseline
    answers instead (follow-ups get their question alone). ``on_result`` is called after each
    case, e.g. to move a progress bar.
    """
    sentence_ids = {s.id for e in engines for s in e.sentences}
    owner: dict[str, AnswerEngine] = {}
    for engine in engines:
        for article in engine.articles:
            owner.setdefault(article.id, engine)
    results = []
    for case in cases:
        problems = case_problems(case, sentence_ids, set(owner))
        chosen = owner.get(case.article)
        if chosen is None:
            result = CaseResult(case, None, 0.0, problems=tuple(problems))
        else:
            result = replace(run_case(chosen, case, baseline), problems=tuple(problems))
        results.append(result)
        if on_result:
            on_result(result)
    return Report("baseline" if baseline else "engine", results, list(testsets))


def check_thresholds(report: Report, minimums: Mapping[str, float]) -> list[str]:
    """The thresholds the report falls below, as messages (an unmeasured metric fails)."""
    failed = []
    for name, minimum in minimums.items():
        value = report.metric(name)
        if value is None:
            failed.append(f"{name} is not measured (no applicable cases), minimum {minimum:g}")
        elif value < minimum - 1e-12:
            failed.append(f"{name} = {value:.4g} is below the minimum {minimum:g}")
    return failed
