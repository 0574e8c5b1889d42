"""`iopdir report`: what maintainers should look at, as text or as a GitHub issue body.

Pure: takes a loaded Catalog, returns text. Listings that fail validation are counted and
named, never a reason to stop, so the monthly report still arrives when something is broken.
Listing text is untrusted and GitHub renders issue bodies, so every value in the Markdown goes
through `inert()`: escaped Markdown and HTML, and no '@' that would notify someone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.authoring.github_text import inert
from generator.load import duplicates
from generator.load.catalog import Catalog
from generator.load.diagnostics import Severity
from generator.model.freshness import STALE_AFTER_DAYS as STALE_AFTER_DAYS  # re-exported
from generator.model.records import Program, Provider
from generator.model.vocab import LEVELS, STATES, UNREACHABLE_REASONS

MARKDOWN_ROWS = 100  # per table: an issue body holds at most 65,536 characters

Row = tuple[str, ...]


@dataclass(frozen=True)
class Table:
    title: str
    headers: Row
    rows: Sequence[Row]
    empty: str  # what to say when there are no rows


@dataclass(frozen=True)
class Report:
    today: dt.date
    summary: str
    tables: list[Table]


def build(catalog: Catalog, stale_after_days: int = STALE_AFTER_DAYS) -> Report:
    providers = sorted(catalog.providers, key=lambda p: p.source_path)
    invalid = _invalid(catalog, providers)
    programs = sum(len(p.programs) for p in providers)
    summary = (f"{_n(catalog.files, 'listing file')} checked on {catalog.today}: "
               f"{_n(len(providers), 'valid listing')} with {_n(programs, 'program')}, "
               f"{_n(len(invalid), 'invalid file')}.")
    return Report(catalog.today, summary, [
        _stale(providers, catalog.today, stale_after_days),
        _duplicates(providers),
        _unscheduled(providers),
        _unreachable(providers),
        _rechecks(providers),
        Table("Invalid listings", ("File", "Errors", "First error"), invalid,
              "Every listing is valid."),
        _by_state(providers),
        _by_level(providers),
    ])


def _stale(providers: list[Provider], today: dt.date, after: int) -> Table:
    ages = [((today - dt.date.fromisoformat(p.last_verified)).days, p) for p in providers]
    old = sorted(((days, p) for days, p in ages if days > after),
                 key=lambda row: (-row[0], row[1].source_path))
    span = "12 months" if after == STALE_AFTER_DAYS else f"{after} days"
    return Table(f"Not verified in the last {span}", ("Listing", "Last verified", "Days ago"),
                 [(p.source_path, p.last_verified, str(days)) for days, p in old],
                 f"Every listing was verified in the last {span}.")


def _duplicates(providers: list[Provider]) -> Table:
    rows = []
    for found in duplicates.find(providers):
        level = "error" if found.severity is Severity.ERROR else "warning"
        files = ", ".join(p.source_path for p in found.listings)
        rows.append((f"{found.kind} ({level})", found.shared, files))
    return Table("Possible duplicates", ("Same", "Value", "Listings"), rows,
                 "No two listings share a phone number, website, or name and address.")


def _unscheduled(providers: list[Provider]) -> Table:
    rows = [(p.source_path, program.name, p.phone)
            for p in providers for program in p.programs if not program.schedule_listed]
    return Table("Programs without schedules", ("Listing", "Program", "Phone to ask"), rows,
                 "Every program lists its weekly schedule.")


def _unreachable(providers: list[Provider]) -> Table:
    rows = [(p.source_path, p.unreachable.date, str(p.unreachable.attempts),
             UNREACHABLE_REASONS[p.unreachable.reason], p.phone)
            for p in sorted(providers, key=lambda p: (p.unreachable.date if p.unreachable
                                                      else "", p.source_path))
            if p.unreachable is not None]
    return Table("Could not be reached by phone", ("Listing", "Last call", "Calls", "What "
                 "happened", "Phone"), rows, "Every call recorded reached someone.")


def _rechecks(providers: list[Provider]) -> Table:
    rows = [(p.source_path, p.recheck.date, p.recheck.reason, p.recheck.report or "")
            for p in providers if p.recheck is not None]
    return Table("Reported problems waiting for a check", ("Listing", "Confirmed", "Reported",
                 "Report"), rows, "No listing waits for a check.")


def _invalid(catalog: Catalog, providers: list[Provider]) -> list[Row]:
    """Files that did not load: errors in the file itself (cross-file errors leave it loaded)."""
    loaded = {p.source_path for p in providers}
    errors: dict[str, list[str]] = {}
    for d in sorted(catalog.diagnostics):
        if d.severity is Severity.ERROR and d.path not in loaded:
            errors.setdefault(d.path, []).append(f"line {d.line}: {d.message}")
    return [(path, str(len(found)), _clip(found[0])) for path, found in errors.items()]


def _by_state(providers: list[Provider]) -> Table:
    listings = Counter(state for p in providers for state in p.states)
    programs = Counter(p.location_of(pg).state for p in providers for pg in p.programs)
    rows = [(f"{STATES.get(s, s)} ({s})", str(listings[s]), str(programs[s]))
            for s in sorted(listings)]
    return Table("Listings by state", ("State", "Listings", "Programs"), rows, "No listings.")


def _by_level(providers: list[Provider]) -> Table:
    all_programs: list[Program] = [pg for p in providers for pg in p.programs]
    count = Counter(pg.level_of_care for pg in all_programs)
    unlisted = Counter(pg.level_of_care for pg in all_programs if not pg.schedule_listed)
    rows = [(LEVELS[level], str(count[level]), str(unlisted[level]))
            for level in LEVELS if count[level]]
    return Table("Programs by level of care", ("Level of care", "Programs",
                                               "Without schedules"), rows, "No programs.")


def render_text(report: Report) -> str:
    parts = [f"Listings report, {report.today}", report.summary]
    for table in report.tables:
        parts.append(f"\n{table.title} ({len(table.rows)})")
        parts.extend(_text_rows(table) if table.rows else [f"  {table.empty}"])
    return "\n".join(parts) + "\n"


def _text_rows(table: Table) -> list[str]:
    widths = [max(len(row[i]) for row in [table.headers, *table.rows])
              for i in range(len(table.headers))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [table.headers, *table.rows]]


def render_markdown(report: Report, max_rows: int = MARKDOWN_ROWS) -> str:
    parts = [f"# Listings report, {report.today}", "", report.summary, ""]
    for table in report.tables:
        parts += [f"## {inert(table.title)} ({len(table.rows)})", ""]
        parts += _md_table(table, max_rows) if table.rows else [inert(table.empty)]
        parts.append("")
    parts.append("Made by `iopdir report --format markdown`. Run `iopdir report` in a checkout "
                 "for every row, and `iopdir validate` for every message.")
    return "\n".join(parts) + "\n"


def _md_table(table: Table, max_rows: int) -> list[str]:
    lines = [_md_row(table.headers), "|" + "---|" * len(table.headers)]
    lines += [_md_row(row) for row in table.rows[:max_rows]]
    hidden = len(table.rows) - max_rows
    if hidden > 0:
        lines += ["", f"And {_n(hidden, 'more row')}."]
    return lines


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(inert(c) for c in cells) + " |"


def _clip(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[:limit - 1] + "…"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
