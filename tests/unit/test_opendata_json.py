"""data/providers.json: valid against its published JSON Schema, and it round-trips the listings."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from generator.model.records import Provider
from generator.opendata import providers_json
from generator.opendata.paths import PROVIDERS_JSON, PROVIDERS_SCHEMA
from tests.conftest import ROOT, TODAY
from tests.unit.opendata_fixtures import UNLISTED_SLUG, sample_providers, totals


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    return sample_providers()


@pytest.fixture(scope="module")
def files(providers: list[Provider]) -> dict[str, str]:
    return providers_json.generate(providers, TODAY)


@pytest.fixture(scope="module")
def export(files: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files[PROVIDERS_JSON])
    return data


def test_export_is_valid_against_its_schema(files: dict[str, str],
                                            export: dict[str, Any]) -> None:
    schema = json.loads(files[PROVIDERS_SCHEMA])
    assert schema == json.loads((ROOT / "schema" / "providers-export.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema,
                                                format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(export)] == []


def test_schema_rejects_a_track_without_its_derived_fields(files: dict[str, str],
                                                          export: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(export))
    del broken["providers"][0]["programs"][0]["tracks"][0]["hours_per_week"]
    validator = jsonschema.Draft202012Validator(json.loads(files[PROVIDERS_SCHEMA]))
    assert not validator.is_valid(broken)


def test_counts_round_trip(providers: list[Provider], export: dict[str, Any]) -> None:
    listed = export["providers"]
    counted = (len(listed), sum(len(p["programs"]) for p in listed),
               sum(len(g["tracks"]) for p in listed for g in p["programs"]))
    assert counted == totals(providers)
    assert export["counts"] == dict(zip(("providers", "programs", "tracks"), counted,
                                        strict=True))
    assert [p["slug"] for p in listed] == [p.slug for p in providers]


def test_a_known_track_carries_its_derived_facts(export: dict[str, Any]) -> None:
    otterbank = next(p for p in export["providers"] if p["slug"] == "otterbank-wellness-house")
    program = otterbank["programs"][1]
    assert program["name"] == "Adult Intensive Outpatient Program"
    assert program["url"] == "providers/otterbank-wellness-house/#program-2"
    assert program["accepting_new_patients"] == {"status": "yes", "as_of": "2026-10-02"}
    assert program["tracks"][1] == {
        "name": "Evening track", "hours_per_week": 9, "days": ["mon", "wed", "thu"],
        "evening": True, "weekend": False, "daytime": False,
        "earliest_start": "17:00", "latest_end": "20:00",
        "sessions": [{"days": ["mon", "wed", "thu"], "start": "17:00", "end": "20:00"}],
        "calendar": "data/calendars/otterbank-wellness-house/program-2-track-2.ics",
    }
    assert otterbank["sample"] is True and otterbank["last_verified"] == "2026-10-02"
    assert otterbank["source"] == "Fictional sample listing written for this project"
    assert export["sample_data"] is True
    assert export["labels"]["payment"]["sliding_scale"] == "Sliding scale fees"


def test_a_program_without_a_schedule_has_no_tracks(providers: list[Provider],
                                                    export: dict[str, Any]) -> None:
    unlisted = next(p for p in export["providers"] if p["slug"] == UNLISTED_SLUG)
    assert [(g["name"], g["schedule_listed"], g["tracks"]) for g in unlisted["programs"]] == [
        ("Imported IOP", False, [])]
    flags = [(g["schedule_listed"], bool(g["tracks"])) for p in export["providers"]
             for g in p["programs"]]
    assert flags == [(g.schedule_listed, g.schedule_listed) for p in providers
                     for g in p.programs]
