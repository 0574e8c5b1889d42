"""Provider pages, browse pages and markers, from models built in code."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from generator.output import site
from generator.pages import browse, provider_page
from tests.unit.helpers import listing, program, provider, track

TODAY = dt.date(2026, 11, 26)
LINK = re.compile(r"\]\(([^)]+)\)")


def test_provider_page_has_schedule_table_badges_and_tel_link() -> None:
    data = listing(programs=[program(tracks=[
        track((["mon", "tue", "thu"], "18:00", "21:00"), (["sat"], "09:00", "12:00"), name="Eve"),
        track((["mon", "thu"], "18:00", "21:00"), name="Weeknights"),
        track((["sat", "sun"], "09:00", "12:00"), name="Weekends"),
    ])])
    page = provider_page.render(provider(data), TODAY)
    assert "| Monday | 6:00 PM | 9:00 PM | 3 |" in page
    assert "| Saturday | 9:00 AM | 12:00 PM | 3 |" in page
    assert "| **Each week** | | | **12** |" in page
    assert "#### Eve: 12 hours a week" in page
    # Badges describe the whole track: the mixed track gets neither.
    eve, weeknights, weekends = (page.split("#### ")[i].split("<table")[0] for i in (1, 2, 3))
    assert "iop-badge--evening" not in eve and "iop-badge--weekend" not in eve
    assert 'iop-badge--evening">Evening<' in weeknights and "iop-badge--weekend" not in weeknights
    assert 'iop-badge--weekend">Weekend<' in weekends and "iop-badge--evening" not in weekends
    assert '<a href="tel:+15035550199">(503) 555-0199</a>' in page
    assert "Times are local, Pacific time." in page


def test_each_program_says_whom_to_call_intake_line_first() -> None:
    data = listing(intake_phones=["(503) 555-0198"], programs=[program(), program(name="Two")])
    page = provider_page.render(provider(data), TODAY)
    call = ('- **Call:** <a href="tel:+15035550198">(503) 555-0198</a>, '
            '<a href="tel:+15035550199">(503) 555-0199</a>')
    assert page.count(call) == 2  # in view wherever a link to #program-N lands


def test_sample_listings_say_so_on_their_page() -> None:
    assert "Sample listing" not in provider_page.render(provider(), TODAY)
    assert "Sample listing" in provider_page.render(provider(listing(sample=True)), TODAY)


def test_stale_listings_remind_people_to_call_first() -> None:
    old = provider(listing(last_verified="2025-06-01"))
    assert "over a year ago" in provider_page.render(old, TODAY)
    assert "over a year ago" not in provider_page.render(provider(), TODAY)


def test_browse_pages_link_every_provider_relatively() -> None:
    providers = [provider(listing(name=f"Clinic {i}"), slug=f"clinic-{i}") for i in range(3)]
    files = browse.generate(providers)
    state_page = files["browse/states/or.md"]
    assert state_page.count("](../../providers/clinic-") == 3
    assert "](../../providers/clinic-0.md)" in state_page
    assert "browse/levels/iop.md" in files
    assert "browse/evening.md" in files and "Clinic 1" in files["browse/evening.md"]
    weekend = files["browse/weekend.md"]
    assert "No program in this directory lists a track that meets only on weekends" in weekend
    assert "[Find programs near you](../finder/index.md)" in weekend  # not a dead end
    index = files["browse/index.md"]
    assert "[Oregon](states/or.md) (3 listings)" in index


def test_long_browse_lists_split_into_a_page_per_state() -> None:
    many = [provider(listing(name=f"Clinic {i}"), slug=f"clinic-{i}")
            for i in range(browse.SPLIT_AT + 1)]
    wa = listing(name="Washington Clinic")
    wa["locations"][0].update(state="WA", zip="98660", city="Vancouver")
    files = browse.generate([*many, provider(wa, slug="wa-clinic")])
    assert "browse/evening/or.md" in files and "browse/evening/wa.md" in files
    assert "[Oregon](evening/or.md)" in files["browse/evening.md"]
    assert "](../../providers/wa-clinic.md#program-1)" in files["browse/evening/wa.md"]


def test_every_generated_link_targets_a_generated_page() -> None:
    providers = [provider(listing(name=f"Clinic {i}"), slug=f"clinic-{i}") for i in range(2)]
    files = site.generate(providers, TODAY)
    for path, content in files.items():
        if not isinstance(content, str):
            continue
        for target in LINK.findall(content):
            if target.startswith(("http", "tel:", "mailto:")):
                continue
            resolved = posixpath.normpath(
                posixpath.join(posixpath.dirname(path), target.split("#")[0]))
            assert resolved in files or resolved.startswith(("finder/", "index.md")), \
                f"{path} links to missing {resolved}"


def test_summary_marker_counts_listings_and_flags_samples() -> None:
    providers = [provider(listing(sample=True))]
    out = site.expand_markers("Intro\n<!-- iopdir:summary -->\n<!-- iopdir:unknown -->", providers)
    assert "**1 provider** with **1 program** and **1 weekly schedule** in 1 state." in out
    assert "Sample data" in out
    assert "<!-- iopdir:unknown -->" in out


def test_relative_links_between_docs_files() -> None:
    assert browse.rel("browse/evening.md", "browse/index.md") == "evening.md"
    assert browse.rel("providers/x.md", "browse/states/or.md") == "../../providers/x.md"
    assert browse.rel("browse/index.md", "browse/evening/or.md") == "../index.md"
    assert browse.rel("index.md", "browse/index.md") == "../index.md"
