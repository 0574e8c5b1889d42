"""Sites of one organisation name each other in `related_listings`, which tells the duplicate
check that they may share a phone line (a chain's central intake) and a name in one city.

Two listings are taken to be one organisation's when they share the main phone number, or the
name within one city and state.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.load.duplicates import name_key, phone_key

MAX_RELATED = 100  # the schema's limit


def _keys(data: dict[str, Any]) -> list[str]:
    keys = []
    phone, name, locations = data.get("phone"), data.get("name"), data.get("locations")
    if isinstance(phone, str):
        keys.append("phone:" + phone_key(phone))
    first = locations[0] if isinstance(locations, list) and locations else None
    if isinstance(name, str) and isinstance(first, dict):
        keys.append(f"name:{name_key(name)}|{name_key(str(first.get('city')))}|"
                    f"{first.get('state')}")
    return keys


def link(listings: dict[str, dict[str, Any]], known: set[str]) -> list[str]:
    """Add related slugs to every imported listing (by slug) that shares a phone or a name in
    one city with others; drop entries that name no listing in `known`. Returns the slugs whose
    data changed."""
    groups: dict[str, set[str]] = defaultdict(set)
    for slug, data in listings.items():
        for key in _keys(data):
            groups[key].add(slug)
    changed = []
    for slug, data in sorted(listings.items()):
        before = data.get("related_listings")
        kept = [s for s in before if isinstance(s, str) and s in known and s != slug] \
            if isinstance(before, list) else []
        sharing = {s for key in _keys(data) for s in groups[key]}
        added = sorted(s for s in sharing if s != slug and s not in kept)
        related = (kept + added)[:MAX_RELATED]
        if related:
            data["related_listings"] = related
        else:
            data.pop("related_listings", None)
        if data.get("related_listings") != before:
            changed.append(slug)
    return changed
