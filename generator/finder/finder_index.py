"""The finder's data: a compact JSON index of every program track, and the ZIP centroid table.

Pure: no MkDocs. `generate` returns {docs-relative path: JSON text}; the finder script
(generator/theme/docs/javascripts/) reads both files in the browser, so nothing a person
types ever leaves it.

The index (format version `FORMAT_VERSION`) is columnar: one array per field, each with one entry
per provider, location, program or track, in the default result order (provider name, then the
programs and tracks as the listing gives them). Repeated text (program, track and city names) is
stored once in a table sorted by frequency, so common values get the smallest numbers; sets
(populations, payment, languages, days) are bitmasks; schedules are stored once in a table. A
column of small numbers (all below 36) is one base-36 digit per entry in a string, else a list.

    v                 format version
    labels            {kind: [[code, plain label], ...]} for the codes present only (in English;
                      the finder shows them in the page's language from catalog.js; languages
                      by their own names, 'Español'); a code's
                      number is its position (level, format, mat, open, state, zone) or its bit
                      (pop, pay, lang)
    schema            {kind: [[code, plain label], ...]}: every code of the schema for level,
                      format, pay and pop, present or not, so the finder offers them all and
                      a link's code that no program has is kept (it matches nothing)
    provider          name, slug (coded against the name and the city of the provider's
                      first location, see `code_slug`), locations and programs
                      (counts per provider), phone (the number to call as the listing writes
                      it: its first intake line, else its main phone), checked (one digit
                      each, see `checked_code`: 0 current, 1 out of date, 2 imported and not
                      yet checked by anyone; stale depends on the build's date)
    location          city (number in `cities`), state, zone; lat and lon as degrees x 1000,
                      each delta-coded from the previous location; approx (1 when the point is
                      the ZIP code's centre, not the address)
    program           name (number in `names`), location (position among its provider's
                      locations), level, format, pop, pay, lang, mat, open, tracks (count);
                      tele: flat [program delta, n, state, ...] for listed telehealth states;
                      pop and pay are 0 when the listing says not_listed (a listed set is
                      never empty): unknown, which a filter keeps rather than excludes
    track             name (number in `names`) and schedule (number in `schedule`); a program
                      whose schedule is not listed has one track named '' with no sessions
    schedule          [[day bitmask, start, end, ...], ...]: sessions, minutes after midnight
                      in the location's time zone; bit 0 is Monday

(finder/zips.json, the ZIP centroids, is made by zip_table.py.)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from generator.finder.columns import (
    FORMAT_VERSION,
    bit_of,
    bitmask,
    column,
    day_mask,
    delta,
    dumps,
    ranked,
)
from generator.finder.zip_table import ZIPS_PATH, zips_json
from generator.model import zips
from generator.model.fmt import zone_name
from generator.model.freshness import is_stale, unchecked_import
from generator.model.i18n import N_
from generator.model.records import Location, Program, Provider, Session, Track
from generator.model.vocab import (
    ACCEPTING,
    DAYS,
    FORMATS,
    LEVELS,
    MAT,
    PAYMENT,
    POPULATIONS,
    STATES,
    endonym,
)

INDEX_PATH = "finder/index.json"
COORD_SCALE = 1000  # program points: about 100 m
MAT_UNSTATED = N_("Not stated")
Row = tuple[Provider, Program]
Json = dict[str, Any]
Labels = dict[str, list[tuple[str, str]]]


def generate(providers: list[Provider], today: dt.date) -> dict[str, str]:
    """The index and the ZIP table; `today` (the build's date) decides which listings are out
    of date."""
    return {INDEX_PATH: dumps(build_index(providers, today)), ZIPS_PATH: zips_json()}


def build_index(providers: Iterable[Provider], today: dt.date) -> Json:
    ordered = sorted(providers, key=lambda p: (p.name.casefold(), p.slug))
    rows = [(prov, prog) for prov in ordered for prog in prov.programs]
    tracks = [track for _, prog in rows for track in _tracks_of(prog)]
    places = _places(ordered, rows)
    labels = _labels(rows, places)
    return {
        "v": FORMAT_VERSION,
        "labels": {kind: [[code, label] for code, label in pairs] for kind, pairs in
                   labels.items()},
        "schema": {kind: [[code, label] for code, label in vocab.items()] for kind, vocab in
                   SCHEMA_CODES.items()},
        "provider": _provider_columns(ordered, places, today),
        "location": _location_columns([loc for per in places.values() for loc in per], labels),
        "program": _program_columns(rows, places, labels),
        **_track_columns(tracks),
    }


# Text, numbers and columns -----------------------------------------------------------------


def slug_of(name: str) -> str:
    """The slug a name gives when it is plain ASCII (the finder's data.js computes the same),
    else ''."""
    if not name.isascii():
        return ""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def code_slug(slug: str, name: str, city: str) -> str:
    """A provider's slug, short when the name and city give most of it (imported listings are
    'name-city'): '' for slug_of(name); '=' for slug_of(name)-slug_of(city); 'K:rest' for the
    first K characters of that, then `rest`; else the slug itself (slugs never hold '=' or ':').
    """
    if slug_of(name) and slug == slug_of(name):
        return ""
    if not (slug_of(name) and slug_of(city)):
        return slug
    guess = f"{slug_of(name)}-{slug_of(city)}"
    if slug == guess:
        return "="
    same = next((i for i, (a, b) in enumerate(zip(slug, guess, strict=False)) if a != b),
                min(len(slug), len(guess)))
    return f"{same}:{slug[same:]}" if same >= 8 else slug


# Labels ------------------------------------------------------------------------------------

SCHEMA_CODES = {"level": LEVELS, "format": FORMATS, "pay": PAYMENT, "pop": POPULATIONS}


def _labels(rows: list[Row], places: dict[str, list[Location]]) -> Labels:
    programs = [prog for _, prog in rows]
    locations = [loc for per in places.values() for loc in per]
    states = {loc.state for loc in locations} | {s for p in programs for s in p.telehealth_states}
    return {
        "level": _present(LEVELS, [p.level_of_care for p in programs]),
        "format": _present(FORMATS, [p.format for p in programs]),
        "pop": _present(POPULATIONS, [c for p in programs for c in p.populations]),
        "pay": _present(PAYMENT, [c for p in programs for c in p.payment]),
        "lang": _languages(programs),
        "mat": _present({"": MAT_UNSTATED, **MAT}, [p.mat or "" for p in programs]),
        "open": _present(ACCEPTING, [p.accepting for p in programs]),
        "state": [(s, STATES.get(s, s)) for s in sorted(states)],
        "zone": [(z, zone_name(z)) for z in ranked([loc.timezone for loc in locations])[0]],
    }


def _present(vocab: dict[str, str], used: Iterable[str]) -> list[tuple[str, str]]:
    """The vocabulary's (code, label) pairs in its own order, for the codes in use only."""
    seen = set(used)
    return [(code, label) for code, label in vocab.items() if code in seen]


def _languages(programs: list[Program]) -> list[tuple[str, str]]:
    table, _ = ranked([code for p in programs for code in p.languages])
    return [(code, endonym(code)) for code in table]


def _codes(labels: Labels, kind: str) -> list[str]:
    return [code for code, _ in labels[kind]]


# Providers and locations -------------------------------------------------------------------


def _places(providers: list[Provider], rows: list[Row]) -> dict[str, list[Location]]:
    """Each provider's locations that a program uses, in order of first use."""
    used: dict[str, list[Location]] = {p.slug: [] for p in providers}
    for prov, prog in rows:
        loc = prov.location_of(prog)
        if loc not in used[prov.slug]:
            used[prov.slug].append(loc)
    return used


CHECKED, STALE, UNCHECKED = 0, 1, 2


def checked_code(provider: Provider, today: dt.date) -> int:
    """How current a listing is, for its cards: never checked since its import comes first
    (its date is the source's, not a check's), then out of date, else current."""
    if unchecked_import(provider):
        return UNCHECKED
    return STALE if is_stale(provider.last_verified, today) else CHECKED


def _provider_columns(providers: list[Provider], places: dict[str, list[Location]],
                      today: dt.date) -> Json:
    return {
        "name": [p.name for p in providers],
        "slug": [code_slug(p.slug, p.name, places[p.slug][0].city) for p in providers],
        "locations": column([len(places[p.slug]) for p in providers]),
        "programs": column([len(p.programs) for p in providers]),
        "phone": [p.call_number for p in providers],
        "checked": column([checked_code(p, today) for p in providers]),
    }


def _location_columns(locations: list[Location], labels: Labels) -> Json:
    cities, city_numbers = ranked([loc.city for loc in locations])
    states, zones = _codes(labels, "state"), _codes(labels, "zone")
    points = [_point(loc) for loc in locations]
    return {
        "cities": cities,
        "city": column(city_numbers),
        "state": column([states.index(loc.state) for loc in locations]),
        "zone": column([zones.index(loc.timezone) for loc in locations]),
        "lat": delta(lat for lat, _ in points),
        "lon": delta(lon for _, lon in points),
        "approx": column([int(_approximate(loc)) for loc in locations]),
    }


def _approximate(loc: Location) -> bool:
    """The point stands for the ZIP code's area, so distances to it are 'about N miles'."""
    return loc.approximate_coordinates or loc.latitude is None or loc.longitude is None


def _point(loc: Location) -> tuple[int, int]:
    """Where a location is, as degrees x COORD_SCALE: its own coordinates, else its ZIP's."""
    lat, lon = loc.latitude, loc.longitude
    if lat is None or lon is None:
        centroid = zips.lookup(loc.zip)
        if centroid is None:
            return 0, 0  # unknown place: finder.js treats (0, 0) as "no point"
        lat, lon = centroid.lat, centroid.lon
    return round(lat * COORD_SCALE), round(lon * COORD_SCALE)


# Programs ------------------------------------------------------------------------------------


def _program_columns(rows: list[Row], places: dict[str, list[Location]], labels: Labels
                     ) -> Json:
    names, name_numbers = ranked([prog.name for _, prog in rows])
    programs = [prog for _, prog in rows]

    def position(kind: str, value: Callable[[Program], str]) -> str | list[int]:
        codes = _codes(labels, kind)
        return column([codes.index(value(p)) for p in programs])

    def mask(kind: str, value: Callable[[Program], Iterable[str]]) -> str | list[int]:
        bits_of = bit_of(tuple(_codes(labels, kind)))
        return column([bitmask(value(p), bits_of) for p in programs])

    return {
        "names": names,
        "name": column(name_numbers),
        "location": column([places[prov.slug].index(prov.location_of(prog))
                            for prov, prog in rows]),
        "level": position("level", lambda p: p.level_of_care),
        "format": position("format", lambda p: p.format),
        "pop": mask("pop", lambda p: p.populations),
        "pay": mask("pay", lambda p: p.payment),
        "lang": mask("lang", lambda p: p.languages),
        "mat": position("mat", lambda p: p.mat or ""),
        "open": position("open", lambda p: p.accepting),
        "tracks": column([len(_tracks_of(p)) for p in programs]),
        "tele": _telehealth_states(programs, _codes(labels, "state")),
    }


def _telehealth_states(programs: list[Program], states: list[str]) -> list[int]:
    """Flat [program number delta, count, state, ...] for programs that list their states."""
    flat, previous = [], 0
    for number, prog in enumerate(programs):
        if prog.format != "in_person" and prog.telehealth_states:
            listed = sorted(states.index(s) for s in prog.telehealth_states)
            flat += [number - previous, len(listed), *listed]
            previous = number
    return flat


# Tracks and schedules ------------------------------------------------------------------------


UNLISTED = Track("", ())  # stands for a program whose schedule is not listed: no sessions


def _tracks_of(program: Program) -> tuple[Track, ...]:
    """A program without a listed schedule still appears in the finder, as one empty track."""
    return program.tracks or (UNLISTED,)


def schedule_key(track: Track) -> tuple[int, ...]:
    """A track's sessions as flat (day bitmask, start, end) triples in weekday and time order."""
    sessions = sorted(track.sessions, key=_session_order)
    return tuple(n for s in sessions for n in (day_mask(s.days), s.start, s.end))


def _session_order(session: Session) -> tuple[int, int, int]:
    return DAYS.index(session.days[0]), session.start, session.end


def _track_columns(tracks: list[Track]) -> Json:
    names, name_numbers = ranked([t.name for t in tracks])
    schedules, schedule_numbers = ranked([schedule_key(t) for t in tracks])
    return {
        "track": {"names": names, "name": column(name_numbers),
                  "schedule": column(schedule_numbers)},
        "schedule": [list(s) for s in schedules],
    }
