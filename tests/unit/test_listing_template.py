"""The text `iopdir new` writes: answers can only ever be values, and the file reads back."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from generator.authoring.listing_template import Answers, allowed, quote, render
from generator.load import yamlload
from generator.load.checks import SCHEMA_LINE

TODAY = dt.date(2026, 11, 26)


@given(st.text())
def test_any_answer_reads_back_exactly(value: str) -> None:
    doc, problems = yamlload.load(f"name: {quote(value)}\n", "x.yaml")
    assert problems == [] and doc.data == {"name": value}


def test_an_answer_cannot_add_a_field() -> None:
    hostile = 'Evil"\nsample: true\n# yaml-language-server: $schema=https://evil.example.org'
    doc, problems = yamlload.load(render(Answers(name=hostile, city=hostile), TODAY), "x.yaml")
    assert problems == []
    assert doc.data["name"] == hostile and doc.data["locations"][0]["city"] == hostile
    assert "sample" not in doc.data


def test_the_file_starts_with_the_schema_line_and_lists_values_from_the_schema() -> None:
    text = render(Answers(), TODAY)
    assert text.startswith(SCHEMA_LINE + "\n")
    assert allowed("$defs", "program", "properties", "format") == \
        "in_person, telehealth or hybrid"
    assert "# in_person, telehealth or hybrid." in text
    assert 'last_verified: "2026-11-26"' in text and 'as_of: "2026-11-26"' in text
