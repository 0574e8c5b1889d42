"""What providers read before a pull request: the example listing is valid, and the checklist
and guides name what maintainers check."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.catalog import load_paths
from generator.load.checks import SCHEMA_LINE
from tests.conftest import PROVIDERS, ROOT, TODAY

FOR_PROVIDERS = (ROOT / "generator" / "theme" / "docs" / "for-providers.md").read_text(
    encoding="utf-8")


def _example() -> str:
    block = FOR_PROVIDERS.split("<!-- example-listing -->", 1)[1]
    match = re.match(r"\s*```yaml\n(.*?)```", block, flags=re.S)
    assert match, "the example listing follows its marker"
    return match.group(1)


def test_the_example_listing_is_valid_beside_the_samples(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PROVIDERS, tmp_path / "providers")
    (tmp_path / "providers" / "harbor-light-recovery.yaml").write_text(_example(),
                                                                       encoding="utf-8")
    catalog = load_paths([tmp_path / "providers"], TODAY)
    assert catalog.diagnostics == []  # no warning, and no duplicate of a sample
    (example,) = [p for p in catalog.providers if p.slug == "harbor-light-recovery"]
    assert [t.name for t in example.programs[0].tracks] == ["Morning track", "Evening track"]
    assert _example().startswith(SCHEMA_LINE + "\n")


def test_the_pull_request_checklist_covers_what_maintainers_check() -> None:
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, flags=re.M)
    assert len(boxes) >= 6
    for topic in ("`last_verified`", "phone number", "schedule", "sample listings",
                  "`related_listings`"):
        assert any(topic in box for box in boxes), topic


def test_contributing_points_to_the_guides_that_exist() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)", text):
        assert (ROOT / target).exists(), target
    assert "Propose changes" in text and "Files changed" in text


def test_the_maintainers_guide_names_the_real_workflow_files() -> None:
    text = (ROOT / "docs" / "for-maintainers.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(\.github/workflows/[a-z-]+\.yml)`", text))
    assert {".github/workflows/pull-request.yml", ".github/workflows/report.yml"} <= named
    assert all((ROOT / path).is_file() for path in named)


def test_editor_settings_map_the_schema_to_the_listings() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schema/provider.schema.json": ["providers/*.yaml"]}
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    assert "indent_style = space" in (ROOT / ".editorconfig").read_text(encoding="utf-8")


def test_pre_commit_install_works_after_setup(tmp_path: Path) -> None:
    """CONTRIBUTING says `.venv/bin/pre-commit install`: setup installs pre-commit there."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert pre_commit.exists(), "scripts/setup.sh installs the test extra, pre-commit in it"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(ROOT / ".pre-commit-config.yaml", tmp_path)
    done = subprocess.run([str(pre_commit), "install"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".git" / "hooks" / "pre-commit").is_file()
    assert ".venv/bin/pre-commit install" in (ROOT / "CONTRIBUTING.md").read_text()
