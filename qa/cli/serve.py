"""``qa serve``: the chat page and the JSON API under gunicorn, a production WSGI server."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click
from gunicorn.app.base import BaseApplication

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
@user_errors
def serve(
    host: str | None,
    port: int | None,
    workers: int | None,
    corpus: Path | None,
    feedback_db: Path | None,
    rate_limit: int | None,
) -> None:
    """Serve the chat page and the JSON API (/ask, /articles, /openapi.json).

    The articles are indexed once, before the workers start; each request is logged on
    stderr as one line: client, method, path, status and milliseconds.
    """
    from web import create_app  # here, so that other commands don't import Flask

    overrides = {
        "host": host,
        "port": port,
        "workers": workers,
        "corpus": corpus,
        "feedback_db": feedback_db,
        "rate_limit": rate_limit,
    }
    settings = Settings.load(overrides)
    logging.getLogger("web").setLevel(logging.INFO)  # one line per request (web.access)
    logging.getLogger("qa").setLevel(logging.INFO)  # "indexed N articles ..." at start
    app = create_app({"QA_SETTINGS": {k: v for k, v in overrides.items() if v is not None}})
    click.echo(
        f"Serving {len(app.extensions['qa_engine'].articles)} articles on "
        f"http://{settings.host}:{settings.port}/ (Ctrl-C to stop)",
        err=True,
    )
    Server(
        app,
        {
            "bind": f"{settings.host}:{settings.port}",
            "workers": settings.workers,
            "worker_class": "sync",
            "preload_app": True,  # the app (and its index) is built once, above
            "accesslog": None,  # the app logs each request itself (web/access_log.py)
            "errorlog": "-",
            "loglevel": "info",
            "timeout": 30,
            "graceful_timeout": 5,
        },
    ).run()


class Server(BaseApplication):
    """Gunicorn, configured from a dict and serving an app already built."""

    def __init__(self, app: Any, options: dict[str, Any]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn >= 25.1 opens a control socket at one path per user; several servers
            # (tests, a second corpus) would fight over it, and nothing here uses it.
            self.cfg.set("control_socket_disable", True)

    def load(self) -> Any:
        return self.application
