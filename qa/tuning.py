"""Measure retrieval choices on the test sets: passage strategy, BM25 variant, k1 and b.

``python -m qa.tuning`` runs every test case through an engine built with each setting and
prints retrieval recall@1, MRR, the share of cases passed and abstention quality, so the
defaults in :mod:`qa.config` are chosen by measurement, not by taste. All articles (the
bundled corpus and the test articles) are loaded into one engine, as a user would load
several, so that retrieval also has to pick the right article.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .config import Settings
from .engine import Engine
from .evaluate import TEST_ARTICLES_DIR, default_testsets, evaluate, load_cases
from .ingest import load_corpus
from .types import Article

GRID: dict[str, list[Any]] = {
    "passages": ["paragraph", "window:1", "window:2", "window:3"],
    "bm25_variant": ["okapi", "bm25l", "bm25plus"],
    "bm25_k1": [1.2, 1.5],
    "bm25_b": [0.5, 0.75],
}
METRICS = ["recall@1", "mrr", "passed", "exact_match", "abstention_precision", "abstention_recall"]


def all_articles(folders: Iterable[Path]) -> list[Article]:
    articles: list[Article] = []
    for folder in folders:
        articles.extend(load_corpus(folder))
    return articles


def measure(articles: Sequence[Article], cases: Sequence[Any], **settings: Any) -> dict[str, Any]:
    engine = Engine(articles, Settings.load(settings))
    overall = evaluate(cases, [engine]).overall()
    passed = overall.get("passed", 0) / max(overall.get("cases", 1), 1)
    row = {k: overall.get(k) for k in METRICS if k != "passed"}
    row["passed"] = passed
    return {**settings, **row}


def sweep(
    grid: dict[str, list[Any]], folders: Sequence[Path], testsets: Sequence[Path]
) -> list[dict[str, Any]]:
    """One row of metrics for every combination in ``grid``."""
    articles = all_articles(folders)
    cases = load_cases(testsets)
    keys = list(grid)
    return [
        measure(articles, cases, **dict(zip(keys, values, strict=False)))
        for values in itertools.product(*(grid[k] for k in keys))
    ]


def format_rows(rows: Sequence[dict[str, Any]]) -> str:
    keys = list(GRID) + METRICS
    lines = ["  ".join(f"{k:>12}" for k in keys)]
    for row in rows:
        cells = []
        for k in keys:
            v = row.get(k)
            cells.append(f"{v:>12.3f}" if isinstance(v, float) else f"{v!s:>12}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="Only the passage strategies and variants at k1=1.5, b=0.75.",
    )
    parser.add_argument("--json", type=Path, help="Also write the rows as JSON to this file.")
    args = parser.parse_args(argv)
    grid: dict[str, list[Any]] = dict(GRID)
    if args.quick:
        grid["bm25_k1"], grid["bm25_b"] = [1.5], [0.75]
    folders = [Settings.load().corpus]
    if TEST_ARTICLES_DIR.is_dir():
        folders.append(TEST_ARTICLES_DIR)
    rows = sweep(grid, folders, default_testsets())
    rows.sort(key=lambda r: (-(r["passed"] or 0), -(r["mrr"] or 0)))
    print(format_rows(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
