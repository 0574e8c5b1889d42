"""Links that open a listing's issue forms on GitHub, prefilled from the listing.

Pure, and no HTML: the page escapes what it gets. A link carries only what the listing already
shows publicly (its file name and current values), never anything about the visitor. GitHub
refuses very long addresses, so fields are added in order of use while the address stays
under MAX_URL; the file name always fits.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from generator.model import issue_forms, schedule_text
from generator.model.issue_forms import Field
from generator.model.records import Program, Provider
from generator.model.vocab import PAYMENT, language_name

MAX_URL = 2000  # a length every browser and GitHub accept
_GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?")
TITLE_MAX = 100


def issues_url(repo_url: str | None) -> str | None:
    """'https://github.com/OWNER/REPO/issues/new' for a GitHub repository, else None: issue
    forms are GitHub's, so with another host (or none) the links are left out."""
    found = _GITHUB.fullmatch(repo_url.strip()) if repo_url else None
    if found is None:
        return None
    return f"https://github.com/{quote(found[1])}/{quote(found[2])}/issues/new"


def listing_file(provider: Provider) -> str:
    return f"{provider.slug}.yaml"


def update_url(repo_url: str | None, provider: Provider) -> str | None:
    """The update form, prefilled with the listing's first program as it stands."""
    base = issues_url(repo_url)
    if base is None:
        return None
    fields: list[tuple[Field, str]] = [(issue_forms.LISTING, listing_file(provider))]
    if provider.programs:
        fields += _program_fields(provider.programs[0])
    fields += [(issue_forms.PHONE, provider.phone), (issue_forms.WEBSITE, provider.website or "")]
    return _fit(base, issue_forms.UPDATE_FORM, f"Update: {provider.name}", fields)


def problem_url(repo_url: str | None, provider: Provider) -> str | None:
    base = issues_url(repo_url)
    if base is None:
        return None
    return _fit(base, issue_forms.PROBLEM_FORM, f"Problem: {provider.name}",
                [(issue_forms.LISTING, listing_file(provider))])


def _program_fields(program: Program) -> list[tuple[Field, str]]:
    return [
        (issue_forms.PROGRAM, program.name),
        (issue_forms.SCHEDULE, "\n".join(schedule_text.track_line(t) for t in program.tracks)),
        (issue_forms.PAYMENT, ", ".join(PAYMENT[c] for c in program.payment)),
        (issue_forms.LANGUAGES, ", ".join(language_name(c) for c in program.languages)),
        (issue_forms.PLANS, ", ".join(program.insurance_carriers)),
    ]


def _fit(base: str, template: str, title: str, fields: list[tuple[Field, str]]) -> str:
    """The form's address with as many of `fields` (in order) as fit under MAX_URL."""
    title = title if len(title) <= TITLE_MAX else title[:TITLE_MAX - 1] + "…"
    params = [("template", template), ("title", title)]
    for field, value in fields:
        if not value:
            continue
        candidate = [*params, (field.id, value)]
        if len(_address(base, candidate)) <= MAX_URL or field == issue_forms.LISTING:
            params = candidate
    return _address(base, params)


def _address(base: str, params: list[tuple[str, str]]) -> str:
    return f"{base}?{urlencode(params, quote_via=quote)}"

