from __future__ import annotations

import pytest

from generator.model.records import Track, hhmm, minutes
from tests.unit.helpers import listing, program, provider, track


def _track(*sessions: tuple[list[str], str, str]) -> Track:
    data = listing(programs=[program(tracks=[track(*sessions)])])
    return provider(data).programs[0].tracks[0]


def test_hours_per_week_sum_every_session_on_every_day() -> None:
    t = _track((["mon", "wed"], "09:00", "12:30"), (["sat"], "10:00", "12:00"))
    assert t.hours_per_week == 9.0


@pytest.mark.parametrize(("start", "evening", "daytime"), [
    ("16:59", False, True), ("17:00", True, False), ("19:30", True, False),
])
def test_evening_means_every_session_starts_at_17_00_or_later(start: str, evening: bool,
                                                              daytime: bool) -> None:
    t = _track((["mon"], "18:00", "21:00"), (["wed"], start, "21:30"))
    assert (t.evening, t.daytime) == (evening, daytime)


def test_weekend_means_every_session_on_saturday_or_sunday() -> None:
    assert not _track((["mon", "fri"], "09:00", "12:00")).weekend
    assert not _track((["mon"], "09:00", "12:00"), (["sun"], "10:00", "12:00")).weekend
    assert not _track((["fri", "sat"], "09:00", "12:00")).weekend
    assert _track((["sat"], "09:00", "12:00"), (["sun"], "10:00", "12:00")).weekend


def test_days_and_meetings_come_in_week_order() -> None:
    t = _track((["sat", "mon"], "10:00", "12:00"), (["wed"], "08:00", "09:00"))
    assert t.days == ("mon", "wed", "sat")
    assert [d for d, _, _ in t.by_day()] == ["mon", "wed", "sat"]
    assert (t.earliest_start, t.latest_end) == (480, 720)


def test_time_helpers_round_trip() -> None:
    assert minutes("18:30") == 1110
    assert hhmm(1110) == "18:30"


def test_program_location_is_resolved_by_id() -> None:
    p = provider()
    assert p.location_of(p.programs[0]).city == "Portland"
    assert p.states == ("OR",)
