"""The page of one provider: contact, locations, and each program with its schedules.

The page is Markdown front matter (title, description, schema.org JSON-LD) and one raw HTML
block rendered from templates/provider/ with autoescaping, so no listing text is ever parsed as
Markdown (see templating.py). Links are relative to the page's address, providers/<slug>/; a page
in another language than the site's first lives under <lang>/ and reaches the shared data files
(calendars) one folder further up (`data_root`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from generator.model import fmt, i18n, issue_links
from generator.model.freshness import is_stale, unchecked_import
from generator.model.i18n import N_
from generator.model.links import site_host
from generator.model.records import Program, Provider
from generator.model.vocab import ACCEPTING, FORMATS, LEVELS
from generator.opendata import jsonld
from generator.opendata.paths import calendar_path
from generator.pages import templating


def page_path(slug: str) -> str:
    """Where a provider's page lives among the docs files (its URL is providers/<slug>/)."""
    return f"providers/{slug}.md"


def render(provider: Provider, today: dt.date,
           related: Sequence[tuple[str, str]] = (), repo_url: str | None = None,
           lang: str = i18n.SOURCE, data_root: str = "") -> str:
    """`related`: (slug, name) of the organisation's other listings (see `related_sites`);
    `repo_url`: the project's repository, for the links to its issue forms (none without);
    `lang`: the page's language; `data_root`: from the language's root to the data files'."""
    # schema.org data for search engines; overrides/main.html puts it in <head>, where
    # Material's instant navigation never re-runs it as a script (it does in the content).
    head = templating.front_matter(title=provider.name,
                                   description=_meta_description(provider, lang),
                                   iopdir_jsonld=jsonld.dumps(jsonld.clinic(provider)))
    body = templating.render(
        "provider/page.html", lang, provider=provider, related=related,
        stale=is_stale(provider.last_verified, today),
        unchecked=unchecked_import(provider),
        website_host=site_host(provider.website) if provider.website else "",
        badges=partial(program_badges, lang=lang),
        calendar=lambda *at: data_root + calendar_path(provider.slug, *at),
        update_url=issue_links.update_url(repo_url, provider),
        problem_url=issue_links.problem_url(repo_url, provider))
    return head + body


def _meta_description(provider: Provider, lang: str) -> str:
    places = "; ".join(sorted({fmt.place(loc) for loc in provider.locations}))
    labels = i18n.table(LEVELS, lang)
    levels = ", ".join(labels[lv].split(" (")[0] for lv in _program_levels(provider))
    text = i18n.gettext_(lang, "%(levels)s in %(places)s. Schedules, insurance, languages and "
                               "how to reach them.")
    return text % {"levels": levels, "places": places}


def _program_levels(provider: Provider) -> list[str]:
    return [lv for lv in LEVELS if any(p.level_of_care == lv for p in provider.programs)]


def program_anchor(index: int) -> str:
    return f"program-{index}"


def program_badges(program: Program, lang: str = i18n.SOURCE) -> list[tuple[str, str]]:
    """(css modifier, label) pairs: level of care, intake status, schedule and format facts."""
    badges = [("level", LEVELS[program.level_of_care]),
              ("accepting-" + program.accepting, ACCEPTING[program.accepting])]
    if any(t.evening for t in program.tracks):
        badges.append(("evening", N_("Evening")))
    if any(t.weekend for t in program.tracks):
        badges.append(("weekend", N_("Weekend")))
    if not program.schedule_listed:
        badges.append(("unlisted", N_("Schedule not listed")))
    if program.format != "in_person":
        badges.append(("format", FORMATS[program.format]))
    return [(kind, i18n.gettext_(lang, label)) for kind, label in badges]


def related_sites(providers: Sequence[Provider]) -> dict[str, list[tuple[str, str]]]:
    """For each slug, (slug, name) of the listings it names in `related_listings` or that name
    it: one listing naming the other is enough, as for the duplicate checks."""
    names = {p.slug: p.name for p in providers}
    links: dict[str, set[str]] = {slug: set() for slug in names}
    for provider in providers:
        for other in provider.related_listings:
            if other in names and other != provider.slug:
                links[provider.slug].add(other)
                links[other].add(provider.slug)
    return {slug: sorted(((o, names[o]) for o in others), key=lambda r: (r[1].casefold(), r[0]))
            for slug, others in links.items() if others}
