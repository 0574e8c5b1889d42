#!/usr/bin/env bash
# Set up everything on a fresh Debian machine with Python 3.11+. Idempotent: a second run only
# checks. Usage: scripts/setup.sh [--with-browser] [--with-runners] [--with-mutation]
#   --with-browser  also installs Debian's Chromium (for the browser tests) and Node.js (the
#                   finder's unit tests) when they are missing, and Lighthouse into
#                   tools/lighthouse (npm ci, pinned).
#   --with-runners  also makes a virtual environment under .venv-runners/ for each other site
#                   builder in scripts/runners.txt (MkDocs, ProperDocs, Zensical), pinned.
#   --with-mutation also installs the mutation testers of `make mutation`: mutmut into .venv
#                   and Stryker into tools/stryker (npm ci, pinned), with Node.js if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
WITH_BROWSER=false
WITH_RUNNERS=false
WITH_MUTATION=false
for arg in "$@"; do
  case "$arg" in
    --with-browser) WITH_BROWSER=true ;;
    --with-runners) WITH_RUNNERS=true ;;
    --with-mutation) WITH_MUTATION=true ;;
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

# Node.js: the finder's unit tests (node --test tests/js/*.test.js), Lighthouse and Stryker.
if { $WITH_BROWSER || $WITH_MUTATION; } && ! command -v node >/dev/null 2>&1; then
  echo "setup: installing Debian's nodejs for the finder's unit tests, Lighthouse, Stryker" >&2
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

# Stryker for `make mutation`, from tools/stryker/package-lock.json, install scripts off.
stryker=tools/stryker
if $WITH_MUTATION \
    && [[ ! -f "$stryker/node_modules/.package-lock.json" \
          || "$stryker/package-lock.json" -nt "$stryker/node_modules/.package-lock.json" ]]; then
  echo "setup: installing Stryker into $stryker" >&2
  npm ci --prefix "$stryker" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup: creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when the project's requirements changed since the last install (or the
# mutation testers are asked for and missing).
stamp="$VENV/.iopdir-installed"
extras=test
$WITH_MUTATION && extras=test,mutation
if [[ ! -f "$stamp" || pyproject.toml -nt "$stamp" ]] \
    || { $WITH_MUTATION && [[ ! -x "$VENV/bin/mutmut" ]]; }; then
  echo "setup: installing the project and its test tools ($extras) into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
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
