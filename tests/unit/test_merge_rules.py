"""The re-import's merge, rule by rule, on listings built in the test (no import run): what the
directory owns is updated, what a person wrote is kept, and the report names each change.

tests/unit/test_import_merge.py and test_import_keeps.py show the same rules through a whole
import of the committed sample."""

from __future__ import annotations

import copy
import json
from typing import Any

from generator.importers import merge
from generator.importers.listing import GENERATED_PREFIX, SOURCE_PREFIX
from tests.conftest import ROOT

SURVEY = "2024-01-01"
SOURCE = f"{SOURCE_PREFIX} (survey year 2024), imported 2026-11-26"
OLD_SOURCE = f"{SOURCE_PREFIX} (survey year 2024), imported 2026-06-01"
DESCRIPTION = f"{GENERATED_PREFIX} of substance use treatment facilities as offering iop."


def _program(**fields: Any) -> dict[str, Any]:
    return {"name": "Intensive outpatient program", "level_of_care": "iop",
            "populations": ["adults"], "format": "in_person", "location": "main",
            "services": ["counseling"], "medication_for_addiction_treatment": "offered",
            "payment": ["medicaid"], "languages": ["en"],
            "accepting_new_patients": {"status": "unknown"}, "schedule_status": "not_listed",
            **fields}


def _new(**fields: Any) -> dict[str, Any]:
    """What the import builds for one facility of the sample directory (fictional)."""
    return {"name": "Sample Recovery Center", "description": DESCRIPTION,
            "phone": "(555) 555-0100", "intake_phones": ["(555) 555-0101"],
            "levels_of_care": ["iop"], "last_verified": SURVEY, "source": SOURCE,
            "external_ids": {"samhsa_nsumhss": "substance_1"},
            "locations": [{"id": "main", "street": "1 Sample Way", "city": "Springfield",
                           "state": "VA", "zip": "22901", "timezone": "America/New_York",
                           "latitude": 38.03, "longitude": -78.48,
                           "approximate_coordinates": True}],
            "programs": [_program()], **fields}


def _old(**fields: Any) -> dict[str, Any]:
    """The listing an earlier import of the same survey wrote, with a person's changes."""
    data = copy.deepcopy(_new(source=OLD_SOURCE))
    data.update(fields)
    return data


def _merge(old: dict[str, Any], new: dict[str, Any] | None = None) -> merge.Merged:
    return merge.merge(old, new or _new())


CHECK = {"by": "Volunteer caller", "method": "phone_call", "date": SURVEY}


# What the directory owns ------------------------------------------------------------------


def test_an_import_of_the_same_survey_changes_nothing_and_keeps_the_import_date() -> None:
    merged = _merge(_old())
    assert merged.data == _old()
    assert merged.updated == [] and merged.kept == []


def test_the_directory_fields_are_updated_and_named() -> None:
    new = _new(name="Sample Recovery Centre", phone="(555) 555-0102",
               intake_phones=["(555) 555-0103"])
    merged = _merge(_old(), new)
    assert (merged.data["name"], merged.data["phone"], merged.data["intake_phones"]) == (
        "Sample Recovery Centre", "(555) 555-0102", ["(555) 555-0103"])
    assert merged.data["source"] == SOURCE  # the survey's data changed: the new import date
    assert merged.updated == ["name", "phone", "intake_phones", "source"]


def test_intake_lines_the_directory_no_longer_gives_are_dropped() -> None:
    new = _new()
    del new["intake_phones"]
    assert "intake_phones" not in _merge(_old(), new).data
    old = _old()
    del old["intake_phones"]
    assert "intake_phones" not in _merge(old, new).data


def test_the_import_date_changes_with_the_survey_even_when_no_field_does() -> None:
    new = _new(source=f"{SOURCE_PREFIX} (survey year 2025), imported 2026-11-26")
    merged = _merge(_old(), new)
    assert merged.data["source"] == new["source"]
    assert merged.updated == ["source"]


def test_a_source_a_person_wrote_is_kept() -> None:
    for source in ("Called the program on 2025-03-02", "The program's own leaflet"):
        merged = _merge(_old(source=source, phone="(555) 555-0199"))
        assert merged.data["source"] == source
    for blank in (None, "  "):  # no source yet: the import's
        assert _merge(_old(source=blank)).data["source"] == SOURCE


def test_a_generated_description_follows_the_directory_a_written_one_stays() -> None:
    new = _new(description=f"{GENERATED_PREFIX} as offering iop for adults.")
    assert _merge(_old(), new).data["description"] == new["description"]
    for missing in (None, "", "   "):
        assert _merge(_old(description=missing), new).data["description"] == new["description"]
    written = _merge(_old(description="Evening IOP for working adults."), new)
    assert written.data["description"] == "Evening IOP for working adults."
    assert written.kept == ["description"]


def test_accreditations_arrive_once_then_belong_to_the_provider() -> None:
    new = _new(accreditations=["joint_commission"])
    assert _merge(_old(), new).data["accreditations"] == ["joint_commission"]
    mine = _merge(_old(accreditations=["carf"]), new)
    assert mine.data["accreditations"] == ["carf"]
    assert "accreditations" not in _merge(_old(), _new()).data
    assert _merge(_old(accreditations=["carf"]), _new()).data["accreditations"] == ["carf"]


def test_the_survey_date_replaces_an_older_one_never_a_newer_one() -> None:
    assert _merge(_old(last_verified="2023-05-01")).data["last_verified"] == SURVEY
    assert _merge(_old(last_verified="2025-03-02")).data["last_verified"] == "2025-03-02"
    # A listing a person started without the date (it is matched by name and address) gets
    # the survey's, not the word "None".
    for missing in (None, ""):
        assert _merge(_old(last_verified=missing)).data["last_verified"] == SURVEY
    old = _old()
    del old["last_verified"]
    assert _merge(old).data["last_verified"] == SURVEY


def test_the_directory_id_is_set_and_other_ids_are_kept() -> None:
    # The schema knows one directory yet; an id it does not know is left for the check to name,
    # not dropped.
    old = _old(external_ids={"county_211": "va-0042", "samhsa_nsumhss": "substance_9"})
    assert _merge(old).data["external_ids"] == {"county_211": "va-0042",
                                                "samhsa_nsumhss": "substance_1"}
    del old["external_ids"]
    assert _merge(old).data["external_ids"] == {"samhsa_nsumhss": "substance_1"}


# A person's check newer than the survey ------------------------------------------------------


def test_a_check_on_the_survey_day_or_later_keeps_the_persons_facts() -> None:
    moved = _new(name="Sample Recovery Centre", phone="(555) 555-0102", intake_phones=None,
                 locations=[{**_new()["locations"][0], "street": "9 Other Road"}],
                 programs=[_program(payment=["self_pay"])])
    for date in (SURVEY, "2025-03-02"):
        merged = _merge(_old(verification={**CHECK, "date": date}), moved)
        assert merged.data["name"] == "Sample Recovery Center"
        assert merged.data["phone"] == "(555) 555-0100"
        assert merged.data["intake_phones"] == ["(555) 555-0101"]
        assert merged.data["locations"][0]["street"] == "1 Sample Way"
        assert merged.data["programs"][0]["payment"] == ["medicaid"]
        assert merged.kept == ["verification", merge.NEWER_CHECK]


def test_a_check_before_the_survey_gives_way_to_it() -> None:
    for check in ({**CHECK, "date": "2023-12-31"}, {**CHECK, "date": None}, {"by": "A caller"},
                  "called"):
        merged = _merge(_old(verification=check), _new(phone="(555) 555-0102"))
        assert merged.data["phone"] == "(555) 555-0102"
        assert merge.NEWER_CHECK not in merged.kept


def test_checked_after_survey_compares_the_check_date_with_the_survey() -> None:
    assert merge.checked_after_survey({"verification": CHECK}, SURVEY)
    assert merge.checked_after_survey({"verification": CHECK}, "2023-12-31")
    assert not merge.checked_after_survey({"verification": CHECK}, "2024-01-02")
    assert not merge.checked_after_survey({}, SURVEY)


def test_a_program_of_a_new_level_meets_at_the_kept_location() -> None:
    old = _old(verification=CHECK)
    old["locations"][0]["id"] = "downtown"
    new = _new(programs=[_program(), _program(level_of_care="php", name="PHP")])
    merged = _merge(old, new)
    assert merged.data["programs"][1]["location"] == "downtown"
    del old["locations"][0]["id"]
    assert _merge(old, new).data["programs"][1]["location"] == "main"


# The address ---------------------------------------------------------------------------------


def test_the_address_follows_the_directory() -> None:
    place = {"id": "main", "street": "2 Market Street", "city": "Riverton", "state": "WV",
             "zip": "26814", "timezone": "America/Chicago", "latitude": 38.7, "longitude": -79.4,
             "approximate_coordinates": True}
    merged = _merge(_old(), _new(locations=[place]))
    assert merged.data["locations"] == [place]
    assert merged.updated == ["source", "locations.street", "locations.city",
                              "locations.state", "locations.zip", "locations.timezone",
                              "locations.latitude", "locations.longitude"]


def _measured(**fields: Any) -> dict[str, Any]:
    old = _old()
    place = old["locations"][0]
    del place["approximate_coordinates"]
    place.update(latitude=38.0801, longitude=-78.495, **fields)
    return old


def test_coordinates_measured_for_the_same_address_stay() -> None:
    place = _merge(_measured(id="clinic")).data["locations"][0]
    assert (place["latitude"], place["longitude"]) == (38.0801, -78.495)
    assert "approximate_coordinates" not in place


def test_coordinates_of_another_address_give_way_to_the_new_zip_centre() -> None:
    for changed in ({"street": "9 Other Road"}, {"zip": "22902"},
                    {"approximate_coordinates": True}):
        place = _merge(_measured(**changed)).data["locations"][0]
        assert (place["latitude"], place["longitude"], place["approximate_coordinates"]) == (
            38.03, -78.48, True), changed


def test_coordinates_the_directory_cannot_place_are_dropped() -> None:
    new = _new()
    for key in merge.COORDINATES:
        del new["locations"][0][key]
    place = _merge(_old(), new).data["locations"][0]
    assert not set(merge.COORDINATES) & set(place)
    old = _old()
    for key in ("latitude", "longitude"):
        del old["locations"][0][key]
    assert _merge(old).data["locations"][0]["latitude"] == 38.03


def test_a_listing_without_a_usable_first_location_gets_the_directorys() -> None:
    for locations in (None, [], ["somewhere"], "1 Sample Way"):
        old = _old(locations=locations, programs=[])
        merged = _merge(old)
        assert merged.data["locations"] == _new()["locations"]
        assert merged.data["programs"][0]["location"] == "main"


def test_other_locations_are_kept() -> None:
    old = _old()
    old["locations"].append({"id": "north", "street": "5 North Road"})
    merged = _merge(old, _new(phone="(555) 555-0102"))
    assert merged.data["locations"][1] == {"id": "north", "street": "5 North Road"}
    assert merged.kept == ["locations"]


# The programs --------------------------------------------------------------------------------


OWNED = {"populations": ["adults", "adolescents"], "format": "hybrid",
         "services": ["counseling", "peer_support"],
         "medication_for_addiction_treatment": "not_offered", "payment": ["medicaid", "free"],
         "languages": ["en", "es"]}


def test_each_program_field_the_directory_owns_is_updated() -> None:
    old = _old()
    old["programs"][0]["tracks"] = [{"name": "Evening"}]
    merged = _merge(old, _new(programs=[_program(**OWNED)]))
    program = merged.data["programs"][0]
    assert {k: program[k] for k in OWNED} == OWNED
    assert program["tracks"] == [{"name": "Evening"}]
    assert merged.updated == ["source", *(f"programs.{k}" for k in OWNED)]


def test_a_program_field_the_directory_no_longer_gives_is_dropped() -> None:
    new = _new()
    del new["programs"][0]["medication_for_addiction_treatment"]
    assert "medication_for_addiction_treatment" not in _merge(_old(), new).data["programs"][0]


def test_not_listed_replaces_not_listed_or_nothing_never_a_list() -> None:
    old = _old()
    old["programs"][0]["services"] = "not_listed"
    del old["programs"][0]["populations"]
    new = _new(programs=[_program(payment="not_listed", services="not_listed",
                                  populations="not_listed")])
    program = _merge(old, new).data["programs"][0]
    assert (program["payment"], program["services"], program["populations"]) == (
        ["medicaid"], "not_listed", "not_listed")
    back = _merge(old, _new(programs=[_program(services=["counseling"])]))
    assert back.data["programs"][0]["services"] == ["counseling"]


def test_a_level_the_provider_split_into_several_programs_is_left_to_them() -> None:
    old = _old()
    old["programs"] = [_program(name="Day IOP"), _program(name="Evening IOP")]
    merged = _merge(old, _new(programs=[_program(**OWNED)]))
    assert merged.data["programs"] == old["programs"]


def test_a_new_level_is_added_at_the_first_location() -> None:
    old = _old()
    old["locations"][0]["id"] = "clinic"
    old["programs"][0]["location"] = "clinic"
    php = _program(level_of_care="php", name="Partial hospitalization program")
    merged = _merge(old, _new(levels_of_care=["iop", "php"], programs=[_program(), php]))
    assert merged.data["programs"][1] == {**php, "location": "clinic"}
    assert merged.data["levels_of_care"] == ["iop", "php"]


def test_a_new_level_meets_at_the_directorys_place_id_when_the_first_has_none() -> None:
    old = _old()
    del old["locations"][0]["id"]
    php = _program(level_of_care="php", location="elsewhere")
    merged = _merge(old, _new(programs=[_program(), php]))
    assert merged.data["programs"][1]["location"] == "main"


def test_programs_the_directory_does_not_list_are_kept() -> None:
    old = _old()
    old["programs"] += [_program(level_of_care="php", name="Day treatment"), "a note"]
    merged = _merge(old, _new(programs=[_program(**OWNED)]))
    assert merged.data["programs"][1:] == old["programs"][1:]
    assert merged.data["levels_of_care"] == ["iop", "php"]
    assert "programs.name" in merged.kept


def test_levels_of_care_add_the_kept_programs_levels_once_in_order() -> None:
    old = _old(programs=[_program(level_of_care="php"), _program(level_of_care="outpatient"),
                         _program(level_of_care="php"), _program(level_of_care=None),
                         {"name": "no level"}])
    merged = _merge(old, _new(levels_of_care=["detox", "php"], programs=[]))
    assert merged.data["levels_of_care"] == ["detox", "php", "outpatient"]
    assert _merge(_old(programs="none"), _new(programs=[])).data["programs"] == []


def test_a_listing_without_programs_gets_the_directorys() -> None:
    for programs in (None, "none"):
        merged = _merge(_old(programs=programs))
        assert merged.data["programs"] == _new()["programs"]


def test_an_unknown_intake_status_loses_its_date_a_known_one_keeps_it() -> None:
    old = _old()
    dated = {"status": "unknown", "as_of": "2026-01-05"}
    waitlist = {"status": "waitlist", "as_of": "2026-11-01"}
    old["programs"][0]["accepting_new_patients"] = dated
    old["programs"] += [_program(level_of_care="php", accepting_new_patients=waitlist),
                        _program(level_of_care="outpatient", accepting_new_patients="open"),
                        {"level_of_care": "detox"}]
    merged = _merge(old)
    intakes = [p.get("accepting_new_patients") for p in merged.data["programs"]]
    assert intakes == [{"status": "unknown"}, waitlist, "open", None]
    assert "programs.accepting_new_patients.as_of" in merged.updated


# The report and the file's layout --------------------------------------------------------------


def test_hand_fields_names_what_a_person_wrote() -> None:
    old = _old(website="https://sample.example.org", verification=CHECK, sample=True)
    old["programs"][0] |= {"name": "Evening IOP", "tracks": [],
                           "accepting_new_patients": {"status": "open"}}
    old["locations"].append({"id": "north"})
    assert merge.hand_fields(old) == [
        "locations", "programs.accepting_new_patients", "programs.name", "programs.tracks",
        "sample", "verification", "website"]
    assert merge.hand_fields(_old()) == []
    old = _old(programs=[_program(name="Partial hospitalization program"),
                         _program(accepting_new_patients=None), "a note"])
    assert merge.hand_fields(old) == []


def test_changed_fields_names_each_dotted_field_once() -> None:
    old = {"phone": "1", "locations": [{"zip": "1"}], "programs": [
        {"payment": ["a"], "languages": ["en"]}, {"payment": ["b"]}]}
    new = {"phone": "2", "locations": [{"zip": "1"}], "programs": [
        {"payment": ["c"], "languages": ["en"]}, {"payment": ["d"], "tracks": []}],
        "website": "https://sample.example.org"}
    assert merge.changed_fields(old, new) == ["phone", "programs.payment", "programs.tracks",
                                              "website"]
    assert merge.changed_fields(new, old) == ["phone", "programs.payment", "programs.tracks",
                                              "website"]
    assert merge.changed_fields(old, old) == []


def test_a_list_of_another_length_or_of_plain_values_is_one_change() -> None:
    assert merge.changed_fields({"programs": [{"a": 1}]},
                                {"programs": [{"a": 1}, {"a": 2}]}) == ["programs"]
    assert merge.changed_fields({"programs": [{"a": 1}, {"b": 1}]},
                                {"programs": [{"a": 2}, "x"]}) == ["programs"]
    assert merge.changed_fields({"x": [1, 2]}, {"x": [1, 3]}) == ["x"]
    assert merge.changed_fields({"x": {"y": {"z": 1}}}, {"x": {"y": {"z": 2}}}) == ["x.y.z"]
    assert merge.changed_fields({"x": {"y": 1}}, {"x": 1}) == ["x"]
    # Names as written, whatever they start with.
    assert merge.changed_fields({"Xtra": {"y": 1}}, {"Xtra": {"y": 2}}) == ["Xtra.y"]


def _schema_order(schema: dict[str, Any], name: str) -> list[str]:
    return list(schema["$defs"][name]["properties"]) if name else list(schema["properties"])


def test_fields_are_written_in_the_schemas_order_unknown_ones_last() -> None:
    schema = json.loads((ROOT / "schema" / "provider.schema.json").read_text(encoding="utf-8"))
    top, place, program = (_schema_order(schema, n) for n in ("", "location", "program"))
    data: dict[str, Any] = {"zzz": 1, **{k: k for k in reversed(top)}, "aaa": 2}
    data["locations"] = [{"extra": 1, **{k: k for k in reversed(place)}}, "a note"]
    data["programs"] = [{"extra": 1, **{k: k for k in reversed(program)}}, "a note"]
    out = merge.order(data)
    assert list(out) == [*top, "zzz", "aaa"]
    assert list(out["locations"][0]) == [*place, "extra"]
    assert list(out["programs"][0]) == [*program, "extra"]
    assert out["locations"][1] == out["programs"][1] == "a note"
    assert list(merge.order({"programs": "none", "name": "x"}).items()) == [
        ("name", "x"), ("programs", "none")]
