"""The Content-Security-Policy that every page carries in a <meta> element, in Chromium.

Served by a plain http.server, which sends no security header at all (as GitHub Pages cannot),
the meta policy alone must block a script that an escaping bug would let into a page; and
Material's instant navigation, which swaps page content without a reload, must run into no
policy violation on any page type.
"""

from __future__ import annotations

import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import Server, serve, serve_at_own_address, watch

pytestmark = pytest.mark.browser

# Records what the policy refused: the document outlives instant navigation, so one list
# collects the violations of every page a visit goes through.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
PAGE_TYPES = ["finder/", "providers/lanternfish-recovery-collective/", "browse/",
              "browse/states/or/", "browse/evening/", "browse/levels/iop/",
              "is-an-iop-right-for-me/", "about-the-data/", "for-providers/", ""]


def _no_security_headers(url: str) -> None:
    with urllib.request.urlopen(url) as response:
        names = {name.lower() for name in response.headers}
    assert not names & {"content-security-policy", "x-frame-options"}, names


@pytest.fixture(scope="module")
def planted_site(site: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The sample site with what an escaping bug would put on a provider page."""
    root = tmp_path_factory.mktemp("planted") / "site"
    shutil.copytree(site.root, root)
    page = root / "providers" / "lanternfish-recovery-collective" / "index.html"
    html = page.read_text(encoding="utf-8")
    planted = ('<script>window.__pwned = 1</script>'
               '<img src="../../assets/favicon.svg" onload="window.__pwned = 2">'
               '<a id="planted" href="javascript:window.__pwned = 3">x</a>')
    assert html.count("<h1 ") == 1
    page.write_text(html.replace("<h1 ", planted + "<h1 ", 1), encoding="utf-8")
    server = serve(root)
    yield server
    server.stop()


def test_the_meta_policy_alone_blocks_a_planted_script(browser: Browser,
                                                       planted_site: Server) -> None:
    url = planted_site.url + "providers/lanternfish-recovery-collective/"
    _no_security_headers(url)
    context = browser.new_context()
    try:
        context.add_init_script(RECORD_VIOLATIONS)
        visit = watch(context, planted_site)
        page = visit.page
        page.goto(url)
        page.wait_for_load_state("load")
        page.locator("#planted").click()
        page.wait_for_function("() => window.__violations.length >= 3")
        assert page.evaluate("window.__pwned") is None
        violations = page.evaluate("window.__violations")
        assert all(v.startswith("script-src") for v in violations), violations
        assert page.locator("h1").inner_text() == "Lanternfish Recovery Collective"
        assert visit.third_party == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Built for its own address (Material's instant navigation needs site_url)."""
    server = serve_at_own_address(tmp_path_factory.mktemp("instant-policy"))
    yield server
    server.stop()


def _go(page: Page, url: str) -> None:
    """Follow a link the way a visitor does, so Material's instant navigation handles it."""
    page.evaluate("""url => {
        const a = document.createElement('a');
        a.href = url;
        document.querySelector('.md-content').append(a);
        a.click();
    }""", url)
    page.wait_for_url(url)
    page.wait_for_load_state("networkidle")


def test_instant_navigation_between_page_types_breaks_no_policy(
        browser: Browser, instant_site: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.add_init_script(RECORD_VIOLATIONS)
        visit = watch(context, instant_site)
        page = visit.page
        page.goto(instant_site.url)
        page.wait_for_load_state("networkidle")  # Material has read the sitemap
        page.evaluate("window.__stayed = true")
        for path in PAGE_TYPES:
            _go(page, instant_site.url + path)
            assert page.evaluate("window.__stayed") is True, path  # no full reload
            assert page.evaluate("window.__violations") == [], path
        page.reload()  # and every page type loaded in full keeps to its own policy
        for path in PAGE_TYPES:
            page.goto(instant_site.url + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__violations") == [], path
        policy = [m for m in visit.console_errors if re.search(r"Content.Security", m, re.I)]
        assert policy == [] and visit.third_party == []
    finally:
        context.close()


def test_every_page_of_the_sample_site_has_one_policy_first(site: Server) -> None:
    for html in Path(site.root).rglob("*.html"):
        head = html.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert head.count('http-equiv="Content-Security-Policy"') == 1, html
        assert head.index("Content-Security-Policy") < head.index("<script"), html
