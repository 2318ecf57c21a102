"""Features of a candidate sentence for a question: how well, and how, it matches.

Every feature is a number a person could check by reading the two: how much of the
question's weight the sentence, its neighbours, its paragraph and its article's title hold;
whether it has the question's verb, its asked-about noun, its numbers, its word pairs as the
question links them; whether it holds an entity of the kind asked for. Features named
``*_gap`` compare a sentence with the best of the other candidates for the same question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..reading.query import Query
from ..reading.words import lemma
from .table import SentenceTable

RELATIVE = ("cov", "acov", "lcov", "edges", "pcov", "cov_ctx", "verb", "type_ok", "desc")
_LIGHT_VERBS = frozenset({"be", "do", "have"})


@dataclass(frozen=True)
class Scores:
    """Retrieval scores of every sentence for one question (BM25, its passages' best)."""

    sentence: np.ndarray
    context: np.ndarray
    combined: np.ndarray
    article_best: dict[str, float]
    top_sentence: float
    top_context: float
    top_combined: float


def sentence_features(
    table: SentenceTable,
    query: Query,
    weights: dict[str, float],
    i: int,
    rank: int,
    scores: Scores,
    context_terms: frozenset[str],
    own_terms: frozenset[str],
) -> dict[str, float]:
    """Features of sentence ``i`` (ranked ``rank`` by BM25) for ``query``.

    ``weights`` are the idf weights of the query's index terms; ``own_terms`` and
    ``context_terms`` the sentence's index terms, alone and with its neighbours.
    """
    f: dict[str, float] = {
        "bm25": scores.sentence[i] / scores.top_sentence,
        "ctx": scores.context[i] / scores.top_context,
        "comb": scores.combined[i] / scores.top_combined,
        "rank_inv": 1.0 / (1 + rank),
        "art": scores.article_best[table.article[i]] / scores.top_combined,
        "bm25_log": math.log1p(scores.sentence[i]),
    }
    terms = query.terms
    total = sum(weights[t] for t in terms) or 1.0
    article = table.article[i]
    f["cov"] = sum(weights[t] for t in terms if t in own_terms) / total
    f["cov_ctx"] = sum(weights[t] for t in terms if t in context_terms - own_terms) / total
    a_weights = {t: table.article_idf(article, t) for t in terms}
    f["acov"] = sum(a_weights[t] for t in terms if t in own_terms) / (sum(a_weights.values()) or 1)
    para = table.paragraph_terms[table.paragraph[i]]
    f["pcov"] = sum(weights[t] for t in terms if t in para) / total
    f["cov_title"] = sum(weights[t] for t in terms if t in table.titles[article]) / total
    f["miss_n"] = float(sum(1 for t in terms if t not in context_terms))
    lemmas = table.lemmas[i]
    l_total = sum(table.idf(w) for w in query.lemmas) or 1.0
    f["lcov"] = sum(table.idf(w) for w in query.lemmas if w in lemmas) / l_total
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
        near = table.keys[i].union(*(table.keys[j] for j in table.neighbours(i)))
        total_d = sum(table.idf(w) for w in described) or 1.0
        share = sum(table.idf(w) for w in described if w in near) / total_d
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
