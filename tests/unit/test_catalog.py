from __future__ import annotations

from typing import Any

import pytest

from generator import catalog
from tests.conftest import PROVIDERS, ROOT, TODAY

INVALID = ROOT / "tests" / "golden" / "invalid"


def test_parallel_loading_gives_the_same_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    sequential = catalog.load_paths([PROVIDERS, INVALID], TODAY, cache={})
    monkeypatch.setattr(catalog, "PARALLEL_FROM", 1)
    parallel = catalog.load_paths([PROVIDERS, INVALID], TODAY)
    assert parallel.providers == sequential.providers
    assert parallel.diagnostics == sequential.diagnostics
    assert parallel.files == sequential.files == len(list(PROVIDERS.glob("*.yaml"))) + len(
        list(INVALID.glob("*.yaml")))


def test_the_cache_skips_unchanged_files(monkeypatch: pytest.MonkeyPatch) -> None:
    cache: catalog.Cache = {}
    first = catalog.load_paths([PROVIDERS], TODAY, cache=cache)
    calls: list[str] = []
    real = catalog.load_file

    def counting(raw: bytes, shown: str, *rest: Any) -> catalog.FileResult:
        calls.append(shown)
        return real(raw, shown, *rest)

    monkeypatch.setattr(catalog, "load_file", counting)
    again = catalog.load_paths([PROVIDERS], TODAY, cache=cache)
    assert calls == [] and again.providers == first.providers


def test_missing_paths_are_usage_errors() -> None:
    with pytest.raises(catalog.UsageError, match="no such file or directory"):
        catalog.load_paths([ROOT / "no-such-dir"], TODAY)
