"""General English vocabulary the engine reads with, kept as data in one place.

Each module here holds word lists or tables for one purpose, and nothing about any article:
what kinds of answer a question's nouns ask for (``answer_types``), units and currencies
(``units``, ``currencies``), what a number measures (``measure_nouns``, ``measure_verbs``),
words of change and of time (``change_words``, ``time_words``), words that tie a sentence to
the ones before (``discourse_words``), question words and the synonyms a person uses for
what a text says. Code elsewhere imports the tables; it never spells words of its own.

Some lists are plain text files here (``<name>.txt``, ``#`` starts a comment), read by
:func:`words` (every word of the file) and :func:`table` (``key: values`` a line).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines()]


@cache
def words(name: str) -> frozenset[str]:
    """Every word of the list ``name`` (``<name>.txt``)."""
    return frozenset(w for line in _lines(name) for w in line.split())


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """The table ``name`` (``<name>.txt``): each key with its values, in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        key, sep, values = line.partition(":")
        if sep and key.strip():
            out[key.strip()] = out.get(key.strip(), ()) + tuple(values.split())
    return out
