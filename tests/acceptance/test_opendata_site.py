"""The built site carries the open data: every export parses and agrees with the listings, each
provider page's JSON-LD carries its tracks' hours, and its calendar links reach real files."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import icalendar
import pytest

from generator.load.catalog import load_paths
from generator.model.records import Provider
from tests.acceptance.conftest import Run
from tests.conftest import PROVIDERS, ROOT, TODAY

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
CALENDAR_LINK = re.compile(r'<a class="iop-calendar" href="([^"]+)">Add to calendar \(\.ics\)</a>')
DAY = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
       "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for this module with the real CLI."""
    out = tmp_path_factory.mktemp("opendata") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--strict", "--site-dir", str(out),
         "--today", TODAY.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    return load_paths([PROVIDERS], today=TODAY).providers


def clinic_of(site: Path, slug: str) -> dict[str, Any]:
    page = (site / "providers" / slug / "index.html").read_text(encoding="utf-8")
    [block] = SCRIPT.findall(page)
    data: dict[str, Any] = json.loads(block)
    return data


def test_every_provider_page_has_json_ld_with_its_tracks_hours(
        site: Path, providers: list[Provider]) -> None:
    accepting = [clinic_of(site, p.slug).get("isAcceptingNewPatients") for p in providers]
    assert True in accepting and False in accepting
    for provider in providers:
        clinic = clinic_of(site, provider.slug)
        assert clinic["@type"] == "MedicalClinic" and clinic["name"] == provider.name
        assert clinic["telephone"] == provider.phone
        assert {a["postalCode"] for a in clinic["address"]} == {
            loc.zip for loc in provider.locations}
        assert clinic["paymentAccepted"]
        known = [p.accepting for p in provider.programs if p.accepting != "unknown"]
        assert clinic.get("isAcceptingNewPatients") == (("yes" in known) if known else None)
        offered = [o["itemOffered"] for o in clinic["hasOfferCatalog"]["itemListElement"]]
        hours = [[(h["dayOfWeek"].rsplit("/", 1)[1], h["opens"], h["closes"])
                  for h in s["hoursAvailable"]] for s in offered if "hoursAvailable" in s]
        assert hours == [[(DAY[d], f"{a // 60:02d}:{a % 60:02d}", f"{b // 60:02d}:{b % 60:02d}")
                          for d, a, b in track.by_day()] for _, track in provider.tracks()]
        languages = {lang["alternateName"] for s in offered
                     for lang in s["availableChannel"]["availableLanguage"]}
        assert languages == {c for p in provider.programs for c in p.languages}


def test_calendar_links_reach_calendars_of_their_track(site: Path,
                                                       providers: list[Provider]) -> None:
    for provider in providers:
        page_dir = f"providers/{provider.slug}/"
        page = (site / page_dir / "index.html").read_text(encoding="utf-8")
        links = CALENDAR_LINK.findall(page)
        assert len(links) == len(provider.tracks()), provider.slug
        for href, (program, track) in zip(links, provider.tracks(), strict=True):
            cal = icalendar.Calendar.from_ical((site / posixpath.join(page_dir, href))
                                               .read_bytes())
            assert str(cal.events[0]["SUMMARY"]) == f"{program.name}: {track.name}"


def test_exports_in_the_site_agree_with_the_listings(site: Path,
                                                     providers: list[Provider]) -> None:
    programs = sum(len(p.programs) for p in providers)
    tracks = len([t for p in providers for t in p.tracks()])
    export = json.loads((site / "data" / "providers.json").read_text(encoding="utf-8"))
    assert export["counts"] == {"providers": len(providers), "programs": programs,
                                "tracks": tracks}
    assert json.loads((site / "data" / "providers.schema.json").read_text())["title"]
    with (site / "data" / "programs.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sum(r["schedule_listed"] == "yes" for r in rows) == tracks
    organizations = (site / "data" / "hsds" / "organizations.csv").read_text(encoding="utf-8")
    assert len(list(csv.DictReader(io.StringIO(organizations)))) == len(providers)
    assert len(list((site / "data" / "calendars").rglob("*.ics"))) == tracks


def test_generate_writes_the_same_open_data(iopdir: Run, site: Path, tmp_path: Path) -> None:
    result = iopdir("generate", "--out", tmp_path / "build")
    assert result.returncode == 0, result.stderr
    for name in ("providers.json", "programs.csv", "hsds/schedules.csv"):
        assert (tmp_path / "build" / "docs" / "data" / name).read_bytes() == \
            (site / "data" / name).read_bytes(), name
