"""What `html_block` refuses and how it lays a page block out, and how front matter writes
characters; the behaviour Python-Markdown's handling of raw HTML blocks depends on."""

from __future__ import annotations

import pytest

from generator.pages import templating

ONE_DIV = "a generated page block must be one <div> element"
TAG_FIRST = "every line of a generated page block must start with a tag"


def test_tabs_between_tags_become_spaces() -> None:
    assert templating.html_block("<div>\t<p>x</p>\t</div>") == "<div> <p>x</p> </div>\n"


@pytest.mark.parametrize("html", ["<div>x</div>\n<p>after</p>", "<p>before</p>\n<div>x</div>",
                                  "<section>x</section>"])
def test_a_block_that_is_not_one_div_is_refused(html: str) -> None:
    with pytest.raises(ValueError) as refused:
        templating.html_block(html)
    assert str(refused.value) == ONE_DIV


def test_a_line_that_starts_with_text_is_refused() -> None:
    with pytest.raises(ValueError) as refused:
        templating.html_block("<div>\n<p>a</p>\ntext that Markdown would read\n</div>")
    assert str(refused.value) == TAG_FIRST


@pytest.mark.parametrize(("value", "written"), [
    ("caf\u00e9", '"caf\\u00e9"'),
    ("\uffff", '"\\uffff"'),
    ("\U00010000 \U0001f600", '"\\U00010000 \\U0001f600"'),
    ("line\nbreak \"quoted\"", '"line\\nbreak \\"quoted\\""'),
])
def test_front_matter_strings_are_printable_ascii(value: str, written: str) -> None:
    assert templating.yaml_string(value) == written
