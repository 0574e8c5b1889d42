"""Golden tests: a listing file in, the exact diagnostics or Markdown out.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/golden`, then read the
diff: every line of it is something a provider will see.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.load.catalog import load_paths
from generator.load.diagnostics import format_all
from generator.pages import provider_page
from tests.conftest import ROOT, TODAY

HERE = Path(__file__).parent
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _compare(actual: str, expected_file: Path) -> None:
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"missing {expected_file}; run with UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("listing", sorted((HERE / "invalid").glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_listing_messages(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in messages are relative to where iopdir runs
    catalog = load_paths([listing], today=TODAY)
    assert not catalog.ok, "an invalid golden listing must have at least one error"
    _compare(format_all(catalog.diagnostics) + "\n", listing.with_suffix(".txt"))


@pytest.mark.parametrize("listing", sorted((HERE / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_listing_page(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    catalog = load_paths([listing], today=TODAY)
    assert catalog.diagnostics == []
    (provider,) = catalog.providers
    _compare(provider_page.render(provider, TODAY), listing.with_suffix(".md"))
