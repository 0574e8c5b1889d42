"""The program finder in a real browser, checked against the listings themselves.

Every expected result set is computed here from providers/*.yaml with yaml.safe_load and this
file's own reading of the rules (fits my schedule, evening, weekend, distance, telehealth
states, time zones), never from the generated index or the generator's code.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import subprocess
import sys
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
import yaml
import zipcodes
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from generator.output import theme
from tests.browser.conftest import Server, Visit, serve, watch
from tests.conftest import PROVIDERS, ROOT, TODAY

pytestmark = pytest.mark.browser

ZONE = "America/New_York"  # the person's time zone in most tests
# The browser's clock in every finder test, so offsets between time zones (daylight saving time)
# are those of a known day; tests that depend on the season run on both.
WINTER = dt.datetime(2027, 1, 13, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)
NOW = WINTER
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(zip(DAY_CODES, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday"), strict=True))
SETTLED = """() => {
  const root = document.getElementById('iop-finder');
  return root && root.dataset.loaded === '1' && !root.hasAttribute('data-pending');
}"""
Key = tuple[str, int, str]  # provider slug, program number (1-based), track name
Filters = dict[str, Any]


# The listings, read independently ------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """One track of one program, as its YAML file gives it."""

    slug: str
    number: int
    track: str
    program: dict[str, Any]
    location: dict[str, Any]
    sessions: tuple[tuple[frozenset[str], int, int], ...]

    @property
    def key(self) -> Key:
        return self.slug, self.number, self.track

    @property
    def unlisted(self) -> bool:
        """The schedule is not listed: it may fit any search, so the finder keeps it."""
        return not self.sessions


def _minutes(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


@cache
def listed() -> tuple[Listed, ...]:
    rows = []
    for path in sorted(PROVIDERS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        places = {loc["id"]: loc for loc in data["locations"]}
        for number, program in enumerate(data["programs"], 1):
            if program.get("schedule_status") == "not_listed":  # shown as one empty track
                rows.append(Listed(path.stem, number, "", program,
                                   places[program["location"]], ()))
            for track in program.get("tracks", ()):
                sessions = tuple((frozenset(s["days"]), _minutes(s["start"]), _minutes(s["end"]))
                                 for s in track["sessions"])
                rows.append(Listed(path.stem, number, track["name"], program,
                                   places[program["location"]], sessions))
    return tuple(rows)


def as_lived(row: Listed, zone: str, now: dt.datetime = NOW
             ) -> tuple[tuple[frozenset[str], int, int], ...]:
    """Sessions in the person's zone for telehealth and hybrid programs, else local times, with
    the offsets of `now` (the browser's pinned clock)."""
    if row.program["format"] == "in_person":
        return row.sessions
    mine = now.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    theirs = now.astimezone(zoneinfo.ZoneInfo(row.location["timezone"])).utcoffset()
    assert mine is not None and theirs is not None
    shift = int((mine - theirs).total_seconds() // 60)
    moved = []
    for days, start, end in row.sessions:
        day_shift, new_start = divmod(start + shift, 24 * 60)
        new_days = frozenset(DAY_CODES[(DAY_CODES.index(d) + day_shift) % 7] for d in days)
        moved.append((new_days, new_start, new_start + end - start))
    return tuple(moved)


def expect(test: Callable[[Listed], bool]) -> set[Key]:
    return {row.key for row in listed() if test(row)}


def fits(days: set[str], start: str | None = None, end: str | None = None, zone: str = ZONE,
         now: dt.datetime = NOW) -> Callable[[Listed], bool]:
    low = _minutes(start) if start else 0
    high = _minutes(end) if end else 48 * 60

    def test(row: Listed) -> bool:
        return all(d <= days and s >= low and e <= high for d, s, e in as_lived(row, zone, now))

    return test


def evening(row: Listed) -> bool:
    return row.unlisted or any(start >= 17 * 60 for _, start, _ in as_lived(row, ZONE))


def weekend(row: Listed) -> bool:
    return row.unlisted or any(days & {"sat", "sun"} for days, _, _ in as_lived(row, ZONE))


def miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))


def zip_centroid(code: str) -> tuple[float, float, str]:
    (row,) = zipcodes.matching(code)  # type: ignore[no-untyped-call]
    return float(row["lat"]), float(row["long"]), str(row["state"])


def distance_from(code: str, row: Listed) -> float:
    lat, lon, _ = zip_centroid(code)
    return miles(lat, lon, row.location["latitude"], row.location["longitude"])


def near(code: str, limit: float) -> Callable[[Listed], bool]:
    """In person within the distance; telehealth licensed in the ZIP's state; hybrid either."""
    state = zip_centroid(code)[2]

    def test(row: Listed) -> bool:
        fmt = row.program["format"]
        close = fmt != "telehealth" and distance_from(code, row) <= limit
        licensed = state in (row.program.get("telehealth_states") or [row.location["state"]])
        return close or (fmt != "in_person" and licensed)

    return test


# Driving the page --------------------------------------------------------------------------


def open_finder(visit: Visit, site: Server, query: str = "", now: dt.datetime = NOW) -> Page:
    page = visit.page
    page.clock.set_fixed_time(now)  # time-zone offsets of a known day, whatever the season
    page.goto(f"{site.url}finder/{query}")
    settle(page)
    return page


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, timeout=10_000)


def choose(page: Page, **filters: Any) -> None:
    """Set filters the way a person does: by the controls' visible labels."""
    for code in filters.pop("days", ()):
        page.get_by_label(DAY_NAMES[code], exact=True).check()
    for name, label in (("start", "Earliest start"), ("end", "Latest end"),
                        ("text", "Name or city"), ("zip", "ZIP code")):
        if name in filters:
            page.get_by_label(label, exact=True).fill(filters.pop(name))
            settle(page)
    for name, label in (("evening", "Evening"), ("weekend", "Weekend")):
        if filters.pop(name, False):
            page.get_by_label(label, exact=True).check()
    for label, value in filters.items():
        page.get_by_label(label, exact=True).select_option(value)
    settle(page)


def results(page: Page) -> set[Key]:
    rows = page.eval_on_selector_all(
        ".finder-result", "els => els.map(e => [e.dataset.provider, +e.dataset.program, "
                          "e.dataset.track])")
    return {(slug, number, track) for slug, number, track in rows}


def status(page: Page) -> str:
    return page.locator("#iop-finder-status").inner_text()


@pytest.fixture
def finder(visit_with: Callable[..., Visit], site: Server) -> Iterator[tuple[Visit, Page]]:
    visit = visit_with(timezone_id=ZONE)
    yield visit, open_finder(visit, site)
    assert visit.third_party == []
    assert visit.console_errors == []
    assert visit.dialogs == []


# The filter combinations of the issue, and more ----------------------------------------------

WEEKDAYS = {"mon", "tue", "wed", "thu", "fri"}
COMBINATIONS: dict[str, tuple[Filters, Callable[[Listed], bool]]] = {
    "weekday 9-to-5 worker": (
        {"days": sorted(WEEKDAYS), "start": "17:30", "end": "22:00"},
        fits(WEEKDAYS, "17:30", "22:00")),
    "evening only": ({"evening": True}, evening),
    "weekend only": ({"weekend": True}, weekend),
    "evening or weekend": ({"evening": True, "weekend": True},
                           lambda r: evening(r) or weekend(r)),
    "insurance and language": (
        {"Insurance or payment": "medicaid", "Language": "es"},
        lambda r: "medicaid" in r.program["payment"] and "es" in r.program["languages"]),
    "zip and distance": ({"zip": "97201", "Distance": "10"}, near("97201", 10)),
    "adolescents": ({"Population": "adolescents"},
                    lambda r: "adolescents" in r.program["populations"]),
    "telehealth": ({"Format": "telehealth"}, lambda r: r.program["format"] == "telehealth"),
    "medication offered and accepting now": (
        {"Medication for addiction treatment": "offered", "Accepting new patients": "yes"},
        lambda r: (r.program.get("medication_for_addiction_treatment") == "offered"
                   and r.program["accepting_new_patients"]["status"] == "yes")),
    "partial hospitalization, mornings from 9": (
        {"Level of care": "php", "start": "09:00"},
        lambda r: r.program["level_of_care"] == "php" and fits(set(DAY_CODES), "09:00")(r)),
    "name or city": ({"text": "chicago"}, lambda r: r.location["city"] == "Chicago"),
    "weekend days, morning, in Spanish": (
        {"days": ["sat", "sun"], "end": "14:00", "Language": "es"},
        lambda r: fits({"sat", "sun"}, None, "14:00")(r) and "es" in r.program["languages"]),
}


@pytest.mark.parametrize("name", COMBINATIONS)
def test_filters_match_what_the_listings_say(finder: tuple[Visit, Page], name: str) -> None:
    filters, rule = COMBINATIONS[name]
    _, page = finder
    choose(page, **dict(filters))
    wanted = expect(rule)
    assert wanted, f"{name}: the sample data should have matches"
    assert results(page) == wanted
    assert status(page).startswith(f"{sum(1 for k in wanted if k[2])} schedule")


def test_every_track_is_listed_with_its_own_times_by_default(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    assert results(page) == expect(lambda r: True)
    assert status(page).startswith(f"All {sum(1 for r in listed() if not r.unlisted)} schedules")
    rows = page.eval_on_selector_all(".finder-result", "els => els.map(e => ({...e.dataset}))")
    by_key = {(r["provider"], int(r["program"]), r["track"]): r for r in rows}
    for row in listed():
        shown = by_key[row.key]
        if row.unlisted:
            assert (shown["trackDays"], shown["trackStart"], shown["unlisted"]) == ("", "", "1")
            continue
        days = set().union(*(d for d, _, _ in row.sessions))
        assert shown["trackDays"] == ",".join(d for d in DAY_CODES if d in days)
        assert shown["trackStart"] == f"{min(s for _, s, _ in row.sessions) // 60:02d}:" \
                                      f"{min(s for _, s, _ in row.sessions) % 60:02d}"
        latest = max(e for _, _, e in row.sessions)
        assert shown["trackEnd"] == f"{latest // 60:02d}:{latest % 60:02d}"
        assert shown["trackZone"] == row.location["timezone"]


def test_nothing_matches_says_so_and_suggests_how_to_widen(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, days=["sun"], start="06:00", end="08:00", **{"Level of care": "php"})
    assert expect(lambda r: fits({"sun"}, "06:00", "08:00")(r)
                  and r.program["level_of_care"] == "php") == set()
    assert results(page) == set()
    assert status(page) == "No program schedules match your search."
    empty = page.locator("#iop-finder-empty")
    text = empty.inner_text()
    assert "To widen the search" in text
    assert "Choose more days" in text
    assert "earlier start or a later end" in text
    assert "Set Level of care back to Any" in text
    empty.get_by_role("button", name="Clear all filters").click()
    settle(page)
    assert results(page) == expect(lambda r: True)
    assert page.url.endswith("/finder/")


def test_distance_sorts_nearest_first_then_telehealth_in_your_state(
        finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, zip="97201", **{"Distance": "25"})
    rows = page.eval_on_selector_all(
        ".finder-result", "els => els.map(e => [e.dataset.provider, +e.dataset.program, "
                          "e.dataset.track, e.querySelector('.finder-result__where').textContent])")
    assert {(a, b, c) for a, b, c, _ in rows} == expect(near("97201", 25))
    by_key = {row.key: row for row in listed()}
    nearby = [by_key[(a, b, c)] for a, b, c, where in rows if "miles away" in where]
    by_video = [by_key[(a, b, c)] for a, b, c, where in rows if "available in your state" in where]
    assert nearby and by_video and len(nearby) + len(by_video) == len(rows)
    assert rows[: len(nearby)] == [r for r in rows if "miles away" in r[3]]
    gaps = [distance_from("97201", r) for r in nearby]
    assert gaps == sorted(gaps)
    assert all(r.program["format"] == "telehealth" or distance_from("97201", r) > 25
               for r in by_video)


def test_zip_table_loads_only_once_a_zip_is_typed(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    choose(page, **{"Language": "es"})
    assert not any(url.endswith("/zips.json") for url in seen)
    choose(page, zip="9720")
    assert not any(url.endswith("/zips.json") for url in seen)
    assert "five digits" in page.locator("#iop-finder-zip-note").inner_text()
    choose(page, zip="97201")
    assert any(url.endswith("/finder/zips.json") for url in seen)
    choose(page, zip="00000")
    assert "was not found" in page.locator("#iop-finder-zip-note").inner_text()


# Time zones ----------------------------------------------------------------------------------


def test_telehealth_times_are_shown_in_your_own_time_too(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    item = page.locator('.finder-result[data-provider="cardamom-kite-virtual-recovery"]'
                        '[data-track="Evening track"]')
    assert item.get_attribute("data-track-start") == "18:30"  # the listing's own times
    assert "Mon, Tue, Thu 6:30 PM to 9:30 PM Central time" in item.inner_text()
    assert "Mon, Tue, Thu 7:30 PM to 10:30 PM your time" in item.inner_text()
    in_person = page.locator('.finder-result[data-provider="armadillo-hollow-counseling-guild"]')
    assert "your time" not in in_person.first.inner_text()


@pytest.mark.parametrize(("now", "yours"), [
    (WINTER, "9:30 AM to 12:30 PM"),  # Tokyo is 15 hours ahead of US Central standard time
    (SUMMER, "8:30 AM to 11:30 AM"),  # and 14 hours ahead of US Central daylight time
], ids=["winter", "summer"])
def test_a_day_shift_across_midnight_moves_the_day(visit_with: Callable[..., Visit],
                                                    site: Server, now: dt.datetime,
                                                    yours: str) -> None:
    visit = visit_with(timezone_id="Asia/Tokyo")
    page = open_finder(visit, site, now=now)
    choose(page, days=["tue", "wed", "fri"], start="08:00", end="13:00",
           **{"Format": "telehealth"})
    wanted = expect(lambda r: r.program["format"] == "telehealth"
                    and fits({"tue", "wed", "fri"}, "08:00", "13:00", "Asia/Tokyo", now)(r))
    assert ("cardamom-kite-virtual-recovery", 1, "Evening track") in wanted
    assert results(page) == wanted
    item = page.locator('.finder-result[data-track="Evening track"]'
                        '[data-provider="cardamom-kite-virtual-recovery"]')
    assert item.get_attribute("data-track-days") == "mon,tue,thu"
    assert f"Tue, Wed, Fri {yours} your time" in item.inner_text()
    assert visit.console_errors == []


# URL, keyboard, accessibility, privacy -------------------------------------------------------


def form_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate("""() => {
      const f = document.getElementById('iop-finder-form');
      const out = {days: [...f.querySelectorAll('input[name=days]:checked')].map(b => b.value)};
      for (const el of f.querySelectorAll('input:not([name=days]), select')) {
        out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
      }
      return out;
    }""")
    return state


def back(page: Page, replaced: bool, forward: bool = False) -> None:
    """Back (or forward) to another search of the finder. The first such move after the page
    loaded is also Material's first location change: its instant navigation then replaces the
    page with a fresh copy a moment later, whose finder starts again from the address, and the
    test must wait for that finder, not the one being replaced. Later moves on the same page
    leave the page in place (Material fetches a page only when the path changes)."""
    if replaced:
        page.evaluate("document.getElementById('iop-finder').dataset.replaced = '1'")
    if forward:
        page.go_forward()
    else:
        page.go_back()
    if replaced:
        page.wait_for_function("() => { const root = document.getElementById('iop-finder'); "
                               "return root && !root.dataset.replaced; }")
    settle(page)


def test_a_copied_link_reopens_the_same_search_and_back_works(
        visit_with: Callable[..., Visit], site: Server) -> None:
    first = visit_with(timezone_id=ZONE)
    page = open_finder(first, site)
    choose(page, days=["mon", "tue", "wed", "thu"], start="17:00")
    before_language = results(page)
    choose(page, **{"Insurance or payment": "medicaid", "Language": "es"})
    choose(page, zip="97201")
    choose(page, **{"Distance": "25"})
    query = page.url.split("?", 1)[1]
    assert query == "days=mon,tue,wed,thu&from=17:00&pay=medicaid&lang=es&zip=97201&miles=25"
    state, found = form_state(page), results(page)
    assert found == expect(lambda r: fits({"mon", "tue", "wed", "thu"}, "17:00")(r)
                           and "medicaid" in r.program["payment"]
                           and "es" in r.program["languages"] and near("97201", 25)(r))

    second = visit_with(timezone_id=ZONE)
    fresh = open_finder(second, site, "?" + query)
    assert form_state(fresh) == state
    assert results(fresh) == found

    back(page, replaced=True)  # before the distance
    assert form_state(page)["miles"] == "" and form_state(page)["zip"] == "97201"
    back(page, replaced=False)  # before the ZIP code
    back(page, replaced=False)  # before the language
    assert form_state(page)["lang"] == "" and form_state(page)["pay"] == "medicaid"
    back(page, replaced=False)  # before the payment
    assert results(page) == before_language
    back(page, replaced=False, forward=True)
    assert form_state(page)["pay"] == "medicaid"


def test_keyboard_alone_works(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    page.evaluate("window.__stayed = true")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "sat":
            break
    else:
        pytest.fail("Tab never reached the Saturday checkbox")
    label = page.locator("label.iop-finder__check", has_text="Saturday")
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus shows
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Sunday
    settle(page)
    assert results(page) == expect(fits({"sat", "sun"}))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    page.keyboard.type("phoenix")
    page.keyboard.press("Enter")  # submits without leaving the page, then jumps to results
    settle(page)
    assert page.evaluate("window.__stayed") is True
    assert page.evaluate("document.activeElement.id") == "iop-finder-results-title"
    assert results(page) == expect(lambda r: fits({"sat", "sun"})(r)
                                   and r.location["city"] == "Phoenix")
    assert "q=phoenix" in page.url


def test_axe_finds_no_violations_with_results_and_without(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, zip="97201", **{"Format": "telehealth"})
    assert results(page)
    found = Axe().run(page)
    assert found.violations_count == 0, found.generate_report()
    choose(page, days=["sun"], start="06:00", end="07:00")
    assert results(page) == set()
    found = Axe().run(page)
    assert found.violations_count == 0, found.generate_report()


def repeated(index: dict[str, Any], times: int) -> dict[str, Any]:
    """The index with every provider listed `times` times over (columns repeated)."""
    out = dict(index)
    out["provider"] = {k: v * times for k, v in index["provider"].items()}
    loc = index["location"]
    out["location"] = {**{k: v * times for k, v in loc.items()}, "cities": loc["cities"],
                       "lat": _repeat_deltas(loc["lat"], times),
                       "lon": _repeat_deltas(loc["lon"], times)}
    prog = index["program"]
    count = len(prog["tracks"])
    out["program"] = {**{k: v * times for k, v in prog.items()}, "names": prog["names"],
                      "tele": _repeat_tele(prog["tele"], count, times)}
    out["track"] = {**{k: v * times for k, v in index["track"].items()},
                    "names": index["track"]["names"]}
    return out


def _repeat_deltas(deltas: list[int], times: int) -> list[int]:
    again = [deltas[0] - sum(deltas), *deltas[1:]] if deltas else []
    return deltas + again * (times - 1)


def _repeat_tele(flat: list[int], programs: int, times: int) -> list[int]:
    if not flat:
        return []
    entries, i, last = [], 0, 0
    while i < len(flat):
        last += flat[i]
        entries.append(flat[i:i + 2 + flat[i + 1]])
        i += 2 + flat[i + 1]
    again = [[entries[0][0] + programs - last, *entries[0][1:]], *entries[1:]]
    return flat + [n for _ in range(times - 1) for entry in again for n in entry]


def test_show_more_draws_the_next_results_and_moves_focus_there(
        visit_with: Callable[..., Visit], site: Server) -> None:
    index = json.loads((site.root / "finder" / "index.json").read_text(encoding="utf-8"))
    visit = visit_with(timezone_id=ZONE)
    visit.page.route("**/finder/index.json", lambda route: route.fulfill(
        json=repeated(index, 3)))
    page = open_finder(visit, site)
    total = 3 * len(listed())
    scheduled = 3 * sum(1 for r in listed() if not r.unlisted)
    assert status(page).startswith(f"All {scheduled} schedules") and "first 50" in status(page)
    assert page.locator(".finder-result").count() == 50
    more = page.get_by_role("button", name=re.compile("Show more results"))
    more.click()
    assert page.locator(".finder-result").count() == 100
    assert page.evaluate("document.activeElement.closest('.finder-result') === "
                         "document.querySelectorAll('.finder-result')[50]")
    more.click()
    assert page.locator(".finder-result").count() == total and not more.is_visible()
    keys = [row.key for row in listed()]
    drawn = page.eval_on_selector_all(".finder-result", "els => els.map(e => [e.dataset.provider, "
                                      "+e.dataset.program, e.dataset.track])")
    assert [tuple(d) for d in drawn[: len(keys)]] == sorted(keys, key=_default_order)


def _default_order(key: Key) -> tuple[str, int, int]:
    """Provider name, then programs and tracks as the listing gives them."""
    row = next(r for r in listed() if r.key == key)
    same_program = [r.track for r in listed() if r.slug == row.slug and r.number == row.number]
    return _provider_names()[row.slug].casefold(), row.number, same_program.index(row.track)


@cache
def _provider_names() -> dict[str, str]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
            for path in PROVIDERS.glob("*.yaml")}


def test_a_failed_load_says_so_and_links_the_browse_pages(visit: Visit, site: Server) -> None:
    visit.page.route("**/finder/index.json", lambda route: route.fulfill(status=503))
    visit.page.goto(f"{site.url}finder/")
    visit.page.wait_for_function("document.getElementById('iop-finder').dataset.loaded === "
                                 "'error'")
    assert "could not be loaded" in status(visit.page)
    link = visit.page.locator("#iop-finder-status a")
    assert link.get_attribute("href") == "../browse/"


def test_every_control_has_a_visible_label(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    for label in ("Earliest start", "Latest end", "Evening", "Weekend", "Level of care",
                  "Insurance or payment", "Language", "Format", "Population",
                  "Medication for addiction treatment", "Accepting new patients",
                  "Name or city", "ZIP code", "Distance", *DAY_NAMES.values()):
        control = page.get_by_label(label, exact=True)
        assert control.count() == 1, label
        control_id = control.evaluate("el => el.id || el.closest('label').textContent")
        assert control_id, label
    assert page.get_by_role("group", name="Days I can attend").is_visible()
    distance = page.get_by_label("Distance", exact=True)
    assert distance.locator("option").all_inner_texts() == [
        "Any distance", "5 miles", "10 miles", "25 miles", "50 miles", "100 miles"]
    assert page.locator("#iop-finder-status").get_attribute("aria-live") == "polite"


def test_listing_text_never_goes_in_as_html() -> None:
    scripts = sorted((theme.DOCS / "javascripts" / "finder").glob("*.js"))
    assert scripts
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, script.name


def test_without_javascript_the_page_says_so_and_links_the_browse_pages(
        visit_with: Callable[..., Visit], site: Server) -> None:
    visit = visit_with(java_script_enabled=False)
    page = visit.page
    page.goto(f"{site.url}finder/")
    notice = page.locator(".iop-finder-noscript")
    assert notice.is_visible()
    assert "The finder needs JavaScript" in notice.inner_text()
    assert not page.locator("#iop-finder").is_visible()
    for name in ("Evening programs", "Weekend programs", "Telehealth programs",
                 "Programs by state"):
        link = notice.get_by_role("link", name=name)
        href = link.get_attribute("href")
        assert href is not None
        response = page.request.get(f"{site.url}finder/{href}")
        assert response.ok, href
    assert visit.third_party == []


def test_use_my_location_fills_the_nearest_zip_and_sends_nothing(
        visit_with: Callable[..., Visit], site: Server) -> None:
    visit = visit_with(timezone_id=ZONE, permissions=["geolocation"],
                       geolocation={"latitude": 45.5152, "longitude": -122.6784})
    page = open_finder(visit, site)
    choose(page, **{"Distance": "10"})
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_function("document.getElementById('iop-finder-zip').value.length === 5")
    settle(page)
    code = page.get_by_label("ZIP code", exact=True).input_value()
    assert zip_centroid(code)[2] == "OR"
    assert "Using your location" in page.locator("#iop-finder-zip-note").inner_text()
    wheres = page.locator(".finder-result__where").all_inner_texts()
    assert wheres and all("miles away" in w or "available in your state" in w for w in wheres)
    assert f"zip={code}" in page.url and "45.5" not in page.url
    assert visit.third_party == [] and visit.console_errors == []


def test_fits_a_phone_screen(visit_with: Callable[..., Visit], site: Server) -> None:
    visit = visit_with(timezone_id=ZONE, viewport={"width": 390, "height": 844})
    page = open_finder(visit, site)
    choose(page, evening=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert page.get_by_label("Monday", exact=True).is_visible()


# Instant navigation needs a site_url: Material only follows links its sitemap lists, matched
# by port as well, so serve first and build a copy of the site whose site_url has that port.


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    work = tmp_path_factory.mktemp("instant")
    (work / "site").mkdir()
    server = serve(work / "site")
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_url: {server.url}\n"
        f"docs_dir: {ROOT / 'docs'}\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--providers", str(PROVIDERS),
         "--config", str(config), "--site-dir", str(work / "site"), "--strict",
         "--today", TODAY.isoformat()],
        cwd=ROOT, check=True, capture_output=True, text=True)
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_instant_navigation_opens_a_working_finder(browser: Browser,
                                                   site_with_url: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=ZONE)
    try:
        visit = watch(context, site_with_url)
        page = visit.page
        page.clock.set_fixed_time(NOW)
        page.goto(site_with_url.url)
        page.wait_for_load_state("networkidle")  # Material has read the sitemap
        page.evaluate("window.__stayed = true")
        page.locator(".md-nav--primary").get_by_role("link", name="Find a program").click()
        page.wait_for_url(re.compile(r"/finder/$"))
        settle(page)
        assert page.evaluate("window.__stayed") is True  # no full reload
        assert results(page) == expect(lambda r: True)
        choose(page, weekend=True)
        assert results(page) == expect(weekend)
        page.locator(".finder-result a").first.click()  # to a provider page, instantly
        page.wait_for_url(re.compile(r"/providers/[a-z0-9-]+/#program-\d+$"))
        page.locator(".iop-program").first.wait_for()  # the provider page is in place
        page.go_back()
        page.wait_for_url(re.compile(r"/finder/\?wknd=1$"))
        settle(page)
        assert page.get_by_label("Weekend", exact=True).is_checked()
        assert results(page) == expect(weekend)
        assert page.evaluate("window.__stayed") is True
        assert visit.third_party == [] and visit.console_errors == []
    finally:
        context.close()


def test_the_sample_data_keeps_these_tests_meaningful() -> None:
    """Guard: no sample program sits so near a tested distance limit that the index's rounding
    (ZIP centroids to 0.01 degree, under half a mile) could move it across."""
    for row in listed():
        for limit in (10, 25):
            assert abs(distance_from("97201", row) - limit) > 0.5, row.key


# Programs whose schedule is not listed -------------------------------------------------------


def test_unlisted_schedules_come_last_with_a_call_to_ask_and_can_be_left_out(
        finder: tuple[Visit, Page]) -> None:
    _, page = finder
    unlisted = {r.key for r in listed() if r.unlisted}
    assert unlisted, "the sample data should have a program whose schedule is not listed"
    choose(page, evening=True)
    rows = page.eval_on_selector_all(
        ".finder-result", "els => els.map(e => [e.dataset.provider, +e.dataset.program, "
                          "e.dataset.track, e.textContent])")
    keys = [(a, b, c) for a, b, c, _ in rows]
    assert set(keys[-len(unlisted):]) == unlisted  # after every schedule that fits
    assert all("Schedule not listed: call to ask about evening and weekend tracks." in text
               and "your time" not in text for a, b, c, text in rows if (a, b, c) in unlisted)
    fitting = sum(1 for k in keys if k not in unlisted)
    assert status(page) == (f"{fitting} schedules at "
                            f"{len({(a, b) for a, b, c in keys if c})} programs, and "
                            f"{len(unlisted)} program whose schedule is not listed "
                            "match your search.")
    page.get_by_label("Only programs that list their schedule").check()
    settle(page)
    assert results(page) == expect(lambda r: not r.unlisted and evening(r))
    assert "listed=1" in page.url and "eve=1" in page.url
    back(page, replaced=True)
    assert unlisted <= results(page)
