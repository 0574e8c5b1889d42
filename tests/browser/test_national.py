"""The finder on the site built from SAMHSA's national directory (5,566 facilities), used as a
person looking for care would, on a phone, near real ZIP codes. Expected results come from the
imported listing files, read here with yaml and this file's own distance rule.

The national site is built once per session (tests/browser/conftest.py: national_site); these
tests skip when ../shared/data is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import Server, Visit, axe_check
from tests.browser.finder_driver import choose, open_finder, settle, shown, status
from tests.browser.listings import haversine, zip_centroid

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.shared]

PHONE = {"width": 390, "height": 844}
ZONE = "America/Chicago"
ROUNDING = 0.5  # miles: the index stores points to 0.001 degree and ZIP centres to 0.01


@dataclass(frozen=True)
class Program:
    slug: str
    number: int
    format: str
    state: str
    lat: float
    lon: float
    listed: bool
    telehealth_states: tuple[str, ...]


@cache
def imported(providers: Path) -> dict[tuple[str, int], Program]:
    out = {}
    for path in sorted(providers.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        places = {loc["id"]: loc for loc in data["locations"]}
        for number, program in enumerate(data["programs"], 1):
            loc = places[program["location"]]
            out[(path.stem, number)] = Program(
                path.stem, number, program["format"], loc["state"], loc["latitude"],
                loc["longitude"], program.get("schedule_status") != "not_listed",
                tuple(program.get("telehealth_states", ())))
    return out


def miles(code: str, program: Program) -> float:
    lat, lon, _ = zip_centroid(code)
    return haversine(lat, lon, program.lat, program.lon)


@pytest.fixture
def phone(visit_on: Callable[..., Visit], national_site: Server) -> Visit:
    return visit_on(national_site, timezone_id=ZONE, viewport=PHONE)


@pytest.mark.parametrize("limit", ["10", "25"])
def test_in_person_results_are_all_within_the_distance(phone: Visit, national_site: Server,
                                                       limit: str) -> None:
    page = open_finder(phone, national_site, f"?zip=60614&miles={limit}")
    programs = imported(national_site.providers)
    found = shown(page)
    wanted = {key for key, p in programs.items()
              if p.format != "telehealth" and miles("60614", p) <= float(limit)}
    cards = {key for group in ("near", "unlisted") for key in found.get(group, [])}
    assert cards
    for key in cards:  # nothing hours away (Anna, IL is 300 miles from Chicago)
        assert programs[key].format != "telehealth"
        assert miles("60614", programs[key]) <= float(limit) + ROUNDING, key
    sure = {k for k in wanted if miles("60614", programs[k]) <= float(limit) - ROUNDING}
    assert sure <= cards <= wanted | {k for k in programs
                                      if abs(miles("60614", programs[k]) - float(limit))
                                      <= ROUNDING}
    for key in found.get("video", []):  # entirely by video, for people in Illinois
        assert programs[key].format == "telehealth"
        assert "IL" in (programs[key].telehealth_states or (programs[key].state,))
    assert phone.third_party == [] and phone.console_errors == []


def test_nothing_nearby_lists_hours_so_the_finder_lists_them_to_call(
        phone: Visit, national_site: Server) -> None:
    page = open_finder(phone, national_site, "?zip=60614&miles=10&avail=mon-fri@17:00-")
    n = page.locator("#iop-finder-groups .finder-result").count()
    text = status(page)
    total = int(text.split(" ", 1)[0].replace(",", ""))
    assert text.startswith(f"{total:,} programs within 10 miles of ZIP 60614. None of them lists "
                           "its hours yet: call to ask when they meet.")
    assert page.locator("#iop-finder-show").inner_text() == f"Show {total:,} programs"
    found = shown(page)
    assert list(found) == ["unlisted"] and len(found["unlisted"]) == total >= n
    calls = page.locator(".finder-result a.finder-result__call")
    assert calls.count() == total
    assert all(href.startswith("tel:+1") for href in calls.evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"))
    # Their distances are to ZIP code centres, and say so.
    where = page.locator(".finder-result__where").first.inner_text()
    assert where.endswith("by ZIP code")


@pytest.mark.parametrize("code", ["97201", "78701", "10001"])
def test_a_person_near_a_real_zip_code_sees_programs_nearby_first(
        phone: Visit, national_site: Server, code: str) -> None:
    page = open_finder(phone, national_site)
    choose(page, zip=code, presets=("nine-to-five",))
    programs = imported(national_site.providers)
    found = shown(page)
    keys = [key for group in found.values() for key in group]
    assert keys and len(keys) == len(set(keys))  # one card per program
    distances = [miles(code, programs[k]) for k in found.get("unlisted", [])]
    assert distances == sorted(distances) or max(
        abs(a - b) for a, b in zip(distances, sorted(distances), strict=True)) <= ROUNDING
    assert max(distances) <= 25 + ROUNDING
    box = page.get_by_label("ZIP code", exact=True).bounding_box()
    assert box is not None and box["y"] < PHONE["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["", "finder/?zip=60614", "browse/", "browse/evening/",
                                  "browse/states/il/", "providers/{provider}/"])
def test_national_pages_pass_axe(phone: Visit, national_site: Server, path: str) -> None:
    provider = next(iter(sorted(imported(national_site.providers))))[0]
    page = phone.page
    page.goto(national_site.url + path.format(provider=provider))
    if path.startswith("finder/"):
        settle(page, timeout=30_000)
    axe_check(page)
    if path == "browse/evening/":  # no listing lists its hours: the page says why, not "none"
        text = page.locator("article").inner_text()
        assert "have not listed their hours" in text
        assert page.get_by_role("link", name="Find programs near you").is_visible()
