"""`iopdir generate --out DIR`: a project other runners build as it is, with no hand edits.

ProperDocs (MkDocs' continuation) and Zensical (from the makers of Material) read mkdocs.yml, but
Zensical runs no MkDocs plugins, so nothing may be left for the iopdir plugin to do:

    DIR/docs/            the built-in pages and assets, the project's pages over them (markers
                         filled in), every generated page and data file (site.write_docs)
    DIR/overrides/       the built-in template overrides, the project's own custom_dir over them
    DIR/mkdocs.yml       the project's configuration with docs_dir, site_dir and custom_dir
    DIR/properdocs.yml   pointing here, the iopdir plugin removed, the built-in styles and
                         scripts listed, extra.iopdir_sample and the theme's words
                         (extra.iopdir_ui) set and !ENV values resolved
    DIR/docs-<lang>/, DIR/mkdocs.<lang>.yml, DIR/properdocs.<lang>.yml
                         the same for each other language of the site (the iopdir plugin's
                         `languages`), building into DIR/site/<lang>/ (`zensical build -f
                         mkdocs.es.yml`) after the first (a build empties its site directory
                         first); the overrides are shared, as they hold no words

What only the plugin does stays undone with another runner: Material's full search index
instead of one short entry per provider, no `_headers` file, no rel="noopener noreferrer" on
links in hand-written pages (every page still sends no referrer, by its meta tag), no hreflang
alternates in the sitemap, and a language switch that goes to the same address in the other
language whether or not the page exists there.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.load.catalog import UsageError
from generator.model import i18n
from generator.model.records import Provider
from generator.output import languages, site, theme
from generator.pages import theme_words

CONFIG_NAMES = ("mkdocs.yml", "properdocs.yml")  # ProperDocs prefers its own name
HEADER = ("# Written by `iopdir generate` from {source}; build this folder with `zensical build`,\n"
          "# `properdocs build` or `mkdocs build`. Edit {source}, not this file.\n")
HEADER_OTHER = "# The site in {lang}: build it with `-f` and this file's name, after {name}.\n"
SEARCH = ("search", "material/search")


class _Tagged:
    """A value with a tag this module does not resolve (such as !!python/name:...), kept."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' !ENV: the first variable that is set, else the last item as the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    assert isinstance(node, yaml.SequenceNode)
    *names, default = loader.construct_sequence(node)
    return next((os.environ[n] for n in names if n in os.environ), default)


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    assert isinstance(node, yaml.MappingNode)
    return _Tagged(node.tag, loader.construct_mapping(node))


def _dump_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


def _dump_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Text of several lines (such as not_in_nav) as a block, the way people write it."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _keep)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep)
_Dumper.add_representer(_Tagged, _dump_tagged)
_Dumper.add_representer(str, _dump_text)


def read_config(path: Path) -> dict[str, Any]:
    """The project's MkDocs configuration, or UsageError saying why it cannot be read."""
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: cannot read the configuration: {exc}") from None
    if not isinstance(loaded, dict):
        raise UsageError(f"{path}: not a MkDocs configuration (a mapping of settings)")
    return loaded


def write(out: Path, config_file: Path, docs: Path, providers: list[Provider], today: dt.date,
          site_url: str | None = None) -> None:
    """Everything another runner needs, into `out` (an empty directory): one project for each
    language of the site, the first in `out`, each other in out/<lang>/."""
    config = read_config(config_file)
    langs = languages_of(config)
    sample = any(p.sample for p in providers)
    _overrides(out / "overrides", config, config_file.parent)
    for lang in langs:
        docs_out = out / docs_dir(lang, langs)
        site.write_docs(docs_out, docs, providers, today, site_url, config.get("repo_url"),
                        lang, langs)
        pages = {p.relative_to(docs_out).as_posix()
                 for p in docs_out.rglob("*") if theme.is_page(p.name)}
        header = HEADER.format(source=config_file.name)
        if lang != langs[0]:
            header += HEADER_OTHER.format(lang=i18n.native_name(lang), name=CONFIG_NAMES[0])
        text = header + yaml.dump(
            runner_config(config, sample, site_url, lang, langs, pages), Dumper=_Dumper,
            sort_keys=False, allow_unicode=True, width=100)
        for name in config_names(lang, langs):
            (out / name).write_text(text, encoding="utf-8")


def docs_dir(lang: str, langs: list[str]) -> str:
    return "docs" if lang == langs[0] else f"docs-{lang}"


def config_names(lang: str, langs: list[str]) -> list[str]:
    """mkdocs.yml and properdocs.yml; mkdocs.es.yml and properdocs.es.yml for Spanish."""
    if lang == langs[0]:
        return list(CONFIG_NAMES)
    return [name.replace(".yml", f".{lang}.yml") for name in CONFIG_NAMES]


def languages_of(config: dict[str, Any]) -> list[str]:
    """The site's languages as the iopdir plugin reads them (the theme's language first)."""
    theme_language = str((config.get("theme") or {}).get("language") or i18n.SOURCE)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("iopdir"), dict):
            found = plugin["iopdir"].get("languages") or []
            if isinstance(found, list) and found:
                return [i18n.check(str(lang)) for lang in dict.fromkeys(found)]
    return [theme_language]


def runner_config(config: dict[str, Any], sample: bool, site_url: str | None,
                  lang: str = i18n.SOURCE, langs: list[str] | None = None,
                  pages: set[str] | None = None) -> dict[str, Any]:
    """The project's configuration of one language (`pages`: its pages) for a runner without
    the iopdir plugin."""
    langs = langs or [lang]
    first = lang == langs[0]
    result = dict(config)
    result.update(docs_dir=docs_dir(lang, langs), site_dir="site" if first else f"site/{lang}")
    if site_url:
        result["site_url"] = site_url + languages.prefix(lang, langs)
    words = i18n.translations(lang)
    if not first:
        for key in ("site_name", "site_description"):
            if isinstance(config.get(key), str):
                result[key] = words.gettext(config[key])
        if config.get("nav") is not None:
            result["nav"] = languages.translated_nav(config["nav"], lang, pages or set())
    result["theme"] = {**(config.get("theme") or {}), "custom_dir": "overrides",
                       "language": lang}
    result["plugins"] = [_searching(p, lang, first) for p in config.get("plugins") or []
                         if not _is_iopdir(p)]
    others = [{"lang": other, "name": i18n.native_name(other),
               "root": _from_root(lang, other, langs)} for other in langs if other != lang]
    result["extra"] = {**(config.get("extra") or {}), "iopdir_sample": sample,
                       "iopdir_ui": theme_words.ui(lang, sample, languages.roots(site_url, langs)),
                       "iopdir_languages": others}
    own_css = [c for c in config.get("extra_css") or [] if c not in theme.STYLESHEETS]
    result["extra_css"] = [*theme.STYLESHEETS, *own_css]
    own_js = [s for s in config.get("extra_javascript") or [] if _script_path(s) not in
              theme.SCRIPTS]
    builtin = [{"path": path, "type": kind} if kind else path
               for path, kind in theme.SCRIPTS.items()]
    result["extra_javascript"] = [*builtin, *own_js]
    return result


def _is_iopdir(plugin: Any) -> bool:
    return plugin == "iopdir" or (isinstance(plugin, dict) and "iopdir" in plugin)


def _searching(plugin: Any, lang: str, first: bool) -> Any:
    """The search plugin of another language searches with that language's stemmer."""
    name = plugin if isinstance(plugin, str) else next(iter(plugin), None)
    if first or name not in SEARCH:
        return plugin
    options = {} if isinstance(plugin, str) else dict(plugin[name] or {})
    return {name: {**options, "lang": [lang]}}


def _from_root(lang: str, other: str, langs: list[str]) -> str:
    """The other language's root, from this language's."""
    here, there = languages.prefix(lang, langs), languages.prefix(other, langs)
    return there if not here else "../" + there


def _script_path(script: Any) -> Any:
    return script.get("path") if isinstance(script, dict) else script


def _overrides(target: Path, config: dict[str, Any], base: Path) -> None:
    """The built-in overrides, with the project's own custom_dir (if any) over them; not the
    sitemap, whose hreflang alternates come from the plugin (another runner has its own)."""
    shutil.copytree(theme.OVERRIDES, target, ignore=shutil.ignore_patterns("sitemap.xml"))
    own = (config.get("theme") or {}).get("custom_dir")
    if isinstance(own, str) and (base / own).is_dir():
        shutil.copytree(base / own, target, dirs_exist_ok=True)
