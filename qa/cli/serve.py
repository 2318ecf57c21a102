"""``qa serve``: the chat page and the JSON API under gunicorn, a production WSGI server."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import click

from qa.config import Settings

from .common import corpus_option, feedback_db_option, user_errors

DEFAULTS = Settings()


@click.command()
@click.option(
    "--host",
    default=None,
    envvar="QA_HOST",
    show_envvar=True,
    help=f"Address to listen on.  [default: {DEFAULTS.host}]",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    envvar="QA_PORT",
    show_envvar=True,
    help=f"Port to listen on.  [default: {DEFAULTS.port}]",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=None,
    envvar="QA_WORKERS",
    show_envvar=True,
    help=f"Worker processes.  [default: {DEFAULTS.workers}]",
)
@corpus_option
@feedback_db_option
@click.option(
    "--rate-limit",
    type=click.IntRange(0),
    default=None,
    envvar="QA_RATE_LIMIT",
    show_envvar=True,
    help="Requests a minute per client to /ask and /feedback; 0 is no limit.  [default: 0]",
)
@click.option(
    "--watch/--no-watch",
    default=None,
    envvar="QA_WATCH",
    show_envvar=True,
    help="Reload the corpus as soon as its folder changes, not only on SIGHUP.  [default: no]",
)
@user_errors
def serve(
    host: str | None,
    port: int | None,
    workers: int | None,
    corpus: Path | None,
    feedback_db: str | None,
    rate_limit: int | None,
    watch: bool | None,
) -> None:
    """Serve the chat page and the JSON API (/ask, /articles, /openapi.json).

    The articles are indexed once, before the workers start; each request is logged on
    stderr as one line: client, method, path, status and milliseconds. Each worker serves
    many connections at once (gevent), and a request must arrive whole within
    QA_REQUEST_TIMEOUT seconds.

    SIGHUP (or, with --watch, a change in the corpus folder) loads the articles again
    beside the ones serving, then replaces the workers without dropping a request. With
    QA_ADMIN_TOKEN set, PUT and DELETE /articles/<id> change the folder and do the same.
    """
    from qa.article_files import corpus_version, folder_signature
    from web import create_app  # here, so that other commands don't import Flask
    from web.server import CorpusReload, server

    overrides = {
        "host": host,
        "port": port,
        "workers": workers,
        "corpus": corpus,
        "feedback_db": feedback_db,
        "rate_limit": rate_limit,
        "watch": watch,
    }
    settings = Settings.load(overrides)
    _check_feedback_db(settings.feedback_db)
    logging.getLogger("web").setLevel(logging.INFO)  # one line per request (web.access)
    logging.getLogger("qa").setLevel(logging.INFO)  # "indexed N articles ..." at start
    config = {"QA_SETTINGS": {k: v for k, v in overrides.items() if v is not None}}
    loaded = folder_signature(settings.corpus)  # before reading it: a change meanwhile shows
    app = create_app(config)
    articles = app.extensions["qa_engine"].articles
    click.echo(
        f"Serving {len(articles)} articles (corpus version {corpus_version(articles)}) on "
        f"http://{settings.host}:{settings.port}/ (Ctrl-C to stop)",
        err=True,
    )
    reload = CorpusReload(lambda: create_app(config), settings.corpus, loaded, settings.watch)
    gunicorn = server(
        app, settings.host, settings.port, settings.workers, settings.request_timeout, reload
    )
    del app, articles  # a reload can then free this first index (the server has the app)
    gunicorn.run()


def _check_feedback_db(location: str) -> None:
    """Refuse to start on a PostgreSQL URL without psycopg, rather than answer every
    ``POST /feedback`` with 503. (Looked up, not imported: psycopg must be imported after a
    gevent worker patches the standard library, to give way to other requests.)"""
    from qa.errors import StorageError
    from qa.feedback import is_postgres_url, redact

    if is_postgres_url(location) and importlib.util.find_spec("psycopg_pool") is None:
        raise StorageError(
            "feedback storage on PostgreSQL needs psycopg: pip install 'newsqa[postgres]'",
            location=redact(location),
        )
