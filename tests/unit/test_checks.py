from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from generator.load.catalog import load_file
from generator.load.checks import check_file_name, hours_problem
from generator.load.files import split_name
from generator.model.zips import lookup, miles
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


@pytest.mark.parametrize(("name", "message"), [
    ("..yaml", "the file has no name before '.yaml'; rename it after the provider, like "
     "'harbor-light.yaml'"),
    ("index.yaml", "the file name 'index' is reserved (providers/index/ would be the address "
     "of the providers folder itself); rename the file after the provider, like "
     "'harbor-light.yaml'"),
    (".harbor.yaml", "rename the file to 'harbor.yaml': a name starting with a dot is a hidden "
     "file, which many tools skip; a file name may hold only lowercase letters, digits and "
     "single dashes, because it becomes the page address"),
    ("harbor.yml", "rename the file to 'harbor.yaml': listing files end in '.yaml' (lowercase)"),
    ("X.yaml", "rename the file to 'x.yaml': a file name may hold only lowercase letters, "
     "digits and single dashes, because it becomes the page address"),
    # The suggested name drops the dashes that would start or end it ...
    ("_Harbor Light_.yaml", "rename the file to 'harbor-light.yaml': a file name may hold only "
     "lowercase letters, digits and single dashes, because it becomes the page address"),
    # ... and is a placeholder when nothing of the name can be kept.
    ("日本.yaml", "rename the file to 'provider.yaml': a file name may hold only lowercase "
     "letters, digits and single dashes, because it becomes the page address"),
])
def test_each_file_name_problem_is_an_error_on_the_first_line(name: str, message: str) -> None:
    """The command-line tests in tests/hostile/test_files.py see these through `iopdir`; here
    they are checked in the test process too."""
    stem, suffix = split_name(name)
    assert [d.format_text() for d in check_file_name(f"providers/{name}", stem, suffix)] == [
        f"providers/{name}:1:1: error: {message}"]


def test_adolescent_and_php_messages_name_the_level_to_use() -> None:
    assert _hours("iop", ["adolescents"], 1, ["mon", "tue", "wed"]) == (
        "3 hours a week is below the usual IOP minimum of 6 for adolescents; check the "
        "sessions, or use level_of_care 'outpatient'")
    assert _hours("iop", ["adults"], 4, ["mon", "tue", "wed", "thu", "fri"]) == (
        "20 hours a week is at the PHP level (20 or more); check the sessions, or use "
        "level_of_care 'php'")
    assert _hours("outpatient", ["adults"], 3, ["mon", "tue", "wed"]) == (
        "9 hours a week is at the IOP level (9 or more); check the sessions, or use "
        "level_of_care 'iop'")


def test_a_session_that_ends_when_it_starts_is_one_error_not_also_an_overlap() -> None:
    data = listing(programs=[program(tracks=[track(
        (["mon", "tue", "wed"], "09:00", "12:00"), (["mon"], "10:00", "10:00"))])])
    assert _messages(data) == [
        "error: programs[0].tracks[0].sessions[1].end: ends at 10:00, not after it starts "
        "(10:00); use 24-hour times, like '18:00' to '21:00' (sessions cannot pass midnight)"]


@pytest.mark.parametrize("days", [None, []])
def test_a_session_without_days_is_left_to_the_schema(days: list[str] | None) -> None:
    """Its times are not checked (there is no day to place them on): one message, the
    schema's, even though it also ends before it starts."""
    session = {"start": "21:00", "end": "18:00"} | ({} if days is None else {"days": days})
    data = listing(programs=[program(tracks=[{"name": "Evening", "sessions": [session]}])])
    (message,) = _messages(data)
    assert message.startswith("error: ") and "programs[0].tracks[0].sessions[0]" in message
    assert "not after it starts" not in message


def test_an_unknown_location_with_no_close_id_lists_the_ids() -> None:
    second = {**listing()["locations"][0], "id": "annex"}
    data = listing(locations=[listing()["locations"][0], second],
                   programs=[program(location="downtown")])
    assert _messages(data) == ["error: programs[0].location: no location has the id "
                               "'downtown'; use one of 'main', 'annex'"]


def test_a_date_of_today_is_not_in_the_future() -> None:
    assert _messages(listing(last_verified=TODAY.isoformat())) == []


def test_coordinates_are_checked_against_the_zip_with_sixty_miles_to_spare() -> None:
    loc = listing()["locations"][0]
    centre = lookup(loc["zip"])
    assert centre is not None

    def at(away: float) -> list[str]:
        # Due north: a degree of latitude is the same distance everywhere on a sphere.
        latitude = centre.lat + away / miles(0, 0, 1, 0)
        return _messages(listing(locations=[{**loc, "latitude": round(latitude, 6),
                                             "longitude": centre.lon}]))

    assert at(59.6) == []
    (message,) = at(60.4)
    assert "the coordinates are 60 miles from ZIP code 97201" in message


def test_addresses_no_page_could_link_are_errors_at_their_field() -> None:
    assert _messages(listing(website="https://localhost/")) == [
        "error: website: 'https://localhost/' has the host 'localhost', which is not a full "
        "domain name; write one like 'www.example.org', with letters, digits, dashes and dots"]
    assert _messages(listing(email="intake@example.org\n")) == [
        "error: email: 'intake@example.org\\n' is not one email address like "
        "'intake@example.org' (letters, digits and . _ + - before the @, a domain name after it)"]
