"""Shared paths and cached engines for the engine tests (built once per test session)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qa.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "corpus"
SEED_FILE = SEED_DIR / "china-gene-medicine-valley-wenzhou.txt"
SECOND_DIR = ROOT / "tests" / "data" / "articles"
SECOND_FILE = SECOND_DIR / "harbor-solar-farm.txt"


@cache
def engine_for(folder: Path) -> Engine:
    return Engine.from_corpus(folder)


def seed_engine() -> Engine:
    return engine_for(SEED_DIR)


def second_engine() -> Engine:
    return engine_for(SECOND_DIR)


def cited_texts(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text for c in answer.citations]


def parse_article(article):  # type: ignore[no-untyped-def]
    """An article's sentences, their parses and its title's parse, as the engine makes them
    (with no parse cache on disk)."""
    from qa.reading import pipeline
    from qa.reading.parses import ParseCache, parse_texts
    from qa.sentences import split_sentences

    sentences = split_sentences(article)
    texts = [article.title] + [s.text for s in sentences]
    docs = parse_texts(pipeline.load(), [texts], ParseCache(None))[0]
    return sentences, docs[1:], docs[0]


def read_facts(article):  # type: ignore[no-untyped-def]
    """An article's numeric facts, read from its parse as the engine reads them."""
    from qa.facts import extract_facts

    sentences, docs, title = parse_article(article)
    return extract_facts(article, sentences, docs, title)
