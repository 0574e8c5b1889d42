"""Web, mail and phone addresses: validated once, written the same way everywhere."""

from __future__ import annotations

import json

import pytest

from generator.load.schema_check import load_schema
from generator.model import links


@pytest.mark.parametrize(("url", "written"), [
    ("https://harbor.example.org", "https://harbor.example.org"),
    ("https://harbor.example.org/a?b=1&c=2#top", "https://harbor.example.org/a?b=1&c=2#top"),
    ("https://x.example.org/[x](x:/autofocus/onfocus=alert(1)//)",
     "https://x.example.org/%5Bx%5D(x:/autofocus/onfocus=alert(1)//)"),
    ("https://bücher.example.org/ä?q=ü#f#g",
     "https://xn--bcher-kva.example.org/%C3%A4?q=%C3%BC#f%23g"),
    ("HTTP://Harbor.Example.Org.:8080/x%zz", "http://harbor.example.org:8080/x%25zz"),
    ("https://[2001:db8::1]/", "https://[2001:db8::1]/"),
    ("https://192.0.2.7/", "https://192.0.2.7/"),
])
def test_web_addresses_are_written_percent_encoded_in_ascii(url: str, written: str) -> None:
    assert links.url_problem(url) is None
    assert links.web_address(url) == written
    assert written.isascii() and not set(written) & set(" <>\"'`\\{}|^")
    assert not set(written.replace("[2001:db8::1]", "")) & {"[", "]"}


@pytest.mark.parametrize(("url", "problem"), [
    ("https://a]b.example.org", "cannot be read as a web address"),
    ("https://a*x*{onmouseover=alert(1)}.example.org", "not a full domain name"),
    ("https://user:pw@harbor.example.org", "user name or password"),
    ("https://harbor.example.org\\@evil.example", "the character '\\\\'"),
    ("https://localhost/", "not a full domain name"),
    ("https://a..b.example.org/", "not a valid domain name"),
    ("https://1.2.3/", "not a valid domain name"),
    ("https://harbor.example.org:99999/", "cannot be read"),
    ("javascript:alert(1)", "must start with https://"),
    ("https://x.example.org/\"onmouseover=x", "the character '\"'"),
    ("https://ex\u0430mple.org/\n", "U+000A"),
    ("https://[::1", "cannot be read"),
    ("https://[1.2.3]/", "cannot be read"),
    ("https://[v1.fe]/", "not an IPv6 address"),
    ("https://[fe80::1%25eth0]/", "not an IPv6 address"),
    ("https://" + "a" * 64 + ".example.org", "not a valid domain name"),
])
def test_addresses_no_page_could_link_are_refused(url: str, problem: str) -> None:
    found = links.url_problem(url)
    assert found is not None and problem in found, found
    assert links.linkable(url) is None


@pytest.mark.parametrize("email", ["intake@example.org", "first_last+iop@mail.example.org",
                                   "a.b-c@xn--bcher-kva.example"])
def test_plain_email_addresses_are_linked(email: str) -> None:
    assert links.email_problem(email) is None
    assert links.mailto_href(email) == f"mailto:{email}"


@pytest.mark.parametrize("email", [
    "![x](../assets/favicon.svg){onload=alert(1)}@a.example",
    "[x](javascript:alert(1))@a.example", "![x](https://evil.example/p.png)@a.example",
    "<b>intake</b>@hostile-case.example.org", "x@example.org?bcc=y@example.org",
    "x@example.org\n", "a..b@example.org", ".a@example.org", "a@-x.example.org", "a@example",
    "\"quoted\"@example.org", "a@[192.0.2.1]", "o'brien@example.org", "a@example.o",
])
def test_email_addresses_with_markup_or_odd_forms_are_refused(email: str) -> None:
    assert links.email_problem(email) is not None
    assert links.mailto_href(email) is None


def test_the_schema_has_the_same_email_pattern() -> None:
    assert load_schema()["properties"]["email"]["pattern"] == f"^{links.EMAIL.pattern}$"
    json.dumps(load_schema())  # still JSON


@pytest.mark.parametrize(("phone", "href"), [
    ("(503) 555-0142", "tel:+15035550142"),
    ("503.555.0142", "tel:+15035550142"),
    ("+1 503 555 0142", "tel:+15035550142"),
    ("1-800-662-4357", "tel:18006624357"),
    ("(503) 555-0142 ext. 12", "tel:+15035550142;ext=12"),
])
def test_phone_links_hold_digits_only(phone: str, href: str) -> None:
    assert links.tel_href(phone) == href


def test_the_host_shown_drops_www_and_a_final_dot() -> None:
    assert links.site_host("https://www.harbor.example.org./x") == "harbor.example.org"
    assert links.site_host("https://a]b") == "https://a]b"
