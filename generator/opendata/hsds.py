"""data/hsds/: the directory in Open Referral's Human Services Data Specification (HSDS) 3.0,
as its tabular CSV files, for community resource directories such as 211 lines.

How listings map to HSDS: a provider is an organization (with its phone and any public
directory ids); each location is a location with a physical address; each program is a
program; each track (weekly schedule) is a service of that program, at the program's
location, with one schedule row per session as an RFC 5545 weekly rule. A program whose
schedule is not listed yet is one service with no schedules. A service is one track, not the
whole program, because HSDS reads all schedules of a service as times it runs, while tracks
are alternatives a person chooses between.

Times (`opens_at`, `closes_at`) are local to the location. HSDS's `timezone` is a fixed UTC
offset, which cannot follow daylight saving time, so it is left empty and each schedule's
`description` names the IANA time zone instead.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

from generator.model import fmt
from generator.model.records import Program, Provider, Session, Track, hhmm
from generator.model.vocab import (
    ACCEPTING,
    ACCREDITATIONS,
    FORMATS,
    LEVELS,
    PAYMENT,
    POPULATIONS,
    language_name,
)
from generator.opendata import csvfile
from generator.opendata.ids import record_id
from generator.opendata.paths import HSDS_DIR

Row = dict[str, str]
# The columns written, in the order of the HSDS 3.0 table schemas (file name without .csv).
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "description", "email", "website"),
    "organization_identifiers": ("id", "organization_id", "identifier_type", "identifier"),
    "programs": ("id", "organization_id", "name", "description"),
    "services": ("id", "organization_id", "program_id", "name", "description", "url", "email",
                 "status", "application_process", "fees_description", "accreditations",
                 "eligibility_description", "assured_date"),
    "locations": ("id", "location_type", "organization_id", "name", "latitude", "longitude"),
    "addresses": ("id", "location_id", "address_1", "city", "state_province", "postal_code",
                  "country", "address_type"),
    "service_at_location": ("id", "service_id", "location_id"),
    "phones": ("id", "organization_id", "number", "type", "description"),
    "languages": ("id", "service_id", "name", "code"),
    "schedules": ("id", "service_id", "service_at_location_id", "freq", "interval", "byday",
                  "description", "opens_at", "closes_at", "attending_type"),
}
IDENTIFIER_TYPES = {"samhsa_nsumhss": "SAMHSA N-SUMHSS facility id"}
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA",
         "sun": "SU"}


def generate(providers: list[Provider]) -> dict[str, str]:
    tables = build_tables(providers)
    files = {f"{HSDS_DIR}/{name}.csv": csvfile.to_csv(TABLES[name], tables[name])
             for name in TABLES}
    files[f"{HSDS_DIR}/datapackage.json"] = datapackage()
    return files


def build_tables(providers: Iterable[Provider]) -> dict[str, list[Row]]:
    tables: dict[str, list[Row]] = defaultdict(list)
    for provider in providers:
        for table, row in provider_rows(provider):
            tables[table].append(row)
    return {name: tables[name] for name in TABLES}


def datapackage() -> str:
    """A Frictionless Data Package descriptor naming the tables, for tools that look for one."""
    return json.dumps({
        "profile": "data-package",
        "name": "iopdir-hsds",
        "title": "Intensive outpatient programs for substance use treatment (HSDS 3.0)",
        "resources": [{"name": name, "path": f"{name}.csv", "format": "csv",
                       "mediatype": "text/csv", "encoding": "utf-8"} for name in TABLES],
    }, indent=2)


def provider_rows(provider: Provider) -> Iterator[tuple[str, Row]]:
    org = record_id(provider.slug)
    yield "organizations", {"id": org, "name": provider.name,
                            "description": provider.description, "email": provider.email or "",
                            "website": provider.website or ""}
    for key, value in sorted(provider.external_ids.items()):
        yield "organization_identifiers", {
            "id": record_id(provider.slug, "identifier", key), "organization_id": org,
            "identifier_type": IDENTIFIER_TYPES.get(key, key), "identifier": value}
    yield "phones", {"id": record_id(provider.slug, "phone"), "organization_id": org,
                     "number": provider.phone, "type": "voice", "description": "Main line"}
    for i, number in enumerate(provider.intake_phones, 1):
        yield "phones", {"id": record_id(provider.slug, "intake-phone", i),
                         "organization_id": org, "number": number, "type": "voice",
                         "description": "Intake line"}
    for loc in provider.locations:
        loc_id = record_id(provider.slug, "location", loc.id)
        yield "locations", {"id": loc_id, "location_type": "physical", "organization_id": org,
                            "name": loc.name or provider.name,
                            "latitude": _number(loc.latitude), "longitude": _number(loc.longitude)}
        yield "addresses", {"id": record_id(provider.slug, "address", loc.id),
                            "location_id": loc_id, "address_1": loc.street, "city": loc.city,
                            "state_province": loc.state, "postal_code": loc.zip,
                            "country": "US", "address_type": "physical"}
    for i, program in enumerate(provider.programs, 1):
        yield from _program_rows(provider, program, i)


def _program_rows(provider: Provider, program: Program, index: int) -> Iterator[tuple[str, Row]]:
    key = (provider.slug, "program", index)
    org, loc = record_id(provider.slug), provider.location_of(program)
    yield "programs", {"id": record_id(*key), "organization_id": org, "name": program.name,
                       "description": _program_description(program)}
    service = _service_base(provider, program, org, record_id(*key))
    place = (record_id(provider.slug, "location", loc.id), loc.id, loc.timezone)
    if not program.tracks:  # one service, with an id of its own (not the program's)
        yield from _service_rows(program, service, (*key, "service"), place, None)
    for j, track in enumerate(program.tracks, 1):
        yield from _service_rows(program, service, (*key, "track", j), place, track)


def _service_rows(program: Program, base: Row, key: tuple[str | int, ...],
                  place: tuple[str, str, str], track: Track | None) -> Iterator[tuple[str, Row]]:
    """One service (a track, or a program without a listed schedule) and its linked rows."""
    service = record_id(*key)
    location_id, loc_id, timezone = place
    at = record_id(*key, "at", loc_id)
    name = f"{program.name}: {track.name}" if track else program.name
    yield "services", {**base, "id": service, "name": name}
    yield "service_at_location", {"id": at, "service_id": service, "location_id": location_id}
    for code in program.languages:
        yield "languages", {"id": record_id(*key, "language", code), "service_id": service,
                            "name": language_name(code), "code": code}
    for k, session in enumerate(track.sessions if track else (), 1):
        yield "schedules", _schedule(record_id(*key, "session", k), service, at, session,
                                     timezone, program.format)


def _service_base(provider: Provider, program: Program, org: str, program_id: str) -> Row:
    """What every service of a program shares (its tracks differ only in name and schedule)."""
    plans = f" Plans: {', '.join(program.insurance_carriers)}." if program.insurance_carriers \
        else ""
    intake = fmt.intake(ACCEPTING[program.accepting], program.accepting_as_of)
    return {
        "organization_id": org, "program_id": program_id,
        "description": _program_description(program), "url": provider.website or "",
        "email": provider.email or "", "status": "active",
        "application_process": f"Call {provider.phone} to ask about intake. {intake}.",
        "fees_description": fmt.labels(program.payment, PAYMENT) + "." + plans,
        "accreditations": ", ".join(ACCREDITATIONS[a] for a in provider.accreditations),
        "eligibility_description": fmt.labels(program.populations, POPULATIONS) + ".",
        "assured_date": provider.last_verified,
    }


def _schedule(schedule_id: str, service: str, at: str, session: Session, timezone: str,
              program_format: str) -> Row:
    when = f"{fmt.days(session.days)}, {fmt.time_range(session.start, session.end)}"
    return {
        "id": schedule_id, "service_id": service, "service_at_location_id": at,
        "freq": "WEEKLY", "interval": "1", "byday": ",".join(BYDAY[d] for d in session.days),
        "description": f"{when}, {fmt.zone_name(timezone)} ({timezone}).",
        "opens_at": hhmm(session.start), "closes_at": hhmm(session.end),
        "attending_type": FORMATS[program_format],
    }


def _program_description(program: Program) -> str:
    facts = f"Level of care: {LEVELS[program.level_of_care]}. Format: {FORMATS[program.format]}."
    return f"{program.description} {facts}" if program.description else facts


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
