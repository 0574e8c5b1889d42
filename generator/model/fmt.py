"""How times, hours, days and places read on the site (US conventions, plain words)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from functools import lru_cache

from generator.model.records import Location, Track
from generator.model.vocab import DAY_SHORT, DAYS, NOT_LISTED_TEXT, STATES

ZONE_NAMES = {
    "America/New_York": "Eastern time", "America/Detroit": "Eastern time",
    "America/Indiana/Indianapolis": "Eastern time", "America/Kentucky/Louisville": "Eastern time",
    "America/Chicago": "Central time", "America/Denver": "Mountain time",
    "America/Boise": "Mountain time", "America/Phoenix": "Arizona time (no daylight saving)",
    "America/Los_Angeles": "Pacific time", "America/Anchorage": "Alaska time",
    "Pacific/Honolulu": "Hawaii time", "America/Puerto_Rico": "Atlantic time",
    "America/St_Thomas": "Atlantic time", "Pacific/Guam": "Chamorro time",
    "Pacific/Pago_Pago": "Samoa time",
}


def clock(total: int) -> str:
    """570 -> '9:30 AM'; 720 -> '12:00 PM'."""
    hours, mins = divmod(total, 60)
    suffix = "AM" if hours < 12 else "PM"
    return f"{(hours % 12) or 12}:{mins:02d} {suffix}"


def time_range(start: int, end: int) -> str:
    return f"{clock(start)} to {clock(end)}"


def hours(value: float) -> str:
    """9.0 -> '9 hours'; 7.5 -> '7.5 hours'; 1 -> '1 hour'."""
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{shown} hour" + ("" if shown == "1" else "s")


def days(codes: tuple[str, ...]) -> str:
    """('mon', 'tue', 'wed', 'fri') -> 'Mon to Wed, Fri': runs of three or more shortened."""
    indexes = sorted(DAYS.index(c) for c in codes)
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        first, last = DAY_SHORT[DAYS[run[0]]], DAY_SHORT[DAYS[run[-1]]]
        if len(run) >= 3:
            parts.append(f"{first} to {last}")
        else:
            parts.extend(DAY_SHORT[DAYS[i]] for i in run)
    return ", ".join(parts)


def schedule_summary(track: Track) -> str:
    """'Mon, Tue, Thu 6:00 PM to 9:00 PM; Sat 10:00 AM to 12:00 PM'."""
    return "; ".join(f"{days(s.days)} {time_range(s.start, s.end)}" for s in track.sessions)


# Standard UTC offset (hours) -> US name, for the many IANA aliases of one US zone
# (America/Indiana/Vincennes, America/North_Dakota/Center, ...).
_US_ZONES_BY_OFFSET = {
    -4: "Atlantic time", -5: "Eastern time", -6: "Central time", -7: "Mountain time",
    -8: "Pacific time", -9: "Alaska time", -10: "Hawaii-Aleutian time", -11: "Samoa time",
    10: "Chamorro time",
}


@lru_cache(maxsize=256)
def zone_name(timezone: str) -> str:
    if timezone in ZONE_NAMES:
        return ZONE_NAMES[timezone]
    if timezone.startswith(("America/", "Pacific/")):
        try:
            offset = zoneinfo.ZoneInfo(timezone).utcoffset(_MID_JANUARY)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            offset = None
        hours = offset.total_seconds() / 3600 if offset is not None else None
        if hours is not None and hours.is_integer() and int(hours) in _US_ZONES_BY_OFFSET:
            return _US_ZONES_BY_OFFSET[int(hours)]
    return timezone.replace("_", " ")


_MID_JANUARY = dt.datetime(2026, 1, 15)  # standard time everywhere in the US


def state_name(code: str) -> str:
    return STATES.get(code, code)


def place(loc: Location) -> str:
    return f"{loc.city}, {loc.state}"


def address(loc: Location) -> str:
    return f"{loc.street}, {loc.city}, {loc.state} {loc.zip}"


def intake(status_label: str, as_of: str | None) -> str:
    """'Accepting new patients (as of 2026-10-01)'; an unknown status has no date."""
    return f"{status_label} (as of {as_of})" if as_of else status_label


def labels(codes: tuple[str, ...], names: Mapping[str, str], sep: str = ", ") -> str:
    """The labels of a list field, or what to do when the source does not list it."""
    return sep.join(names[c] for c in codes) if codes else NOT_LISTED_TEXT
