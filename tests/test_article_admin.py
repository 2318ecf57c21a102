"""Articles added, replaced and removed through the API (``PUT``/``DELETE /articles/<id>``), and
the corpus folder as it changes (qa/article_files.py). The app runs in-process here, where a
change is loaded at once; tests/test_reload.py does the same against running servers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from qa.article_files import (
    ArticleRejected,
    check_article,
    corpus_version,
    folder_signature,
    write_article,
)
from tests.support import SECOND_FILE, SEED_FILE
from tests.test_error_shape import assert_error_shape
from tests.test_openapi import assert_conforms
from web import create_app

TOKEN = "a-long-random-admin-token"
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
LIGHTHOUSE = """Kestrel Point lighthouse to reopen after repairs

Harbour Weekly | Updated: May 3, 2024

The Kestrel Point lighthouse was first lit in {year} and guided ships past the northern reef \
for more than a century.

The tower is 31 meters tall, and its lamp can be seen from 40 kilometers away on a clear night.
"""
QUESTION = "When was the Kestrel Point lighthouse first lit?"


def lighthouse(year: int = 1887) -> bytes:
    return LIGHTHOUSE.format(year=year).encode()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in (SEED_FILE, SECOND_FILE):
        shutil.copy(article, corpus / article.name)
    return corpus


@pytest.fixture
def admin_app(folder: Path, tmp_path: Path) -> Flask:
    return create_app(
        {
            "QA_SETTINGS": {
                "corpus": folder,
                "admin_token": TOKEN,
                "max_article_bytes": 20_000,
                "feedback_db": tmp_path / "feedback.sqlite3",
            }
        }
    )


@pytest.fixture
def admin(admin_app: Flask) -> FlaskClient:
    return admin_app.test_client()


def put(client: FlaskClient, article_id: str, data: bytes, kind: str = "text/plain") -> Any:
    return client.put(f"/articles/{article_id}", data=data, content_type=kind, headers=ADMIN)


def cited_articles(client: FlaskClient, question: str) -> list[tuple[str, str]]:
    body = client.get("/ask", query_string={"question": question}).get_json()
    return [(c["article"], c["text"]) for c in body["citations"]]


# --- the API ------------------------------------------------------------------------------


def test_an_article_is_added_replaced_and_removed(
    admin_app: Flask, admin: FlaskClient, folder: Path
) -> None:
    document = admin.get("/openapi.json").get_json()
    before = admin.get("/healthz").get_json()["corpus_version"]
    assert all(a != "kestrel-point" for a, _ in cited_articles(admin, QUESTION))

    added = put(admin, "kestrel-point", lighthouse(1887))
    assert added.status_code == 202, added.get_json()
    assert_conforms(document, "put", "/articles/kestrel-point", added)
    assert added.get_json()["change"] == "added" and added.get_json()["articles"] == 3
    health = admin.get("/healthz").get_json()
    assert health["corpus_version"] == added.get_json()["corpus_version"] != before
    assert health["articles"] == 3
    cited = cited_articles(admin, QUESTION)
    assert cited and cited[0][0] == "kestrel-point" and "1887" in cited[0][1]

    markdown = b"# " + lighthouse(1891)
    replaced = put(admin, "kestrel-point", markdown, "text/markdown")
    assert replaced.status_code == 202 and replaced.get_json()["change"] == "replaced"
    assert sorted(p.name for p in folder.glob("kestrel-point.*")) == ["kestrel-point.md"]
    cited = cited_articles(admin, QUESTION)
    assert cited and cited[0][0] == "kestrel-point" and "1891" in cited[0][1]

    removed = admin.delete("/articles/kestrel-point", headers=ADMIN)
    assert removed.status_code == 202 and removed.get_json()["change"] == "removed"
    assert_conforms(document, "delete", "/articles/kestrel-point", removed)
    assert admin.get("/healthz").get_json()["corpus_version"] == before
    assert not list(folder.glob("kestrel-point.*"))
    assert all(a != "kestrel-point" for a, _ in cited_articles(admin, QUESTION))


@pytest.mark.parametrize(
    ("data", "kind", "status", "code", "says"),
    [
        (b"", "text/plain", 422, "bad_article", "empty"),
        (b" \n\t\n", "text/plain", 422, "bad_article", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "text/plain", 422, "bad_article", "binary"),
        (b"\x1b\x07\x08\x0e" * 50 + b" word" * 10, "text/plain", 422, "bad_article", "binary"),
        ("Caf\u00e9 news.".encode("latin-1") * 20, "text/plain", 422, "bad_article", "UTF-8"),
        (b"Home\nShare\n", "text/plain", 422, "bad_article", "no body text"),
        (b"word " * 5000, "text/plain", 413, "body_too_large", "limit of 20000 bytes"),
        (lighthouse(), "application/pdf", 415, "unsupported_media_type", "text/plain"),
        (lighthouse(), "text/plain; charset=latin-1", 415, "unsupported_media_type", "UTF-8"),
    ],
)
def test_what_is_not_an_article_is_refused_and_the_corpus_stays(
    admin: FlaskClient, folder: Path, data: bytes, kind: str, status: int, code: str, says: str
) -> None:
    before = admin.get("/healthz").get_json()
    files = sorted(folder.iterdir())
    error = assert_error_shape(put(admin, "kestrel-point", data, kind), status)
    assert error["code"] == code and says in error["message"]
    assert admin.get("/healthz").get_json() == before
    assert sorted(folder.iterdir()) == files


@pytest.mark.parametrize("article_id", ["has space", ".hidden", "a.txt", "x" * 121, "caf\u00e9"])
def test_an_id_that_cannot_name_a_file_is_a_400(admin: FlaskClient, article_id: str) -> None:
    error = assert_error_shape(put(admin, article_id, lighthouse()), 400)
    assert error["code"] == "bad_article_id"


def test_removing_what_is_not_there_or_the_last_article(admin: FlaskClient, folder: Path) -> None:
    assert assert_error_shape(admin.delete("/articles/nope", headers=ADMIN), 404)
    assert admin.delete("/articles/harbor-solar-farm", headers=ADMIN).status_code == 202
    last = admin.delete(f"/articles/{SEED_FILE.stem}", headers=ADMIN)
    assert assert_error_shape(last, 409)["code"] == "corpus_would_be_empty"
    assert [p.name for p in folder.iterdir()] == [SEED_FILE.name]


def test_changes_need_the_admin_token(admin: FlaskClient, folder: Path) -> None:
    files = sorted(folder.iterdir())
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        refused = admin.put(
            "/articles/kestrel-point", data=lighthouse(), content_type="text/plain", headers=headers
        )
        assert assert_error_shape(refused, 401)["code"] == "unauthorized"
        assert refused.headers["WWW-Authenticate"] == "Bearer"
        assert assert_error_shape(admin.delete("/articles/harbor-solar-farm"), 401)
    # Refused before the body is read: a large body gets the same answer, not a 413.
    big = admin.put("/articles/x", data=b"x" * 100_000, content_type="text/plain")
    assert big.status_code == 401
    assert sorted(folder.iterdir()) == files


def test_changes_are_off_without_an_admin_token(client: FlaskClient) -> None:
    document = client.get("/openapi.json").get_json()
    for response, method in [
        (client.put("/articles/x", data=lighthouse(), content_type="text/plain"), "put"),
        (client.delete("/articles/harbor-solar-farm", headers=ADMIN), "delete"),
    ]:
        error = assert_error_shape(response, 403)
        assert error["code"] == "admin_disabled" and "QA_ADMIN_TOKEN" in error["message"]
        assert_conforms(document, method, "/articles/x", response)


# --- the folder ---------------------------------------------------------------------------


def test_an_article_as_sent_is_cleaned_as_the_folder_s_files_are(folder: Path) -> None:
    article = check_article("kestrel-point", lighthouse(), ".txt", 10_000)
    assert article.title == "Kestrel Point lighthouse to reopen after repairs"
    assert article.date == "2024-05-03" and article.text.startswith("The Kestrel Point")
    with pytest.raises(ArticleRejected) as err:
        check_article("kestrel-point", lighthouse(), ".txt", 100)
    assert err.value.reason == "too_large"


def test_writing_replaces_a_file_whole_and_the_version_follows_the_content(
    folder: Path,
) -> None:
    signature = folder_signature(folder)
    assert write_article(folder, "kestrel-point", lighthouse(), ".txt") is False
    assert write_article(folder, "kestrel-point", lighthouse(1891), ".html") is True
    assert sorted(p.name for p in folder.iterdir() if p.stem == "kestrel-point") == [
        "kestrel-point.html"
    ]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary left"
    (folder / ".kestrel-point.tmp").write_text("a copy under way")  # ignored
    assert len(folder_signature(folder)) == len(signature) + 1
    one = check_article("a", lighthouse(), ".txt", 10_000)
    two = check_article("b", lighthouse(1891), ".txt", 10_000)
    assert corpus_version([one, two]) == corpus_version([two, one])
    changed = check_article("a", lighthouse(1891), ".txt", 10_000)
    assert corpus_version([one]) != corpus_version([changed])
