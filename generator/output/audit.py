"""The post-build audit: every built page, parsed as a browser parses it, must not run script it
was not meant to, nor load anything from another host.

Escaping is the first defence against listing text becoming markup; this checks the result,
whatever a bug upstream let through. A page fails on: an event-handler attribute (`on...`); a
`javascript:` or `vbscript:` address, or a `data:` one that is not an image; an element that
loads a resource from another host (scripts, images, frames, objects, media, stylesheets and
icons, form targets, `url()` in styles, a `<base>`, a meta refresh, an SVG animation of an
address); an inline script whose SHA-256 is not in the page's own Content-Security-Policy;
and JSON-LD that is not JSON. SVG, XHTML and XML files are audited the same way.

Pure: HTML text in, findings out. The HTML is parsed with Lexbor (through selectolax), an HTML5
parser that builds the same tree a browser does, about ten times faster than `html.parser`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.output.hosting import JS_TYPES, script_hash

# Script types that make the browser act although they hold no JavaScript.
ACTIVE_TYPES = frozenset({"importmap", "speculationrules"})
# <link rel> values that load nothing (a link to another host is then only an address).
QUIET_RELS = frozenset({"alternate", "author", "bookmark", "canonical", "external", "help",
                        "license", "me", "next", "nofollow", "noopener", "noreferrer", "prev",
                        "search", "sitemap", "tag"})
# Attributes whose address the browser fetches by itself, or sends a form or a ping to.
LOADING = frozenset({"src", "poster", "background", "data", "codebase", "action", "formaction",
                     "manifest", "lowsrc", "dynsrc", "xlink:href", "ping"})
ADDRESSES = LOADING | {"href", "srcset", "imagesrcset", "style"}
NAVIGATING = frozenset({"a", "area"})  # elements whose href is followed only on a click
IMAGE_DATA = re.compile(r"data:image/(png|gif|jpeg|webp|avif|x-icon|vnd\.microsoft\.icon)[;,]",
                        re.IGNORECASE)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_STRIPPED = re.compile(r"[\t\n\r]")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""",
                      re.IGNORECASE | re.DOTALL)
# A refresh's content as browsers read it: a delay, then ';' or ',', then the address, with or
# without 'url=' and quotes ('2; https://x' navigates as well as '0;url=https://x').
_REFRESH = re.compile(r"\s*[0-9.]*\s*(?:[;,]\s*)?(?:url\s*=\s*)?(['\"]?)(.*?)\1\s*$",
                      re.IGNORECASE | re.DOTALL)
# SVG animations that set an attribute over time, such as a link's address.
_ANIMATIONS = frozenset({"set", "animate", "animatetransform", "animatemotion"})
# Files a browser runs as documents (with script), audited like pages.
DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".xht", ".svg", ".xml")
_PROVIDER_LINK = re.compile(r"(?:^|/)providers/([a-z0-9]+(?:-[a-z0-9]+)*)/(?:#|$)")


_PROVIDER_PAGE = re.compile(r"providers/([a-z0-9]+(?:-[a-z0-9]+)*)/index\.html")
_SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)")


@dataclass(frozen=True)
class Finding:
    """One problem on one page. `near` is the provider whose page the nearest link before it
    points to: on a browse page, the listing the problem most likely came from."""

    page: str
    message: str
    near: str | None = None


    @property
    def listing_slug(self) -> str | None:
        """The slug of the listing that most likely caused it: the page's own, on a provider
        page, else the provider linked last before it."""
        own = _PROVIDER_PAGE.fullmatch(self.page)
        return own.group(1) if own else self.near

    def describe(self, listing: str | None = None) -> str:
        return f"{self.page}: {self.message}" + (f" (listing {listing})" if listing else "")


def sitemap_host(sitemap: str) -> str | None:
    """The site's own host, from the first address in its sitemap.xml."""
    first = _SITEMAP_LOC.search(sitemap)
    return urlsplit(first.group(1)).hostname if first else None


def audit_page(html: str, page: str, own_hosts: Collection[str] = ()) -> list[Finding]:
    """Every problem of one built page; `own_hosts` are the site's own host names."""
    tree = LexborHTMLParser(html)
    hashes = _policy_hashes(tree)
    own = frozenset(host.lower() for host in own_hosts)
    found: list[Finding] = []
    near: str | None = None
    if tree.root is None:
        return found
    for node in tree.root.traverse(include_text=False):
        tag = node.tag or ""
        attrs = node.attributes
        if tag == "a":
            link = _PROVIDER_LINK.search(attrs.get("href") or "")
            near = link.group(1) if link else near
        if not attrs and tag not in ("script", "style"):
            continue
        for message in _problems(node, tag, attrs, hashes, own):
            found.append(Finding(page, message, near))
    return found


def _problems(node: LexborNode, tag: str, attrs: dict[str, str | None],
              hashes: frozenset[str] | None, own: frozenset[str]) -> Iterator[str]:
    for name, value in attrs.items():
        if name.startswith("on"):
            yield f"{_show(tag, name, value)}: an event handler attribute runs script"
        elif value and name in ADDRESSES:
            yield from _address_problems(tag, name, value, attrs, own)
    if tag == "script":
        yield from _script_problems(node, attrs, hashes)
    elif tag == "style":
        yield from _css_problems("<style>", node.text(deep=True), own)
    elif tag in ("iframe", "frame") and "srcdoc" in attrs:
        yield f"{_show(tag, 'srcdoc', attrs['srcdoc'])}: a frame of inline HTML"
    elif tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
        target = _REFRESH.match(attrs.get("content") or "")
        if target and target.group(2) and _elsewhere(target.group(2), own, scheme_too=True):
            yield f"{_show(tag, 'content', attrs.get('content'))}: a refresh to another host"
    elif tag in _ANIMATIONS and _animated(attrs) in ("href", "xlink:href", "src"):
        yield f"{_show(tag, 'attributeName', _animated(attrs))}: an animation that changes an " \
              "address"


def _animated(attrs: dict[str, str | None]) -> str:
    """The attribute an SVG animation changes (HTML parsers keep SVG's 'attributeName')."""
    return next((value or "" for name, value in attrs.items()
                 if name.lower() == "attributename"), "").strip().lower()


def _address_problems(tag: str, name: str, value: str, attrs: dict[str, str | None],
                      own: frozenset[str]) -> Iterator[str]:
    if name == "style":
        yield from _css_problems(_show(tag, name, value), value, own)
        return
    shown = _show(tag, name, value)
    urls = (_srcset(value) if name in ("srcset", "imagesrcset") else
            value.split() if name == "ping" else [value])
    for url in urls:
        scheme = _scheme(url)
        if scheme in ("javascript", "vbscript"):
            yield f"{shown}: a {scheme}: address runs script"
        elif scheme == "data" and not (IMAGE_DATA.match(url.strip()) and _loads_image(tag, name)):
            yield f"{shown}: a data: address that is not an image the page shows"
        elif _loads(tag, name, attrs) and _elsewhere(url, own):
            yield f"{shown}: loads from another host"


def _loads(tag: str, name: str, attrs: dict[str, str | None]) -> bool:
    """Whether the browser fetches the address by itself (or sends a form to it)."""
    if name != "href":
        return True
    if tag in NAVIGATING:
        return False
    if tag == "link":
        rels = set((attrs.get("rel") or "").lower().split())
        return not rels or not rels <= QUIET_RELS
    return True  # <base href> moves every relative address; SVG <image>, <use> load it


def _loads_image(tag: str, name: str) -> bool:
    return (tag in ("img", "source", "image") and name in ("src", "srcset", "href")) or \
        (tag == "link" and name == "href")


def _script_problems(node: LexborNode, attrs: dict[str, str | None],
                     hashes: frozenset[str] | None) -> Iterator[str]:
    kind = (attrs.get("type") or "").strip().lower()
    if kind in ACTIVE_TYPES:
        yield f'<script type="{kind}">: the site uses no {kind}'
        return
    if "src" in attrs:
        return  # checked as an address: its own host only
    body = node.text(deep=True)
    if kind == "application/ld+json":
        try:
            json.loads(body)
        except ValueError as exc:
            yield f"<script type=\"application/ld+json\">: not valid JSON ({exc})"
        return
    if kind not in JS_TYPES:
        return  # a data block: never run
    if hashes is None:
        yield "an inline <script> on a page with no Content-Security-Policy meta element"
    elif script_hash(body) not in hashes:
        yield f"<script>{_clip(body)}</script>: an inline script whose hash is not in the " \
              "page's Content-Security-Policy"


def _policy_hashes(tree: LexborHTMLParser) -> frozenset[str] | None:
    """The script hashes the page's meta policy allows; None without a policy."""
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "content-security-policy":
            policy = meta.attributes.get("content") or ""
            return frozenset(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy))
    return None


def _css_problems(shown: str, css: str, own: frozenset[str]) -> Iterator[str]:
    for match in _CSS_URL.finditer(css):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        scheme = _scheme(url)
        if scheme in ("javascript", "vbscript") or (scheme == "data" and
                                                    not IMAGE_DATA.match(url.strip())):
            yield f"{shown}: a {scheme}: address in a style"
        elif _elsewhere(url, own):
            yield f"{shown}: a style that loads from another host"


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _scheme(url: str) -> str:
    """The scheme as a browser reads it: tabs and line breaks inside are ignored, and so are
    spaces and control characters around the address."""
    cleaned = _STRIPPED.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e"
                                            "\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
                                            "\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def _elsewhere(url: str, own: frozenset[str], scheme_too: bool = False) -> bool:
    """An absolute or scheme-relative address on a host that is not the site's own."""
    cleaned = _STRIPPED.sub("", url).strip().replace("\\", "/")
    scheme = _scheme(cleaned)
    if not scheme and not cleaned.startswith("//"):
        return False  # a path on this site
    if scheme and scheme not in ("http", "https", "ws", "wss", "ftp"):
        return scheme_too or scheme not in ("data", "blob", "about", "mailto", "tel", "sms")
    try:
        host = (urlsplit(cleaned).hostname or "").rstrip(".")
    except ValueError:
        return True  # what a browser makes of it is unknown: not ours
    return host not in own


def _show(tag: str, name: str, value: str | None) -> str:
    return f"<{tag} {name}={_clip(value or '')!r}>"


def _clip(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
