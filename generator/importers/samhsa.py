"""`iopdir import samhsa`: SAMHSA's N-SUMHSS national directory into listing files.

Read every row, say for each one why it was imported or skipped, merge into the listings already
in the output directory (see merge.py), link listings that share a phone line, and write only
the files whose content changed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.importers import codes, facility, listing, merge, related, report, slugs, yamlwrite
from generator.importers.existing import Existing, Listing, scan
from generator.importers.facility import Facility
from generator.importers.report import Outcome, Report
from generator.importers.source import FACILITY_COLUMNS, Row, read_definitions, read_rows
from generator.load import progress
from generator.load.catalog import display_path
from generator.load.diagnostics import Diagnostic, Severity

HEADER = [
    "yaml-language-server: $schema=../schema/provider.schema.json",
    "Imported from SAMHSA's N-SUMHSS national directory by `iopdir import samhsa`. A re-import",
    "updates the directory's fields: name, phone, intake_phones, levels_of_care, source,",
    "external_ids, related_listings, the first location's address, and each imported program's",
    "populations, format, services, medication_for_addiction_treatment, payment and languages.",
    "Everything else is kept: add a website, email, your own description, program names,",
    "lengths and insurance plans, and replace 'schedule_status: not_listed' with 'tracks:'",
    "(`iopdir record` does it after a call). Once someone has checked the listing after the",
    "survey (verification), the directory's fields are no longer changed either. A re-import",
    "keeps no comments other than these lines.",
]


@dataclass(frozen=True)
class Request:
    facilities: Path
    definitions: Path
    out: Path
    options: listing.Options
    states: frozenset[str] = frozenset()  # empty: every state
    dry_run: bool = False


@dataclass
class _Planned:
    data: dict[str, Any]
    old: Listing | None
    kept: list[str] = field(default_factory=list)


def run(request: Request) -> Report:
    """Import; on problems with the definitions or existing files, write nothing."""
    found = Report(display_path(request.facilities), dry_run=request.dry_run)
    definitions = display_path(request.definitions)
    found.problems = [Diagnostic(definitions, 1, 1, Severity.ERROR, message)
                      for message in codes.label_mismatches(read_definitions(request.definitions))]
    existing = scan(request.out)
    found.problems += existing.problems
    if found.problems:
        return found
    rows = list(read_rows(request.facilities, FACILITY_COLUMNS))
    facilities = _classify(rows, request, found)
    planned, files = _plan(facilities, existing, request.options, found)
    _link(planned, existing)
    _write(planned, request, found)
    found.outcomes += [Outcome(f.id, f.line, f.state, report.IMPORTED, file=files[f.id])
                       for f in facilities if f.id in files]
    found.outcomes.sort(key=lambda o: o.line)
    found.gone = _gone(existing, rows, found)
    return found


def _classify(rows: list[Row], request: Request, found: Report) -> list[Facility]:
    """The facilities to import; every other row gets its outcome in `found`. Of rows that
    repeat one facility, the lowest facility number is kept, whatever the order of rows."""
    substance = _substance_keys(rows)
    groups: dict[str, list[Facility]] = {}
    for row in rows:
        result = _facility(row, request, substance)
        if isinstance(result, Facility):
            groups.setdefault(result.key, []).append(result)
        else:
            found.outcomes.append(result)
    chosen = []
    for group in groups.values():
        first, *later = sorted(group, key=lambda f: int(f.number))
        first = facility.with_phones_of(first, later)
        chosen.append(first)
        found.fixes.update(first.fixes)
        found.outcomes += [_skip(f, report.REPEAT, f"repeats {first.id} (same name, street "
                                 "and ZIP code)") for f in later]
    return sorted(chosen, key=lambda f: f.line)


def _substance_keys(rows: list[Row]) -> dict[str, str]:
    """Facility key -> id, for telling mental health rows that repeat a facility."""
    keys: dict[str, str] = {}
    for row in rows:
        if row.get("directory_type") == codes.DIRECTORY and row.get("name1"):
            keys.setdefault(facility.row_key(row), row.get("facility_id"))
    return keys


def _facility(row: Row, request: Request, substance: dict[str, str]) -> Facility | Outcome:
    fid, state = row.get("facility_id"), row.get("state")
    if not facility.display_name(row):
        return Outcome(fid, row.line, state, report.JUNK, report.JUNK)
    if row.get("directory_type") != codes.DIRECTORY:
        repeats = substance.get(facility.row_key(row))
        if repeats:
            return Outcome(fid, row.line, state, report.MENTAL_REPEAT, f"repeats {repeats}")
        return Outcome(fid, row.line, state, report.MENTAL)
    levels = [lv for entry in codes.PROGRAM_LEVEL
              if entry.code in row.get("service_code_info").split()
              and (lv := entry.value) in request.options.levels]
    if not levels:
        return Outcome(fid, row.line, state, report.LEVEL)
    if request.states and state not in request.states:
        return Outcome(fid, row.line, state, report.STATE)
    parsed = facility.parse(row)
    if isinstance(parsed, str):
        return Outcome(fid, row.line, state, report.INVALID, parsed)
    return parsed


def _skip(item: Facility, reason: str, detail: str) -> Outcome:
    return Outcome(item.id, item.line, item.state, reason, detail)


def _plan(facilities: list[Facility], existing: Existing, options: listing.Options,
          found: Report) -> tuple[dict[str, _Planned], dict[str, str]]:
    """slug -> what to write; and facility id -> file name."""
    matched, new = _match(facilities, existing, found)
    names = slugs.assign(new, set(existing.listings))
    planned: dict[str, _Planned] = {}
    for item in new:
        planned[names[item.id]] = _Planned(merge.order(listing.build(item, options)), None)
    for item in facilities:
        old = matched.get(item.id)
        if old is not None:
            merged = merge.merge(old.data, listing.build(item, options))
            planned[old.slug] = _Planned(merged.data, old, merged.kept)
            names[item.id] = old.slug
    return planned, {fid: f"{slug}.yaml" for fid, slug in names.items()}


def _match(facilities: list[Facility], existing: Existing,
           found: Report) -> tuple[dict[str, Listing], list[Facility]]:
    """Existing files for facilities: by external id, else by name, street and ZIP code (a
    listing written by hand, or an id the directory renumbered)."""
    by_id, by_key = existing.by_id(), existing.by_key()
    importing = {f.id for f in facilities}
    matched: dict[str, Listing] = {}
    used: set[str] = set()
    new = []
    for item in facilities:
        old = by_id.get(item.id)
        if old is not None and not _same_place_or_name(old, item):
            found.outcomes.append(_skip(item, report.CONFLICT, f"{old.path.name} has this id "
                                        f"but names {old.data.get('name')!r}; check the file "
                                        "(or remove its external_ids), then import again"))
            continue
        if old is None:
            old = by_key.get(item.key)
            if old is not None and (old.slug in used or old.external_id in importing):
                old = None
        if old is None:
            new.append(item)
        else:
            matched[item.id] = old
            used.add(old.slug)
    return matched, new


def _same_place_or_name(old: Listing, item: Facility) -> bool:
    if old.key is None:
        return False
    old_name, old_place = old.key.split("|", 1)
    new_name, new_place = item.key.split("|", 1)
    return old_name == new_name or old_place == new_place


def _link(planned: dict[str, _Planned], existing: Existing) -> None:
    """related_listings across every imported listing, including ones this run left alone
    (another state's sites of one chain)."""
    imported = {slug: x.data for slug, x in planned.items()}
    others = {slug: copy.deepcopy(x.data) for slug, x in existing.listings.items()
              if x.external_id and slug not in planned}
    known = set(existing.listings) | set(planned)
    for slug in related.link({**imported, **others}, known):
        if slug in others:
            planned[slug] = _Planned(others[slug], existing.listings[slug])
    for item in planned.values():
        item.data = merge.order(item.data)


def _write(planned: dict[str, _Planned], request: Request, found: Report) -> None:
    if not request.dry_run:
        request.out.mkdir(parents=True, exist_ok=True)
    shown = progress.start(len(planned), "Writing listings")
    for slug, item in sorted(planned.items()):
        shown.advance()
        text = yamlwrite.dump(item.data, HEADER)
        name = f"{slug}.yaml"
        if item.old is not None and item.old.text == text:
            found.unchanged.append(name)
            continue
        if item.old is None:
            found.new.append(name)
        else:
            changed = merge.changed_fields(item.old.data, item.data)
            found.updated[name] = changed or ["layout or comments"]
            if item.kept:
                found.kept[name] = item.kept
        if not request.dry_run:
            _replace(request.out / name, text)
    shown.close()


def _replace(path: Path, text: str) -> None:
    """Write beside, then rename: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _gone(existing: Existing, rows: Iterable[Row], found: Report) -> list[str]:
    """Imported files whose facility this import did not import, except those it was asked to
    leave out (other states): never deleted, reported."""
    why = {o.facility_id: o for o in found.outcomes}
    in_file = {row.get("facility_id") for row in rows}
    gone = []
    for item in sorted(existing.listings.values(), key=lambda x: x.slug):
        fid = item.external_id
        if fid is None or (fid in why and why[fid].reason in (report.IMPORTED, report.STATE)):
            continue
        if fid not in in_file:
            gone.append(f"{item.path.name} ({fid} is not in the directory)")
        elif fid in why:
            gone.append(f"{item.path.name} ({fid}: {why[fid].detail or why[fid].reason})")
    return gone
