"""Addresses built from listing values: web links, phone links, and the host a link shows.

Pure and shared: pages, the finder and the open data all link to the same places the same way.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_PHONE_KEEP = re.compile(r"[^0-9+]")

def safe_url(url: str) -> str | None:
    """The URL if it is an http(s) address with a host and nothing that could break out."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if any(c.isspace() or c in "<>\"'`\\" for c in url):
        return None
    return url


def tel_href(phone: str) -> str:
    """tel: target: digits only, with +1 for ten-digit US numbers, and an extension
    ('... ext. 12') as RFC 3966's ';ext=12'."""
    number, _, extension = phone.partition(" ext. ")
    digits = _PHONE_KEEP.sub("", number)
    if not digits.startswith("+"):
        digits = "+1" + digits if len(digits) == 10 else digits
    extension = _PHONE_KEEP.sub("", extension).lstrip("+")
    return "tel:" + digits + (f";ext={extension}" if extension else "")


def site_host(url: str) -> str:
    """What a link to a provider's site says: its host name, without 'www.'."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
