"""Everything the generator adds to a docs directory, as {docs-relative path: content}.

Pure: no MkDocs, no file writes. The MkDocs plugin serves these as virtual files; `iopdir
generate` writes them to disk for other runners (ProperDocs, Zensical).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import opendata
from generator.finder import finder_index
from generator.model.records import Provider
from generator.output import hosting, theme
from generator.pages import browse, fieldref, provider_page

MARKER = re.compile(r"<!--\s*iopdir:(?P<name>[a-z-]+)\s*-->")


def generate(providers: list[Provider], today: dt.date, site_url: str | None = None,
             repo_url: str | None = None) -> dict[str, str | bytes]:
    """Every generated file; `iopdir serve` composes the same three parts incrementally.
    `repo_url` (mkdocs.yml's) adds the links to the listing update and problem forms."""
    files: dict[str, str | bytes] = {}
    for part in parts(providers, today, site_url, repo_url):
        files.update(part)
    return files


def parts(providers: list[Provider], today: dt.date, site_url: str | None = None,
          repo_url: str | None = None) -> Iterator[dict[str, str | bytes]]:
    """The generated files a group at a time, so a caller that writes data files to disk as
    they come never holds all of them at once (the open data is most of the bytes)."""
    yield site_files(site_url)
    yield dict(provider_pages(providers, today, repo_url=repo_url))
    yield from _aggregate_parts(providers, today)


def site_files(site_url: str | None) -> dict[str, str | bytes]:
    """Files about the site itself, not the listings."""
    return {"robots.txt": hosting.robots_txt(site_url)}


def provider_pages(providers: list[Provider], today: dt.date,
                   render: Callable[..., str] | None = None,
                   repo_url: str | None = None) -> dict[str, str]:
    """One page per provider; `render` (default provider_page.render, with the same arguments)
    lets `iopdir serve` reuse the pages of unchanged providers."""
    render = render or provider_page.render
    related = provider_page.related_sites(providers)
    return {provider_page.page_path(provider.slug):
            render(provider, today, related.get(provider.slug, ()), repo_url)
            for provider in providers}


def aggregates(providers: list[Provider], today: dt.date) -> dict[str, str | bytes]:
    """What depends on every listing at once: browse pages, the finder's index, open data."""
    files: dict[str, str | bytes] = {}
    for part in _aggregate_parts(providers, today):
        files.update(part)
    return files


def _aggregate_parts(providers: list[Provider],
                     today: dt.date) -> Iterator[dict[str, str | bytes]]:
    yield dict(browse.generate(providers))
    yield dict(finder_index.generate(providers))
    yield from opendata.parts(providers, today)


def write_docs(out: Path, docs: Path, providers: list[Provider], today: dt.date,
               site_url: str | None = None, repo_url: str | None = None) -> None:
    """A complete docs directory: the built-in theme files, hand-written pages over them (markers
    expanded), plus generated files."""
    for rel_path, source in theme.builtin_docs().items():
        (out / rel_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out / rel_path)
    shutil.copytree(docs, out, dirs_exist_ok=True)
    for page in out.rglob("*.md"):
        page.write_text(expand_markers(page.read_text(encoding="utf-8"), providers),
                        encoding="utf-8")
    for rel_path, content in generate(providers, today, site_url, repo_url).items():
        target = out / rel_path
        if target.exists():  # a hand-written page of the same name wins, as in the plugin
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def expand_markers(markdown: str, providers: list[Provider]) -> str:
    """Replace `<!-- iopdir:NAME -->` in hand-written pages with live facts about the listings."""
    def replace(match: re.Match[str]) -> str:
        render = MARKERS.get(match.group("name"))
        return render(providers) if render else match.group(0)

    return MARKER.sub(replace, markdown)


def marker_texts(providers: list[Provider]) -> dict[str, str]:
    """What each marker becomes, made once (a build then need not keep the providers)."""
    return {name: render(providers) for name, render in MARKERS.items()}


def expand_texts(markdown: str, texts: dict[str, str]) -> str:
    """`expand_markers` with the texts of `marker_texts`."""
    return MARKER.sub(lambda match: texts.get(match.group("name"), match.group(0)), markdown)


def summary(providers: list[Provider]) -> str:
    programs = sum(len(p.programs) for p in providers)
    tracks = sum(len(p.tracks()) for p in providers)
    states = len({s for p in providers for s in p.states})
    text = (f"The directory lists **{_n(len(providers), 'provider')}** with "
            f"**{_n(programs, 'program')}** and **{_n(tracks, 'weekly schedule')}** "
            f"in {_n(states, 'state')}.")
    if any(p.sample for p in providers):
        text += ("\n\n!!! warning \"Sample data\"\n    The listings on this site are fictional "
                 "samples that show how the directory works. They are not real providers.")
    return text


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


MARKERS = {"summary": summary, "field-reference": fieldref.field_reference}
