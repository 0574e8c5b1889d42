# The two commands of the README: `make site` (or `make serve`) and `make test`.
# Each sets up what it needs first (scripts/setup.sh is idempotent).
.PHONY: site serve test test-quick test-js mutation lint bench clean

site:
	scripts/setup.sh
	.venv/bin/iopdir build --strict

serve:
	scripts/setup.sh
	.venv/bin/iopdir serve

test:
	scripts/setup.sh --with-browser --with-runners
	.venv/bin/ruff check generator tests benchmarks
	.venv/bin/mypy
	node --test tests/js/*.test.js
	.venv/bin/pytest

test-quick:
	scripts/setup.sh
	node --test tests/js/*.test.js
	.venv/bin/pytest -m "not browser and not slow"

# The finder's scripts (ES modules, package.json says so) under Node's own test runner (Node 18
# or newer; scripts/setup.sh --with-browser installs Debian's nodejs). No packages to install.
test-js:
	node --test tests/js/*.test.js

# Mutation testing (docs/quality.md), not part of `make test`: mutmut for the Python modules
# named in pyproject.toml, Stryker for the finder's scripts, one module at a time. One to
# two hours for all on two cores; `make mutation MODULES=generator/load/checks.py` runs one.
mutation:
	scripts/setup.sh --with-mutation
	.venv/bin/python -m tests.mutation $(MODULES)

bench:
	scripts/setup.sh
	.venv/bin/python -m benchmarks.run
	.venv/bin/python -m benchmarks.finder_bench
	.venv/bin/python -m benchmarks.serve_bench

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache mutants reports .stryker-tmp
