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


AS_SHOWN = "write the address as the browser's address bar shows it"
NOT_A_NAME = "which is not a valid domain name; check its spelling"
NOT_FULL = ("which is not a full domain name; write one like 'www.example.org', with letters, "
            "digits, dashes and dots")


@pytest.mark.parametrize(("url", "problem"), [
    ("https://a*x*{onmouseover=alert(1)}.example.org",
     f"has the host 'a*x*{{onmouseover=alert(1)}}.example.org', {NOT_FULL}"),
    ("https://user:pw@harbor.example.org",
     "has a user name or password before the host ('...@'); remove it"),
    ("https://harbor.example.org\\@evil.example",
     f"holds the character '\\\\', which a web address cannot hold as it is; {AS_SHOWN}"),
    ("https://x.example.org/a b", f"holds the character U+0020, which a web address cannot hold "
     f"as it is; {AS_SHOWN}"),
    ("https://x.example.org/<b>", f"holds the characters '<', '>', which a web address cannot "
     f"hold as it is; {AS_SHOWN}"),
    ("https://localhost/", f"has the host 'localhost', {NOT_FULL}"),
    ("https:///no-host", f"has the host '', {NOT_FULL}"),
    ("https://a..b.example.org/", f"has the host 'a..b.example.org', {NOT_A_NAME}"),
    ("https://1.2.3/", f"has the host '1.2.3', {NOT_A_NAME}"),
    ("https://clinic.example.123/", f"has the host 'clinic.example.123', {NOT_A_NAME}"),
    ("https://" + "a" * 64 + ".example.org",
     f"has the host '{'a' * 64}.example.org', {NOT_A_NAME}"),
    ("javascript:alert(1)", "must start with https:// (or http://)"),
    ("https://x.example.org/\"onmouseover=x",
     f"holds the character '\"', which a web address cannot hold as it is; {AS_SHOWN}"),
    ("https://ex\u0430mple.org/\n",
     f"holds the character U+000A, which a web address cannot hold as it is; {AS_SHOWN}"),
    ("https://[v1.fe]/", "has the host 'v1.fe', which is not an IPv6 address; check it"),
    ("https://[fe80::1%25eth0]/",
     "has the host 'fe80::1%25eth0', which is not an IPv6 address; check it"),
    ("https://clinic[::1]x.example.org/", "has '[' or ']' in its host; remove them"),
])
def test_addresses_no_page_could_link_are_refused_saying_how_to_fix_them(
        url: str, problem: str) -> None:
    assert links.url_problem(url) == problem
    assert links.linkable(url) is None


@pytest.mark.parametrize("url", [
    "https://a]b.example.org", "https://harbor.example.org:99999/", "https://[::1",
    "https://[1.2.3]/",
])
def test_addresses_python_cannot_read_are_refused_with_its_reason(url: str) -> None:
    found = links.url_problem(url) or ""
    assert found.startswith("cannot be read as a web address (")
    assert found.endswith(f"); {AS_SHOWN}") and len(found) > 60
    assert links.linkable(url) is None


def test_a_domain_of_two_labels_is_a_full_domain_name() -> None:
    assert links.web_address("https://example.org") == "https://example.org"


def test_stray_percent_signs_are_written_as_percent_signs_everywhere() -> None:
    assert links.web_address("https://x.example.org/50%?off=50%#top?50%") == \
        "https://x.example.org/50%25?off=50%25#top?50%25"


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
    assert links.email_problem(email) == (
        "is not one email address like 'intake@example.org' (letters, digits and . _ + - "
        "before the @, a domain name after it)")
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
    ("+46 8 555 010", "tel:+468555010"),  # a number with its country code is kept as it is
    ("(503) 555-0142 ext. +1-2", "tel:+15035550142;ext=12"),  # digits only, however written
])
def test_phone_links_hold_digits_only(phone: str, href: str) -> None:
    assert links.tel_href(phone) == href


def test_the_host_shown_drops_www_and_a_final_dot() -> None:
    assert links.site_host("https://www.harbor.example.org./x") == "harbor.example.org"
    assert links.site_host("https://a]b") == "https://a]b"
