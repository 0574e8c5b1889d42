"""`iopdir import samhsa` as a maintainer runs it."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.acceptance.conftest import Run
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import DEFINITIONS, FACILITIES

ARGS = ("import", "samhsa", FACILITIES, "--definitions", DEFINITIONS, "--today",
        TODAY.isoformat())


def test_import_then_validate(iopdir: Run, tmp_path: Path) -> None:
    out = tmp_path / "providers"
    result = iopdir(*ARGS, "--out", out, "--survey-year", "2024", "--report",
                    tmp_path / "rows.csv")
    assert result.returncode == 0, result.stderr
    assert "Imported 182 facilities: 182 new files, 0 updated, 0 unchanged" in result.stderr
    assert "  5 no facility name (an empty row, or a legend row of codes and labels)" in \
        result.stderr
    assert "facilities.csv:256:1: note: substance_12205: skipped: no facility name" in \
        result.stderr
    with (tmp_path / "rows.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 255
    assert sum(r["outcome"] == "imported" for r in rows) == 182
    assert all(r["detail"] for r in rows)
    validated = iopdir("validate", out)
    assert validated.returncode == 0, validated.stderr
    assert "182 files checked: 0 errors, 0 warnings" in validated.stderr

    again = iopdir(*ARGS, "--out", out, "--survey-year", "2024", "--dry-run")
    assert "0 new files, 0 updated, 182 unchanged" in again.stderr


def test_the_collection_date_must_be_given(iopdir: Run, tmp_path: Path) -> None:
    result = iopdir(*ARGS, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "say when the directory's data was collected: --survey-year YEAR" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_dry_run_writes_nothing(iopdir: Run, tmp_path: Path) -> None:
    result = iopdir(*ARGS, "--out", tmp_path / "out", "--verified", "2023-01-01", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "(only new and updated files would be written)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_state_and_missing_file_are_usage_errors(iopdir: Run, tmp_path: Path) -> None:
    bad_state = iopdir(*ARGS, "--out", tmp_path, "--verified", "2023-01-01", "--state", "ZZ")
    assert bad_state.returncode == 2
    assert "--state ZZ: not a state code" in bad_state.stderr
    missing = iopdir("import", "samhsa", tmp_path / "nope.csv", "--definitions", DEFINITIONS,
                     "--out", tmp_path, "--verified", "2023-01-01")
    assert missing.returncode == 2
    assert "nope.csv: no such file" in missing.stderr
    # Where the directory's data comes from, for someone who copied the README's example.
    assert "SAMHSA's national directory of treatment facilities" in missing.stderr
    assert "../shared/data/samhsa-nsumhss/" in missing.stderr
