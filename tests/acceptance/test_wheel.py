"""`pip install iopdir` from a wheel built from this repository carries everything the tool needs:
in an empty folder outside the repository, a fresh virtual environment runs `iopdir init`,
`iopdir new --no-input ...` and `iopdir build --strict`, and the site works.

Slow: it builds the wheel (pip's build isolation fetches setuptools) and installs it with its
dependencies from PyPI (pip's cache makes a second run quicker).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# What a copy of the repository needs to build the wheel: not the environments or outputs.
IGNORED = shutil.ignore_patterns(".git", ".venv", ".venv-runners", "node_modules", "site",
                                 "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
                                 ".hypothesis", ".iopdir-*", "results", "test-artifacts")
NEW = ("--no-input", "--name", "Harbor Light Recovery", "--phone", "(503) 555-0199",
       "--street", "100 Example Ave", "--city", "Portland", "--zip", "97201")


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True,
                            text=True, timeout=900, env=env)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the repository, with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", base / "dist",
          source], cwd=base)
    (wheel,) = (base / "dist").glob("iopdir-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=base)
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=base)
    return venv


def test_the_wheel_holds_the_schemas_and_project_files_and_reads_nothing_else(
        installed: Path, tmp_path: Path) -> None:
    where = _run([installed / "bin" / "python", "-c",
                  "from generator.model import resources; print(resources.root()); "
                  "print(len(resources.project_files()))"], cwd=tmp_path).stdout.split()
    assert "site-packages" in where[0] and where[0].endswith("bundled")
    assert int(where[1]) >= 10


def test_init_new_and_build_strict_make_a_working_site(installed: Path, tmp_path: Path) -> None:
    iopdir = installed / "bin" / "iopdir"
    _run([iopdir, "init", "oregon-iop", "--no-input", "--name", "Oregon Recovery Coalition",
          "--region", "Oregon"], cwd=tmp_path)
    project = tmp_path / "oregon-iop"
    _run([iopdir, "new", *NEW], cwd=project)
    built = _run([iopdir, "build", "--strict"], cwd=project)
    assert "Built 2 provider pages" in built.stderr
    site = project / "site"
    page = (site / "providers" / "harbor-light-recovery" / "index.html").read_text()
    assert "Harbor Light Recovery" in page and "(503) 555-0199" in page
    home = (site / "index.html").read_text()
    assert "Oregon IOP Program Finder" in home
    assert "Directory run by Oregon Recovery Coalition" in home
    for html in (page, home, (site / "finder" / "index.html").read_text()):
        assert 'class="iop-crisis"' in html and 'href="tel:988"' in html
    finder = json.loads((site / "finder" / "index.json").read_text())
    assert len(json.dumps(finder)) > 1000
    data = json.loads((site / "data" / "providers.json").read_text())
    assert {p["slug"] for p in data["providers"]} == {
        "harbor-light-recovery", "lanternfish-recovery-collective"}
    assert (site / "is-an-iop-right-for-me" / "index.html").exists()  # built in
    assert (site / "javascripts" / "finder" / "main.js").exists()
