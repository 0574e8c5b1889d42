"""The built site in a real browser: crisis lines, schedules, privacy, hostile listings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Server, Visit, axe_check, build_site, serve
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PROVIDER = "providers/lanternfish-recovery-collective/"
CRISIS = {
    "Suicide and Crisis Lifeline": "tel:988",
    "SAMHSA National Helpline": "tel:+18006624357",
    "Emergency": "tel:911",
}
EXTERNAL_ASSET = re.compile(
    r"<(?:link|script|img|iframe|source)\b[^>]*(?:href|src)=\"(?:https?:)?//", re.IGNORECASE)


def _check_crisis_lines(visit: Visit) -> None:
    banner = visit.page.get_by_role("region", name="Need help now?")
    expect(banner).to_be_visible()
    for label, href in CRISIS.items():
        item = banner.get_by_role("listitem").filter(has_text=label)
        expect(item).to_have_count(1)
        expect(item.locator(f'a[href="{href}"]')).to_have_count(1)
    expect(banner.locator('a[href="sms:988"]')).to_have_text("988")  # "call 988, text 988"
    expect(banner).to_contain_text("988")
    expect(banner).to_contain_text("1-800-662-4357")
    expect(banner).to_contain_text("911")


def test_home_page_shows_crisis_lines_and_sample_notice(visit: Visit, site: Server) -> None:
    visit.page.goto(site.url)
    _check_crisis_lines(visit)
    expect(visit.page.locator("article")).to_contain_text("Sample data")
    expect(visit.page.get_by_role("region", name="Need help now?")).to_contain_text(
        "the providers listed on this site are fictional")
    assert visit.third_party == []
    assert visit.console_errors == []


def test_provider_page_shows_schedule_table_and_contact(visit: Visit, site: Server) -> None:
    visit.page.goto(site.url + PROVIDER)
    page = visit.page
    _check_crisis_lines(visit)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lanternfish Recovery Collective")
    expect(page.get_by_role("heading", name="Evening track: 9 hours a week")).to_be_visible()
    table = page.locator("table").filter(has_text="Each week").nth(1)
    rows = table.locator("tbody tr")
    expect(rows.nth(0)).to_have_text(re.compile(r"Monday\s*6:00 PM\s*9:00 PM\s*3"))
    expect(rows.last).to_have_text(re.compile(r"Each week\s*9"))
    expect(page.locator('a[href="tel:+15035550142"]').first).to_have_text("(503) 555-0142")
    expect(page.locator(".iop-badge--evening").first).to_have_text("Evening")
    expect(page.get_by_text("Last verified 2026-10-14")).to_be_visible()
    assert visit.third_party == []
    assert visit.console_errors == []
    assert visit.page.context.cookies() == []


def test_browse_pages_reach_every_provider(visit: Visit, site: Server) -> None:
    visit.page.goto(site.url + "browse/")
    visit.page.get_by_role("link", name="Oregon").click()
    visit.page.get_by_role("link", name="Lanternfish Recovery Collective").click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(
        "Lanternfish Recovery Collective")
    assert visit.third_party == []


PAGE_TYPES = ["", "finder/", "finder/linking/", PROVIDER, "browse/", "browse/evening/",
              "browse/states/or/", "browse/levels/iop/", "is-an-iop-right-for-me/",
              "for-providers/", "for-maintainers/", "about-the-data/", "performance/",
              "404.html"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_passes_axe_with_the_wcag_2_2_tags(
        visit_with: Callable[..., Visit], site: Server, path: str, width: int) -> None:
    page = visit_with(viewport={"width": width, "height": 900}).page
    page.goto(site.url + path)
    if path == "finder/":
        page.wait_for_function("() => document.getElementById('iop-finder').dataset.loaded === '1'")
    axe_check(page)


def test_the_crisis_lines_are_on_screen_at_the_end_of_a_long_page(
        visit_with: Callable[..., Visit], site: Server) -> None:
    page = visit_with(viewport={"width": 390, "height": 844}).page
    page.goto(site.url + PROVIDER)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    footer = page.locator(".iop-footer")
    expect(footer).to_be_in_viewport()
    call = footer.locator('a[href="tel:988"]')
    box = call.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44  # like a Call button


def test_pages_work_without_javascript(browser: Browser, site: Server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + PROVIDER)
    expect(page.get_by_role("heading", name="Evening track: 9 hours a week")).to_be_visible()
    expect(page.get_by_role("region", name="Need help now?")).to_contain_text("988")
    context.close()


def test_every_built_page_has_crisis_lines_and_no_external_assets(site: Server) -> None:
    pages = list(site.root.rglob("*.html"))
    assert len(pages) > 30
    assert any(html.relative_to(site.root).parts[0] == "es" for html in pages)
    for html in pages:
        text = html.read_text(encoding="utf-8")
        spanish = html.relative_to(site.root).parts[0] == "es"  # texting AYUDA reaches Spanish
        hrefs = (*CRISIS.values(), "sms:988?&amp;body=AYUDA" if spanish else "sms:988")
        for href in hrefs:
            assert f'href="{href}"' in text, f"{html} lacks {href}"
        # and again at the end, for a person who scrolled down: the footer has them all
        footer = text.partition('class="iop-footer')[2]
        for href in hrefs:
            assert f'href="{href}"' in footer, f"{html}: the footer lacks {href}"
        assert not EXTERNAL_ASSET.search(text), f"{html} loads something from another host"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("hostile")
    server = serve(build_site(root / "site", ROOT / "tests" / "golden" / "valid"))
    yield server
    server.stop()


def test_hostile_listing_text_stays_text(browser: Browser, hostile_site: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    page.goto(hostile_site.url + "providers/hostile-text-clinic/")
    article = page.locator("article")
    expect(article.get_by_role("heading", level=1)).to_have_text(
        "<script>alert('name')</script> **Bold** [x](javascript:alert(1))")
    expect(article).to_contain_text("<img src=x onerror=alert(1)> Hello # Heading")
    injected = article.locator("script, img, iframe, svg[onload], [onerror], [onload], "
                               "a[href^='javascript'], b, i, strong:has-text('Bold')")
    expect(injected).to_have_count(0)
    assert page.title().startswith("<script>alert('name')</script>")
    page.goto(hostile_site.url + "browse/states/or/")
    expect(page.locator("article a[href^='javascript']")).to_have_count(0)
    assert dialogs == []
    context.close()


def test_site_files_hold_no_raw_hostile_markup(hostile_site: Server) -> None:
    page = Path(hostile_site.root, "providers", "hostile-text-clinic", "index.html").read_text()
    for raw in ("<script>alert", "<svg onload", "<img src=x", "<iframe src", "<b>Carrier"):
        assert raw not in page

