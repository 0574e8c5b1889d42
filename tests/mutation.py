"""Mutation testing, one module at a time: `python -m tests.mutation [PATH ...]` (`make mutation`).

Python modules (`[tool.mutmut] only_mutate` in pyproject.toml) go through mutmut, the finder's
scripts (`mutate` in tools/stryker/stryker.config.mjs) through Stryker. Without PATH, every
configured module runs. It ends with a table of scores for docs/quality.md; `mutmut results`
and `mutmut show NAME` (or Stryker's report in reports/stryker/) show each survivor.

MUTATION_JOBS (default 2) is how many mutants are tested at once: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRYKER = ROOT / "tools" / "stryker"
STRYKER_CONFIG = STRYKER / "stryker.config.mjs"
REPORTS = ROOT / "reports" / "stryker"


@dataclass
class Score:
    module: str
    statuses: Counter[str]
    minutes: float

    @property
    def killed(self) -> int:
        return self.statuses["killed"] + self.statuses["timeout"]

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    def row(self) -> str:
        survived = self.total - self.killed
        share = f"{100 * self.killed / self.total:.0f} %" if self.total else "-"
        return (f"| `{self.module}` | {self.killed} / {self.total} | {share} | {survived} "
                f"| {self.minutes:.1f} |")


def python_modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def script_modules() -> list[str]:
    """The `mutate` list of the Stryker config, read by Node (the config is a module)."""
    read = ("import(process.argv[1]).then((m) => "
            "console.log(JSON.stringify(m.default.mutate)))")
    out = subprocess.run(["node", "--input-type=module", "-e", read, STRYKER_CONFIG.as_uri()],
                         check=True, capture_output=True, text=True).stdout
    return list(json.loads(out))


def jobs() -> str:
    return os.environ.get("MUTATION_JOBS", "2")


def run_mutmut(path: str) -> Counter[str]:
    """Test the mutants of one module; their statuses as mutmut names them."""
    pattern = path.removesuffix(".py").replace("/", ".") + ".*"
    mutmut = str(Path(sys.executable).parent / "mutmut")
    subprocess.run([mutmut, "run", "--max-children", jobs(), pattern], cwd=ROOT, check=True)
    listing = subprocess.run([mutmut, "results", "--all", "true"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
    prefix = pattern.removesuffix("*")
    statuses: Counter[str] = Counter()
    for line in listing.splitlines():
        name, _, status = line.strip().partition(": ")
        if name.startswith(prefix):
            statuses[status] += 1
    return statuses


def run_stryker(path: str) -> Counter[str]:
    """Test the mutants of one finder module; their statuses in mutmut's words."""
    report = REPORTS / f"{Path(path).stem}.json"
    stryker = STRYKER / "node_modules" / ".bin" / "stryker"
    subprocess.run([str(stryker), "run", str(STRYKER_CONFIG.relative_to(ROOT)), "--mutate", path,
                    "--concurrency", jobs()], cwd=ROOT, check=True,
                   env={**os.environ, "STRYKER_REPORT": str(report.relative_to(ROOT))})
    words = {"Killed": "killed", "Timeout": "timeout", "Survived": "survived",
             "NoCoverage": "no tests"}
    data = json.loads(report.read_text(encoding="utf-8"))
    return Counter(words.get(mutant["status"], mutant["status"])
                   for file in data["files"].values() for mutant in file["mutants"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.mutation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="modules to test, e.g. generator/load/checks.py (default: all)")
    args = parser.parse_args(argv)
    python, scripts = python_modules(), script_modules()
    unknown = [p for p in args.paths if p not in python + scripts]
    if unknown:
        parser.error(f"not configured for mutation testing: {', '.join(unknown)}")
    scores = []
    for path in args.paths or python + scripts:
        start = time.monotonic()
        statuses = run_mutmut(path) if path in python else run_stryker(path)
        scores.append(Score(path, statuses, (time.monotonic() - start) / 60))
    print("\n| module | killed / total | score | survived | minutes |\n|---|---|---|---|---|")
    for score in scores:
        print(score.row())
    for score in scores:
        odd = {k: v for k, v in score.statuses.items() if k not in ("killed", "survived")}
        if odd:
            print(f"{score.module}: {dict(odd)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
