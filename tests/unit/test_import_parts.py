"""The import's small parts: phone numbers, slugs and the YAML writer."""

from __future__ import annotations

from typing import Any

import pytest

from generator.importers import phones, slugs
from generator.importers.facility import Facility
from generator.importers.yamlwrite import dump
from generator.load import yamlload


@pytest.mark.parametrize(("raw", "expected"), [
    ("503-555-0142", ("(503) 555-0142", False)),
    ("503-555-0142 x1234", ("(503) 555-0142 ext. 1234", False)),
    ("888-304HOPE", ("(888) 304-4673", True)),
    ("1-800-662-4357", ("(800) 662-4357", False)),
    ("", (None, False)),
    ("Residential/24-hour residential", (None, False)),  # a legend row's label
    ("555-0142", (None, False)),  # seven digits: no area code
])
def test_phone_numbers_in_the_schema_form(raw: str, expected: tuple[str | None, bool]) -> None:
    assert phones.normalise(raw) == expected


def _facility(name: str, city: str, state: str = "OR", street: str = "1 Main Street",
              fid: str = "substance_1") -> Facility:
    return Facility(fid, 2, name, street, city, state, "97201", "(503) 555-0142", (),
                    frozenset())


def test_slugs_grow_only_as_far_as_needed_for_every_facility_involved() -> None:
    found = slugs.assign([
        _facility("Harbor Light", "Portland", "OR", fid="substance_1"),
        _facility("Harbor Light", "Portland", "ME", fid="substance_2"),
        _facility("Harbor Light", "Salem", "OR", "100 Oak Street", fid="substance_3"),
        _facility("Harbor Light", "Salem", "OR", "200 Elm Street", fid="substance_4"),
        _facility("Bay Recovery", "Bend", fid="substance_5"),
    ], taken={"bay-recovery-bend"})
    assert found == {
        "substance_1": "harbor-light-portland-or", "substance_2": "harbor-light-portland-me",
        "substance_3": "harbor-light-salem-or-100", "substance_4": "harbor-light-salem-or-200",
        "substance_5": "bay-recovery-bend-or",
    }


def test_long_names_lose_small_words_first_and_fit_the_limit() -> None:
    name = "Catholic Charities Family and Comm, Outpatient Rehabilitation Services of the North"
    [slug] = slugs.assign([_facility(name, "Rochester", "NY")], set()).values()
    assert slug == "catholic-charities-family-comm-outpatient-rochester"
    assert len(slug) <= slugs.MAX_LENGTH


def test_same_name_and_street_in_one_city_fall_back_to_the_facility_number() -> None:
    twins = [_facility("Twin Clinic", "Bend", fid="substance_7"),
             _facility("Twin Clinic", "Bend", fid="substance_9")]
    assert slugs.assign(twins, set()) == {
        "substance_7": "twin-clinic-bend-or-1-main-street-7",
        "substance_9": "twin-clinic-bend-or-1-main-street-9"}


@pytest.mark.parametrize("value", ["no", "NO", "08810", "04101", "18:00", "2026-10-01", "1e3",
                                   "true", "null", "~", "- - -", "a: b", "#x", "'q'", '"d"',
                                   "line\nbreak", "Caf\u00e9 \u00ae", "", "[x]", "@x", "%x"])
def test_written_strings_read_back_as_the_same_strings(value: str) -> None:
    data: dict[str, Any] = {"name": value, "list": [value, "plain"], "map": {"k": value}}
    text = dump(data, ["a comment"])
    assert text.startswith("# a comment\n")
    assert yamlload.load(text, "t")[0].data == data


def test_the_layout_matches_hand_written_listings() -> None:
    data = {"name": "Harbor Light", "phone": "(503) 555-0142", "languages": ["en", "es"],
            "accepting_new_patients": {"status": "unknown", "as_of": "2026-11-26"},
            "locations": [{"id": "main", "zip": "04101", "latitude": 43.66}]}
    assert dump(data, []) == (
        'name: "Harbor Light"\n'
        'phone: "(503) 555-0142"\n'
        "languages: [en, es]\n"
        'accepting_new_patients: {status: unknown, as_of: "2026-11-26"}\n'
        "locations:\n"
        "  - id: main\n"
        '    zip: "04101"\n'
        "    latitude: 43.66\n")
