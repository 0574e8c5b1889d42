from __future__ import annotations

import pytest

from generator.model import fmt


@pytest.mark.parametrize(("minutes", "text"), [
    (0, "12:00 AM"), (570, "9:30 AM"), (720, "12:00 PM"), (1080, "6:00 PM"), (1439, "11:59 PM"),
])
def test_clock_reads_in_12_hour_time(minutes: int, text: str) -> None:
    assert fmt.clock(minutes) == text


@pytest.mark.parametrize(("value", "text"), [(9, "9 hours"), (7.5, "7.5 hours"), (1, "1 hour"),
                                             (2 / 3, "0.67 hours")])
def test_hours(value: float, text: str) -> None:
    assert fmt.hours(value) == text


@pytest.mark.parametrize(("days", "text"), [
    (("mon", "tue", "wed", "fri"), "Mon to Wed, Fri"),
    (("mon", "wed", "fri"), "Mon, Wed, Fri"),
    (("sat", "sun"), "Sat, Sun"),
    (("sun", "mon"), "Mon, Sun"),
])
def test_day_lists_shorten_runs_of_three_or_more(days: tuple[str, ...], text: str) -> None:
    assert fmt.days(days) == text


def test_zone_names_are_plain() -> None:
    assert fmt.zone_name("America/Chicago") == "Central time"
    assert fmt.zone_name("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos Aires"


def test_every_us_zone_alias_gets_its_plain_name() -> None:
    assert fmt.zone_name("America/Indiana/Vincennes") == "Eastern time"
    assert fmt.zone_name("America/North_Dakota/Center") == "Central time"
    assert fmt.zone_name("America/Adak") == "Hawaii-Aleutian time"
    assert fmt.zone_name("America/Nowhere") == "America/Nowhere"
