"""What every command shares: the --corpus option and turning engine errors into one line."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from qa.errors import QAError, StorageError

F = TypeVar("F", bound=Callable[..., Any])

corpus_option = click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    envvar="QA_CORPUS",
    show_envvar=True,
    help="Folder of articles (.txt, .md, .html). Default: ./corpus.",
)

feedback_db_option = click.option(
    "--feedback-db",
    metavar="PATH|URL",
    default=None,
    envvar="QA_FEEDBACK_DB",
    show_envvar=True,
    help="Where feedback on answers is kept: an SQLite file, or a PostgreSQL URL "
    "(postgresql://user:password@host/db). "
    "Default: ~/.local/share/newsqa/feedback.sqlite3.",
)


def user_errors(func: F) -> F:
    """Print a QAError (or a bad setting) as one line on stderr and exit 1, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorageError as exc:  # the operator is told where the storage is
            click.echo(f"qa: error: {exc.for_operator()}", err=True)
            sys.exit(1)
        except (QAError, ValueError, OSError) as exc:
            click.echo(f"qa: error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def load_engine(corpus: Path | None) -> Any:
    """Build the engine for ``corpus`` (imported here so ``qa --help`` stays fast)."""
    from qa.engine import Engine

    return Engine.from_corpus(corpus)


def dump(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
