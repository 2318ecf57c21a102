"""The SQuAD half of ``qa eval``: run SQuAD files through :mod:`qa.squad_eval`, print their
table (or the comparison with the baseline and always declining) and the failed questions."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from qa.squad import DEFAULT_SPLIT_FILE, Splits, load_splits, load_squad
from qa.squad_eval import SquadResult, SquadRun, always_abstain, combined, evaluate_squad

# (column title, metric key, how to show it)
COLUMNS = [
    ("n", "questions", "int"),
    ("ans", "answerable", "int"),
    ("EM", "exact_match", "pct"),
    ("F1", "f1", "pct"),
    ("EMans", "exact_match_answerable", "pct"),
    ("F1ans", "f1_answerable", "pct"),
    ("hit", "hit", "pct"),
    ("cite@1", "cite@1", "pct"),
    ("AbsP", "abstention_precision", "pct"),
    ("AbsR", "abstention_recall", "pct"),
    ("AUC", "auc", "ratio"),
    ("overall", "overall", "pct"),
    ("abstain", "always_abstain", "pct"),
    ("p50ms", "latency_p50_ms", "ms"),
    ("p95ms", "latency_p95_ms", "ms"),
]
# The rows of --compare: the table's figures, and two that only a comparison needs.
COMPARED = [
    ("exact_match", "pct"),
    ("f1", "pct"),
    ("exact_match_answerable", "pct"),
    ("f1_answerable", "pct"),
    ("hit", "pct"),
    ("abstained_answerable", "pct"),
    ("cite@1", "pct"),
    ("abstention_precision", "pct"),
    ("abstention_recall", "pct"),
    ("auc", "ratio"),
    ("auc_answered", "ratio"),
    ("overall", "pct"),
    ("latency_p50_ms", "ms"),
    ("latency_p95_ms", "ms"),
]
ABSENT = ", article not loaded"


def show(value: Any, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "int":
        return str(value)
    if kind == "ms":
        return f"{value:.1f}"
    if kind == "ratio":
        return f"{value:.3f}"
    return f"{100 * value:.1f}"


def rows(runs: Sequence[SquadRun]) -> list[tuple[str, dict[str, Any], list[Any]]]:
    """(name, figures, the questions) of each run's main row and absent row, then overall rows
    when there are several files."""
    out = []
    for run in runs:
        out.append((run.name, combined([run])["main"], [r.case for r in run.results]))
        if run.absent is not None:
            out.append((run.name + ABSENT, combined([run])["absent"], [r.case for r in run.absent]))
    if len(runs) > 1:
        both = combined(runs)
        cases = [r.case for run in runs for r in run.results]
        out.append(("all SQuAD files", both["main"], cases))
        if "absent" in both:
            absent = [r.case for run in runs for r in run.absent or ()]
            out.append(("all SQuAD files" + ABSENT, both["absent"], absent))
    return out


def format_table(runs: Sequence[SquadRun]) -> str:
    """One row per file (and split), one per absent-article run; rates in percent, AUC as a
    fraction, latency in milliseconds. "abstain" is the overall of always declining."""
    table = rows(runs)
    width = max(len(name) for name, _, _ in table)
    head = f"{'SQuAD':<{width}}" + "".join(f"{title:>8}" for title, _, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, figures, _ in table:
        cells = "".join(f"{show(figures.get(key), kind):>8}" for _, key, kind in COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


def format_comparison(system: Sequence[SquadRun], baseline: Sequence[SquadRun]) -> str:
    """Per row: always declining, the baseline and the system side by side."""
    blocks = []
    for (name, ours, cases), (_, base, _) in zip(rows(system), rows(baseline), strict=True):
        silent = always_abstain(cases)
        lines = [
            name,
            f"  {'metric':<24}{'abstain':>10}{'baseline':>10}{'system':>10}{'change':>10}",
        ]
        for key, kind in COMPARED:
            b, s = base.get(key), ours.get(key)
            diff = "-" if b is None or s is None else show(s - b, kind)
            if not diff.startswith("-"):
                diff = "+" + diff
            cells = [show(silent.get(key), kind), show(b, kind), show(s, kind), diff]
            lines.append(f"  {key:<24}" + "".join(f"{c:>10}" for c in cells))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _clip(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_failure(result: SquadResult, titles: dict[str, str]) -> str:
    """The question, what was expected, what came back and what was cited."""
    case, answer = result.case, result.answer
    if not case.article_loaded:
        why = "answered although its article is not loaded"
    elif not case.answerable:
        why = "answered an unanswerable question"
    elif result.abstained:
        why = "abstained"
    else:
        why = "no gold answer in the reply"
    lines = [f"FAIL {case.id} [{titles.get(case.article, case.article)}] {why}"]
    lines.append(f"  question: {case.question}")
    expected = " | ".join(case.answers) if case.answerable else "(abstain)"
    lines.append(f"  expected: {_clip(expected)}")
    got = answer.answer if answer.answered else f"(abstained) {answer.answer}"
    if answer.short_answer:
        got = f"{answer.short_answer!r} in: {got}"
    lines.append(f"  got:      {_clip(got)}  [{answer.method}, {result.p_right:.2f}]")
    lines.append(f"  cited:    {', '.join(c.id for c in answer.citations) or '-'}")
    return "\n".join(lines)


def run_files(
    paths: Sequence[Path],
    systems: Sequence[str],
    split: str | None,
    split_file: Path | None,
    absent: bool,
    absent_sample: int | None,
    progress: bool | None,
) -> dict[str, list[SquadRun]]:
    """Every SQuAD file through each system; returns the runs per system, in file order."""
    splits = _splits(split_file, required=split is not None)
    loaded = []
    for path in paths:
        squad = load_squad(path)
        cases = list(squad.cases)
        if split:
            assert splits is not None  # required above
            cases = squad.split(split, splits)
        blind = squad.blind_articles(splits) if splits else set()
        extra = squad.absent(cases, absent_sample) if absent else None
        loaded.append((squad, cases, extra, blind))
    total = sum(len(c) + len(e or ()) for _, c, e, _ in loaded) * len(systems)
    disable = None if progress is None else not progress  # None: only on a terminal
    runs: dict[str, list[SquadRun]] = {s: [] for s in systems}
    bar_options = {"desc": "squad", "unit": "q", "file": sys.stderr, "leave": False}
    with tqdm(total=total, disable=disable, **bar_options) as bar:
        for squad, cases, extra, blind in loaded:
            got = evaluate_squad(
                squad, cases, systems, extra, split, blind, on_result=lambda _: bar.update()
            )
            for system, run in got.items():
                runs[system].append(run)
    return runs


def _splits(path: Path | None, required: bool) -> Splits | None:
    """The split file: the one given, else the project's own when it exists."""
    if path is None and not required and not DEFAULT_SPLIT_FILE.exists():
        return None
    return load_splits(path or DEFAULT_SPLIT_FILE)


def report(runs: Sequence[SquadRun], failures: bool) -> None:
    """Print the failed questions of the runs, leaving out those of blind articles."""
    if not failures:
        return
    for run in runs:
        failed = run.failures()
        withheld = sum(
            r.failed and r.case.article in run.blind for r in run.results + (run.absent or [])
        )
        if failed:
            click.echo(f"\n{len(failed)} failure(s) in {run.name}:")
            for result in failed:
                click.echo(format_failure(result, run.titles))
        if withheld:
            click.echo(
                f"\n{withheld} failure(s) on blind articles of {run.name} are not shown "
                "(a blind set is looked at only as aggregates)."
            )


def to_dict(runs: Sequence[SquadRun]) -> dict[str, Any]:
    return {"files": [run.to_dict() for run in runs], "overall": combined(runs)}
