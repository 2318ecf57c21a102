"""The load test, short: ``scripts/loadtest.py`` for a few seconds against a real ``qa serve``.

It starts the server itself on a free loopback port with its own feedback database, sends a
bounded number of requests (at most 3,000 in at most 5 s) from 4 clients, and prints its
figures (``pytest -s`` shows them). Zero errors, flat memory and no lost feedback, or it fails.
The full run is ``python scripts/loadtest.py`` (30 s, 8 clients). The second test runs the
same beside the hostile mix (``--hostile``: slow clients, costly and broken requests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "loadtest.py"


SHORT = ["--duration", "5", "--clients", "4", "--requests", "3000", "--warmup", "100", "--json"]


def load_test(*options: str) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), *SHORT, *options],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.stdout, run.stderr
    return run, json.loads(run.stdout)


@pytest.mark.slow
def test_a_short_load_test_has_no_errors_and_flat_memory() -> None:
    run, figures = load_test()
    lat, rss = figures["latency_ms"], figures["rss_mb"]
    print(
        f"\n{figures['requests']} requests in {figures['seconds']} s = "
        f"{figures['requests_per_second']}/s from {figures['clients']} clients, "
        f"{figures['errors']} errors; latency ms p50 {lat['p50']} p95 {lat['p95']} "
        f"p99 {lat['p99']} max {lat['max']}; server RSS MB {rss['start']} -> {rss['end']} "
        f"({rss['growth']:+}); feedback acknowledged {figures['feedback_acknowledged']}"
    )
    assert figures["errors"] == 0, figures["error_samples"] + [figures["server_log_tail"]]
    assert figures["warmup_errors"] == 0
    assert figures["requests"] >= 200, "the server answered too few requests to call it load"
    assert figures["memory_flat"], rss
    assert figures["feedback_acknowledged"] > 0 and figures["feedback_lost"] == []
    assert figures["abstentions_recorded"] > 0
    assert run.returncode == 0


@pytest.mark.slow
@pytest.mark.hostile
def test_normal_clients_are_served_beside_hostile_ones() -> None:
    run, figures = load_test("--hostile", "--slow-clients", "50")
    hostile = figures["hostile"]
    print(
        f"\nbeside {hostile['slow_clients']} slow clients and {hostile['requests']} hostile "
        f"requests: {figures['requests']} normal requests, {figures['errors']} errors, latency "
        f"ms p50 {figures['latency_ms']['p50']} p99 {figures['latency_ms']['p99']}"
    )
    assert figures["errors"] == 0, figures["error_samples"] + [figures["server_log_tail"]]
    assert hostile["unexpected"] == 0, hostile["unexpected_samples"]
    assert set(hostile["by_kind"]) >= {"long-words", "deep-json", "incomplete-body"}
    assert figures["latency_ms"]["p99"] < 1000, "p99 under a second, generously"
    assert figures["feedback_lost"] == [] and run.returncode == 0
