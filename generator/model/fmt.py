"""How times, hours, days and places read on the site: plain words, in the site's languages.

Every function takes the language (`lang`, English by default: data files and volunteers' call
sheets stay English); the words come from the gettext catalogs (generator/model/i18n.py), so
Spanish reads "lun. a mié. de 6:00 p. m. a 9:00 p. m." where English reads "Mon to Wed 6:00 PM
to 9:00 PM".
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from functools import lru_cache

from generator.model.i18n import N_, gettext_, ngettext_, table
from generator.model.records import Location, Track
from generator.model.vocab import DAY_SHORT, NOT_LISTED_TEXT, STATES, day_runs

EASTERN, CENTRAL, MOUNTAIN = N_("Eastern time"), N_("Central time"), N_("Mountain time")
PACIFIC, ATLANTIC = N_("Pacific time"), N_("Atlantic time")
ZONE_NAMES = {
    "America/New_York": EASTERN, "America/Detroit": EASTERN,
    "America/Indiana/Indianapolis": EASTERN, "America/Kentucky/Louisville": EASTERN,
    "America/Chicago": CENTRAL, "America/Denver": MOUNTAIN, "America/Boise": MOUNTAIN,
    "America/Phoenix": N_("Arizona time (no daylight saving)"),
    "America/Los_Angeles": PACIFIC, "America/Anchorage": N_("Alaska time"),
    "Pacific/Honolulu": N_("Hawaii time"), "America/Puerto_Rico": ATLANTIC,
    "America/St_Thomas": ATLANTIC, "Pacific/Guam": N_("Chamorro time"),
    "Pacific/Pago_Pago": N_("Samoa time"),
}


def clock(total: int, lang: str = "en") -> str:
    """570 -> '9:30 AM'; 720 -> '12:00 PM' (Spanish: '9:30 a. m.')."""
    hour, minute = divmod(total, 60)
    shown = {"hour": (hour % 12) or 12, "minute": minute}
    if hour < 12:
        return gettext_(lang, "%(hour)d:%(minute)02d AM") % shown
    return gettext_(lang, "%(hour)d:%(minute)02d PM") % shown


def time_range(start: int, end: int, lang: str = "en") -> str:
    return gettext_(lang, "%(start)s to %(end)s") % {"start": clock(start, lang),
                                                      "end": clock(end, lang)}


def hours(value: float, lang: str = "en") -> str:
    """9.0 -> '9 hours'; 7.5 -> '7.5 hours'; 1 -> '1 hour'."""
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    count = 1 if shown == "1" else 2
    return ngettext_(lang, "%(num)s hour", "%(num)s hours", count) % {"num": shown}


def days(codes: tuple[str, ...], lang: str = "en") -> str:
    """('mon', 'tue', 'wed', 'fri') -> 'Mon to Wed, Fri': runs of three or more shortened."""
    short = table(DAY_SHORT, lang)
    parts = []
    for run in day_runs(codes):
        first, last = short[run[0]], short[run[-1]]
        if len(run) >= 3:
            parts.append(gettext_(lang, "%(first)s to %(last)s") % {"first": first, "last": last})
        else:
            parts.extend(short[day] for day in run)
    return ", ".join(parts)


def schedule_summary(track: Track, lang: str = "en") -> str:
    """'Mon, Tue, Thu 6:00 PM to 9:00 PM; Sat 10:00 AM to 12:00 PM'."""
    return "; ".join(f"{days(s.days, lang)} {time_range(s.start, s.end, lang)}"
                     for s in track.sessions)


# Standard UTC offset (hours) -> US name, for the many IANA aliases of one US zone
# (America/Indiana/Vincennes, America/North_Dakota/Center, ...).
US_ZONES_BY_OFFSET = {
    -4: ATLANTIC, -5: EASTERN, -6: CENTRAL, -7: MOUNTAIN, -8: PACIFIC, -9: N_("Alaska time"),
    -10: N_("Hawaii-Aleutian time"), -11: N_("Samoa time"), 10: N_("Chamorro time"),
}


def zone_name(timezone: str, lang: str = "en") -> str:
    """'America/Chicago' -> 'Central time'; a zone outside the US by its IANA name."""
    english = _zone_name(timezone)
    return gettext_(lang, english) if english != timezone.replace("_", " ") else english


@lru_cache(maxsize=256)
def _zone_name(timezone: str) -> str:
    if timezone in ZONE_NAMES:
        return ZONE_NAMES[timezone]
    if timezone.startswith(("America/", "Pacific/")):
        try:
            offset = zoneinfo.ZoneInfo(timezone).utcoffset(_MID_JANUARY)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            offset = None
        hours = offset.total_seconds() / 3600 if offset is not None else None
        if hours is not None and hours.is_integer() and int(hours) in US_ZONES_BY_OFFSET:
            return US_ZONES_BY_OFFSET[int(hours)]
    return timezone.replace("_", " ")


_MID_JANUARY = dt.datetime(2026, 1, 15)  # standard time everywhere in the US


def state_name(code: str, lang: str = "en") -> str:
    return table(STATES, lang).get(code, code)


def place(loc: Location) -> str:
    return f"{loc.city}, {loc.state}"


def address(loc: Location) -> str:
    return f"{loc.street}, {loc.city}, {loc.state} {loc.zip}"


def intake(status_label: str, as_of: str | None, lang: str = "en") -> str:
    """'Accepting new patients (as of 2026-10-01)'; an unknown status has no date."""
    if not as_of:
        return status_label
    return gettext_(lang, "%(status)s (as of %(date)s)") % {"status": status_label, "date": as_of}


def labels(codes: tuple[str, ...], names: Mapping[str, str], sep: str = ", ",
           lang: str = "en") -> str:
    """The labels of a list field, or what to do when the source does not list it."""
    if not codes:
        return gettext_(lang, NOT_LISTED_TEXT)
    words = table(names, lang)
    return sep.join(words[c] for c in codes)
