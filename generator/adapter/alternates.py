"""The site's other languages: each one a MkDocs build of its own, under site_dir/<lang>/.

When the build of the site's first language is done, the iopdir plugin builds each other
language with the same configuration, changed for the time of that build only: the site
directory and address get the language's folder, Material's words, and the search's stemmer
and stop words, are the language's, and the navigation is translated (languages.translated_nav).
The same plugin instances run again (MkDocs keeps one instance of a plugin that has
on_startup), so the iopdir plugin knows which language it is building. This is how the
mkdocs-static-i18n plugin builds languages too; unlike it, each language is a complete site
with its own search index, and the data files exist once, at the root.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig

from generator.model import i18n
from generator.output import languages

log = logging.getLogger("mkdocs.plugins.iopdir")
SEARCH_SETTINGS = ("lang", "separator", "pipeline")  # Material's, which depend on the language


def build_language(config: MkDocsConfig, lang: str, langs: list[str], pages: set[str],
                   dirty: bool) -> None:
    """Build the site in `lang` into its folder of site_dir (`pages`: the pages it has)."""
    log.info("iopdir: building the pages in %s", lang)
    with _configured(config, lang, langs, pages):
        build(config, dirty=dirty)


@contextmanager
def _configured(config: MkDocsConfig, lang: str, langs: list[str],
                pages: set[str]) -> Iterator[None]:
    folder = languages.prefix(lang, langs)
    saved: dict[str, Any] = {key: config[key] for key in
                             ("site_dir", "site_url", "nav", "site_name", "site_description")}
    theme_language = config.theme["language"]
    search = _search_plugin(config)
    search_saved = _search_state(search)
    try:
        config["site_dir"] = str(Path(saved["site_dir"]) / folder)
        if saved["site_url"]:
            config["site_url"] = saved["site_url"] + folder
        if saved["nav"] is not None:
            config["nav"] = languages.translated_nav(saved["nav"], lang, pages)
        config.theme["language"] = lang
        words = i18n.translations(lang)
        for key in ("site_name", "site_description"):  # if the catalog knows them
            if saved[key]:
                config[key] = words.gettext(saved[key])
        if search is not None:
            search.config["lang"] = [lang]
            search.config["separator"] = None  # Material sets them for the theme's language
            search.config["pipeline"] = None
            search.search_index_prev = getattr(search, "iopdir_prev", {}).get(lang)
        yield
    finally:
        if search is not None:
            search.iopdir_prev = {**getattr(search, "iopdir_prev", {}),
                                  lang: getattr(search, "search_index_prev", None)}
            for key in SEARCH_SETTINGS:
                search.config[key] = search_saved[key]
            search.search_index_prev = search_saved["search_index_prev"]
        config.theme["language"] = theme_language
        for key, value in saved.items():
            config[key] = value


def _search_plugin(config: MkDocsConfig) -> Any:
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    return None


def _search_state(search: Any) -> dict[str, Any]:
    """What a build in another language changes in the search plugin, to restore after it."""
    if search is None:
        return {}
    state = {key: search.config.get(key) for key in SEARCH_SETTINGS}
    state["search_index_prev"] = getattr(search, "search_index_prev", None)
    return state
