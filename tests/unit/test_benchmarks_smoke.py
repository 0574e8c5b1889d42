"""The benchmark harness runs, and its synthetic listings are valid (no timing assertions)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import run
from benchmarks.synth import write_listings
from generator.load.catalog import load_paths
from tests.conftest import ROOT


def test_synth_listings_are_valid(tmp_path: Path) -> None:
    paths = write_listings(tmp_path, 40)
    catalog = load_paths([tmp_path], today=dt.date(2026, 11, 26))
    assert len(paths) == 40
    assert len(catalog.providers) == 40
    assert catalog.diagnostics == []


def _run_small(tmp_path: Path, *options: str) -> tuple[str, dict[str, Any]]:
    assert run.main(["--sizes", "20", "--repeat", "2", "--out", str(tmp_path), *options]) == 0
    (written,) = tmp_path.glob("bench-*.json")
    result: dict[str, Any] = json.loads(written.read_text(encoding="utf-8"))["results"][0]
    return written.read_text(encoding="utf-8"), result


def _row(table: str, label: str) -> list[str]:
    """The cells of the table row whose label is `label`."""
    line = next(line for line in table.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")][1:]


def test_build_bench_small(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, result = _run_small(tmp_path, "--no-browser")
    table = capsys.readouterr().out
    assert "| | 20 listings | target |" in table
    assert result["providers"] == 20
    assert result["diagnostics"] == 0
    assert result["site_files"] > 20
    assert result["search_mb"] > 0
    # The bare MkDocs build of the same Markdown ran twice, interleaved with iopdir's builds;
    # each ratio is the median of the ratios of the builds run side by side.
    assert result["bare_s"] > 0 and result["bare_rss_mb"] > 0 and result["rounds"] == 2
    pairs = zip(result["build_runs"], result["bare_runs"], strict=True)
    ratios = [ours[0] / bare[0] for ours, bare in pairs]
    assert result["build_ratio"] == pytest.approx(sum(ratios) / 2)
    assert result["page_ratio"] == pytest.approx(result["page_kb"] / result["bare_page_kb"])
    assert 0.5 < result["page_ratio"] < 2  # the same page, so of a comparable size
    assert result["finder_bytes"] > 0
    assert 0 < result["audit_s"] < result["build_s"]  # the audit ran over the built pages
    assert result["audit_pages"] > 20
    assert result["audit_ms"] == pytest.approx(result["audit_s"] * 1000 / result["audit_pages"])
    assert _row(table, "iopdir build, first language / bare build, wall")[1] == "<= 1.15"
    # Both languages against the first one alone, each round's pair built side by side.
    assert _row(table, "  / the first language only, wall")[1] == "<= 2.2"
    pairs = zip(result["build_all_runs"], result["build_runs"], strict=True)
    assert result["languages_ratios"] == [every[0] / one[0] for every, one in pairs]
    assert result["build_all_s"] > 0 and result["languages_ratio"] > 0
    assert _row(table, "  ratio") == [f"{result['page_ratio']:.2f}", "<= 1.2"]
    assert _row(table, "finder filter change, slowest median / max (ms)") == ["-", "< 16"]


@pytest.mark.browser
def test_build_bench_small_with_the_finder_in_chromium(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The finder rows: filter changes timed in Chromium on the site `iopdir build` made."""
    _, result = _run_small(tmp_path)
    table = capsys.readouterr().out
    names = [name for name, *_ in result["finder_changes"]]
    assert "weekends, hours listed only" in names and len(names) == 11
    # performance.now() is coarsened to 0.1 ms, so a fast change can time as 0.0
    assert all(0 <= median <= slowest for _, median, slowest in result["finder_changes"])
    assert result["finder_load_ms"] > 0
    median, slowest = _row(table, "finder filter change, slowest median / max (ms)")[0].split(" / ")
    assert float(median) <= float(slowest)


@pytest.mark.browser
def test_finder_bench_small() -> None:
    """Run as people run it (its own process: Playwright's sync API wants a thread of its own)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.finder_bench", "--count", "30"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    table = done.stdout
    assert "| finder at 30 listings |" in table
    assert "index bytes per program, gzip" in table
    assert "filter change: I work weekdays 9 to 5" in table
    assert "| nearest first over the first" in table and "OUT OF ORDER" not in table


def test_serve_bench_small() -> None:
    """`iopdir serve` started, a listing renamed, the served page and browse page followed."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.serve_bench", "--count", "30",
                           "--edits", "1", "--timeout", "240"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "| iopdir serve, 30 listings |" in done.stdout
    row = next(line for line in done.stdout.splitlines() if "provider page served again" in line)
    median, slowest = (float(x) for x in row.split("|")[2].split(" / "))
    assert 0 < median <= slowest
