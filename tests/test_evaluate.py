"""``qa eval`` through click's runner, the test-set loader, and the quality gate for CI."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from qa.cases import (
    CASE_TYPES,
    PROJECT_ROOT,
    TESTSET_DIR,
    CaseFileError,
    default_testsets,
    extra_corpora,
    load_cases,
)
from qa.cli import main
from qa.evaluate import METRICS

SEED = "china-gene-medicine-valley-wenzhou"
CORPUS_ARGS = [
    arg
    for folder in [PROJECT_ROOT / "corpus", *extra_corpora()]
    for arg in ("--corpus", str(folder))
]

# The quality gate, per test set: each holds the engine at what it reaches, so that a drop
# fails CI. Raise these numbers as the engine improves; never lower them to let a change in.
# blind.jsonl and heldout.jsonl are measured only as aggregates (never tuned on since the
# engine moved to fitted models); their figures here are floors.
GATE = {
    "seed.jsonl": {
        "numeric_accuracy": 1.0,
        "citation_recall": 0.95,
        "citation_precision": 0.96,
        "exact_match": 0.79,
        "abstention_precision": 0.74,
        "abstention_recall": 0.91,
        "recall@3": 0.95,
        "mrr": 0.93,
    },
    "harbor.jsonl": {
        "numeric_accuracy": 1.0,
        "citation_recall": 0.97,
        "exact_match": 0.83,
        "abstention_precision": 0.85,
        "abstention_recall": 0.85,
        "recall@3": 0.98,
    },
    "blind.jsonl": {
        "numeric_accuracy": 0.57,
        "citation_recall": 0.57,
        "exact_match": 0.31,
        "abstention_recall": 0.87,
        "recall@3": 0.87,
    },
    "heldout.jsonl": {
        "numeric_accuracy": 0.66,
        "citation_recall": 0.63,
        "exact_match": 0.50,
        "abstention_recall": 0.70,
        "recall@3": 0.87,
    },
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_cases(path: Path, *cases: dict) -> Path:
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def case(**fields: object) -> dict:
    base = {
        "id": "c1",
        "type": "numeric_direct",
        "question": "How many professionals work in the valley?",
        "number": {"value": 6053, "unit": "", "tolerance": 0},
        "cite": [f"{SEED}:s10"],
        "answerable": True,
        "article": SEED,
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


# --- the command ------------------------------------------------------------------------------


def test_eval_command_is_registered() -> None:
    assert main.commands["eval"].name == "eval"


def test_eval_prints_a_table_per_type_and_writes_the_full_json(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "eval.json"
    result = runner.invoke(main, ["eval", *CORPUS_ARGS, "--json", str(out)])
    assert result.exit_code == 0, result.output
    table = result.output.split("\n\n")[0]
    for name in ("numeric_direct", "numeric_derived", "unanswerable", "follow_up", "overall"):
        assert name in table
    for title in ("EM", "F1", "Num", "CitP", "CitR", "AbsP", "AbsR", "R@1", "R@3", "MRR"):
        assert title in table.splitlines()[1]
    data = json.loads(out.read_text("utf-8"))
    total = len(load_cases(default_testsets()))
    assert data["system"] == "engine"
    assert data["overall"]["cases"] == total == len(data["cases"])
    assert set(METRICS) <= set(data["overall"])
    assert set(data["by_type"]) <= set(CASE_TYPES)
    assert data["invalid"] == []
    one = data["cases"][0]
    for key in ("id", "question", "expected", "answer", "cited", "ranked", "passed", "reasons"):
        assert key in one


def test_each_failure_is_listed_with_question_expected_got_and_cited(
    runner: CliRunner, tmp_path: Path
) -> None:
    wrong = case(id="wrong-number", number={"value": 9999, "unit": "", "tolerance": 0})
    path = write_cases(tmp_path / "t.jsonl", wrong, case(id="fine"))
    result = runner.invoke(main, ["eval", str(path), *CORPUS_ARGS])
    assert result.exit_code == 0, result.output
    block = result.output[result.output.index("FAIL wrong-number") :]
    assert "question: How many professionals work in the valley?" in block
    assert "expected: 9,999 (count)" in block
    assert "got:" in block and "cited:" in block


def test_min_below_threshold_exits_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    path = write_cases(tmp_path / "t.jsonl", case())
    ok = runner.invoke(main, ["eval", str(path), *CORPUS_ARGS, "--min", "mrr=0"])
    assert ok.exit_code == 0, ok.output
    low = runner.invoke(
        main, ["eval", str(path), *CORPUS_ARGS, "--min", "mrr=0", "--min", "f1=50%"]
    )
    assert low.exit_code == 1
    assert "f1 is not measured" in low.output  # a numeric case has no text answer to score
    high = runner.invoke(
        main, ["eval", str(path), *CORPUS_ARGS, "--min", "numeric_direct.recall@3=1.5"]
    )
    assert high.exit_code == 1
    assert "numeric_direct.recall@3 = " in high.output and "below the minimum 1.5" in high.output


@pytest.mark.parametrize("bad", ["f1", "nonsense=0.5", "f1=high", "nope.f1=0.5"])
def test_a_malformed_min_is_a_usage_error(runner: CliRunner, bad: str) -> None:
    result = runner.invoke(main, ["eval", "--min", bad])
    assert result.exit_code == 2
    assert "METRIC=VALUE" in result.output or "not a number" in result.output


def test_an_unknown_sentence_id_is_reported_not_passed(runner: CliRunner, tmp_path: Path) -> None:
    path = write_cases(
        tmp_path / "t.jsonl",
        case(id="ghost", cite=[f"{SEED}:s99"]),
        case(id="elsewhere", article="no-such-article", cite=["no-such-article:s0"]),
        case(id="half-ghost", cite=[f"{SEED}:s10|{SEED}:s77"]),
        case(id="fine"),
    )
    result = runner.invoke(main, ["eval", str(path), *CORPUS_ARGS])
    assert result.exit_code == 1
    assert f"ghost ({path}:1): cited sentence '{SEED}:s99' does not exist" in result.output
    assert "article 'no-such-article' is not in the corpus" in result.output
    assert f"half-ghost ({path}:3): cited sentence '{SEED}:s77' does not exist" in result.output
    assert "3 invalid case(s)" in result.output


def test_an_engine_error_fails_its_case_and_the_run_goes_on(
    runner: CliRunner, tmp_path: Path
) -> None:
    too_long = "How many professionals work in the valley? " * 200
    path = write_cases(
        tmp_path / "t.jsonl",
        case(id="too-long", question=too_long),
        case(
            id="unanswerable-too-long",
            question=too_long,
            type="unanswerable",
            answerable=False,
            number=None,
            cite=[],
        ),
        case(id="fine"),
    )
    out = tmp_path / "r.json"
    result = runner.invoke(main, ["eval", str(path), *CORPUS_ARGS, "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "FAIL too-long [numeric_direct] engine error: QuestionError" in result.output
    data = json.loads(out.read_text("utf-8"))
    assert [c["id"] for c in data["cases"]] == ["too-long", "unanswerable-too-long", "fine"]
    assert data["overall"]["abstention_recall"] == 0.0  # an error is no abstention


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "opinion"}, "type 'opinion' is not one of"),
        ({"cite": []}, "needs the sentence ids to 'cite'"),
        ({"number": None}, "needs 'answers' or 'number'"),
        ({"answerable": "yes"}, "'answerable' must be true or false"),
        ({"type": "unanswerable"}, "must have answerable=false"),
        ({"colour": "red"}, "unknown field(s) colour"),
        ({"history": ["earlier"]}, "'history' must be a list"),
        ({"number": {"value": 3, "unit": "furlongs"}}, "unit 'furlongs' is not one of: "),
    ],
)
def test_a_malformed_case_is_one_line_naming_file_and_line(
    runner: CliRunner, tmp_path: Path, fields: dict, message: str
) -> None:
    path = write_cases(tmp_path / "t.jsonl", case(id="ok"), case(id="bad", **fields))
    result = runner.invoke(main, ["eval", str(path), *CORPUS_ARGS])
    assert result.exit_code == 1
    assert result.output.startswith(f"qa: error: {path}:2: ")
    assert message in result.output
    assert "Traceback" not in result.output


def test_duplicate_ids_and_bad_json_are_refused(tmp_path: Path) -> None:
    path = write_cases(tmp_path / "t.jsonl", case(), case())
    with pytest.raises(CaseFileError, match="already used at"):
        load_cases([path])
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"t.jsonl:1: not JSON"):
        load_cases([path])


def test_baseline_and_compare(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = runner.invoke(
        main, ["eval", *CORPUS_ARGS, "--baseline", "--no-failures", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("baseline on ")
    data = json.loads(out.read_text("utf-8"))
    assert data["system"] == "baseline"
    assert data["overall"]["abstention_recall"] == 0.0  # the baseline never abstains
    both = runner.invoke(main, ["eval", *CORPUS_ARGS, "--compare", "--no-failures"])
    assert both.exit_code == 0, both.output
    assert "baseline    system    change" in both.output


# --- the test sets ----------------------------------------------------------------------------


def test_the_test_sets_cover_what_the_issue_asks() -> None:
    cases = load_cases(default_testsets())
    seed = [c for c in cases if c.article == SEED]
    types = Counter(c.type for c in seed)
    assert len(seed) >= 100
    assert types["unanswerable"] >= 15
    assert types["follow_up"] >= 10
    assert set(types) == set(CASE_TYPES)
    tags = Counter(t for c in seed for t in c.tags)
    assert tags["typo"] >= 5 and tags["casing"] >= 10
    others = [c for c in cases if c.article != SEED]
    assert len(others) >= 30
    assert {c.type for c in others} == set(CASE_TYPES)


# --- the quality gate -------------------------------------------------------------------------


@pytest.mark.parametrize("testset", [n for n in GATE if (TESTSET_DIR / n).exists()])
def test_quality_gate(runner: CliRunner, testset: str) -> None:
    """The engine on each of the project's own test sets must not drop below its gate."""
    args = ["eval", str(TESTSET_DIR / testset), *CORPUS_ARGS, "--no-failures"]
    for name, value in GATE[testset].items():
        args += ["--min", f"{name}={value}"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output


UNSEEN = [
    PROJECT_ROOT / "tests" / "data" / "unseen" / name
    for name in ("crowd4-news", "crowd4-encyclopedia")
]
# Written blind and never tuned on (see the README): held where it lands, read as aggregates.
UNSEEN_GATE = {
    "exact_match": 0.52,
    "numeric_accuracy": 0.54,
    "citation_recall": 0.70,
    "abstention_recall": 0.68,
    "recall@3": 0.93,
}


VALID = [
    PROJECT_ROOT / "tests" / "data" / "valid" / name
    for name in ("crowd6-news", "crowd6-encyclopedia")
]
# The validation set: blind like the unseen set, measured before a blind set is spent.
VALID_GATE = {
    "exact_match": 0.53,
    "numeric_accuracy": 0.52,
    "citation_recall": 0.65,
    "abstention_recall": 0.54,
    "recall@3": 0.96,
}


@pytest.mark.parametrize(
    ("folders", "gate"),
    [(UNSEEN, UNSEEN_GATE), (VALID, VALID_GATE)],
    ids=["unseen", "validation"],
)
def test_quality_gate_on_the_sets_read_as_aggregates(
    runner: CliRunner, folders: list[Path], gate: dict[str, float]
) -> None:
    args = ["eval", *(str(folder / "questions.jsonl") for folder in folders), "--no-failures"]
    args += [arg for folder in folders for arg in ("--corpus", str(folder))]
    for name, value in gate.items():
        args += ["--min", f"{name}={value}"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output


def test_every_test_set_has_a_gate() -> None:
    assert {p.name for p in default_testsets()} <= set(GATE)
