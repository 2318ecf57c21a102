"""The metric code, on hand-made answers whose scores are known, so the numbers can be trusted."""

from __future__ import annotations

import math

import ir_measures
import numpy as np
import pytest
from ir_measures import RR, R

from qa import metrics, quantities
from qa.cases import PROJECT_ROOT, Case, default_testsets, extra_corpora, load_cases
from qa.engine import Engine
from qa.evaluate import aggregate, evaluate, score_case
from qa.types import Answer, Citation, Sentence

# --- SQuAD normalisation, exact match, F1 ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("The Chinese Academy of Engineering.", "chinese academy of engineering"),
        ("  Zheng   PEIDUO ", "zheng peiduo"),
        ("an R&D team", "rd team"),
        ("master's graduates", "masters graduates"),
        ("", ""),
    ],
)
def test_normalize_answer_follows_squad(text: str, normal: str) -> None:
    assert metrics.normalize_answer(text) == normal


def test_exact_match_takes_the_best_gold_answer() -> None:
    assert metrics.exact_match("the Wenzhou University", ["Wenzhou University"]) == 1.0
    assert metrics.exact_match("Wenzhou", ["Wenzhou University", "Ouhai"]) == 0.0
    assert metrics.exact_match("anything", []) == 0.0


def test_token_f1_counts_shared_tokens() -> None:
    # prediction 4 tokens, gold 2, 2 shared: P = 1/2, R = 1, F1 = 2/3
    assert metrics.token_f1("Zheng Peiduo, Uren chairman", ["Zheng Peiduo"]) == pytest.approx(2 / 3)
    assert metrics.token_f1("multiple myeloma", ["multiple myeloma"]) == 1.0
    assert metrics.token_f1("leukaemia", ["multiple myeloma"]) == 0.0
    assert metrics.token_f1("x", ["a b", "x y"]) == pytest.approx(2 / 3)
    assert metrics.token_f1("the", ["a"]) == 0.0  # both normalise to nothing


# --- SQuAD 2.0 scoring, hit and cite@1 ------------------------------------------------------


def test_squad_v2_scores_an_abstention_by_whether_the_question_had_an_answer() -> None:
    # None is an abstention; no gold answers is an unanswerable question
    assert metrics.squad_v2_exact(None, []) == metrics.squad_v2_f1(None, []) == 1.0
    assert metrics.squad_v2_exact(None, ["the mill"]) == metrics.squad_v2_f1(None, ["mill"]) == 0.0
    assert metrics.squad_v2_exact("the old mill", []) == 0.0
    assert metrics.squad_v2_f1("the old mill", []) == 0.0
    # a gold answer that normalises to nothing counts as no answer, as in the official script
    assert metrics.squad_v2_exact(None, ["The."]) == 1.0


def test_squad_v2_scores_an_answer_like_the_official_script() -> None:
    assert metrics.squad_v2_exact("The Old Mill.", ["old mill", "a mill"]) == 1.0
    # "old mill by the river" against "old mill": P = 2/4, R = 1, F1 = 2/3
    assert metrics.squad_v2_f1("old mill by the river", ["old mill"]) == pytest.approx(2 / 3)
    # the best over the gold answers: "river" against "the river" is exact
    assert metrics.squad_v2_f1("river", ["old mill", "the river"]) == 1.0
    assert metrics.squad_v2_exact("", ["old mill"]) == 0.0  # an empty reply is no abstention


@pytest.mark.parametrize(
    ("text", "gold", "found"),
    [
        ("It opened in 1937.", ["1937"], True),
        ("in the 1930s", ["1930"], False),  # not a whole word
        ("the PARTY met", ["art"], False),
        ("The Old  Mill\nby the river", ["old mill by"], True),  # case and spaces
        ("It cost $5 million.", ["$5 million"], True),
        ("Ms. Marten, the engineer", ["Marten"], True),
        ("anything", [""], False),
        ("anything", [], False),
    ],
)
def test_contains_answer_looks_for_whole_words(text: str, gold: list[str], found: bool) -> None:
    assert metrics.contains_answer(text, gold) is found


def test_answer_hit_reads_the_short_answer_then_a_short_enough_reply() -> None:
    sentence = "The mill was built by Ilse Marten in 1911."
    assert metrics.answer_hit("Ilse Marten", sentence, ["Ilse Marten"])
    assert metrics.answer_hit("1911", sentence, ["Ilse Marten"])  # failing that, the reply
    assert metrics.answer_hit(None, sentence, ["Ilse Marten"])
    long_reply = sentence + " " + "It has stood there since. " * 20
    assert len(long_reply) > 400
    assert not metrics.answer_hit(None, long_reply, ["Ilse Marten"])
    assert metrics.answer_hit(None, long_reply, ["Ilse Marten"], long_limit=1000)
    assert not metrics.answer_hit("Tomas", "Tomas Ferreira", ["Ferreira Tomas"])


def test_span_inside_wants_a_whole_gold_span_within_the_citation() -> None:
    assert metrics.span_inside([(10, 20)], 10, 20)
    assert metrics.span_inside([(50, 60), (12, 15)], 0, 30)
    assert not metrics.span_inside([(10, 20)], 0, 19)  # the end is exclusive
    assert not metrics.span_inside([(10, 20)], 11, 40)
    assert not metrics.span_inside([], 0, 100)


# --- ROC AUC --------------------------------------------------------------------------------


def test_roc_auc_is_the_chance_a_positive_outranks_a_negative() -> None:
    # positives 0.35, 0.8; negatives 0.1, 0.4: 3 of the 4 pairs are ordered right
    assert metrics.roc_auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == 0.75
    assert metrics.roc_auc([0.9, 0.1], [True, False]) == 1.0
    assert metrics.roc_auc([0.9, 0.1], [False, True]) == 0.0
    assert metrics.roc_auc([0.5, 0.5, 0.5], [True, False, False]) == 0.5  # ties count half
    assert metrics.roc_auc([0.2, 0.7], [True, True]) is None  # one class only
    assert metrics.roc_auc([], []) is None
    with pytest.raises(ValueError):
        metrics.roc_auc([0.1], [True, False])


@pytest.mark.parametrize("seed", range(5))
def test_roc_auc_agrees_with_scikit_learn(seed: int) -> None:
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(seed)
    labels = rng.random(300) < 0.3
    # rounded scores make many ties; positives score a little higher on average
    scores = np.round(rng.random(300) + 0.3 * labels, 1)
    ours = metrics.roc_auc(scores.tolist(), labels.tolist())
    assert ours == pytest.approx(roc_auc_score(labels, scores), abs=1e-12)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("10.23 billion yuan", 10.23e9, "yuan"),
        ("about $2.37 billion", 2.37e9, "usd"),
        ("US$ 189,000 per injection", 189_000, "usd"),
        ("RMB 15 billion", 15e9, "yuan"),
        ("6,053 professionals", 6053, ""),
        ("776", 776, ""),
        ("two academicians", 2, ""),
        ("34.7 percent", 34.7, "percent"),
        ("31.4%", 31.4, "percent"),
        ("3.3 percentage points", 3.3, "percent"),
        ("5 square kilometers", 5, "km2"),
        ("1.8 sq km", 1.8, "km2"),
        ("720 million kilowatt-hours", 720e6, "kwh"),
        ("600 MW", 600, "mw"),
        ("6,700 square meters", 6700, "m2"),
        ("32.6 km", 32.6, "km"),
        ("37 minutes", 37, "minutes"),
        ("about 3 years ago", 3, "years"),
        ("1 year and 9 months", 1.75, "years"),
        ("21 months", 1.75, "years"),
        ("In 2021, revenue reached 10.23 billion yuan", 10.23e9, "yuan"),  # the year is skipped
        ("As of March 8, 2022, about 3 years", 3, "years"),  # so is the day of a month
        ("on 8 March 2022: 5 km2", 5, "km2"),
        ("8 marchers", 8, ""),
        ("twenty-two years", 22, "years"),
        ("forty people", 40, ""),
        ("£4.2m", 4.2e6, "gbp"),
        ("€38.5 million", 38.5e6, "eur"),
        ("48 million euros", 48e6, "eur"),
        ("90 pounds sterling", 90, "gbp"),
        ("340 hectares", 340, "hectares"),
        ("12 tonnes", 12, "tonnes"),
        ("96 metres", 96, "metres"),
        ("6 weeks", 6, "weeks"),
    ],
)
def test_first_quantity_reads_value_scale_and_unit(text: str, value: float, unit: str) -> None:
    q = quantities.first_quantity(text)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_first_quantity_is_none_without_a_number() -> None:
    assert quantities.first_quantity("Ouhai district") is None
    assert quantities.first_quantity("It was founded in 2019.") is None


def test_numeric_match_checks_the_first_number_its_unit_and_the_tolerance() -> None:
    assert quantities.numeric_match("About 7.59 billion yuan in 2020", 7.5947e9, "yuan", 0.01)
    assert not quantities.numeric_match("About 7.59 billion yuan", 7.5947e9, "yuan", 0.0001)
    assert not quantities.numeric_match("About $7.59 billion", 7.5947e9, "yuan", 0.01)
    assert not quantities.numeric_match("34.7 percent, to 10.23 billion yuan", 10.23e9, "yuan")
    assert quantities.numeric_match("776 graduates", 776)
    assert not quantities.numeric_match("776 yuan", 776)  # a count has no currency
    assert quantities.numeric_match("about 2 years", 1.75, "years", abs_tolerance=0.25)
    assert quantities.numeric_match("$2.37 billion", 2.367e9, "USD", 0.01)
    assert not quantities.numeric_match("no number here", 1)
    assert quantities.numeric_match("1 year and 9 months", 21, "months")
    with pytest.raises(ValueError, match="unknown unit 'furlongs'"):
        quantities.numeric_match("3 furlongs", 3, "furlongs")


# --- citations, abstention, retrieval, percentiles ----------------------------------------------


def test_citation_precision_and_recall() -> None:
    assert metrics.citation_precision(["a", "b"], ["a"]) == 0.5
    assert metrics.citation_precision(["a", "b"], ["a"], allowed=["b"]) == 1.0
    assert metrics.citation_recall(["a"], ["a", "c"]) == 0.5
    assert metrics.citation_recall(["a", "c", "x"], ["a", "c"]) == 1.0
    assert metrics.citation_recall([], ["a"]) == 0.0


def test_a_requirement_with_alternatives_is_met_by_either() -> None:
    # "a|b": the article states the fact twice; citing either sentence is right
    assert metrics.citation_recall(["b"], ["a|b", "c"]) == 0.5
    assert metrics.citation_precision(["b", "c"], ["a|b", "c"]) == 1.0
    assert metrics.recall_at_k(["b", "x", "c"], ["a|b", "c"], 1) == 0.5
    assert metrics.recall_at_k(["b", "a", "c"], ["a|b", "c"], 3) == 1.0
    assert metrics.reciprocal_rank(["x", "b"], ["a|b"]) == 0.5


def test_abstention_scores_treat_abstaining_as_the_positive_class() -> None:
    abstained = [True, True, False, False, True]
    unanswerable = [True, False, True, False, True]
    s = metrics.abstention_scores(abstained, unanswerable)
    assert (s.true_positives, s.predicted, s.actual) == (2, 3, 3)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    never = metrics.abstention_scores([False, False], [True, False])
    assert never.precision is None and never.recall == 0.0


def test_recall_at_k_and_reciprocal_rank() -> None:
    ranked = ["s3", "s1", "s7", "s2"]
    assert metrics.recall_at_k(ranked, ["s1"], 1) == 0.0
    assert metrics.recall_at_k(ranked, ["s1"], 3) == 1.0
    assert metrics.recall_at_k(ranked, ["s1", "s9"], 3) == 0.5
    assert metrics.reciprocal_rank(ranked, ["s7", "s2"]) == pytest.approx(1 / 3)
    assert metrics.reciprocal_rank(ranked, ["s9"]) == 0.0


@pytest.mark.parametrize("q", [0, 25, 50, 95, 100])
def test_percentile_agrees_with_numpy(q: float) -> None:
    values = [3.0, 1.0, 4.0, 1.5, 9.0, 2.6, 5.0]
    assert metrics.percentile(values, q) == pytest.approx(float(np.percentile(values, q)))
    assert metrics.percentile([], q) is None


# --- hand-made systems over the real test sets ----------------------------------------------


@pytest.fixture(scope="module")
def engines() -> list[Engine]:
    return [Engine.from_corpus(p) for p in [PROJECT_ROOT / "corpus", *extra_corpora()]]


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases(default_testsets())


@pytest.fixture(scope="module")
def sentences(engines: list[Engine]) -> dict[str, Sentence]:
    return {s.id: s for e in engines for s in e.sentences}


_UNIT_WORDS = {
    "yuan": "yuan",
    "percent": "percent",
    "km2": "square kilometers",
    "years": "years",
    "mw": "megawatts",
    "kwh": "kWh",
    "m2": "square meters",
    "km": "kilometers",
    "days": "days",
    "hours": "hours",
    "minutes": "minutes",
    "months": "months",
    "": "",
}


def spoken(value: float, unit: str) -> str:
    """How a person would write the expected number: "$2.367 billion", "6,053"."""
    for scale, word in ((1e9, " billion"), (1e6, " million"), (1, "")):
        if abs(value) >= scale:
            number = f"{value / scale:,.6g}{word}"
            break
    else:
        number = f"{value:g}"
    if unit == "usd":
        return "$" + number
    return f"{number} {_UNIT_WORDS[unit]}".strip()


def perfect(case: Case, sentences: dict[str, Sentence], cite: list[str] | None = None) -> Answer:
    """What a flawless system would return for ``case`` (citing ``cite`` if given)."""
    if not case.answerable:
        return Answer("The article does not say.", False, "none", 0.0)
    if case.answers:
        text = case.answers[0]
    else:
        assert case.number is not None
        text = spoken(case.number.value, case.number.unit)
    if cite is None:  # the first of each requirement's alternatives
        cite = [sorted(metrics.alternatives(r))[0] for r in case.cite]
    others = [sid for sid in sentences if sid not in cite]
    return Answer(
        answer=text,
        answered=True,
        method="rule",
        confidence=1.0,
        citations=tuple(Citation.of(sentences[sid]) for sid in cite),
        short_answer=case.answers[0] if case.answers else None,
        ranked=tuple(cite + others),
    )


def test_a_perfect_system_scores_one_everywhere(cases: list[Case], sentences: dict) -> None:
    results = [score_case(c, perfect(c, sentences), 1.0) for c in cases]
    assert [r.case.id for r in results if not r.passed] == []
    agg = aggregate(results)
    for name in (
        "exact_match",
        "f1",
        "numeric_accuracy",
        "citation_precision",
        "citation_recall",
        "abstention_precision",
        "abstention_recall",
        "mrr",
    ):
        assert agg[name] == 1.0, name
    # recall@1 of a case with two required sentences is at most 1/2
    best_at_1 = [1 / len(c.cite) for c in cases if c.answerable]
    assert agg["recall@1"] == pytest.approx(sum(best_at_1) / len(best_at_1))
    assert agg["recall@3"] == 1.0
    assert agg["cases"] == agg["passed"] == len(cases)


def test_an_always_abstaining_system(cases: list[Case]) -> None:
    silent = Answer("The article does not say.", False, "none", 0.0)
    agg = aggregate([score_case(c, silent, 1.0) for c in cases])
    unanswerable = sum(not c.answerable for c in cases)
    assert agg["abstention_recall"] == 1.0
    assert agg["abstention_precision"] == pytest.approx(unanswerable / len(cases))
    assert agg["numeric_accuracy"] == 0.0
    assert agg["exact_match"] == 0.0
    assert agg["citation_recall"] == 0.0
    assert agg["citation_precision"] is None  # nothing was cited
    assert agg["passed"] == unanswerable


def test_a_system_citing_the_wrong_sentence(cases: list[Case], sentences: dict) -> None:
    def wrong(case: Case) -> list[str]:
        right = set().union(*map(metrics.alternatives, case.cite + case.cite_ok))
        return [s for s in sentences if s.startswith(case.article + ":") and s not in right][:1]

    results = [score_case(c, perfect(c, sentences, wrong(c)), 1.0) for c in cases]
    agg = aggregate(results)
    assert agg["numeric_accuracy"] == 1.0 and agg["exact_match"] == 1.0
    assert agg["citation_precision"] == 0.0
    assert agg["citation_recall"] == 0.0
    assert agg["recall@1"] == 0.0
    assert agg["mrr"] < 1.0
    answerable = [r for r in results if r.case.answerable]
    assert all("missing citation" in r.reasons for r in answerable)


def test_an_answer_to_an_unanswerable_question_fails_and_its_citations_count_wrong(
    cases: list[Case], sentences: dict
) -> None:
    case = next(c for c in cases if not c.answerable)
    guess = perfect(next(c for c in cases if c.answerable), sentences)
    result = score_case(case, guess, 1.0)
    assert result.reasons == ("answered an unanswerable question",)
    assert result.citation_precision == 0.0
    assert aggregate([result])["abstention_recall"] == 0.0


# --- retrieval metrics agree with ir_measures ---------------------------------------------


def _ir_measures(results: list) -> dict[str, float]:
    """R@1, R@3 and RR by ir_measures for results whose requirements have no alternatives."""
    qrels, run = [], []
    for r in results:
        if any("|" in sid for sid in r.case.cite):
            continue
        for sid in r.case.cite:
            qrels.append(ir_measures.Qrel(r.case.id, sid, 1))
        ranked = list(r.answer.ranked) or ["(nothing)"]
        for i, sid in enumerate(ranked):
            run.append(ir_measures.ScoredDoc(r.case.id, sid, float(len(ranked) - i)))
    got = ir_measures.calc_aggregate([R @ 1, R @ 3, RR], qrels, run)
    return {"recall@1": got[R @ 1], "recall@3": got[R @ 3], "mrr": got[RR]}


@pytest.mark.parametrize("baseline", [False, True], ids=["engine", "baseline"])
def test_retrieval_metrics_agree_with_ir_measures(
    cases: list[Case], engines: list[Engine], baseline: bool
) -> None:
    report = evaluate(cases, engines, baseline=baseline)
    answerable = [
        r for r in report.results if r.case.answerable and not any("|" in c for c in r.case.cite)
    ]
    assert len(answerable) > 150
    ours = aggregate(answerable)
    theirs = _ir_measures(answerable)
    for name, value in theirs.items():
        assert math.isclose(ours[name], value, abs_tol=1e-9), (name, ours[name], value)


def test_retrieval_metrics_agree_with_ir_measures_on_a_hand_made_run(
    cases: list[Case], sentences: dict
) -> None:
    # Two relevant sentences found at ranks 2 and 5, one at rank 1, one never.
    made = []
    plain = [c for c in cases if c.answerable and not any("|" in sid for sid in c.cite)]
    for case, order in zip(
        [c for c in plain if len(c.cite) == 2][:2] + [c for c in plain if len(c.cite) == 1][:2],
        [[9, 0, 8, 7, 1], [0, 9, 8, 7, 6], [0, 5], [5, 6]],
        strict=True,
    ):
        pool = list(case.cite) + [s for s in sentences if s not in case.cite]
        ranked = tuple(pool[i] for i in order)
        answer = Answer("x", True, "retrieval", 1.0, ranked=ranked)
        made.append(score_case(case, answer, 1.0))
    assert aggregate(made)["mrr"] == pytest.approx((1 / 2 + 1 + 1 + 0) / 4)
    theirs = _ir_measures(made)
    ours = aggregate(made)
    for name, value in theirs.items():
        assert ours[name] == pytest.approx(value), name


def test_a_later_unit_is_judged_only_when_a_case_asks_for_it() -> None:
    assert quantities.numeric_match("It costs £4.2m.", 4.2e6, "gbp")
    assert not quantities.numeric_match("It costs £4.2m.", 4.2e6, "eur")
    # a case written before pounds were a unit counts "£32" as 32
    assert quantities.numeric_match("A ticket is £32.", 32, "")
    assert not quantities.numeric_match("A ticket is $32.", 32, "")
