"""scripts/ and .ci/run: CI runs the README's test command, and an incomplete run fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SUITE = """
import pytest

def test_plain():
    pass

@pytest.mark.skip(reason="no tool here")
def test_skipped():
    pass

@pytest.mark.browser
def test_page():
    pass
"""


def gated_run(folder: Path, source: str, *args: str, ci: bool) -> subprocess.CompletedProcess:
    """pytest with scripts/pytest_gate.py on a small suite written to ``folder``."""
    (folder / "pytest.ini").write_text("[pytest]\nmarkers =\n    browser: in Chromium\n")
    (folder / "test_suite.py").write_text(source)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # quicker: the installed plugins aren't needed
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "scripts.pytest_gate",
            "-p",
            "no:cacheprovider",
            *args,
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_complete_run_passes(tmp_path: Path) -> None:
    proc = gated_run(tmp_path, SUITE, ci=False)
    assert proc.returncode == 0, proc.stdout
    assert "2 passed, 1 skipped" in proc.stdout


def test_a_skip_fails_the_run_under_ci(tmp_path: Path) -> None:
    proc = gated_run(tmp_path, SUITE, ci=True)
    assert proc.returncode == 1
    assert "skipped under CI: test_suite.py::test_skipped (Skipped: no tool here)" in proc.stdout


def test_deselected_browser_tests_fail_the_run(tmp_path: Path) -> None:
    proc = gated_run(tmp_path, SUITE, "-m", "not browser", ci=False)
    assert proc.returncode == 1
    assert "browser test deselected: test_suite.py::test_page" in proc.stdout


def test_a_skipped_browser_test_fails_the_run(tmp_path: Path) -> None:
    source = SUITE.replace("@pytest.mark.browser", "@pytest.mark.browser\n@pytest.mark.skip")
    proc = gated_run(tmp_path, source, ci=False)
    assert proc.returncode == 1
    assert "browser test skipped" in proc.stdout


def test_a_suite_without_browser_tests_fails(tmp_path: Path) -> None:
    proc = gated_run(tmp_path, "def test_plain():\n    pass\n", ci=False)
    assert proc.returncode == 1
    assert "no browser test" in proc.stdout


def test_no_test_at_all_fails(tmp_path: Path) -> None:
    proc = gated_run(tmp_path, SUITE, "-k", "nothing_matches", ci=True)
    assert proc.returncode == 5  # pytest's own "no tests ran"


def test_ci_runs_the_test_script() -> None:
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert commands[-1] == "exec bash scripts/test.sh"
    assert "set -euo pipefail" in commands


@pytest.mark.parametrize(
    "script", ["scripts/test.sh", "scripts/serve.sh", "scripts/lib.sh", ".ci/run"]
)
def test_scripts_are_valid_bash(script: str) -> None:
    proc = subprocess.run(["bash", "-n", str(ROOT / script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_full_run_loads_the_gate() -> None:
    text = (ROOT / "scripts" / "test.sh").read_text()
    assert "-m pytest -p scripts.pytest_gate" in text
    assert 'pip_install -e ".[dev]"' in text
