"""Listing or form text made inert for GitHub, which renders issue bodies and comments as
Markdown: one line, HTML special characters as entities, Markdown punctuation backslash-escaped,
and '@' followed by an invisible word joiner (U+2060) so nobody is mentioned: GitHub decodes an
entity such as '&#64;' before it looks for mentions, so an entity alone does not stop one.
(The site itself never parses listing text as Markdown; this is only for what iopdir writes to
GitHub.)"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")  # CommonMark escapes, table bars
_SPACE = re.compile(r"\s+")


def inert(value: str) -> str:
    flat = _SPACE.sub(" ", value).strip()
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False)).replace("@", "@\u2060")


def code(value: str) -> str:
    """Text as a Markdown code span, which GitHub shows literally (no escapes needed, and no
    mention inside it): fenced by more backticks than any run in the text, on one line."""
    flat = _SPACE.sub(" ", value).strip()
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded}{fence}"
