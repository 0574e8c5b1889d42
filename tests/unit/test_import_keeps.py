"""The import drops nothing and guesses nothing (issue 14), and a re-import never overwrites what
a provider or a caller added: schedules, checks, failed calls, reports, lists they wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.importers.facility import display_name
from generator.importers.source import Row
from generator.load import yamlload
from generator.load.catalog import load_paths
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import run_import

FILE = "addiction-allies-llc-charlottesville.yaml"  # substance_11421, telehealth, four payments


def _by_id(out: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in out.glob("*.yaml"):
        data = yamlload.load(path.read_text(encoding="utf-8"), str(path))[0].data
        found[data["external_ids"]["samhsa_nsumhss"]] = {**data, "_file": path.name}
    return found


@pytest.fixture(scope="module")
def listings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("providers")
    run_import(out)
    return _by_id(out)


@pytest.mark.parametrize(("name1", "name2", "shown"), [
    ("ACTS Behavioral Health and", "Recovery Center", "ACTS Behavioral Health and Recovery Center"),
    ("Mental Health Center of", "Greater Manchester", "Mental Health Center of Greater Manchester"),
    ("Outside In", "Pathway to Recovery Outpatient", "Outside In, Pathway to Recovery Outpatient"),
    ("SpectraCare Health Systems", "Henry County", "SpectraCare Health Systems, Henry County"),
])
def test_names_split_mid_phrase_are_joined_without_a_comma(name1: str, name2: str,
                                                           shown: str) -> None:
    assert display_name(Row(2, {"name1": name1, "name2": name2})) == shown


def test_the_split_name_in_the_sample(listings: dict[str, dict[str, Any]]) -> None:
    assert listings["substance_11668"]["name"] == "ACTS Behavioral Health and Recovery Center"


def test_state_financed_insurance_and_more_groups_are_kept(
        listings: dict[str, dict[str, Any]]) -> None:
    payments = {p for x in listings.values() for p in x["programs"][0]["payment"]
                if x["programs"][0]["payment"] != "not_listed"}
    groups = {p for x in listings.values() for p in x["programs"][0]["populations"]
              if x["programs"][0]["populations"] != "not_listed"}
    assert "state_insurance" in payments
    assert {"active_military", "military_families", "hiv", "trauma", "domestic_violence",
            "dui_dwi", "sexual_abuse"} <= groups


def test_phone_numbers_of_a_repeated_row_are_kept(listings: dict[str, dict[str, Any]]) -> None:
    # substance_11112 repeats substance_11111 (Deer Hollow Recovery) with two other lines.
    deer = listings["substance_11111"]
    assert deer["phone"] == "(801) 679-6669"
    assert {"(385) 255-9117", "(801) 465-5111"} <= set(deer["intake_phones"])
    # substance_9031 repeats substance_9030 (Salvation Army) with another main number.
    assert "(216) 781-4676" in listings["substance_9030"]["intake_phones"]


def test_telehealth_is_at_most_hybrid_and_says_where_it_comes_from(
        listings: dict[str, dict[str, Any]]) -> None:
    formats = {x["programs"][0]["format"] for x in listings.values()}
    assert formats == {"hybrid", "in_person"}  # never telehealth: every session by video
    for item in listings.values():
        hybrid = item["programs"][0]["format"] == "hybrid"
        assert ("The directory says the facility offers therapy by telehealth" in
                item["description"]) == hybrid


def test_intake_is_unknown_without_a_date_of_the_import(
        listings: dict[str, dict[str, Any]]) -> None:
    intakes = {str(p["accepting_new_patients"]) for x in listings.values() for p in x["programs"]}
    assert intakes == {"{'status': 'unknown'}"}


# Re-import ----------------------------------------------------------------------------------


CALLS = """verification:
  by: Volunteer caller
  method: phone_call
  date: "2025-03-02"
unreachable: {reason: no_answer, attempts: 2, date: "2025-02-01"}
recheck: {reason: "The hours are wrong", date: "2025-02-15"}
"""


def _edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_records_of_calls_survive_a_reimport(tmp_path: Path) -> None:
    run_import(tmp_path)
    _edit(tmp_path / FILE, ("external_ids:", CALLS + "external_ids:"),
          ('last_verified: "2024-01-01"', 'last_verified: "2025-03-02"'))
    found = run_import(tmp_path)
    data = _by_id(tmp_path)["substance_11421"]
    assert data["verification"]["method"] == "phone_call"
    assert data["unreachable"]["attempts"] == 2
    assert data["recheck"]["reason"] == "The hours are wrong"
    assert {"verification", "unreachable", "recheck"} <= set(found.kept[FILE])
    assert load_paths([tmp_path], today=TODAY).diagnostics == []


def test_a_check_newer_than_the_survey_keeps_what_the_person_confirmed(tmp_path: Path) -> None:
    run_import(tmp_path)
    path = tmp_path / FILE
    _edit(path, ("external_ids:", CALLS + "external_ids:"),
          ('phone: "(434) 400-9668"', 'phone: "(434) 400-9600"'),
          ("payment: [medicaid, medicare, private_insurance, self_pay]",
           "payment: [medicaid, self_pay]"))
    found = run_import(tmp_path)
    data = _by_id(tmp_path)["substance_11421"]
    assert data["phone"] == "(434) 400-9600"
    assert data["programs"][0]["payment"] == ["medicaid", "self_pay"]
    assert any(k.startswith("verification (a person's check") for k in found.kept[FILE])


def test_a_survey_newer_than_the_check_updates_the_directory_fields(tmp_path: Path) -> None:
    run_import(tmp_path)
    path = tmp_path / FILE
    _edit(path, ("external_ids:", CALLS.replace("2025-03-02", "2023-06-01") + "external_ids:"),
          ('phone: "(434) 400-9668"', 'phone: "(434) 400-9600"'))
    run_import(tmp_path)
    assert _by_id(tmp_path)["substance_11421"]["phone"] == "(434) 400-9668"


def test_not_listed_never_replaces_a_list_someone_wrote(tmp_path: Path) -> None:
    run_import(tmp_path)
    va = next(p for p in tmp_path.glob("northern-arizona-va-*.yaml"))
    _edit(va, ("payment: not_listed", "payment: [tricare, free]"))
    run_import(tmp_path)
    assert _by_id(tmp_path)["substance_411"]["programs"][0]["payment"] == ["tricare", "free"]


def test_an_older_import_loses_the_date_it_gave_an_unknown_intake(tmp_path: Path) -> None:
    run_import(tmp_path)
    _edit(tmp_path / FILE, ("accepting_new_patients: {status: unknown}",
                            'accepting_new_patients: {status: unknown, as_of: "2026-01-05"}'))
    found = run_import(tmp_path)
    program = _by_id(tmp_path)["substance_11421"]["programs"][0]
    assert program["accepting_new_patients"] == {"status": "unknown"}
    assert found.updated[FILE] == ["programs.accepting_new_patients.as_of"]


def test_a_known_intake_status_keeps_its_date(tmp_path: Path) -> None:
    run_import(tmp_path)
    known = 'accepting_new_patients: {status: waitlist, as_of: "2026-11-01"}'
    _edit(tmp_path / FILE, ("accepting_new_patients: {status: unknown}", known))
    run_import(tmp_path)
    program = _by_id(tmp_path)["substance_11421"]["programs"][0]
    assert program["accepting_new_patients"] == {"status": "waitlist", "as_of": "2026-11-01"}
