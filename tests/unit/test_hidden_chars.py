"""Invisible and direction-changing characters: refused in every text field of the schema, while
right-to-left scripts and the joiners that Persian and Indic spellings need stay allowed."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from generator.load.catalog import load_file
from generator.load.schema_check import inline_refs, load_schema
from generator.load.yamlload import Path, dotted
from tests.conftest import TODAY

LISTING: dict[str, Any] = {  # valid, with every optional text field filled in
    "name": "Willow Test Clinic",
    "description": "A fictional clinic for the unit tests of hidden characters.",
    "language_of_text": "en",
    "website": "https://willow-test.example.org",
    "phone": "(503) 555-0100",
    "intake_phones": ["(503) 555-0101"],
    "email": "intake@willow-test.example.org",
    "levels_of_care": ["iop"],
    "last_verified": "2026-10-01",
    "source": "Unit test fixture",
    "verification": {"by": "Volunteer caller", "method": "phone_call", "date": "2026-10-01"},
    "unreachable": {"reason": "no_answer", "attempts": 1, "date": "2026-09-01",
                    "by": "Volunteer caller"},
    "recheck": {"reason": "The hours are wrong", "date": "2026-09-02",
                "report": "https://github.com/example/iop-directory/issues/1"},
    "external_ids": {"samhsa_nsumhss": "substance_123"},
    "related_listings": ["willow-east"],
    "locations": [{"id": "main", "name": "Main clinic", "street": "1 Example Way",
                   "city": "Portland", "state": "OR", "zip": "97201",
                   "timezone": "America/Los_Angeles"}],
    "programs": [{
        "name": "Evening IOP", "description": "Three evenings a week.", "level_of_care": "iop",
        "populations": ["adults"], "format": "in_person", "location": "main",
        "services": ["group_therapy"], "payment": ["private_insurance"],
        "insurance_carriers": ["Aetna"], "languages": ["en"],
        "accepting_new_patients": {"status": "yes", "as_of": "2026-10-01"},
        "tracks": [{"name": "Evening track",
                    "sessions": [{"days": ["mon", "tue", "thu"], "start": "18:00",
                                  "end": "21:00"}]}],
    }],
}
HIDDEN = {
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u200b": "ZERO WIDTH SPACE", "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u2060": "WORD JOINER", "\u200f": "RIGHT-TO-LEFT MARK", "\x1b": "a control character",
}


def string_fields(schema: dict[str, Any], path: Path = ()) -> Iterator[Path]:
    """Every field of the schema whose value (or list item) is text; lists at index 0."""
    if schema.get("type") == "string":
        yield path
    for name, field in schema.get("properties", {}).items():
        yield from string_fields(field, (*path, name))
    if "items" in schema:
        yield from string_fields(schema["items"], (*path, 0))


FIELDS = sorted(string_fields(inline_refs(load_schema(), load_schema())), key=dotted)


def check(data: dict[str, Any]) -> list[str]:
    raw = yaml.safe_dump(data, allow_unicode=False).encode()  # escapes, as "\u202E"
    result = load_file(raw, "providers/willow-test.yaml", "willow-test", ".yaml", TODAY)
    return [d.format_text() for d in result.diagnostics]


def with_value(path: Path, change: Any) -> dict[str, Any]:
    data = copy.deepcopy(LISTING)
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = change(parent[path[-1]])
    return data


def test_the_base_listing_is_valid_and_fills_in_every_text_field() -> None:
    assert check(LISTING) == []
    assert len(FIELDS) >= 20
    for path in FIELDS:
        with_value(path, lambda v: v)  # raises KeyError if the listing lacks the field


@pytest.mark.parametrize("path", FIELDS, ids=dotted)
@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_hidden_character_in_any_text_field_is_one_clear_error(path: Path, char: str) -> None:
    data = with_value(path, lambda v: v[:2] + char + v[2:])
    problems = check(data)
    assert len(problems) == 1, problems  # not also a pattern or enum error for the same field
    assert problems[0].startswith("providers/willow-test.yaml:")
    assert f": error: {dotted(path)}: character 3 is U+{ord(char):04X} {HIDDEN[char]}" \
        in problems[0]
    assert "delete it" in problems[0]


@pytest.mark.parametrize("text", [
    "عيادة الأمل",                  # Arabic
    "מרפאת השלום",                  # Hebrew
    "Hope Clinic عيادة الأمل",      # mixed directions, no marks needed
    "برنامه\u200cی عصر",            # Persian: a zero-width non-joiner between letters
    "क्\u200dष",                     # Devanagari: a zero-width joiner after a virama
    "Line one\nline two\ttabbed",   # line breaks and tabs are whitespace, not hidden
])
def test_right_to_left_scripts_and_their_joiners_are_allowed(text: str) -> None:
    assert check(with_value(("programs", 0, "description"), lambda v: text)) == []


@pytest.mark.parametrize("text", [
    "Ev\u200cening",     # a joiner between Latin letters only disguises the name
    "\u200cEvening",     # at the start it joins nothing
    "عيادة\u200c",       # nor at the end
])
def test_joiners_outside_a_word_of_their_script_are_refused(text: str) -> None:
    (problem,) = check(with_value(("programs", 0, "name"), lambda v: text))
    assert "is U+200C ZERO WIDTH NON-JOINER" in problem


def test_several_hidden_characters_are_counted_in_one_message() -> None:
    (problem,) = check(with_value(("name",), lambda v: "\u202eWil\u200blow\u2066"))
    assert "character 1 is U+202E RIGHT-TO-LEFT OVERRIDE (2 more hidden characters after it)" \
        in problem


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u00ad", "\u2066"],
                         ids=lambda c: f"U+{ord(c):04X}")
def test_a_hidden_character_typed_into_the_file_itself_is_found(char: str) -> None:
    """Not written as an escape: the file has no backslash, so only the character tells."""
    data = with_value(("locations", 0, "street"), lambda v: v[:2] + char + v[2:])
    raw = yaml.safe_dump(data, allow_unicode=True).encode()
    assert char.encode() in raw and b"\\" not in raw
    result = load_file(raw, "providers/willow-test.yaml", "willow-test", ".yaml", TODAY)
    (problem,) = [d.message for d in result.diagnostics]
    assert problem.startswith(f"locations[0].street: character 3 is U+{ord(char):04X} ")


@pytest.mark.parametrize(("char", "name"), [
    ("\u3164", "HANGUL FILLER"), ("\u2800", "BRAILLE PATTERN BLANK"),
    ("\u034f", "COMBINING GRAPHEME JOINER"), ("\ufe0f", "VARIATION SELECTOR-16"),
])
@pytest.mark.parametrize("typed", [True, False], ids=["typed", "escaped"])
def test_letters_and_marks_that_show_nothing_are_refused(char: str, name: str,
                                                         typed: bool) -> None:
    """'Harbor Light' followed by a Hangul filler looks exactly like 'Harbor Light'."""
    raw = yaml.safe_dump(with_value(("name",), lambda v: v + char),
                         allow_unicode=typed).encode()
    result = load_file(raw, "providers/willow-test.yaml", "willow-test", ".yaml", TODAY)
    (problem,) = [d.message for d in result.diagnostics]
    assert problem == (f"name: character 19 is U+{ord(char):04X} {name}, an invisible "
                       "character that can disguise text (show it reversed, or make two names "
                       "look alike); delete it (if you cannot see it, retype the text around it)")


@pytest.mark.parametrize(("char", "says"), [
    ("\ue000", "is a private-use character, which each device shows differently"),
    ("\uffff", "is not a character (unassigned, or a Unicode noncharacter)"),
    ("\u2028", "is a line separator, which some tools read as a line break"),
    ("\u2029", "is a paragraph separator, which some tools read as a line break"),
])
def test_code_points_that_are_no_character_are_refused(char: str, says: str) -> None:
    (problem,) = check(with_value(("name",), lambda v: "Wi" + char + v[2:]))
    assert f": error: name: character 3, U+{ord(char):04X}, {says}; delete it" in problem


def test_the_error_points_at_the_fields_value() -> None:
    text = yaml.safe_dump(LISTING, allow_unicode=False, sort_keys=False).replace(
        "name: Willow Test Clinic", 'name: "Willow\\u200b Test Clinic"', 1)
    line = text.splitlines().index('name: "Willow\\u200b Test Clinic"') + 1
    result = load_file(text.encode(), "providers/willow-test.yaml", "willow-test", ".yaml",
                       TODAY)
    (problem,) = [d.format_text() for d in result.diagnostics]
    assert problem.startswith(f"providers/willow-test.yaml:{line}:7: error: name: character 7")


def test_one_more_hidden_character_is_counted_in_the_singular() -> None:
    (problem,) = check(with_value(("name",), lambda v: "\u202eWil\u200blow"))
    assert "(1 more hidden character after it)," in problem


@pytest.mark.parametrize("text", ["ب\u200cی", "ی\u200cب عصر"])
def test_a_joiner_after_the_first_letter_of_a_word_is_allowed(text: str) -> None:
    assert check(with_value(("programs", 0, "description"), lambda v: text)) == []


@pytest.mark.parametrize("text", [
    "Evening\u200cعصر",    # a Latin letter before it
    "Café\u200cعصر",       # an accented Latin letter is Latin too
    "عصر\u200cEvening",    # a Latin letter after it
    "عصر \u200cعصر",       # a space before it
    "عصر\u200c1",          # a digit after it
])
def test_a_joiner_needs_a_non_latin_letter_on_both_sides(text: str) -> None:
    (problem,) = check(with_value(("programs", 0, "name"), lambda v: text))
    assert "is U+200C ZERO WIDTH NON-JOINER" in problem


def test_tabs_and_line_breaks_typed_into_the_file_are_not_hidden_characters() -> None:
    text = yaml.safe_dump(LISTING, allow_unicode=True, sort_keys=False).replace(
        "description: A fictional clinic", "description: |\n  A fictional\tclinic\r\n ", 1)
    assert "\t" in text and "\\" not in text
    result = load_file(text.encode(), "providers/willow-test.yaml", "willow-test", ".yaml",
                       TODAY)
    assert [d.format_text() for d in result.diagnostics] == []
