"""The finder on an imported directory (the committed SAMHSA sample: real facilities, no hours
listed, most partly by video, nobody has checked them yet), opened from links as a partner or a
counselor shares them, on a phone. What it cannot use, it says; it never offers a choice that
cannot help."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Server, Visit
from tests.browser.finder_driver import (
    choose,
    form_state,
    open_details,
    open_finder,
    shown,
    status,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ZONE = "America/Chicago"


@pytest.fixture
def opened(visit_on: Callable[..., Visit], imported_site: Server
           ) -> Iterator[Callable[[str], Page]]:
    visits: list[Visit] = []

    def open_link(query: str) -> Page:
        visit = visit_on(imported_site, viewport=PHONE, timezone_id=ZONE)
        visits.append(visit)
        return open_finder(visit, imported_site, query)

    yield open_link
    for visit in visits:
        assert visit.console_errors == [] and visit.third_party == []


def linked(page: Page) -> str:
    box = page.locator("#iop-finder-linked")
    return box.inner_text() if box.is_visible() else ""


def test_only_listed_hours_is_not_offered_when_no_program_lists_them(
        opened: Callable[[str], Page], tmp_path: Path) -> None:
    page = opened("?zip=60641&miles=10&avail=mon-fri@17:00-22:00,sat-sun&listed=1")
    box = page.get_by_label("Only programs that list their hours")
    assert box.is_disabled() and not box.is_checked()
    assert "No program in this directory lists its hours yet" in \
        page.locator("#iop-finder-listed-hint").inner_text()
    assert "“Only programs that list their hours” is left out: no program in this directory " \
        "lists its hours yet." in linked(page)
    assert status(page).startswith("3 programs within 10 miles of ZIP 60641. None of them lists")
    cards = page.locator(".finder-result")
    assert cards.count() == 3
    assert cards.first.locator(".finder-result__when").inner_text() == \
        "Hours not listed: call to ask whether a group meets when you are free."
    # Nothing within a mile: the tips never suggest hours, which cannot change anything here.
    choose(page, miles="5", Level_of_care="php")
    tips = page.locator("#iop-finder-empty").inner_text()
    assert "Choose a larger distance." in tips and "days" not in tips and "Uncheck" not in tips
    page.screenshot(path=str(tmp_path / "listed.png"))


def test_video_only_offered_and_answered_honestly_when_no_program_is(
        opened: Callable[[str], Page]) -> None:
    page = opened("?zip=60641&miles=10&fmt=telehealth")
    fmt = page.get_by_label("Format", exact=True)
    assert fmt.input_value() == "telehealth"
    assert fmt.locator("option").all_inner_texts() == [
        "Any", "In person", "Entirely by video", "In person, some sessions by video"]
    assert status(page).startswith(
        "No program in this directory says it can be attended entirely by video yet. These meet "
        "in person with some sessions by video: call to ask how many can be by video. 3 programs")
    where = page.locator(".finder-result__where").all_inner_texts()
    assert where and all(w.startswith("In person, some sessions by video") for w in where)
    assert page.url.endswith("fmt=telehealth")


def test_link_values_in_any_case_and_distances_between_choices_are_kept_and_said(
        opened: Callable[[str], Page]) -> None:
    page = opened("?zip=60641&miles=15&pay=Medicaid&level=php&insurance=medicaid")
    state = form_state(page)
    assert (state["pay"], state["level"], state["miles"]) == ("medicaid", "php", "25")
    notes = linked(page)
    assert "Distance: “15” is not one of the choices, so 25 miles is used." in notes
    assert "“insurance” is not part of the finder's links and is left out." in notes
    assert "Level of care" not in notes  # a code of the schema: kept, it matches nothing here
    assert status(page) == "No program matches your search."
    assert page.url.endswith("?zip=60641&level=php&pay=medicaid")


def test_a_four_digit_zip_code_gets_its_leading_zero_and_an_unused_one_is_said(
        opened: Callable[[str], Page]) -> None:
    page = opened("?zip=6001&miles=10")
    assert form_state(page)["zip"] == "06001"
    assert "Using ZIP 06001 for “6001”" in linked(page)
    assert "within 10 miles of ZIP 06001" in status(page)
    other = opened("?zip=00000")
    assert status(other).startswith(
        "ZIP code 00000 was not found, so programs everywhere are listed. 182 programs")
    choose(other, zip="0600")
    assert status(other).startswith("ZIP code 0600 is not complete (five digits)")


def test_a_link_s_search_is_counted_at_the_top_with_a_way_to_its_results(
        opened: Callable[[str], Page]) -> None:
    page = opened("?zip=60641&miles=10")
    box = page.locator("#iop-finder-linked")
    assert box.is_visible() and box.bounding_box()["y"] < PHONE["height"]  # type: ignore[index]
    assert "This link's search finds 3 programs." in box.inner_text()
    title = page.locator("#iop-finder-results-title")
    assert not title.evaluate("el => el === document.activeElement")  # focus stays put
    page.get_by_role("button", name="Go to the results").click()
    assert title.evaluate("el => el === document.activeElement")
    assert page.locator(".finder-result").first.bounding_box()["y"] < PHONE["height"]  # type: ignore[index]
    choose(page, miles="25")  # the person's own search now: the status line follows it
    assert not box.is_visible()
    assert not opened("").locator("#iop-finder-linked").is_visible()  # no link, no box


def test_cards_speak_plainly_and_say_who_checked_the_listing(
        opened: Callable[[str], Page], tmp_path: Path) -> None:
    page = opened("?zip=60641&miles=10")
    card = page.locator(".finder-result").first
    text = card.inner_text()
    assert "Not yet checked: call to confirm" in text
    assert "Call to ask if they have openings" in text and "Intake status unknown" not in text
    assert "Intensive outpatient" in text and "ASAM" not in text
    assert "Hours not listed: call to ask about their hours." in text
    assert "evening and weekend" not in text
    assert shown(page)
    card.screenshot(path=str(tmp_path / "card.png"))


def test_an_afternoons_quick_choice_and_time_fields_that_line_up_on_a_phone(
        opened: Callable[[str], Page]) -> None:
    page = opened("")
    choose(page, presets=("afternoons",))
    assert page.url.endswith("/finder/?avail=mon-fri@15:00-18:00")
    open_details(page, "#iop-finder-week")
    for day in ("Monday", "Saturday"):
        start = page.get_by_label(f"{day} from", exact=True).bounding_box()
        end = page.get_by_label(f"{day} to", exact=True).bounding_box()
        assert start and end and end["y"] > start["y"]  # wrapped, one under the other
        assert abs(start["x"] - end["x"]) < 1


def test_copy_this_search_copies_the_address_or_selects_it_where_copying_is_refused(
        visit_on: Callable[..., Visit], imported_site: Server) -> None:
    visit = visit_on(imported_site, viewport=PHONE, permissions=["clipboard-read",
                                                                 "clipboard-write"])
    page = open_finder(visit, imported_site, "?zip=60641&miles=10")
    page.get_by_role("button", name="Copy this search").click()
    page.wait_for_function("() => document.getElementById('iop-finder-copy-note').textContent")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.locator("#iop-finder-copy-note").inner_text().startswith("Copied.")
    refused = visit_on(imported_site, viewport=PHONE)
    refused.page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('refused'))")
    other = open_finder(refused, imported_site, "?zip=60641")
    other.get_by_role("button", name="Copy this search").click()
    field = other.get_by_label("Address of this search")
    field.wait_for()
    assert field.input_value() == other.url
    assert field.evaluate("el => el === document.activeElement && "
                          "el.selectionEnd - el.selectionStart === el.value.length")


def test_the_linking_page_s_example_link_wraps_on_a_phone(
        visit_on: Callable[..., Visit], imported_site: Server) -> None:
    page = visit_on(imported_site, viewport=PHONE).page
    page.goto(f"{imported_site.url}finder/linking/")
    example = page.locator("pre > code.language-text").first
    assert "/finder/?zip=60614&miles=10" in example.inner_text()
    assert example.evaluate("el => el.scrollWidth <= el.clientWidth")
