"""``qa ask``, ``qa chat``, ``qa sentences``, ``qa passages``."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from qa.errors import QAError
from qa.types import Answer, Turn

from .common import corpus_option, dump, load_engine, user_errors


def format_answer(result: Answer) -> str:
    """The answer for a terminal: the reply, its working, then numbered citations."""
    lines = [result.answer]
    if result.derivation:
        lines += ["", "How:", textwrap.indent(result.derivation, "  ")]
    for n, c in enumerate(result.citations, 1):
        lines.append(textwrap.fill(f"[{n}] {c.text}", width=100, subsequent_indent="    "))
        lines.append(f"    ({c.id}, characters {c.start}-{c.end})")
    lines.append(f"({result.method}, confidence {result.confidence:.2f})")
    return "\n".join(lines)


@click.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (the /ask body).")
@corpus_option
@user_errors
def ask(question: str, as_json: bool, corpus: Path | None) -> None:
    """Answer one QUESTION about the articles, with numbered citations."""
    engine = load_engine(corpus)
    result = engine.ask(question)
    if as_json:
        dump(result.to_dict())
    else:
        click.echo(format_answer(result))


@click.command()
@corpus_option
@user_errors
def chat(corpus: Path | None) -> None:
    """A conversation in the terminal: follow-up questions see the earlier turns.

    An empty line or Ctrl-D ends it; "/reset" forgets the conversation so far.
    """
    engine = load_engine(corpus)
    history: list[Turn] = []
    titles = ", ".join(a.title for a in engine.articles)
    click.echo(f"Ask about: {titles}. Empty line to quit, /reset to start over.")
    while True:
        try:
            question = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            break
        if not question:
            break
        if question == "/reset":
            history = []
            click.echo("(conversation cleared)")
            continue
        try:
            result = engine.ask(question, history)
        except QAError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        click.echo(format_answer(result))
        history = [*history, Turn(question, result.answer)][-engine.settings.max_history_turns :]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--article", default=None, help="Only this article id.")
@corpus_option
@user_errors
def sentences(as_json: bool, article: str | None, corpus: Path | None) -> None:
    """Print the sentences the cleaner and splitter produced, with ids and offsets."""
    engine = load_engine(corpus)
    rows = [s for s in engine.sentences if article is None or s.article == article]
    if article is not None and not rows:
        raise QAError(f"no article with id {article!r}")
    if as_json:
        dump([s.to_dict() for s in rows])
        return
    for s in rows:
        click.echo(f"{s.id}\t{s.start}-{s.end}\t{s.text}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@corpus_option
@user_errors
def passages(as_json: bool, corpus: Path | None) -> None:
    """Print the passages BM25 indexes, with the sentences each holds."""
    engine = load_engine(corpus)
    if as_json:
        dump([p.to_dict() for p in engine.passages])
        return
    for p in engine.passages:
        click.echo(f"{p.id}\t{','.join(s.split(':')[-1] for s in p.sentence_ids)}\t{p.text}")
