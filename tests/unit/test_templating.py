"""Listing text reaches pages only through autoescaping templates, in blocks Markdown keeps."""

from __future__ import annotations

import datetime as dt
import json

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from generator.pages import browse, provider_page, templating
from tests.unit.helpers import listing, program, provider, track

TODAY = dt.date(2026, 11, 26)
# The Markdown extensions of mkdocs.yml, and more that read inline text, in case a site adds them.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code", "def_list",
              "abbr", "footnotes", "pymdownx.snippets", "pymdownx.superfences"]
HOSTILE = [
    "</div>\n\n# Heading\n\n<script>window.__pwned=1</script>",
    "[click](javascript:alert(1)) ![img](https://evil.example.com/x.png)",
    "*em*{onmouseover=alert(1)} {: onclick=alert(1) } {#id .cls}",
    "<!-- comment ]]> <![CDATA[ x ]]> <?php ?>",
    "line\r\rone\n\n    indented code\n\n- item\n> quote",
    "!!! danger \"boom\"\n    body",
    "| a | b |\n|---|---|",
    "&lt;b&gt; &amp; &#106;avascript: \\*not\\*",
    "{{ 7*7 }} {% raw %} ${x} <%= x %>",
    "x\n```{ onclick=window.__pwned=1 }\ncode\n```\n~~~\nmore\n~~~",
    "x\n--8<-- \"mkdocs.yml\"\n;--8<-- \"README.md\"",
    "</p></li></ul></div></div></div></article>",
]


def _page(value: str) -> str:
    """A provider page with `value` in every text field the page shows."""
    data = listing(name=value, description=value, source=value, programs=[program(
        name=value, description=value, insurance_carriers=[value], payment=["private_insurance"],
        tracks=[track((["mon", "tue", "thu"], "18:00", "21:00"), name=value)])])
    data["locations"][0].update(name=value, street=value, city=value)
    return provider_page.render(provider(data), TODAY)


def _body(page: str) -> str:
    return page.split("---\n", 2)[2].lstrip("\n")


@pytest.mark.parametrize("value", HOSTILE)
def test_python_markdown_keeps_the_page_block_as_it_is(value: str) -> None:
    body = _body(_page(value))
    assert markdown.markdown(body, extensions=EXTENSIONS) == body.strip()
    assert all(str(escape(word)) in body for word in value.split())


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=2,
               max_size=40))
def test_any_text_stays_text_through_markdown(value: str) -> None:
    body = _body(_page(value))
    assert markdown.markdown(body, extensions=EXTENSIONS) == body.strip()


def test_a_page_block_has_no_blank_or_indented_line() -> None:
    body = _body(_page("a\n\n    b\r\n\r\nc"))
    lines = body.splitlines()
    assert lines[0].startswith('<div class="iop-page iop-provider">')
    assert all(line and not line[0].isspace() for line in lines)


def test_html_block_refuses_anything_but_one_div() -> None:
    assert templating.html_block("  <div>\n\n  <p>x</p>\n</div>\n") == "<div>\n<p>x</p>\n</div>\n"
    with pytest.raises(ValueError, match="one <div>"):
        templating.html_block("<p>x</p>")


@pytest.mark.parametrize("value", [
    '"><script>x</script>\n---\nevil: 1', "a\uffff\ufffeb", "\U0001f600 \u2028 \x85 \x00",
    "tab\there", "back\\slash 'quote'", "\u00e9\u4e2d\u0627\u05d0",
])
def test_front_matter_is_ascii_and_reads_back_exactly(value: str) -> None:
    head = templating.front_matter(title=value, description="d", data=value)
    assert head.isascii() and head.startswith("---\n") and head.endswith("\n---\n\n")
    for loader in (yaml.SafeLoader, yaml.CSafeLoader):
        assert yaml.load(head.split("---\n")[1], loader) == {
            "title": str(escape(value)), "description": "d", "data": value}


def test_json_ld_in_front_matter_reads_back_as_the_same_json() -> None:
    page = _page("</script><script>window.__pwned=1</script>\U0001f600\uffff")
    meta = yaml.safe_load(page.split("---\n")[1])
    data = json.loads(meta["iopdir_jsonld"])
    assert data["name"] == "</script><script>window.__pwned=1</script>\U0001f600\uffff"
    assert "<" not in meta["iopdir_jsonld"]


def test_interface_words_go_through_gettext() -> None:
    env = templating.environment()
    assert "jinja2.ext.InternationalizationExtension" in env.extensions
    seen: list[str] = []

    def gettext(text: str) -> str:
        seen.append(text)
        return text

    def ngettext(one: str, many: str, count: int) -> str:
        seen.append(one)
        return one if count == 1 else many

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    try:
        _page("Clinic")
    finally:
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    assert {"Phone:", "Programs", "Each week", "Location",
            "Last verified %(date)s. Source: %(source)s."} <= set(seen), seen


def test_browse_links_are_relative_to_the_page_address() -> None:
    assert browse.url("providers/x.md", "browse/states/or.md") == "../../../providers/x/"
    assert browse.url("browse/index.md", "browse/evening/or.md") == "../../"
    assert browse.url("browse/evening.md", "browse/index.md") == "evening/"
    assert browse.url("finder/index.md", "browse/index.md") == "../finder/"
    assert browse.url("index.md", "browse/index.md") == "../"
    assert browse.url("providers/x.md", "browse/evening.md", "program-2") == \
        "../../providers/x/#program-2"
