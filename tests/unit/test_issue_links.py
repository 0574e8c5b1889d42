"""Provider pages link to the issue forms, prefilled from the listing, only for a GitHub
repository; the links carry the listing's public values and nothing else."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from generator.model import issue_links
from tests.unit.helpers import listing, program, provider, track

REPO = "https://github.com/example/iop-directory"


def _query(url: str | None) -> dict[str, str]:
    assert url is not None
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com",
                                                        "/example/iop-directory/issues/new")
    return {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}


@pytest.mark.parametrize("repo", [REPO, REPO + "/", REPO + ".git"])
def test_a_github_repository_gives_the_issues_page(repo: str) -> None:
    assert issue_links.issues_url(repo) == REPO + "/issues/new"


@pytest.mark.parametrize("repo", [None, "", "https://gitlab.com/example/iop",
                                  "http://github.com/a/b", "https://github.com/example",
                                  "javascript:alert(1)", "https://github.com/a/b/issues?x=1"])
def test_no_link_without_a_github_repository(repo: str | None) -> None:
    assert issue_links.issues_url(repo) is None
    assert issue_links.update_url(repo, provider()) is None
    assert issue_links.problem_url(repo, provider()) is None


def test_update_link_prefills_the_file_and_current_values() -> None:
    clinic = provider(listing(programs=[program(tracks=[
        track((["mon", "tue", "thu"], "18:00", "21:00"), (["sat"], "09:00", "13:00"),
              name="Evening track")])]))
    query = _query(issue_links.update_url(REPO, clinic))
    assert query == {
        "template": "update-listing.yml", "title": "Update: Unit Test Clinic",
        "listing": "unit-test-clinic.yaml", "program": "Adult IOP",
        "schedule": "Evening track: Mon, Tue, Thu 6-9pm; Sat 9am-1pm",
        "payment": "Medicaid", "languages": "English", "phone": "(503) 555-0199",
    }


def test_problem_link_names_the_file() -> None:
    query = _query(issue_links.problem_url(REPO, provider()))
    assert query == {"template": "report-problem.yml", "title": "Problem: Unit Test Clinic",
                     "listing": "unit-test-clinic.yaml"}


def test_a_long_listing_keeps_the_address_short_and_the_file_name_always() -> None:
    many = [track((["mon"], f"{h % 20 + 1:02d}:00", f"{h % 20 + 1:02d}:30"),
                  name=f"Track number {h} " + "x" * 60) for h in range(40)]
    clinic = provider(listing(name="N" * 120, programs=[program(tracks=many)]))
    url = issue_links.update_url(REPO, clinic)
    assert url is not None and len(url) <= issue_links.MAX_URL
    query = _query(url)
    assert query["listing"] == "unit-test-clinic.yaml"
    assert "schedule" not in query and query["phone"] == "(503) 555-0199"
    assert len(query["title"]) == issue_links.TITLE_MAX


def test_listing_text_is_encoded_not_interpreted() -> None:
    clinic = provider(listing(name='Clinic "&template=evil.yml#', phone="(503) 555-0199"))
    query = _query(issue_links.problem_url(REPO, clinic))
    assert query["template"] == "report-problem.yml"
    assert query["title"] == 'Problem: Clinic "&template=evil.yml#'
