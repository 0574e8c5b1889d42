"""Progress of long work goes to stderr: a bar on a terminal, a line a quarter elsewhere, nothing
for small runs, and never a byte on stdout (which `validate --format github` writes)."""

from __future__ import annotations

import io

import pytest

from generator import cli
from generator.load import progress
from tests.conftest import PROVIDERS, TODAY


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_at_each_quarter_when_not_a_terminal() -> None:
    out = io.StringIO()
    shown = progress.start(2000, "Checking listings", out=out)
    for _ in range(2000):
        shown.advance()
    shown.close()
    assert out.getvalue().splitlines() == [
        "Checking listings: 25% (500 of 2,000 listings)",
        "Checking listings: 50% (1,000 of 2,000 listings)",
        "Checking listings: 75% (1,500 of 2,000 listings)",
        "Checking listings: 100% (2,000 of 2,000 listings)",
    ]


def test_a_bar_that_redraws_in_place_on_a_terminal() -> None:
    out = _Terminal()
    shown = progress.start(1000, "Building pages", "pages", out=out)
    shown.advance(1000)
    shown.close()
    drawn = out.getvalue()
    assert drawn.startswith("\rBuilding pages:") and "/1000" in drawn
    assert drawn.endswith("\r") and "\n" not in drawn  # cleared when done: no line left over


def test_nothing_for_small_runs_or_when_turned_off() -> None:
    out = _Terminal()
    progress.start(progress.MIN_ITEMS - 1, "x", out=out).advance(10)
    progress.start(5000, "x", enabled=False, out=out).advance(10)
    assert out.getvalue() == ""


def test_validate_shows_progress_on_stderr_and_keeps_stdout_for_annotations(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(progress, "MIN_ITEMS", 2)  # the fourteen samples count as many
    code = cli.main(["validate", str(PROVIDERS), "--format", "github", "--no-cache",
                     "--today", TODAY.isoformat()])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == ""
    assert "Checking listings: 100% (14 of 14 listings)" in captured.err.splitlines()
