"""``qa serve``'s master: gunicorn's, reloading the corpus on ``SIGHUP`` and, when asked, as soon
as the corpus folder changes.

A reload builds the whole app (and its engine, from the folder, reading unchanged articles'
parses from the cache) in the master while the old workers go on serving. Only when that
worked does gunicorn's own reload run: new workers are forked from the new app and take
connections from the same listening socket, and the old ones are stopped gracefully (they
finish what they are answering, and a kept-alive connection is closed after its next
answer), so no request is dropped. A folder that does not load (a file holding no article)
leaves the old workers serving, and the error goes to the log.

A worker asks for a reload by sending its master ``SIGHUP`` (web/server.py), after writing
the folder for ``PUT`` or ``DELETE /articles/<id>``. With ``watch``, the master also lists
the folder every second and reloads once a change has held still for one more second, which
is how replicas sharing a folder all follow a change made through any one of them.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gunicorn.arbiter import Arbiter

from qa.article_files import Signature, folder_signature

POLL_SECONDS = 1.0


class CorpusArbiter(Arbiter):
    """Gunicorn's master with corpus reloads. ``app`` (web/server.py's ``Server``) carries
    ``rebuild`` (a new WSGI app from the corpus folder), ``folder``, ``loaded`` (the folder's
    signature when the serving app was built) and ``watch``."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.rebuild: Callable[[], Any] | None = app.rebuild
        self.folder: Path | None = app.folder
        self.loaded: Signature = app.loaded
        self.watch: bool = app.watch and app.folder is not None
        self._pending: Signature | None = None
        self._polled = time.monotonic()

    def handle_hup(self) -> None:
        if self.rebuild is None:
            super().handle_hup()
        else:
            self.reload_corpus("SIGHUP")

    def reload_corpus(self, why: str) -> None:
        """Build the app anew from the folder and, if that works, replace the workers."""
        assert self.rebuild is not None and self.folder is not None
        signature = folder_signature(self.folder)
        if signature == self.loaded:
            self.log.info("%s: the corpus folder is unchanged; nothing to reload", why)
            return
        self.log.info("%s: loading the corpus folder again beside the one serving", why)
        started = time.monotonic()
        self.loaded = signature  # a folder that fails is not tried again until it changes
        try:
            fresh = self.rebuild()
        except Exception as exc:
            self.log.error("corpus not reloaded, the workers serve the previous one: %s", exc)
            return
        self.app.callable = fresh
        self.log.info("corpus loaded in %.1f s; replacing the workers", time.monotonic() - started)
        super().handle_hup()  # gunicorn's reload: new workers from the new app
        gc.collect()  # the previous app, and its engine, held in cycles

    def manage_workers(self) -> None:
        super().manage_workers()  # called about once a second from the main loop
        if self.watch:
            self._poll()

    def _poll(self) -> None:
        now = time.monotonic()
        if now - self._polled < POLL_SECONDS:
            return
        self._polled = now
        assert self.folder is not None
        signature = folder_signature(self.folder)
        if signature == self.loaded:
            self._pending = None
        elif signature != self._pending:
            self._pending = signature  # still changing (a copy under way): look again
        else:
            self._pending = None
            self.reload_corpus("the corpus folder changed")
