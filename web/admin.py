"""``PUT`` and ``DELETE /articles/<id>``: articles added, replaced and removed while serving.

Both are refused (403 ``admin_disabled``) unless the server has an ``admin_token`` setting
(``QA_ADMIN_TOKEN``), and then need it as ``Authorization: Bearer <token>`` (else 401). The
check runs before the body is read, so an unauthenticated upload costs nothing; an
authenticated ``PUT`` may send up to ``max_article_bytes`` instead of ``max_body_bytes``.

``PUT`` takes the article's file as the body: ``text/plain``, ``text/markdown`` or
``text/html``, in UTF-8. It is checked (:func:`qa.article_files.check_article`: a 4xx for
what is not an article), written into the corpus folder, and a reload is requested
(web/reload.py). The answer, 202, gives the corpus version the servers report in
``/healthz`` once the change is live (if no other change comes meanwhile).
"""

from __future__ import annotations

import hmac
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from qa.article_files import (
    ArticleRejected,
    article_files,
    check_article,
    check_id,
    corpus_version,
    remove_article,
    write_article,
)
from qa.config import Settings
from qa.engine import Engine
from qa.types import Article

from .errors import RequestError, as_sentence
from .reload import request_reload

bp = Blueprint("admin", __name__)

FORMATS = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html"}
# What each check an article can fail answers: status and error code.
REFUSALS = {
    "bad_id": (400, "bad_article_id"),
    "too_large": (413, "body_too_large"),
}


class Unauthorized(RequestError):
    """401, with the header that says which kind of credentials to send."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "unauthorized", 401)

    def get_headers(self, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        return [*super().get_headers(*args, **kwargs), ("WWW-Authenticate", "Bearer")]


def _settings() -> Settings:
    found: Settings = current_app.config["QA_SETTINGS"]
    return found


def is_article_change() -> bool:
    return request.method in ("PUT", "DELETE") and request.path.startswith("/articles/")


def require_admin() -> None:
    """Before anything else reads the request: refuse a change without the admin token."""
    if not is_article_change():
        return
    token = _settings().admin_token
    if not token:
        raise RequestError(
            "Changing articles is turned off on this server; its operator turns it on by "
            "setting QA_ADMIN_TOKEN.",
            "admin_disabled",
            403,
        )
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8", "replace"), token.encode("utf-8")
    ):
        raise Unauthorized("Send the admin token in the header Authorization: Bearer TOKEN.")
    if request.method == "PUT":
        request.max_content_length = _settings().max_article_bytes


def _engine() -> Engine:
    found: Engine = current_app.extensions["qa_engine"]
    return found


def _refused(exc: ArticleRejected) -> RequestError:
    status, code = REFUSALS.get(exc.reason, (422, "bad_article"))
    return RequestError(as_sentence(str(exc)), code, status)


def _format() -> str:
    """The file suffix for the body's Content-Type, or 415."""
    suffix = FORMATS.get(request.mimetype)
    charset = request.mimetype_params.get("charset", "utf-8").lower().replace("_", "-")
    if suffix is None or charset not in ("utf-8", "utf8"):
        raise RequestError(
            "Send the article as UTF-8 text with the header Content-Type: text/plain, "
            "text/markdown or text/html.",
            "unsupported_media_type",
            415,
        )
    return suffix


def _changed(article_id: str, change: str, articles: list[Article]) -> Response:
    response = jsonify(
        id=article_id,
        change=change,
        articles=len(articles),
        corpus_version=corpus_version(articles),
    )
    response.status_code = 202
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.put("/articles/<article_id>")
def put_article(article_id: str) -> Response:
    """Add or replace an article; 202 once it is in the folder and a reload is under way."""
    suffix = _format()
    data = request.get_data(cache=False)
    try:
        article = check_article(article_id, data, suffix, _settings().max_article_bytes)
        replaced = write_article(_settings().corpus, article_id, data, suffix)
    except ArticleRejected as exc:
        raise _refused(exc) from None
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    after = [a for a in _engine().articles if a.id != article_id] + [article]
    request_reload(app)
    return _changed(article_id, "replaced" if replaced else "added", after)


@bp.delete("/articles/<article_id>")
def delete_article(article_id: str) -> Response:
    """Remove an article; 202 once its file is gone and a reload is under way."""
    folder = _settings().corpus
    try:
        check_id(article_id)
    except ArticleRejected as exc:
        raise _refused(exc) from None
    if not article_files(folder, article_id):
        raise RequestError(
            f'There is no article "{article_id}" in the corpus folder. See /articles.',
            "not_found",
            404,
        )
    others = [a for a in _engine().articles if a.id != article_id]
    if not others:
        raise RequestError(
            "This is the last article; the corpus cannot be left empty. Add another first.",
            "corpus_would_be_empty",
            409,
        )
    remove_article(folder, article_id)
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    request_reload(app)
    return _changed(article_id, "removed", others)


def init_app(app: Flask) -> None:
    """The routes, and the token check before the body is read (register before web/body)."""
    app.before_request(require_admin)
    app.register_blueprint(bp)
