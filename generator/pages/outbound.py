"""Links to other sites carry rel="noopener noreferrer": the other site learns nothing about the
page a visitor came from (the finder keeps a search in its address) and cannot script this tab.

Pure: it rewrites the HTML that Python-Markdown makes from pages, whose attributes are always
double-quoted. The MkDocs plugin applies it to every page; provider links are made with it
already (templates/macros.html).
"""

from __future__ import annotations

import re
from collections.abc import Collection

REL = ("noopener", "noreferrer")
_A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r'(?<![\w-])href="(?:https?:)?//([^"/?#:]*)', re.IGNORECASE)
_REL = re.compile(r'(?<![\w-])rel="([^"]*)"', re.IGNORECASE)


def add_rel(html: str, own_hosts: Collection[str] = ()) -> str:
    """`html` with REL added to every link to a host not in `own_hosts`."""
    own = {host.lower() for host in own_hosts}

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or href.group(1).lower() in own:
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1] + f' rel="{" ".join(REL)}">'
        words = rel.group(1).split()
        words += [word for word in REL if word not in words]
        return tag[:rel.start(1)] + " ".join(words) + tag[rel.end(1):]

    return _A_TAG.sub(fix, html)
