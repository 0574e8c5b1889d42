"""The post-build audit: what must fail a page, what must not, and where it points."""

from __future__ import annotations

import pytest

from generator.output import audit, hosting

OWN = ["iop.example.org"]


def page(body: str, head: str = "") -> str:
    """A page with its own policy, as the plugin writes it (hosting.with_policy)."""
    html = (f'<!doctype html><html><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}</body></html>")
    return hosting.with_policy(html)[0]


def messages(html: str) -> list[str]:
    return [f.message for f in audit.audit_page(html, "x/index.html", OWN)]


@pytest.mark.parametrize(("body", "found"), [
    ('<img src="a.png" onerror="x()">', "an event handler attribute runs script"),
    ("<svg><a onmouseover=x()>y</a></svg>", "an event handler attribute runs script"),
    ('<em onmouseover="x">y</em>', "an event handler attribute runs script"),
    ('<a href="javascript:alert(1)">x</a>', "a javascript: address runs script"),
    ('<a href=" JaVa\tScRiPt:alert(1)">x</a>', "a javascript: address runs script"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "a javascript: address runs script"),
    ('<a href="vbscript:x">x</a>', "a vbscript: address runs script"),
    ('<a href="data:text/html,<script>x</script>">x</a>', "a data: address that is not an image"),
    ('<iframe src="data:text/html,x"></iframe>', "a data: address that is not an image"),
    ('<img src="https://evil.example.com/p.png">', "loads from another host"),
    ('<img src="//evil.example.com/p.png">', "loads from another host"),
    ('<img srcset="a.png 1x, https://evil.example.com/p.png 2x">', "loads from another host"),
    ('<video poster="https://evil.example.com/p.png"></video>', "loads from another host"),
    ('<form action="https://evil.example.com/"><input name=z></form>',
     "loads from another host"),
    ('<button formaction="https://evil.example.com/">x</button>', "loads from another host"),
    ('<a href="/x" ping="/own https://evil.example.com/track">x</a>', "loads from another host"),
    ('<object data="https://evil.example.com/x.swf"></object>', "loads from another host"),
    ('<embed src="https://evil.example.com/x">', "loads from another host"),
    ('<iframe src="https://evil.example.com/"></iframe>', "loads from another host"),
    ('<iframe srcdoc="<p>x</p>"></iframe>', "a frame of inline HTML"),
    ('<p style="background:url(https://evil.example.com/p.png)">x</p>',
     "a style that loads from another host"),
    ("<style>@import 'https://evil.example.com/x.css';</style>",
     "a style that loads from another host"),
    ('<svg><image href="https://evil.example.com/p.png"/></svg>', "loads from another host"),
    ('<svg><a><set attributeName="href" to="https://evil.example.com/"/></a></svg>',
     "an animation that changes an address"),
    ('<svg><a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a></svg>',
     "an animation that changes an address"),
    ('<script src="https://evil.example.com/x.js"></script>', "loads from another host"),
    ("<script>window.__pwned=1</script>", "an inline script whose hash is not in the page"),
    ('<script type="application/ld+json">{"a": </script>', "not valid JSON"),
    ('<script type="speculationrules">{}</script>', "the site uses no speculationrules"),
])
def test_what_fails_a_page(body: str, found: str) -> None:
    html = page("<p>fine</p>")  # the policy covers only the scripts it was made for
    html = html.replace("<p>fine</p>", body)
    problems = messages(html)
    assert any(found in m for m in problems), problems


@pytest.mark.parametrize("head", [
    '<link rel="stylesheet" href="https://evil.example.com/x.css">',
    '<link rel="icon" href="https://evil.example.com/favicon.ico">',
    '<link rel="preload" href="//evil.example.com/x.js" as="script">',
    '<base href="https://evil.example.com/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example.com/">',
    # Browsers also follow a refresh without 'url=', after ',' or with quotes.
    '<meta http-equiv="refresh" content="2; https://evil.example.com/tracked">',
    '<meta http-equiv="refresh" content="0,\'//evil.example.com/\'">',
    '<meta http-equiv="Refresh" content=" 1 ; URL = \'https://evil.example.com/\' ">',
])
def test_what_fails_a_page_head(head: str) -> None:
    assert messages(page("<p>x</p>", head)), head


@pytest.mark.parametrize(("body", "head"), [
    ('<a href="https://evil.example.com/">a link, followed only on a click</a>', ""),
    ('<a href="tel:+15035550142">call</a> <a href="mailto:a@example.org">mail</a>', ""),
    ('<img src="../assets/favicon.svg"> <img src="data:image/png;base64,iVBOR">', ""),
    ('<img src="https://iop.example.org/iop/assets/x.png">', ""),
    ("<script>var x = 1;</script>", ""),  # its hash is in the policy
    ('<script type="application/ld+json">{"name": "\\u003cb\\u003e"}</script>', ""),
    ('<script id="__config" type="application/json">{"a": 1}</script>', ""),
    ('<p title="onerror=x javascript:x">text that mentions javascript: and onerror=</p>', ""),
    ("", '<link rel="canonical" href="https://other.example.org/page/">'),
    ("", '<meta http-equiv="refresh" content="30">'),  # a reload of the page itself
    ("", '<meta http-equiv="refresh" content="0; url=../finder/">'),
    ("", '<link rel="alternate" type="application/rss+xml" href="https://x.example.org/f">'),
])
def test_what_a_page_may_hold(body: str, head: str) -> None:
    assert messages(page(body, head)) == []


def test_a_page_without_a_policy_may_run_no_inline_script() -> None:
    html = "<html><head></head><body><script>var x = 1;</script></body></html>"
    assert messages(html) == ["an inline <script> on a page with no Content-Security-Policy "
                              "meta element"]


def test_a_finding_names_the_listing_it_most_likely_came_from() -> None:
    browse = page('<ul><li><a href="../../providers/alder/">Alder</a> fine</li>'
                  '<li><a href="../../providers/birch/#program-1">Birch</a>'
                  '<img src=x onerror="y()"></li></ul>')
    (finding,) = audit.audit_page(browse, "browse/evening/index.html", OWN)
    assert finding.listing_slug == "birch"
    assert finding.describe("providers/birch.yaml") == (
        "browse/evening/index.html: <img onerror='y()'>: an event handler attribute runs "
        "script (listing providers/birch.yaml)")
    (own,) = audit.audit_page(page('<b onclick="x">'), "providers/cedar/index.html", OWN)
    assert own.listing_slug == "cedar"


def test_the_policy_is_placed_before_any_script() -> None:
    html, hashes = hosting.with_policy(
        '<html><head><meta charset="utf-8"><script>a()</script></head></html>')
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script>")
    assert hashes == {hosting.script_hash("a()")}
    assert "frame-ancestors" not in html  # ignored (and logged as an error) in a meta policy


def test_the_site_host_comes_from_the_sitemap() -> None:
    xml = "<urlset><url><loc>https://iop.example.org/iop/</loc></url></urlset>"
    assert audit.sitemap_host(xml) == "iop.example.org"
    assert audit.sitemap_host("<urlset/>") is None


def test_documents_other_than_html_are_audited_too() -> None:
    """A browser runs script in an SVG or XHTML file opened on its own: the build audits every
    file of these kinds it copies, and `iopdir audit` every one it finds."""
    assert all(name.endswith(audit.DOCUMENT_SUFFIXES)
               for name in ("a.svg", "b.xhtml", "c.xht", "d.xml", "e.html", "f.htm"))
    svg = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
           '<image href="https://evil.example.com/p.png"/><script>alert(2)</script></svg>')
    found = messages(svg)
    assert any("event handler" in m for m in found)
    assert any("loads from another host" in m for m in found)
    assert any("no Content-Security-Policy" in m for m in found)
