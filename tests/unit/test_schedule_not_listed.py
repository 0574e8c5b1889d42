"""Programs whose schedule is not known yet (`schedule_status: not_listed`, as imported from a
public directory): valid without tracks, marked on their page, and kept in the finder."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from generator.finder import finder_index
from generator.load.catalog import load_file
from generator.pages import provider_page
from tests.unit.helpers import listing, program, provider
from tests.unit.test_finder_index import decode

TODAY = dt.date(2026, 11, 26)


def _unlisted() -> dict[str, Any]:
    data = program(name="Unlisted IOP", schedule_status="not_listed")
    del data["tracks"]
    return data


def _messages(data: dict[str, Any]) -> list[str]:
    raw = yaml.safe_dump(data, sort_keys=False).encode()
    result = load_file(raw, "providers/unit.yaml", "unit", ".yaml", TODAY)
    return [f"{d.line}: {d.message}" for d in result.diagnostics]


def test_a_program_may_say_its_schedule_is_not_listed() -> None:
    assert _messages(listing(programs=[_unlisted()])) == []


def test_tracks_are_required_unless_the_schedule_is_not_listed() -> None:
    data = program()
    del data["tracks"]
    [message] = _messages(listing(programs=[data]))
    assert "missing required field 'tracks' in programs[0]" in message
    assert "schedule_status: not_listed" in message


def test_not_listed_with_tracks_is_a_contradiction() -> None:
    [message] = _messages(listing(programs=[program(schedule_status="not_listed")]))
    assert message.startswith("42: programs[0].schedule_status: is 'not_listed' but")


def test_page_asks_people_to_call_about_the_schedule() -> None:
    page = provider_page.render(provider(listing(programs=[_unlisted()])), TODAY)
    assert "Schedule not listed" in page
    assert "to ask about evening and weekend tracks" in page
    assert "tel:+15035550199" in page
    assert "| Day | Start |" not in page


def test_finder_keeps_the_program_as_one_track_without_sessions() -> None:
    clinic = provider(listing(programs=[program(), _unlisted()]))
    records = decode(finder_index.build_index([clinic], TODAY))
    assert [(r["program"], r["track"], r["sessions"]) for r in records] == [
        ("Adult IOP", "Evening", [(0b1011, 18 * 60, 21 * 60)]),
        ("Unlisted IOP", "", []),
    ]
