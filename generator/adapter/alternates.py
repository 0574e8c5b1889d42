"""The site's languages: each one a MkDocs build of its own, the others under site_dir/<lang>/.

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
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.model import i18n
from generator.output import languages, theme

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


def site_languages(configured: list[str], theme_language: str) -> list[str]:
    """The site's languages, checked: the first must be the theme's (Material's words)."""
    found = list(dict.fromkeys(configured or [theme_language]))
    if found[0] != theme_language:
        raise PluginError(f"iopdir: the first of the site's languages ({found[0]!r}) is built at "
                          f"its root, so it must be theme.language ({theme_language!r}); put "
                          f"{theme_language!r} first in the iopdir plugin's languages")
    try:
        return [i18n.check(lang) for lang in found]
    except i18n.UnknownLanguage as exc:
        raise PluginError(f"iopdir: {exc}") from None


def language_files(files: Files, config: MkDocsConfig, lang: str, langs: list[str]) -> Files:
    """The files of `lang`'s build: the project's docs files of this language (its pages in
    docs/<lang>/ for a language other than the first) and the shared ones, the built-in files
    of this language where the project has none, and the theme's own."""
    docs_dir = config.docs_dir
    kept = Files([])
    for file in files:
        target = (theme.project_path(file.src_uri, lang, langs) if file.src_dir == docs_dir
                  else file.src_uri)
        if target == file.src_uri:
            kept.append(file)
        elif target is not None:  # docs/<lang>/page.md is this language's page.md
            kept.append(File(target, src_dir=str(Path(docs_dir) / lang),
                             dest_dir=config.site_dir,
                             use_directory_urls=config.use_directory_urls))
    for path, source in theme.builtin_docs(lang).items():
        if kept.get_file_from_path(path) is None:  # the project's own file wins
            src_dir = source.parents[len(Path(path).parts) - 1]
            kept.append(File(path, src_dir=str(src_dir), dest_dir=config.site_dir,
                             use_directory_urls=config.use_directory_urls))
    return kept
