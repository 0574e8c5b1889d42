"""The committed sample of SAMHSA's directory, and a way to import it in tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.importers import listing, samhsa
from generator.importers.report import Report
from tests.conftest import ROOT, TODAY

SAMPLE_DIR = ROOT / "tests" / "data" / "samhsa"
FACILITIES = SAMPLE_DIR / "facilities.csv"
DEFINITIONS = SAMPLE_DIR / "service_definitions.csv"
VERIFIED = "2024-01-01"


def request(out: Path, facilities: Path = FACILITIES, today: dt.date = TODAY,
            levels: tuple[str, ...] = ("iop",), states: frozenset[str] = frozenset(),
            definitions: Path = DEFINITIONS) -> samhsa.Request:
    options = listing.Options(levels, listing.source_text(2024, today), VERIFIED, today)
    return samhsa.Request(facilities, definitions, out, options, states)


def run_import(out: Path, **kwargs: object) -> Report:
    return samhsa.run(request(out, **kwargs))  # type: ignore[arg-type]
