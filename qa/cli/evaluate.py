"""``qa eval``: score the engine (or the BM25 baseline) on test sets; a thin shell over
:mod:`qa.evaluate` (JSONL sets) and :mod:`qa.squad_eval` (SQuAD files) that prints a table per
kind, the failures, and writes the JSON report."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from qa.cases import CASE_TYPES, default_testsets, extra_corpora, load_cases
from qa.cli import squad_eval
from qa.cli.common import user_errors
from qa.cli.squad_eval import show
from qa.evaluate import METRICS, CaseResult, Report, check_thresholds, evaluate
from qa.squad_eval import SQUAD_METRICS, check_minimums

# (column title, metric key, how to show it)
_COLUMNS = [
    ("n", "cases", "int"),
    ("pass", "passed", "int"),
    ("EM", "exact_match", "pct"),
    ("F1", "f1", "pct"),
    ("Num", "numeric_accuracy", "pct"),
    ("CitP", "citation_precision", "pct"),
    ("CitR", "citation_recall", "pct"),
    ("AbsP", "abstention_precision", "pct"),
    ("AbsR", "abstention_recall", "pct"),
    ("R@1", "recall@1", "pct"),
    ("R@3", "recall@3", "pct"),
    ("MRR", "mrr", "pct"),
    ("p50ms", "latency_p50_ms", "ms"),
    ("p95ms", "latency_p95_ms", "ms"),
]


def format_table(report: Report) -> str:
    """Per-type rows, an overall row, then per-tag rows ("tag:typo"); rates in percent,
    latency in milliseconds."""
    rows = [(name, agg) for name, agg in report.by_type().items()]
    rows.append(("overall", report.overall()))
    rows += [(f"tag:{tag}", agg) for tag, agg in report.by_tag().items()]
    width = max(len(name) for name, _ in rows)
    head = f"{'type':<{width}}" + "".join(f"{title:>7}" for title, _, _ in _COLUMNS)
    lines = [head, "-" * len(head)]
    for name, agg in rows:
        if name == "overall":
            lines.append("-" * len(head))
        cells = "".join(f"{show(agg.get(key), kind):>7}" for _, key, kind in _COLUMNS)
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


def format_comparison(system: Report, baseline: Report) -> str:
    """Overall scores of the baseline and the system side by side, with the difference."""
    ours, base = system.overall(), baseline.overall()
    lines = [f"{'metric':<22}{'baseline':>10}{'system':>10}{'change':>10}"]
    for _title, key, kind in _COLUMNS[2:]:
        b, s = base.get(key), ours.get(key)
        diff = "-" if b is None or s is None else show(s - b, kind)
        if not diff.startswith("-"):
            diff = "+" + diff
        lines.append(f"{key:<22}{show(b, kind):>10}{show(s, kind):>10}{diff:>10}")
    return "\n".join(lines)


def _clip(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_failure(result: CaseResult) -> str:
    """A few lines a person can act on: the question, what was expected and what came back."""
    case, answer = result.case, result.answer
    why = "; ".join(result.problems + result.reasons)
    lines = [f"FAIL {case.id} [{case.type}] {why}  ({case.source})"]
    for turn in case.history:
        lines.append(f"  earlier: {_clip(turn.question)}")
    lines.append(f"  question: {case.question}")
    cite = ", ".join(case.cite) or "-"
    lines.append(f"  expected: {_clip(case.expected())}  cite: {cite}")
    if answer is not None:
        got = answer.answer if answer.answered else f"(abstained) {answer.answer}"
        if answer.short_answer:
            got = f"{answer.short_answer!r} in: {got}"
        lines.append(f"  got:      {_clip(got)}  [{answer.method}]")
        lines.append(f"  cited:    {', '.join(c.id for c in answer.citations) or '-'}")
    return "\n".join(lines)


def _metric_known(name: str) -> bool:
    """METRIC or TYPE.METRIC for the JSONL sets; squad.NAME or squad.absent.NAME for SQuAD."""
    for prefix in ("squad.absent.", "squad."):
        if name.startswith(prefix):
            return name[len(prefix) :] in SQUAD_METRICS
    group, _, metric = name.rpartition(".")
    return metric in METRICS and (not group or group in CASE_TYPES)


def _parse_minimums(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, float]:
    minimums = {}
    for item in values:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not _metric_known(name):
            raise click.BadParameter(
                f"{item!r}: expected METRIC=VALUE or TYPE.METRIC=VALUE with METRIC one of "
                + ", ".join(METRICS)
                + "; or squad.NAME=VALUE (squad.absent.NAME) with NAME one of "
                + ", ".join(SQUAD_METRICS),
                ctx=ctx,
                param=param,
            )
        raw = raw.strip()
        try:
            value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
        except ValueError:
            raise click.BadParameter(f"{item!r}: {raw!r} is not a number", ctx, param) from None
        minimums[name] = value
    return minimums


def _load_engines(corpora: tuple[Path, ...]) -> list[Any]:
    from qa.engine import Engine

    if corpora:
        return [Engine.from_corpus(p) for p in corpora]
    return [Engine.from_corpus(None)] + [Engine.from_corpus(p) for p in extra_corpora()]


def _run(
    cases: list[Any], engines: list[Any], baseline: bool, progress: bool | None, testsets: list[str]
) -> Report:
    label = "baseline" if baseline else "eval"
    disable = None if progress is None else not progress  # None: only on a terminal
    with tqdm(
        total=len(cases), desc=label, unit="case", file=sys.stderr, disable=disable, leave=False
    ) as bar:
        return evaluate(
            cases, engines, baseline=baseline, on_result=lambda _: bar.update(), testsets=testsets
        )


@click.command(name="eval")
@click.argument("testsets", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Corpus folder (repeatable). Default: the default corpus and each tests/data/*/ folder.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the full result (every case, every metric) as JSON to FILE.",
)
@click.option(
    "--min",
    "minimums",
    multiple=True,
    metavar="METRIC=VALUE",
    callback=_parse_minimums,
    help="Exit 1 when METRIC (overall, TYPE.METRIC, or squad.NAME) is below VALUE (0.9 or 90%). "
    "Repeatable.",
)
@click.option("--baseline", is_flag=True, help="Score the plain BM25 baseline instead.")
@click.option(
    "--compare", is_flag=True, help="Also run the baseline and print both overall side by side."
)
@click.option(
    "--split",
    metavar="NAME",
    help="Ask only the questions of this split of each SQuAD file (see --split-file).",
)
@click.option(
    "--split-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The SQuAD split file. Default: tests/testsets/squad-split.json.",
)
@click.option(
    "--absent",
    is_flag=True,
    help="Also ask each SQuAD question of a corpus without its own article (a second row: "
    "all of them should be declined).",
)
@click.option(
    "--absent-sample",
    type=click.IntRange(min=1),
    metavar="N",
    help="With --absent, ask only a fixed sample of N questions per file.",
)
@click.option("--failures/--no-failures", default=True, help="List each failed case.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a TTY)."
)
@user_errors
def evaluate_command(
    testsets: tuple[Path, ...],
    corpora: tuple[Path, ...],
    json_path: Path | None,
    minimums: dict[str, float],
    baseline: bool,
    compare: bool,
    split: str | None,
    split_file: Path | None,
    absent: bool,
    absent_sample: int | None,
    failures: bool,
    progress: bool | None,
) -> None:
    """Score answers on TESTSET files: JSONL test sets (default: the project's own) and
    SQuAD 1.1/2.0 files (.json), each kind in its own table.

    For JSONL sets it reports per question type and overall: exact match and token F1,
    numeric accuracy, citation precision and recall, abstention precision and recall,
    retrieval recall@1/@3 and MRR of the cited sentences, and latency p50/p95. For SQuAD
    files: SQuAD 2.0 EM and F1 (all and answerable questions), hit, cite@1, abstention
    precision and recall, ROC AUC of the confidence, overall, and latency.
    """
    squad_paths = [p for p in testsets if p.suffix.lower() == ".json"]
    jsonl_paths = [p for p in testsets if p not in squad_paths]
    if not testsets:
        jsonl_paths = default_testsets()
    if (split or absent or absent_sample or split_file) and not squad_paths:
        raise click.UsageError("--split, --split-file and --absent apply to SQuAD files (.json)")
    squad_minimums = {k: v for k, v in minimums.items() if k.startswith("squad.")}
    jsonl_minimums = {k: v for k, v in minimums.items() if k not in squad_minimums}
    data: dict[str, Any] = {}
    invalid = False
    failed = [f"{name} is not measured (no JSONL test set)" for name in jsonl_minimums]
    if jsonl_paths:
        invalid, failed = _evaluate_jsonl(
            jsonl_paths, corpora, baseline, compare, failures, progress, jsonl_minimums, data
        )
    squad_runs: list[Any] = []
    if squad_paths:
        if jsonl_paths:
            click.echo()
        squad_runs = _evaluate_squad(
            squad_paths,
            baseline,
            compare,
            failures,
            progress,
            data,
            split=split,
            split_file=split_file,
            absent=absent,
            absent_sample=absent_sample,
        )
    failed += check_minimums(squad_runs, squad_minimums)

    if json_path:
        data["thresholds"] = {"minimums": minimums, "failed": failed}
        json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    for message in failed:
        click.echo(f"below threshold: {message}", err=True)
    if invalid or failed:
        sys.exit(1)


def _evaluate_jsonl(
    paths: list[Path],
    corpora: tuple[Path, ...],
    baseline: bool,
    compare: bool,
    failures: bool,
    progress: bool | None,
    minimums: dict[str, float],
    data: dict[str, Any],
) -> tuple[bool, list[str]]:
    """Run the JSONL sets, print their table and failures, fill ``data`` with the JSON form.
    Returns whether a case was invalid, and the thresholds missed."""
    cases = load_cases(paths)
    engines = _load_engines(corpora)
    names = [str(p) for p in paths]
    report = _run(cases, engines, baseline, progress, names)
    other = _run(cases, engines, not baseline, progress, names) if compare else None

    click.echo(f"{report.system} on {len(cases)} cases from {', '.join(names)}")
    click.echo(format_table(report))
    if other is not None:
        click.echo()
        system, base = (other, report) if baseline else (report, other)
        click.echo(format_comparison(system, base))
    if failures and report.failures:
        click.echo(f"\n{len(report.failures)} failure(s):")
        for result in report.failures:
            click.echo(format_failure(result))

    data.update(report.to_dict())
    if other is not None:
        data[other.system] = other.to_dict()
    if report.invalid:
        click.echo(f"\n{len(report.invalid)} invalid case(s) in the test set:", err=True)
        for r in report.invalid:
            click.echo(f"  {r.case.id} ({r.case.source}): {'; '.join(r.problems)}", err=True)
    return bool(report.invalid), check_thresholds(report, minimums)


def _evaluate_squad(
    paths: list[Path],
    baseline: bool,
    compare: bool,
    failures: bool,
    progress: bool | None,
    data: dict[str, Any],
    *,
    split: str | None,
    split_file: Path | None,
    absent: bool,
    absent_sample: int | None,
) -> list[Any]:
    """Run the SQuAD files, print their table, comparison and failures, and fill ``data``.
    Returns the main system's runs."""
    systems = ("baseline", "engine") if baseline else ("engine", "baseline")
    started = time.perf_counter()
    runs = squad_eval.run_files(
        paths,
        systems if compare else systems[:1],
        split,
        split_file,
        absent or absent_sample is not None,
        absent_sample,
        progress,
    )
    seconds = time.perf_counter() - started
    primary = runs[systems[0]]
    asked = sum(len(r.results) for r in primary)
    which = f", split {split}" if split else ""
    names = ", ".join(map(str, paths))
    click.echo(f"{systems[0]} on {asked} SQuAD questions from {names}{which} ({seconds:.0f} s)")
    click.echo(squad_eval.format_table(primary))
    if compare:
        click.echo()
        click.echo(squad_eval.format_comparison(runs["engine"], runs["baseline"]))
    squad_eval.report(primary, failures)
    data.setdefault("system", systems[0])
    data["squad"] = squad_eval.to_dict(primary)
    if compare:
        data.setdefault(systems[1], {})["squad"] = squad_eval.to_dict(runs[systems[1]])
    return primary
