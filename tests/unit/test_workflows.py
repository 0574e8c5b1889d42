"""The GitHub workflows cannot run here, so they are read: valid YAML, every `iopdir` command
they run exists and takes the options given, every step output they use is made by a step of
the job, and text from an issue never reaches a shell script except through a variable."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from generator.cli import _parser
from generator.load import yamlload
from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# What the workflows' variables hold, where a command checks the form of a value.
SAMPLE_VALUES = {"SITE_URL": "https://example.org/iop/",
                 "ISSUE_URL": "https://github.com/example/iop-directory/issues/1"}
UNTRUSTED = re.compile(r"github\.event\.(issue|comment|pull_request)\.(body|title)")


def _load(path: Path) -> dict[str, Any]:
    doc, problems = yamlload.load(path.read_text(encoding="utf-8"), str(path))  # YAML 1.2
    assert problems == [], problems
    data: dict[str, Any] = doc.data
    return data


def _steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job["steps"]]


def _commands(script: str) -> list[list[str]]:
    """Each `iopdir ...` command of a shell script, split as the shell would, with variables
    standing in as plain words."""
    joined = re.sub(r"\\\n\s*", " ", script)
    found = []
    for line in joined.splitlines():
        start = line.find("iopdir ")
        if start < 0 or line.lstrip().startswith("#"):
            continue
        text = re.sub(r"\$\{?(\w+)\}?", lambda m: SAMPLE_VALUES.get(m[1], m[1].lower()),
                      line[start:])
        words = shlex.split(text)
        ends = [i for i, w in enumerate(words) if w in (">", ">>", "|", "&&", ";")]
        found.append(words[1:ends[0] if ends else None])
    return found


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflow_is_well_formed(path: Path) -> None:
    workflow = _load(path)
    assert {"name", "on", "jobs"} <= set(workflow)
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest" and job["timeout-minutes"] <= 60
        assert all("uses" in step or "run" in step for step in job["steps"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_iopdir_command_exists_with_its_options(path: Path) -> None:
    parser = _parser()
    for _, step in _steps(_load(path)):
        for argv in _commands(step.get("run", "")):
            try:
                args = parser.parse_args(argv)
            except SystemExit:
                pytest.fail(f"{path.name}: `iopdir {' '.join(argv)}` does not parse")
            assert getattr(args, "handler", None), argv


def test_the_form_workflows_run_the_conversion() -> None:
    used = {path.name: [argv[:2] for _, step in _steps(_load(path))
                        for argv in _commands(step.get("run", ""))] for path in WORKFLOWS}
    assert ["apply-form", "update"] in used["listing-update.yml"]
    assert ["apply-form", "problem"] in used["listing-problem.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_step_outputs_come_from_steps_of_the_job(path: Path) -> None:
    for job in _load(path)["jobs"].values():
        ids = {step["id"] for step in job["steps"] if "id" in step}
        text = repr(job)
        for used in re.findall(r"steps\.([\w-]+)\.outputs", text):
            assert used in ids, f"{path.name}: no step has the id {used!r}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_issue_text_reaches_scripts_only_through_variables(path: Path) -> None:
    for _, step in _steps(_load(path)):
        assert not UNTRUSTED.search(step.get("run", "")), step.get("name")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_token_is_left_in_the_checkout_and_nothing_is_force_pushed(path: Path) -> None:
    """Later steps run tools on text from strangers: the checkout keeps no credentials, and a
    branch a maintainer may have reviewed only ever gains commits."""
    for _, step in _steps(_load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name
        assert not re.search(r"git push[^\n]*(--force|-f\b|\+HEAD)", step.get("run", "")), \
            path.name


@pytest.mark.parametrize("name", ["listing-update.yml", "listing-problem.yml"])
def test_the_form_workflows_leave_closed_issues_alone(name: str) -> None:
    workflow = _load(ROOT / ".github" / "workflows" / name)
    for job in workflow["jobs"].values():
        assert "github.event.issue.state == 'open'" in job["if"]
