"""A listing (the data of one YAML file) built from one facility of the directory.

Everything written here comes from the directory, or says plainly that something is not known:
the schedule (`schedule_status: not_listed`), intake (`status: unknown`, undated), and who a
program serves, what it includes and how to pay when the directory lists nothing the schema
can show (`not_listed`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.importers import codes
from generator.importers.facility import Facility
from generator.load.checks import known_zone
from generator.model import zips
from generator.model.records import NOT_LISTED
from generator.model.vocab import CONTINUUM

GENERATED_PREFIX = "Listed in SAMHSA's national directory"  # how generated descriptions start
SOURCE_PREFIX = "SAMHSA N-SUMHSS national directory"
ID_KEY = "samhsa_nsumhss"
LOCATION_ID = "main"

PROGRAM_NAMES = {"iop": "Intensive outpatient program", "php": "Partial hospitalization program",
                 "outpatient": "Outpatient program"}
_LEVEL_WORDS = {"php": "partial hospitalization", "iop": "intensive outpatient treatment",
                "outpatient": "regular outpatient treatment"}
_AGE_WORDS = {"adults": "adults", "young_adults": "young adults", "adolescents": "adolescents",
              "older_adults": "older adults"}

# The main time zone of each state and territory, for ZIP codes the centroid table lacks.
STATE_ZONES = {
    **dict.fromkeys(("CT", "DC", "DE", "FL", "GA", "IN", "KY", "MA", "MD", "ME", "MI", "NC",
                     "NH", "NJ", "NY", "OH", "PA", "RI", "SC", "VA", "VT", "WV"),
                    "America/New_York"),
    **dict.fromkeys(("AL", "AR", "IA", "IL", "KS", "LA", "MN", "MO", "MS", "ND", "NE", "OK",
                     "SD", "TN", "TX", "WI"), "America/Chicago"),
    **dict.fromkeys(("CO", "MT", "NM", "UT", "WY"), "America/Denver"),
    "ID": "America/Boise", "AZ": "America/Phoenix",
    **dict.fromkeys(("CA", "NV", "OR", "WA"), "America/Los_Angeles"),
    "AK": "America/Anchorage", "HI": "Pacific/Honolulu", "PR": "America/Puerto_Rico",
    "VI": "America/St_Thomas", "GU": "Pacific/Guam", "MP": "Pacific/Saipan",
    "AS": "Pacific/Pago_Pago",
}


@dataclass(frozen=True)
class Options:
    levels: tuple[str, ...]  # program levels to import, e.g. ('iop',)
    source: str  # e.g. 'SAMHSA N-SUMHSS national directory (survey year 2024), imported ...'
    verified: str  # last_verified, YYYY-MM-DD
    today: dt.date


def source_text(survey_year: int | None, today: dt.date) -> str:
    year = f"survey year {survey_year}" if survey_year else "survey year not stated"
    return f"{SOURCE_PREFIX} ({year}), imported {today.isoformat()}"


def offered_levels(facility: Facility, wanted: tuple[str, ...]) -> list[str]:
    """The wanted program levels the facility offers, in the schema's order."""
    return [lv for lv in codes.values(codes.PROGRAM_LEVEL, facility.codes) if lv in wanted]


def build(facility: Facility, options: Options) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": facility.name,
        "description": describe(facility),
        "phone": facility.phone,
    }
    if facility.intake:
        data["intake_phones"] = list(facility.intake)
    accreditations = codes.values(codes.ACCREDITATIONS, facility.codes)
    if accreditations:
        data["accreditations"] = accreditations
    data |= {
        "levels_of_care": _continuum(facility),
        "last_verified": options.verified,
        "source": options.source,
        "external_ids": {ID_KEY: facility.id},
        "locations": [location(facility)],
        "programs": [program(facility, level)
                     for level in offered_levels(facility, options.levels)],
    }
    return data


def _continuum(facility: Facility) -> list[str]:
    found = set(codes.values(codes.CONTINUUM, facility.codes))
    return [level for level in CONTINUUM if level in found]


def describe(facility: Facility) -> str:
    """'Listed in SAMHSA's national directory ... as offering intensive outpatient treatment for
    adults and adolescents.' plus who it only (or never) treats."""
    levels = [_LEVEL_WORDS[lv] for lv in codes.values(codes.PROGRAM_LEVEL, facility.codes)]
    ages = [_AGE_WORDS[p] for p in codes.values(codes.POPULATIONS, facility.codes)
            if p in _AGE_WORDS]
    text = (f"{GENERATED_PREFIX} of substance use treatment facilities as offering "
            f"{_series(levels)}")
    text += f" for {_series(ages)}." if ages else "."
    limits = codes.values(codes.LIMITS, facility.codes)
    return " ".join([text, *limits, *_format_note(facility)])


TELEHEALTH_NOTE = ("The directory says the facility offers therapy by telehealth; ask which "
                   "sessions of a program can be joined by video.")


def _format_note(facility: Facility) -> list[str]:
    """Where 'hybrid' comes from: the facility's telehealth code, not a program's own answer."""
    return [TELEHEALTH_NOTE] if codes.values(codes.FORMAT, facility.codes) else []


def _series(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def location(facility: Facility) -> dict[str, Any]:
    data: dict[str, Any] = {"id": LOCATION_ID, "street": facility.street, "city": facility.city,
                            "state": facility.state, "zip": facility.zip,
                            "timezone": timezone(facility)}
    centre = zips.lookup(facility.zip)
    if centre is not None and centre.state == facility.state:
        data |= {"latitude": centre.lat, "longitude": centre.lon,
                 "approximate_coordinates": True}
    return data


def timezone(facility: Facility) -> str:
    """The ZIP code's zone where the centroid table knows it (states that span zones), else the
    state's main zone."""
    centre = zips.lookup(facility.zip)
    if (centre is not None and centre.state == facility.state and "/" in centre.timezone
            and known_zone(centre.timezone)):
        return centre.timezone
    return STATE_ZONES[facility.state]



def languages(facility: Facility) -> list[str]:
    """English, then the languages the directory lists. The survey asks about languages other
    than English, so English is taken as given, except in Puerto Rico, where it is not."""
    listed = codes.values(codes.LANGUAGES, facility.codes)
    found = ([] if facility.state == "PR" else ["en"]) + listed
    return found or ["es"]


def program(facility: Facility, level: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": PROGRAM_NAMES[level],
        "level_of_care": level,
        "populations": _listed(codes.POPULATIONS, facility),
        # The telehealth code is the facility's: some therapy by video, so at most hybrid,
        # never telehealth (every session by video).
        "format": (codes.values(codes.FORMAT, facility.codes) or ["in_person"])[0],
        "location": LOCATION_ID,
        "services": _listed(codes.SERVICES, facility),
    }
    mat = codes.values(codes.MAT, facility.codes)
    if mat:
        data["medication_for_addiction_treatment"] = mat[0]
    data |= {
        "payment": _listed(codes.PAYMENT, facility),
        "languages": languages(facility),
        "accepting_new_patients": {"status": "unknown"},  # no date: nobody asked
        "schedule_status": "not_listed",
    }
    return data


def _listed(table: tuple[codes.Code, ...], facility: Facility) -> list[str] | str:
    """The facility's values, or `not_listed` when the directory gives none the schema has."""
    return codes.values(table, facility.codes) or NOT_LISTED
