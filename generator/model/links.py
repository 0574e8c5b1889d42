"""Addresses built from listing values: web links, mail links, phone links, and the host a link
shows.

Pure and shared: validation refuses what `web_address` cannot write, and pages, the finder and
the open data all link to the same places the same way. A web address is parsed with
`urllib.parse`, checked for scheme and host, and written back percent-encoded and ASCII-only, so
what reaches a page or a data file holds no character that means anything in HTML, Markdown,
YAML or a URL's own syntax beyond what it says.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

_PHONE_KEEP = re.compile(r"[^0-9+]")
_NOT_DIGIT = re.compile(r"[^0-9]")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_FORBIDDEN = frozenset('<>"\'`\\')  # HTML's quotes and brackets; a backslash means "/" to browsers
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# RFC 3986 characters kept as they are in a path; everything else is percent-encoded.
_PATH_SAFE = "/:@!$&()*+,;=-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"

# Cached as `name = lru_cache(...)(_name)`, not with the decorator: mutmut, the mutation
# tester of `make mutation`, leaves decorated functions unmutated (docs/quality.md).

# One address, like 'intake@example.org': no quoting, comments or IP literals, and no character
# that HTML or Markdown gives a meaning. The same pattern is in schema/provider.schema.json.
EMAIL = re.compile(r"[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*"
                   r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
                   r"([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})")


class BadAddress(ValueError):
    """Why a web address cannot be linked, in words for the person who wrote it."""


def _url_problem(url: str) -> str | None:
    """What is wrong with a listing's web address, or None when `web_address` can write it."""
    try:
        web_address(url)
    except BadAddress as exc:
        return str(exc)
    return None


url_problem = lru_cache(maxsize=1 << 14)(_url_problem)


def _web_address(url: str) -> str:
    """`url` as an http(s) address with a real host, percent-encoded ASCII; BadAddress if not."""
    bad = sorted({c for c in url if c in _FORBIDDEN or c.isspace() or not c.isprintable()})
    if bad:
        raise BadAddress(f"holds {_chars(bad)}, which a web address cannot hold as it is; write "
                         "the address as the browser's address bar shows it")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadAddress(f"cannot be read as a web address ({exc}); write the address as the "
                         "browser's address bar shows it") from None
    if parts.scheme not in ("http", "https"):
        raise BadAddress("must start with https:// (or http://)")
    if "@" in parts.netloc:
        raise BadAddress("has a user name or password before the host ('...@'); remove it")
    host = _host(parts.netloc, parts.hostname or "")
    where = f"{host}:{port}" if port is not None else host
    path = quote(_STRAY_PERCENT.sub("%25", parts.path), safe=_PATH_SAFE)
    query = quote(_STRAY_PERCENT.sub("%25", parts.query), safe=_QUERY_SAFE)
    fragment = quote(_STRAY_PERCENT.sub("%25", parts.fragment), safe=_QUERY_SAFE)
    return (f"{parts.scheme}://{where}{path}" + (f"?{query}" if parts.query else "")
            + (f"#{fragment}" if parts.fragment else ""))


web_address = lru_cache(maxsize=1 << 14)(_web_address)


def linkable(url: str | None) -> str | None:
    """`web_address(url)`, or None for no address or one that validation would have refused."""
    if not url:
        return None
    try:
        return web_address(url)
    except BadAddress:
        return None


def _host(netloc: str, hostname: str) -> str:
    """The host in ASCII: an IPv6 literal in brackets, or IDNA labels of letters, digits and
    dashes (a Unicode name becomes its 'xn--' form)."""
    if netloc.startswith("["):
        try:
            if "%" in hostname:  # a zone index only means something on one machine
                raise ValueError
            return f"[{ipaddress.IPv6Address(hostname).compressed}]"
        except ValueError:
            raise BadAddress(f"has the host {hostname!r}, which is not an IPv6 address; check "
                             "it") from None
    if "[" in netloc:  # and so a "]" too: urlsplit refuses a lone bracket
        raise BadAddress("has '[' or ']' in its host; remove them")
    name = hostname.removesuffix(".")
    try:
        ascii_name = name.encode("idna").decode("ascii")  # pragma: no mutate (codecs ignore case)
    except UnicodeError:
        raise BadAddress(f"has the host {hostname!r}, which is not a valid domain name; check "
                         "its spelling") from None
    labels = ascii_name.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise BadAddress(f"has the host {hostname!r}, which is not a full domain name; write "
                         "one like 'www.example.org', with letters, digits, dashes and dots")
    if labels[-1].isdigit():
        try:
            ipaddress.IPv4Address(ascii_name)
        except ValueError:
            raise BadAddress(f"has the host {hostname!r}, which is not a valid domain name; "
                             "check its spelling") from None
    return ascii_name


def _chars(found: list[str]) -> str:
    shown = [repr(c) if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}"
             for c in found]
    return ("the character " if len(shown) == 1 else "the characters ") + ", ".join(shown)


def email_problem(email: str) -> str | None:
    if EMAIL.fullmatch(email):
        return None
    return ("is not one email address like 'intake@example.org' (letters, digits and . _ + - "
            "before the @, a domain name after it)")


def mailto_href(email: str) -> str | None:
    """mailto: target for an address that matches EMAIL, else None (nothing to link)."""
    return f"mailto:{email}" if EMAIL.fullmatch(email) else None


def tel_href(phone: str) -> str:
    """tel: target: digits only, with +1 for ten-digit US numbers, and an extension
    ('... ext. 12') as RFC 3966's ';ext=12'."""
    number, _, extension = phone.partition(" ext. ")
    digits = _PHONE_KEEP.sub("", number)
    if not digits.startswith("+"):
        digits = "+1" + digits if len(digits) == 10 else digits
    extension = _NOT_DIGIT.sub("", extension)
    return "tel:" + digits + (f";ext={extension}" if extension else "")


def site_host(url: str) -> str:
    """What a link to a provider's site says: its host name, without 'www.' or a final dot."""
    try:
        host = urlsplit(url).hostname or url
    except ValueError:
        return url
    return host.removesuffix(".").removeprefix("www.")
