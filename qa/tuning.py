"""Measure retrieval and abstention choices on the tuning sets, and show the held-out score.

``python -m qa.tuning`` runs every case of the tuning sets (``seed.jsonl`` and
``harbor.jsonl``) through engines built with each setting and prints retrieval recall@1, MRR,
the share of cases passed and abstention quality, so that the defaults in :mod:`qa.config`
(passage strategy, BM25 variant, k1, b, the abstention threshold) are chosen by measurement.
All their articles are loaded into one engine, as a user would load several, so retrieval also
has to pick the right article. The held-out set (``heldout.jsonl``) is never used to choose:
``--heldout`` only reports it for the settings in force.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .config import Settings
from .engine import Engine
from .evaluate import PROJECT_ROOT, TEST_ARTICLES_DIR, TEST_DATA_DIR, evaluate, load_cases
from .ingest import load_corpus
from .types import Article

TESTSETS = PROJECT_ROOT / "tests" / "testsets"
TUNING_SETS = [TESTSETS / "seed.jsonl", TESTSETS / "harbor.jsonl"]
HELDOUT_SET = TESTSETS / "heldout.jsonl"
HELDOUT_DIR = TEST_DATA_DIR / "heldout"

GRID: dict[str, list[Any]] = {
    "passages": ["paragraph", "window:1", "window:2", "window:3"],
    "bm25_variant": ["okapi", "bm25l", "bm25plus"],
    "bm25_k1": [1.2, 1.5],
    "bm25_b": [0.5, 0.75],
}
THRESHOLDS = [0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
METRICS = ["passed", "recall@1", "mrr", "exact_match", "abstention_precision", "abstention_recall"]


def articles_in(folders: Sequence[Path]) -> list[Article]:
    return [a for folder in folders for a in load_corpus(folder)]


def measure(articles: Sequence[Article], cases: Sequence[Any], **settings: Any) -> dict[str, Any]:
    """The overall metrics of one engine, built with ``settings``, on ``cases``."""
    engine = Engine(articles, Settings.load(settings))
    overall = evaluate(cases, [engine]).overall()
    row = {k: overall.get(k) for k in METRICS if k != "passed"}
    row["passed"] = overall.get("passed", 0) / max(overall.get("cases", 1), 1)
    return {**settings, **row}


def sweep(
    grid: dict[str, list[Any]], articles: Sequence[Article], cases: Sequence[Any]
) -> list[dict[str, Any]]:
    """One row of metrics for every combination of the values in ``grid``."""
    keys = list(grid)
    return [
        measure(articles, cases, **dict(zip(keys, values, strict=True)))
        for values in itertools.product(*(grid[k] for k in keys))
    ]


def format_rows(rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> str:
    columns = [*keys, *METRICS]
    lines = ["  ".join(f"{k:>20}" for k in columns)]
    for row in rows:
        cells = []
        for k in columns:
            v = row.get(k)
            cells.append(f"{v:>20.3f}" if isinstance(v, float) else f"{v!s:>20}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="Passage strategies and variants at k1=1.5, b=0.75 only.",
    )
    parser.add_argument(
        "--thresholds",
        action="store_true",
        help="Sweep the abstention threshold instead of the retrieval grid.",
    )
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="Also report the held-out set with the default settings.",
    )
    parser.add_argument("--json", type=Path, help="Also write the rows as JSON to this file.")
    args = parser.parse_args(argv)
    articles = articles_in([Settings.load().corpus, TEST_ARTICLES_DIR])
    cases = load_cases(TUNING_SETS)
    if args.thresholds:
        grid: dict[str, list[Any]] = {"abstain_below": THRESHOLDS}
    else:
        grid = dict(GRID)
        if args.quick:
            grid["bm25_k1"], grid["bm25_b"] = [1.5], [0.75]
    rows = sweep(grid, articles, cases)
    print(format_rows(rows, list(grid)))
    if args.heldout and HELDOUT_SET.exists():
        row = measure(articles_in([HELDOUT_DIR]), load_cases([HELDOUT_SET]))
        print("\nheld-out set, default settings:")
        print(format_rows([row], []))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
