"""Shared fixtures: the project's paths and a fixed "today" so date checks never age."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ROOT / "providers"
SHARED_DATA = ROOT.parent / "shared" / "data"
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def today() -> dt.date:
    return TODAY
