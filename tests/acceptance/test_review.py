"""The pull request path: the workflows run the documented commands, and a broken listing in a
simulated pull request is annotated at its file and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.load import yamlload
from tests.conftest import PROVIDERS, ROOT, TODAY

WORKFLOWS = ROOT / ".github" / "workflows"
ANNOTATION = re.compile(r"::(?P<level>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),"
                        r"col=(?P<col>\d+),title=[^:]*::(?P<message>.*)")


def _yaml(path: Path) -> Any:
    """Read with YAML 1.2 rules, as GitHub does: `on:` stays the word 'on'."""
    doc, problems = yamlload.load(path.read_text(encoding="utf-8"), str(path))
    assert problems == []
    return doc.data


def _runs(workflow: Any) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "run" in step]


def _uses(workflow: Any) -> dict[str, dict[str, Any]]:
    return {step["uses"]: step.get("with", {}) for job in workflow["jobs"].values()
            for step in job["steps"] if "uses" in step}


def test_the_pull_request_workflow_validates_builds_and_attaches_the_site() -> None:
    workflow = _yaml(WORKFLOWS / "pull-request.yml")
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}
    assert _runs(workflow) == ["pip install -r requirements.txt", "iopdir validate --format github",
                               "iopdir build --strict"]
    uses = _uses(workflow)
    assert uses["actions/setup-python@v5"]["python-version"] == "3.11"
    assert uses["actions/upload-artifact@v4"]["path"] == "site/"


def test_the_report_workflow_posts_the_markdown_report_monthly() -> None:
    workflow = _yaml(WORKFLOWS / "report.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    cron = workflow["on"]["schedule"][0]["cron"].split()
    assert cron[2:] == ["1", "*", "*"]  # the first day of every month
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    runs = "\n".join(_runs(workflow))
    assert "iopdir report --format markdown > report.md" in runs
    assert "gh issue edit" in runs and "gh issue create" in runs


def test_pre_commit_runs_the_same_validation_on_every_listing() -> None:
    (repo,) = _yaml(ROOT / ".pre-commit-config.yaml")["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"].endswith("iopdir validate --strict providers")
    assert hook["pass_filenames"] is False  # duplicates are found across all files
    assert re.match(hook["files"], "providers/harbor-light.yaml")
    assert not re.match(hook["files"], "docs/index.md")


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A checkout with the samples, one new listing with two mistakes, and one copied listing."""
    folder = tmp_path / "providers"
    shutil.copytree(PROVIDERS, folder)
    text = (PROVIDERS / "lanternfish-recovery-collective.yaml").read_text(encoding="utf-8")
    text = (text.replace('zip: "97201"', "zip: 97201")
            .replace("medication_for_addiction_treatment: offered",
                     "medication_for_addiction_treatment: offerd", 1)
            .replace("Lanternfish Recovery Collective", "Harbor Light Recovery")
            .replace("(503) 555-0142", "(503) 555-0131")
            .replace("lanternfish-recovery.example.org", "harbor-light.example.org"))
    (folder / "harbor-light-recovery.yaml").write_text(text, encoding="utf-8")
    shutil.copy(folder / "otterbank-wellness-house.yaml", folder / "otterbank-copy.yaml")
    return tmp_path


def _where(path: Path, needle: str) -> tuple[int, int]:
    """The line and column of the value `needle` in a file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_a_simulated_pull_request_is_annotated_at_each_file_and_line(pull_request: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--format", "github",
         "--today", TODAY.isoformat()],
        cwd=pull_request, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    found = [ANNOTATION.fullmatch(line) for line in result.stdout.splitlines()]
    assert all(found), result.stdout
    got = {(m["level"], m["file"], int(m["line"]), int(m["col"]), m["message"].split(":")[0])
           for m in found if m}
    new = pull_request / "providers" / "harbor-light-recovery.yaml"
    copy = pull_request / "providers" / "otterbank-copy.yaml"
    phone = _where(copy, '"(503) 555-0177"')
    assert got == {
        ("error", "providers/harbor-light-recovery.yaml", *_where(new, "97201"),
         "locations[0].zip"),
        ("error", "providers/harbor-light-recovery.yaml", *_where(new, "offerd"),
         "programs[0].medication_for_addiction_treatment"),
        # The copy is caught on both files, whichever one the pull request added.
        *{("error", f"providers/{name}.yaml", *phone, "phone")
          for name in ("otterbank-copy", "otterbank-wellness-house")},
        *{("error", f"providers/{name}.yaml", *_where(copy, "https://otterbank"), "website")
          for name in ("otterbank-copy", "otterbank-wellness-house")},
        *{("error", f"providers/{name}.yaml", *_where(copy, "Otterbank Wellness House"), "name")
          for name in ("otterbank-copy", "otterbank-wellness-house")},
    }
    assert result.stderr.strip() == "16 files checked: 8 errors, 0 warnings"


def test_the_report_runs_on_a_pull_request_with_invalid_listings(pull_request: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--format", "markdown",
         "--today", "2027-12-01"], cwd=pull_request, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert body.startswith("# Listings report, 2027-12-01\n")
    assert "16 listing files checked on 2027-12-01: 15 valid listings" in body
    for heading in ("## Not verified in the last 12 months (15)", "## Possible duplicates (3)",
                    "## Invalid listings (1)"):
        assert heading in body, heading
    invalid = body.split("## Invalid listings (1)")[1].split("##")[0]
    assert "providers/harbor\\-light\\-recovery\\.yaml | 2 | line" in invalid
