""""Leave this site quickly": a link first after the skip link on every page; with JavaScript it
replaces the page (Back does not return to it) and Shift pressed three times does the same.

The neutral site is never contacted: Playwright answers for it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route

from tests.browser.conftest import Server

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.weather.gov/"
PROVIDER = "providers/lanternfish-recovery-collective/"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def answer_for_neutral_site(context: BrowserContext) -> list[Request]:
    """Requests to the neutral site, answered here; other sites are refused."""
    seen: list[Request] = []

    def handle(route: Route) -> None:
        if route.request.url.startswith(NEUTRAL):
            seen.append(route.request)
            route.fulfill(status=200, content_type="text/html",
                          body="<!doctype html><title>Weather</title><p>Forecast</p>")
        elif route.request.url.startswith("http://127.0.0.1"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)
    return seen


def open_two_pages(context: BrowserContext, site: Server) -> Page:
    page = context.new_page()
    page.goto(site.url)
    page.goto(site.url + PROVIDER + "?zip=97201")  # a search in the address must not leak
    return page


def assert_left_without_a_trace(page: Page, seen: list[Request], site: Server,
                                history: int) -> None:
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Weather"
    assert page.evaluate("history.length") == history  # replaced, not added
    assert seen and all("referer" not in r.headers for r in seen)
    page.go_back()
    assert page.url == site.url  # Back skips the page that was left


def test_the_link_replaces_the_page(context: BrowserContext, site: Server) -> None:
    seen = answer_for_neutral_site(context)
    page = open_two_pages(context, site)
    history = page.evaluate("history.length")
    page.get_by_role("link", name="Leave this site quickly").click()
    assert_left_without_a_trace(page, seen, site, history)


def test_shift_three_times_replaces_the_page(context: BrowserContext, site: Server) -> None:
    seen = answer_for_neutral_site(context)
    page = open_two_pages(context, site)
    history = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_without_a_trace(page, seen, site, history)


def test_typing_capitals_does_not_leave(context: BrowserContext, site: Server) -> None:
    seen = answer_for_neutral_site(context)
    page = open_two_pages(context, site)
    for _ in range(4):
        page.keyboard.down("Shift")
        page.keyboard.press("KeyA")
        page.keyboard.up("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")  # two lone presses: not three
    # Leaving hides the page within the key's own event, so no wait is needed to see it stayed.
    assert page.evaluate("document.body.hidden") is False
    assert page.url == site.url + PROVIDER + "?zip=97201" and seen == []


def test_it_comes_right_after_the_skip_link(context: BrowserContext, site: Server) -> None:
    page = context.new_page()
    page.goto(site.url + PROVIDER)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Leave this site quickly"
    assert page.get_by_text("or press Shift 3 times").is_visible()


def test_without_javascript_it_is_a_plain_link_that_sends_no_referrer(
        browser: Browser, site: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    seen = answer_for_neutral_site(context)
    page = open_two_pages(context, site)
    link = page.get_by_role("link", name="Leave this site quickly")
    assert link.get_attribute("href") == NEUTRAL
    assert set((link.get_attribute("rel") or "").split()) >= {"noopener", "noreferrer"}
    assert not page.get_by_text("or press Shift 3 times").is_visible()  # no shortcut here
    link.click()
    page.wait_for_url(NEUTRAL)
    assert seen and "referer" not in seen[0].headers
    context.close()


def test_a_provider_website_link_sends_no_referrer(context: BrowserContext,
                                                   site: Server) -> None:
    sent: list[dict[str, str]] = []

    def website(route: Route) -> None:
        sent.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body="<title>Provider</title>")

    page = context.new_page()
    page.goto(site.url + PROVIDER + "?zip=97201")
    link = page.locator("article a[href^='https://']").first
    context.route(link.get_attribute("href") or "", website)
    link.click()
    page.wait_for_load_state()
    assert len(sent) == 1 and "referer" not in sent[0]


@pytest.mark.parametrize(("touch_only", "shown"), [(False, True), (True, False)])
def test_the_shift_hint_shows_only_where_there_is_a_keyboard(
        browser: Browser, site: Server, touch_only: bool, shown: bool) -> None:
    """A phone (a touch screen, no fine pointer) gets no "press Shift" it cannot follow."""
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=touch_only,
                                has_touch=touch_only)
    try:
        page = phone.new_page()
        page.goto(site.url)
        decided = page.locator("[data-iop-exit-hint='shown'], [data-iop-exit-hint='touch']")
        decided.wait_for(state="attached")  # the script has run
        assert page.locator("[data-iop-exit-hint]").is_visible() is shown
    finally:
        phone.close()
