"""`make mutation` is configured for files that exist, and docs/quality.md scores each of them.

The mutation runs themselves take an hour and are not part of `make test`; these checks keep
their configuration from drifting away from the code (a renamed module would otherwise be
dropped silently, or fail only when someone runs the hour-long job).
"""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from tests import mutation
from tests.conftest import ROOT

MUTMUT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def test_mutmut_mutates_and_copies_files_that_exist() -> None:
    for path in MUTMUT["only_mutate"]:
        assert (ROOT / path).is_file(), path
        assert any(path.startswith(f"{source}/") for source in MUTMUT["source_paths"]), path
    for path in MUTMUT["pytest_add_cli_args_test_selection"] + MUTMUT["also_copy"]:
        assert (ROOT / path).exists(), path


def test_stryker_mutates_finder_scripts_that_exist_with_the_suite_make_test_runs() -> None:
    scripts = mutation.script_modules()
    assert "generator/theme/docs/javascripts/finder/match.js" in scripts
    for path in scripts:
        assert (ROOT / path).is_file(), path
    config = mutation.STRYKER_CONFIG.read_text(encoding="utf-8")
    command = re.search(r'command: "([^"]+)"', config)
    assert command and command[1] in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_stryker_is_pinned_to_a_release_that_runs_on_node_20() -> None:
    lock = json.loads((mutation.STRYKER / "package-lock.json").read_text(encoding="utf-8"))
    core = lock["packages"]["node_modules/@stryker-mutator/core"]
    assert core["version"].startswith("9."), "Stryker 10 needs Node 22"


def test_the_quality_page_has_a_row_for_every_module() -> None:
    """A score, or the honest "not measured" of a module added since the last full run."""
    page = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    for path in MUTMUT["only_mutate"] + mutation.script_modules():
        row = rf"^\| `{re.escape(path)}` \| (\d+ / \d+|not measured) \|"
        assert re.search(row, page, re.M), path


def test_the_runner_refuses_a_module_it_is_not_configured_for(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        mutation.main(["generator/cli.py"])
    assert "not configured for mutation testing: generator/cli.py" in capsys.readouterr().err
