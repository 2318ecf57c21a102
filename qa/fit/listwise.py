"""A linear model fitted to choose one item of each group: a softmax over the group.

For the ranker (a question's candidate sentences) and the reader (a sentence's candidate
phrases), the model is fitted to put the probability of each group on its right items:
minimise the cross-entropy between the softmax of the scores and the target distribution,
plus an L2 penalty, with L-BFGS (SciPy). The same data gives the same weights.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize


def vectorise(
    groups: Sequence[Sequence[Mapping[str, float]]], names: Sequence[str] | None = None
) -> tuple[sp.csr_matrix, list[str]]:
    """Feature dicts as a sparse matrix (one row per item, groups in order)."""
    if names is None:
        names = sorted({k for g in groups for f in g for k in f})
    column = {n: j for j, n in enumerate(names)}
    rows, cols, vals = [], [], []
    r = 0
    for g in groups:
        for f in g:
            for k, v in f.items():
                if k in column and v:
                    rows.append(r)
                    cols.append(column[k])
                    vals.append(float(v))
            r += 1
    return sp.csr_matrix((vals, (rows, cols)), shape=(r, len(names))), list(names)


def fit(
    groups: Sequence[Sequence[Mapping[str, float]]],
    targets: Sequence[Sequence[float]],
    l2: float = 1.0,
    weights: Sequence[float] | None = None,
) -> dict[str, float]:
    """Weights by feature name. ``targets[g][i]`` is item ``i``'s share of group ``g``'s
    probability (a group whose targets are all 0 teaches nothing and is left out);
    ``weights[g]`` is how much group ``g`` counts (1 each by default)."""
    kept = [k for k, t in enumerate(targets) if sum(t) > 0]
    groups = [groups[k] for k in kept]
    counts = [1.0] * len(targets) if weights is None else weights
    target = np.concatenate(
        [counts[k] * np.asarray(targets[k], float) / sum(targets[k]) for k in kept]
    )
    x, names = vectorise(groups)
    sizes = np.array([len(g) for g in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(groups)), sizes)
    mass = np.add.reduceat(target, starts)  # each group's weight

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[owner])
        z = np.add.reduceat(e, starts)
        p = e / z[owner]
        log_p = s - top[owner] - np.log(z[owner])
        value = -(target * log_p).sum() + 0.5 * l2 * (w @ w)
        grad = x.T @ (p * mass[owner] - target) + l2 * w
        return float(value), np.asarray(grad)

    result = minimize(
        loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 1000}
    )
    return {n: float(w) for n, w in zip(names, result.x, strict=True) if abs(w) > 1e-9}


def choose(
    groups: Sequence[Sequence[Mapping[str, float]]], weights: Mapping[str, float]
) -> list[int]:
    """The index of the best-scored item of each group."""
    out = []
    for g in groups:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in g]
        out.append(int(np.argmax(scores)) if scores else -1)
    return out
