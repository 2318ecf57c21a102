"""General English vocabulary the engine reads with, kept as data in one place.

Each module here holds word lists or tables for one purpose, and nothing about any article:
what kinds of answer a question's nouns ask for (``answer_types``), units and currencies,
measure nouns and verbs, question words and the synonyms a person uses for what a text
says. Code elsewhere imports the tables; it never spells words of its own.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> Any:
    """The data of ``<name>.json`` in this package (parsed once per process)."""
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def words(name: str, key: str) -> frozenset[str]:
    """The word list ``key`` of ``<name>.json`` as a set."""
    return frozenset(load(name)[key])
