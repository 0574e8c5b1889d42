"""The finder's expected results, computed from providers/*.yaml with yaml.safe_load and this
module's own reading of the rules (a track fits a week when every session falls within the
window of its day; evening and weekend describe the whole track; in person and hybrid by
distance, telehealth by state; time zones), never from the generated index or the generator's
code.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
import zipcodes

from tests.conftest import PROVIDERS

DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(zip(DAY_CODES, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday"), strict=True))
NEAR_MISS = 60  # minutes
ZONE = "America/New_York"  # the person's time zone in most tests
# The browser's clock in every finder test, so offsets between time zones (daylight saving time)
# are those of a known day; tests that depend on the season run on both.
WINTER = dt.datetime(2027, 1, 13, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)
NOW = WINTER

Session = tuple[frozenset[str], int, int]
Window = tuple[int | None, int | None]  # from, to (None: the start or the end of the day)
Week = dict[str, Window]  # the days a person is free; no day at all: any time
TrackKey = tuple[str, int, str]  # provider slug, program number (1-based), track name
ProgramKey = tuple[str, int]


def minutes(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


def week(**days: tuple[str | None, str | None] | None) -> Week:
    """week(mon=("17:00", None), sat=None): None for the whole day."""
    out: Week = {}
    for day, window in days.items():
        start, end = window or (None, None)
        out[day] = (minutes(start) if start else None, minutes(end) if end else None)
    return out


@dataclass(frozen=True)
class Listed:
    """One track of one program, as its YAML file gives it (no sessions: hours not listed)."""

    slug: str
    number: int
    track: str
    track_number: int
    provider: dict[str, Any]
    program: dict[str, Any]
    location: dict[str, Any]
    sessions: tuple[Session, ...]

    @property
    def key(self) -> TrackKey:
        return self.slug, self.number, self.track

    @property
    def program_key(self) -> ProgramKey:
        return self.slug, self.number

    @property
    def unlisted(self) -> bool:
        return not self.sessions

    @property
    def video(self) -> bool:
        """Attended entirely by video: found by state, whatever the distance."""
        return bool(self.program["format"] == "telehealth")

    @property
    def evening(self) -> bool:
        return bool(self.sessions) and all(start >= 17 * 60 for _, start, _ in self.sessions)

    @property
    def weekend(self) -> bool:
        return bool(self.sessions) and all(days <= {"sat", "sun"} for days, _, _ in self.sessions)


@cache
def listed() -> tuple[Listed, ...]:
    rows = []
    for path in sorted(PROVIDERS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        places = {loc["id"]: loc for loc in data["locations"]}
        for number, program in enumerate(data["programs"], 1):
            where = places[program["location"]]
            if program.get("schedule_status") == "not_listed":
                rows.append(Listed(path.stem, number, "", 1, data, program, where, ()))
            for k, track in enumerate(program.get("tracks", ()), 1):
                sessions = tuple((frozenset(s["days"]), minutes(s["start"]), minutes(s["end"]))
                                 for s in track["sessions"])
                rows.append(Listed(path.stem, number, track["name"], k, data, program, where,
                                   sessions))
    return tuple(rows)


def programs() -> dict[ProgramKey, list[Listed]]:
    out: dict[ProgramKey, list[Listed]] = {}
    for row in listed():
        out.setdefault(row.program_key, []).append(row)
    return out


def as_lived(row: Listed, zone: str = ZONE, now: dt.datetime = NOW) -> tuple[Session, ...]:
    """Sessions in the person's zone for programs attended entirely by video, else local times,
    with the offsets of `now` (the browser's pinned clock)."""
    if not row.video:
        return row.sessions
    mine = now.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    theirs = now.astimezone(zoneinfo.ZoneInfo(row.location["timezone"])).utcoffset()
    assert mine is not None and theirs is not None
    shift = int((mine - theirs).total_seconds() // 60)
    moved = []
    for days, start, end in row.sessions:
        day_shift, new_start = divmod(start + shift, 24 * 60)
        new_days = frozenset(DAY_CODES[(DAY_CODES.index(d) + day_shift) % 7] for d in days)
        moved.append((new_days, new_start, new_start + end - start))
    return tuple(moved)


def miss(row: Listed, free: Week, zone: str = ZONE, now: dt.datetime = NOW) -> float:
    """Minutes by which the track misses the week at worst: 0 when it fits, inf when a session
    is on a day the person is not free."""
    worst = 0.0
    for days, start, end in as_lived(row, zone, now):
        for day in days:
            if day not in free:
                return math.inf
            low, high = free[day]
            worst = max(worst, (low - start) if low is not None else 0,
                        (end - high) if high is not None else 0)
    return worst


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))


def zip_centroid(code: str) -> tuple[float, float, str]:
    (row,) = zipcodes.matching(code)  # type: ignore[no-untyped-call]
    return float(row["lat"]), float(row["long"]), str(row["state"])


def distance_from(code: str, row: Listed) -> float:
    lat, lon, _ = zip_centroid(code)
    return haversine(lat, lon, row.location["latitude"], row.location["longitude"])


def reached(code: str, limit: float) -> Callable[[Listed], str]:
    """'near' (meets in person within the distance), 'video' (entirely by video, serving the
    ZIP code's state), or '' (not found from there)."""
    state = zip_centroid(code)[2]

    def test(row: Listed) -> str:
        if row.video:
            return "video" if state in (row.program.get("telehealth_states")
                                        or [row.location["state"]]) else ""
        return "near" if distance_from(code, row) <= limit else ""

    return test


@dataclass
class Expected:
    """What the finder should show: programs by group, and the tracks on their cards."""

    groups: dict[str, set[ProgramKey]]
    tracks: set[TrackKey]  # the tracks shown on cards of fitting and nearly fitting programs


def expected(free: Week | None = None, where: tuple[str, float] | None = None,
             program: Callable[[dict[str, Any], Listed], bool] = lambda p, r: True,
             listed_only: bool = False, zone: str = ZONE, now: dt.datetime = NOW) -> Expected:
    free = free or {}
    groups: dict[str, set[ProgramKey]] = {g: set() for g in
                                           ("near", "video", "fit", "close", "unlisted")}
    tracks: set[TrackKey] = set()
    reach = reached(*where) if where else (lambda row: "fit")
    for key, rows in programs().items():
        first = rows[0]
        group = reach(first)
        if not group or not program(first.program, first):
            continue
        if first.unlisted:
            if not listed_only:
                groups["unlisted"].add(key)
            continue
        misses = {row.key: miss(row, free, zone, now) if free else 0.0 for row in rows}
        fitting = {k for k, m in misses.items() if m == 0}
        close = {k for k, m in misses.items() if 0 < m <= NEAR_MISS}
        if fitting:
            groups[group].add(key)
            tracks |= fitting
        elif close:
            groups["close"].add(key)
            tracks |= close
    return Expected(groups, tracks)


def call_number(row: Listed) -> str:
    """The number a result offers: the first intake line, else the main phone."""
    return str((row.provider.get("intake_phones") or [row.provider["phone"]])[0])
