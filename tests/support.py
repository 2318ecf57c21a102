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
