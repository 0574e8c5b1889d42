"""File names (slugs) for imported listings: from the name and place, never a row number, unique
across the country, and the same whatever order the rows come in.

Every facility starts with 'name-city'. When several facilities (or an existing file) want the
same slug, all of them move on to a longer one together: 'name-city-state', then with the street
number, then the whole street; so no facility's slug depends on which row came first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from generator.importers.facility import Facility
from generator.load.checks import RESERVED_SLUGS

MAX_LENGTH = 60  # the schema's slug limit
_NUMBER = re.compile(r"\s*(\d+[A-Za-z]?)\b")
_FILLER = frozenset({"the", "and", "of", "for", "at", "in", "inc", "llc", "ltd", "co", "corp",
                     "dba", "pc", "pllc"})


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("&", " and "))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _fit(name: str, place: list[str]) -> str:
    """The name shortened at a word boundary so that name and place fit in MAX_LENGTH."""
    tail = "-".join(p for p in place if p)
    room = MAX_LENGTH - len(tail) - 1
    if len(name) > room:  # small words go first, so the words that tell sites apart stay
        name = "-".join(w for w in name.split("-") if w not in _FILLER) or name
    if len(name) > room:
        cut = name[:room + 1]
        name = cut[:cut.rfind("-")] if "-" in cut else name[:room]
    return "-".join(p for p in (name.strip("-"), tail) if p)[:MAX_LENGTH].strip("-")


def candidates(facility: Facility) -> list[str]:
    name = slugify(facility.name) or "provider"
    city, state = slugify(facility.city), facility.state.lower()
    number = _NUMBER.match(facility.street)
    street = slugify(facility.street)
    places = [[city], [city, state], [city, state, number.group(1).lower() if number else ""],
              [city, state, street]]
    found: list[str] = []
    for place in places:
        slug = _fit(name, place)
        if slug not in found:
            found.append(slug)
    return found


def assign(facilities: Iterable[Facility], taken: set[str]) -> dict[str, str]:
    """facility id -> slug, avoiding `taken` (existing files), reserved names and each other."""
    waiting = {f.id: candidates(f) for f in facilities}
    assigned: dict[str, str] = {}
    used = set(taken) | RESERVED_SLUGS
    for round_ in range(max((len(c) for c in waiting.values()), default=0)):
        wanted = {fid: c[min(round_, len(c) - 1)] for fid, c in waiting.items()}
        counts = Counter(wanted.values())
        for fid, slug in sorted(wanted.items()):
            if counts[slug] == 1 and slug not in used:
                assigned[fid] = slug
        used.update(assigned[fid] for fid in wanted if fid in assigned)
        waiting = {fid: c for fid, c in waiting.items() if fid not in assigned}
    return assigned | _last_resort(waiting, used)


def _last_resort(waiting: Mapping[str, list[str]], used: set[str]) -> dict[str, str]:
    """Facilities that still collide (same name and street in one city): the facility's number
    in the directory tells them apart."""
    out = {}
    for fid, tried in sorted(waiting.items()):
        base, n = tried[-1], fid.rsplit("_", 1)[-1]
        slug = _fit(base, [n])
        while slug in used:
            n += "x"
            slug = _fit(base, [n])
        used.add(slug)
        out[fid] = slug
    return out
