"""The table of contents of a generated page, read back from its HTML block.

Python-Markdown's toc extension never sees headings inside raw HTML, so the MkDocs plugin gives
generated pages this one instead: Material builds the page's table of contents and its "Skip to
content" link from it. Headings are the templates' own (`<hN id="...">text</hN>`, the text
escaped already), so a pattern reads them exactly.
"""

from __future__ import annotations

import re
from typing import Any

_HEADING = re.compile(r'<h([1-6]) id="([^"<>]+)">(.*?)</h\1>', re.DOTALL)


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """The headings with an id, nested by level, as the toc extension's `toc_tokens`
    ({level, id, name, children}; name is HTML)."""
    root: list[dict[str, Any]] = []
    open_tokens: list[dict[str, Any]] = []
    for match in _HEADING.finditer(html):
        token: dict[str, Any] = {"level": int(match[1]), "id": match[2],
                                 "name": match[3].strip(), "children": []}
        while open_tokens and open_tokens[-1]["level"] >= token["level"]:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else root).append(token)
        open_tokens.append(token)
    return root
