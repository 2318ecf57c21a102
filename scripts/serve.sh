#!/usr/bin/env bash
# Quick start, part one: install the project into .venv as a user would (a plain, non-editable
# `pip install .`) and start the chat on the bundled article at http://127.0.0.1:8000/.
# Arguments go to `qa serve` (e.g. --port 9000, --corpus FOLDER); Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_venv
pip_install .
step "qa serve $*"
exec "$VENV/bin/qa" serve "$@"
