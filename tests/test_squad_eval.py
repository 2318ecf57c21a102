"""SQuAD-format test sets: the loader, the split, the scoring of one reply, the runs with and
without each question's article, ``qa eval FILE.json`` through click's runner, and the gate on
the SQuAD check split."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qa.cases import PROJECT_ROOT, TEST_DATA_DIR, CaseFileError, extra_corpora
from qa.cli import main
from qa.squad import (
    DEFAULT_SPLIT_FILE,
    PARAGRAPH_SEPARATOR,
    SquadSet,
    load_splits,
    load_squad,
    slug,
)
from qa.squad_eval import aggregate, always_abstain, evaluate_squad, score
from qa.types import Answer, Citation

SQUAD_FILE = TEST_DATA_DIR / "squad" / "train-first10.json"
SQUAD_SHA256 = "53e67dd96e8597a8ef600e795d54d3fdef18486d42721884d38d652e2a2638cb"

# A tiny SQuAD 2.0 file of our own: two articles, five questions, one without an answer.
LAKE = [
    "Lake Varna is a freshwater lake in the Selby Hills. It covers 42 square kilometres and is "
    "61 metres deep at its deepest point.",
    "The lake was formed by a glacier about 12,000 years ago. A ferry has crossed it since "
    "1911, when the engineer Ilse Marten built the first pier.",
]
BRIDGE = [
    "The Copper Street Bridge is a steel arch bridge over the Oder canal. It opened to traffic "
    "in 1937.",
    "The bridge was designed by the architect Tomas Ferreira. It carries four lanes of traffic "
    "and two footpaths.",
]


def answer(paragraph: str, text: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = paragraph.index(text, start + 1)
    return {"text": text, "answer_start": start}


def qa(qid: str, question: str, *answers: dict[str, Any]) -> dict[str, Any]:
    return {"id": qid, "question": question, "answers": list(answers), "is_impossible": False}


TINY: dict[str, Any] = {
    "version": "v2.0",
    "data": [
        {
            "title": "Lake_Varna",
            "paragraphs": [
                {
                    "context": LAKE[0],
                    "qas": [
                        qa("lake-deep", "How deep is Lake Varna?", answer(LAKE[0], "61 metres"))
                    ],
                },
                {
                    "context": LAKE[1],
                    "qas": [
                        qa(
                            "lake-pier",
                            "Who built the first pier on Lake Varna?",
                            answer(LAKE[1], "Ilse Marten"),
                            answer(LAKE[1], "the engineer Ilse Marten"),
                            answer(LAKE[1], "Ilse Marten"),  # a second worker, same answer
                        ),
                        {
                            "id": "lake-ferry-owner",
                            "question": "Who owns the ferry company on Lake Varna?",
                            "answers": [],
                            "is_impossible": True,
                            "plausible_answers": [answer(LAKE[1], "Ilse Marten")],
                        },
                    ],
                },
            ],
        },
        {
            "title": "Copper_Street_Bridge",
            "paragraphs": [
                {
                    "context": BRIDGE[0],
                    "qas": [
                        qa(
                            "bridge-opened",
                            "When did the Copper Street Bridge open?",
                            answer(BRIDGE[0], "1937"),
                        )
                    ],
                },
                {
                    "context": BRIDGE[1],
                    "qas": [
                        qa(
                            "bridge-architect",
                            "Who designed the Copper Street Bridge?",
                            answer(BRIDGE[1], "Tomas Ferreira"),
                        )
                    ],
                },
            ],
        },
    ],
}


def write_json(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def tiny_path(tmp_path: Path) -> Path:
    return write_json(tmp_path / "tiny.json", TINY)


@pytest.fixture
def tiny(tiny_path: Path) -> SquadSet:
    return load_squad(tiny_path)


def split_file(path: Path, squad: SquadSet, blind: tuple[str, ...] = ()) -> Path:
    doc = {
        "sha256": squad.sha256,
        "splits": {"lake": ["Lake_Varna"], "bridge": ["Copper_Street_Bridge"]},
        "blind": list(blind),
    }
    return write_json(path, doc)


# --- the loader -------------------------------------------------------------------------------


def test_each_squad_article_becomes_an_article_of_its_paragraphs(tiny: SquadSet) -> None:
    lake, bridge = tiny.articles
    assert (lake.id, lake.title, bridge.id, bridge.title) == (
        "lake-varna",
        "Lake Varna",
        "copper-street-bridge",
        "Copper Street Bridge",
    )
    assert lake.text == PARAGRAPH_SEPARATOR.join(LAKE)
    assert [lake.text[s:e] for s, e in lake.paragraphs] == LAKE
    assert (lake.source, lake.date) == (None, None)
    assert tiny.titles == {
        "Lake_Varna": "lake-varna",
        "Copper_Street_Bridge": "copper-street-bridge",
    }


def test_gold_answers_point_into_the_article_text_without_repeats(tiny: SquadSet) -> None:
    texts = {a.id: a.text for a in tiny.articles}
    cases = {c.id: c for c in tiny.cases}
    assert list(cases) == [
        "lake-deep",
        "lake-pier",
        "lake-ferry-owner",
        "bridge-opened",
        "bridge-architect",
    ]
    pier = cases["lake-pier"]
    assert pier.answers == ("Ilse Marten", "the engineer Ilse Marten")
    assert len(pier.spans) == 2
    for case in tiny.cases:
        for start, end in case.spans:
            assert texts[case.article][start:end] in case.answers
    # the second paragraph's answer lies past the first paragraph and the blank line
    start, _ = pier.spans[0]
    assert start > len(LAKE[0]) + len(PARAGRAPH_SEPARATOR)
    owner = cases["lake-ferry-owner"]
    assert (owner.answerable, owner.answers, owner.spans) == (False, (), ())
    assert all(c.article_loaded for c in tiny.cases)


def test_a_squad_1_1_file_has_only_answerable_questions(tmp_path: Path) -> None:
    doc = json.loads(json.dumps(TINY))
    doc["version"] = "1.1"
    for article in doc["data"]:
        for para in article["paragraphs"]:
            para["qas"] = [q for q in para["qas"] if not q["is_impossible"]]
            for q in para["qas"]:
                del q["is_impossible"]
    squad = load_squad(write_json(tmp_path / "v11.json", doc))
    assert len(squad.cases) == 4
    assert all(c.answerable for c in squad.cases)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Frédéric_Chopin", "frederic-chopin"),
        ("Beyoncé", "beyonce"),
        ("The_Legend_of_Zelda:_Twilight_Princess", "the-legend-of-zelda-twilight-princess"),
        ("IPod", "ipod"),
        ("A (1999 film)", "a-1999-film"),
    ],
)
def test_article_ids_are_ascii_slugs_of_the_title(title: str, expected: str) -> None:
    assert slug(title) == expected


def _broken(change: str) -> dict[str, Any]:
    doc = json.loads(json.dumps(TINY))
    para = doc["data"][0]["paragraphs"][1]
    if change == "no data":
        return {"version": "v2.0"}
    if change == "no title":
        del doc["data"][1]["title"]
    elif change == "context":
        para["context"] = 7
    elif change == "offset":
        para["qas"][0]["answers"][0]["answer_start"] = 10_000
    elif change == "no answers":
        para["qas"][0]["answers"] = []
    elif change == "same id":
        para["qas"][1]["id"] = "lake-deep"
    elif change == "question":
        para["qas"][0]["question"] = " "
    return doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("no data", "not a SQuAD file (no 'data' list of articles)"),
        ("no title", "data[1]: an article needs a non-empty string 'title'"),
        ("context", "data[0].paragraphs[1]: a paragraph needs a string 'context'"),
        ("offset", "data[0].paragraphs[1].qas[0]: answer 'Ilse Marten' starts outside"),
        ("no answers", "data[0].paragraphs[1].qas[0]: an answerable question needs 'answers'"),
        ("same id", "question id 'lake-deep' is used twice"),
        ("question", "qas[0]: 'question' must be a non-empty string"),
    ],
)
def test_a_malformed_file_is_one_error_naming_the_place(
    tmp_path: Path, change: str, message: str
) -> None:
    path = write_json(tmp_path / "bad.json", _broken(change))
    with pytest.raises(CaseFileError, match="^" + str(path)) as info:
        load_squad(path)
    assert message in str(info.value)
    (tmp_path / "not.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(CaseFileError, match="not JSON"):
        load_squad(tmp_path / "not.json")


# --- splits and absent articles ---------------------------------------------------------------


def test_a_split_selects_its_articles_questions(tiny: SquadSet, tmp_path: Path) -> None:
    splits = split_file(tmp_path / "split.json", tiny)
    assert [c.id for c in tiny.split("bridge", splits)] == ["bridge-opened", "bridge-architect"]
    assert [c.id for c in tiny.select(["Lake_Varna"])] == [
        "lake-deep",
        "lake-pier",
        "lake-ferry-owner",
    ]
    with pytest.raises(CaseFileError, match="no split 'nope'.*its splits: lake, bridge"):
        tiny.split("nope", splits)
    with pytest.raises(CaseFileError, match="no article titled 'Atlantis'"):
        tiny.select(["Atlantis"])


def test_a_split_file_for_another_file_is_refused(tiny: SquadSet, tmp_path: Path) -> None:
    other = {"sha256": "0" * 64, "splits": {"lake": ["Lake_Varna"]}}
    path = write_json(tmp_path / "split.json", other)
    with pytest.raises(CaseFileError, match="is for a file with sha256 000000000000…, not ") as e:
        tiny.split("lake", path)
    assert "\n" not in str(e.value)


def test_absent_cases_are_the_same_questions_made_unanswerable(tiny: SquadSet) -> None:
    absent = tiny.absent(tiny.cases)
    assert [c.id for c in absent] == [c.id for c in tiny.cases]
    assert not any(c.answerable or c.answers or c.spans or c.article_loaded for c in absent)
    sample = tiny.absent(tiny.cases, sample=3)
    assert len(sample) == 3
    assert [c.id for c in sample] == [c.id for c in tiny.absent(tiny.cases, sample=3)]
    order = [c.id for c in tiny.cases]
    assert [order.index(c.id) for c in sample] == sorted(order.index(c.id) for c in sample)
    assert [a.id for a in tiny.without("lake-varna")] == ["copper-street-bridge"]


def test_the_squad_file_in_the_repo_matches_its_readme_and_split() -> None:
    raw = SQUAD_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SQUAD_SHA256
    assert SQUAD_SHA256 in (SQUAD_FILE.parent / "README.md").read_text("utf-8")
    squad = load_squad(SQUAD_FILE)
    assert squad.sha256 == SQUAD_SHA256
    assert (len(squad.articles), len(squad.cases)) == (10, 4719)
    assert sum(not c.answerable for c in squad.cases) == 348
    splits = load_splits(DEFAULT_SPLIT_FILE)
    assert splits.sha256 == SQUAD_SHA256 and splits.blind == {"check"}
    fit, check = set(splits.splits["fit"]), set(splits.splits["check"])
    assert len(fit) == len(check) == 5 and not fit & check
    assert fit | check == set(squad.titles)
    assert len(squad.split("fit")) + len(squad.split("check")) == len(squad.cases)
    assert squad.blind_articles(splits) == squad.article_ids(check)
    # every gold span is its answer's text (no case is shown)
    texts = {a.id: a.text for a in squad.articles}
    assert all(texts[c.article][s:e] in c.answers for c in squad.cases for s, e in c.spans)


def test_the_squad_folder_is_no_corpus_of_test_articles() -> None:
    assert TEST_DATA_DIR / "squad" not in extra_corpora()
    assert TEST_DATA_DIR / "heldout" in extra_corpora()


# --- scoring one reply ------------------------------------------------------------------------


def _cite(squad: SquadSet, article_id: str, start: int, end: int) -> Citation:
    text = next(a.text for a in squad.articles if a.id == article_id)
    return Citation(f"{article_id}:s0", article_id, text[start:end], start, end)


def test_a_right_short_answer_citing_the_right_sentence(tiny: SquadSet) -> None:
    case = tiny.cases[0]  # How deep is Lake Varna?
    start, end = case.spans[0]
    cited = _cite(tiny, case.article, start - 30, end + 10)
    reply = Answer(
        "It is 61 metres deep.", True, "retrieval", 0.8, (cited,), short_answer="61 metres"
    )
    r = score(case, reply, 2.0)
    assert (r.hit, r.exact_match, r.f1, r.cite_at_1, r.right, r.failed) == (
        True,
        1.0,
        1.0,
        True,
        True,
        False,
    )
    assert r.p_right == 0.8 and r.prediction == "61 metres"


def test_a_reply_scores_on_its_text_when_it_has_no_short_answer(tiny: SquadSet) -> None:
    case = tiny.cases[0]
    reply = Answer("The lake is 61 metres deep at its deepest point.", True, "retrieval", 0.6)
    r = score(case, reply)
    assert r.hit and r.exact_match == 0.0 and 0 < r.f1 < 1
    assert r.cite_at_1 is False  # nothing cited
    elsewhere = _cite(tiny, "copper-street-bridge", 0, 60)
    r = score(case, Answer("About 61.", True, "retrieval", 0.6, (elsewhere,), short_answer="61"))
    assert r.hit is False and r.cite_at_1 is False  # "61" alone is not the gold answer


def test_abstentions_and_answers_to_unanswerable_questions(tiny: SquadSet) -> None:
    answerable, unanswerable = tiny.cases[0], tiny.cases[2]
    declined = Answer("The articles don't say.", False, "none", 0.7)
    r = score(answerable, declined)
    assert (r.abstained, r.hit, r.exact_match, r.failed) == (True, False, 0.0, True)
    assert r.p_right == pytest.approx(0.3)  # confidence was that the articles don't say
    r = score(unanswerable, declined)
    assert (r.abstained, r.hit, r.exact_match, r.f1, r.failed) == (True, None, 1.0, 1.0, False)
    guessed = Answer(
        "Ilse Marten built the pier.", True, "retrieval", 0.9, short_answer="Ilse Marten"
    )
    r = score(unanswerable, guessed)
    assert (r.exact_match, r.right, r.failed, r.p_right) == (0.0, False, True, 0.9)
    error = Answer("QuestionError: too long", False, "error", 0.0)
    r = score(unanswerable, error)
    assert (r.abstained, r.exact_match, r.failed, r.p_right) == (False, 0.0, True, 0.0)


def test_aggregate_of_hand_made_replies(tiny: SquadSet) -> None:
    deep, pier, owner, opened, architect = tiny.cases
    declined = Answer("The articles don't say.", False, "none", 0.6)
    results = [
        score(deep, Answer("61 metres", True, "rule", 0.9, short_answer="61 metres")),
        score(pier, Answer("The mill is old.", True, "retrieval", 0.5)),  # wrong
        score(owner, declined),  # right abstention
        score(opened, declined),  # wrong abstention
        score(architect, Answer("by Tomas Ferreira", True, "retrieval", 0.7)),  # hit, F1 < 1
    ]
    agg = aggregate(results)
    assert (agg["questions"], agg["answerable"]) == (5, 4)
    assert agg["hit"] == 2 / 4
    assert agg["overall"] == 3 / 5  # two hits and one right abstention
    assert agg["always_abstain"] == 1 / 5
    assert agg["abstained_answerable"] == 1 / 4
    assert agg["abstention_precision"] == 1 / 2 and agg["abstention_recall"] == 1.0
    assert agg["exact_match"] == 2 / 5 and agg["exact_match_answerable"] == 1 / 4
    assert agg["f1_answerable"] == pytest.approx((1 + 0 + 0 + 0.8) / 4)  # "by" costs precision
    # p_right: right 0.9, 0.7; wrong 0.5, 0.4, 0.4: every right one outranks every wrong one
    assert agg["auc"] == 1.0
    assert agg["auc_answered"] == 1.0
    assert agg["latency_p50_ms"] == 0.0
    silent = always_abstain(tiny.cases)
    assert silent["overall"] == silent["always_abstain"] == 1 / 5
    assert silent["hit"] == 0.0 and silent["latency_p50_ms"] is None


# --- runs of the engine -----------------------------------------------------------------------


def test_every_question_is_asked_of_all_articles_and_absent_ones_of_the_others(
    tiny: SquadSet,
) -> None:
    absent = tiny.absent(tiny.cases)
    runs = evaluate_squad(tiny, tiny.cases, ("engine", "baseline"), absent)
    assert set(runs) == {"engine", "baseline"}
    for run in runs.values():
        assert [r.case.id for r in run.results] == [c.id for c in tiny.cases]
        assert run.absent is not None and len(run.absent) == len(tiny.cases)
        for r in run.absent:  # the article's own sentences were not there to cite
            assert all(c.article != r.case.article for c in r.answer.citations)
    assert all(not r.abstained for r in runs["baseline"].results)  # the baseline never declines


# --- qa eval FILE.json ------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_eval_prints_a_squad_row_and_writes_every_case(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    result = runner.invoke(main, ["eval", str(tiny_path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("engine on 5 SQuAD questions from ")
    for title in ("EM", "F1ans", "hit", "cite@1", "AbsP", "AbsR", "AUC", "overall", "abstain"):
        assert title in lines[1].split()
    assert lines[3].startswith("tiny.json ")
    data = json.loads(out.read_text("utf-8"))
    assert data["system"] == "engine"
    (run,) = data["squad"]["files"]
    assert run["overall"]["questions"] == 5 == len(run["cases"])
    assert run["cases_withheld"] == 0
    assert set(run["by_article"]) == {"lake-varna", "copper-street-bridge"}
    assert run["always_abstain"]["overall"] == 0.2
    for key in ("question", "gold", "prediction", "confidence", "hit", "exact_match", "f1"):
        assert key in run["cases"][0]
    assert {"cite@1", "latency_ms"} <= set(run["cases"][0])


def test_compare_puts_always_abstain_baseline_and_system_side_by_side(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    result = runner.invoke(
        main, ["eval", str(tiny_path), "--compare", "--no-failures", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "abstain  baseline    system    change" in result.output
    assert "  overall" in result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["baseline"]["squad"]["files"][0]["system"] == "baseline"
    base = runner.invoke(main, ["eval", str(tiny_path), "--baseline"])
    assert base.exit_code == 0, base.output
    assert base.output.startswith("baseline on 5 SQuAD questions")
    # the baseline never declines, so the unanswerable question fails and is listed
    assert "FAIL lake-ferry-owner [Lake Varna] answered an unanswerable question" in base.output


def test_absent_adds_a_row_of_questions_without_their_article(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    args = ["eval", str(tiny_path), "--absent", "--no-failures", "--json", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "tiny.json, article not loaded" in result.output
    absent = json.loads(out.read_text("utf-8"))["squad"]["files"][0]["absent"]
    assert absent["overall"]["questions"] == 5 and absent["overall"]["answerable"] == 0
    sampled = runner.invoke(main, [*args[:-2], "--absent-sample", "2", "--json", str(out)])
    assert sampled.exit_code == 0, sampled.output
    absent = json.loads(out.read_text("utf-8"))["squad"]["files"][0]["absent"]
    assert absent["overall"]["questions"] == 2


def test_min_works_on_squad_metrics(runner: CliRunner, tiny_path: Path) -> None:
    base = ["eval", str(tiny_path), "--no-failures"]
    ok = runner.invoke(main, [*base, "--min", "squad.questions=5", "--min", "squad.hit=0"])
    assert ok.exit_code == 0, ok.output
    high = runner.invoke(main, [*base, "--min", "squad.overall=1.01"])
    assert high.exit_code == 1
    assert "squad.overall = " in high.output and "below the minimum 1.01" in high.output
    unmeasured = runner.invoke(main, [*base, "--min", "squad.absent.overall=0.5"])
    assert unmeasured.exit_code == 1
    assert "squad.absent.overall is not measured" in unmeasured.output
    absent = runner.invoke(main, [*base, "--absent", "--min", "squad.absent.questions=5"])
    assert absent.exit_code == 0, absent.output
    jsonl_only = runner.invoke(main, [*base, "--min", "f1=0.1"])
    assert jsonl_only.exit_code == 1
    assert "f1 is not measured (no JSONL test set)" in jsonl_only.output


@pytest.mark.parametrize("bad", ["squad.nonsense=1", "squad.absent.hat=1", "squad.hit"])
def test_a_malformed_squad_min_is_a_usage_error(runner: CliRunner, bad: str) -> None:
    result = runner.invoke(main, ["eval", "--min", bad])
    assert result.exit_code == 2
    assert "squad.NAME=VALUE" in result.output


def test_split_asks_only_its_questions(runner: CliRunner, tiny: SquadSet, tmp_path: Path) -> None:
    splits = split_file(tmp_path / "split.json", tiny)
    out = tmp_path / "r.json"
    args = ["eval", tiny.path, "--split", "lake", "--split-file", str(splits), "--baseline"]
    result = runner.invoke(main, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "tiny.json lake" in result.output
    assert "FAIL lake-ferry-owner" in result.output  # not blind: failures are listed
    run = json.loads(out.read_text("utf-8"))["squad"]["files"][0]
    assert run["split"] == "lake" and run["overall"]["questions"] == 3


def test_a_blind_split_is_shown_only_as_aggregates(
    runner: CliRunner, tiny: SquadSet, tmp_path: Path
) -> None:
    splits = split_file(tmp_path / "split.json", tiny, blind=("lake",))
    out = tmp_path / "r.json"
    base = ["eval", tiny.path, "--split-file", str(splits), "--baseline", "--absent"]
    result = runner.invoke(main, [*base, "--split", "lake", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
    assert "on blind articles of tiny.json lake are not shown" in result.output
    run = json.loads(out.read_text("utf-8"))["squad"]["files"][0]
    assert run["cases"] == [] and run["cases_withheld"] == 6
    assert run["overall"]["questions"] == 3
    # without --split, every question is asked and the blind articles' cases are still hidden
    everything = runner.invoke(main, [*base, "--json", str(out)])
    assert everything.exit_code == 0, everything.output
    assert "FAIL lake-" not in everything.output
    run = json.loads(out.read_text("utf-8"))["squad"]["files"][0]
    assert {c["article"] for c in run["cases"]} == {"copper-street-bridge"}


def test_split_errors_are_one_line(runner: CliRunner, tiny_path: Path, tmp_path: Path) -> None:
    wrong = write_json(tmp_path / "s.json", {"sha256": "ab" * 32, "splits": {"fit": []}})
    result = runner.invoke(
        main, ["eval", str(tiny_path), "--split", "fit", "--split-file", str(wrong)]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"qa: error: {wrong} is for a file with sha256 ababababab")
    assert result.output.count("\n") == 1
    no_squad = runner.invoke(main, ["eval", "--split", "fit"])
    assert no_squad.exit_code == 2
    assert "apply to SQuAD files" in no_squad.output


def test_jsonl_and_squad_files_run_together(
    runner: CliRunner, tiny_path: Path, tmp_path: Path
) -> None:
    seed = PROJECT_ROOT / "tests" / "testsets" / "seed.jsonl"
    first = seed.read_text("utf-8").splitlines()[0]
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text(first + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(jsonl), str(tiny_path), "--no-failures"])
    assert result.exit_code == 0, result.output
    assert "engine on 1 cases from " in result.output
    assert "engine on 5 SQuAD questions from " in result.output


# --- the gate on the SQuAD check split --------------------------------------------------------

# Just below what the engine reaches on the check split (a blind set: aggregates only), so that
# a drop fails CI. Issue 11's targets are AUC 0.75, overall 0.65 (and above the baseline's
# 0.577), hit 0.65 and F1 on answerable questions 0.45; see the README for where they stand.
# Raise these as the engine improves; never lower them to let a change in. Once, the AUC gate
# went down 0.78 -> 0.77 for a change that raised every other figure (abbreviations read as the
# words they spell: hit 63.8 -> 64.8, F1 44.4 -> 45.1, overall 59.5 -> 60.4, AUC 0.786 ->
# 0.774); the README says so.
SQUAD_GATE = {
    "squad.hit": 0.65,
    "squad.f1_answerable": 0.45,
    "squad.exact_match": 0.33,
    "squad.cite@1": 0.63,
    "squad.overall": 0.60,
    "squad.auc": 0.77,
    "squad.absent.overall": 0.75,
}


def test_squad_check_split_gate(runner: CliRunner) -> None:
    # The absent-article row on a fixed sample of 500: the whole split would double the run.
    args = ["eval", str(SQUAD_FILE), "--split", "check", "--absent", "--absent-sample", "500"]
    args.append("--no-progress")
    for name, value in SQUAD_GATE.items():
        args += ["--min", f"{name}={value}"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output  # a blind split is shown only as aggregates
