"""What a provider page says about calls (verified, unreachable, reported), about facts the
source does not give, and the links to the issue forms."""

from __future__ import annotations

import datetime as dt
import html
import re

from generator.pages import provider_page
from tests.unit.helpers import listing, program, provider

TODAY = dt.date(2026, 11, 26)
REPO = "https://github.com/example/iop-directory"


def _page(repo_url: str | None = None, **changes: object) -> str:
    return provider_page.render(provider(listing(**changes)), TODAY, (), repo_url)


def test_facts_the_source_does_not_give_ask_people_to_call() -> None:
    unknown = program(payment="not_listed", populations="not_listed", services="not_listed",
                      accepting_new_patients={"status": "unknown"})
    page = _page(programs=[unknown])
    for label in ("Who it serves", "Insurance and payment", "Services"):
        assert f"<strong>{label}:</strong> Not listed in the source: call to ask</li>" in page
    assert "<strong>Accepting new patients:</strong> Intake status unknown</li>" in page


def test_the_last_check_says_who_and_how() -> None:
    page = _page(verification={"by": "Volunteer caller, *211*", "method": "phone_call",
                               "date": "2026-10-01"})
    assert ("Last verified 2026-10-01; checked by phone by Volunteer caller, *211* on "
            "2026-10-01.") in page


def test_a_failed_call_is_shown_near_the_top() -> None:
    page = _page(unreachable={"reason": "disconnected", "attempts": 3, "date": "2026-11-02"})
    notice = page.index('<p class="admonition-title">We could not reach this program by phone')
    assert notice < page.index('<h2 id="programs">')
    assert "After 3 calls, the last on 2026-11-02, the number is not in service." in page


def test_a_confirmed_report_asks_people_to_call_first() -> None:
    page = _page(recheck={"reason": "The <b>phone</b> number is wrong", "date": "2026-11-03"})
    assert ('<p class="admonition-title">Someone reported a problem with this listing</p>'
            in page)
    assert "The &lt;b&gt;phone&lt;/b&gt; number is wrong (reported 2026-11-03)" in page


def test_no_form_links_without_a_github_repository() -> None:
    for repo in (None, "https://gitlab.com/example/iop-directory"):
        page = _page(repo)
        assert "Is this your program?" not in page and "github.com" not in page


def test_form_links_with_a_repository_tell_the_other_site_nothing() -> None:
    page = _page(REPO)
    links = re.findall(r'<a href="([^"]+)" rel="([^"]+)">([^<]+)</a>', page)
    forms = {label: (html.unescape(href), rel) for href, rel, label in links
             if "github.com" in href}
    assert set(forms) == {"Add or correct its hours", "Report a problem with this listing"}
    for href, rel in forms.values():
        assert href.startswith(REPO + "/issues/new?template=")
        assert "noreferrer" in rel.split()
    assert "Is this your program? <a href=" in page
