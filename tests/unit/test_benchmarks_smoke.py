"""The benchmark harness runs, and its synthetic listings are valid (no timing assertions)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.synth import write_listings
from generator.catalog import load_paths
from tests.conftest import ROOT


def test_synth_listings_are_valid(tmp_path: Path) -> None:
    paths = write_listings(tmp_path, 40)
    catalog = load_paths([tmp_path], today=dt.date(2026, 11, 26))
    assert len(paths) == 40
    assert len(catalog.providers) == 40
    assert catalog.diagnostics == []


def test_build_bench_small(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--sizes", "20", "--out", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "| 20 listings |" in table
    assert "iopdir build, wall (s)" in table
    (written,) = tmp_path.glob("bench-*.json")
    result = json.loads(written.read_text(encoding="utf-8"))["results"][0]
    assert result["providers"] == 20
    assert result["diagnostics"] == 0
    assert result["site_files"] > 20
    assert result["search_mb"] > 0


@pytest.mark.browser
def test_finder_bench_small() -> None:
    """Run as people run it (its own process: Playwright's sync API wants a thread of its own)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.finder_bench", "--count", "30"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    table = done.stdout
    assert "| finder at 30 listings |" in table
    assert "index bytes per program, gzip" in table
    assert "filter change: fits a 9-to-5 job" in table
    assert "| nearest first over the first" in table and "OUT OF ORDER" not in table
