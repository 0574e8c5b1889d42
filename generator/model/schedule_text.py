"""Weekly hours as people type them: 'Mon, Tue, Thu 6-9pm; Sat 9am-1pm'.

One parser and its inverse, used wherever a person types a schedule (`iopdir record
--schedule`, `iopdir new --schedule`, the listing update form). `parse` gives the sessions of one
track as the listing format writes them ({'days': [...], 'start': 'HH:MM', 'end': 'HH:MM'});
`format_sessions` writes them back, so `parse(format_sessions(s)) == s`.

The form: sessions separated by ';', each a set of days then one time range.
- Days: 'Mon', 'Monday', 'Tues', ...; ranges 'Mon-Fri' (in week order); 'weekdays', 'daily'.
- Times: 12-hour with am/pm ('6pm', '6:30pm', '9am-1pm', and '6-9pm' where the start takes the
  end's am/pm unless that would put it after the end, as in '10-2pm'); 'noon'; or 24-hour with
  two-digit hours ('18:00-21:00'). A bare '6-9' is refused: morning or evening is not said.
- A track name may lead the text: 'Evening track: Mon-Thu 6-9pm'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model.records import Track, hhmm
from generator.model.vocab import DAY_SHORT, DAYS, day_runs

Session = dict[str, Any]  # {'days': [...], 'start': 'HH:MM', 'end': 'HH:MM'}

_DAY_WORDS = {
    "mon": ("mo", "mon", "monday", "mondays"),
    "tue": ("tu", "tue", "tues", "tuesday", "tuesdays"),
    "wed": ("we", "wed", "weds", "wednesday", "wednesdays"),
    "thu": ("th", "thu", "thur", "thurs", "thursday", "thursdays"),
    "fri": ("fr", "fri", "friday", "fridays"),
    "sat": ("sa", "sat", "saturday", "saturdays"),
    "sun": ("su", "sun", "sunday", "sundays"),
}
DAY_OF = {word: day for day, words in _DAY_WORDS.items() for word in words}
GROUPS = {"weekdays": DAYS[:5], "daily": DAYS, "everyday": DAYS}
_DASH = r"\s*(?:-|–|—|to)\s*"
_TIME = r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|a|p)?|noon)"
_RANGE = re.compile(rf"(?P<start>{_TIME}){_DASH}(?P<end>{_TIME})\s*$", re.IGNORECASE)
_ONE_TIME = re.compile(r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap])?(?:\.?m\.?)?$",
                       re.IGNORECASE)
_NAME = re.compile(r"^\s*(?P<name>[^:;]*[^\s:;])\s*:\s+(?P<rest>.*)$", re.DOTALL)


class ScheduleError(ValueError):
    """The text cannot be read as a schedule; `problems` says why, part by part."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Named:
    name: str | None  # the track name typed before the schedule, if any
    sessions: list[Session]


def parse_named(text: str) -> Named:
    """'Evening track: Mon-Thu 6-9pm' -> the name and the sessions."""
    if len(text) > MAX_LENGTH:
        return Named(None, parse(text))  # which says it is too long
    found = _NAME.match(text)
    if found and not _is_schedule_text(found["name"]):
        return Named(found["name"], parse(found["rest"]))
    return Named(None, parse(text))


def _is_schedule_text(text: str) -> bool:
    """Digits or only day words: 'Mon: 6-9pm' has no track name."""
    words = _day_words(text)
    return bool(re.search(r"\d", text)) or all(w in DAY_OF or w in GROUPS for w in words)


def _day_words(text: str) -> list[str]:
    text = re.sub(r"\s*(?:-|–|—)\s*", "-", text.strip().lower())
    text = re.sub(r"\b([a-z]+)\s+to\s+([a-z]+)\b", r"\1-\2", text)
    return [w.strip(".:") for w in re.split(r"\s*(?:,|&|\band\b|\s)\s*", text) if w.strip(".:")]


MAX_LENGTH = 300  # a week of hours fits in far less; text from a form may be anything


def parse(text: str) -> list[Session]:
    """The sessions of one track, or ScheduleError with every problem found."""
    if len(text) > MAX_LENGTH:  # and the time patterns, run on huge text, take seconds
        raise ScheduleError([f"the hours are {len(text):,} characters long; write them in "
                             f"under {MAX_LENGTH}, like 'Mon, Tue, Thu 6-9pm; Sat 9am-1pm'"])
    parts = [" ".join(p.split()) for p in re.split(r"[;\n]", text) if p.strip()]
    if not parts:
        raise ScheduleError(["no schedule given; write days and times, like "
                             "'Mon, Tue, Thu 6-9pm; Sat 9am-1pm'"])
    sessions: list[Session] = []
    problems: list[str] = []
    for part in parts:
        try:
            sessions.append(_session(part))
        except ScheduleError as exc:
            problems += exc.problems
    if problems:
        raise ScheduleError(problems)
    return sessions


def _session(part: str) -> Session:
    found = _RANGE.search(part)
    if found is None:
        raise ScheduleError([f"{part!r}: give the days, then a time range, like 'Mon, Wed 6-9pm'"
                             " or 'Sat 09:00-13:00'"])
    days = _days(part[:found.start()], part)
    start, end = _times(found["start"], found["end"], part)
    return {"days": days, "start": hhmm(start), "end": hhmm(end)}


def _days(text: str, part: str) -> list[str]:
    words = _day_words(text)
    if not words:
        raise ScheduleError([f"{part!r}: say which days, like 'Mon, Wed' or 'Mon-Fri'"])
    chosen: list[str] = []
    for word in words:
        for day in _day_word(word, part):
            if day in chosen:
                raise ScheduleError([f"{part!r}: {DAY_SHORT[day]} is named twice"])
            chosen.append(day)
    return sorted(chosen, key=DAYS.index)


def _day_word(word: str, part: str) -> Iterable[str]:
    if word in GROUPS:
        return GROUPS[word]
    if word in DAY_OF:
        return [DAY_OF[word]]
    ends = [e.strip(".") for e in word.split("-")]
    if len(ends) == 2 and all(e in DAY_OF for e in ends):
        first, last = (DAYS.index(DAY_OF[e]) for e in ends)
        if first >= last:
            raise ScheduleError([f"{part!r}: write day ranges in week order, Monday first, "
                                 f"like 'Mon-Fri' (not {word!r})"])
        return DAYS[first:last + 1]
    raise ScheduleError([f"{part!r}: {word!r} is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, "
                         "Sun, a range like 'Mon-Fri', or 'weekdays'"])


def _times(start_text: str, end_text: str, part: str) -> tuple[int, int]:
    start, start_ap, start_24 = _clock(start_text, part)
    end, end_ap, end_24 = _clock(end_text, part)
    if start_ap is None and end_ap is None:
        if not (start_24 and end_24):
            raise ScheduleError([f"{part!r}: add am or pm, like '6-9pm' or '9am-1pm', or write "
                                 "24-hour times with two-digit hours, like '18:00-21:00'"])
    elif end_ap is None:
        raise ScheduleError([f"{part!r}: add am or pm to the end time too, like '9am-1pm'"])
    elif start_ap is None:
        start = _with_meridiem(start, end_ap, end)
    range_text = f"{start_text.strip()}-{end_text.strip()}"
    if end <= start:
        raise ScheduleError([f"{range_text!r} ends before it starts; sessions cannot pass "
                             "midnight"])
    return start, end


def _with_meridiem(hour_minutes: int, meridiem: str, end: int) -> int:
    """A start written without am/pm takes the end's, unless that puts it after the end."""
    same = _apply(hour_minutes, meridiem)
    return same if same < end else _apply(hour_minutes, "a" if meridiem == "p" else "p")


def _apply(hour_minutes: int, meridiem: str) -> int:
    hours, mins = divmod(hour_minutes, 60)
    hours %= 12
    return (hours + (12 if meridiem == "p" else 0)) * 60 + mins


def _clock(text: str, part: str) -> tuple[int, str | None, bool]:
    """(minutes; for 12-hour times without am/pm, hours x 60 as written), the am/pm letter if
    given, and whether it is a 24-hour time (two-digit hours and minutes)."""
    raw = text.strip().lower().replace(" ", "")
    if raw == "noon":
        return 12 * 60, "p", False
    found = _ONE_TIME.match(raw)
    if found is None:
        raise ScheduleError([f"{part!r}: {text.strip()!r} is not a time"])
    hours, mins = int(found["h"]), int(found["m"] or 0)
    meridiem = found["ap"]
    twenty_four = meridiem is None and found["m"] is not None and len(found["h"]) == 2
    if mins > 59 or hours > 23 or (meridiem and not 1 <= hours <= 12):
        raise ScheduleError([f"{part!r}: {text.strip()!r} is not a time of day"])
    if meridiem:
        return _apply(hours * 60 + mins, meridiem), meridiem, False
    return hours * 60 + mins, None, twenty_four


# Writing -------------------------------------------------------------------------------------


def format_sessions(sessions: Iterable[Session]) -> str:
    """The sessions of one track in the typed form: 'Mon, Tue, Thu 6-9pm; Sat 9am-1pm'."""
    return "; ".join(f"{format_days(s['days'])} {format_range(s['start'], s['end'])}"
                     for s in sessions)


def format_days(days: Iterable[str]) -> str:
    """Runs of three or more days as 'Mon-Fri', the rest one by one, in week order."""
    shown: list[str] = []
    for run in day_runs(days):
        if len(run) >= 3:
            shown.append(f"{DAY_SHORT[run[0]]}-{DAY_SHORT[run[-1]]}")
        else:
            shown += [DAY_SHORT[day] for day in run]
    return ", ".join(shown)


def format_range(start: str, end: str) -> str:
    """'18:00', '21:00' -> '6-9pm'; '09:00', '13:00' -> '9am-1pm'."""
    first, last = _minutes(start), _minutes(end)
    if (first < 12 * 60) == (last < 12 * 60):
        return f"{_twelve(first, with_meridiem=False)}-{_twelve(last)}"
    return f"{_twelve(first)}-{_twelve(last)}"


def _minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def _twelve(total: int, with_meridiem: bool = True) -> str:
    hours, mins = divmod(total, 60)
    shown = str((hours % 12) or 12) + (f":{mins:02d}" if mins else "")
    return shown + (("am" if hours < 12 else "pm") if with_meridiem else "")


def track_line(track: Track) -> str:
    """A track as one typed line, its name first: 'Evening track: Mon-Thu 6-9pm'."""
    sessions = [{"days": list(s.days), "start": hhmm(s.start), "end": hhmm(s.end)}
                for s in track.sessions]
    return f"{track.name}: {format_sessions(sessions)}"
