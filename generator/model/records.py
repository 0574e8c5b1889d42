"""The listing model: typed records built from schema-valid data, with the derived schedule facts.

Derived values (hours per week, evening, weekend, daytime) are computed here and never typed by
hand, so a listing cannot claim an evening track that meets in the daytime. Evening and weekend
describe the whole track: every session in the evening, every session on the weekend.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from generator.model.vocab import DAYS, WEEKEND

EVENING_START = 17 * 60  # an evening track: every session starts at 17:00 or later
NOT_LISTED = "not_listed"  # populations, services or payment the source does not give


def listed(value: Any) -> tuple[str, ...]:
    """A list field that may say `not_listed`: its codes, or () when the source does not say."""
    return () if value == NOT_LISTED else tuple(value)


_Record = TypeVar("_Record")


def _pickled_as_fields(cls: type[_Record]) -> type[_Record]:
    """Pickle a record as its fields in order, without their names: a third smaller, and the
    validation cache holds 20,000 providers (values kept by cached_property are left out)."""
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def reduce(self: _Record) -> tuple[type[_Record], tuple[Any, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", reduce)  # noqa: B010 - mypy does not let a method be assigned
    return cls


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def hhmm(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


@_pickled_as_fields
@dataclass(frozen=True)
class Session:
    days: tuple[str, ...]
    start: int  # minutes after local midnight
    end: int
    path: tuple[str | int, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any], path: tuple[str | int, ...]) -> Session:
        days = tuple(sorted(data["days"], key=DAYS.index))
        return cls(days, minutes(data["start"]), minutes(data["end"]), path)

    @property
    def minutes_per_week(self) -> int:
        return max(self.end - self.start, 0) * len(self.days)


@_pickled_as_fields
@dataclass(frozen=True)
class Track:
    name: str
    sessions: tuple[Session, ...]
    path: tuple[str | int, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any], path: tuple[str | int, ...]) -> Track:
        sessions = tuple(
            Session.from_data(s, (*path, "sessions", i)) for i, s in enumerate(data["sessions"])
        )
        return cls(data["name"], sessions, path)

    @property
    def hours_per_week(self) -> float:
        return sum(s.minutes_per_week for s in self.sessions) / 60

    @property
    def days(self) -> tuple[str, ...]:
        used = {d for s in self.sessions for d in s.days}
        return tuple(d for d in DAYS if d in used)

    @property
    def evening(self) -> bool:
        """Every session starts at 17:00 or later: a person who works days can attend it all.
        The finder's Evening badge (javascripts/finder/) applies the same rule."""
        return bool(self.sessions) and all(s.start >= EVENING_START for s in self.sessions)

    @property
    def weekend(self) -> bool:
        """Every session meets on Saturday or Sunday."""
        return bool(self.sessions) and all(WEEKEND.issuperset(s.days) for s in self.sessions)

    @property
    def daytime(self) -> bool:
        return any(s.start < EVENING_START for s in self.sessions)

    @property
    def earliest_start(self) -> int:
        return min(s.start for s in self.sessions)

    @property
    def latest_end(self) -> int:
        return max(s.end for s in self.sessions)

    def by_day(self) -> list[tuple[str, int, int]]:
        """(day, start, end) for every meeting of the week, in weekday and time order."""
        rows = [(d, s.start, s.end) for s in self.sessions for d in s.days]
        return sorted(rows, key=lambda r: (DAYS.index(r[0]), r[1]))


@_pickled_as_fields
@dataclass(frozen=True)
class Location:
    id: str
    name: str | None
    street: str
    city: str
    state: str
    zip: str
    timezone: str
    latitude: float | None
    longitude: float | None
    path: tuple[str | int, ...] = ()
    approximate_coordinates: bool = False

    @classmethod
    def from_data(cls, data: dict[str, Any], path: tuple[str | int, ...]) -> Location:
        return cls(
            data["id"], data.get("name"), data["street"], data["city"], data["state"],
            data["zip"], data["timezone"], data.get("latitude"), data.get("longitude"), path,
            bool(data.get("approximate_coordinates", False)),
        )


@_pickled_as_fields
@dataclass(frozen=True)
class Program:
    name: str
    description: str | None
    level_of_care: str
    populations: tuple[str, ...]
    format: str
    location_id: str
    length_weeks: int | None
    services: tuple[str, ...]
    mat: str | None
    payment: tuple[str, ...]
    insurance_carriers: tuple[str, ...]
    languages: tuple[str, ...]
    telehealth_states: tuple[str, ...]
    accepting: str
    accepting_as_of: str | None  # None only when the status is unknown
    tracks: tuple[Track, ...]  # empty when the schedule is not listed
    path: tuple[str | int, ...] = ()
    schedule_status: str = "listed"

    @classmethod
    def from_data(cls, data: dict[str, Any], path: tuple[str | int, ...]) -> Program:
        accepting = data["accepting_new_patients"]
        tracks = tuple(
            Track.from_data(t, (*path, "tracks", i)) for i, t in enumerate(data.get("tracks", ()))
        )
        return cls(
            data["name"], data.get("description"), data["level_of_care"],
            listed(data["populations"]), data["format"], data["location"],
            _whole(data.get("length_weeks")), listed(data["services"]),
            data.get("medication_for_addiction_treatment"), listed(data["payment"]),
            tuple(data.get("insurance_carriers", ())), tuple(data["languages"]),
            tuple(data.get("telehealth_states", ())), accepting["status"], accepting.get("as_of"),
            tracks, path, data.get("schedule_status", "listed"),
        )

    @property
    def schedule_listed(self) -> bool:
        """False for `schedule_status: not_listed`: people are asked to call about times."""
        return bool(self.tracks)


def _whole(value: float | None) -> int | None:
    """JSON Schema counts 8.0 as an integer; the site shows and exports it as 8."""
    return None if value is None else int(value)


@_pickled_as_fields
@dataclass(frozen=True)
class Verification:
    """Who last checked the listing, how and when (`verification` in a listing)."""

    by: str
    method: str
    date: str


@_pickled_as_fields
@dataclass(frozen=True)
class Unreachable:
    """A failed call: the listing's phone did not reach anyone who could confirm it."""

    reason: str
    attempts: int
    date: str
    by: str | None = None


@_pickled_as_fields
@dataclass(frozen=True)
class Recheck:
    """A confirmed problem report: the listing waits for a new check."""

    reason: str
    date: str
    report: str | None = None


@_pickled_as_fields
@dataclass(frozen=True)
class Provider:
    slug: str
    source_path: str
    name: str
    description: str
    website: str | None
    phone: str
    email: str | None
    accreditations: tuple[str, ...]
    levels_of_care: tuple[str, ...]
    last_verified: str
    source: str
    sample: bool
    locations: tuple[Location, ...]
    programs: tuple[Program, ...]
    external_ids: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    related_listings: tuple[str, ...] = ()
    intake_phones: tuple[str, ...] = ()  # intake lines other than the main phone
    verification: Verification | None = None
    unreachable: Unreachable | None = None
    recheck: Recheck | None = None
    language_of_text: str | None = None  # the language the listing's own words are written in

    @classmethod
    def from_data(cls, slug: str, source_path: str, data: dict[str, Any]) -> Provider:
        return cls(
            slug, source_path, data["name"], data["description"], data.get("website"),
            data["phone"], data.get("email"), tuple(data.get("accreditations", ())),
            tuple(data["levels_of_care"]), data["last_verified"], data["source"],
            bool(data.get("sample", False)),
            tuple(Location.from_data(x, ("locations", i)) for i, x in enumerate(data["locations"])),
            tuple(Program.from_data(x, ("programs", i)) for i, x in enumerate(data["programs"])),
            dict(data.get("external_ids", {})), tuple(data.get("related_listings", ())),
            tuple(data.get("intake_phones", ())),
            Verification(**data["verification"]) if "verification" in data else None,
            Unreachable(**data["unreachable"]) if "unreachable" in data else None,
            Recheck(**data["recheck"]) if "recheck" in data else None,
            data.get("language_of_text"),
        )

    @cached_property
    def _locations_by_id(self) -> dict[str, Location]:
        return {loc.id: loc for loc in self.locations}

    def location_of(self, program: Program) -> Location:
        """The program's location; validation guarantees it exists (first one as a fallback)."""
        return self._locations_by_id.get(program.location_id, self.locations[0])

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(sorted({loc.state for loc in self.locations}))

    @property
    def call_number(self) -> str:
        """The one number to offer a person: an intake line first, else the main phone (the
        finder's Call button, the provider page's notices and its contact list agree)."""
        return (*self.intake_phones, self.phone)[0]

    def tracks(self) -> list[tuple[Program, Track]]:
        return [(p, t) for p in self.programs for t in p.tracks]
