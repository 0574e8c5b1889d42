"""Shared fixtures: the project's paths and a fixed "today" so date checks never age."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ROOT / "providers"
SHARED_DATA = ROOT.parent / "shared" / "data"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(autouse=os.environ.get("MUTANT_UNDER_TEST") == "stats")
def _empty_caches_for_mutmut() -> None:
    """mutmut (`make mutation`) first runs every test once in one process to learn which tests
    reach each function, then tests a mutant with those tests only. A cached function (such as
    lookalike.prototypes) runs for the first test that calls it and never again, so without
    this only that test would be credited with it: each test starts with empty caches."""
    for name, module in list(sys.modules.items()):
        if name == "generator" or name.startswith("generator."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
