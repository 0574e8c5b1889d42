"""data/programs.csv: one row per track (weekly schedule), for spreadsheets.

A program whose schedule is not listed yet still has one row, with the schedule columns empty.
Values are the plain-language labels the site shows; lists are joined with '; '.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.model import fmt
from generator.model.records import Program, Provider, Track, hhmm
from generator.model.vocab import (
    ACCEPTING,
    DAY_SHORT,
    FORMATS,
    LEVELS,
    MAT,
    PAYMENT,
    POPULATIONS,
    SERVICES,
    language_name,
)
from generator.opendata import csvfile
from generator.opendata.paths import PROGRAMS_CSV, calendar_path, page_url

COLUMNS = (
    "provider", "provider_slug", "page", "phone", "website", "program", "program_number",
    "level_of_care", "format", "accepting_new_patients", "accepting_as_of", "who_it_serves",
    "payment", "insurance_plans", "languages", "medication_for_addiction_treatment",
    "services", "length_weeks", "telehealth_states", "street", "city", "state", "zip",
    "time_zone", "latitude", "longitude", "approximate_coordinates", "schedule_listed",
    "track", "track_number", "hours_per_week", "days", "schedule", "evening", "weekend",
    "daytime", "earliest_start", "latest_end", "calendar", "last_verified", "source", "sample",
)
ScheduleCells = dict[str, str]


def generate(providers: list[Provider]) -> dict[str, str]:
    return {PROGRAMS_CSV: to_csv(rows(providers))}


def to_csv(rows: Iterable[dict[str, str]]) -> str:
    """The file, through the shared writer that keeps formulas from running (csvfile.py)."""
    return csvfile.to_csv(COLUMNS, rows)


def rows(providers: Iterable[Provider]) -> Iterator[dict[str, str]]:
    for provider in providers:
        for i, program in enumerate(provider.programs, 1):
            base = _program_cells(provider, program, i)
            if not program.tracks:
                yield {**base, "schedule_listed": "no"}
            for j, track in enumerate(program.tracks, 1):
                cells = _track_cells(track, calendar_path(provider.slug, i, j))
                yield {**base, **cells, "track_number": str(j)}


def _program_cells(provider: Provider, program: Program, index: int) -> dict[str, str]:
    loc = provider.location_of(program)
    return {
        "provider": provider.name, "provider_slug": provider.slug,
        "page": page_url(provider.slug) + f"#program-{index}", "phone": provider.phone,
        "website": provider.website or "", "program": program.name,
        "program_number": str(index), "level_of_care": LEVELS[program.level_of_care],
        "format": FORMATS[program.format], "accepting_new_patients": ACCEPTING[program.accepting],
        "accepting_as_of": program.accepting_as_of or "",
        "who_it_serves": fmt.labels(program.populations, POPULATIONS, "; "),
        "payment": fmt.labels(program.payment, PAYMENT, "; "),
        "insurance_plans": _join(c for c in program.insurance_carriers),
        "languages": _join(language_name(c) for c in program.languages),
        "medication_for_addiction_treatment": MAT[program.mat] if program.mat else "",
        "services": fmt.labels(program.services, SERVICES, "; "),
        "length_weeks": str(program.length_weeks or ""),
        "telehealth_states": _join(program.telehealth_states),
        "street": loc.street, "city": loc.city, "state": loc.state, "zip": loc.zip,
        "time_zone": loc.timezone, "latitude": _number(loc.latitude),
        "longitude": _number(loc.longitude),
        "approximate_coordinates": _yes(loc.approximate_coordinates),
        "last_verified": provider.last_verified, "source": provider.source,
        "sample": _yes(provider.sample),
    }


def _track_cells(track: Track, calendar: str) -> ScheduleCells:
    return {
        "schedule_listed": "yes", "track": track.name,
        "hours_per_week": f"{track.hours_per_week:g}",
        "days": _join(DAY_SHORT[d] for d in track.days),
        "schedule": _join(f"{fmt.days(s.days)} {hhmm(s.start)}-{hhmm(s.end)}"
                          for s in track.sessions),
        "evening": _yes(track.evening), "weekend": _yes(track.weekend),
        "daytime": _yes(track.daytime), "earliest_start": hhmm(track.earliest_start),
        "latest_end": hhmm(track.latest_end), "calendar": calendar,
    }


def _join(values: Iterable[str]) -> str:
    return "; ".join(values)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
