"""The docs are part of the product: they must name every command and the README's contract."""

from __future__ import annotations

import re

import pytest

from generator.cli import _parser
from tests.conftest import ROOT

MAINTAINERS = (ROOT / "docs" / "for-maintainers.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    action = next(a for a in _parser()._actions if a.dest == "==SUPPRESS==" and a.choices)
    assert isinstance(action.choices, dict)
    return sorted(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_for_maintainers(command: str) -> None:
    assert re.search(rf"`{command}`", MAINTAINERS), command
    assert f"iopdir {command}" in MAINTAINERS + README


def test_readme_shows_the_two_commands_and_ci_runs_the_test_one() -> None:
    assert "make site" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_exit_codes_are_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in MAINTAINERS
