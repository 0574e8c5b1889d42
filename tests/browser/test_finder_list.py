"""Acting on results on a phone: the call sheet of kept programs (on the device only, cleared by
"Leave this site quickly"), the provider page a result opens, and the first screen."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route

from generator.model.links import tel_href
from tests.browser.conftest import Server, Visit, axe_check
from tests.browser.finder_driver import choose, open_finder, settle, shown
from tests.browser.listings import ZONE, call_number, programs

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
STORED = "() => Object.keys(localStorage).filter((k) => k.startsWith('iopdir'))"


def phone_finder(visit_with: Callable[..., Visit], site: Server, query: str = "") -> Page:
    return open_finder(visit_with(timezone_id=ZONE, viewport=PHONE), site, query)


def keep(page: Page, slug: str, number: int) -> None:
    card = page.locator(f'.finder-result[data-provider="{slug}"][data-program="{number}"]')
    button = card.get_by_role("button", name="Add to my list")
    button.click()
    assert card.get_by_role("button", name="On my list").get_attribute("aria-pressed") == "true"


def test_kept_programs_make_a_call_sheet_with_the_questions_to_ask(
        visit_with: Callable[..., Visit], site: Server) -> None:
    page = phone_finder(visit_with, site, "?zip=97201&avail=mon-fri@17:00-")
    kept = shown(page)["near"][:2]
    for slug, number in kept:
        keep(page, slug, number)
    sheet = page.locator("#iop-shortlist")
    assert sheet.is_visible()
    assert page.locator("#iop-finder-list-link").inner_text() == "My list (2 programs)"
    items = sheet.locator(".iop-shortlist__item")
    assert [(i.get_attribute("data-provider"), int(i.get_attribute("data-program") or 0))
            for i in items.all()] == kept
    for (slug, number), item in zip(kept, items.all(), strict=True):
        row = programs()[(slug, number)][0]
        assert item.locator("a[href^='tel:']").get_attribute("href") == tel_href(call_number(row))
        assert f"/providers/{slug}/#program-{number}" in item.inner_text()
    questions = sheet.locator(".iop-shortlist__questions").inner_text()
    for topic in ("Hours", "Insurance", "Waiting list", "Childcare", "Getting there",
                  "The first day"):
        assert topic in questions
    # A new visit finds the list where it was left: kept in this browser, not in a cookie.
    again = page.context.new_page()
    again.goto(f"{site.url}finder/")
    settle(again)
    assert again.locator("#iop-shortlist .iop-shortlist__item").count() == 2
    assert page.context.cookies() == []
    axe_check(page)
    # Printing the finder prints the call sheet alone.
    page.emulate_media(media="print")
    assert sheet.is_visible() and not page.locator("#iop-finder").is_visible()
    assert not page.get_by_role("heading", name="How the finder works").is_visible()
    page.emulate_media(media="screen")
    sheet.get_by_role("button", name=re.compile("^Remove")).first.click()
    assert items.count() == 1
    slug, number = kept[0]
    card = page.locator(f'.finder-result[data-provider="{slug}"][data-program="{number}"]')
    assert card.get_by_role("button", name="Add to my list").is_visible()
    sheet.get_by_role("button", name="Clear my list").click()
    assert not sheet.is_visible() and page.evaluate(STORED) == []


def test_leave_this_site_quickly_clears_the_list(visit_with: Callable[..., Visit],
                                                 site: Server) -> None:
    visit = visit_with(timezone_id=ZONE)
    page = open_finder(visit, site)
    slug, number = shown(page)["fit"][0]
    keep(page, slug, number)
    assert page.evaluate(STORED) == ["iopdir-shortlist"]

    def neutral(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>")

    page.context.route("https://www.weather.gov/**", neutral)
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("https://www.weather.gov/")
    back = page.context.new_page()
    back.goto(f"{site.url}finder/")
    settle(back)
    assert back.evaluate(STORED) == []
    assert back.locator("#iop-shortlist").is_hidden()


def test_a_result_opens_its_program_with_the_fitting_tracks_marked_and_the_phone_in_view(
        visit_with: Callable[..., Visit], site: Server) -> None:
    page = phone_finder(visit_with, site, "?avail=mon-fri@17:00-")
    card = page.locator('.finder-result[data-provider="lanternfish-recovery-collective"]'
                        '[data-program="1"]')
    fitting = card.locator(".finder-track").evaluate_all("els => els.map(e => e.dataset.track)")
    assert fitting == ["Evening track"]  # the morning track does not fit
    card.get_by_role("link", name="Lanternfish Recovery Collective").click()
    page.wait_for_url(re.compile(r"/providers/lanternfish-recovery-collective/\?fits=2"
                                 r"#program-1$"))
    page.locator(".iop-track--fits").wait_for()
    marked = page.locator(".iop-track--fits")
    assert marked.count() == 1
    assert marked.get_by_role("heading").inner_text().startswith("Evening track")
    assert "Fits your week" in marked.inner_text()
    program = page.locator(".iop-program--found")
    assert program.get_by_role("heading", level=3).inner_text() == (
        "Adult Intensive Outpatient Program")
    call = program.locator("a[href^='tel:']").first
    box = call.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    axe_check(page)


def test_find_a_program_is_on_the_first_screen_of_a_phone(visit_with: Callable[..., Visit],
                                                          site: Server) -> None:
    page = visit_with(viewport=PHONE).page
    page.goto(site.url)
    button = page.get_by_role("link", name="Find a program").filter(
        has_not=page.locator(".md-nav *")).and_(page.locator("article a"))
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    finder = phone_finder(visit_with, site)
    zip_box = finder.get_by_label("ZIP code", exact=True).bounding_box()
    assert zip_box is not None and zip_box["y"] + zip_box["height"] <= PHONE["height"]
    choose(finder, zip="97201")
    assert finder.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_tap_targets_of_the_crisis_bar_are_32_pixels(visit_with: Callable[..., Visit],
                                                     site: Server) -> None:
    """WCAG 2.2 asks for 24 px; the bar's crisis links are 32 (the footer's, 44 px, are in
    test_site.py): larger, and the bar would push the page's start off a phone's first
    screen."""
    page = visit_with(viewport=PHONE).page
    page.goto(site.url)
    bar = page.locator(".md-banner .iop-crisis")
    for href in ("tel:988", "sms:988", "tel:+18006624357", "tel:911"):
        box = bar.locator(f'a[href="{href}"]').bounding_box()
        assert box is not None and box["width"] >= 32 and box["height"] >= 32, href
    # No invisible control takes focus (Material's colour scheme switch is not there).
    assert page.locator("input[type=radio]").count() == 0
    heading = page.evaluate("[...document.querySelectorAll('h1, h2')].map(h => h.tagName)[0]")
    assert heading == "H1"  # the crisis bar's title is not a heading before the page's own
