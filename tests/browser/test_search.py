"""Material's search box finds a provider by name, city or ZIP code, and lists it first, although
provider pages have one short entry each in the index (generator/finder/search_index.py)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Server, Visit

pytestmark = pytest.mark.browser

SAGUARO = "providers/saguaro-wren-counseling-circle/"  # the only sample provider in Phoenix


def _first_result(visit: Visit, site: Server, query: str) -> str:
    page = visit.page
    page.goto(site.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # Material searches on key presses, as a person types
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(first).to_be_visible(timeout=15_000)
    href = first.get_attribute("href") or ""
    return href.removeprefix(site.url).removeprefix("./")


@pytest.mark.parametrize("query", ["Saguaro Wren Counseling Circle", "saguaro", "Phoenix",
                                   "85004"])
def test_search_lists_the_provider_first(visit: Visit, site: Server, query: str) -> None:
    assert _first_result(visit, site, query) == SAGUARO
    assert visit.third_party == [] and visit.console_errors == []


def test_a_city_shared_by_two_providers_lists_both_before_anything_else(
        visit: Visit, site: Server) -> None:
    """Portland, Oregon and Portland, Maine: both providers come before any other page."""
    _first_result(visit, site, "Portland")
    links = visit.page.locator(".md-search-result__item > a.md-search-result__link")
    first_two = sorted((links.nth(i).get_attribute("href") or "").rsplit("providers/", 1)[-1]
                       for i in range(2))
    assert first_two == ["lanternfish-recovery-collective/", "puffin-and-pine-counseling/"]


def test_the_index_holds_one_short_entry_per_provider(site: Server) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    providers = [d for d in index["docs"] if d["location"].startswith("providers/")]
    pages = list((site.root / "providers").glob("*/index.html"))
    assert len(providers) == len(pages) == len({d["location"] for d in providers})
    assert all("#" not in d["location"] for d in providers)
    saguaro = next(d for d in providers if d["location"] == SAGUARO)
    assert saguaro["tags"] == ["Phoenix, AZ", "85004"]
