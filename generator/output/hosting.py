"""Files a web host reads at the site root: robots.txt and the `_headers` of Netlify and
Cloudflare Pages. Pure text in, text out; the MkDocs plugin and `iopdir generate` write them."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

# Inline <script> elements without src. Data blocks (JSON, JSON-LD) are never executed, so a
# Content-Security-Policy ignores them; only scripts of these types need a hash.
INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>",
                           re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
# Script types a browser runs (HTML's JavaScript MIME type essences, and modules).
JS_TYPES = frozenset({
    "", "module", "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

# Chromium logs an unknown feature name as a console error, so only well-known ones are listed.
PERMISSIONS = ("geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
               "browsing-topics=()")  # the finder may ask for the visitor's location


def check_site_url(value: str) -> str:
    """The site's address with a trailing slash, or ValueError saying how to write it."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not a web address; write it in full, like "
                         "'https://example.org/iop/'")
    if parts.query or parts.fragment:
        raise ValueError(f"{value!r} has a query or fragment; give the site's base address only")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def robots_txt(site_url: str | None) -> str:
    """Allow every crawler everywhere; name the sitemap when the site's address is known."""
    lines = ["# Every page of this directory may be indexed.",
             "User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {check_site_url(site_url)}sitemap.xml"]
    return "\n".join(lines) + "\n"


def script_hashes(html: str, trusted: Callable[[str], bool] = lambda body: True) -> set[str]:
    """CSP source expressions ('sha256-...') for each executable inline script of a page that
    `trusted` accepts (see theme_scripts: only those the theme's templates write)."""
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = SCRIPT_TYPE.search(attrs)
        if (kind.group("type").strip().lower() if kind else "") not in JS_TYPES:
            continue
        if trusted(match.group("body")):
            hashes.add(script_hash(match.group("body")))
    return hashes


def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(hashes: Iterable[str], meta: bool = False) -> str:
    """Everything from this site only; inline scripts only if their hash is listed. In a
    <meta> element browsers ignore frame-ancestors (and log an error for it), so it is left
    out there; X-Frame-Options in _headers covers framing where headers can be sent."""
    scripts = " ".join(["'self'", *sorted(hashes)])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self'",
        "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "worker-src 'self'",
        "manifest-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
        *([] if meta else ["frame-ancestors 'none'"]),
    ])


def with_policy(html: str,
                trusted: Callable[[str], bool] = lambda body: True) -> tuple[str, set[str]]:
    """The page with its own Content-Security-Policy as a <meta> element, so hosts that cannot
    send headers (GitHub Pages) protect it too, and the hashes of the inline scripts `trusted`
    accepts: any other inline script is blocked by browsers and reported by the audit. A meta
    policy covers only what follows it, so it goes right after <meta charset>, or <head>."""
    hashes = script_hashes(html, trusted)
    tag = (f'<meta http-equiv="Content-Security-Policy" '
           f'content="{content_security_policy(hashes, meta=True)}">')
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return tag + html, hashes
    return html[:anchor.end()] + tag + html[anchor.end():], hashes


def headers_file(hashes: Iterable[str]) -> str:
    """The `_headers` file of Netlify and Cloudflare Pages: security headers for every page."""
    headers = {
        "Content-Security-Policy": content_security_policy(hashes),
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
    }
    comment = ("# Security headers for Netlify and Cloudflare Pages, written by iopdir build.\n"
               "# script-src lists the hashes of the theme's inline scripts in this build.\n")
    return comment + "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())

