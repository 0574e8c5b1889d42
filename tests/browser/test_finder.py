"""The program finder in a real browser, checked against the listings themselves
(tests/browser/listings.py reads providers/*.yaml with its own reading of the rules)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from generator.model.links import tel_href
from generator.model.vocab import endonym
from generator.output import theme
from tests.browser.conftest import Server, Visit, axe_check, serve_at_own_address, watch
from tests.browser.finder_driver import (
    choose,
    groups,
    open_finder,
    settle,
    shown,
    shown_tracks,
    status,
)
from tests.browser.listings import (
    DAY_NAMES,
    NOW,
    SUMMER,
    WINTER,
    ZONE,
    Expected,
    Listed,
    call_number,
    distance_from,
    expected,
    listed,
    programs,
    week,
)
from tests.conftest import PROVIDERS

pytestmark = pytest.mark.browser


@pytest.fixture
def finder(visit_with: Callable[..., Visit], site: Server) -> Iterator[tuple[Visit, Page]]:
    visit = visit_with(timezone_id=ZONE)
    yield visit, open_finder(visit, site)
    assert visit.third_party == []
    assert visit.console_errors == []
    assert visit.dialogs == []


def check(page: Page, want: Expected) -> None:
    """The cards, by group, and the tracks on them, are exactly those expected."""
    assert groups(page) == want.groups
    assert shown_tracks(page) == want.tracks


# Searches people make ------------------------------------------------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
NINE_TO_FIVE = week(**{d: ("17:30", None) for d in WEEKDAYS}, sat=None, sun=None)
EVENINGS_AND_WEEKENDS = week(**{d: ("17:00", None) for d in WEEKDAYS}, sat=None, sun=None)
# Different hours on different days: Monday and Wednesday evenings, Saturday morning.
MIXED = week(mon=("17:30", "21:00"), wed=("17:00", "20:30"), sat=("09:00", "12:30"))


def _spanish(program: dict[str, Any], row: Listed) -> bool:
    return "es" in program["languages"]


COMBINATIONS: dict[str, tuple[dict[str, Any], Callable[[], Expected]]] = {
    "I work weekdays 9 to 5": ({"presets": ("nine-to-five",)}, lambda: expected(NINE_TO_FIVE)),
    "weekday evenings, and weekends any time": (
        {"presets": ("evenings", "weekends")}, lambda: expected(EVENINGS_AND_WEEKENDS)),
    "different hours on different days": ({"days": MIXED}, lambda: expected(MIXED)),
    "mornings, in Spanish": (
        {"presets": ("mornings",), "Language": "es"},
        lambda: expected(week(**{d: (None, "13:00") for d in DAY_NAMES}), program=_spanish)),
    "insurance and language": (
        {"Insurance_or_payment": "medicaid", "Language": "es"},
        lambda: expected(program=lambda p, r: "medicaid" in p["payment"] and _spanish(p, r))),
    "ZIP code and 10 miles": ({"zip": "97201", "miles": "10"},
                              lambda: expected(where=("97201", 10))),
    "ZIP code, 25 miles, weekday evenings": (
        {"zip": "97201", "presets": ("evenings",)},
        lambda: expected(week(**{d: ("17:00", None) for d in WEEKDAYS}), where=("97201", 25))),
    "adolescents": ({"Population": "adolescents"},
                    lambda: expected(program=lambda p, r: "adolescents" in p["populations"])),
    "entirely by video": ({"Format": "telehealth"},
                          lambda: expected(program=lambda p, r: p["format"] == "telehealth")),
    "medication offered, accepting now": (
        {"Medication_for_addiction_treatment": "offered", "Accepting_new_patients": "yes"},
        lambda: expected(program=lambda p, r: p.get("medication_for_addiction_treatment")
                         == "offered" and p["accepting_new_patients"]["status"] == "yes")),
    "name or city": ({"text": "chicago"},
                     lambda: expected(program=lambda p, r: r.location["city"] == "Chicago")),
    "only programs that list their hours": (
        {"presets": ("weekends",), "listed": True},
        lambda: expected(week(sat=None, sun=None), listed_only=True)),
}


@pytest.mark.parametrize("name", COMBINATIONS)
def test_searches_find_what_the_listings_say(finder: tuple[Visit, Page], name: str) -> None:
    controls, want = COMBINATIONS[name]
    _, page = finder
    choose(page, **controls)
    wanted = want()
    assert any(wanted.groups.values()), f"{name}: the sample data should have matches"
    check(page, wanted)


def test_a_track_ending_exactly_when_the_person_must_leave_fits(
        finder: tuple[Visit, Page]) -> None:
    """Lanternfish's evening track ends at 9:00 PM: free until 9:00 PM, it fits; until 8:59 PM
    it nearly fits, a minute late."""
    _, page = finder
    key = ("lanternfish-recovery-collective", 1, "Evening track")
    row = next(r for r in listed() if r.key == key)
    assert max(end for _, _, end in row.sessions) == 21 * 60
    days = {day for days_, _, _ in row.sessions for day in days_}
    choose(page, days=week(**{d: ("17:00", "21:00") for d in days}))
    assert key in shown_tracks(page) and key[:2] in groups(page)["fit"]
    choose(page, days=week(**{d: ("17:00", "20:59") for d in days}))
    assert key[:2] in groups(page)["close"]
    card = page.locator('.finder-result[data-provider="lanternfish-recovery-collective"]'
                        '[data-program="1"]')
    assert "Ends 1 minute after your hours on" in card.inner_text()


def test_near_misses_follow_the_fits_saying_by_how_much(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, presets=("evenings",))
    order = list(shown(page))
    assert order.index("fit") < order.index("close") < order.index("unlisted")
    close = shown(page)["close"]
    assert close
    for slug, number in close:
        card = page.locator(f'.finder-result[data-provider="{slug}"][data-program="{number}"]')
        for item in card.locator(".finder-track").all():
            text = item.inner_text()
            assert re.search(r"(Starts|Ends) (\d+ minutes|1 hour) (before you are free|after "
                             r"your hours) on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\.", text)
    # The smallest miss first.
    misses = [int(m) for m in page.eval_on_selector_all(
        '[data-group="close"] .finder-result', "els => els.map(e => Math.min(...[...e."
        "querySelectorAll('[data-miss]')].map(t => +t.dataset.miss)))")]
    assert misses == sorted(misses) and max(misses) <= 60


def test_every_program_by_default_with_its_own_times(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    check(page, expected())  # every card drawn
    rows = page.eval_on_selector_all(
        ".finder-result", "els => els.flatMap(c => [...c.querySelectorAll('.finder-track')]"
        ".map(t => ({provider: c.dataset.provider, program: +c.dataset.program, ...t.dataset})))")
    by_key = {(r["provider"], r["program"], r["track"]): r for r in rows}
    for row in listed():
        if row.unlisted:
            continue
        shown_row = by_key[row.key]
        days = set().union(*(d for d, _, _ in row.sessions))
        assert shown_row["trackDays"] == ",".join(d for d in DAY_NAMES if d in days)
        first = min(s for _, s, _ in row.sessions)
        assert shown_row["trackStart"] == f"{first // 60:02d}:{first % 60:02d}"
        assert shown_row["trackZone"] == row.location["timezone"]
        assert shown_row["trackNumber"] == str(row.track_number)


def test_one_card_per_program_with_a_call_button_and_languages(
        finder: tuple[Visit, Page]) -> None:
    _, page = finder
    keys = [key for group in shown(page).values() for key in group]
    cards = page.locator(".finder-result")
    assert len(keys) == len(set(keys)) == len(programs())
    for i in range(cards.count()):
        card = cards.nth(i)
        key = (card.get_attribute("data-provider") or "", int(card.get_attribute("data-program")
                                                              or 0))
        row = programs()[key][0]
        call = card.locator("a.finder-result__call")
        assert call.get_attribute("href") == tel_href(call_number(row))
        assert call.inner_text() == f"Call {call_number(row)}"
        langs = card.locator(".finder-result__langs").inner_text()
        assert langs.startswith("Languages: ")
        assert sorted(langs.removeprefix("Languages: ").split(", ")) == sorted(
            endonym(code) for code in row.program["languages"])  # as their speakers write them
        names = [t.get_attribute("data-track") for t in card.locator(".finder-track").all()]
        assert names == [r.track for r in programs()[key] if not r.unlisted]


def test_evening_and_weekend_badges_describe_the_whole_track(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    badges = page.eval_on_selector_all(
        ".finder-result", "els => els.flatMap(c => [...c.querySelectorAll('.finder-track')]"
        ".map(t => [c.dataset.provider, +c.dataset.program, t.dataset.track, "
        "!!t.querySelector('.iop-badge--evening'), !!t.querySelector('.iop-badge--weekend')]))")
    by_key = {row.key: row for row in listed()}
    mixed = 0
    for slug, number, track, evening, weekend in badges:
        row = by_key[(slug, number, track)]
        assert (evening, weekend) == (row.evening, row.weekend), row.key
        mixed += any(s >= 17 * 60 for _, s, _ in row.sessions) and not row.evening
    assert mixed, "the sample data should have a track with one evening session among others"


def test_nothing_matches_says_so_and_suggests_how_to_widen(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, days=week(sun=("06:00", "07:00")), Level_of_care="php")
    assert not any(expected(week(sun=("06:00", "07:00")),
                            program=lambda p, r: p["level_of_care"] == "php").groups.values())
    assert shown(page) == {}
    assert status(page) == "No program matches your search."
    assert page.locator("#iop-finder-show").inner_text() == "Show results"
    empty = page.locator("#iop-finder-empty")
    text = empty.inner_text()
    assert "To widen the search" in text
    assert "Choose more days or longer hours" in text
    assert "Set Level of care back to Any" in text
    empty.get_by_role("button", name="Clear all filters").click()
    settle(page)
    check(page, expected())
    assert page.url.endswith("/finder/")


# Where ---------------------------------------------------------------------------------------


def test_in_person_by_distance_then_video_in_its_own_labelled_group(
        finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, zip="97201")  # 25 miles once a ZIP code is given
    assert page.get_by_label("Distance", exact=True).input_value() == "25"
    check(page, expected(where=("97201", 25)))
    found = shown(page)
    assert list(found)[:2] == ["near", "video"]
    rows = {key: rows[0] for key, rows in programs().items()}
    near = [distance_from("97201", rows[k]) for k in found["near"]]
    assert near == sorted(near) and max(near) <= 25
    assert all(rows[k].program["format"] != "telehealth" for k in found["near"])
    assert any(rows[k].program["format"] == "hybrid" for k in found["near"])
    assert all(rows[k].program["format"] == "telehealth" for k in found["video"])
    title = page.locator('[data-group="video"] h3').inner_text()
    assert title == f"By video, from anywhere in Oregon ({len(found['video'])})"
    assert page.locator('[data-group="near"] h3').inner_text().startswith(
        "In person, within 25 miles of ZIP 97201")
    for where in page.locator('[data-group="near"] .finder-result__where').all_inner_texts():
        assert re.search(r"· (\d+(\.\d)? miles|less than 0\.1 miles) away$", where), where


def test_a_hybrid_program_far_away_is_not_found_by_state(finder: tuple[Visit, Page]) -> None:
    """Quillwort (Beaverton, OR) meets in person with some sessions by video: from Ashland, OR,
    far beyond 25 miles, it is not offered as if it could be attended from anywhere."""
    _, page = finder
    choose(page, zip="97520")
    hybrid = {k for k, rows in programs().items() if rows[0].program["format"] == "hybrid"
              and rows[0].location["state"] == "OR"}
    assert hybrid and not hybrid & set().union(*groups(page).values())
    check(page, expected(where=("97520", 25)))


def test_distances_to_a_zip_code_centre_say_so(visit_with: Callable[..., Visit],
                                               site: Server) -> None:
    index = json.loads((site.root / "finder" / "index.json").read_text(encoding="utf-8"))
    count = len(index["location"]["lat"])
    index["location"]["approx"] = "1" * count  # every point a ZIP code's centre
    visit = visit_with(timezone_id=ZONE)
    visit.page.route("**/finder/index.json", lambda route: route.fulfill(json=index))
    page = open_finder(visit, site, "?zip=97201")
    wheres = page.locator('[data-group="near"] .finder-result__where').all_inner_texts()
    assert wheres
    for where in wheres:
        assert re.search(r"· (about \d+ miles?|less than 1 mile), by ZIP code$", where), where


def test_zip_table_loads_only_once_a_zip_is_typed(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    choose(page, Language="es")
    assert not any(url.endswith("/zips.json") for url in seen)
    choose(page, zip="9720")
    assert not any(url.endswith("/zips.json") for url in seen)
    assert "five digits" in page.locator("#iop-finder-zip-note").inner_text()
    choose(page, zip="97201")
    assert any(url.endswith("/finder/zips.json") for url in seen)
    choose(page, zip="00000")
    assert "was not found" in page.locator("#iop-finder-zip-note").inner_text()


def test_use_my_location_fills_the_nearest_zip_and_sends_nothing(
        visit_with: Callable[..., Visit], site: Server) -> None:
    visit = visit_with(timezone_id=ZONE, permissions=["geolocation"],
                       geolocation={"latitude": 45.5152, "longitude": -122.6784})
    page = open_finder(visit, site)
    choose(page, miles="10")
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_function("() => document.getElementById('iop-finder-zip').value.length === 5")
    settle(page)
    code = page.get_by_label("ZIP code", exact=True).input_value()
    assert "Using your location" in page.locator("#iop-finder-zip-note").inner_text()
    assert set(shown(page)) <= {"near", "video", "unlisted"}
    assert f"zip={code}" in page.url and "45.5" not in page.url
    assert visit.third_party == [] and visit.console_errors == []


# Counts and states ---------------------------------------------------------------------------


def test_the_status_and_the_button_count_the_same_programs(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    for controls in ({}, {"zip": "97201"}, {"presets": ("evenings",)}, {"miles": "5"}):
        choose(page, **controls)
        drawn = page.locator(".finder-result").count()
        assert drawn <= 20 and ("Showing the first 20" in status(page)) == (drawn == 20)
        cards = sum(len(keys) for keys in shown(page).values())
        word = "program" if cards == 1 else "programs"
        assert status(page).startswith(f"{cards} {word}")
        assert page.locator("#iop-finder-show").inner_text() == f"Show {cards} {word}"
        heads = page.locator("section[data-group] h3").all_inner_texts()
        assert sum(int(h.rsplit("(", 1)[1].rstrip(")")) for h in heads) == cards


def test_nothing_nearby_lists_hours_says_so_and_lists_them_to_call(
        finder: tuple[Visit, Page]) -> None:
    """In Austin, the only outpatient program has not listed its hours."""
    _, page = finder
    choose(page, zip="78701", Level_of_care="outpatient")
    want = expected(where=("78701", 25), program=lambda p, r: p["level_of_care"] == "outpatient")
    assert want.groups["unlisted"] and not any(v for g, v in want.groups.items() if g != "unlisted")
    check(page, want)
    assert len(want.groups["unlisted"]) == 1
    assert status(page) == ("1 program within 25 miles of ZIP 78701. It has not listed its "
                            "hours yet: call to ask when it meets.")
    assert page.locator("#iop-finder-show").inner_text() == "Show 1 program"
    card = page.locator('[data-group="unlisted"] .finder-result').first
    assert "Hours not listed: call to ask" in card.inner_text()
    assert card.locator("a[href^='tel:']").count() == 1


def test_hours_not_listed_come_last_and_can_be_left_out(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    unlisted = {r.program_key for r in listed() if r.unlisted}
    assert unlisted, "the sample data should have a program whose hours are not listed"
    choose(page, presets=("evenings",))
    assert list(shown(page))[-1] == "unlisted" and set(shown(page)["unlisted"]) == unlisted
    choose(page, listed=True)
    assert "unlisted" not in shown(page)
    assert "listed=1" in page.url


# Time zones ----------------------------------------------------------------------------------


def test_video_times_are_shown_in_your_own_time_too(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    item = page.locator('.finder-result[data-provider="cardamom-kite-virtual-recovery"] '
                        '.finder-track[data-track="Evening track"]')
    assert item.get_attribute("data-track-start") == "18:30"  # the listing's own times
    assert "Mon, Tue, Thu 6:30 PM to 9:30 PM Central time" in item.inner_text()
    assert "Mon, Tue, Thu 7:30 PM to 10:30 PM your time" in item.inner_text()
    hybrid = page.locator('.finder-result[data-provider="snapdragon-sparrow-recovery-studio"]')
    assert "your time" not in hybrid.first.inner_text()  # meets in person: local times


@pytest.mark.parametrize(("now", "yours"), [
    (WINTER, "9:30 AM to 12:30 PM"),  # Tokyo is 15 hours ahead of US Central standard time
    (SUMMER, "8:30 AM to 11:30 AM"),  # and 14 hours ahead of US Central daylight time
], ids=["winter", "summer"])
def test_a_day_shift_across_midnight_moves_the_day(visit_with: Callable[..., Visit],
                                                    site: Server, now: dt.datetime,
                                                    yours: str) -> None:
    visit = visit_with(timezone_id="Asia/Tokyo")
    page = open_finder(visit, site, now=now)
    free = week(tue=("08:00", "13:00"), wed=("08:00", "13:00"), fri=("08:00", "13:00"))
    choose(page, days=free, Format="telehealth")
    want = expected(free, program=lambda p, r: p["format"] == "telehealth", zone="Asia/Tokyo",
                    now=now)
    assert ("cardamom-kite-virtual-recovery", 1, "Evening track") in want.tracks
    check(page, want)
    item = page.locator('.finder-result[data-provider="cardamom-kite-virtual-recovery"] '
                        '.finder-track[data-track="Evening track"]')
    assert item.get_attribute("data-track-days") == "mon,tue,thu"
    assert f"Tue, Wed, Fri {yours} your time" in item.inner_text()
    assert visit.console_errors == []


# Keyboard, accessibility, robustness ---------------------------------------------------------


def test_keyboard_alone_works(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    page.evaluate("window.__stayed = true")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#iop-finder-week') !== null"):
            break
    else:
        pytest.fail("Tab never reached 'Days and hours'")
    page.keyboard.press("Enter")  # unfolds the days
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "sat":
            break
    else:
        pytest.fail("Tab never reached the Saturday checkbox")
    label = page.locator("label.iop-finder__check", has_text="Saturday")
    assert label.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus shows
    page.keyboard.press("Space")
    for _ in range(20):  # past Saturday's hours (each time field has a stop per part)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "sun":
            break
    page.keyboard.press("Space")
    settle(page)
    check(page, expected(week(sat=None, sun=None)))
    assert page.locator("#iop-finder-week summary").inner_text() == (
        "Days and hours: Sat, Sun all day")
    page.keyboard.press("Enter")  # submits without leaving the page, then jumps to results
    settle(page)
    assert page.evaluate("window.__stayed") is True
    assert page.evaluate("document.activeElement.id") == "iop-finder-results-title"
    assert "avail=sat-sun" in page.url


def test_axe_finds_no_violations_with_results_and_without(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, zip="97201", presets=("evenings",))
    assert page.locator(".finder-result").count()
    page.locator(".finder-result__keep").first.click()  # My list shows too
    axe_check(page)
    choose(page, days=week(sun=("06:00", "07:00")))
    assert page.locator(".finder-result").count() == 0
    axe_check(page)


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
    total = 3 * len(programs())
    assert status(page).startswith(f"{total} programs") and "first 20" in status(page)
    assert page.locator("#iop-finder-show").inner_text() == f"Show {total} programs"
    assert page.locator(".finder-result").count() == 20
    more = page.get_by_role("button", name=re.compile("Show more results"))
    assert more.inner_text() == f"Show more results ({total - 20} more)"
    more.click()
    assert page.locator(".finder-result").count() == 40
    assert page.evaluate("document.activeElement.closest('.finder-result') === "
                         "document.querySelectorAll('.finder-result')[20]")
    while more.is_visible():
        more.click()
    assert page.locator(".finder-result").count() == total
    drawn = shown(page)["fit"]
    scheduled = [k for k in programs() if not programs()[k][0].unlisted]
    assert drawn[: len(scheduled)] == sorted(scheduled, key=_default_order)


def _default_order(key: tuple[str, int]) -> tuple[str, int]:
    """Provider name, then programs as the listing gives them."""
    return _provider_names()[key[0]].casefold(), key[1]


@cache
def _provider_names() -> dict[str, str]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
            for path in PROVIDERS.glob("*.yaml")}


def test_a_failed_load_says_so_and_links_the_browse_pages(visit: Visit, site: Server) -> None:
    visit.page.route("**/finder/index.json", lambda route: route.fulfill(status=503))
    visit.page.goto(f"{site.url}finder/")
    visit.page.wait_for_function("() => document.getElementById('iop-finder').dataset.loaded === "
                                 "'error'")
    assert "could not be loaded" in status(visit.page)
    link = visit.page.locator("#iop-finder-status a")
    assert link.get_attribute("href") == "../browse/"


def test_every_control_has_a_visible_label(finder: tuple[Visit, Page]) -> None:
    _, page = finder
    page.locator("#iop-finder-more-choices summary").click()
    page.locator("#iop-finder-week summary").click()
    for label in ("ZIP code", "Distance", "Level of care", "Insurance or payment", "Language",
                  "Format", "Population", "Medication for addiction treatment",
                  "Accepting new patients", "Name or city", *DAY_NAMES.values(),
                  *(f"{day} {end}" for day in DAY_NAMES.values() for end in ("from", "to"))):
        control = page.get_by_label(label, exact=True)
        assert control.count() == 1, label
        assert control.is_visible(), label
    assert page.get_by_role("group", name="When are you free?").is_visible()
    distance = page.get_by_label("Distance", exact=True)
    assert distance.locator("option").all_inner_texts() == [
        "5 miles", "10 miles", "25 miles", "50 miles", "100 miles", "Any distance"]
    assert page.locator("#iop-finder-status").get_attribute("aria-live") == "polite"


def test_listing_text_never_goes_in_as_html() -> None:
    scripts = sorted((theme.DOCS / "javascripts" / "finder").glob("*.js"))
    assert scripts
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                       "new Function", ".style.", "setAttribute(\"on"):
            assert unsafe not in text, f"{script.name}: {unsafe}"


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


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Built for its own address (Material's instant navigation needs site_url)."""
    server = serve_at_own_address(tmp_path_factory.mktemp("instant"))
    yield server
    server.stop()


def test_instant_navigation_opens_a_working_finder_and_marks_the_result(
        browser: Browser, site_with_url: Server) -> None:
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
        check(page, expected())
        choose(page, presets=("weekends",))
        check(page, expected(week(sat=None, sun=None)))
        card = page.locator('[data-group="fit"] .finder-result').first
        numbers = card.locator(".finder-track").evaluate_all(
            "els => els.map(e => e.dataset.trackNumber)")
        card.locator("h4 a").click()  # to a provider page, instantly
        page.wait_for_url(re.compile(r"/providers/[a-z0-9-]+/\?fits=[\d,]+#program-\d+$"))
        page.locator(".iop-track--fits").first.wait_for()
        program = re.search(r"#program-(\d+)$", page.url).group(1)  # type: ignore[union-attr]
        marked = page.locator(".iop-track--fits h4").evaluate_all("els => els.map(e => e.id)")
        assert marked == [f"program-{program}-track-{n}" for n in numbers]
        assert page.evaluate("window.__stayed") is True
        page.go_back()
        page.wait_for_url(re.compile(r"/finder/\?avail=sat-sun$"))
        settle(page)
        assert page.get_by_label("Saturday", exact=True).is_checked()
        check(page, expected(week(sat=None, sun=None)))
        assert visit.third_party == [] and visit.console_errors == []
    finally:
        context.close()


def test_the_sample_data_keeps_these_tests_meaningful() -> None:
    """Guard: no sample program sits so near a tested distance limit that the index's rounding
    (ZIP centroids to 0.01 degree, under half a mile) could move it across."""
    for row in listed():
        for code in ("97201", "97520", "78701"):
            for limit in (10, 25):
                assert abs(distance_from(code, row) - limit) > 0.5, row.key


def test_a_video_card_names_states_only_when_the_listing_gives_them(
        finder: tuple[Visit, Page]) -> None:
    _, page = finder
    choose(page, Format="telehealth")
    lines = {card.get_attribute("data-provider"): card.locator(".finder-result__where").inner_text()
             for card in page.locator(".finder-result").all()}
    assert "By video for people in " in lines["cardamom-kite-virtual-recovery"]
    # No telehealth_states in the listing: no state is claimed for it.
    assert "By video: call to ask which states they serve" in lines["otterbank-wellness-house"]
    assert "By video for people in" not in lines["otterbank-wellness-house"]
