"""Importing the committed sample of SAMHSA's directory: one valid listing per IOP facility, every
other row skipped with its reason, each quirk of the real data handled."""

from __future__ import annotations

import gzip
import random
from pathlib import Path
from typing import Any

import pytest

from generator.importers import report
from generator.importers.report import Report
from generator.load import yamlload
from generator.load.catalog import load_paths
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import FACILITIES, run_import


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    out = tmp_path_factory.mktemp("providers")
    return out, run_import(out)


def _by_id(out: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for path in out.glob("*.yaml"):
        data = yamlload.load(path.read_text(encoding="utf-8"), str(path))[0].data
        found[data["external_ids"]["samhsa_nsumhss"]] = {**data, "_file": path.name}
    return found


def _outcome(found: Report, facility_id: str) -> report.Outcome:
    return next(o for o in found.outcomes if o.facility_id == facility_id)


def test_every_row_has_one_outcome_and_the_counts_add_up(imported: tuple[Path, Report]) -> None:
    out, found = imported
    assert len(found.outcomes) == 255  # data rows in the sample
    assert len(found.imported) + len(found.skipped) == 255
    assert len(found.imported) == 182 == len(list(out.glob("*.yaml"))) == len(found.new)
    assert all(o.reason for o in found.skipped)
    assert all(o.detail for o in found.skipped if o.reason in report.NOTEWORTHY)


def test_every_written_listing_is_valid_without_warnings(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    catalog = load_paths([out], today=TODAY)
    assert catalog.diagnostics == []
    assert len(catalog.providers) == 182


def test_junk_rows_are_skipped_as_junk(imported: tuple[Path, Report]) -> None:
    _, found = imported
    for number in range(12201, 12206):  # three empty rows, two legend rows
        assert _outcome(found, f"substance_{number}").reason == report.JUNK


def test_repeat_rows_keep_the_lowest_facility_number(imported: tuple[Path, Report]) -> None:
    out, found = imported
    repeat = _outcome(found, "substance_3160")
    assert repeat.reason == report.REPEAT
    assert repeat.detail == "repeats substance_3159 (same name, street and ZIP code)"
    listings = _by_id(out)
    assert "substance_3159" in listings and "substance_3160" not in listings
    # Unit A and Suite A of one street: one building, one listing.
    assert _outcome(found, "substance_9537").detail.startswith("repeats substance_9535")


def test_mental_health_rows_that_repeat_a_facility_say_which(
        imported: tuple[Path, Report]) -> None:
    _, found = imported
    repeats = [o for o in found.outcomes if o.reason == report.MENTAL_REPEAT]
    assert len(repeats) == 16
    assert all(o.facility_id.startswith("mental_") for o in repeats)
    assert all(o.detail.startswith("repeats substance_") for o in repeats)


def test_facts_the_directory_does_not_give_are_not_listed_not_guessed(
        imported: tuple[Path, Report]) -> None:
    out, found = imported
    listings = _by_id(out)
    for fid, field in (("substance_411", "payment"), ("substance_3007", "populations"),
                       ("substance_6298", "services")):
        assert _outcome(found, fid).reason == report.IMPORTED
        [program] = listings[fid]["programs"]
        assert program[field] == "not_listed", fid
    # A VA facility: who it serves is listed, with the groups the schema now holds.
    assert {"veterans", "active_military", "military_families", "trauma"} <= set(
        listings["substance_411"]["programs"][0]["populations"])


def test_zip_codes_get_their_leading_zeros_back(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    listings = _by_id(out)
    puerto_rico = [x for x in listings.values() if x["locations"][0]["state"] == "PR"]
    assert len(puerto_rico) == 5
    assert all(len(x["locations"][0]["zip"]) == 5 and x["locations"][0]["zip"].startswith("00")
               for x in puerto_rico)
    assert listings["substance_2065"]["locations"][0]["zip"] == "06605"  # '6605' in the file


def test_a_listing_is_built_from_the_directory(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    item = _by_id(out)["substance_11421"]
    assert item["_file"] == "addiction-allies-llc-charlottesville.yaml"
    assert item["name"] == "Addiction Allies LLC"
    assert item["description"] == (
        "Listed in SAMHSA's national directory of substance use treatment facilities as "
        "offering intensive outpatient treatment, partial hospitalization and regular "
        "outpatient treatment for adults and adolescents. The directory says the facility "
        "offers therapy by telehealth; ask which sessions of a program can be joined by video.")
    assert item["phone"] == "(434) 400-9668"
    assert item["levels_of_care"] == ["withdrawal_management", "php", "iop", "outpatient"]
    assert item["source"] == ("SAMHSA N-SUMHSS national directory (survey year 2024), "
                              "imported 2026-11-26")
    assert item["last_verified"] == "2024-01-01"
    assert item["locations"] == [{
        "id": "main", "street": "631 Berkmar Circle", "city": "Charlottesville",
        "state": "VA", "zip": "22901", "timezone": "America/New_York", "latitude": 38.0936,
        "longitude": -78.5611, "approximate_coordinates": True}]
    [program] = item["programs"]
    assert program == {
        "name": "Intensive outpatient program", "level_of_care": "iop",
        "populations": ["adults", "adolescents"], "format": "hybrid", "location": "main",
        "services": ["individual_therapy", "group_therapy", "relapse_prevention",
                     "drug_testing", "case_management", "peer_support", "psychiatric_care",
                     "aftercare"],
        "medication_for_addiction_treatment": "offered",
        "payment": ["medicaid", "medicare", "private_insurance", "self_pay"],
        "languages": ["en", "es"],
        "accepting_new_patients": {"status": "unknown"},
        "schedule_status": "not_listed"}


def test_files_start_with_the_schema_line_and_say_what_the_import_owns(
        imported: tuple[Path, Report]) -> None:
    out, _ = imported
    lines = (out / "addiction-allies-llc-charlottesville.yaml").read_text().splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/provider.schema.json"
    assert lines[1].startswith("# Imported from SAMHSA's N-SUMHSS national directory")


def test_phones_letters_extensions_and_intake_lines(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    listings = _by_id(out)
    assert listings["substance_3599"]["intake_phones"] == ["(800) 522-3784"]  # '800-522DRUG'
    # '813-630HOPE' is the main phone written with letters: not listed again.
    assert listings["substance_2699"]["phone"] == "(813) 630-4673"
    assert listings["substance_2699"]["intake_phones"] == ["(800) 719-8115 ext. 1"]


def test_withheld_street_addresses_say_so(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    location = _by_id(out)["substance_3218"]["locations"][0]
    assert location["street"] == "Street address not listed"
    assert (location["city"], location["zip"]) == ("Canton", "61520")


def test_sites_sharing_a_phone_name_each_other(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    listings = _by_id(out)
    chain = ["substance_5955", "substance_5967", "substance_6036", "substance_6113",
             "substance_6228"]  # InterCare: five sites, one phone line
    files = {listings[fid]["_file"].removesuffix(".yaml") for fid in chain}
    for fid in chain:
        own = listings[fid]["_file"].removesuffix(".yaml")
        assert set(listings[fid]["related_listings"]) == files - {own}
    # Across states: one intake line for Alaska and Oregon sites.
    alaska = listings["substance_195"]
    assert listings["substance_9613"]["_file"].removesuffix(".yaml") in \
        alaska["related_listings"]


def test_languages_free_care_and_limits(imported: tuple[Path, Report]) -> None:
    out, _ = imported
    listings = _by_id(out)
    assert {"oj", "ypk"} <= set(listings["substance_2065"]["programs"][0]["languages"])
    assert "free" in listings["substance_855"]["programs"][0]["payment"]
    assert (" Serves only people with opioid use disorder. Does not treat alcohol use disorder."
            in listings["substance_88"]["description"])
    assert listings["substance_601"]["description"].endswith(
        "Serves only people with a DUI or DWI charge.")
    # Puerto Rico: Spanish, and English is not assumed.
    rico = [x["programs"][0]["languages"] for x in listings.values()
            if x["locations"][0]["state"] == "PR"]
    assert sorted(rico) == [["es"], ["es"], ["es", "ase"], ["es", "ase"], ["es", "ase"]]


def test_slugs_do_not_depend_on_row_order(tmp_path: Path,
                                          imported: tuple[Path, Report]) -> None:
    out, _ = imported
    header, *rows = FACILITIES.read_bytes().splitlines(keepends=True)
    random.Random(6).shuffle(rows)
    shuffled = tmp_path / "shuffled.csv"
    shuffled.write_bytes(header + b"".join(rows))
    again = tmp_path / "again"
    run_import(again, facilities=shuffled)
    names = sorted(p.name for p in out.glob("*.yaml"))
    assert sorted(p.name for p in again.glob("*.yaml")) == names
    # Two sites of one organisation whose long names differ only at the end.
    assert {"catholic-charities-family-comm-outpatient-clinic-rochester.yaml",
            "catholic-charities-family-comm-outpatient-rochester.yaml"} <= \
        {p.name for p in out.glob("*.yaml")}


def test_crlf_and_gzip_give_the_same_listings(tmp_path: Path,
                                              imported: tuple[Path, Report]) -> None:
    out, _ = imported
    crlf = FACILITIES.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    packed = tmp_path / "facilities.csv.gz"
    packed.write_bytes(gzip.compress(crlf))
    again = tmp_path / "again"
    run_import(again, facilities=packed)
    for path in out.glob("*.yaml"):
        assert (again / path.name).read_text() == path.read_text()


def test_outpatient_level_imports_other_facilities(tmp_path: Path) -> None:
    found = run_import(tmp_path, levels=("outpatient",), states=frozenset({"ME"}))
    listings = _by_id(tmp_path)
    assert {"substance_5070", "substance_5086", "substance_5103", "substance_5141"} <= \
        set(listings)
    spurwink = listings["substance_5070"]
    assert [p["level_of_care"] for p in spurwink["programs"]] == ["outpatient"]
    assert spurwink["locations"][0]["zip"] == "04009"
    # '888-304HOPE' is the intake line '888-304-4673' written with letters: listed once.
    assert spurwink["intake_phones"] == ["(888) 304-4673", "(207) 647-5620"]
    assert found.fixes["ZIP code padded to five digits"] == len(listings)  # Maine: 04xxx


def test_state_and_level_filters(tmp_path: Path) -> None:
    found = run_import(tmp_path, states=frozenset({"PR"}), levels=("iop", "php"))
    assert len(found.imported) == 5
    assert {o.reason for o in found.skipped} >= {report.STATE, report.LEVEL}
    levels = [p["level_of_care"] for path in tmp_path.glob("*.yaml")
              for p in yamlload.load(path.read_text(), "x")[0].data["programs"]]
    assert sorted(set(levels)) == ["iop", "php"]
