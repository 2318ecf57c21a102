"""Group sentences into passages, the units BM25 ranks.

Two ways, chosen by measuring (see the README's evaluation): a paragraph as written, or a
sliding window of ``n`` consecutive sentences of one article (stride 1), which gives a
sentence the context of its neighbours ("The company ..." after a sentence naming it).
"""

from __future__ import annotations

from collections.abc import Sequence

from .types import Article, Passage, Sentence


def _passage(article: Article, pid: str, group: Sequence[Sentence]) -> Passage:
    start, end = group[0].start, group[-1].end
    return Passage(
        id=pid,
        article=article.id,
        sentence_ids=tuple(s.id for s in group),
        start=start,
        end=end,
        text=article.text[start:end],
    )


def build_passages(
    article: Article, sentences: Sequence[Sentence], strategy: str = "window:2"
) -> list[Passage]:
    """Passages of one article's ``sentences`` by ``strategy``: "paragraph" or "window:N"."""
    if not sentences:
        return []
    if strategy == "paragraph":
        groups: list[list[Sentence]] = []
        for s in sentences:
            if groups and groups[-1][-1].paragraph == s.paragraph:
                groups[-1].append(s)
            else:
                groups.append([s])
    elif strategy.startswith("window:"):
        n = int(strategy.split(":", 1)[1])
        if n < 1:
            raise ValueError("window size must be at least 1")
        last = max(len(sentences) - n + 1, 1)
        groups = [list(sentences[i : i + n]) for i in range(last)]
    else:
        raise ValueError(f"unknown passage strategy {strategy!r} (paragraph or window:N)")
    return [_passage(article, f"{article.id}:p{i}", g) for i, g in enumerate(groups)]
