"""Links to other sites get rel="noopener noreferrer"; links within the site are left alone."""

from __future__ import annotations

import pytest

from generator.pages.outbound import add_rel


@pytest.mark.parametrize(("html", "expected"), [
    ('<a href="https://samhsa.example.gov/x">SAMHSA</a>',
     '<a href="https://samhsa.example.gov/x" rel="noopener noreferrer">SAMHSA</a>'),
    ('<p><a class="md-button" href="//cdn.example.com/">x</a></p>',
     '<p><a class="md-button" href="//cdn.example.com/" rel="noopener noreferrer">x</a></p>'),
    ('<a href="http://a.example.org" rel="nofollow">a</a>',
     '<a href="http://a.example.org" rel="nofollow noopener noreferrer">a</a>'),
    ('<a href="https://a.example.org" rel="nofollow noopener noreferrer">a</a>',
     '<a href="https://a.example.org" rel="nofollow noopener noreferrer">a</a>'),
    ('<A HREF="HTTPS://A.EXAMPLE.ORG">a</A>',
     '<A HREF="HTTPS://A.EXAMPLE.ORG" rel="noopener noreferrer">a</A>'),
])
def test_links_to_other_sites_get_noopener_and_noreferrer(html: str, expected: str) -> None:
    assert add_rel(html) == expected


@pytest.mark.parametrize("html", [
    '<a href="../finder/">Find a program</a>',
    '<a href="#program-1">Program</a>',
    '<a href="tel:988">988</a>',
    '<a href="mailto:intake@example.org">mail</a>',
    '<a href="https://iop.example.org/browse/">own site, absolute</a>',
    '<a data-href="https://a.example.org" href="/x">not the href</a>',
    '<abbr title="href=&quot;https://a.example.org&quot;">x</abbr>',
])
def test_links_within_the_site_are_left_alone(html: str) -> None:
    assert add_rel(html, ["iop.example.org"]) == html
