"""A corpus of any size (1,000 articles by default) made from the articles this checkout holds.

Nothing is fetched. The articles come from:

- our own articles, whole and under their own ids: the bundled one (``corpus/``), the second
  test article and the development articles (``tests/data/articles``, ``tests/data/dev``), so
  the seed and harbor test sets can still be asked of the corpus;
- the SQuAD articles of the *fit* split (``tests/data/squad``): five Wikipedia articles of
  30 to 80 paragraphs each. The *check* split and the blind and held-out articles stay out.

The rest of the size is made of runs of 4 to 7 consecutive paragraphs of those articles
(SQuAD's and ours), each an article of its own titled after its source, taken in an order a
seeded generator shuffles: the same size always gives the same files, and a smaller size
gives the first of them. That is about the length of a news article (3 KB). A paragraph then
appears in several articles, so the corpus holds fewer distinct sentences than 1,000
unrelated articles would: retrieval sees more near-ties, while the parse cache sees every
article as new (its key is the whole article).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from qa.cases import PROJECT_ROOT, TEST_DATA_DIR
from qa.ingest import SUFFIXES, read_article
from qa.squad import load_splits

from .measure import BenchError

OUR_FOLDERS = (PROJECT_ROOT / "corpus", TEST_DATA_DIR / "articles", TEST_DATA_DIR / "dev")
SQUAD_FILE = TEST_DATA_DIR / "squad" / "train-first10.json"
RUN_LENGTHS = (4, 5, 6, 7)


@dataclass(frozen=True)
class Source:
    """An article the corpus is made from: its id, title and paragraphs."""

    id: str
    title: str
    paragraphs: tuple[str, ...]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"


def our_articles() -> list[tuple[Path, Source]]:
    """Our own article files (path, and the article as paragraphs), sorted by path."""
    found = []
    for folder in OUR_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES:
                article = read_article(path)
                paragraphs = tuple(article.text[a:b] for a, b in article.paragraphs)
                found.append((path, Source(article.id, article.title, paragraphs)))
    return found


def squad_fit_articles() -> list[Source]:
    """The SQuAD fit split's articles, as titles and paragraphs (contexts)."""
    fit = set(load_splits().splits.get("fit", ()))
    try:
        data = json.loads(SQUAD_FILE.read_text(encoding="utf-8"))["data"]
    except (OSError, KeyError, json.JSONDecodeError) as exc:
        raise BenchError(f"cannot read the SQuAD articles at {SQUAD_FILE}: {exc}") from exc
    return [
        Source(
            slug(a["title"]),
            a["title"].replace("_", " "),
            tuple(p["context"] for p in a["paragraphs"]),
        )
        for a in data
        if a["title"] in fit
    ]


def runs(sources: list[Source]) -> list[tuple[Source, int, int]]:
    """Every (source, first paragraph, length) run the corpus may take an article from."""
    return [
        (source, start, length)
        for source in sources
        for length in RUN_LENGTHS
        for start in range(len(source.paragraphs) - length + 1)
    ]


def build_corpus(folder: Path, size: int = 1000, seed: int = 0) -> int:
    """Write ``size`` article files into ``folder`` (created); how many were written.

    Our own articles go in whole first (all of them when ``size`` allows, else the first
    ``size``); runs of paragraphs fill the rest. Raises :class:`BenchError` when the sources
    cannot make that many distinct articles.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ours = our_articles()
    written = 0
    for path, _ in ours[:size]:
        (folder / path.name).write_bytes(path.read_bytes())
        written += 1
    sources = squad_fit_articles() + [s for _, s in ours if len(s.paragraphs) >= RUN_LENGTHS[0]]
    candidates = runs(sources)
    wanted = size - written
    if wanted > len(candidates):
        raise BenchError(f"the articles here make at most {written + len(candidates)} articles")
    random.Random(seed).shuffle(candidates)
    for source, start, length in candidates[:wanted]:
        body = "\n\n".join(source.paragraphs[start : start + length])
        title = f"{source.title}, part {start + 1}"
        name = f"{source.id}-{start + 1}-{length}.txt"
        (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        written += 1
    return written
