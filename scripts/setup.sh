#!/usr/bin/env bash
# Set up everything on a fresh Debian machine with Python 3.11+. Idempotent: a second run only
# checks. Usage: scripts/setup.sh [--with-browser] [--with-runners]
#   --with-browser  also installs Debian's Chromium (for the browser tests) and Node.js (the
#                   finder's unit tests) when they are missing, and Lighthouse into
#                   tools/lighthouse (npm ci, pinned).
#   --with-runners  also makes a virtual environment under .venv-runners/ for each other site
#                   builder in scripts/runners.txt (MkDocs, ProperDocs, Zensical), pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
WITH_BROWSER=false
WITH_RUNNERS=false
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=true ;;
    --with-runners) WITH_RUNNERS=true ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

if $WITH_BROWSER && ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium for the browser tests" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-liberation >/dev/null
fi

# Node.js: the finder's unit tests (node --test tests/js/*.test.js) and Lighthouse.
if [[ "${1:-}" == "--with-browser" ]] && ! command -v node >/dev/null 2>&1; then
  echo "setup: installing Debian's nodejs for the finder's unit tests and Lighthouse" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    nodejs npm >/dev/null
fi

# Lighthouse for tests/browser/test_lighthouse.py, from tools/lighthouse/package-lock.json; it
# never downloads a browser (it runs Debian's Chromium) and install scripts do not run.
lighthouse=tools/lighthouse
if $WITH_BROWSER && command -v npm >/dev/null 2>&1 \
    && [[ ! -f "$lighthouse/node_modules/.package-lock.json" \
          || "$lighthouse/package-lock.json" -nt "$lighthouse/node_modules/.package-lock.json" ]]; then
  echo "setup: installing Lighthouse into $lighthouse" >&2
  npm ci --prefix "$lighthouse" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup: creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when the project's requirements changed since the last install.
stamp="$VENV/.iopdir-installed"
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" ]]; then
  echo "setup: installing the project and its test tools into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
  touch "$stamp"
fi

# One virtual environment per other site builder (tests/acceptance/test_runners.py), remade
# only when scripts/runners.txt changed since it was made.
if $WITH_RUNNERS; then
  while read -r name requirements; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    runner=".venv-runners/$name"
    if [[ ! -f "$runner/.installed" || scripts/runners.txt -nt "$runner/.installed" ]]; then
      echo "setup: installing $requirements into $runner" >&2
      rm -rf "$runner"
      "$PYTHON" -m venv "$runner"
      # shellcheck disable=SC2086 # one requirement a word
      "$runner/bin/python" -m pip install --quiet --disable-pip-version-check $requirements
      touch "$runner/.installed"
    fi
  done < scripts/runners.txt
fi
