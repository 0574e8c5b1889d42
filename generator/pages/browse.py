"""Browse pages: by state, by level of care, and evening, weekend and telehealth programs.

Provider pages are reached from these pages, not from the site navigation: a navigation of every
provider makes each page carry the whole tree and the build quadratic. Long lists split into one
page per state so no page grows past a few hundred entries at national scale.

Each page is front matter and one raw HTML block from templates/browse/ (see templating.py):
provider names, cities, program and track names reach it only through autoescaping. Titles,
introductions and what an empty page says are interface words, translated from the catalogs
(`generate(providers, lang)`).
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

from generator.model import fmt, i18n
from generator.model.i18n import N_
from generator.model.records import Location, Program, Provider, Track
from generator.model.vocab import ACCEPTING, CONTINUUM, LEVELS
from generator.pages import templating
from generator.pages.provider_page import page_path

SPLIT_AT = 300  # entries on one page before a list splits into a page per state
INDEX = "browse/index.md"


@dataclass(frozen=True)
class Entry:
    """One line of a browse list: a provider (with its cities there), or one program track."""

    state: str
    sort_key: tuple[str, ...]
    provider: Provider
    cities: tuple[str, ...] = ()
    summary: str = ""
    index: int = 0  # the program's number on the provider page (for #program-N)
    program: Program | None = None
    track: Track | None = None
    location: Location | None = None

    @property
    def page(self) -> str:
        return page_path(self.provider.slug)


@dataclass(frozen=True)
class Facet:
    slug: str
    title: str
    intro: str
    entries: tuple[Entry, ...]
    empty: str = ""  # what an empty page says, before it points to the finder

    @property
    def path(self) -> str:
        return f"browse/{self.slug}.md"


def url(target: str, page: str, fragment: str = "") -> str:
    """A link from one generated page to another docs file, relative to the page's address
    (browse/evening.md is served at browse/evening/, with directory URLs)."""
    link = _rel_dir(_address(target), _address(page))
    return link + (f"#{fragment}" if fragment else "")


def _address(docs_path: str) -> str:
    """'browse/evening.md' -> 'browse/evening/'; 'browse/index.md' -> 'browse/'."""
    stem = docs_path.removesuffix(".md")
    folder, name = posixpath.split(stem)
    return (folder + "/" if folder else "") if name == "index" else stem + "/"


@lru_cache(maxsize=4096)
def _rel_dir(target: str, page: str) -> str:
    """relpath is slow and browse pages ask for the same few directory pairs many times."""
    rel = posixpath.relpath(target or ".", page.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


def generate(providers: list[Provider], lang: str = i18n.SOURCE) -> dict[str, str]:
    files: dict[str, str] = {}
    facets = [*_state_facets(providers, lang), *_level_facets(providers, lang),
              *_schedule_facets(providers, lang)]
    for facet in facets:
        files.update(_facet_pages(facet, lang))
    files[INDEX] = _index(providers, facets, lang)
    return files


def _index(providers: list[Provider], facets: list[Facet], lang: str) -> str:
    by_slug = {f.slug: f for f in facets}
    states = sorted((f for f in facets if f.slug.startswith("states/")), key=lambda f: f.title)
    sections = [
        (N_("By schedule and format"), "by-schedule",
         [by_slug[s] for s in ("evening", "weekend", "telehealth") if s in by_slug]),
        (N_("By level of care"), "by-level", [f for f in facets if f.slug.startswith("levels/")]),
        (N_("By state"), "by-state", states),
    ]
    words = i18n.translations(lang)
    head = templating.front_matter(
        title=words.gettext("Browse programs"),
        description=words.gettext("Browse treatment programs by state, schedule and level of "
                                  "care."))
    shown = [(words.gettext(heading), id_, found) for heading, id_, found in sections]
    return head + templating.render("browse/index.html", lang, sections=shown,
                                    providers=providers, url=partial(url, page=INDEX))


def _facet_pages(facet: Facet, lang: str) -> dict[str, str]:
    if facet.slug.startswith("states/"):
        return {facet.path: _list_page(facet, facet.path, facet.entries, "city", lang)}
    if len(facet.entries) <= SPLIT_AT:
        return {facet.path: _list_page(facet, facet.path, facet.entries, "state", lang)}
    files = {}
    parts = []
    for state, entries in _group(facet.entries, lang).items():
        sub = f"browse/{facet.slug}/{state.lower()}.md"
        title = i18n.gettext_(lang, "%(title)s: %(state)s") % {
            "title": facet.title, "state": fmt.state_name(state, lang)}
        part = Facet(facet.slug, title, facet.intro, tuple(entries))
        files[sub] = _list_page(part, sub, part.entries, "", lang)
        parts.append((state, sub, len(entries)))
    files[facet.path] = _head(facet) + templating.render(
        "browse/states.html", lang, facet=facet, parts=parts, url=partial(url, page=facet.path))
    return files


def _head(facet: Facet) -> str:
    return templating.front_matter(title=facet.title, description=facet.intro)


def _list_page(facet: Facet, path: str, entries: Iterable[Entry], by: str,
               lang: str) -> str:
    """`by`: "state" (a heading per state), "city" (a heading per city and a list of the cities
    to jump to: a state's page can hold hundreds of providers) or "" (one list)."""
    if by == "state":
        groups = [(s, fmt.state_name(s, lang), found) for s, found in _group(entries, lang).items()]
    elif by == "city":
        groups = _by_city(entries)
    else:
        groups = [("", "", sorted(entries, key=lambda e: e.sort_key))]
    jumps = _jumps(groups) if by == "city" and len(groups) > 1 else []
    return _head(facet) + templating.render(
        "browse/list.html", lang, facet=facet, groups=groups, jumps=jumps,
        by_letter=len(groups) > JUMP_BY_LETTER,
        url=lambda target, fragment="": url(target, path, fragment))


JUMP_BY_LETTER = 15  # more cities than this: jump to a first letter, not to each city


def _jumps(groups: list[tuple[str, str, list[Entry]]]) -> list[tuple[str, str, int]]:
    """(anchor, label, how many providers) to jump to: each city, or in a state with many
    cities each first letter (Illinois has about 180 cities: a list of them would fill eight
    phone screens before the first provider)."""
    if len(groups) <= JUMP_BY_LETTER:
        return [(anchor, city, len(found)) for anchor, city, found in groups]
    letters: dict[str, tuple[str, int]] = {}
    for anchor, city, found in groups:
        letter = city[:1].upper() or "?"
        first, count = letters.get(letter, (anchor, 0))
        letters[letter] = (first, count + len(found))
    return [(anchor, letter, count) for letter, (anchor, count) in letters.items()]


def _by_city(entries: Iterable[Entry]) -> list[tuple[str, str, list[Entry]]]:
    """(anchor, city, entries) by each entry's first city in the state, in alphabetical order;
    anchors are 'city-1', 'city-2'... (a city's name can be any text)."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.sort_key):
        groups[entry.cities[0] if entry.cities else ""].append(entry)
    return [(f"city-{n}", city, found) for n, (city, found) in enumerate(groups.items(), 1)]


def _group(entries: Iterable[Entry], lang: str) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.state].append(entry)
    states = sorted(groups, key=partial(fmt.state_name, lang=lang))
    return {s: sorted(groups[s], key=lambda e: e.sort_key) for s in states}


def _state_facets(providers: list[Provider], lang: str) -> list[Facet]:
    by_state: dict[str, list[Entry]] = defaultdict(list)
    for provider in providers:
        for state in provider.states:
            by_state[state].append(_provider_entry(provider, state, lang, with_city=True))
    intro = i18n.gettext_(lang, "Providers with a location in %(state)s, by city.")
    return [
        Facet(f"states/{state.lower()}", fmt.state_name(state, lang),
              intro % {"state": fmt.state_name(state, lang)}, tuple(entries))
        for state, entries in sorted(by_state.items())
    ]


def _level_facets(providers: list[Provider], lang: str) -> list[Facet]:
    facets = []
    words = i18n.translations(lang)
    levels = i18n.table(LEVELS, lang)
    for level, label in i18n.table(CONTINUUM, lang).items():
        entries = tuple(_provider_entry(p, s, lang) for p in providers if _offers(p, level)
                        for s in p.states)
        if entries:
            intro = (words.gettext("Providers that offer %(level)s.") % {"level": label.lower()}
                     if level not in LEVELS else
                     words.gettext("Providers with a program at this level: %(level)s.")
                     % {"level": levels[level]})
            facets.append(Facet(f"levels/{level}", label, intro, entries))
    return facets


def _offers(provider: Provider, level: str) -> bool:
    return level in provider.levels_of_care or any(
        p.level_of_care == level for p in provider.programs)


def _provider_entry(provider: Provider, state: str, lang: str,
                    with_city: bool = False) -> Entry:
    cities = tuple(sorted({loc.city for loc in provider.locations if loc.state == state}))
    first_city = cities[0].casefold() if cities else ""
    key = (first_city, provider.name.casefold()) if with_city else (provider.name.casefold(),)
    return Entry(state, key, provider, cities=cities, summary=_summary(provider, lang))


def _summary(provider: Provider, lang: str) -> str:
    """'Intensive outpatient, Partial hospitalization; evening, weekend; accepting new patients.'"""
    words = i18n.translations(lang)
    labels = i18n.table(LEVELS, lang)
    levels = [labels[lv].split(" (")[0] for lv in LEVELS
              if any(p.level_of_care == lv for p in provider.programs)]
    tracks = [t for _, t in provider.tracks()]
    when = [words.gettext(word) for word, flag in (
        (N_("evening"), any(t.evening for t in tracks)),
        (N_("weekend"), any(t.weekend for t in tracks))) if flag]
    formats = sorted({words.gettext(_FORMAT_WORDS[p.format]) for p in provider.programs
                      if p.format != "in_person"})
    open_now = any(p.accepting == "yes" for p in provider.programs)
    parts = [", ".join(levels), ", ".join(when + formats)]
    if open_now:
        parts.append(words.gettext(ACCEPTING["yes"]).lower())
    return "; ".join(p for p in parts if p).capitalize() + "."


_FORMAT_WORDS = {"telehealth": N_("entirely by video"), "hybrid": N_("some sessions by video")}


def _schedule_facets(providers: list[Provider], lang: str) -> list[Facet]:
    def tracks_where(test: Callable[[Program, Track], bool]) -> tuple[Entry, ...]:
        return tuple(_track_entry(pr, i, pg, t) for pr in providers
                     for i, pg in enumerate(pr.programs, 1) for t in pg.tracks if test(pg, t))

    _ = i18n.translations(lang).gettext
    return [
        Facet("evening", _("Evening programs"),
              _("Program tracks whose every session starts at 5:00 PM or later."),
              tracks_where(lambda p, t: t.evening),
              _("No program in this directory lists a track that meets only in the "
                "evening yet.")),
        Facet("weekend", _("Weekend programs"),
              _("Program tracks whose every session meets on Saturday or Sunday."),
              tracks_where(lambda p, t: t.weekend),
              _("No program in this directory lists a track that meets only on weekends "
                "yet.")),
        Facet("telehealth", _("Telehealth programs"),
              _("Programs a person can attend entirely by video, and programs that meet "
                "in person with some sessions by video."),
              tracks_where(lambda p, t: p.format != "in_person"),
              _("No program in this directory lists a schedule with sessions by video "
                "yet.")),
    ]


def _track_entry(provider: Provider, index: int, program: Program, track: Track) -> Entry:
    loc = provider.location_of(program)
    key = (provider.name.casefold(), str(index), track.name.casefold())
    return Entry(loc.state, key, provider, index=index, program=program, track=track,
                 location=loc)
