"""Re-import without losing anything: the survey's fields are updated, hand-written ones kept.

The import owns what the directory says: the name, phones, levels of care, the address, and
each imported program's populations, format, services, medication, payment and languages. The
description and source are the import's while they still read as the import wrote them.
Everything else (website, email, accreditations once present, tracks and schedule_status,
program names, lengths, insurance plans, intake status, other programs and locations, and the
records of calls: verification, unreachable, recheck) is the provider's and is kept as it is.

Two rules keep what people added over what the directory says:
- a person who checked the listing on or after the survey's date (`verification.date`) has the
  newer facts: the name, phones, address and the programs' fields stay as that person left them;
- `not_listed` from the directory never replaces a list someone wrote.
An unknown intake status loses any date (older imports dated it with the day they ran).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from generator.importers.listing import GENERATED_PREFIX, PROGRAM_NAMES, SOURCE_PREFIX
from generator.model.records import NOT_LISTED

TOP_ORDER = ("name", "description", "language_of_text", "website", "phone", "intake_phones",
             "email", "accreditations", "levels_of_care", "last_verified", "source",
             "verification", "unreachable", "recheck", "sample", "external_ids",
             "related_listings", "locations", "programs")
NEWER_CHECK = "verification (a person's check, newer than the survey)"
LOCATION_ORDER = ("id", "name", "street", "city", "state", "zip", "timezone", "latitude",
                  "longitude", "approximate_coordinates")
PROGRAM_ORDER = ("name", "description", "level_of_care", "populations", "format", "location",
                 "telehealth_states", "length_weeks", "services",
                 "medication_for_addiction_treatment", "payment", "insurance_carriers",
                 "languages", "accepting_new_patients", "schedule_status", "tracks")
ADDRESS = ("street", "city", "state", "zip", "timezone")
COORDINATES = ("latitude", "longitude", "approximate_coordinates")
PROGRAM_OWNED = ("populations", "format", "services", "medication_for_addiction_treatment",
                 "payment", "languages")
# What the import writes in a program; any other field there was added by hand.
PROGRAM_WRITTEN = (*PROGRAM_OWNED, "name", "level_of_care", "location",
                   "accepting_new_patients", "schedule_status")
TOP_WRITTEN = ("name", "description", "phone", "intake_phones", "accreditations",
               "levels_of_care", "last_verified", "source", "external_ids", "related_listings",
               "locations", "programs")


@dataclass
class Merged:
    data: dict[str, Any]
    updated: list[str] = field(default_factory=list)  # fields whose value changed
    kept: list[str] = field(default_factory=list)  # hand-written fields kept


def merge(old: dict[str, Any], new: dict[str, Any]) -> Merged:
    data = copy.deepcopy(old)
    newer = checked_after_survey(old, new["last_verified"])
    # A provider who checked the listing after the survey keeps that later date; a listing a
    # person started without one (matched by name and address) gets the survey's.
    data["last_verified"] = max(str(old.get("last_verified") or ""), new["last_verified"])
    if not newer:
        data["name"], data["phone"] = new["name"], new["phone"]
        _set_or_drop(data, "intake_phones", new.get("intake_phones"))
    # Ids of other directories are kept (the schema knows one yet: the check names the rest).
    data["external_ids"] = {**_dict(old.get("external_ids")), **new["external_ids"]}
    if not old.get("accreditations") and new.get("accreditations"):
        data["accreditations"] = new["accreditations"]
    if _generated(old.get("description"), GENERATED_PREFIX):
        data["description"] = new["description"]
    location_id = _merge_location(data, new["locations"][0], keep=newer)
    _merge_programs(data, new["programs"], location_id, keep=newer)
    levels = {p.get("level_of_care") for p in _dicts(data.get("programs"))}
    data["levels_of_care"] = new["levels_of_care"] + sorted(
        lv for lv in levels if isinstance(lv, str) and lv not in new["levels_of_care"])
    _merge_source(old, data, new["source"])
    ordered = order(data)
    kept = hand_fields(old) + ([NEWER_CHECK] if newer else [])
    return Merged(ordered, changed_fields(old, ordered), kept)


def checked_after_survey(old: dict[str, Any], survey_date: str) -> bool:
    """A person's check (`verification`) on or after the survey's date: their facts are newer."""
    checked = _dict(old.get("verification")).get("date")
    return isinstance(checked, str) and checked >= survey_date


def _merge_source(old: dict[str, Any], data: dict[str, Any], source: str) -> None:
    """The new source (with the new import date) only when the survey's data changed, so an
    import that changes nothing else rewrites no file."""
    if not _generated(old.get("source"), SOURCE_PREFIX):
        return
    data["source"] = source
    same_survey = _undated(old.get("source")) == _undated(source)
    if same_survey and changed_fields(old, data) == ["source"]:
        data["source"] = old["source"]


def _undated(source: Any) -> str:
    return str(source).split(", imported ")[0]


def _generated(value: Any, prefix: str) -> bool:
    return not isinstance(value, str) or not value.strip() or value.startswith(prefix)


def _merge_location(data: dict[str, Any], new: dict[str, Any], keep: bool) -> str:
    """Update the first location's address (unless `keep`); return its id (imported programs
    meet there)."""
    locations = data.get("locations")
    if not isinstance(locations, list) or not locations or not isinstance(locations[0], dict):
        data["locations"] = [new]
        return str(new["id"])
    first = locations[0]
    if keep:
        return str(first.get("id") or new["id"])
    precise = ("latitude" in first and not first.get("approximate_coordinates")
               and first.get("zip") == new["zip"] and first.get("street") == new["street"])
    for key in ADDRESS:
        first[key] = new[key]
    if not precise:  # coordinates a provider measured for this address stay
        for key in COORDINATES:
            _set_or_drop(first, key, new.get(key))
    return str(first.get("id") or new["id"])


def _merge_programs(data: dict[str, Any], new: list[dict[str, Any]], location_id: str,
                    keep: bool) -> None:
    programs = data.get("programs")
    if not isinstance(programs, list):
        programs = data["programs"] = []
    for program in new:
        same = [p for p in _dicts(programs) if p.get("level_of_care") == program["level_of_care"]]
        if len(same) == 1 and not keep:  # several: the provider split the level
            for key in PROGRAM_OWNED:
                value = program.get(key)
                if not (value == NOT_LISTED and isinstance(same[0].get(key), list)):
                    _set_or_drop(same[0], key, value)
        elif not same:
            programs.append({**program, "location": location_id})
    for program in _dicts(programs):
        _undate_unknown(program)


def _undate_unknown(program: dict[str, Any]) -> None:
    """An unknown intake status has no 'as of' date; older imports wrote the import's day."""
    intake = program.get("accepting_new_patients")
    if isinstance(intake, dict) and intake.get("status") == "unknown":
        intake.pop("as_of", None)


def _set_or_drop(data: dict[str, Any], key: str, value: Any) -> None:
    if value is None:
        data.pop(key, None)
    else:
        # A copy shares nothing with `new`. (copy.copy survives mutation testing: the import
        # builds `new` for this merge only and never reads it again.)
        data[key] = copy.deepcopy(value)


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def order(data: dict[str, Any]) -> dict[str, Any]:
    """Fields in the schema's order (unknown ones last, as they were), for tidy diffs."""
    out = _ordered(data, TOP_ORDER)
    if isinstance(out.get("locations"), list):
        out["locations"] = [_ordered(x, LOCATION_ORDER) if isinstance(x, dict) else x
                            for x in out["locations"]]
    if isinstance(out.get("programs"), list):
        out["programs"] = [_ordered(x, PROGRAM_ORDER) if isinstance(x, dict) else x
                           for x in out["programs"]]
    return out


def _ordered(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {**{k: data[k] for k in keys if k in data},
            **{k: v for k, v in data.items() if k not in keys}}


def changed_fields(old: Any, new: Any, path: str = "") -> list[str]:
    """Dotted names of the fields that differ ('phone', 'programs.payment'), each once."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[str] = []
        for key in [*old, *(k for k in new if k not in old)]:
            for name in changed_fields(old.get(key), new.get(key), f"{path}.{key}".lstrip(".")):
                if name not in found:
                    found.append(name)
        return found
    if (isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
            and all(isinstance(x, dict) for x in old + new)):
        found = []
        # The lengths are equal, so `strict` never fires (mutants that drop it survive).
        for name in (n for a, b in zip(old, new, strict=True) for n in changed_fields(a, b, path)):
            if name not in found:
                found.append(name)
        return found
    return [] if old == new else [path]


def hand_fields(old: dict[str, Any]) -> list[str]:
    """Fields a person wrote: what the import would not have written itself."""
    found = [k for k in old if k not in TOP_WRITTEN]
    if not _generated(old.get("description"), GENERATED_PREFIX):
        found.append("description")
    for program in _dicts(old.get("programs")):
        found += [f"programs.{k}" for k in program if k not in PROGRAM_WRITTEN]
        if program.get("name") not in PROGRAM_NAMES.values():
            found.append("programs.name")
        if _dict(program.get("accepting_new_patients")).get("status") not in (None, "unknown"):
            found.append("programs.accepting_new_patients")
    if len(_dicts(old.get("locations"))) > 1:
        found.append("locations")
    return sorted(set(found))
