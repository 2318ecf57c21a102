"""The corpus folder as it changes while served: articles checked, written and removed, the
corpus's version, and a cheap way to tell that the folder changed.

- :func:`check_article` takes an article as sent (bytes and a format) and refuses, with an
  :class:`ArticleRejected` that says why, what is not an article: no bytes or only spaces,
  more than a limit, not UTF-8, binary (a NUL byte or many control characters), or text with
  no body once cleaned as the folder's files are (:mod:`qa.ingest`);
- :func:`write_article` and :func:`remove_article` change the folder so that a reader of it
  never sees half a file: a new file is written beside, then renamed into place;
- :func:`corpus_version` is a short hash of the articles as loaded (their ids and cleaned
  texts), the same for every server that loaded the same articles;
- :func:`folder_signature` lists the article files with their sizes and modification times,
  so a poll of the folder costs a directory listing, not a read of every file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .errors import CorpusError, QAError
from .ingest import SUFFIXES, article_from_text
from .types import Article

# A file name's stem that is safe in a path and an address: letters, digits, ".", "_", "-".
ARTICLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")
# Text has few control characters besides line ends and tabs; binary data has many.
MAX_CONTROL_SHARE = 0.01

Signature = tuple[tuple[str, int, int], ...]


class ArticleRejected(QAError):
    """An article that cannot be added: ``reason`` says which check it failed (``bad_id``,
    ``too_large``, ``empty``, ``undecodable``, ``binary``, ``no_text``)."""

    code = "bad_article"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def check_id(article_id: str) -> str:
    """``article_id`` when it can name a file; else :class:`ArticleRejected` (``bad_id``)."""
    if not ARTICLE_ID.fullmatch(article_id) or article_id.lower().endswith(tuple(SUFFIXES)):
        raise ArticleRejected(
            f'"{article_id[:60]}" cannot be an article id: use up to 120 letters, digits, '
            '".", "_" or "-", starting with a letter or digit, without a file extension',
            "bad_id",
        )
    return article_id


def check_article(article_id: str, data: bytes, suffix: str, max_bytes: int) -> Article:
    """The article ``data`` holds (a file's bytes, in the format its ``suffix`` names), cleaned
    as if read from the folder; raises :class:`ArticleRejected` saying what is wrong."""
    check_id(article_id)
    if len(data) > max_bytes:
        raise ArticleRejected(
            f"the article is {len(data)} bytes, more than the limit of {max_bytes}", "too_large"
        )
    if not data.strip():
        raise ArticleRejected("the article is empty", "empty")
    if b"\x00" in data:
        raise ArticleRejected("the article is binary data, not text", "binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            f"the article is not UTF-8 text (byte {exc.start} cannot be decoded)", "undecodable"
        ) from None
    controls = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ArticleRejected("the article is binary data, not text", "binary")
    try:
        return article_from_text(text, suffix, article_id)
    except CorpusError:
        raise ArticleRejected(
            "the article has no body text once cleaned (paragraphs of sentences)", "no_text"
        ) from None


def article_files(folder: Path, article_id: str) -> list[Path]:
    """The files in ``folder`` that hold article ``article_id`` (one, unless misnamed)."""
    return [
        folder / name
        for name in sorted(os.listdir(folder))
        if Path(name).stem == article_id and Path(name).suffix.lower() in SUFFIXES
    ]


def write_article(folder: Path, article_id: str, data: bytes, suffix: str) -> bool:
    """Put ``data`` in ``folder`` as ``<article_id><suffix>``, replacing the article's file
    in any format; whether an article of that id was there before."""
    check_id(article_id)
    before = article_files(folder, article_id)
    target = folder / f"{article_id}{suffix}"
    # A hidden name: the loader skips it should it ever be left behind.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{article_id}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in before:
        if old != target:
            old.unlink(missing_ok=True)
    return bool(before)


def remove_article(folder: Path, article_id: str) -> bool:
    """Remove article ``article_id``'s file(s) from ``folder``; whether there was one."""
    found = article_files(folder, check_id(article_id))
    for path in found:
        path.unlink(missing_ok=True)
    return bool(found)


def corpus_version(articles: Iterable[Article]) -> str:
    """A short hash of the articles' ids, titles, metadata and cleaned texts, in id order."""
    h = hashlib.sha256()
    for a in sorted(articles, key=lambda a: a.id):
        for part in (a.id, a.title, a.source or "", a.date or "", a.text, *a.captions):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        h.update(b"\x01")
    return h.hexdigest()[:16]


def folder_signature(folder: Path) -> Signature:
    """(name, size, modification time in ns) of each article file in ``folder``, sorted;
    empty when the folder cannot be listed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    out = []
    for entry in entries:
        if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in SUFFIXES:
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue  # removed since the listing
        out.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(out))
