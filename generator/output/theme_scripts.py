"""Which inline scripts a page may run: only those the theme's own templates write.

A page's Content-Security-Policy lists the hashes of the inline scripts it allows. Hashing every
script found in the finished page would allow an injected one too (text a theme prints
unescaped, such as a site name, becomes a script that is then "allowed"), and an audit that
compares scripts with that policy would never notice. So a script is trusted only when it
matches a <script> element of the templates themselves: each template script becomes a pattern
in which every Jinja expression may stand for a short value with no quote, bracket, backslash or
line break, which cannot end the string or the script it sits in.

Pure: takes the template folders (the adapter passes the theme's), reads their .html files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from generator.output.hosting import INLINE_SCRIPT, JS_TYPES, SCRIPT_TYPE

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_VALUE = r"[^\"'`<>\\\n]{0,200}"  # what a Jinja expression may print inside a template script
_MIN_LITERAL = 20  # a template script of little more than an expression would trust anything


class TrustedScripts:
    """`trusted(body)`: True when an inline script's text is one the templates write."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)

    def __call__(self, body: str) -> bool:
        return any(pattern.fullmatch(body) for pattern in self.patterns)


def from_templates(folders: Iterable[str | Path]) -> TrustedScripts:
    return _from_templates(tuple(str(f) for f in folders))


@lru_cache(maxsize=8)
def _from_templates(folders: tuple[str, ...]) -> TrustedScripts:
    patterns: dict[str, re.Pattern[str]] = {}
    for folder in folders:
        for template in sorted(Path(folder).rglob("*.html")):
            for body in template_scripts(template.read_text(encoding="utf-8", errors="replace")):
                patterns.setdefault(body, _pattern(body))
    return TrustedScripts(patterns.values())


def template_scripts(source: str) -> list[str]:
    """The bodies of the executable inline <script> elements of one template's source."""
    found = []
    for match in INLINE_SCRIPT.finditer(source):
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE) or _JINJA.search(attrs):
            continue
        kind = SCRIPT_TYPE.search(attrs)
        literal = "".join(_JINJA.split(body)).strip()
        if (kind.group("type").strip().lower() if kind else "") in JS_TYPES \
                and len(literal) >= _MIN_LITERAL:
            found.append(body)
    return found


def _pattern(body: str) -> re.Pattern[str]:
    parts = _JINJA.split(body)
    return re.compile(_VALUE.join(re.escape(part) for part in parts), re.DOTALL)
