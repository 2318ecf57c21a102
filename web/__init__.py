"""The web layer: the engine served to people (a chat page) and programs (a JSON API).

A thin layer: it validates requests, calls :meth:`qa.engine.Engine.ask` and shapes the
result; it holds no answering logic. ``flask --app web run`` finds :func:`create_app`.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response
from werkzeug.middleware.proxy_fix import ProxyFix

from qa.config import Settings
from qa.engine import Engine

from . import access_log, body, errors, security
from .reload import version_of


class App(Flask):
    """Flask, answering ``OPTIONS`` with 204 No Content and the ``Allow`` header (Flask's own
    answer is an empty 200 page)."""

    def make_default_options_response(self) -> Response:
        response = super().make_default_options_response()
        response.status_code = 204
        del response.headers["Content-Type"]
        return response


def create_app(test_config: Mapping[str, Any] | None = None, engine: Engine | None = None) -> Flask:
    """Build the application, and the engine once unless one is given.

    ``test_config`` holds Flask settings (``TESTING``, ``MAX_CONTENT_LENGTH``, ...) and
    optionally ``QA_SETTINGS``: :class:`qa.config.Settings`, or a mapping of overrides
    (``corpus``, ``max_body_bytes``, ``feedback_db``, ...) applied over the ``QA_*``
    environment variables. A given ``engine`` keeps its own settings for answering.
    Raises :class:`qa.errors.CorpusError` when the corpus cannot be loaded.
    """
    config = dict(test_config or {})
    given = config.pop("QA_SETTINGS", None) or {}
    overrides = _fields_of(given) if isinstance(given, Settings) else dict(given)
    if engine is None:
        engine = Engine.from_corpus(**overrides)
        settings = engine.settings
    else:
        settings = Settings.load({**_fields_of(engine.settings), **overrides}, environ={})

    app = App(__name__)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep "answer" first
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.config.from_mapping(
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        QA_SETTINGS=settings,
        STARTER_QUESTIONS=None,  # None: written from the loaded articles' facts (qa/starters.py)
    )
    app.config.update(config)
    app.extensions["qa_engine"] = engine
    version_of(engine)  # worked out once here, before a server forks its workers

    from . import admin, api, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    errors.init_app(app)
    security.init_app(app)
    access_log.init_app(app)
    admin.init_app(app)  # its token check runs before the body is read
    body.init_app(app)  # after the access log's timer: a refused body is logged too
    _register_optional(app)
    if settings.proxies > 0:
        # The client's address from the proxies' X-Forwarded-For, never from more entries
        # than there are proxies: a client can put anything it likes before them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxies)  # type: ignore[method-assign]
    return app


def _fields_of(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}


def _register_optional(app: Flask) -> None:
    """Feedback and rate limiting live in their own modules; use them when installed."""
    if importlib.util.find_spec(f"{__name__}.ratelimit") is not None:
        importlib.import_module(f"{__name__}.ratelimit").init_app(app)
    if importlib.util.find_spec(f"{__name__}.feedback") is not None:
        app.register_blueprint(importlib.import_module(f"{__name__}.feedback").bp)
