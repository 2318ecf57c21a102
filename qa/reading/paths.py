"""Paths in a dependency tree, as the labels of the edges walked between two words.

The path from the answer to a word it shares with the question, in the sentence, tends to
be the path from the wh-word to that word in the question ("Who founded X?": the answer is
the subject of "founded", as "who" is), so a reader compares the two.
"""

from __future__ import annotations

from spacy.tokens import Token

MAX_EDGES = 4  # longer paths are too rare to learn from


def ancestors(token: Token) -> list[Token]:
    """``token`` and its heads up to the root of its sentence."""
    out = [token]
    while token.head != token:
        token = token.head
        out.append(token)
    return out


def meeting(up: list[Token], theirs: list[Token]) -> tuple[int, int] | None:
    """Where two words meet in the tree, given their :func:`ancestors`: the edges up from the
    first and from the second to their lowest common head; None in different trees."""
    index = {t.i: k for k, t in enumerate(theirs)}
    for k, t in enumerate(up):
        if t.i in index:
            return k, index[t.i]
    return None


def path(
    a: Token, b: Token, up: list[Token] | None = None, theirs: list[Token] | None = None
) -> str | None:
    """The edges from ``a`` up to where it meets ``b``, then down to ``b``: "nsubj|dobj" (up
    one subject edge, down one object edge); None when they are over :data:`MAX_EDGES` edges
    apart. ``up`` and ``theirs`` are ``ancestors(a)`` and ``ancestors(b)``, when the caller
    has them."""
    up = ancestors(a) if up is None else up
    theirs = ancestors(b) if theirs is None else theirs
    met = meeting(up, theirs)
    if met is None or sum(met) > MAX_EDGES:
        return None
    k, j = met
    rising = "^".join(x.dep_ for x in up[:k])
    falling = "v".join(x.dep_ for x in reversed(theirs[:j]))
    return f"{rising}|{falling}"
