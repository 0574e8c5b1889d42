"""The fast schema gate (jsonschema-rs) never calls invalid data valid: wherever jsonschema finds
an error, the gate answers False (and then jsonschema explains it); on valid listings it answers
True."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synth import make_listing
from generator.load import schema_check, yamlload
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


@pytest.mark.parametrize("text", [
    "12:00\n", "https://example.org/\x1c", "https://example.org/\u3000x", "2026-02-30",
    "x@", "\u0661\u0662:00", "１２:００", "97201\n", "harbor\u200b-light",
])
def test_the_gate_is_as_strict_as_jsonschema_on_text(text: str) -> None:
    """Where Python's regular expressions and formats differ from Rust's (a `$` before a final
    line feed, what counts as a space or a digit), every text field stays at least as strict."""
    gate = schema_check.gate()
    assert gate is not None
    data = VALID[0]
    for path in _paths(data):
        broken = _mutate(data, path, text, delete=False)
        assert not gate(broken) or _valid(broken), (path, text)


def test_the_gate_counts_1_and_1_0_as_the_same_item() -> None:
    """jsonschema here counts them as two (schema_check._unique_items): the gate is stricter,
    which costs only time."""
    gate = schema_check.gate()
    assert gate is not None
    broken = copy.deepcopy(VALID[0])
    broken["languages"] = ["en", "en"]
    assert not gate(broken) and not _valid(broken)
