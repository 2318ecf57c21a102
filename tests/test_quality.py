"""The code is linted, formatted and type-checked: ruff and mypy run as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m <tool> ...`` in the project root (its pyproject.toml configures the tool)."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "."), ("ruff", "format", "--check", "."), ("mypy", "qa", "web")],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: tuple[str, ...]) -> None:
    proc = run(*command)
    assert proc.returncode == 0, f"{' '.join(command)} failed:\n{proc.stdout}{proc.stderr}"
