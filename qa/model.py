"""Linear models fitted on data (``python -m qa.fit``), read from small JSON files.

A model is a weight per named feature and a bias; a feature the file does not name weighs
nothing. Scoring is a dot product, so the engine needs nothing beyond the standard library
at run time; scikit-learn and SciPy fit the weights, once, offline.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).parent / "models"


@dataclass(frozen=True)
class LinearModel:
    """``score(x) = bias + sum(weights[name] * value)``; ``probability`` is its logistic."""

    name: str
    weights: Mapping[str, float]
    bias: float = 0.0
    meta: Mapping[str, Any] = field(default_factory=dict)  # how and on what it was fitted

    def score(self, features: Mapping[str, float]) -> float:
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        return _logistic(self.score(features))

    def to_json(self) -> str:
        data = {
            "name": self.name,
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v},
            "meta": dict(self.meta),
        }
        return json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        data = json.loads(text)
        return cls(
            data["name"],
            {k: float(v) for k, v in data["weights"].items()},
            float(data.get("bias", 0.0)),
            data.get("meta", {}),
        )


def load_model(name: str, folder: Path = MODEL_DIR) -> LinearModel:
    """The shipped model ``name`` (``qa/models/<name>.json``); an empty model when absent,
    so a fresh checkout works before the first fit."""
    path = folder / f"{name}.json"
    if not path.is_file():
        return LinearModel(name, {})
    return LinearModel.from_json(path.read_text(encoding="utf-8"))


def softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
