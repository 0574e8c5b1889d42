"""data/programs.csv: one row per track, read back with the csv module."""

from __future__ import annotations

import csv
import io

import pytest

from generator import opendata
from generator.load.catalog import load_paths
from generator.model.records import Provider
from generator.opendata import csvfile, programs_csv
from generator.opendata.paths import PROGRAMS_CSV
from tests.conftest import ROOT, TODAY
from tests.unit.helpers import listing, program, provider, track
from tests.unit.opendata_fixtures import UNLISTED_SLUG, sample_providers, totals

Rows = list[dict[str, str]]


def read(providers: list[Provider]) -> Rows:
    text = programs_csv.generate(providers)[PROGRAMS_CSV]
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    return sample_providers()


@pytest.fixture(scope="module")
def rows(providers: list[Provider]) -> Rows:
    return read(providers)


def test_counts_round_trip(providers: list[Provider], rows: Rows) -> None:
    n_providers, n_programs, n_tracks = totals(providers)
    unscheduled = sum(1 for p in providers for g in p.programs if not g.tracks)
    assert len(rows) == n_tracks + unscheduled
    assert len({r["provider_slug"] for r in rows}) == n_providers
    assert len({(r["provider_slug"], r["program_number"]) for r in rows}) == n_programs
    assert sum(1 for r in rows if r["schedule_listed"] == "yes") == n_tracks
    assert list(rows[0]) == list(programs_csv.COLUMNS)


def test_a_known_track_row(rows: Rows) -> None:
    row = next(r for r in rows if r["provider_slug"] == "otterbank-wellness-house"
               and r["program_number"] == "2" and r["track_number"] == "2")
    assert {k: row[k] for k in ("program", "track", "hours_per_week", "days", "schedule",
                                "evening", "weekend", "time_zone", "level_of_care", "calendar",
                                "page", "latitude", "longitude")} == {
        "program": "Adult Intensive Outpatient Program", "track": "Evening track",
        "hours_per_week": "9", "days": "Mon; Wed; Thu", "schedule": "Mon, Wed, Thu 17:00-20:00",
        "evening": "yes", "weekend": "no", "time_zone": "America/Los_Angeles",
        "level_of_care": "Intensive outpatient (ASAM 2.1)",
        "calendar": "data/calendars/otterbank-wellness-house/program-2-track-2.ics",
        "page": "providers/otterbank-wellness-house/#program-2", "latitude": "45.5154",
        "longitude": "-122.4203",  # a number, not text that needs guarding
    }
    assert row["insurance_plans"] == "Kaiser Permanente; PacificSource; UnitedHealthcare"


def test_a_program_without_a_schedule_has_one_row_with_empty_schedule(rows: Rows) -> None:
    [row] = [r for r in rows if r["provider_slug"] == UNLISTED_SLUG]
    assert row["program"] == "Imported IOP" and row["schedule_listed"] == "no"
    assert [row[k] for k in ("track", "track_number", "hours_per_week", "days", "schedule",
                             "evening", "calendar")] == [""] * 7


def test_text_that_a_spreadsheet_would_run_stays_text() -> None:
    evil = listing(name='=HYPERLINK("https://attacker.example","x")',
                   programs=[program(name="@SUM(1+1)", tracks=[
                       track((["mon"], "18:00", "21:00"), name='-2+3, "quoted"\nnext')])])
    [row] = read([provider(evil)])
    assert row["provider"] == '\'=HYPERLINK("https://attacker.example","x")'
    assert row["program"] == "'@SUM(1+1)"
    assert row["track"] == '\'-2+3, "quoted"\nnext'  # the csv module quoted it whole
    assert row["longitude"] == "" and row["hours_per_week"] == "3"


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"https://evil.example.com\")", "'=HYPERLINK(\"https://evil.example.com\")"),
    ("+SUM(1,2)", "'+SUM(1,2)"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"),
    ("\tPortland", "'\tPortland"), ("\r=1", "'\r=1"), ("+1-503-555-0142", "'+1-503-555-0142"),
    ("-122.68", "-122.68"), ("45.5", "45.5"), ("Portland", "Portland"), ("", ""),
    ("a=b", "a=b"),
])
def test_cells_that_start_a_formula_are_shown_as_text(value: str, cell: str) -> None:
    assert csvfile.inert(value) == cell


def test_every_published_csv_starts_no_formula() -> None:
    """All CSV files, from a listing with a formula in each text field (tests/hostile)."""
    path = ROOT / "tests" / "hostile" / "literal" / "csv-formulas.yaml"
    files = opendata.generate(load_paths([path], today=TODAY).providers, TODAY)
    tables = {name: content for name, content in files.items() if name.endswith(".csv")}
    assert "data/programs.csv" in tables and "data/hsds/organizations.csv" in tables
    cells = [cell for content in tables.values() if isinstance(content, str)
             for row in csv.reader(io.StringIO(content)) for cell in row]
    assert "'=HYPERLINK(\"https://evil.example.com\",\"Clinic\")" in cells
    assert "'+1-503-555-0135" in cells and "'-2+3+cmd|' /C calc'!A0" in cells
    starts = [c for c in cells if c.startswith(csvfile.FORMULA_START)]
    assert all(_is_number(c) for c in starts), starts


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_every_cell_is_quoted_so_no_separator_can_start_a_formula_cell() -> None:
    """A spreadsheet set to split on ';' would make a formula of the part after it."""
    text = csvfile.table_csv(["name", "lon"], [("x;=HYPERLINK(\"https://evil.example\")", -122.68)])
    assert text.splitlines()[1] == '"x;=HYPERLINK(""https://evil.example"")","-122.68"'
    assert next(csv.reader(io.StringIO(text.splitlines()[1]))) == [
        'x;=HYPERLINK("https://evil.example")', "-122.68"]
