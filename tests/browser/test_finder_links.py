"""The finder's address: the documented link format (finder/linking.md) opens the same search
as the controls, filter changes never add history entries, and the site search's `q` is
never used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Server, Visit
from tests.browser.finder_driver import (
    choose,
    form_state,
    groups,
    open_finder,
    settle,
    shown,
    shown_tracks,
    status,
)
from tests.browser.listings import ZONE, expected, week

pytestmark = pytest.mark.browser

SEARCHES: dict[str, dict[str, Any]] = {
    "a 9-to-5 job near Portland": {"zip": "97201", "presets": ("nine-to-five",)},
    "different hours on different days, 10 miles": {
        "zip": "97201", "miles": "10",
        "days": week(mon=("17:30", "21:00"), thu=("18:00", None), sat=(None, "13:00"))},
    "evenings and weekends, Medicaid, Spanish": {
        "presets": ("evenings", "weekends"), "Insurance_or_payment": "medicaid", "Language": "es"},
    "mornings, listed hours only, any distance": {
        "zip": "10001", "miles": "any", "presets": ("mornings",), "listed": True},
    "name or city": {"text": "phoenix"},
}


def seen(page: Page) -> tuple[Any, ...]:
    """Everything a person reads in the results."""
    return (shown(page), shown_tracks(page), status(page),
            page.locator("#iop-finder-show").inner_text())


@pytest.mark.parametrize("name", SEARCHES)
def test_a_link_reproduces_the_search_made_with_the_controls(
        visit_with: Callable[..., Visit], site: Server, name: str) -> None:
    first = open_finder(visit_with(timezone_id=ZONE), site)
    choose(first, **SEARCHES[name])
    assert first.locator(".finder-result").count(), name
    query = first.url.split("/finder/", 1)[1]
    assert "q" not in parse_qs(urlsplit(first.url).query)
    second = open_finder(visit_with(timezone_id=ZONE), site, query)
    assert form_state(second) == form_state(first)
    assert seen(second) == seen(first)
    assert second.url == first.url  # the link is already in its one canonical form


DOCUMENTED: dict[str, tuple[dict[str, Any], Callable[[], Any]]] = {
    # The examples of finder/linking.md, and what the controls say they mean.
    "?zip=97201&miles=10&avail=mon-fri@17:00-22:00,sat-sun": (
        {"zip": "97201", "miles": "10",
         "days": week(**{d: ("17:00", "22:00") for d in ("mon", "tue", "wed", "thu", "fri")},
                      sat=None, sun=None)},
        lambda: expected(week(**{d: ("17:00", "22:00") for d in ("mon", "tue", "wed", "thu",
                                                                  "fri")}, sat=None, sun=None),
                         where=("97201", 10))),
    "?avail=mon-fri@17:30-": (
        {"days": week(**{d: ("17:30", None) for d in ("mon", "tue", "wed", "thu", "fri")})},
        lambda: expected(week(**{d: ("17:30", None) for d in ("mon", "tue", "wed", "thu",
                                                               "fri")}))),
    "?avail=mon-sun@-13:00": (
        {"presets": ("mornings",)},
        lambda: expected(week(**{d: (None, "13:00") for d in ("mon", "tue", "wed", "thu", "fri",
                                                               "sat", "sun")}))),
    "?avail=mon@09:00-12:00,wed@09:00-12:00,fri": (
        {"days": week(mon=("09:00", "12:00"), wed=("09:00", "12:00"), fri=None)},
        lambda: expected(week(mon=("09:00", "12:00"), wed=("09:00", "12:00"), fri=None))),
    "?avail=sat-sun&lang=es": (
        {"presets": ("weekends",), "Language": "es"},
        lambda: expected(week(sat=None, sun=None),
                         program=lambda p, r: "es" in p["languages"])),
}


@pytest.mark.parametrize("query", DOCUMENTED)
def test_documented_links_open_what_the_controls_find(
        visit_with: Callable[..., Visit], site: Server, query: str) -> None:
    controls, want = DOCUMENTED[query]
    linked = open_finder(visit_with(timezone_id=ZONE), site, query)
    by_hand = open_finder(visit_with(timezone_id=ZONE), site)
    choose(by_hand, **controls)
    wanted = want()
    assert groups(linked) == wanted.groups == groups(by_hand)
    assert shown_tracks(linked) == wanted.tracks == shown_tracks(by_hand)
    assert form_state(linked) == form_state(by_hand)


def test_filter_changes_replace_the_history_entry(visit_with: Callable[..., Visit],
                                                  site: Server) -> None:
    visit = visit_with(timezone_id=ZONE)
    page = visit.page
    page.goto(site.url)
    page.goto(site.url + "finder/")
    settle(page)
    length = page.evaluate("history.length")
    choose(page, zip="97201")
    choose(page, miles="10")
    choose(page, presets=("evenings",))
    choose(page, Language="es")
    choose(page, listed=True)
    assert page.evaluate("history.length") == length
    assert "zip=97201" in page.url and "lang=es" in page.url
    page.go_back()  # leaves the finder, with no search left behind
    page.wait_for_url(site.url)
    assert "zip" not in page.url


def test_a_shared_link_never_opens_the_site_search(visit_with: Callable[..., Visit],
                                                   site: Server) -> None:
    page = open_finder(visit_with(timezone_id=ZONE), site, "?zip=97201&text=portland")
    assert page.get_by_label("Name or city", exact=True).input_value() == "portland"
    assert not page.locator("#__search").is_checked()  # Material's search dialog stays shut
    assert page.locator(".md-search__input").input_value() == ""
    # What the finder avoids: the site search opens over the page for a link with q=.
    other = visit_with(timezone_id=ZONE).page
    other.goto(f"{site.url}finder/?q=portland")
    other.wait_for_function("() => document.getElementById('__search').checked")
    choose(page, presets=("evenings",))
    assert "q" not in parse_qs(urlsplit(page.url).query)


def test_links_of_the_first_finder_still_work(visit_with: Callable[..., Visit],
                                              site: Server) -> None:
    page = open_finder(visit_with(timezone_id=ZONE), site,
                       "?days=mon,tue,wed,thu,fri&from=17:30&pay=medicaid&zip=97201&miles=25")
    assert page.url.endswith("/finder/?zip=97201&avail=mon-fri@17:30-&pay=medicaid")
    free = week(**{d: ("17:30", None) for d in ("mon", "tue", "wed", "thu", "fri")})
    want = expected(free, where=("97201", 25), program=lambda p, r: "medicaid" in p["payment"])
    assert groups(page) == want.groups
    wknd = open_finder(visit_with(timezone_id=ZONE), site, "?wknd=1")
    assert wknd.url.endswith("/finder/?avail=sat-sun")
