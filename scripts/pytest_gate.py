"""A pytest plugin for the complete run (``scripts/test.sh`` with no arguments, and so CI):
a run that tested less than the whole suite fails, even when every test that ran passed.

It fails the run when no browser test (marker ``browser``) was collected, when one was
deselected or skipped or did not pass, and, with the ``CI`` environment variable set, when
any test at all was skipped (a missing browser or tool must not pass as green). A run with
no test at all already fails: pytest exits with 5.

Load it with ``python -m pytest -p scripts.pytest_gate`` from the project root.
"""

from __future__ import annotations

import os

import pytest

MARKER = "browser"


class Gate:
    def __init__(self, ci: bool) -> None:
        self.ci = ci
        self.browser: set[str] = set()
        self.browser_deselected: list[str] = []
        self.browser_passed: set[str] = set()
        self.skipped: dict[str, str] = {}

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        self.browser_deselected += [i.nodeid for i in items if i.get_closest_marker(MARKER)]

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.browser = {i.nodeid for i in session.items if i.get_closest_marker(MARKER)}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
            self.skipped[report.nodeid] = str(reason)
        elif report.when == "call" and report.passed and report.nodeid in self.browser:
            self.browser_passed.add(report.nodeid)

    def problems(self) -> list[str]:
        out = []
        if not self.browser:
            out.append(f"no browser test ({MARKER!r} marker) was collected")
        out += [f"browser test deselected: {nodeid}" for nodeid in self.browser_deselected]
        for nodeid in sorted(self.browser - self.browser_passed):
            why = self.skipped.get(nodeid)
            out.append(f"browser test {'skipped: ' + why if why else 'did not pass'}: {nodeid}")
        if self.ci:
            out += [
                f"skipped under CI: {nodeid} ({why})"
                for nodeid, why in sorted(self.skipped.items())
                if nodeid not in self.browser
            ]
        return out

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if session.exitstatus == pytest.ExitCode.OK and self.problems():
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        problems = self.problems()
        if problems:
            terminalreporter.section("incomplete run (scripts/pytest_gate.py)", sep="=", red=True)
            for line in problems:
                terminalreporter.write_line(line)


def pytest_configure(config: pytest.Config) -> None:
    ci = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
    config.pluginmanager.register(Gate(ci), "qa-gate")
