from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.load import catalog
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


def test_validate_reads_the_same_problems_across_files_without_the_providers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`iopdir validate` checks duplicates and related listings from what the workers send
    back, without unpacking a provider: the same messages as a load of every provider here."""
    folder = tmp_path / "providers"
    shutil.copytree(PROVIDERS, folder)
    original = (PROVIDERS / "lanternfish-recovery-collective.yaml").read_text(encoding="utf-8")
    name = original.split("name: ", 1)[1].split("\n", 1)[0]
    disguised = original.replace(name, name.replace("a", "\u0430", 1), 1)  # a Cyrillic a
    (folder / "lanternfish-copy.yaml").write_text(disguised, encoding="utf-8")
    (folder / "lanternfish-again.yaml").write_text(
        original + "related_listings:\n  - lanternfish-again\n  - lanternfish-recovery\n",
        encoding="utf-8")
    sequential = catalog.load_paths([folder, INVALID], TODAY, cache={})
    monkeypatch.setattr(catalog, "PARALLEL_FROM", 1)
    parallel = catalog.load_paths([folder, INVALID], TODAY, providers=False)
    assert parallel.diagnostics == sequential.diagnostics and parallel.providers == []
    messages = " ".join(d.message for d in parallel.diagnostics)
    for expected in ("is also the number of", "is also listed in", "names this listing itself",
                     "no listing is named 'lanternfish-recovery'; did you mean"):
        assert expected in messages, expected


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


def test_one_slug_in_two_directories_is_an_error(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(PROVIDERS / "lanternfish-recovery-collective.yaml", tmp_path / folder)
    result = catalog.load_paths([tmp_path / "a", tmp_path / "b"], TODAY)
    messages = [d.message for d in result.diagnostics if d.severity.value == "error"]
    assert sum("is also used by" in m for m in messages) == 1
    # A copy is also the same provider twice: phone, website, name and address, on each file.
    assert sorted(m.split(":")[0] for m in messages if "is also used by" not in m) == [
        "name", "name", "phone", "phone", "website", "website"]
    assert not result.ok
