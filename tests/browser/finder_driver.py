"""Driving the finder the way a person does (by the controls' visible labels), and reading what
it shows. Shared by the finder's browser tests on the sample and the national site."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Page

from tests.browser.conftest import Server, Visit
from tests.browser.listings import DAY_CODES, DAY_NAMES, NOW, ProgramKey, TrackKey, Week

SETTLED = """() => {
  const root = document.getElementById('iop-finder');
  return root && root.dataset.loaded === '1' && !root.hasAttribute('data-pending');
}"""
CARDS = """() => Object.fromEntries([...document.querySelectorAll('section[data-group]')].map((g) =>
  [g.dataset.group, [...g.querySelectorAll('.finder-result')].map((c) =>
    [c.dataset.provider, +c.dataset.program])]))"""
TRACKS = """() => [...document.querySelectorAll('.finder-result')].flatMap((c) =>
  [...c.querySelectorAll('.finder-track')].map((t) =>
    [c.dataset.provider, +c.dataset.program, t.dataset.track]))"""
PRESETS = {"nine-to-five": "I work weekdays 9 to 5", "evenings": "Weekday evenings",
           "afternoons": "Afternoons",
           "weekends": "Weekends", "mornings": "Mornings", "any": "Any time"}


def open_finder(visit: Visit, site: Server, query: str = "", now: dt.datetime = NOW) -> Page:
    page = visit.page
    page.clock.set_fixed_time(now)  # time-zone offsets of a known day, whatever the season
    page.goto(f"{site.url}finder/{query}")
    settle(page)
    return page


def settle(page: Page, timeout: float = 10_000) -> None:
    page.wait_for_function(SETTLED, timeout=timeout)


def hhmm(total: int | None) -> str:
    return "" if total is None else f"{total // 60:02d}:{total % 60:02d}"


def choose(page: Page, *, zip: str | None = None, miles: str | None = None,
           presets: tuple[str, ...] = (), days: Week | None = None,
           listed: bool | None = None, text: str | None = None, **selects: str) -> None:
    """Set the controls named, in the order a person would: where, when, then more choices.
    A select is named by its label with underscores for spaces (Level_of_care="php")."""
    if zip is not None:
        page.get_by_label("ZIP code", exact=True).fill(zip)
        settle(page)
    if miles is not None:
        page.get_by_label("Distance", exact=True).select_option(miles)
    for preset in presets:
        page.get_by_role("button", name=PRESETS[preset], exact=True).click()
    if days is not None:
        set_days(page, days)
    if listed is not None:
        page.get_by_label("Only programs that list their hours").set_checked(listed)
    if text is not None or selects:
        open_details(page, "#iop-finder-more-choices")
    if text is not None:
        page.get_by_label("Name or city", exact=True).fill(text)
    for label, value in selects.items():
        page.get_by_label(label.replace("_", " "), exact=True).select_option(value)
    settle(page)


def open_details(page: Page, selector: str) -> None:
    """Unfold a folded part of the form, as a person taps its summary."""
    part = page.locator(selector)
    if not part.evaluate("el => el.open"):
        part.locator("summary").click()


def set_days(page: Page, days: Week) -> None:
    """Each day checked with its hours typed in, or unchecked when the person is not free."""
    open_details(page, "#iop-finder-week")
    for code in DAY_CODES:
        box = page.get_by_label(DAY_NAMES[code], exact=True)
        if code not in days:
            box.uncheck()
            continue
        box.check()
        start, end = days[code]
        page.get_by_label(f"{DAY_NAMES[code]} from", exact=True).fill(hhmm(start))
        page.get_by_label(f"{DAY_NAMES[code]} to", exact=True).fill(hhmm(end))
        settle(page)


def expand(page: Page) -> None:
    """Every card drawn: "Show more results" as often as it takes."""
    more = page.locator("#iop-finder-more")
    while more.is_visible():
        more.click()


def shown(page: Page) -> dict[str, list[ProgramKey]]:
    """Every card of the results (all drawn first), by group, in order."""
    expand(page)
    cards: dict[str, list[list[Any]]] = page.evaluate(CARDS)
    return {group: [(slug, number) for slug, number in keys] for group, keys in cards.items()}


def groups(page: Page) -> dict[str, set[ProgramKey]]:
    found = {g: set(keys) for g, keys in shown(page).items()}
    return {g: found.get(g, set()) for g in ("near", "video", "fit", "close", "unlisted")}


def shown_tracks(page: Page) -> set[TrackKey]:
    expand(page)
    return {(slug, number, track) for slug, number, track in page.evaluate(TRACKS)}


def status(page: Page) -> str:
    return page.locator("#iop-finder-status").inner_text()


def form_state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate("""() => {
      const f = document.getElementById('iop-finder-form');
      const out = {day: [...f.querySelectorAll('input[name=day]:checked')].map(b => b.value)};
      for (const el of f.querySelectorAll('input:not([name=day]), select')) {
        out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
      }
      return out;
    }""")
    return state
