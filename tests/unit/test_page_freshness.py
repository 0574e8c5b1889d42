"""Provider pages: the "may be out of date" notice near the top, and links to related listings."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.output import site
from generator.pages import provider_page
from tests.unit.helpers import listing, provider

VERIFIED = dt.date(2025, 11, 26)
NOTICE = '<p class="admonition-title">This listing may be out of date</p>'


@pytest.mark.parametrize(("days", "stale"), [(0, False), (365, False), (366, True), (900, True)])
def test_the_notice_appears_after_365_days(days: int, stale: bool) -> None:
    page = provider_page.render(provider(listing(last_verified=VERIFIED.isoformat())),
                                VERIFIED + dt.timedelta(days=days))
    assert (NOTICE in page) is stale
    assert "Last verified 2025-11-26." in page  # the date line stays at the bottom either way


def test_the_notice_comes_before_the_programs_and_gives_the_phone() -> None:
    page = provider_page.render(provider(listing(last_verified="2024-01-31")),
                                dt.date(2026, 11, 26))
    notice = page.index(NOTICE)
    assert notice < page.index('<h2 id="programs">') and notice < page.index("Phone:")
    body = page[notice:].split("\n")[1]
    assert body == ('<p>It was last verified on 2024-01-31, over a year ago. Call '
                    '<a class="iop-tel" href="tel:+15035550199">(503) 555-0199</a> to confirm '
                    'schedules and intake before you go.</p>')


def test_related_listings_link_to_their_pages_by_name() -> None:
    main = provider(listing(related_listings=["east-site", "not-built"]), slug="main-site")
    east = provider(listing(name="Unit Test Clinic *East*"), slug="east-site")
    pages = site.generate([main, east], dt.date(2026, 11, 26))
    page = pages["providers/main-site.md"]
    assert ('<h2 id="other-sites">Other sites of this organisation</h2>\n<ul>\n'
            '<li><a href="../east-site/">Unit Test Clinic *East*</a></li>\n</ul>') in page
    assert "not-built" not in page  # a slug with no page gets no broken link
    assert 'href="../main-site/"' in pages["providers/east-site.md"]
    assert "Other sites" not in provider_page.render(provider(), dt.date(2026, 11, 26))


def test_one_listing_naming_the_other_links_both_pages() -> None:
    main = provider(listing(related_listings=["east-site"]), slug="main-site")
    east = provider(listing(name="East Clinic"), slug="east-site")
    alone = provider(listing(name="Alone"), slug="alone")
    assert provider_page.related_sites([main, east, alone]) == {
        "main-site": [("east-site", "East Clinic")],
        "east-site": [("main-site", "Unit Test Clinic")],
    }
