"""robots.txt, the site address check, and the `_headers` file with its script hashes."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from generator.output import hosting


def sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(("given", "normalised"), [
    ("https://example.org/iop", "https://example.org/iop/"),
    ("https://example.org/iop/", "https://example.org/iop/"),
    ("  http://127.0.0.1:8000  ", "http://127.0.0.1:8000/"),
])
def test_site_url_gets_a_trailing_slash(given: str, normalised: str) -> None:
    assert hosting.check_site_url(given) == normalised


@pytest.mark.parametrize(("given", "says"), [
    ("example.org/iop/", "write it in full, like 'https://example.org/iop/'"),
    ("ftp://example.org/", "write it in full"),
    ("https://example.org/iop/?x=1", "query or fragment"),
])
def test_a_bad_site_url_says_how_to_write_it(given: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(given))) as raised:
        hosting.check_site_url(given)
    assert says in str(raised.value)


def test_robots_txt_allows_everything_and_names_the_sitemap() -> None:
    assert hosting.robots_txt("https://example.org/iop").splitlines()[1:] == [
        "User-agent: *", "Allow: /", "", "Sitemap: https://example.org/iop/sitemap.xml"]


def test_robots_txt_without_an_address_has_no_sitemap_line() -> None:
    robots = hosting.robots_txt(None)
    assert "Allow: /" in robots and "Sitemap" not in robots


def test_only_executable_inline_scripts_are_hashed() -> None:
    page = ('<script>var a = 1;</script>'
            '<script type="module">\nimport "./x.js"\n</script>'
            '<SCRIPT type="text/javascript">b()</SCRIPT>'
            '<script src="/app.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="application/ld+json">{"@type": "MedicalClinic"}</script>')
    assert hosting.script_hashes(page) == {
        sha256("var a = 1;"), sha256('\nimport "./x.js"\n'), sha256("b()")}


def test_headers_file_applies_the_policy_to_every_page() -> None:
    text = hosting.headers_file({sha256("x()"), sha256("y()")})
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    csp = headers["Content-Security-Policy"]
    assert f"script-src 'self' {' '.join(sorted([sha256('x()'), sha256('y()')]))};" in csp
    for directive in ("default-src 'self'", "connect-src 'self'", "img-src 'self' data:",
                      "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in csp.split("; ")
    assert "unsafe-inline" not in csp and "http" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Permissions-Policy"].startswith("geolocation=(self),")
