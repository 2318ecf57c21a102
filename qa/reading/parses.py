"""Sentences parsed once: each article's sentences through spaCy, kept on disk by content.

NLTK decides the sentences and their offsets; spaCy parses each sentence as its own ``Doc``,
so token ``t`` of sentence ``s`` starts at ``s.start + t.idx`` in the article. An article's
title is parsed with its sentences, as the first text of its group. A restart
reads the parses back from a ``DocBin`` file named by a hash of the pipeline and the
sentences, so an article is parsed again only when its text or the pipeline changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .pipeline import describe

log = logging.getLogger(__name__)

# Bumped when what we store, or how sentences are fed to the parser, changes.
PARSE_FORMAT = 1
_ATTRS = ["ORTH", "NORM", "LEMMA", "TAG", "POS", "MORPH", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE"]


def cache_key(nlp: Language, texts: Sequence[str]) -> str:
    h = hashlib.sha256(f"{describe(nlp)}|{PARSE_FORMAT}".encode())
    for text in texts:
        h.update(b"\x00")
        h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


class ParseCache:
    """``DocBin`` files in ``folder``; ``folder=None`` keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, key: str, nlp: Language) -> list[Doc] | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.spacy"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        except Exception as exc:  # a damaged file is parsed again, never fatal
            log.warning("ignoring unreadable parse cache %s: %s", path.name, exc)
            return None

    def put(self, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, self.folder / f"{key}.spacy")
        except OSError as exc:  # a read-only cache costs a parse at the next start, no more
            log.warning("cannot write the parse cache in %s: %s", self.folder, exc)


def parse_texts(
    nlp: Language, groups: Sequence[Sequence[str]], cache: ParseCache
) -> list[list[Doc]]:
    """One ``Doc`` per text, for each group (an article's title and sentences), in order.

    Groups found in ``cache`` are read back; the rest are parsed together in one
    ``nlp.pipe`` and stored. Fresh parses go through the same ``DocBin`` round trip as
    cached ones, so an answer never depends on whether a parse was cached.
    """
    keys = [cache_key(nlp, g) for g in groups]
    out: list[list[Doc] | None] = [cache.get(k, nlp) for k in keys]
    todo = [i for i, docs in enumerate(out) if docs is None or len(docs) != len(groups[i])]
    if todo:
        texts = [text for i in todo for text in groups[i]]
        parsed = iter(nlp.pipe(texts, batch_size=256))
        for i in todo:
            bin_ = DocBin(attrs=_ATTRS, store_user_data=False)
            for _ in groups[i]:
                bin_.add(next(parsed))
            data = bin_.to_bytes()
            cache.put(keys[i], data)
            out[i] = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        log.info("parsed %d sentences of %d articles", len(texts), len(todo))
    return [docs or [] for docs in out]
