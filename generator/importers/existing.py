"""The listing files already in the output directory: found by id (or by name and address), so a
re-import updates them in place instead of writing a second file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.importers.listing import ID_KEY
from generator.load import yamlload
from generator.load.catalog import display_path
from generator.load.diagnostics import Diagnostic, Severity
from generator.load.duplicates import name_key, street_key


@dataclass
class Listing:
    slug: str
    path: Path
    text: str
    data: dict[str, Any]

    @property
    def external_id(self) -> str | None:
        ids = self.data.get("external_ids")
        value = ids.get(ID_KEY) if isinstance(ids, dict) else None
        return value if isinstance(value, str) else None

    @property
    def key(self) -> str | None:
        """The facility key (name, street, ZIP) of the first location, as Facility.key."""
        locations = self.data.get("locations")
        first = locations[0] if isinstance(locations, list) and locations else None
        if not isinstance(first, dict):
            return None
        name, street, zip_code = self.data.get("name"), first.get("street"), first.get("zip")
        if not all(isinstance(v, str) for v in (name, street, zip_code)):
            return None
        return f"{name_key(str(name))}|{street_key(str(street))}|{str(zip_code)[:5]}"


@dataclass
class Existing:
    listings: dict[str, Listing] = field(default_factory=dict)  # by slug
    problems: list[Diagnostic] = field(default_factory=list)

    def by_id(self) -> dict[str, Listing]:
        return {x.external_id: x for x in self.listings.values() if x.external_id}

    def by_key(self) -> dict[str, Listing]:
        found: dict[str, Listing] = {}
        for listing in sorted(self.listings.values(), key=lambda x: x.slug):
            if listing.key:
                found.setdefault(listing.key, listing)
        return found


def scan(directory: Path) -> Existing:
    """Every .yaml file in `directory`; files that cannot be read are problems, because merging
    without them could write a second listing for the same facility."""
    found = Existing()
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.yaml")):
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            found.problems.append(Diagnostic(shown, 1, 1, Severity.ERROR, f"cannot read the "
                                             f"file ({exc}); fix it, then import again"))
            continue
        doc, problems = yamlload.load(text, shown)
        if problems or not isinstance(doc.data, dict):
            found.problems += problems or [Diagnostic(shown, 1, 1, Severity.ERROR,
                                                      "not a listing (a mapping of fields); fix "
                                                      "or move the file, then import again")]
            continue
        found.listings[path.stem] = Listing(path.stem, path, text, doc.data)
    return found
