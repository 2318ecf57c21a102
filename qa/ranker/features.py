"""Features of a candidate sentence for a question: how well, and how, it matches.

Every feature is a number a person could check by reading the two, and every count behind it
is taken within the sentence's own article: how much of the question's weight the sentence,
its neighbours, its paragraph and its article's title hold; whether it has the question's
verb, its asked-about noun, its numbers, its word pairs as the question links them; whether
it holds an entity of the kind asked for. Features named ``*_gap`` compare a sentence with the
best of the other candidates for the same question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..lexicon.answer_types import NAME_KINDS
from ..reading.query import Query
from ..reading.words import lemma
from .table import ArticleStats, SentenceTable

RELATIVE = ("cov", "lcov", "edges", "pcov", "cov_ctx", "verb", "type_ok", "name_ok", "desc")
_LIGHT_VERBS = frozenset({"be", "do", "have"})


@dataclass(frozen=True)
class Scores:
    """One article's BM25+ scores for a question (sentences, their best window)."""

    sentence: np.ndarray
    context: np.ndarray
    combined: np.ndarray

    def top(self, scores: np.ndarray) -> float:
        return float(scores.max()) if len(scores) else 1.0


def sentence_features(
    table: SentenceTable,
    stats: ArticleStats,
    query: Query,
    k: int,
    rank: int,
    scores: Scores,
) -> dict[str, float]:
    """Features of the ``k``-th sentence of an article (``rank``-th by BM25) for ``query``."""
    i = stats.sentences[k]
    f: dict[str, float] = {
        "bm25": scores.sentence[k] / (scores.top(scores.sentence) or 1.0),
        "ctx": scores.context[k] / (scores.top(scores.context) or 1.0),
        "comb": scores.combined[k] / (scores.top(scores.combined) or 1.0),
        "rank_inv": 1.0 / (1 + rank),
        "bm25_log": math.log1p(scores.sentence[k]),
    }
    terms = query.terms
    weights = {t: stats.idf(t) for t in terms}
    total = sum(weights.values()) or 1.0
    own = stats.term_counts[k]
    near = set(own).union(*(stats.term_counts[j] for j in (k - 1, k + 1) if 0 <= j < stats.size))
    f["cov"] = sum(weights[t] for t in terms if t in own) / total
    f["cov_ctx"] = sum(weights[t] for t in terms if t in near and t not in own) / total
    paragraph = stats.paragraph_terms[table.paragraph[i][1]]
    f["pcov"] = sum(weights[t] for t in terms if t in paragraph) / total
    f["cov_title"] = sum(weights[t] for t in terms if t in stats.title) / total
    f["miss_n"] = float(sum(1 for t in terms if t not in near))
    lemmas = table.lemmas[i]
    l_total = sum(stats.lemma_idf(w) for w in query.lemmas) or 1.0
    f["lcov"] = sum(stats.lemma_idf(w) for w in query.lemmas if w in lemmas) / l_total
    q = query.question
    if q.verb is not None and lemma(q.verb) not in _LIGHT_VERBS:
        f["has_verb"] = 1.0
        f["verb"] = float(lemma(q.verb) in lemmas)
    if q.head is not None:
        f["has_head"] = 1.0
        f["head"] = float(lemma(q.head) in lemmas)
    if q.labels:
        f["typed"] = 1.0
        f["type_ok"] = float(
            any(label in q.labels and not words & query.words for label, words in table.entities[i])
        )
    # A proper noun the question does not hold may answer a name, where the entity
    # recogniser missed it ("resettled his tribe into Amdo").
    if q.kind in NAME_KINDS:
        f["name_ok"] = float(bool(table.names[i] - query.words))
    if query.edges:
        shared = len(query.edges & table.edges[i])
        f["edges"] = shared / len(query.edges)
        f["edges_n"] = float(shared)
    if query.numbers:
        words = table.words[i]
        f["nums"] = sum(1 for n in query.numbers if n.lower() in words) / len(query.numbers)
    f["len"] = math.log1p(len(table.words[i]))
    if q.kind == "description":
        f["defines"] = float(bool(table.defines[i] & query.keys))
    described = _described(query)
    if described:
        around = table.keys[i].union(*(table.keys[j] for j in table.neighbours(i)))
        d_total = sum(stats.lemma_idf(w) for w in described) or 1.0
        share = sum(stats.lemma_idf(w) for w in described if w in around) / d_total
        f["desc"] = share
        f["desc_none"] = float(share == 0.0)
    return f


def _described(query: Query) -> list[str]:
    """What the question asks about its names: its content words that are not names nor the
    noun of the kind asked for ("mayor" in "Who is the mayor of Wenzhou?")."""
    q = query.question
    head = q.head.i if q.head is not None else -1
    return [
        lemma(t)
        for t in query.content
        if t.pos_ in ("NOUN", "VERB", "ADJ")
        and t.ent_type_ == ""
        and t.i != head
        and lemma(t) not in _LIGHT_VERBS
    ]


def add_relative(candidates: Sequence[dict[str, float]]) -> None:
    """Add each ``*_gap`` feature: a candidate's value less the best candidate's."""
    for name in RELATIVE:
        best = max((c.get(name, 0.0) for c in candidates), default=0.0)
        for c in candidates:
            if name in c or best:
                c[f"{name}_gap"] = c.get(name, 0.0) - best
