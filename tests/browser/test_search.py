"""Material's search box finds a provider by name, city or ZIP code, and lists it first, although
provider pages have one short entry each in the index (generator/finder/search_index.py)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Locator, expect

from tests.browser.conftest import Server, Visit

pytestmark = pytest.mark.browser

SAGUARO = "providers/saguaro-wren-counseling-circle/"  # the only sample provider in Phoenix
PORTLAND = ("lanternfish-recovery-collective", "puffin-and-pine-counseling")  # Oregon, Maine


RESULTS = ".md-search-result__item > a.md-search-result__link"


def _search(visit: Visit, site: Server, query: str) -> Locator:
    """Type `query` as a person would; the result links, still changing with each key press."""
    page = visit.page
    page.goto(site.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # Material searches on every key press, as a person types
    return page.locator(RESULTS)


def _ends_with(*locations: str) -> re.Pattern[str]:
    """An href naming one of `locations`, however the result link is written."""
    return re.compile(r"(^|/)(" + "|".join(re.escape(x) for x in locations) + r")$")


@pytest.mark.parametrize("query", ["Saguaro Wren Counseling Circle", "saguaro", "Phoenix",
                                   "85004"])
def test_search_lists_the_provider_first(visit: Visit, site: Server, query: str) -> None:
    # Results shown for the first keys ("8" of "85004") come and go before the full query's:
    # an auto-retrying assertion waits for the answer to the whole query.
    first = _search(visit, site, query).first
    expect(first).to_have_attribute("href", _ends_with(SAGUARO), timeout=15_000)
    assert visit.third_party == [] and visit.console_errors == []


def test_a_city_shared_by_two_providers_lists_both_before_anything_else(
        visit: Visit, site: Server) -> None:
    """Portland, Oregon and Portland, Maine: both providers come before any other page."""
    links = _search(visit, site, "Portland")
    both = _ends_with(*(f"providers/{slug}/" for slug in PORTLAND))
    for i in range(2):
        expect(links.nth(i)).to_have_attribute("href", both, timeout=15_000)
    first_two = sorted((links.nth(i).get_attribute("href") or "").rsplit("providers/", 1)[-1]
                       for i in range(2))
    assert first_two == [f"{slug}/" for slug in PORTLAND]


def test_the_index_holds_one_short_entry_per_provider(site: Server) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    providers = [d for d in index["docs"] if d["location"].startswith("providers/")]
    pages = list((site.root / "providers").glob("*/index.html"))
    assert len(providers) == len(pages) == len({d["location"] for d in providers})
    assert all("#" not in d["location"] for d in providers)
    saguaro = next(d for d in providers if d["location"] == SAGUARO)
    assert saguaro["tags"] == ["Phoenix, AZ", "85004"]


@pytest.mark.parametrize(("query", "code"), [("Spanish", "es"), ("Español", "es"),
                                             ("Vietnamese", "vi")])
def test_a_language_leads_to_the_finder_with_that_language_chosen(
        visit: Visit, site: Server, query: str, code: str) -> None:
    first = _search(visit, site, query).first
    expect(first).to_have_attribute("href", re.compile(rf"finder/\?lang={code}$"),
                                    timeout=15_000)
    first.click()
    expect(visit.page.locator("#iop-finder-lang")).to_have_value(code)
