"""A search index a phone can load at national scale: one short entry per provider.

Material's built-in search indexes every section of every page, and the browser downloads the
whole index before the first result. With 20,000 provider pages that was 35 MB (2.6 MB gzipped)
and growing with each field added to the pages. People search the directory for a provider's
name, a city or a ZIP code; program details (schedules, insurance, languages) are what the finder
filters. So provider pages are left out of Material's indexing and each provider gets one entry:

- title: the provider's name (Material's title field, boost 1,000);
- tags: each location's "City, ST" and ZIP code (the tags field, boost 1,000,000), so a search for
  a city or a ZIP lists the providers there before any page that merely mentions it;
- text: the levels of care, shown under the name in the results.

Languages are not in provider entries (a search for "Spanish" found "Spanish Fork, UT"): one
entry per language the programs offer points to the finder with that language chosen, found by
the language's English name and its own ("Spanish", "Español").

Browse pages keep their title and first paragraph; their long lists of providers repeated every
name (a provider appears on its state page and on each level and schedule page). Entries are
written as HTML, as Material's own are, so provider text is escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.model import i18n
from generator.model.records import Provider
from generator.model.vocab import CONTINUUM, LANGUAGES, endonym

Entry = dict[str, Any]
_FIRST_PARAGRAPH = re.compile(r"<p>.*?</p>", re.S)


def provider_entry(provider: Provider, location: str) -> Entry:
    places: list[str] = []
    for loc in provider.locations:
        for tag in (f"{loc.city}, {loc.state}", loc.zip[:5]):
            if tag not in places:
                places.append(tag)
    levels = ", ".join(CONTINUUM[level] for level in provider.levels_of_care)
    return {"location": location, "title": html.escape(provider.name),
            "text": html.escape(levels), "tags": [html.escape(tag) for tag in places]}


def language_entries(codes: Iterable[str], lang: str = i18n.SOURCE) -> list[Entry]:
    """One entry per language code: the finder showing the programs that offer it."""
    words = i18n.translations(lang)
    entries = []
    for code in sorted(set(codes)):
        own, english = endonym(code), LANGUAGES.get(code, code)
        title = words.gettext("Programs in %(language)s") % {"language": own}
        text = words.gettext("The finder lists the programs that offer sessions in this "
                             "language, near you.")
        entries.append({"location": f"finder/?lang={code}", "title": html.escape(title),
                        "text": html.escape(text),
                        "tags": [html.escape(t) for t in dict.fromkeys((english, own))]})
    return entries


def rewrite(path: Path, entries: Iterable[Entry], browse_pages: set[str]) -> None:
    """Material's search_index.json at `path`, compacted in place (see `compact`). Without the
    file (no search plugin), or in a form this code does not know, nothing is done."""
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
        return
    compacted = compact(index, entries, browse_pages)
    path.write_text(json.dumps(compacted, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


def compact(index: dict[str, Any], entries: Iterable[Entry],
            browse_pages: set[str]) -> dict[str, Any]:
    """`index` (Material's search_index.json) with the provider `entries` (provider_entry,
    made while generating: a build need not keep the providers until then) and the browse
    pages at `browse_pages` (URLs) trimmed."""
    kept: dict[str, Entry] = {}
    for doc in index["docs"]:
        trimmed = _trimmed(doc, browse_pages)
        if trimmed is not None:  # the last one wins: serve's dirty rebuilds repeat entries
            kept[str(trimmed.get("location", ""))] = trimmed
    return {**index, "docs": [*kept.values(), *entries]}


def _trimmed(doc: Entry, browse_pages: set[str]) -> Entry | None:
    """None for entries not worth their bytes: the sections of browse pages (each is a list of
    providers), and headings with no text of their own."""
    location = str(doc.get("location", ""))
    page, _, section = location.partition("#")
    if page in browse_pages:
        if section:
            return None
        first = _FIRST_PARAGRAPH.search(str(doc.get("text", "")))
        return {**doc, "text": first.group(0) if first else ""}
    if section and not doc.get("text"):
        return None
    return doc
