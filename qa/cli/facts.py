"""``qa facts``: every numeric fact the engine read from the articles."""

from __future__ import annotations

from pathlib import Path

import click

from qa.facts import Fact

from .common import corpus_option, dump, load_engine, user_errors


def format_fact(fact: Fact) -> str:
    """One fact as a short block: id, value and unit as written, what it measures, whose, when."""
    d = fact.to_dict()
    parts = [f"{d['id']}  {d['surface']!r}  = {d['value']} {d['unit'] or ''}".rstrip()]
    for key in ("kind", "measure", "owner", "qualifier"):
        if d[key]:
            parts.append(f"{key}: {d[key]}")
    if d["time"]:
        parts.append(f"time: {d['time']} ({d['time_kind']})")
    elif d["time_kind"]:
        parts.append(f"time: {d['time_kind']}")
    if d["change"]:
        c = d["change"]
        basis = f" {c['basis']}" if c["basis"] else ""
        parts.append(f"change: {c['direction']} {c['value']} {c['unit']}{basis}")
    for key in ("change_of", "part_of", "equivalent_of", "rate"):
        if d[key]:
            parts.append(f"{key.replace('_', ' ')}: {d[key]}")
    parts.append(f"[{d['sentence']}, characters {d['start']}-{d['end']}]")
    return "\n    ".join(parts)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the facts as a JSON list.")
@corpus_option
@user_errors
def facts(as_json: bool, corpus: Path | None) -> None:
    """List the numeric facts read from the articles (value, unit, measure, owner, time)."""
    engine = load_engine(corpus)
    if as_json:
        dump([f.to_dict() for f in engine.facts])
        return
    for fact in engine.facts:
        click.echo(format_fact(fact))
