# Shared by scripts/serve.sh and scripts/test.sh (sourced, not run): the project's virtualenv
# and the system packages it needs, installed with apt-get on Debian when missing.

VENV="${QA_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root (CI, containers), else through sudo.
as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root for: $* (run as root or install sudo)"
    fi
}

apt_install() {
    command -v apt-get >/dev/null || die "cannot install $* here: no apt-get (install it by hand)"
    step "installing $* with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null
}

# Create $VENV with $PYTHON (3.10 or newer) unless it exists; Debian's own Python needs the
# python3-venv package for that, which is installed when venv fails.
ensure_venv() {
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.10 or newer"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
        || die "$PYTHON is $("$PYTHON" -V 2>&1); the project needs Python 3.10 or newer"
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        return
    fi
    step "creating the virtualenv $VENV with $("$PYTHON" -V 2>&1)"
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        apt_install python3-venv
        "$PYTHON" -m venv "$VENV"
    fi
}

pip_install() {
    step "pip install $*"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q "$@"
}
