"""The compact search index: one escaped entry per provider, browse pages trimmed to their intro."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.finder import search_index
from generator.load.catalog import load_paths
from generator.model.records import Provider
from tests.conftest import PROVIDERS, TODAY


def _provider(name: str = "Lanternfish Recovery Collective") -> Provider:
    catalog = load_paths([PROVIDERS / "lanternfish-recovery-collective.yaml"], TODAY)
    return dataclasses.replace(catalog.providers[0], name=name)


def test_a_provider_entry_has_its_places_as_tags_once_each() -> None:
    entry = search_index.provider_entry(_provider(), "providers/lanternfish/")
    assert entry == {
        "location": "providers/lanternfish/",
        "title": "Lanternfish Recovery Collective",
        "text": "Intensive outpatient (IOP), Outpatient",
        "tags": ["Portland, OR", "97201", "97209"],
    }


def test_provider_text_is_escaped_because_material_shows_entries_as_html() -> None:
    entry = search_index.provider_entry(_provider('<img src=x onerror="alert(1)"> & Co'), "p/")
    assert entry["title"] == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co"


def test_compact_trims_browse_pages_and_drops_empty_sections() -> None:
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "browse/states/or/", "title": "Oregon",
         "text": "<p>Providers in Oregon.</p> <ul> <li>Lanternfish: Portland.</li> </ul>"},
        {"location": "browse/levels/iop/#oregon", "title": "Oregon", "text": "<ul>...</ul>"},
        {"location": "about/#privacy", "title": "Privacy", "text": ""},
        {"location": "about/#data", "title": "Data", "text": "<p>Where it comes from.</p>"},
    ]}
    browse = {"browse/states/or/", "browse/levels/iop/"}
    entry = search_index.provider_entry(_provider(), "providers/lanternfish/")
    compact = search_index.compact(index, [entry], browse)
    assert compact["config"] == {"lang": ["en"]}
    assert [d["location"] for d in compact["docs"]] == [
        "browse/states/or/", "about/#data", "providers/lanternfish/"]
    assert compact["docs"][0]["text"] == "<p>Providers in Oregon.</p>"


def test_today_is_not_part_of_an_entry() -> None:
    """Entries are the same whatever day the site is built (no churn in the index)."""
    provider = _provider()
    assert search_index.provider_entry(provider, "p/") == search_index.provider_entry(
        dataclasses.replace(provider, last_verified=str(TODAY - dt.timedelta(days=400))), "p/")


def test_each_language_gets_one_entry_that_opens_the_finder_with_it() -> None:
    entries = search_index.language_entries(["es", "en", "es", "vi"])
    assert [e["location"] for e in entries] == ["finder/?lang=en", "finder/?lang=es",
                                                "finder/?lang=vi"]
    spanish = entries[1]
    assert spanish["title"] == "Programs in Español" and spanish["tags"] == ["Spanish", "Español"]
    assert entries[0]["tags"] == ["English"]  # one tag when the two names are the same
    assert search_index.language_entries(["es"], "es")[0]["title"] == "Programas en Español"
