"""data/hsds/: every row of every table is valid against the HSDS 3.0 table schemas, the ids
link up, and the tables round-trip the listings' providers, programs, tracks and sessions."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.model.records import Provider
from generator.opendata import hsds
from generator.opendata.paths import HSDS_DIR
from tests.conftest import ROOT, SHARED_DATA
from tests.unit.helpers import listing, provider
from tests.unit.opendata_fixtures import sample_providers, totals

SCHEMAS = ROOT / "tests" / "data" / "hsds-3.0"
Tables = dict[str, list[dict[str, str]]]


def table_schemas() -> dict[str, dict[str, Any]]:
    """{file name without .csv: schema}, keyed by each schema's own `path`."""
    found = {}
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        found[schema["path"].removesuffix(".csv")] = schema
    return found


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    return sample_providers()


@pytest.fixture(scope="module")
def tables(providers: list[Provider]) -> Tables:
    files = hsds.generate(providers)
    return {name: list(csv.DictReader(io.StringIO(files[f"{HSDS_DIR}/{name}.csv"],
                                                  newline="")))
            for name in hsds.TABLES}


def typed(row: dict[str, str], schema: dict[str, Any]) -> dict[str, Any]:
    """A CSV row as the JSON object the schema describes: empty cells absent, numbers parsed."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value != "":
            number = schema["properties"][key].get("type") == "number"
            out[key] = float(value) if number else value
    return out


def test_every_table_has_a_schema_and_known_columns(tables: Tables) -> None:
    schemas = table_schemas()
    assert set(tables) == set(schemas)
    for name, columns in hsds.TABLES.items():
        assert set(columns) <= set(schemas[name]["properties"]), name
        assert set(schemas[name]["required"]) <= set(columns), name
        assert set(schemas[name].get("tabular_required", ())) <= set(columns), name


def test_every_row_is_valid_against_its_hsds_schema(tables: Tables) -> None:
    checker = jsonschema.FormatChecker()
    assert "uuid" in checker.checkers
    problems = []
    for name, schema in table_schemas().items():
        validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
        assert tables[name], f"{name} is empty"
        for i, row in enumerate(tables[name]):
            problems += [f"{name}[{i}]: {e.message}" for e in
                         validator.iter_errors(typed(row, schema))]
    assert problems == []


def test_a_bad_row_is_caught(tables: Tables) -> None:
    schema = table_schemas()["schedules"]
    row = typed({**tables["schedules"][0], "id": "not-a-uuid", "freq": "DAILY"}, schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert len(list(validator.iter_errors(row))) == 2


def test_counts_round_trip(providers: list[Provider], tables: Tables) -> None:
    n_providers, n_programs, n_tracks = totals(providers)
    assert len(tables["organizations"]) == n_providers
    assert len(tables["programs"]) == n_programs
    assert len({s["service_id"] for s in tables["schedules"]}) == n_tracks
    unscheduled = sum(1 for p in providers for g in p.programs if not g.tracks)
    assert len(tables["services"]) == n_tracks + unscheduled
    sessions = sum(len(t.sessions) for p in providers for _, t in p.tracks())
    assert len(tables["schedules"]) == sessions
    assert len(tables["locations"]) == len(tables["addresses"]) == sum(
        len(p.locations) for p in providers)


def test_ids_are_unique_and_every_reference_resolves(tables: Tables) -> None:
    ids = [row["id"] for rows in tables.values() for row in rows]
    assert len(ids) == len(set(ids))
    keys = {"organization_id": "organizations", "program_id": "programs",
            "service_id": "services", "location_id": "locations",
            "service_at_location_id": "service_at_location"}
    for name, rows in tables.items():
        for row in rows:
            for column, target in keys.items():
                if row.get(column):
                    assert row[column] in {r["id"] for r in tables[target]}, (name, column)


def test_ids_are_the_same_in_every_export(providers: list[Provider], tables: Tables) -> None:
    again = hsds.generate(providers)
    rows = csv.DictReader(io.StringIO(str(again[f"{HSDS_DIR}/schedules.csv"])))
    assert next(rows)["id"] == tables["schedules"][0]["id"]


def test_a_known_track_is_a_weekly_rule(tables: Tables) -> None:
    service = next(s for s in tables["services"]
                   if s["name"] == "Adult Intensive Outpatient Program: Evening track"
                   and "otterbank" in s["url"])
    [schedule] = [s for s in tables["schedules"] if s["service_id"] == service["id"]]
    assert {k: schedule[k] for k in ("freq", "interval", "byday", "opens_at", "closes_at",
                                     "attending_type")} == {
        "freq": "WEEKLY", "interval": "1", "byday": "MO,WE,TH", "opens_at": "17:00",
        "closes_at": "20:00", "attending_type": "In person"}
    assert schedule["description"] == ("Mon, Wed, Thu, 5:00 PM to 8:00 PM, Pacific time "
                                       "(America/Los_Angeles).")
    assert service["status"] == "active" and service["assured_date"] == "2026-10-02"
    [at] = [a for a in tables["service_at_location"] if a["service_id"] == service["id"]]
    assert schedule["service_at_location_id"] == at["id"]


def test_a_program_without_a_schedule_is_one_service_with_no_schedules(
        tables: Tables) -> None:
    org = next(o for o in tables["organizations"] if o["name"] == "Unlisted Schedule Clinic")
    services = [s for s in tables["services"] if s["organization_id"] == org["id"]]
    assert [s["name"] for s in services] == ["Imported IOP"]
    assert not [s for s in tables["schedules"] if s["service_id"] == services[0]["id"]]
    assert [lang["code"] for lang in tables["languages"]
            if lang["service_id"] == services[0]["id"]] == ["en"]
    [identifier] = [i for i in tables["organization_identifiers"]
                    if i["organization_id"] == org["id"]]
    assert identifier["identifier"] == "substance_123"
    assert identifier["identifier_type"] == "SAMHSA N-SUMHSS facility id"


def test_datapackage_names_every_table() -> None:
    package = json.loads(hsds.datapackage())
    assert [r["path"] for r in package["resources"]] == [f"{n}.csv" for n in hsds.TABLES]


@pytest.mark.shared
def test_copied_schemas_match_the_shared_hsds_schemas() -> None:
    shared = SHARED_DATA / "hsds-3.0"
    if not shared.is_dir():
        pytest.skip(f"{shared} is absent: the HSDS 3.0 schemas are shared beside the repository")
    copies = sorted(SCHEMAS.glob("*.json"))
    assert len(copies) == len(hsds.TABLES)
    for copy in copies:
        original: Path = shared / "schema" / copy.name
        assert copy.read_bytes() == original.read_bytes(), copy.name
    assert (SCHEMAS / "LICENSE").read_bytes() == (shared / "LICENSE").read_bytes()


def test_intake_lines_are_phones_of_the_organization() -> None:
    clinic = provider(listing(intake_phones=["(503) 555-0198", "(503) 555-0197 ext. 4"]))
    files = hsds.generate([clinic])
    rows = list(csv.DictReader(io.StringIO(files[f"{HSDS_DIR}/phones.csv"], newline="")))
    assert [(r["number"], r["description"]) for r in rows] == [
        ("(503) 555-0199", "Main line"), ("(503) 555-0198", "Intake line"),
        ("(503) 555-0197 ext. 4", "Intake line")]
    validator = jsonschema.Draft202012Validator(table_schemas()["phones"],
                                                format_checker=jsonschema.FormatChecker())
    assert [e.message for r in rows for e in validator.iter_errors(r)] == []
