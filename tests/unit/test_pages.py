"""Provider pages, browse pages and markers, from models built in code."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from generator.output import site
from generator.pages import browse, headings, provider_page
from tests.unit.helpers import listing, program, provider, track

TODAY = dt.date(2026, 11, 26)
HREF = re.compile(r'href="([^"]+)"')


def test_provider_page_has_schedule_table_badges_and_tel_link() -> None:
    data = listing(programs=[program(tracks=[
        track((["mon", "tue", "thu"], "18:00", "21:00"), (["sat"], "09:00", "12:00"), name="Eve"),
        track((["mon", "thu"], "18:00", "21:00"), name="Weeknights"),
        track((["sat", "sun"], "09:00", "12:00"), name="Weekends"),
    ])])
    page = provider_page.render(provider(data), TODAY)
    assert "<tr><td>Monday</td><td>6:00 PM</td><td>9:00 PM</td><td>3</td></tr>" in page
    assert "<tr><td>Saturday</td><td>9:00 AM</td><td>12:00 PM</td><td>3</td></tr>" in page
    assert ("<tr><td><strong>Each week</strong></td><td></td><td></td>"
            "<td><strong>12</strong></td></tr>") in page
    assert '<h4 id="program-1-track-1">Eve: 12 hours a week</h4>' in page
    # Badges describe the whole track: the mixed track gets neither.
    eve, weeknights, weekends = (page.split("<h4 ")[i].split("<table")[0] for i in (1, 2, 3))
    assert "iop-badge--evening" not in eve and "iop-badge--weekend" not in eve
    assert 'iop-badge--evening">Evening<' in weeknights and "iop-badge--weekend" not in weeknights
    assert 'iop-badge--weekend">Weekend<' in weekends and "iop-badge--evening" not in weekends
    assert '<a class="iop-tel" href="tel:+15035550199">(503) 555-0199</a>' in page
    assert "Times are local, Pacific time." in page


def test_a_whole_number_of_weeks_shows_without_a_decimal() -> None:
    """JSON Schema counts 8.0 as an integer: the page says '8 weeks', never '8.0 weeks'."""
    for weeks, shown in ((8.0, "8 weeks"), (1, "1 week"), (12, "12 weeks")):
        page = provider_page.render(provider(listing(programs=[program(length_weeks=weeks)])),
                                    TODAY)
        assert f"<strong>Typical length:</strong> {shown}</li>" in page


def test_programs_on_this_page_are_listed_when_there_are_several() -> None:
    one = provider_page.render(provider(), TODAY)
    two = provider_page.render(provider(listing(programs=[program(), program(name="PHP")])),
                               TODAY)
    assert "Programs on this page" not in one
    assert '<li><a href="#program-2">PHP</a></li>' in two


def test_each_program_says_whom_to_call_intake_line_first() -> None:
    data = listing(intake_phones=["(503) 555-0198"], programs=[program(), program(name="Two")])
    page = provider_page.render(provider(data), TODAY)
    call = ('<li><strong>Call:</strong> <a class="iop-tel" href="tel:+15035550198">'
            '(503) 555-0198</a>, <a class="iop-tel" href="tel:+15035550199">(503) 555-0199</a>'
            '</li>')
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
    assert state_page.count('<a href="../../../providers/clinic-') == 3
    assert '<a href="../../../providers/clinic-0/">Clinic 0</a>' in state_page
    assert "browse/levels/iop.md" in files
    assert "browse/evening.md" in files and "Clinic 1" in files["browse/evening.md"]
    weekend = files["browse/weekend.md"]
    assert "No program in this directory lists a track that meets only on weekends" in weekend
    assert '<a href="../../finder/">Find programs near you</a>' in weekend  # not a dead end
    index = files["browse/index.md"]
    assert '<li><a href="states/or/">Oregon</a> (3 listings)</li>' in index


def test_long_browse_lists_split_into_a_page_per_state() -> None:
    many = [provider(listing(name=f"Clinic {i}"), slug=f"clinic-{i}")
            for i in range(browse.SPLIT_AT + 1)]
    wa = listing(name="Washington Clinic")
    wa["locations"][0].update(state="WA", zip="98660", city="Vancouver")
    files = browse.generate([*many, provider(wa, slug="wa-clinic")])
    assert "browse/evening/or.md" in files and "browse/evening/wa.md" in files
    assert '<li><a href="or/">Oregon</a> (301)</li>' in files["browse/evening.md"]
    assert 'href="../../../providers/wa-clinic/#program-1"' in files["browse/evening/wa.md"]


def test_every_generated_link_targets_a_generated_page() -> None:
    providers = [provider(listing(name=f"Clinic {i}", related_listings=["clinic-1"]),
                          slug=f"clinic-{i}") for i in range(2)]
    files = site.generate(providers, TODAY)
    pages = {_address(path) for path in files if path.endswith(".md")}
    checked = 0
    for path, content in files.items():
        if not isinstance(content, str) or not path.endswith(".md"):
            continue
        for target in HREF.findall(content):
            if target.startswith(("http", "tel:", "mailto:", "#")):
                continue
            resolved = posixpath.normpath(posixpath.join(_address(path), target.split("#")[0]))
            if target.endswith(".ics"):
                assert resolved in files, f"{path} links to missing {resolved}"
            else:
                assert resolved + "/" in pages or resolved in ("finder", "."), \
                    f"{path} links to missing {resolved}"
            checked += 1
    assert checked > 20


def _address(docs_path: str) -> str:
    """Where MkDocs serves a page (directory URLs), relative to the site root."""
    stem = docs_path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def test_summary_marker_counts_listings_and_flags_samples() -> None:
    providers = [provider(listing(sample=True))]
    out = site.expand_markers("Intro\n<!-- iopdir:summary -->\n<!-- iopdir:unknown -->", providers)
    assert "**1 provider** with **1 program** and **1 weekly schedule** in 1 state." in out
    assert "Sample data" in out
    assert "<!-- iopdir:unknown -->" in out


def test_the_table_of_contents_is_read_back_from_the_page_block() -> None:
    """Markdown sees no heading in a raw HTML block; the plugin gives Material this instead,
    for the page's table of contents and its "Skip to content" link."""
    data = listing(name="A <b>&</b> Clinic", programs=[
        program(tracks=[track((["mon"], "18:00", "21:00"), name="Eve"),
                        track((["sat"], "09:00", "12:00"), name="Sat")]),
        program(name="PHP")])
    tokens = headings.toc_tokens(provider_page.render(provider(data), TODAY))
    [title] = tokens
    assert (title["id"], title["name"], title["level"]) == (
        "title", "A &lt;b&gt;&amp;&lt;/b&gt; Clinic", 1)
    assert [t["id"] for t in title["children"]] == ["locations", "programs"]
    programs = title["children"][1]["children"]
    assert [p["id"] for p in programs] == ["program-1", "program-2"]
    assert [t["id"] for t in programs[0]["children"]] == ["program-1-track-1", "program-1-track-2"]
    assert programs[0]["children"][0]["name"] == "Eve: 3 hours a week"
