"""Turn untrusted listing text into Markdown that can only ever render as the same plain text.

Provider text is input from strangers. Everything a listing says goes through `text()`: HTML
special characters become entities, Markdown punctuation is backslash-escaped, and line breaks
collapse to spaces so no block syntax (headings, lists, admonitions, tables) can start. Links are
built here from validated URLs only; the rest of the generator never formats listing text itself.
"""

from __future__ import annotations

import html
import json
import re

from generator.model.links import safe_url, tel_href

# Python-Markdown's escapable characters, plus '|' (tables) and ':' / '~' / '^' / '=' / '"'
# used by extensions; escaping one that needs no escape is harmless only when it is in this set,
# so the set matches exactly what the enabled extensions accept.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def text(value: str) -> str:
    """Plain text, safe anywhere inline in Markdown (paragraphs, headings, table cells)."""
    flat = _SPACE.sub(" ", value).strip()
    escaped = html.escape(flat, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def attr(value: str) -> str:
    """A value for an HTML attribute in double quotes."""
    return html.escape(_SPACE.sub(" ", value).strip(), quote=True)




def link(url: str, label: str) -> str:
    """An external link as inline HTML, or the plain label when the URL is not safe."""
    safe = safe_url(url)
    if safe is None:
        return text(label)
    label_html = html.escape(label, quote=False)
    return f'<a href="{attr(safe)}" rel="nofollow noopener noreferrer">{label_html}</a>'




def phone_link(phone: str) -> str:
    return f'<a href="{attr(tel_href(phone))}">{html.escape(phone, quote=False)}</a>'


def mailto(email: str) -> str:
    if any(c.isspace() or c in "<>\"'`\\?&" for c in email) or email.count("@") != 1:
        return text(email)
    return f'<a href="mailto:{attr(email)}">{html.escape(email, quote=False)}</a>'




def front_matter(script_data: dict[str, str] | None = None, **fields: str) -> str:
    """YAML front matter. Values are JSON strings (valid YAML, so no YAML can be injected) and
    HTML-escaped, because MkDocs themes print `page.meta` values into HTML without escaping.
    `script_data` values go inside a <script> element unescaped, so they must hold no <, > or &
    (JSON written with those as \\u escapes, as opendata.jsonld does)."""
    lines = [f"{key}: {json.dumps(attr(value), ensure_ascii=False)}"
             for key, value in fields.items()]
    for key, value in (script_data or {}).items():
        if any(c in value for c in "<>&"):
            raise ValueError(f"{key}: script data must escape <, > and &")
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"
