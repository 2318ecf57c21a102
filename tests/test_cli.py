"""The CLI through click's runner: output a person reads, one-line errors, exit codes."""

import json
from pathlib import Path

from click.testing import CliRunner

from qa.cli import main
from tests.support import SECOND_DIR, SEED_DIR


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_every_command_has_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    commands = [
        line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()
    ]
    for command in commands:
        sub = run(command, "--help")
        assert sub.exit_code == 0 and "Usage:" in sub.output


def test_ask_prints_answer_and_numbered_citations() -> None:
    result = run("ask", "How big is the China Gene Medicine Valley?", "--corpus", str(SEED_DIR))
    assert result.exit_code == 0
    assert "[1]" in result.output
    assert "spans 5 square kilometers" in result.output


def test_ask_json_is_the_api_body() -> None:
    result = run("ask", "Who is the chairman of Uren Biotech?", "--json", "--corpus", str(SEED_DIR))
    body = json.loads(result.output)
    assert "Zheng Peiduo" in body["answer"]
    assert body["answered"] is True and body["method"] == "retrieval"
    assert any(c["id"].endswith(":s9") for c in body["citations"])


def test_corpus_from_environment() -> None:
    result = CliRunner(env={"QA_CORPUS": str(SECOND_DIR)}).invoke(
        main, ["ask", "Who is the general manager of Minjiang Clean Power?"]
    )
    assert result.exit_code == 0 and "Lin Qiang" in result.output


def test_sentences_and_passages_for_inspection() -> None:
    result = run("sentences", "--corpus", str(SEED_DIR))
    lines = result.output.strip().splitlines()
    assert len(lines) == 12 and lines[0].startswith("china-gene-medicine-valley-wenzhou:s0\t")
    result = run("sentences", "--json", "--corpus", str(SEED_DIR))
    assert json.loads(result.output)[3]["text"].startswith("A number of cutting-edge")
    result = run("passages", "--json", "--corpus", str(SEED_DIR))
    assert all(p["sentence_ids"] for p in json.loads(result.output))


def test_chat_keeps_turns_for_follow_ups() -> None:
    result = run(
        "chat",
        "--corpus",
        str(SEED_DIR),
        input="What does Uren Biotech focus on?\nWhen did the company move there?\n\n",
    )
    assert result.exit_code == 0
    assert "June 2020" in result.output


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("qa: error:"), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_missing_corpus_folder(tmp_path: Path) -> None:
    msg = one_line_error(run("ask", "Hi?", "--corpus", str(tmp_path / "nope")))
    assert "not found" in msg


def test_empty_corpus_folder(tmp_path: Path) -> None:
    assert "no articles" in one_line_error(run("ask", "Hi?", "--corpus", str(tmp_path)))


def test_unreadable_article(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert "bad.txt" in one_line_error(run("ask", "Hi?", "--corpus", str(tmp_path)))


def test_empty_question() -> None:
    assert "empty" in one_line_error(run("ask", "  ", "--corpus", str(SEED_DIR)))
