"""The field reference: the schema rendered as Markdown tables for providers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from generator.load.schema_check import load_schema
from generator.output import site
from generator.pages import fieldref

Schema = dict[str, Any]
markdown = pytest.importorskip("markdown")  # MkDocs' own dependency (no type stubs installed)


def _objects(schema: Schema, root: Schema) -> Iterator[Schema]:
    """Every object schema reachable from `schema`, refs resolved (written apart from fieldref)."""
    yield schema
    for prop in schema.get("properties", {}).values():
        field = _deref(prop, root)
        inner = _deref(field.get("items", {}), root) if field.get("type") == "array" else field
        if "properties" in inner:
            yield from _objects(inner, root)


def _deref(prop: Schema, root: Schema) -> Schema:
    ref = prop.get("$ref")
    if ref is None:
        return prop
    target: Schema = root["$defs"][ref.rsplit("/", 1)[-1]]
    return target


def _rows(section_markdown: str) -> dict[str, list[str]]:
    """{field name: its cells} for the table of one section."""
    rows = {}
    for line in section_markdown.splitlines():
        match = re.match(r"\| <code[^>]*>(?P<name>.+?)</code> \|", line)
        if match:
            rows[match["name"].replace("<wbr>", "")] = [
                c.strip() for c in line.strip("|").split("|")]
    return rows


def _plain(markdown_text: str) -> str:
    """Code spans without their style and word-break hints, for simple comparisons."""
    return re.sub(r"<code [^>]*>", "<code>", markdown_text).replace("<wbr>", "")


def _section(output: str, title: str) -> str:
    return output.split(f"### {title} ")[1].split("\n### ")[0]


@pytest.fixture(scope="module")
def output() -> str:
    return fieldref.render()


def test_every_property_at_every_depth_appears(output: str) -> None:
    root = load_schema()
    names = {name for obj in _objects(root, root) for name in obj["properties"]}
    assert {"name", "locations", "timezone", "tracks", "sessions", "start", "as_of"} <= names
    shown = set(_rows(output))
    for name in names:
        assert name in shown, name


def test_one_section_per_object(output: str) -> None:
    titles = re.findall(r"^### (.+?) \{ #", output, flags=re.M)
    assert titles == ["Provider", "Verification", "Unreachable", "Recheck", "External ids",
                      "Location", "Program", "Accepting new patients", "Track", "Session"]


@pytest.mark.parametrize(("title", "definition"), [
    ("Provider", None), ("Location", "location"), ("Program", "program"), ("Track", "track"),
    ("Session", "session"),
])
def test_required_fields_are_marked(output: str, title: str, definition: str | None) -> None:
    root = load_schema()
    schema = root if definition is None else root["$defs"][definition]
    rows = _rows(_section(output, title))
    assert set(rows) == set(schema["properties"])
    for name, cells in rows.items():
        expected = "Yes" if name in schema["required"] else "No"
        assert cells[1] == expected, name


def test_level_of_care_values_appear_with_their_meaning(output: str) -> None:
    cells = [_plain(c) for c in _rows(_section(output, "Program"))["level_of_care"]]
    for value in load_schema()["$defs"]["program"]["properties"]["level_of_care"]["enum"]:
        assert f"<code>{value}</code>" in cells[2]
    assert ("<code>iop</code>: Intensive outpatient (ASAM 2.1) — level 2.1, intensive "
            "outpatient") in cells[2]


def test_codes_show_the_label_the_site_uses(output: str) -> None:
    program = {k: _plain(v[2]) for k, v in _rows(_section(output, "Program")).items()}
    assert "<code>sliding_scale</code>: Sliding scale fees — fees by income" in program["payment"]
    assert "<code>group_therapy</code>: Group therapy<br>" in program["services"]
    # The meaning is left out when the label already says it.
    assert "<code>adolescents</code> (Adolescents (12 to 17))," in program["populations"]
    assert "<code>AL</code> (Alabama), <code>AK</code> (Alaska)" in program["telehealth_states"]
    session = _rows(_section(output, "Session"))
    assert "<code>sun</code>: Sunday" in _plain(session["days"][2])


def test_every_field_shows_an_example_or_its_values(output: str) -> None:
    """What to write is never left to guessing: an example, a pattern, or the allowed values."""
    shown = re.compile(r"e\.g\.|like '|Example|One (or more )?of|<code>true</code>|"
                       r"The fields of each item|A group of fields")
    for line in output.splitlines():
        match = re.match(r"\| <code[^>]*>(?P<name>.+?)</code> \|", line)
        if match:
            assert shown.search(line.split(" | ")[2]), match["name"]


def test_schema_examples_are_shown_as_written_in_a_listing(output: str) -> None:
    provider = _rows(_section(output, "Provider"))
    assert "Example: <code>[harbor-light-recovery-eastside]</code>." in \
        provider["related_listings"][2]
    assert "Example: <code>-122.6897</code>." in _rows(_section(output, "Location"))["longitude"][2]


def test_refs_are_resolved_and_hints_shown(output: str) -> None:
    session = _rows(_section(output, "Session"))
    assert "Use 24-hour HH:MM" in session["start"][2]
    assert "[Session](#fields-session)" in _rows(_section(output, "Track"))["sessions"][2]


HOSTILE: Schema = {
    "type": "object",
    "required": ["a|b"],
    "properties": {
        "a|b": {"description": "Pipes | everywhere || here.", "type": "string",
                "pattern": "x", "x-hint": "write x|y"},
        "kind": {"description": "one|two: first | second; three: <b>3</b>",
                 "enum": ["one|two", "three"]},
        "list": {"type": "array", "items": {"$ref": "#/$defs/thing"}},
    },
    "$defs": {"thing": {"type": "object", "properties": {"c|d": {"type": "boolean"}}}},
}


def test_pipes_and_html_cannot_break_rows() -> None:
    html = markdown.markdown(fieldref.render(HOSTILE), extensions=["tables", "attr_list"])
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert len(rows) == 2 + 4  # two header rows, four fields
    for row in rows:
        assert len(re.findall(r"<t[dh]>", row)) == 3, row
    assert "a&#124;b" in html and "x&#124;y" in html
    assert "<b>" not in html


def test_meaning_reads_both_styles() -> None:
    described = "adults (18+), young_adults (18 to 25); no: not taking; unknown: not known."
    assert fieldref.meaning(described, "adults") == "18+"
    assert fieldref.meaning(described, "young_adults") == "18 to 25"
    assert fieldref.meaning(described, "no") == "not taking"
    assert fieldref.meaning(described, "unknown") == "not known"
    assert fieldref.meaning(described, "men") == ""


def test_the_marker_expands_in_a_page() -> None:
    page = site.expand_markers("# Fields\n\n<!-- iopdir:field-reference -->\n", [])
    assert "### Provider { #fields-provider }" in page
    assert "iopdir:field-reference" not in page
