"""data/providers.json: every listing, normalised, with the derived schedule facts.

The file follows schema/providers-export.schema.json (copied beside it as providers.schema.json).
Codes are the listing schema's codes; `labels` maps each code to the words the site shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from typing import Any

from generator.model import resources, vocab
from generator.model.records import Location, Program, Provider, Session, Track, hhmm
from generator.opendata.paths import PROVIDERS_JSON, PROVIDERS_SCHEMA, calendar_path, page_url

FORMAT_VERSION = 1
SCHEMA_PATH = resources.schema_path("providers-export.schema.json")
LICENSE = ("Listings: MIT License, like the rest of the iopdir project. Listings imported from "
           "SAMHSA's N-SUMHSS directory are U.S. Government works in the public domain.")
Json = dict[str, Any]


def generate(providers: list[Provider], today: dt.date) -> dict[str, str]:
    data = json.dumps(build(providers, today), ensure_ascii=False, separators=(",", ":"))
    return {PROVIDERS_JSON: data, PROVIDERS_SCHEMA: export_schema()}


@lru_cache(maxsize=1)
def export_schema() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def build(providers: list[Provider], today: dt.date) -> Json:
    return {
        "format_version": FORMAT_VERSION,
        "generated_on": today.isoformat(),
        "license": LICENSE,
        "sample_data": any(p.sample for p in providers),
        "counts": {
            "providers": len(providers),
            "programs": sum(len(p.programs) for p in providers),
            "tracks": sum(len(p.tracks()) for p in providers),
        },
        "labels": labels(),
        "providers": [provider_record(p) for p in providers],
    }


def labels() -> dict[str, dict[str, str]]:
    return {
        "levels_of_care": vocab.CONTINUUM, "level_of_care": vocab.LEVELS,
        "populations": vocab.POPULATIONS, "format": vocab.FORMATS, "services": vocab.SERVICES,
        "medication_for_addiction_treatment": vocab.MAT, "payment": vocab.PAYMENT,
        "accepting_new_patients": vocab.ACCEPTING, "accreditations": vocab.ACCREDITATIONS,
        "languages": vocab.LANGUAGES, "days": vocab.DAY_NAMES, "states": vocab.STATES,
    }


def provider_record(provider: Provider) -> Json:
    return {
        "slug": provider.slug,
        "url": page_url(provider.slug),
        "name": provider.name,
        "description": provider.description,
        "language_of_text": provider.language_of_text,
        "website": provider.website,
        "phone": provider.phone,
        "intake_phones": list(provider.intake_phones),
        "email": provider.email,
        "accreditations": list(provider.accreditations),
        "levels_of_care": list(provider.levels_of_care),
        "states": list(provider.states),
        "last_verified": provider.last_verified,
        "source": provider.source,
        "sample": provider.sample,
        "external_ids": dict(provider.external_ids),
        "related_listings": list(provider.related_listings),
        "verification": _fields(provider.verification),
        "unreachable": _fields(provider.unreachable),
        "recheck": _fields(provider.recheck),
        "locations": [location_record(loc) for loc in provider.locations],
        "programs": [program_record(provider, prog, i)
                     for i, prog in enumerate(provider.programs, 1)],
    }


def _fields(record: Any) -> Json | None:
    return dataclasses.asdict(record) if record is not None else None


def location_record(loc: Location) -> Json:
    return {
        "id": loc.id, "name": loc.name, "street": loc.street, "city": loc.city,
        "state": loc.state, "zip": loc.zip, "timezone": loc.timezone,
        "latitude": loc.latitude, "longitude": loc.longitude,
        "approximate_coordinates": loc.approximate_coordinates,
    }


def program_record(provider: Provider, program: Program, index: int) -> Json:
    return {
        "name": program.name,
        "url": f"{page_url(provider.slug)}#program-{index}",
        "description": program.description,
        "level_of_care": program.level_of_care,
        "populations": _listed(program.populations),
        "format": program.format,
        "location": program.location_id,
        "telehealth_states": list(program.telehealth_states),
        "length_weeks": program.length_weeks,
        "services": _listed(program.services),
        "medication_for_addiction_treatment": program.mat,
        "payment": _listed(program.payment),
        "insurance_carriers": list(program.insurance_carriers),
        "languages": list(program.languages),
        "accepting_new_patients": {"status": program.accepting, "as_of": program.accepting_as_of},
        "schedule_listed": program.schedule_listed,
        "tracks": [track_record(provider.slug, index, j, track)
                   for j, track in enumerate(program.tracks, 1)],
    }


def _listed(codes: tuple[str, ...]) -> list[str] | None:
    """None (null) when the source does not list the field: unknown, not "none"."""
    return list(codes) if codes else None


def track_record(slug: str, program_index: int, index: int, track: Track) -> Json:
    return {
        "name": track.name,
        "hours_per_week": round(track.hours_per_week, 2),
        "days": list(track.days),
        "evening": track.evening,
        "weekend": track.weekend,
        "daytime": track.daytime,
        "earliest_start": hhmm(track.earliest_start),
        "latest_end": hhmm(track.latest_end),
        "sessions": [session_record(s) for s in track.sessions],
        "calendar": calendar_path(slug, program_index, index),
    }


def session_record(session: Session) -> Json:
    return {"days": list(session.days), "start": hhmm(session.start), "end": hhmm(session.end)}
