"""Starter questions offered on a first visit, chosen for the articles that are loaded."""

from __future__ import annotations

from collections.abc import Sequence

from qa.types import Article

# Questions that show what the engine does well on the bundled and test articles.
KNOWN = {
    "china-gene-medicine-valley-wenzhou": (
        "How many professionals work in the valley?",
        "Who is the chairman of Uren Biotech?",
        "When was the valley established?",
    ),
    "harbor-solar-farm": (
        "How much did the solar farm cost?",
        "How many panels does the farm have?",
    ),
}


def starter_questions(articles: Sequence[Article], limit: int = 4) -> list[str]:
    """Up to ``limit`` questions, taking turns between articles so that each gets one early.

    An article without known questions gets "Tell me about <title>."
    """
    per_article = [KNOWN.get(a.id) or (f"Tell me about {a.title}.",) for a in articles]
    picked: list[str] = []
    for round_ in range(max((len(qs) for qs in per_article), default=0)):
        picked.extend(qs[round_] for qs in per_article if round_ < len(qs))
    return picked[:limit]
