"""data/calendars/: every file parses with icalendar, one weekly event per session."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model.records import Provider
from generator.opendata import ical
from generator.opendata.paths import CALENDARS_DIR, calendar_path
from tests.conftest import TODAY
from tests.unit.helpers import listing, program, provider, track
from tests.unit.opendata_fixtures import UNLISTED_SLUG, sample_providers

LA = ZoneInfo("America/Los_Angeles")
OTTERBANK_EVENING = calendar_path("otterbank-wellness-house", 2, 2)


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    return sample_providers()


@pytest.fixture(scope="module")
def files(providers: list[Provider]) -> dict[str, bytes]:
    return ical.generate(providers, TODAY)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_one_calendar_per_track_and_one_event_per_session(providers: list[Provider],
                                                          files: dict[str, bytes]) -> None:
    expected = {calendar_path(p.slug, i, j): len(t.sessions)
                for p in providers for i, g in enumerate(p.programs, 1)
                for j, t in enumerate(g.tracks, 1)}
    assert {path: len(parse(data).events) for path, data in files.items()} == expected
    assert not [path for path in files if f"{CALENDARS_DIR}/{UNLISTED_SLUG}/" in path]


def test_a_known_track_recurs_weekly_in_its_time_zone(files: dict[str, bytes]) -> None:
    cal = parse(files[OTTERBANK_EVENING])
    [event] = cal.events
    assert TODAY.weekday() == 3  # a Thursday, one of the track's days
    assert event.start == dt.datetime(2026, 11, 26, 17, 0, tzinfo=LA)
    assert event.end == dt.datetime(2026, 11, 26, 20, 0, tzinfo=LA)
    assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
    assert event["RRULE"] == icalendar.vRecur({"FREQ": ["WEEKLY"], "BYDAY": ["MO", "WE", "TH"]})
    assert str(event["SUMMARY"]) == "Adult Intensive Outpatient Program: Evening track"
    assert str(event["LOCATION"]) == "250 Example Boulevard, Gresham, OR 97030"
    assert str(event["DESCRIPTION"]).startswith("Sample listing: this provider is fictional")
    assert [tz.tz_name for tz in cal.timezones] == ["America/Los_Angeles"]
    assert str(cal["X-WR-CALNAME"]) == "Adult Intensive Outpatient Program: Evening track"


def test_the_same_evening_after_daylight_saving_time_ends_is_still_5_pm(
        files: dict[str, bytes]) -> None:
    """The VTIMEZONE carries the zone's rules, so a reader that uses it gets 17:00 in summer
    (UTC-7) as in winter (UTC-8)."""
    cal = parse(files[OTTERBANK_EVENING])
    [zone] = cal.timezones
    summer = dt.datetime(2027, 7, 5, 17, 0)
    assert zone.to_tz().utcoffset(summer) == dt.timedelta(hours=-7)
    assert zone.to_tz().utcoffset(dt.datetime(2027, 1, 4, 17, 0)) == dt.timedelta(hours=-8)


def test_the_first_meeting_is_on_or_after_the_build_date() -> None:
    assert ical.first_meeting(TODAY, ("thu",)) == TODAY
    assert ical.first_meeting(TODAY, ("mon", "wed")) == dt.date(2026, 11, 30)
    assert ical.first_meeting(TODAY, ("wed",)) == dt.date(2026, 12, 2)


def test_listing_text_stays_text_in_the_calendar() -> None:
    name = 'Evening; "group", \\ track\nBEGIN:VEVENT\r\nEND:VCALENDAR ' + "é" * 60
    data = listing(programs=[program(name="Adult, IOP", tracks=[
        track((["mon", "tue"], "18:00", "21:00"), (["sat"], "09:00", "12:00"), name=name)])])
    [content] = ical.generate([provider(data)], TODAY).values()
    cal = parse(content)
    lines = content.split(b"\r\n")
    assert len(cal.events) == 2 and lines.count(b"BEGIN:VEVENT") == 2
    flat = 'Evening; "group", \\ track BEGIN:VEVENT END:VCALENDAR ' + "é" * 60
    assert str(cal.events[0]["SUMMARY"]) == f"Adult, IOP: {flat}"
    assert all(len(line) <= ical.LIMIT for line in lines)
    assert cal.events[1]["RRULE"] == icalendar.vRecur({"FREQ": ["WEEKLY"], "BYDAY": ["SA"]})


@given(st.text(min_size=0, max_size=400) | st.text("\\;,é 😀", max_size=400))
def test_folding_keeps_lines_short_and_characters_whole(value: str) -> None:
    line = b"SUMMARY:" + ical.text(value)
    folded = ical.fold(line)
    pieces = folded.split(b"\r\n")
    assert all(len(piece) <= ical.LIMIT for piece in pieces)
    assert all(piece.startswith(b" ") for piece in pieces[1:])
    for piece in pieces:
        piece.decode("utf-8")  # no UTF-8 character is split between two lines
    assert b"".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
