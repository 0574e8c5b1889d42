"""The fast schema gate never calls invalid data valid: wherever jsonschema finds an error, the
gate answers False (and then jsonschema explains it); on valid listings it answers True."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synth import make_listing
from generator.load import schema_check, schema_gate, yamlload
from tests.conftest import PROVIDERS, ROOT

LISTINGS = sorted(PROVIDERS.glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
VALID = [make_listing(i, random.Random(f"gate:{i}")) for i in range(40)]
# Values that break one rule or another, put anywhere in a valid listing.
REPLACEMENTS: list[Any] = [
    None, True, False, 0, 1, 1.0, 2.5, -1, 10**6, "", "x", "no", "18:00", "25:00", "2026-02-30",
    "not an email", "x" * 700, [], [None], ["en", "en"], [1, 1.0], [True, 1], {}, {"x": 1},
    {"unknown_field": "value"},
]


def _data(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None
    return yamlload.load(text, str(path))[0].data


def _valid(data: Any) -> bool:
    return bool(schema_check.validator().is_valid(data))


def test_the_listing_schema_compiles_to_a_gate() -> None:
    """A keyword the gate does not know would silently make every validation slow again."""
    assert schema_check.gate() is not None


@pytest.mark.parametrize("path", LISTINGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_gate_agrees_with_jsonschema_on_every_listing_in_the_repository(path: Path) -> None:
    data = _data(path)
    gate = schema_check.gate()
    assert gate is not None
    if data is not None and gate(data):
        assert _valid(data), path
    if path.parent == PROVIDERS:  # the sample listings are valid: the fast path takes them
        assert gate(data)


def test_the_gate_passes_valid_listings() -> None:
    gate = schema_check.gate()
    assert gate is not None
    assert all(_valid(data) for data in VALID)
    assert all(gate(data) for data in VALID)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


def _mutate(data: Any, path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
    changed = copy.deepcopy(data)
    if not path:
        return replacement
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(replacement)
    return changed


@pytest.mark.parametrize("listing", [0, 1])
def test_a_broken_listing_never_passes_the_gate(listing: int) -> None:
    """Every field of a valid listing, deleted or replaced by each breaking value in turn."""
    gate = schema_check.gate()
    assert gate is not None
    data = VALID[listing]
    passed = 0
    for path in _paths(data):
        for replacement in REPLACEMENTS:
            broken = _mutate(data, path, replacement, delete=False)
            if gate(broken):
                passed += 1
                assert _valid(broken), (path, replacement)
        if path:
            broken = _mutate(data, path, None, delete=True)
            assert not gate(broken) or _valid(broken), (path, "deleted")
    assert passed > 0  # some replacements are valid too (an optional text made "x")


@pytest.mark.parametrize(("schema", "value", "expected"), [
    ({"enum": [1]}, True, False),  # True is not 1 in JSON Schema
    ({"type": "integer"}, 1.0, False),  # valid for jsonschema, but "not sure" is enough
    ({"uniqueItems": True}, [1, 1.0], False),
    ({"uniqueItems": True}, [1, True], True),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"b": "x"}, False),
    ({"required": ["a"], "if": {"required": ["b"]}, "then": {"required": ["c"]}},
     {"a": 1, "b": 2}, False),
    ({"required": ["a"], "if": {"required": ["b"]}, "then": {"required": ["c"]}},
     {"a": 1}, True),
    ({"type": "string", "format": "date"}, "2026-02-30", False),
    ({"type": "string", "pattern": "^[a-z]+$"}, "abc", True),
])
def test_keyword_semantics(schema: dict[str, Any], value: Any, expected: bool) -> None:
    gate = schema_gate.compile_schema(schema)
    assert gate is not None
    assert gate(value) is expected


def test_an_unknown_keyword_means_no_gate() -> None:
    assert schema_gate.compile_schema({"type": "object", "minProperties": 1}) is None
    assert schema_gate.compile_schema({"prefixItems": [{"type": "string"}]}) is None
