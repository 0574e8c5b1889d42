"""The directory as open data, generated with every build so others can reuse it without
scraping: providers.json (with its JSON Schema), programs.csv, an Open Referral HSDS 3.0 export
and an iCalendar file per track, and schema.org JSON-LD for provider pages.

Takes `Provider` records; gives {docs-relative path: content}. Pure: no MkDocs, no file writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.model.records import Provider
from generator.opendata import hsds, ical, programs_csv, providers_json


def generate(providers: list[Provider], today: dt.date) -> dict[str, str | bytes]:
    """{docs-relative path: content} for every open data file (paths in opendata.paths)."""
    files: dict[str, str | bytes] = {}
    for part in parts(providers, today):
        files.update(part)
    return files


def parts(providers: list[Provider], today: dt.date) -> Iterator[dict[str, str | bytes]]:
    """The same files, one export at a time (a caller writing them to disk holds one)."""
    yield dict(providers_json.generate(providers, today))
    yield dict(programs_csv.generate(providers))
    yield dict(hsds.generate(providers))
    yield dict(ical.generate(providers, today))
