"""``python -m qa.fit``: fit the ranker, the reader and the confidence model; write them.

The models go to ``qa/models/*.json`` (or ``--out``). The steps, all deterministic:

1. the fitting questions (:mod:`qa.fit.data`): the SQuAD fit split and our tuned test sets;
2. the ranker and the reader, each a softmax over its candidates (:mod:`qa.fit.listwise`),
   with the L2 penalty chosen by cross-validation over folds (SQuAD articles, test sets);
3. answers to every question by models fitted without its fold, so that the confidence
   model learns from answers as unseen questions get them; a logistic regression on what
   the answering stages measured, and the threshold that handles most questions right.

Needs the ``fit`` extra (scikit-learn); the engine reads the JSON with no extra package.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ..model import MODEL_DIR, LinearModel
from . import listwise
from .confidence_fit import fit_confidence
from .data import squad_items, tuned_items
from .examples import Group, query_of, ranker_group, reader_group

L2_GRID = (0.3, 1.0, 3.0, 10.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.fit", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for the models")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    started = time.perf_counter()
    items = squad_items() + tuned_items()
    say(f"{len(items)} fitting questions in {time.perf_counter() - started:.0f} s")
    queries = [query_of(item) for item in items]
    rank_groups = [g for it, q in zip(items, queries, strict=True) if (g := ranker_group(it, q))]
    read_groups = [g for it, q in zip(items, queries, strict=True) if (g := reader_group(it, q))]
    ranker = fit_groups("sentences", rank_groups)
    reader = fit_groups("spans", read_groups)
    by_fold = {
        fold: (
            _weights([g for g in rank_groups if g.fold != fold], ranker.meta["l2"]),
            _weights([g for g in read_groups if g.fold != fold], reader.meta["l2"]),
        )
        for fold in sorted({it.fold for it in items})
    }
    answerable, correct = fit_confidence(items, by_fold, say)
    args.out.mkdir(parents=True, exist_ok=True)
    for model in (ranker, reader, answerable, correct):
        (args.out / f"{model.name}.json").write_text(model.to_json(), encoding="utf-8")
    say(f"wrote {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


def fit_groups(name: str, groups: list[Group]) -> LinearModel:
    """Choose the L2 penalty by cross-validated top-1 accuracy over folds, then fit on all."""
    folds = sorted({g.fold for g in groups})
    results = {}
    for l2 in L2_GRID:
        right = 0.0
        for fold in folds:
            held = [g for g in groups if g.fold == fold]
            weights = _weights([g for g in groups if g.fold != fold], l2)
            picks = listwise.choose([g.features for g in held], weights)
            right += sum(g.targets[k] == max(g.targets) for g, k in zip(held, picks, strict=True))
        results[l2] = right / len(groups)
    best = max(L2_GRID, key=lambda v: (results[v], -v))
    say(
        f"{name}: {len(groups)} groups; top-1 by L2 "
        + ", ".join(f"{v:g}: {100 * r:.1f}%" for v, r in results.items())
    )
    per_fold: dict[str, int] = defaultdict(int)
    for g in groups:
        per_fold[g.fold] += 1
    return LinearModel(
        name,
        _weights(groups, best),
        meta={
            "l2": best,
            "groups": len(groups),
            "cv_top1": round(results[best], 4),
            "folds": dict(sorted(per_fold.items())),
        },
    )


def _weights(groups: list[Group], l2: float) -> dict[str, float]:
    return listwise.fit(
        [g.features for g in groups], [g.targets for g in groups], l2, [g.weight for g in groups]
    )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
