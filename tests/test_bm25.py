"""qa.bm25: the sparse-matrix index scores exactly as rank_bm25's own ``get_scores``."""

from __future__ import annotations

import numpy as np
import pytest
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from qa.bench import generate_corpus, generate_queries
from qa.bm25 import VARIANTS, BM25Index

TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def corpus() -> list[list[str]]:
    # Small vocabulary so that terms repeat within passages and common terms are everywhere.
    return generate_corpus(2_000, seed=7, vocabulary=3_000, length=(1, 40))


@pytest.fixture(scope="module")
def queries(corpus: list[list[str]]) -> list[list[str]]:
    made = generate_queries(corpus, 40, seed=8)
    # Repeated terms count twice; unknown terms add nothing; the commonest term, everywhere.
    return [*made, ["w0", "w0", "w1"], ["nowhere", "w5"], ["nowhere"], [], corpus[0] * 2]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_scores_equal_rank_bm25_get_scores(variant, corpus, queries) -> None:
    index = BM25Index(corpus, variant)
    reference = VARIANTS[variant](corpus)
    for q in queries:
        np.testing.assert_allclose(
            index.get_scores(q), reference.get_scores(q), rtol=0, atol=TOLERANCE
        )


@pytest.mark.parametrize(
    ("variant", "params"),
    [
        ("okapi", {"k1": 1.2, "b": 0.5}),
        ("bm25l", {"k1": 0.9, "b": 0.4, "delta": 0.8}),
        ("bm25plus", {"k1": 2.0, "b": 1.0, "delta": 0.5}),
    ],
)
def test_parameters_reach_the_model(variant, params, corpus, queries) -> None:
    index = BM25Index(corpus, variant, **params)
    reference = VARIANTS[variant](corpus, **params)
    for q in queries[:10]:
        np.testing.assert_allclose(index.get_scores(q), reference.get_scores(q), atol=TOLERANCE)


def test_the_model_is_rank_bm25s() -> None:
    index = BM25Index([["a", "b"], ["b", "c"]])
    assert isinstance(index.model, BM25Plus)
    assert isinstance(BM25Index([["a"]], "okapi").model, BM25Okapi)
    assert isinstance(BM25Index([["a"]], "bm25l").model, BM25L)
    assert index.idf_of("b") == pytest.approx(index.model.idf["b"])
    assert index.idf_of("zzz") is None
    assert set(index.vocabulary) == {"a", "b", "c"}
    assert index.size == 2


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown BM25 variant"):
        BM25Index([["a"]], "tfidf")


# --- tiny corpora, where Okapi's idf is zero or negative ---------------------------------------


def test_one_document_okapi_gives_a_negative_idf_but_plus_ranks_the_match() -> None:
    docs = [["gene", "valley"]]
    okapi = BM25Index(docs, "okapi")
    # log((1 - 1 + .5) / (1 + .5)) < 0, floored at epsilon times the (negative) mean idf
    assert (okapi.idf_of("gene") or 0.0) < 0
    assert okapi.get_scores(["gene"])[0] < 0
    plus = BM25Index(docs)
    assert plus.variant == "bm25plus"
    assert plus.get_scores(["gene"])[0] > 0
    assert plus.top_k(["gene"], 5) == [(0, pytest.approx(plus.get_scores(["gene"])[0]))]


def test_two_documents_okapi_cannot_tell_the_match_but_the_default_can() -> None:
    docs = [["wenzhou", "valley"], ["chairman", "valley"]]
    okapi = BM25Index(docs, "okapi")
    # A term in one of two documents has idf log(1.5 / 1.5) = 0: both score the same.
    assert okapi.idf_of("chairman") == 0
    s = okapi.get_scores(["chairman"])
    assert s[0] == s[1] == 0
    plus = BM25Index(docs)
    assert [i for i, _ in plus.top_k(["chairman"], 2)] == [1, 0]
    assert plus.get_scores(["chairman"])[1] > plus.get_scores(["chairman"])[0] > 0
    np.testing.assert_allclose(
        plus.get_scores(["chairman", "valley"]),
        BM25Plus(docs).get_scores(["chairman", "valley"]),
        atol=TOLERANCE,
    )


@pytest.mark.parametrize("documents", [[], [[]], [[], []]])
def test_empty_corpus_scores_nothing(documents) -> None:
    index = BM25Index(documents)
    assert index.size == len(documents)
    assert index.model is None
    assert index.get_scores(["gene"]).tolist() == [0.0] * len(documents)
    assert index.idf_of("gene") is None
    assert index.top_k(["gene"], 3) == [(i, 0.0) for i in range(min(3, len(documents)))]


def test_empty_documents_among_others_score_like_rank_bm25() -> None:
    docs = [["a", "b"], [], ["b", "b", "c"]]
    for variant, model in VARIANTS.items():
        np.testing.assert_allclose(
            BM25Index(docs, variant).get_scores(["b", "c"]),
            model(docs).get_scores(["b", "c"]),
            atol=TOLERANCE,
        )


# --- top k --------------------------------------------------------------------------------------


def reference_top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """A full stable sort: best first, ties by earlier document."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
    return [(i, float(scores[i])) for i in order]


@pytest.mark.parametrize("k", [1, 3, 10, 100, 1_999, 2_000, 5_000])
def test_top_k_is_the_best_k_best_first(k, corpus, queries) -> None:
    index = BM25Index(corpus)
    for q in queries[:15]:
        assert index.top_k(q, k) == reference_top(index.get_scores(q), k)


def test_top_k_breaks_ties_by_document_order() -> None:
    docs = [["x"], ["y"], ["x"], ["y"], ["x"], ["z"]]
    index = BM25Index(docs)
    assert [i for i, _ in index.top_k(["x"], 2)] == [0, 2]
    assert [i for i, _ in index.top_k(["x"], 6)] == [0, 2, 4, 1, 3, 5]
    assert index.top_k(["x"], 0) == []
    assert index.top_k(["x"], -1) == []


def test_top_k_selects_by_argpartition_not_a_full_sort(monkeypatch, corpus, queries) -> None:
    index = BM25Index(corpus)
    expected = index.top_k(queries[0], 10)
    calls = []
    real = np.argpartition

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(np, "argpartition", counted)
    monkeypatch.setattr(np, "argsort", lambda *a, **kw: pytest.fail("full sort in top_k"))
    monkeypatch.setattr(np, "sort", lambda *a, **kw: pytest.fail("full sort in top_k"))
    assert index.top_k(queries[0], 10) == expected
    assert calls


# --- weighted queries ---------------------------------------------------------------------------


def test_a_weight_is_a_repeat_count(corpus) -> None:
    index = BM25Index(corpus)
    reference = BM25Plus(corpus)
    np.testing.assert_allclose(
        index.get_scores({"w3": 2.0, "w7": 1.0}),
        reference.get_scores(["w3", "w3", "w7"]),
        atol=TOLERANCE,
    )
    np.testing.assert_allclose(index.get_scores({"w3": 2}), index.get_scores(["w3", "w3"]))


def test_weighted_scores_are_linear_in_the_weights(corpus) -> None:
    index = BM25Index(corpus)
    a, b = index.get_scores(["w11"]), index.get_scores(["w40"])
    np.testing.assert_allclose(
        index.get_scores({"w11": 0.5, "w40": 1.75, "nowhere": 3.0}),
        0.5 * a + 1.75 * b,
        atol=TOLERANCE,
    )


def test_query_vector_keeps_known_terms_and_adds_repeats() -> None:
    index = BM25Index([["a", "b"], ["c"]])
    col = index.vocabulary
    assert index.query_vector(["a", "a", "zzz", "c"]) == {col["a"]: 2.0, col["c"]: 1.0}
    assert index.query_vector({"b": 0.25, "zzz": 4.0}) == {col["b"]: 0.25}


def test_the_floor_is_the_score_of_a_document_without_the_query_terms() -> None:
    docs = [["harbour", "ferry"], ["ferry", "timetable"], ["museum"]]
    plus = BM25Index(docs)
    floor = plus.floor(["ferry", "harbour"])
    assert floor > 0  # BM25+ gives every document delta * idf for every query term
    assert plus.get_scores(["ferry", "harbour"])[2] == pytest.approx(floor)
    assert BM25Index(docs, "okapi").floor(["ferry", "harbour"]) == 0.0
    assert plus.floor(["unknown"]) == 0.0
