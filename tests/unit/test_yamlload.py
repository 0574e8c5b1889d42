from __future__ import annotations

from typing import Any

import pytest

from generator.load.yamlload import dotted, load, resolve_plain


@pytest.mark.parametrize(("text", "value"), [
    ("no", "no"),              # YAML 1.1 would say False: the Norwegian language code
    ("yes", "yes"),
    ("on", "on"),
    ("18:00", "18:00"),        # YAML 1.1 would say 1080 (base 60)
    ("2026-10-01", "2026-10-01"),  # stays a string for the schema's date format
    ("04101", "04101"),        # a leading zero keeps a ZIP code a string
    ("97201", 97201),
    ("-3", -3),
    ("0", 0),
    ("2.5", 2.5),
    ("-122.6897", -122.6897),
    ("1e3", 1000.0),
    ("1_000", "1_000"),
    (".inf", ".inf"),
    ("true", True),
    ("False", False),
    ("~", None),
    ("", None),
    ("null", None),
])
def test_plain_scalars_follow_yaml_1_2_core_rules(text: str, value: Any) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_quoted_scalars_stay_strings() -> None:
    doc, problems = load('a: "97201"\nb: \'true\'\nc: |\n  text\n', "x.yaml")
    assert problems == []
    assert doc.data == {"a": "97201", "b": "true", "c": "text\n"}


def test_positions_of_values_and_keys_are_one_based() -> None:
    doc, _ = load("name: X\nprograms:\n  - tracks:\n      - name: Evening\n", "x.yaml")
    assert doc.values[("name",)] == (1, 7)
    assert doc.keys[("programs",)] == (2, 1)
    assert doc.values[("programs", 0, "tracks", 0, "name")] == (4, 15)
    # A missing field points at its nearest existing ancestor.
    assert doc.position(("programs", 0, "tracks", 0, "sessions")) == (4, 9)


def test_duplicate_keys_are_errors_and_the_first_value_is_kept() -> None:
    doc, problems = load("name: A\nphone: 1\nname: B\n", "p.yaml")
    assert doc.data == {"name": "A", "phone": 1}
    assert [p.format_text() for p in problems] == [
        "p.yaml:3:1: error: name: duplicate key 'name' (first at line 1); YAML would keep only "
        "the last value, so remove one",
    ]


def test_aliases_are_refused_so_expansion_bombs_cannot_grow() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    doc, problems = load(bomb, "bomb.yaml")
    assert problems and all("anchors and aliases" in p.message for p in problems)
    assert len(str(doc.data)) < 1000


def test_tags_and_merge_keys_are_refused() -> None:
    _, problems = load("a: !!python/object/apply:os.system [ls]\n<<: {b: 1}\n", "t.yaml")
    messages = [p.message for p in problems]
    assert any("YAML tags" in m for m in messages)
    assert any("merge keys" in m for m in messages)


def test_syntax_error_names_line_and_column() -> None:
    _, problems = load('name: "unclosed\nphone: 1\n', "s.yaml")
    (problem,) = problems
    assert (problem.line, problem.col) == (3, 1)
    assert problem.message.startswith("YAML syntax:")


def test_empty_file_is_an_error() -> None:
    doc, problems = load("# only a comment\n", "e.yaml")
    assert doc.data is None
    assert "the file is empty" in problems[0].message


def test_dotted_paths_read_like_the_yaml() -> None:
    assert dotted(("programs", 0, "tracks", 1, "end")) == "programs[0].tracks[1].end"
    assert dotted(()) == "(top level)"


def test_an_alias_is_reported_where_it_is_written_not_at_its_anchor() -> None:
    text = ("name: &n Harbor\n"
            "programs:\n"
            "  - name: Evening\n"
            "    languages: [en, *n]\n")
    doc, problems = load(text, "x.yaml")
    (problem,) = problems
    assert (problem.line, problem.col) == (4, 21)
    assert problem.message.startswith("programs[0].languages[1]: anchors and aliases")
    assert doc.position(("programs", 0, "languages", 1)) == (4, 21)
    assert doc.data["programs"][0]["languages"] == ["en", None]
