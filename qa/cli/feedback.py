"""``qa feedback list`` and ``qa feedback export``: what people said, as test-set cases."""

from __future__ import annotations

import json
import textwrap
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from qa.config import Settings
from qa.feedback import Abstention, Feedback, FeedbackStore, store_from_settings
from qa.feedback_cases import cases_from_feedback

from .common import dump, feedback_db_option, user_errors


def open_store(feedback_db: str | None) -> FeedbackStore:
    return store_from_settings(Settings.load({"feedback_db": feedback_db}))


@click.group(name="feedback")
def feedback_group() -> None:
    """Feedback people gave on answers, and the questions with no answer, as test cases."""


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_feedback(fb: Feedback) -> str:
    when = (fb.created_at or "").replace("T", " ")[:16]
    lines = [f"#{fb.id}  {when}  {fb.verdict.replace('_', ' ')}", f"  Q: {_clip(fb.question)}"]
    lines.append(f"  A: {_clip(fb.answer)}")
    if fb.correct_answer:
        lines.append(f"  right answer: {_clip(fb.correct_answer)}")
    if fb.comment:
        lines.append(
            textwrap.fill(
                f"comment: {fb.comment}", 100, initial_indent="  ", subsequent_indent="    "
            )
        )
    if fb.citations:
        lines.append(f"  cited: {', '.join(fb.citations)}")
    return "\n".join(lines)


def format_abstentions(gaps: list[Abstention]) -> str:
    width = max(len(str(g.count)) for g in gaps)
    return "\n".join(f"  {g.count:>{width}}×  {_clip(g.question)}" for g in gaps)


@feedback_group.command(name="list")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Show the most recent N feedback records and the N most asked gaps.",
)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@feedback_db_option
@user_errors
def list_command(limit: int, as_json: bool, feedback_db: str | None) -> None:
    """Recent feedback, then the questions the service abstained on, most frequent first."""
    with closing(open_store(feedback_db)) as store:
        _list(store, limit, as_json)


def _list(store: FeedbackStore, limit: int, as_json: bool) -> None:
    records = store.feedback(limit)
    gaps = store.abstentions(limit)
    if as_json:
        dump(
            {"feedback": [fb.to_dict() for fb in records], "abstained": [g.to_dict() for g in gaps]}
        )
        return
    if not records and not gaps:
        click.echo(f"No feedback yet in {store.location}.")
        return
    total = store.count()
    click.echo(
        f"Feedback ({len(records)} of {total}, oldest first):" if records else "No feedback yet."
    )
    for fb in records:
        click.echo(format_feedback(fb))
    if gaps:
        click.echo("\nAbstained on (the gaps in the corpus, most frequent first):")
        click.echo(format_abstentions(gaps))
    made = cases_from_feedback(store.feedback(), store.abstentions())
    click.echo(
        f"\n{len(made['cases'])} test case(s) ready and {len(made['candidates'])} candidate(s) "
        "to review: qa feedback export [--candidates]"
    )


@feedback_group.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one case a line, a test set for qa eval. json: cases, candidates "
    "and the abstained questions in one document.",
)
@click.option(
    "--candidates",
    is_flag=True,
    help="jsonl: also write the candidates (they carry a 'review' field, and "
    "qa eval refuses them until it is removed).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
@feedback_db_option
@user_errors
def export_command(
    fmt: str, candidates: bool, output: Path | None, feedback_db: str | None
) -> None:
    """Feedback as test-set cases in the evaluation format, for qa eval.

    A "not helpful" or "right passage, wrong answer" verdict with the right answer becomes a
    case with that answer; wrong answers without one, and questions the service abstained
    on, become candidates to review.
    """
    with closing(open_store(feedback_db)) as store:
        gaps = store.abstentions()
        made = cases_from_feedback(store.feedback(), gaps)
    if fmt == "json":
        document: Any = {**made, "abstained": [g.to_dict() for g in gaps]}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        rows = made["cases"] + (made["candidates"] if candidates else [])
        text = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in rows)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    left_out = "" if candidates or fmt == "json" else " (left out; add --candidates)"
    click.echo(
        f"{len(made['cases'])} case(s), {len(made['candidates'])} candidate(s) to review"
        f"{left_out}" + (f"; written to {output}" if output else ""),
        err=True,
    )
