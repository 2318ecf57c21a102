#!/usr/bin/env bash
# Quick start, part two, and what CI runs (.ci/run): install everything the tests need into
# .venv (the project with its dev extra), and from Debian Chromium for the browser tests and
# PostgreSQL for the feedback tests (they start a throwaway server of their own), then run the
# whole suite: unit, API, CLI, packaging, lint and types, evaluation gate, browser.
#
# With no arguments the run must be complete: it fails when no test ran, when a browser test
# was not collected, deselected or skipped, and (with CI set) when any test was skipped.
# Arguments go to pytest and make a partial run, without those checks: scripts/test.sh -k bm25
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

CHROMIUM="${QA_CHROMIUM:-/usr/bin/chromium}"

ensure_venv
pip_install -e ".[dev]"
if [ ! -x "$CHROMIUM" ]; then
    apt_install chromium
    [ -x "$CHROMIUM" ] || die "no browser at $CHROMIUM after installing chromium"
fi
export QA_CHROMIUM="$CHROMIUM"
# The server programs (initdb, pg_ctl): the tests start a throwaway server of their own and
# use none that the package may have set up.
if ! command -v pg_ctl >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    apt_install postgresql
fi

step "pytest $*"
if [ $# -eq 0 ]; then
    # scripts/ is importable from the project root (python -m puts it on sys.path).
    exec "$VENV/bin/python" -m pytest -p scripts.pytest_gate
fi
exec "$VENV/bin/python" -m pytest "$@"
