"""``qa``: the command line. Each command is a thin call into the engine (:mod:`qa.engine`)."""

from __future__ import annotations

import logging
import sys

import click

from qa import __version__

from .ask import ask, chat, passages, sentences
from .bench import bench
from .evaluate import evaluate_command
from .facts import facts
from .feedback import feedback_group
from .serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qa")
@click.option("-v", "--verbose", is_flag=True, help="Log what the engine does to stderr.")
def main(verbose: bool) -> None:
    """Ask questions about the news articles in a corpus folder.

    The corpus is the folder given by --corpus, else $QA_CORPUS, else ./corpus.
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


for command in (
    ask,
    chat,
    sentences,
    passages,
    facts,
    evaluate_command,
    feedback_group,
    bench,
    serve,
):
    main.add_command(command)
