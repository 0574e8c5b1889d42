"""data/calendars/: one iCalendar file per track, so a person can put its sessions in a calendar.

Each session is a weekly recurring event (RRULE FREQ=WEEKLY;BYDAY=...) in the location's time
zone, starting on the first meeting day on or after the build date. Every value is encoded by
the icalendar library (text escaping, date-times, recurrence rules, VTIMEZONE), so listing text
can only ever be iCalendar text. The content lines are joined here rather than by
`Calendar.to_ical()`, which costs about a millisecond per file: at national scale there are
tens of thousands of files, and the build must stay fast.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.model import fmt
from generator.model.links import linkable
from generator.model.records import Program, Provider, Session, Track
from generator.model.vocab import DAYS
from generator.opendata.hsds import BYDAY
from generator.opendata.ids import record_id
from generator.opendata.paths import calendar_path

if TYPE_CHECKING:
    from icalendar import vDatetime, vRecur

PRODID = "-//iopdir//IOP Program Finder//EN"
ZONE_YEARS = 5  # VTIMEZONE rules cover this long; calendar apps know IANA zones beyond it
LIMIT = 75  # octets per content line (RFC 5545, 3.1), not counting the CRLF
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def generate(providers: list[Provider], today: dt.date) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for provider in providers:
        for i, program in enumerate(provider.programs, 1):
            for j, track in enumerate(program.tracks, 1):
                files[calendar_path(provider.slug, i, j)] = track_calendar(
                    provider, program, track, (i, j), today)
    return files


def track_calendar(provider: Provider, program: Program, track: Track,
                   position: tuple[int, int], today: dt.date) -> bytes:
    loc = provider.location_of(program)
    title = text(f"{program.name}: {track.name}")
    head = [b"BEGIN:VCALENDAR", b"VERSION:2.0", b"PRODID:" + PRODID.encode(),
            b"NAME:" + title, b"X-WR-CALNAME:" + title]  # NAME is RFC 7986; X-WR- is older
    lines: list[bytes] = []
    shared = [
        b"SUMMARY:" + title,
        b"LOCATION:" + text("Video (telehealth)" if program.format == "telehealth"
                            else fmt.address(loc)),
        b"DESCRIPTION:" + text(_description(provider, loc.timezone)),
    ]
    website = linkable(provider.website)
    if website:
        shared.append(b"URL:" + website.encode())
    for k, session in enumerate(track.sessions, 1):
        uid = record_id(provider.slug, "program", position[0], "track", position[1], "session", k)
        lines += [b"BEGIN:VEVENT", b"UID:" + uid.encode(),
                  *_times(session, loc.timezone, today), *shared, b"END:VEVENT"]
    return (_content(head) + vtimezone(loc.timezone, today) + _content(lines)
            + b"END:VCALENDAR\r\n")


def _content(lines: list[bytes]) -> bytes:
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _times(session: Session, tzid: str, today: dt.date) -> list[bytes]:
    first = first_meeting(today, session.days)
    zone = f";TZID={tzid}:".encode()
    return [
        b"DTSTAMP:" + _stamp(today),
        b"DTSTART" + zone + _local(first, session.start),
        b"DTEND" + zone + _local(first, session.end),
        b"RRULE:" + _weekly(session.days),
    ]


# The values below come from a few thousand distinct inputs at most, so each is encoded once.
@lru_cache(maxsize=8)
def _stamp(today: dt.date) -> bytes:
    from icalendar import vDatetime  # imported on first use: 8 MB a directory may not need

    return _encoded(vDatetime(dt.datetime.combine(today, dt.time(0), dt.UTC)))


@lru_cache(maxsize=4096)
def _local(day: dt.date, minutes: int) -> bytes:
    """Local wall-clock time; the TZID parameter says whose."""
    from icalendar import vDatetime

    return _encoded(vDatetime(dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))))


@lru_cache(maxsize=256)
def _weekly(days: tuple[str, ...]) -> bytes:
    from icalendar import vRecur

    return _encoded(vRecur({"FREQ": "WEEKLY", "BYDAY": [BYDAY[d] for d in days]}))


def _encoded(value: vDatetime | vRecur) -> bytes:
    """The library's encoding; its to_ical() for these two types has no annotations yet."""
    return bytes(value.to_ical())  # type: ignore[no-untyped-call]


def first_meeting(today: dt.date, days: tuple[str, ...]) -> dt.date:
    """The first date on or after `today` that falls on one of `days` (so DTSTART is itself an
    occurrence of the weekly rule, as RFC 5545 expects)."""
    wanted = {DAYS.index(d) for d in days}
    return next(today + dt.timedelta(n) for n in range(7)
                if (today.weekday() + n) % 7 in wanted)


def _description(provider: Provider, timezone: str) -> str:
    sample = ("Sample listing: this provider is fictional; do not contact it. "
              if provider.sample else "")
    return (f"{sample}{provider.name}, phone {provider.phone}. Times are local, "
            f"{fmt.zone_name(timezone)}. Call to confirm the schedule before you go.")


def text(value: str) -> bytes:
    """A TEXT value: one line of plain text, escaped by icalendar (\\, ; , and newlines)."""
    flat = _SPACE.sub(" ", _UNPRINTABLE.sub("", value)).strip()
    from icalendar import vText

    return bytes(vText(flat).to_ical())


def fold(line: bytes) -> bytes:
    """Split a content line into pieces of at most 75 octets, each continuation starting with
    a space; never inside a UTF-8 character, nor right after a backslash (some apps misread
    an escape split across lines)."""
    pieces, start, room = [], 0, LIMIT
    while len(line) - start > room:
        end = start + room
        while line[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            end -= 1
        if line[end - 1] == 0x5C and end - 1 > start:  # keep '\' with what it escapes
            end -= 1
        pieces.append(line[start:end])
        start, room = end, LIMIT - 1  # the leading space counts
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)


@lru_cache(maxsize=64)
def vtimezone(tzid: str, today: dt.date) -> bytes:
    """The zone's VTIMEZONE from the build date on, by icalendar from the zoneinfo database;
    made once per zone and build."""
    last = today.replace(year=today.year + ZONE_YEARS, day=min(today.day, 28))
    from icalendar import Timezone

    return bytes(Timezone.from_tzid(tzid, first_date=today, last_date=last).to_ical())
