"""A new corpus swapped in while serving, and the version of the corpus a server answers from.

The app asks for a reload through the callable in ``app.extensions["qa_reload"]`` (see
:func:`request_reload`). Under ``qa serve`` a worker asks gunicorn's master, which builds the
new app beside the old one and then replaces the workers (web/server.py). Elsewhere (Flask's
own server, the test client) :func:`reload_in_process` builds a new engine from the corpus
folder while the old one keeps answering, then swaps it in: a request holds on to the engine
it started with, so none sees half of a change.

A folder that no longer loads (a file with no article in it, an empty folder) leaves the
engine serving as it was; the reload raises :class:`qa.errors.CorpusError` for the log.
"""

from __future__ import annotations

import logging
import threading
import weakref

from flask import Flask

from qa.article_files import corpus_version
from qa.config import Settings
from qa.engine import Engine
from qa.ingest import load_corpus

log = logging.getLogger(__name__)

_versions: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_versions_lock = threading.Lock()
_reload_lock = threading.Lock()


def version_of(engine: Engine) -> str:
    """The corpus version of ``engine``'s articles (worked out once per engine)."""
    with _versions_lock:
        found = _versions.get(engine)
        if found is None:
            found = _versions[engine] = corpus_version(engine.articles)
        return found


def reload_in_process(app: Flask) -> None:
    """Build an engine from the app's corpus folder and swap it in for the one serving."""
    with _reload_lock:  # two changes at once: the second builds from both
        settings: Settings = app.config["QA_SETTINGS"]
        serving: Engine = app.extensions["qa_engine"]
        fresh = Engine(load_corpus(settings.corpus), serving.settings)
        app.extensions["qa_engine"] = fresh
    log.info("corpus reloaded: %d articles, version %s", len(fresh.articles), version_of(fresh))


def request_reload(app: Flask) -> None:
    """Ask for the corpus folder to be loaded again, as this app is served."""
    reload = app.extensions.get("qa_reload")
    try:
        if reload is None:
            reload_in_process(app)
        else:
            reload()
    except Exception as exc:  # the change is in the folder; the engine serving stays
        log.error("corpus not reloaded, still serving the previous one: %s", exc)
