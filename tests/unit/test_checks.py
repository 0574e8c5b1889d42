from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from generator.load.catalog import load_file
from generator.load.checks import hours_problem
from tests.unit.helpers import listing, program, provider, track

TODAY = dt.date(2026, 11, 26)


def _messages(data: dict[str, Any]) -> list[str]:
    raw = yaml.safe_dump(data, sort_keys=False).encode()
    result = load_file(raw, "providers/unit.yaml", "unit", ".yaml", TODAY)
    return [f"{d.severity.value}: {d.message}" for d in result.diagnostics]


def test_the_base_listing_is_valid() -> None:
    assert _messages(listing()) == []


def _hours(level: str, populations: list[str], hours_a_day: int, days: list[str]) -> str | None:
    end = f"{9 + hours_a_day:02d}:00"
    data = listing(programs=[program(level_of_care=level, populations=populations,
                                     tracks=[track((days, "09:00", end))])])
    p = provider(data).programs[0]
    return hours_problem(p, p.tracks[0])


def test_iop_hours_for_adults_start_at_nine() -> None:
    assert _hours("iop", ["adults"], 3, ["mon", "tue", "wed"]) is None
    problem = _hours("iop", ["adults"], 2, ["mon", "tue", "wed", "thu"])
    assert problem is not None and "below the usual IOP minimum of 9 for adults" in problem


def test_iop_hours_for_adolescents_start_at_six() -> None:
    assert _hours("iop", ["adolescents"], 2, ["mon", "tue", "wed"]) is None
    assert _hours("iop", ["adolescents"], 1, ["mon", "tue", "wed"]) is not None


def test_iop_at_twenty_hours_is_php_level() -> None:
    problem = _hours("iop", ["adults"], 4, ["mon", "tue", "wed", "thu", "fri"])
    assert problem is not None and "PHP level" in problem
    assert _hours("php", ["adults"], 4, ["mon", "tue", "wed", "thu", "fri"]) is None
    assert _hours("php", ["adults"], 3, ["mon", "tue", "wed", "thu", "fri"]) is not None


def test_outpatient_at_nine_hours_is_iop_level() -> None:
    assert _hours("outpatient", ["adults"], 2, ["mon", "wed"]) is None
    assert _hours("outpatient", ["adults"], 3, ["mon", "tue", "wed"]) is not None


def test_clinical_hours_are_warnings_not_errors() -> None:
    data = listing(programs=[program(tracks=[track((["mon"], "09:00", "12:00"))])])
    (message,) = _messages(data)
    assert message.startswith("warning: programs[0].tracks[0].name: 3 hours a week")


def test_sessions_touching_end_to_start_do_not_overlap() -> None:
    data = listing(programs=[program(tracks=[track(
        (["mon", "tue", "thu"], "09:00", "11:00"), (["mon", "tue", "thu"], "11:00", "12:00"))])])
    assert _messages(data) == []


def test_overlap_inside_a_long_session_is_found() -> None:
    data = listing(programs=[program(tracks=[track(
        (["mon"], "09:00", "15:00"), (["mon"], "10:00", "11:00"), (["mon"], "12:00", "13:00"),
        (["tue", "wed"], "09:00", "12:00"))])])
    overlaps = [m for m in _messages(data) if "overlaps" in m]
    assert len(overlaps) == 2


def test_schedule_errors_are_reported_alongside_schema_errors() -> None:
    data = listing(phone="call us", programs=[program(tracks=[track(
        (["mon", "tue", "thu"], "21:00", "18:00"))])])
    messages = _messages(data)
    assert any("phone" in m for m in messages)
    assert any("not after it starts" in m for m in messages)


def test_dates_in_the_future_are_errors() -> None:
    messages = _messages(listing(last_verified="2026-11-27"))
    assert messages == ["error: last_verified: '2026-11-27' is in the future; use the date the "
                        "listing was checked"]


def test_zip_state_and_coordinates_must_agree() -> None:
    loc = {**listing()["locations"][0], "state": "WA", "latitude": 45.5, "longitude": 122.7}
    messages = _messages(listing(locations=[loc]))
    assert any("ZIP code '97201' is in OR, not WA" in m for m in messages)
    assert any("miles from ZIP code 97201" in m for m in messages)


def test_unknown_zip_is_a_warning() -> None:
    loc = {**listing()["locations"][0], "zip": "00000"}
    assert _messages(listing(locations=[loc])) == [
        "warning: locations[0].zip: ZIP code '00000' is not known; check it"]


def test_file_name_must_be_a_slug_ending_in_yaml() -> None:
    raw = yaml.safe_dump(listing()).encode()
    result = load_file(raw, "providers/My Clinic.yml", "My Clinic", ".yml", TODAY)
    assert [d.message for d in result.diagnostics] == [
        "rename the file to 'my-clinic.yaml': a file name may hold only lowercase letters, "
        "digits and single dashes, because it becomes the page address; listing files end in "
        "'.yaml' (lowercase)",
    ]
    assert result.provider is None


def test_non_utf8_files_are_reported_not_crashed_on() -> None:
    result = load_file(b"name: \xff\xfe", "providers/x.yaml", "x", ".yaml", TODAY)
    assert "not UTF-8" in result.diagnostics[0].message
