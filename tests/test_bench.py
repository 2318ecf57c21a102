"""qa.bench and ``qa bench``: a smoke run of every section on small sizes (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from qa import bench
from qa.cli import main


def test_summarise_gives_percentiles_in_ms() -> None:
    stats = bench.summarise([1.0, 2.0, 3.0, 4.0, 100.0])
    assert stats["n"] == 5
    assert stats["p50_ms"] == 3.0
    assert 4.0 < stats["p95_ms"] <= 100.0
    assert bench.summarise([])["p50_ms"] is None


def test_generated_corpus_is_repeatable_and_shaped() -> None:
    docs = bench.generate_corpus(200, seed=3, vocabulary=500, length=(5, 9))
    assert docs == bench.generate_corpus(200, seed=3, vocabulary=500, length=(5, 9))
    assert len(docs) == 200
    assert all(5 <= len(d) <= 9 for d in docs)
    queries = bench.generate_queries(docs, 20)
    assert all(len(q) == 4 for q in queries)
    vocabulary = {t for d in docs for t in d}
    assert all(set(q) <= vocabulary for q in queries)


def test_scale_row_matches_rank_bm25() -> None:
    row = bench.bench_scale_one(300, queries=5, reference_queries=2)
    assert row["passages"] == 300
    assert row["equal"] and row["max_abs_diff"] <= bench.EQUAL_TOLERANCE
    assert row["query"]["n"] == 5 and row["rank_bm25_get_scores"]["n"] == 2
    assert row["memory_mib"] > 0 and row["rank_bm25_memory_mib"] > 0
    assert row["build_s"] > 0


def test_answers_are_grouped_by_how_they_were_answered() -> None:
    result = bench.bench_answers(repeats=1)
    assert result["cases"] > 100
    kinds = result["by_kind"]
    assert set(kinds) >= {"rule", "retrieval", "abstention"}
    assert kinds["retrieval"]["n"] > 0 and kinds["abstention"]["n"] > 0
    assert sum(k["n"] for k in kinds.values()) == result["cases"] == result["all"]["n"]
    assert result["repeated"]["n"] == result["cases"]  # asked again, of a cached engine


def test_ask_bodies_carry_follow_up_history() -> None:
    bodies = [json.loads(b) for b in bench.ask_bodies()]
    assert all(isinstance(b["question"], str) for b in bodies)
    assert any(b.get("history") for b in bodies)


def test_http_section_drives_qa_serve() -> None:
    result = bench.bench_http(requests=40, clients=2, rounds=1)
    for endpoint in ("healthz", "ask", "ask_uncached"):
        assert result[endpoint]["requests"] == 40
        assert result[endpoint]["errors"] == 0
        if sys.platform == "linux":  # in clock ticks (10 ms): 40 requests may round to 0
            assert result[endpoint]["server_cpu_ms"] >= 0
    assert result["ratio"] > 0 and result["uncached_ratio"] > 0


def test_numeric_on_generated_corpora() -> None:
    result = bench.bench_numeric((1, 3), repeats=1)
    assert [r["articles"] for r in result["rows"]] == [1, 3]
    assert result["rows"][0]["facts"] < result["rows"][1]["facts"]
    for row in result["rows"]:
        assert row["ask"]["n"] == row["rule_layer"]["n"] == result["questions"] > 0
    table = bench.format_table({"machine": bench.machine(), "numeric": result})
    assert "Numeric questions" in table


def test_run_reports_targets_and_a_table(tmp_path) -> None:
    results = bench.run(["answers", "scale"], quick=True)
    assert {"machine", "answers", "scale", "targets"} <= set(results)
    assert [r["passages"] for r in results["scale"]["rows"]] == [1_000, 10_000]
    assert all("met" in t for t in results["targets"])
    table = bench.format_table(results)
    assert "In-process answers" in table and "10,000" in table and "Targets:" in table
    path = tmp_path / "out" / "bench.json"
    bench.write_json(results, path)
    assert json.loads(path.read_text())["scale"]["variant"] == "bm25plus"


def test_unknown_section_is_refused() -> None:
    with pytest.raises(bench.BenchError, match="unknown section"):
        bench.run(["disk"])


def test_cli_writes_json_and_prints_the_table(tmp_path) -> None:
    out = tmp_path / "b.json"
    result = CliRunner().invoke(
        main, ["bench", "--quick", "--sections", "answers", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "In-process answers" in result.output
    assert json.loads(out.read_text())["answers"]["cases"] > 0


def test_cli_error_is_one_line() -> None:
    result = CliRunner().invoke(main, ["bench", "--sections", "disk"])
    assert result.exit_code == 1
    assert "unknown section" in result.output
    assert "Traceback" not in result.output


def test_module_runs_as_a_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "qa.bench", "--help"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0
    assert "--sections" in proc.stdout


def test_the_big_corpus_is_made_of_our_articles_and_the_squad_fit_split(tmp_path) -> None:
    assert bench.build_corpus(tmp_path / "a", 300) == 300
    assert bench.build_corpus(tmp_path / "b", 120, seed=0) == 120
    names = {p.name for p in (tmp_path / "a").iterdir()}
    assert {p.name for p in (tmp_path / "b").iterdir()} <= names, "a smaller size is a prefix"
    assert "china-gene-medicine-valley-wenzhou.txt" in names  # the seed set's article, whole
    assert "harbor-solar-farm.txt" in names
    blind = {"spectre", "sichuan", "new-york", "mockingbird", "solar-energy"}
    assert not [n for n in names if any(word in n for word in blind)], "no blind article"
    from qa.ingest import load_corpus

    assert len({a.id for a in load_corpus(tmp_path / "a")}) == 300


def test_the_corpus_section_starts_qa_serve_cold_and_warm(tmp_path) -> None:
    result = bench.bench_corpus(size=8, workers=1)
    assert result["articles"] == 8 and result["sentences"] > 50
    assert result["cold_start_s"] > 0 and result["warm_start_s"] > 0 and result["reload_s"] > 0
    roles = sorted(p["role"] for p in result["memory"]["processes"])
    if sys.platform == "linux":
        assert roles == ["master", "worker"]
        assert all(p["pss_mib"] > 0 for p in result["memory"]["processes"])
    assert result["ask"]["numeric"]["n"] > 50 and result["ask"]["retrieval"]["n"] > 20
    table = bench.format_table({"machine": bench.machine(), "corpus": result})
    assert "cold start" in table and "numeric" in table
