"""Text the theme prints into HTML as it is, escaped before it gets there.

MkDocs' theme environment does not autoescape, and Material prints page titles and
descriptions, the site's name, description, author and copyright into pages as they are. As
MarkupSafe `Markup` holding escaped text they print escaped there, and an override's `| e`
leaves them as they are. A name such as 'Recovery & Wellness' then shows as written, and a
name holding markup shows as text instead of becoming part of every page.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig

PAGE_TEXT = ("title", "description", "author")
CONFIG_TEXT = ("site_name", "site_description", "site_author", "copyright", "repo_name")
SHOWN_FINDINGS = 50


def escape_page_meta(meta: MutableMapping[str, Any], escaped: bool = False) -> None:
    """Front matter values the theme prints, escaped for every page. Generated pages' values
    are escaped already (templating.front_matter): `escaped` only marks them so."""
    for key in PAGE_TEXT:
        if key in meta:
            meta[key] = _escaped(meta[key], escaped)


def escape_config(config: MkDocsConfig) -> None:
    """The site's own words from mkdocs.yml, escaped once for every page."""
    for key in CONFIG_TEXT:
        if key in config:
            config[key] = _escaped(config[key])


def _escaped(value: Any, already: bool = False) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(value) if already else escape(value)
    return value


def audit_report(findings: list[str]) -> str:
    shown = "\n".join(findings[:SHOWN_FINDINGS])
    more = len(findings) - SHOWN_FINDINGS
    tail = f"\n... and {more} more" if more > 0 else ""
    return ("iopdir: the built pages failed the safety audit (script or outside requests where "
            f"none belong); nothing was published:\n{shown}{tail}")
