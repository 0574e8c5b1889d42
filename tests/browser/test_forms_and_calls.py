"""A site built for a GitHub repository (REPO_URL, which mkdocs.yml reads as repo_url), with a
listing that a phone check could not confirm and whose payment the source did not give: the
issue form links, the notices, the finder keeping 'not listed' as unknown, and still no request
to another host."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Server, serve, watch
from tests.conftest import PROVIDERS, ROOT, TODAY

pytestmark = pytest.mark.browser

REPO = "https://github.com/example/iop-directory"
SLUG = "quokka-lantern-outreach"
LISTING = """# yaml-language-server: $schema=../schema/provider.schema.json
# Fictional sample listing: not a real provider.
name: Quokka Lantern Outreach
description: "A fictional listing shaped like an imported one: the source gave no payment."
phone: "(217) 555-0178"
levels_of_care: [iop]
last_verified: "2026-09-01"
source: "Fictional sample listing written for this project"
verification: {by: "Volunteer caller", method: phone_call, date: "2026-09-01"}
unreachable: {reason: disconnected, attempts: 3, date: "2026-11-20"}
recheck: {reason: "The phone number is wrong or does not work", date: "2026-11-21"}
sample: true
locations:
  - {id: main, street: "7 Example Lane", city: Springfield, state: IL, zip: "62701",
     timezone: America/Chicago}
programs:
  - name: "Intensive outpatient program"
    level_of_care: iop
    populations: not_listed
    format: hybrid
    location: main
    services: [group_therapy]
    payment: not_listed
    languages: [en]
    accepting_new_patients: {status: unknown}
    tracks:
      - name: Evening track
        sessions:
          - {days: [mon, tue, thu], start: "18:00", end: "21:00"}
"""


def _config(tmp: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}", 1)
    assert 'repo_url: !ENV [REPO_URL, ""]' in text
    text = text.replace('repo_url: !ENV [REPO_URL, ""]', f"repo_url: {REPO}", 1)
    config = tmp / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("forms")
    providers = tmp / "providers"
    shutil.copytree(PROVIDERS, providers)
    (providers / f"{SLUG}.yaml").write_text(LISTING, encoding="utf-8")
    out = tmp / "site"
    subprocess.run([sys.executable, "-m", "generator", "build", "--providers", str(providers),
                    "--config", str(_config(tmp)), "--site-dir", str(out), "--strict",
                    "--today", TODAY.isoformat()], cwd=ROOT, check=True, capture_output=True,
                   text=True, env={**os.environ, "REPO_URL": REPO})
    server = serve(out)
    yield server
    server.stop()


def test_the_provider_page_links_to_the_forms_and_shows_the_calls(
        browser: Browser, forms_site: Server, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    visit = watch(context, forms_site)
    page = visit.page
    page.goto(forms_site.url + f"providers/{SLUG}/")
    expect(page.get_by_text("We could not reach this program by phone")).to_be_visible()
    expect(page.get_by_text("After 3 calls, the last on 2026-11-20, the number is not in "
                            "service.")).to_be_visible()
    expect(page.get_by_text("Someone reported a problem with this listing")).to_be_visible()
    for label in ("Who it serves", "Insurance and payment"):
        expect(page.locator("li").filter(has_text=label)).to_contain_text(
            "Not listed in the source: call to ask")
    expect(page.locator("article")).to_contain_text("checked by phone by Volunteer caller")
    update = page.get_by_role("link", name="Add or correct its hours")
    problem = page.get_by_role("link", name="Report a problem with this listing")
    for link in (update, problem):
        assert "noreferrer" in (link.get_attribute("rel") or "").split()
    query = parse_qs(urlsplit(update.get_attribute("href") or "").query)
    assert query["template"] == ["update-listing.yml"]
    assert query["listing"] == [f"{SLUG}.yaml"]
    assert query["schedule"] == ["Evening track: Mon, Tue, Thu 6-9pm"]
    page.get_by_text("Is this your program?").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "provider-phone.png"), full_page=True)
    violations = Axe().run(page).response["violations"]
    assert violations == [], [v["id"] for v in violations]
    # Material asks GitHub's API for a repository's stars unless its link is overridden.
    expect(page.locator("a.md-source").first).to_have_attribute("href", REPO)
    page.wait_for_load_state("networkidle")  # a request for the stars would have gone by now
    assert visit.third_party == [] and visit.console_errors == []
    context.close()


def test_the_finder_keeps_programs_whose_payment_is_not_listed(
        browser: Browser, forms_site: Server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit = watch(context, forms_site)
    page = visit.page
    page.goto(forms_site.url + "finder/?pay=tricare&pop=women")
    page.wait_for_function("() => document.getElementById('iop-finder').dataset.loaded === '1'")
    names = page.eval_on_selector_all(".finder-result", "els => els.map(e => e.dataset.provider)")
    assert SLUG in names  # unknown payment and population: kept, not excluded
    assert visit.third_party == []
    context.close()


def test_no_links_without_a_repository(browser: Browser, site: Server) -> None:
    context = browser.new_context()
    page = watch(context, site).page
    page.goto(site.url + "providers/lanternfish-recovery-collective/")
    expect(page.get_by_text("Is this your program?")).to_have_count(0)
    assert not re.search(r"github\.com", page.content())
    context.close()
