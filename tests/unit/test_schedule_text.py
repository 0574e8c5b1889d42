"""The typed schedule form: one parser, its inverse, and errors that say what to write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model.schedule_text import (
    ScheduleError,
    format_sessions,
    parse,
    parse_named,
)
from generator.model.vocab import DAYS


def _one(days: list[str], start: str, end: str) -> dict[str, object]:
    return {"days": days, "start": start, "end": end}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mon, Tue, Thu 6-9pm; Sat 9am-1pm",
     [_one(["mon", "tue", "thu"], "18:00", "21:00"), _one(["sat"], "09:00", "13:00")]),
    ("Mon-Fri 10-2pm", [_one(list(DAYS[:5]), "10:00", "14:00")]),
    ("weekdays 18:00-21:00", [_one(list(DAYS[:5]), "18:00", "21:00")]),
    ("Tuesday and Thursday 6:30 pm to 9 pm", [_one(["tue", "thu"], "18:30", "21:00")]),
    ("Tues & Thurs 10:30-11pm", [_one(["tue", "thu"], "22:30", "23:00")]),
    ("Sat 11-1pm", [_one(["sat"], "11:00", "13:00")]),
    ("Sun noon-3pm", [_one(["sun"], "12:00", "15:00")]),
    ("Thu, Mon 9a-12p", [_one(["mon", "thu"], "09:00", "12:00")]),
    ("Mon – Wed 17:30–20:30", [_one(["mon", "tue", "wed"], "17:30", "20:30")]),
])
def test_ways_people_write_hours(text: str, expected: list[dict[str, object]]) -> None:
    assert parse(text) == expected


def test_a_track_name_may_come_first() -> None:
    named = parse_named("Evening track: Mon to Thu 6:30-9pm")
    assert named.name == "Evening track"
    assert named.sessions == [_one(["mon", "tue", "wed", "thu"], "18:30", "21:00")]
    assert parse_named("Mon: 6-9pm").name is None  # a day, not a name


@pytest.mark.parametrize(("text", "message"), [
    ("Mon 9pm-6pm", "'9pm-6pm' ends before it starts; sessions cannot pass midnight"),
    ("Mon 6-9", "'Mon 6-9': add am or pm, like '6-9pm' or '9am-1pm', or write 24-hour times"),
    ("Mon 6pm-9", "'Mon 6pm-9': add am or pm to the end time too"),
    ("Fri-Mon 6-9pm", "write day ranges in week order, Monday first, like 'Mon-Fri'"),
    ("Mon, Mon 6-9pm", "Mon is named twice"),
    ("Mon 6-13pm", "'13pm' is not a time of day"),
    ("Someday 6-9pm", "'someday' is not a day; use Mon, Tue"),
    ("6-9pm", "say which days, like 'Mon, Wed' or 'Mon-Fri'"),
    ("evenings", "give the days, then a time range, like 'Mon, Wed 6-9pm'"),
    ("", "no schedule given"),
])
def test_errors_say_what_is_wrong_and_how_to_write_it(text: str, message: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse(text)
    assert message in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ScheduleError) as caught:
        parse("Mon 9pm-6pm; Blursday 6-9pm; Sat 9am-1pm")
    assert len(caught.value.problems) == 2


def test_the_written_form_is_short() -> None:
    sessions = parse("Monday, Tuesday, Wednesday, Friday 18:00-21:00; Saturday 09:30-12:00")
    assert format_sessions(sessions) == "Mon-Wed, Fri 6-9pm; Sat 9:30am-12pm"


_MINUTES = st.integers(min_value=0, max_value=23 * 60 + 58)


@st.composite
def _sessions(draw: st.DrawFn) -> list[dict[str, object]]:
    found = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        days = draw(st.sets(st.sampled_from(DAYS), min_size=1))
        start = draw(_MINUTES)
        end = draw(st.integers(min_value=start + 1, max_value=23 * 60 + 59))
        found.append(_one(sorted(days, key=DAYS.index), f"{start // 60:02d}:{start % 60:02d}",
                          f"{end // 60:02d}:{end % 60:02d}"))
    return found


@given(_sessions())
def test_format_then_parse_gives_the_same_sessions(sessions: list[dict[str, object]]) -> None:
    assert parse(format_sessions(sessions)) == sessions


def test_text_of_any_length_is_answered_at_once() -> None:
    """A form's text may be anything: a huge line is refused by its length (the time patterns,
    run on 64,000 spaces, took half a minute), and runs of spaces count as one."""
    with pytest.raises(ScheduleError, match="characters long; write them in under 300"):
        parse("Mon 1" + " " * 64_000 + "x")
    assert parse("Mon,    Tue   6-9pm") == [{"days": ["mon", "tue"], "start": "18:00",
                                             "end": "21:00"}]
