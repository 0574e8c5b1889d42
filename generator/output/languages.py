"""A site in several languages: one site per language, joined page to page.

The first language of the site is built at its root, each other one under /<lang>/, as a site
of its own (its <html lang>, Material's words and search in that language, its sitemap). This
module holds what joins them, without MkDocs: where each language's home is, the same page in
the other languages (the language switch of overrides/main.html, and the sitemap's hreflang
alternates), and the navigation in another language.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from generator.model import i18n
from generator.model.i18n import N_

# The titles the built-in navigation gives its pages (mkdocs.yml of this repository and of
# `iopdir init`), so the catalogs translate them. A title a catalog does not know is dropped in
# another language, and the page's own title shows instead.
# The site's name and description in this repository's mkdocs.yml; another project's own are
# shown as written in every language.
SITE_TEXTS = (N_("IOP Program Finder"),
              N_("Find intensive outpatient programs for substance use treatment whose schedules "
                 "fit your week."))
NAV_TITLES = (N_("Home"), N_("Find a program"), N_("Browse"), N_("Evening programs"),
              N_("Weekend programs"), N_("Telehealth programs"), N_("Is an IOP right for me?"),
              N_("For families and friends"), N_("For providers"), N_("Link to the finder"),
              N_("About the data"))


def prefix(lang: str, languages: Sequence[str]) -> str:
    """A language's folder from the site's root: '' for the first language, 'es/' else."""
    return "" if lang == languages[0] else f"{lang}/"


def roots(site_url: str | None, languages: Sequence[str]) -> dict[str, str]:
    """The address path of each language's home ('/', '/es/'), from the site's address."""
    base = urlsplit(site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"
    return {lang: base + prefix(lang, languages) for lang in languages}


def page_url(src_path: str) -> str:
    """A page's address under its language's root, with directory URLs: 'finder/index.md' ->
    'finder/', 'about-the-data.md' -> 'about-the-data/', 'index.md' -> ''."""
    stem = src_path.rsplit(".", 1)[0]
    folder, name = posixpath.split(stem)
    if name == "index":
        return folder + "/" if folder else ""
    return stem + "/"


def alternates(src_path: str, lang: str, languages: Sequence[str],
               pages: Mapping[str, set[str]],
               site_url: str | None = None) -> list[dict[str, str]]:
    """The same page in each other language, for the language switch and the sitemap: its
    language, its name in itself, its address from `lang`'s root ("url") and, with the site's
    address (the first language's), its full address ("href"; else ''). `pages`: the pages
    each language has; one without this page gets a link to its home, and no "href"."""
    here = prefix(lang, languages)
    found = []
    for other in languages:
        if other == lang:
            continue
        same = src_path in pages.get(other, set())
        target = page_url(src_path) if same else ""
        path = posixpath.relpath(prefix(other, languages) or ".", here or ".")
        link = ("" if path == "." else path + "/") + target
        # hreflang names only the same page: the other language's home page is not one.
        href = urljoin(site_url + prefix(other, languages), target) if site_url and same else ""
        found.append({"lang": other, "name": i18n.native_name(other), "url": link or "./",
                      "href": href})
    return found


def translated_nav(nav: Any, lang: str, pages: set[str]) -> Any:
    """The navigation in `lang`: titles from the catalog, pages the language lacks left out
    (and sections left empty), links to other sites kept."""
    words = i18n.translations(lang)
    if isinstance(nav, list):
        items = [translated_nav(item, lang, pages) for item in nav]
        return [item for item in items if item is not None]
    if isinstance(nav, str):
        return nav if _kept(nav, pages) else None
    if isinstance(nav, dict) and len(nav) == 1:
        ((title, target),) = nav.items()
        shown = words.gettext(title) if isinstance(title, str) else title
        if isinstance(target, list):
            children = translated_nav(target, lang, pages)
            return {shown: children} if children else None
        if not _kept(target, pages):
            return None
        if shown == title and lang != i18n.SOURCE and target in pages:
            return target  # a page whose title the catalog does not know: its own title
        return {shown: target}
    return nav


def _kept(target: Any, pages: set[str]) -> bool:
    if not isinstance(target, str):
        return True
    if "://" in target or target.startswith(("/", "#", "mailto:")):
        return True  # a link to another site
    return target in pages
