"""Browse pages: by state, by level of care, and evening, weekend and telehealth programs.

Provider pages are reached from these pages, not from the site navigation: a navigation of every
provider makes each page carry the whole tree and the build quadratic. Long lists split into one
page per state so no page grows past a few hundred entries at national scale.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.model import fmt
from generator.model.records import Program, Provider, Track
from generator.model.vocab import ACCEPTING, CONTINUUM, LEVELS
from generator.pages.mdtext import front_matter, text
from generator.pages.provider_page import page_path, program_anchor

SPLIT_AT = 300  # entries on one page before a list splits into a page per state


@dataclass(frozen=True)
class Entry:
    """One line of a browse list, rendered relative to the page that shows it."""

    state: str
    sort_key: tuple[str, ...]
    render: Callable[[str], str]


@dataclass(frozen=True)
class Facet:
    slug: str
    title: str
    intro: str
    entries: tuple[Entry, ...]
    empty: str = ""  # what an empty page says, before it points to the finder


def rel(target: str, page: str) -> str:
    """A link from one docs file to another, relative so any runner resolves it."""
    target_dir, name = posixpath.split(target)
    up = _rel_dir(target_dir or ".", posixpath.dirname(page) or ".")
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=4096)
def _rel_dir(target_dir: str, page_dir: str) -> str:
    """relpath is slow and browse pages ask for the same few directory pairs many times."""
    return posixpath.relpath(target_dir, page_dir)


def generate(providers: list[Provider]) -> dict[str, str]:
    files: dict[str, str] = {}
    facets = [*_state_facets(providers), *_level_facets(providers), *_schedule_facets(providers)]
    for facet in facets:
        files.update(_facet_pages(facet))
    files["browse/index.md"] = _index(providers, facets)
    return files


def _index(providers: list[Provider], facets: list[Facet]) -> str:
    by_slug = {f.slug: f for f in facets}
    page = "browse/index.md"

    def item(slug: str) -> str:
        facet = by_slug[slug]
        return f"- [{facet.title}]({rel(_facet_path(slug), page)}) ({_count(facet)})"

    states = sorted((f for f in facets if f.slug.startswith("states/")), key=lambda f: f.title)
    lines = [
        front_matter(title="Browse programs",
                     description="Browse treatment programs by state, schedule and level of care."),
        "# Browse programs\n",
        "Every provider in the directory, listed several ways. To match programs to your own "
        "week, use the [program finder](../finder/index.md).\n",
        "## By schedule and format\n",
        *[item(s) for s in ("evening", "weekend", "telehealth") if s in by_slug],
        "\n## By level of care\n",
        *[item(f.slug) for f in facets if f.slug.startswith("levels/")],
        "\n## By state\n",
        *[item(f.slug) for f in states],
    ]
    if not providers:
        lines.append("\nNo listings yet.")
    return "\n".join(lines) + "\n"


def _count(facet: Facet) -> str:
    n = len(facet.entries)
    return f"{n} listing" + ("" if n == 1 else "s")


def _facet_path(slug: str) -> str:
    return f"browse/{slug}.md"


def _facet_pages(facet: Facet) -> dict[str, str]:
    path = _facet_path(facet.slug)
    if len(facet.entries) <= SPLIT_AT or facet.slug.startswith("states/"):
        return {path: _list_page(facet, path, facet.entries, group=True)}
    by_state = _group(facet.entries)
    files = {}
    index = [_header(facet, path), "Choose a state:\n"]
    for state, entries in by_state.items():
        sub = f"browse/{facet.slug}/{state.lower()}.md"
        part = Facet(facet.slug, f"{facet.title}: {fmt.state_name(state)}", facet.intro,
                     tuple(entries))
        files[sub] = _list_page(part, sub, part.entries, group=False)
        index.append(f"- [{fmt.state_name(state)}]({rel(sub, path)}) ({len(entries)})")
    files[path] = "\n".join(index) + "\n"
    return files


def _header(facet: Facet, path: str) -> str:
    back = rel("browse/index.md", path)
    return (front_matter(title=facet.title, description=facet.intro)
            + f"# {facet.title}\n\n{facet.intro} [All browse pages]({back}).\n")


def _list_page(facet: Facet, path: str, entries: Iterable[Entry], group: bool) -> str:
    lines = [_header(facet, path)]
    if not facet.entries:
        lines.append(_empty(facet, path))
    grouped = _group(entries) if group else {"": sorted(entries, key=lambda e: e.sort_key)}
    for state, items in grouped.items():
        if state and len(grouped) > 1:
            lines.append(f"\n## {fmt.state_name(state)}\n")
        lines.extend(entry.render(path) for entry in items)
    return "\n".join(lines) + "\n"


def _empty(facet: Facet, path: str) -> str:
    """Why a list is empty, and where to look instead: not a dead end."""
    finder = rel("finder/index.md", path)
    return (f"{facet.empty or 'No listing of this directory belongs here yet.'} Many programs "
            "have not listed their hours yet (those imported from SAMHSA's national directory "
            f"never have). [Find programs near you]({finder}) and call them to ask.\n")


def _group(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[entry.state].append(entry)
    states = sorted(groups, key=fmt.state_name)
    return {s: sorted(groups[s], key=lambda e: e.sort_key) for s in states}


def _state_facets(providers: list[Provider]) -> list[Facet]:
    by_state: dict[str, list[Entry]] = defaultdict(list)
    for provider in providers:
        for state in provider.states:
            by_state[state].append(_provider_entry(provider, state, with_city=True))
    return [
        Facet(f"states/{state.lower()}", fmt.state_name(state),
              f"Providers with a location in {fmt.state_name(state)}, by city.",
              tuple(entries))
        for state, entries in sorted(by_state.items())
    ]


def _level_facets(providers: list[Provider]) -> list[Facet]:
    facets = []
    for level, label in CONTINUUM.items():
        entries = tuple(_provider_entry(p, s) for p in providers if _offers(p, level)
                        for s in p.states)
        if entries:
            intro = (f"Providers that offer {label.lower()}." if level not in LEVELS else
                     f"Providers with a program at this level: {LEVELS[level]}.")
            facets.append(Facet(f"levels/{level}", label, intro, entries))
    return facets


def _offers(provider: Provider, level: str) -> bool:
    return level in provider.levels_of_care or any(
        p.level_of_care == level for p in provider.programs)


def _provider_entry(provider: Provider, state: str, with_city: bool = False) -> Entry:
    cities = sorted({loc.city for loc in provider.locations if loc.state == state})

    def render(page: str) -> str:
        target = rel(page_path(provider.slug), page)
        where = ", ".join(text(c) for c in cities)
        return f"- [{text(provider.name)}]({target}): {where}. {_summary(provider)}"

    first_city = cities[0].casefold() if cities else ""
    key = (first_city, provider.name.casefold()) if with_city else (provider.name.casefold(),)
    return Entry(state, key, render)


def _summary(provider: Provider) -> str:
    """'Intensive outpatient, Partial hospitalization; evening, weekend; accepting new patients.'"""
    levels = [LEVELS[lv].split(" (")[0] for lv in LEVELS
              if any(p.level_of_care == lv for p in provider.programs)]
    tracks = [t for _, t in provider.tracks()]
    when = [word for word, flag in (("evening", any(t.evening for t in tracks)),
                                    ("weekend", any(t.weekend for t in tracks))) if flag]
    formats = sorted({_FORMAT_WORDS[p.format] for p in provider.programs
                      if p.format != "in_person"})
    open_now = any(p.accepting == "yes" for p in provider.programs)
    parts = [", ".join(levels), ", ".join(when + formats)]
    if open_now:
        parts.append(ACCEPTING["yes"].lower())
    return "; ".join(p for p in parts if p).capitalize() + "."


_FORMAT_WORDS = {"telehealth": "entirely by video", "hybrid": "some sessions by video"}


def _schedule_facets(providers: list[Provider]) -> list[Facet]:
    def tracks_where(test: Callable[[Program, Track], bool]) -> tuple[Entry, ...]:
        return tuple(_track_entry(pr, i, pg, t) for pr in providers
                     for i, pg in enumerate(pr.programs, 1) for t in pg.tracks if test(pg, t))

    return [
        Facet("evening", "Evening programs",
              "Program tracks whose every session starts at 5:00 PM or later.",
              tracks_where(lambda p, t: t.evening),
              "No program in this directory lists a track that meets only in the evening yet."),
        Facet("weekend", "Weekend programs",
              "Program tracks whose every session meets on Saturday or Sunday.",
              tracks_where(lambda p, t: t.weekend),
              "No program in this directory lists a track that meets only on weekends yet."),
        Facet("telehealth", "Telehealth programs",
              "Programs a person can attend entirely by video, and programs that meet in person "
              "with some sessions by video.",
              tracks_where(lambda p, t: p.format != "in_person"),
              "No program in this directory lists a schedule with sessions by video yet."),
    ]


def _track_entry(provider: Provider, index: int, program: Program, track: Track) -> Entry:
    loc = provider.location_of(program)

    def render(page: str) -> str:
        target = rel(page_path(provider.slug), page) + "#" + program_anchor(index)
        return (f"- [{text(provider.name)}]({target}), {text(loc.city)}: {text(program.name)}, "
                f"{text(track.name)}. {fmt.schedule_summary(track)} "
                f"({fmt.zone_name(loc.timezone)}), {fmt.hours(track.hours_per_week)} a week.")

    key = (provider.name.casefold(), str(index), track.name.casefold())
    return Entry(loc.state, key, render)
