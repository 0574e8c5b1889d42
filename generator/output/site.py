"""Everything the generator adds to a docs directory, as {docs-relative path: content}.

No MkDocs, and no file writes but in `write_docs` and `write_file`. The MkDocs plugin serves
the pages as virtual files and writes the data files into the site; `iopdir generate` writes
everything to disk for other runners (ProperDocs, Zensical).

A site in several languages is one docs directory per language (each built on its own, the
first at the site's root, each other under /<lang>/): every language gets the pages (provider
and browse pages, the finder's words in catalog.js); only the first gets the data files, which
the others' pages reach one folder up (`data_root`).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from generator import opendata
from generator.finder import catalog_js, finder_index
from generator.model import i18n
from generator.model.records import Provider
from generator.model.vocab import FORMATS, LEVELS, NOT_STATES, PAYMENT, POPULATIONS
from generator.output import hosting, theme
from generator.pages import browse, fieldref, provider_page, templating

MARKER = re.compile(r"<!--\s*iopdir:(?P<name>[a-z-]+)\s*-->")


def generate(providers: list[Provider], today: dt.date, site_url: str | None = None,
             repo_url: str | None = None, lang: str = i18n.SOURCE,
             languages: Sequence[str] = (i18n.SOURCE,)) -> dict[str, str | bytes]:
    """Every generated file of one language; `iopdir serve` composes the same parts
    incrementally. `repo_url` (mkdocs.yml's) adds the links to the listing update and problem
    forms; `languages`: the site's, the first at its root."""
    files: dict[str, str | bytes] = {}
    for part in parts(providers, today, site_url, repo_url, lang, languages):
        files.update(part)
    return files


def parts(providers: list[Provider], today: dt.date, site_url: str | None = None,
          repo_url: str | None = None, lang: str = i18n.SOURCE,
          languages: Sequence[str] = (i18n.SOURCE,)) -> Iterator[dict[str, str | bytes]]:
    """The generated files a group at a time, so a caller that writes data files to disk as
    they come never holds all of them at once (the open data is most of the bytes)."""
    first = lang == languages[0]
    if first:
        yield site_files(site_url, languages)
    yield dict(provider_pages(providers, today, repo_url=repo_url, lang=lang,
                              data_root=data_root(lang, languages)))
    yield from _aggregate_parts(providers, today, lang, first)


def data_root(lang: str, languages: Sequence[str]) -> str:
    """From a language's root to the data files: '' for the first language, '../' else."""
    return "" if lang == languages[0] else "../"


def site_files(site_url: str | None,
               languages: Sequence[str] = (i18n.SOURCE,)) -> dict[str, str | bytes]:
    """Files about the site itself, not the listings."""
    sitemaps = [f"{lang}/sitemap.xml" for lang in languages[1:]]
    return {"robots.txt": hosting.robots_txt(site_url, sitemaps)}


def provider_pages(providers: list[Provider], today: dt.date,
                   render: Callable[..., str] | None = None,
                   repo_url: str | None = None, lang: str = i18n.SOURCE,
                   data_root: str = "") -> dict[str, str]:
    """One page per provider; `render` (default provider_page.render, with the same arguments)
    lets `iopdir serve` reuse the pages of unchanged providers."""
    render = render or provider_page.render
    related = provider_page.related_sites(providers)
    return {provider_page.page_path(provider.slug):
            render(provider, today, related.get(provider.slug, ()), repo_url, lang, data_root)
            for provider in providers}


def aggregates(providers: list[Provider], today: dt.date, lang: str = i18n.SOURCE,
               first: bool = True) -> dict[str, str | bytes]:
    """What depends on every listing at once: browse pages, the finder's index, open data."""
    files: dict[str, str | bytes] = {}
    for part in _aggregate_parts(providers, today, lang, first):
        files.update(part)
    return files


def _aggregate_parts(providers: list[Provider], today: dt.date, lang: str,
                     first: bool) -> Iterator[dict[str, str | bytes]]:
    yield dict(browse.generate(providers, lang))
    yield from data_parts(providers, today, lang, first)


def data_parts(providers: list[Provider], today: dt.date, lang: str,
               first: bool) -> Iterator[dict[str, str | bytes]]:
    """What `parts` gives after the provider and browse pages: the finder's words, and for the
    first language the finder's index and the open data."""
    yield dict(catalog_js.generate(lang))
    if first:
        yield dict(finder_index.generate(providers, today))
        yield from opendata.parts(providers, today)


def write_docs(out: Path, docs: Path, providers: list[Provider], today: dt.date,
               site_url: str | None = None, repo_url: str | None = None,
               lang: str = i18n.SOURCE, languages: Sequence[str] = (i18n.SOURCE,)) -> None:
    """A complete docs directory of one language: the built-in theme files, hand-written pages
    over them (markers expanded), plus generated files."""
    for rel_path, source in theme.docs_of(lang, languages, docs).items():
        (out / rel_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out / rel_path)
    texts = marker_texts(providers, lang, data_root(lang, languages), site_url)
    for page in out.rglob("*.md"):
        page.write_text(expand_texts(page.read_text(encoding="utf-8"), texts), encoding="utf-8")
    for rel_path, content in generate(providers, today, site_url, repo_url, lang,
                                      languages).items():
        target = out / rel_path
        if not target.exists():  # a hand-written page of the same name wins, as in the plugin
            write_file(target, content)


def write_file(target: Path, content: str | bytes) -> None:
    """One generated file, its folders made as needed (text as UTF-8)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def expand_markers(markdown: str, providers: list[Provider], lang: str = i18n.SOURCE,
                   data_root: str = "") -> str:
    """Replace `<!-- iopdir:NAME -->` in hand-written pages with live facts about the listings,
    or with the parts of pages iopdir makes (the finder's controls)."""
    return expand_texts(markdown, marker_texts(providers, lang, data_root))


def marker_texts(providers: list[Provider], lang: str = i18n.SOURCE,
                 data_root: str = "", site_url: str | None = None) -> dict[str, str]:
    """What each marker becomes in `lang`, made once (a build then need not keep the
    providers); `data_root` as for `parts`; `site_url` this language's address, for
    `<!-- iopdir:site-address -->` in examples of full links (words in its place when the
    site's address is not configured)."""
    texts = {name: render(providers, lang, data_root) for name, render in MARKERS.items()}
    texts["site-address"] = (site_url.rstrip("/") if site_url else
                             i18n.gettext_(lang, "your-site's-address"))
    return texts


def expand_texts(markdown: str, texts: dict[str, str]) -> str:
    """`expand_markers` with the texts of `marker_texts`."""
    return MARKER.sub(lambda match: texts.get(match.group("name"), match.group(0)), markdown)


def summary(providers: list[Provider], lang: str = i18n.SOURCE, data_root: str = "") -> str:
    """The directory in numbers, and the sample data warning (as Markdown)."""
    words = i18n.translations(lang)
    programs = sum(len(p.programs) for p in providers)
    tracks = sum(len(p.tracks()) for p in providers)
    places = {s for p in providers for s in p.states}
    states = len(places)
    counts = {
        "providers": words.ngettext("%(num)s provider", "%(num)s providers", len(providers)),
        "programs": words.ngettext("%(num)s program", "%(num)s programs", programs),
        "tracks": words.ngettext("%(num)s weekly schedule", "%(num)s weekly schedules", tracks),
        "states": (words.ngettext("%(num)s state", "%(num)s states", states)
                   if places.isdisjoint(NOT_STATES) else
                   words.ngettext("%(num)s state or territory", "%(num)s states and territories",
                                  states)),
    }
    numbers = {"providers": len(providers), "programs": programs, "tracks": tracks,
               "states": states}
    shown = {key: text % {"num": f"{numbers[key]:,}"} for key, text in counts.items()}
    text = (words.gettext("The directory lists **%(providers)s** with **%(programs)s** and "
                          "**%(tracks)s** in %(states)s.") if tracks else
            words.gettext("The directory lists **%(providers)s** with **%(programs)s** in "
                          "%(states)s.")) % shown
    if any(p.sample for p in providers):
        title = words.gettext("Sample data")
        warning = words.gettext("The listings on this site are fictional samples that show how "
                                "the directory works. They are not real providers.")
        text += f'\n\n!!! warning "{title}"\n    {warning}'
    return text


def schedules(providers: list[Provider], lang: str = i18n.SOURCE, data_root: str = "") -> str:
    """The home page's "Looking for a particular time?" (`<!-- iopdir:schedules -->`): the
    evening, weekend and video lists with how many each holds, and an honest word when few or
    no programs list their hours (a directory imported from a public source has none)."""
    programs = [pg for p in providers for pg in p.programs]
    tracks = [t for pg in programs for t in pg.tracks]
    counts = {"listed": sum(1 for pg in programs if pg.schedule_listed and pg.tracks),
              "evening": sum(1 for t in tracks if t.evening),
              "weekend": sum(1 for t in tracks if t.weekend),
              "video": sum(1 for pg in programs if pg.format != "in_person" and pg.tracks)}
    shown = {key: f"{value:,}" for key, value in counts.items()}  # as the summary writes them
    return templating.render("home/schedules.html", lang, programs=len(programs),
                             all_shown=f"{len(programs):,}", counts=counts, shown=shown)


def finder(providers: list[Provider], lang: str = i18n.SOURCE, data_root: str = "") -> str:
    """The finder's controls, results and "My list" (`<!-- iopdir:finder -->`)."""
    return templating.render("finder/page.html", lang, data_root=data_root)


def field_reference(providers: list[Provider], lang: str = i18n.SOURCE,
                    data_root: str = "") -> str:
    """The listing fields, from the schema (English: the schema's descriptions are)."""
    return fieldref.field_reference(providers)


LINK_CODES = (("pay", PAYMENT), ("level", LEVELS), ("fmt", FORMATS), ("pop", POPULATIONS))


def link_codes(providers: list[Provider], lang: str = i18n.SOURCE, data_root: str = "") -> str:
    """The codes of the finder's links (`<!-- iopdir:link-codes -->` on finder/linking.md),
    from the listing format's vocabulary, so the page never drifts from the schema."""
    lines = []
    for name, vocab in LINK_CODES:
        labels = i18n.table(vocab, lang)
        codes = ", ".join(f"`{code}` ({labels[code]})" for code in vocab)
        lines.append(f"- **`{name}`**: {codes}.")
    return "\n".join(lines)


MARKERS = {"summary": summary, "schedules": schedules, "field-reference": field_reference,
           "finder": finder, "link-codes": link_codes}
