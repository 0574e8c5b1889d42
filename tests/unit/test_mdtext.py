"""Listing text must come out of Markdown as the same text, with no element of its own."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import links
from generator.pages import mdtext

# The extensions of mkdocs.yml that read inline text.
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "md_in_html", "def_list", "abbr",
              "footnotes"]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


def _render(markdown_text: str) -> _Collect:
    parser = _Collect()
    parser.feed(markdown.markdown(markdown_text, extensions=EXTENSIONS))
    return parser


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "![img](https://evil.example.com/x.png)",
    "<https://evil.example.com>",
    "**bold** _em_ `code` ~~del~~",
    "# heading",
    "!!! danger \"boom\"",
    "| a | b |",
    "{: onclick=alert(1) } {#id .cls}",
    "[^1] and *[HTML]: Hyper",
    "&lt;b&gt; &amp; &#106;avascript:",
    "line one\n\n- item\n1. item\n> quote\n    code",
    "Term\n:   definition",
    "\\*not italic\\*",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_renders_as_itself(value: str) -> None:
    out = _render(mdtext.text(value))
    assert out.tags == ["p"]
    assert out.text == " ".join(value.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
               max_size=60))
def test_any_text_renders_as_itself(value: str) -> None:
    flat = " ".join(value.split())
    out = _render(mdtext.text(value))
    assert out.tags in ([], ["p"])
    assert out.text.strip() == flat


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example.com",
                                 "https://x.example.org/\"onmouseover=x", "ftp://x.example.org"])
def test_unsafe_urls_never_become_links(url: str) -> None:
    assert links.safe_url(url) is None
    assert "<a" not in mdtext.link(url, "site")


def test_safe_links_are_escaped_and_marked_nofollow() -> None:
    out = mdtext.link("https://x.example.org/a?b=1&c=2", "x.example.org")
    assert out == ('<a href="https://x.example.org/a?b=1&amp;c=2" '
                   'rel="nofollow noopener noreferrer">x.example.org</a>')


@pytest.mark.parametrize(("phone", "href"), [
    ("(503) 555-0142", "tel:+15035550142"),
    ("503.555.0142", "tel:+15035550142"),
    ("+1 503 555 0142", "tel:+15035550142"),
    ("1-800-662-4357", "tel:18006624357"),
])
def test_phone_links_hold_digits_only(phone: str, href: str) -> None:
    assert links.tel_href(phone) == href


def test_front_matter_values_are_json_and_html_escaped() -> None:
    out = mdtext.front_matter(title='"><script>x</script>\n---\nevil: 1')
    assert out == ('---\ntitle: "&quot;&gt;&lt;script&gt;x&lt;/script&gt; --- evil: 1"\n'
                   "---\n")


def test_mailto_refuses_header_injection() -> None:
    assert "<a" not in mdtext.mailto("x@example.org?bcc=y@example.org")
    assert html.unescape(mdtext.mailto("x@example.org")).count("mailto:") == 1
