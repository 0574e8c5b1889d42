"""What pages say about data they do not have: imported listings nobody checked, video
sessions without states, hours nobody listed, places that are not states; and where the crisis
lines and phone numbers are."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.model import freshness
from generator.output import site
from generator.pages import browse, provider_page
from generator.pages.theme_words import ui
from tests.unit.helpers import listing, program, provider

TODAY = dt.date(2026, 11, 30)
SOURCE = "SAMHSA N-SUMHSS national directory (survey year 2024), imported 2026-11-02"
IMPORTED: dict[str, Any] = {"last_verified": "2024-01-01", "source": SOURCE,
                            "external_ids": {"samhsa_nsumhss": "substance_1"}}
CHECKED = {"date": "2026-11-01", "by": "A volunteer", "method": "phone_call"}


def test_an_imported_listing_nobody_checked_does_not_claim_a_check() -> None:
    page = provider_page.render(provider(listing(**IMPORTED)), TODAY)
    assert "Last verified" not in page and "last verified" not in page
    assert f"Not yet checked by this directory. Source: {SOURCE}." in page
    notice = page.index('<p class="admonition-title">Not yet checked by this directory</p>')
    assert notice < page.index('<h2 id="programs">')
    assert "This listing may be out of date" not in page  # the unchecked notice says it all


def test_an_imported_listing_a_person_checked_says_when() -> None:
    page = provider_page.render(provider(listing(**IMPORTED, verification=CHECKED)), TODAY)
    assert "Not yet checked" not in page
    assert "checked by phone by A volunteer on 2026-11-01" in page


def test_a_listing_without_an_import_id_is_the_providers_own_word() -> None:
    assert not freshness.unchecked_import(provider(listing()))
    assert freshness.unchecked_import(provider(listing(**IMPORTED)))
    assert not freshness.unchecked_import(provider(listing(**IMPORTED, verification=CHECKED)))


def test_notices_give_the_intake_line_first() -> None:
    page = provider_page.render(provider(listing(
        **IMPORTED, phone="(503) 555-0199", intake_phones=["(503) 555-0198"])), TODAY)
    notice = page.split('<p class="admonition-title">Not yet checked by this directory</p>')[1]
    assert notice.index("555-0198") < notice.index("</div>")
    assert "555-0199" not in notice.split("</div>")[0]


def test_video_sessions_name_states_only_when_the_listing_does() -> None:
    unnamed = provider_page.render(provider(listing(programs=[program(format="hybrid")])), TODAY)
    assert "video sessions for people in" not in unnamed
    assert "ask which sessions can be joined by video, and from which states" in unnamed
    named = provider_page.render(provider(listing(programs=[
        program(format="hybrid", telehealth_states=["OR", "WA"])])), TODAY)
    assert "video sessions for people in Oregon, Washington" in named


def test_the_home_page_lists_times_with_their_sizes() -> None:
    out = site.expand_markers("<!-- iopdir:schedules -->", [provider()])
    assert '<a href="browse/evening/">Evening programs</a> (1)' in out
    assert '<a href="browse/weekend/">Weekend programs</a> (0)' in out
    assert "list their weekly hours" not in out  # every program lists them


def test_the_home_page_says_when_no_program_lists_its_hours() -> None:
    unlisted = listing(programs=[program(schedule="not_listed", tracks=[])])
    out = site.expand_markers("<!-- iopdir:schedules -->", [provider(unlisted)] * 1200)
    assert "None of the 1,200 programs in this directory lists its weekly hours yet" in out
    assert "browse/evening/" not in out and 'href="finder/"' in out


def test_the_home_page_says_how_many_list_hours_when_some_do() -> None:
    unlisted = provider(listing(programs=[program(schedule="not_listed", tracks=[])]), slug="u")
    out = site.expand_markers("<!-- iopdir:schedules -->", [provider(), unlisted])
    assert "1 of 2 programs list their weekly hours." in out


def test_places_that_are_not_states_are_counted_as_territories() -> None:
    pr = listing(locations=[{"id": "main", "street": "1 Calle", "city": "San Juan",
                             "state": "PR", "zip": "00901", "timezone": "America/Puerto_Rico"}])
    both = site.expand_markers("<!-- iopdir:summary -->", [provider(), provider(pr, slug="pr")])
    assert "in 2 states and territories." in both
    assert "weekly schedule" in both  # they list some
    none = listing(programs=[program(schedule="not_listed", tracks=[])])
    unlisted = site.expand_markers("<!-- iopdir:summary -->", [provider(none)])
    assert "**1 provider** with **1 program** in 1 state." in unlisted  # not "0 schedules"
    only_states = site.expand_markers("<!-- iopdir:summary -->", [provider()])
    assert "in 1 state." in only_states


def test_a_states_page_groups_providers_by_city_with_a_list_to_jump() -> None:
    def at(city: str, slug: str) -> Any:
        return provider(listing(name=f"{city} Clinic", locations=[{
            "id": "main", "street": "1 Example Way", "city": city, "state": "OR",
            "zip": "97201", "timezone": "America/Los_Angeles"}]), slug=slug)
    pages = browse.generate([at("Salem", "s1"), at("Bend", "b1"), at("Salem", "s2")])
    page = pages["browse/states/or.md"]
    assert '<a href="#city-1">Bend</a> (1)' in page and '<a href="#city-2">Salem</a> (2)' in page
    assert page.index('<h2 id="city-1">Bend</h2>') < page.index('<h2 id="city-2">Salem</h2>')
    one_city = browse.generate([at("Salem", "s1")])["browse/states/or.md"]
    assert "iop-jump" not in one_city and "<h2" not in one_city


def test_a_state_with_many_cities_jumps_by_first_letter() -> None:
    cities = [f"{letter}{suffix}" for letter in "ABC" for suffix in ("ville", "ton", "burg",
                                                                      "field", "wood", "dale")]
    providers = [provider(listing(name=f"{city} Clinic", locations=[{
        "id": "main", "street": "1 Example Way", "city": city, "state": "OR", "zip": "97201",
        "timezone": "America/Los_Angeles"}]), slug=f"p{n}") for n, city in enumerate(cities)]
    page = browse.generate(providers)["browse/states/or.md"]
    jump = page.split('<nav class="iop-jump"')[1].split("</nav>")[0]
    assert "Cities by first letter:" in jump
    assert '<a href="#city-1">A</a> (6)' in jump and '<a href="#city-13">C</a> (6)' in jump
    assert '<h2 id="city-1">Aburg</h2>' in page  # alphabetical: Aburg before Adale


def test_the_crisis_lines_end_every_page_too() -> None:
    words = ui("en", sample=True, roots={"en": "/", "es": "/es/"})
    footer = words["crisis_footer"]
    assert 'href="tel:988"' in footer and 'href="tel:911"' in footer
    assert 'href="tel:+18006624357"' in footer
    assert "<section" not in footer and 'id="iop-crisis-title"' not in footer  # ids unique
    assert "Sample data" not in footer and "Sample data" in words["crisis"]
