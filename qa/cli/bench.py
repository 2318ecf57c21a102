"""``qa bench``: time answers, the HTTP server and BM25 at scale (a shell over :mod:`qa.bench`)."""

from __future__ import annotations

from pathlib import Path

import click

from .common import corpus_option, user_errors

SECTIONS = ("answers", "http", "scale", "numeric", "corpus")


@click.command("bench")
@click.option("--quick", is_flag=True, help="Small loads and sizes: a check that it runs.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("bench-results") / "bench.json",
    show_default=True,
    help="Write the results here as JSON.",
)
@click.option(
    "--sections",
    default=",".join(SECTIONS),
    show_default=True,
    help="Comma-separated sections to run.",
)
@click.option(
    "--articles",
    type=click.IntRange(1),
    default=1000,
    show_default=True,
    help="Articles in the corpus section's corpus (--quick: 30).",
)
@corpus_option
@user_errors
def bench(quick: bool, json_path: Path, sections: str, articles: int, corpus: Path | None) -> None:
    """Measure answer latency, POST /ask against GET /healthz under qa serve, BM25 on
    generated corpora of 1,000 to 100,000 passages beside rank_bm25, and qa serve on a corpus
    of 1,000 articles (start-up, memory, /ask, a reload); print a table.

    The corpus section parses every sentence of its corpus once (minutes on two cores)."""
    from qa.bench import format_table, run, write_json

    chosen = [s.strip() for s in sections.split(",") if s.strip()]
    results = run(
        chosen, quick, corpus, progress=lambda msg: click.echo(msg, err=True), articles=articles
    )
    write_json(results, json_path)
    click.echo(format_table(results))
    click.echo(f"\nJSON: {json_path}")
