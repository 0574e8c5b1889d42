"""`iopdir generate --out` builds unchanged with MkDocs 1.6, ProperDocs and Zensical.

Each runner is installed, pinned, in its own virtual environment under .venv-runners/ by
`scripts/setup.sh --with-runners` (scripts/runners.txt); `make test` does that first. Each build
must have the finder, a provider page, the crisis lines on every page and the open data.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

RUNNERS = ROOT / ".venv-runners"
PROVIDER = "lanternfish-recovery-collective"


def _runners() -> list[str]:
    lines = (ROOT / "scripts" / "runners.txt").read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "build"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out), "--site-url",
         "https://example.org/iop/"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("runner", _runners())
def test_the_runner_builds_the_generated_project_unchanged(runner: str, generated: Path,
                                                           tmp_path: Path) -> None:
    command = RUNNERS / runner / "bin" / runner
    if not command.exists():
        pytest.fail(f"{command} is missing: run scripts/setup.sh --with-runners")
    project = tmp_path / "project"
    shutil.copytree(generated, project)
    built = subprocess.run([str(command), "build"], cwd=project, capture_output=True,
                           text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    site = project / "site"
    finder = (site / "finder" / "index.html").read_text(encoding="utf-8")
    assert "finder" in finder and (site / "finder" / "index.json").stat().st_size > 1000
    page = (site / "providers" / PROVIDER / "index.html").read_text(encoding="utf-8")
    assert "Lanternfish Recovery Collective" in page and "(503) 555-0142" in page
    for html in (finder, page, (site / "index.html").read_text(encoding="utf-8")):
        assert 'class="iop-crisis"' in html and 'href="tel:988"' in html
        assert "1-800-662-4357" in html
    assert "javascripts/finder/main.js" in finder and "stylesheets/extra.css" in finder
    data = json.loads((site / "data" / "providers.json").read_text(encoding="utf-8"))
    assert any(p["slug"] == PROVIDER for p in data["providers"])
    assert (site / "data" / "programs.csv").exists()
