"""Publishing: the site hosted under a sub-path (/iop/), with the host's 404 page, the security
headers of its _headers file, robots.txt, the sitemap, and provider pages that print as a
one-page call sheet. Expected values come from the listings' YAML, not from the generator."""

from __future__ import annotations

import io
import re
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdf
import pytest
import yaml
from playwright.sync_api import Browser, Page, Request, Response, expect

from tests.browser.conftest import Server, Visit, watch
from tests.browser.subpath import SubpathServer
from tests.conftest import PROVIDERS

pytestmark = pytest.mark.browser

PROVIDER = "lanternfish-recovery-collective"
NOT_FOUND_LOG = "Failed to load resource: the server responded with a status of 404 (Not Found)"
H1 = "article.md-content__inner h1"  # not the headings of search results
FINDER_READY = "() => document.getElementById('iop-finder')?.dataset.loaded === '1'"


@dataclass
class Hosted:
    """A visit to the sub-path site that also keeps every failed request."""

    server: SubpathServer
    visit: Visit
    failed: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions

    @property
    def page(self) -> Page:
        return self.visit.page

    @property
    def base(self) -> str:
        return self.server.url

    def assert_clean(self, *, expected_failures: tuple[str, ...] = ()) -> None:
        assert self.failed == list(expected_failures)
        # Chromium logs each failed load, the 404 page's own document included.
        assert self.visit.console_errors == [NOT_FOUND_LOG] * len(expected_failures)
        assert self.page_errors == []
        assert self.visit.third_party == []
        assert self.server.outside == [], "requested outside /iop/ (e.g. /favicon.ico)"


@pytest.fixture
def hosted(browser: Browser, subpath_site: Server) -> Iterator[Hosted]:
    assert isinstance(subpath_site, SubpathServer)
    subpath_site.outside.clear()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen = Hosted(subpath_site, watch(context, subpath_site))

    def on_response(response: Response) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.status} {response.url}")

    def on_failed(request: Request) -> None:
        if request.failure != "net::ERR_ABORTED":  # cut short by the next navigation
            seen.failed.append(f"failed {request.url} {request.failure}")

    seen.page.on("response", on_response)
    seen.page.on("requestfailed", on_failed)
    seen.page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    yield seen
    context.close()


def listing(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((PROVIDERS / f"{slug}.yaml").read_text("utf-8"))
    return data


def clock(hhmm: str) -> str:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


# Links, finder and search under the sub-path --------------------------------------------------

NAV = {"Find a program": "finder/", "Evening programs": "browse/evening/",
       "Is an IOP right for me?": "is-an-iop-right-for-me/", "About the data": "about-the-data/"}


def test_navigation_browse_and_provider_pages_work_under_the_sub_path(hosted: Hosted) -> None:
    page = hosted.page
    page.goto(hosted.base)
    expect(page.locator(H1)).to_have_text(re.compile("intensive outpatient program"))
    page.wait_for_load_state("networkidle")  # Material has read the sitemap: instant links
    for name, path in NAV.items():
        page.locator(".md-nav--primary").get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(hosted.base + path)
        expect(page.locator(H1)).to_be_visible()
    page.goto(hosted.base + "browse/")
    page.locator("article").get_by_role("link", name="Oregon").click()
    page.locator("article").get_by_role("link", name=listing(PROVIDER)["name"]).click()
    page.wait_for_url(f"{hosted.base}providers/{PROVIDER}/")
    expect(page.locator(H1)).to_have_text(listing(PROVIDER)["name"])
    page.locator("a.md-logo").first.click()  # the logo: home
    page.wait_for_url(hosted.base)
    hosted.assert_clean()


def test_finder_loads_its_index_under_the_sub_path(hosted: Hosted) -> None:
    page = hosted.page
    loaded: list[str] = []
    page.on("response", lambda r: loaded.append(r.url) if r.url.endswith(".json") else None)
    page.goto(hosted.base + "finder/")
    page.wait_for_function(FINDER_READY)
    expect(page.locator(".finder-result").first).to_be_visible()
    assert loaded and all(url.startswith(hosted.base) for url in loaded)
    page.locator(".finder-result a").first.click()
    page.wait_for_url(re.compile(re.escape(hosted.base)
                                 + r"providers/[a-z0-9-]+/(\?fits=[\d,]+)?#program-\d+$"))
    hosted.assert_clean()


def test_search_works_under_the_sub_path(hosted: Hosted) -> None:
    page = hosted.page
    page.goto(hosted.base + "about-the-data/")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Lanternfish", delay=20)
    result = page.locator(".md-search-result__item a").first
    # The results of the first letters come and go: wait for those of the whole name.
    expect(result).to_have_attribute(
        "href", re.compile("^" + re.escape(f"{hosted.base}providers/{PROVIDER}/")))
    result.click()
    page.wait_for_url(re.compile(re.escape(f"{hosted.base}providers/{PROVIDER}/")))
    expect(page.locator(H1)).to_have_text(listing(PROVIDER)["name"])
    hosted.assert_clean()


# The host's 404 page, at any depth ------------------------------------------------------------


@pytest.mark.parametrize("missing", ["nothing-here", "providers/no-such-clinic/", "a/b/c/d/"])
def test_a_missing_page_shows_the_404_page_with_working_links(hosted: Hosted,
                                                              missing: str) -> None:
    page = hosted.page
    response = page.goto(hosted.base + missing)
    assert response is not None and response.status == 404
    expect(page.locator(H1)).to_have_text("Page not found")
    expect(page.get_by_role("region", name="Need help now?")).to_contain_text("988")
    # Material's stylesheet applied from this depth: the header is sticky, not static.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
        == "sticky"
    page.locator("article").get_by_role("link", name="Find a program").click()
    page.wait_for_url(hosted.base + "finder/")
    page.wait_for_function(FINDER_READY)
    hosted.assert_clean(expected_failures=(f"404 {hosted.base}{missing}",))


# Security headers ------------------------------------------------------------------------------


def test_pages_carry_the_headers_and_the_policy_blocks_injected_scripts(hosted: Hosted) -> None:
    page = hosted.page
    response = page.goto(hosted.base + f"providers/{PROVIDER}/")
    assert response is not None
    headers = response.headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self' 'sha256-" in headers["content-security-policy"]
    expect(page.locator(H1)).to_have_text(listing(PROVIDER)["name"])
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.head.append(s);
        return window.__injected === true;
    }""")
    assert ran is False
    assert any("Content Security Policy" in e for e in hosted.visit.console_errors)


# robots.txt and the sitemap -------------------------------------------------------------------


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # the local test server only
        body: bytes = response.read()
    return body.decode("utf-8")


def test_robots_txt_names_the_sitemap_at_its_absolute_address(subpath_site: Server) -> None:
    robots = fetch(subpath_site.url + "robots.txt")
    assert "User-agent: *" in robots
    assert f"Sitemap: {subpath_site.url}sitemap.xml" in robots.splitlines()


def test_sitemap_lists_every_provider_page_under_the_sub_path(subpath_site: Server) -> None:
    root = ET.fromstring(fetch(subpath_site.url + "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text or "" for el in root.findall("s:url/s:loc", ns)]
    assert all(loc.startswith(subpath_site.url) for loc in locs)
    wanted = {f"{subpath_site.url}providers/{p.stem}/" for p in PROVIDERS.glob("*.yaml")}
    assert wanted <= set(locs)
    assert subpath_site.url in locs and subpath_site.url + "finder/" in locs


# Print: a one-page call sheet -----------------------------------------------------------------


def print_pdf(page: Page, url: str) -> pypdf.PdfReader:
    page.goto(url)
    return pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter")))


@pytest.mark.parametrize("slug", sorted(p.stem for p in PROVIDERS.glob("*.yaml")))
def test_every_sample_provider_page_prints_on_one_page(hosted: Hosted, slug: str) -> None:
    pdf = print_pdf(hosted.page, f"{hosted.base}providers/{slug}/")
    assert len(pdf.pages) == 1


def test_the_call_sheet_has_name_phone_addresses_times_and_insurance(hosted: Hosted) -> None:
    data = listing(PROVIDER)
    url = f"{hosted.base}providers/{PROVIDER}/"
    pdf = print_pdf(hosted.page, url)
    printed = " ".join(pdf.pages[0].extract_text().split())
    wanted = [data["name"], data["phone"], "988", "1-800-662-4357", f"Printed from {url}"]
    wanted += [f"{loc['street']}, {loc['city']}, {loc['state']} {loc['zip']}"
               for loc in data["locations"]]
    for program in data["programs"]:
        wanted += [program["name"], *program.get("insurance_carriers", [])]
        for track in program["tracks"]:
            wanted.append(track["name"])
            wanted += [f"{clock(s['start'])} {clock(s['end'])}" for s in track["sessions"]]
    missing = [text for text in wanted if text not in printed]
    assert missing == [], f"not on the printed page: {missing}"
    assert data["description"][:40] not in printed  # the screen's prose stays off the sheet


def test_print_hides_the_screen_furniture(hosted: Hosted) -> None:
    page = hosted.page
    page.goto(f"{hosted.base}providers/{PROVIDER}/")
    source = page.locator(".iop-print-source")
    expect(source).to_be_hidden()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".iop-badge"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.get_by_role("region", name="Need help now?")).to_be_visible()
    expect(source).to_have_text(f"Printed from {hosted.base}providers/{PROVIDER}/")
    expect(page.locator("table").first).to_be_visible()
