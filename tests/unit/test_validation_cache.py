"""The validation cache on disk: reused for unchanged files, invalidated by any change that could
alter a result, and never trusted when damaged or not signed with this user's key."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import pickle
import shutil
import time
import types
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.load import catalog, progress, results, schema_check, validation_cache
from tests.conftest import PROVIDERS, TODAY

SAMPLES = sorted(PROVIDERS.glob("*.yaml"))[:4]


@pytest.fixture(autouse=True)
def own_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The secret key lives under XDG_CACHE_HOME: a fresh one for each test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def listings(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    folder.mkdir()
    for path in SAMPLES:
        shutil.copy(path, folder)
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files that load_file actually checks (a cache hit does not call it)."""
    calls: list[str] = []
    real = catalog.load_file

    def counting(raw: bytes, shown: str, *rest: Any) -> catalog.FileResult:
        calls.append(Path(shown).name)
        return real(raw, shown, *rest)

    monkeypatch.setattr(catalog, "load_file", counting)
    return calls


def _load(listings: Path, cache: Path, today: dt.date = TODAY,
          providers: bool = True) -> catalog.Catalog:
    return validation_cache.load([listings], today, cache, providers)


def test_a_second_run_takes_every_result_from_the_cache(
        listings: Path, tmp_path: Path, checked: list[str]) -> None:
    first = _load(listings, tmp_path / "cache")
    assert len(checked) == len(SAMPLES)
    checked.clear()
    again = _load(listings, tmp_path / "cache")
    assert checked == []
    assert again.providers == first.providers and len(again.providers) == len(SAMPLES)
    assert again.diagnostics == first.diagnostics
    assert len(list((tmp_path / "cache").glob("validation-*.pickle"))) == 1


def test_validate_of_unchanged_files_does_not_load_the_listings(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (listings / SAMPLES[0].name).write_text("name: [\n", encoding="utf-8")  # one broken file
    first = _load(listings, tmp_path / "cache", providers=False)
    assert first.diagnostics and first.files == len(SAMPLES)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("listings were loaded although no file changed")

    monkeypatch.setattr(validation_cache, "load_results", fail)
    again = _load(listings, tmp_path / "cache", providers=False)
    assert again.diagnostics == first.diagnostics
    assert again.files == len(SAMPLES) and again.providers == []


def test_a_changed_file_is_checked_again_and_only_it(
        listings: Path, tmp_path: Path, checked: list[str]) -> None:
    _load(listings, tmp_path / "cache")
    checked.clear()
    changed = listings / SAMPLES[1].name
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "description:", "description: Changed.", 1), encoding="utf-8")
    again = _load(listings, tmp_path / "cache", providers=False)
    assert checked == [SAMPLES[1].name]
    assert again.files == len(SAMPLES) and again.providers == []  # validate: diagnostics only
    checked.clear()
    built = _load(listings, tmp_path / "cache")  # a build: every provider, none checked again
    assert checked == [] and len(built.providers) == len(SAMPLES)
    assert any(p.description.startswith("Changed.") for p in built.providers)


def test_a_schema_change_invalidates_the_cache(
        listings: Path, tmp_path: Path, checked: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _load(listings, tmp_path / "cache")
    checked.clear()
    schema = json.loads(schema_check.SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["description"] = "A changed description changes the file's bytes."
    edited = tmp_path / "provider.schema.json"
    edited.write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(schema_check, "SCHEMA_PATH", edited)
    _load(listings, tmp_path / "cache")
    assert len(checked) == len(SAMPLES)


def test_another_day_is_another_cache(listings: Path, tmp_path: Path,
                                      checked: list[str]) -> None:
    """Stale-date checks depend on the day the listings are checked for."""
    _load(listings, tmp_path / "cache")
    checked.clear()
    _load(listings, tmp_path / "cache", today=TODAY + dt.timedelta(days=1))
    assert len(checked) == len(SAMPLES)
    assert len(list((tmp_path / "cache").glob("validation-*.pickle"))) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped byte", "other key"])
def test_a_damaged_or_foreign_cache_is_ignored_then_rewritten(
        listings: Path, tmp_path: Path, checked: list[str], damage: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = _load(listings, tmp_path / "cache")
    (path,) = (tmp_path / "cache").glob("validation-*.pickle")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a cache at all")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped byte":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    else:  # a cache signed by somebody else, such as one committed next to a listing
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    checked.clear()
    again = _load(listings, tmp_path / "cache")
    assert len(checked) == len(SAMPLES)  # nothing was taken from it
    assert again.providers == first.providers
    checked.clear()
    _load(listings, tmp_path / "cache")
    assert checked == []  # rewritten whole, and good again
    assert path.read_bytes().startswith(validation_cache.MAGIC)


def test_only_model_classes_are_ever_unpickled() -> None:
    harmless_global = pickle.dumps(os.getcwd)
    assert validation_cache._unpickle(harmless_global, object) is None
    result = catalog.FileResult(None, [])
    assert validation_cache._unpickle(pickle.dumps(result), catalog.FileResult) == result
    # A provider kept as bytes of its own goes through the same unpickler when it is unpacked.
    packed = results.FileResult(None, [])
    packed.__setstate__((harmless_global, harmless_global))
    with pytest.raises(results.DamagedResult, match="not allowed"):
        _ = packed.provider
    with pytest.raises(results.DamagedResult, match="not allowed"):
        _ = packed.listed


def test_a_cached_result_keeps_its_provider_as_bytes_until_asked(
        listings: Path, tmp_path: Path) -> None:
    first = _load(listings, tmp_path / "cache")
    store = validation_cache.ValidationCache.open(tmp_path / "cache", TODAY)
    assert store is not None
    entries = store.entries
    assert len(entries) == len(SAMPLES)
    result = next(iter(entries.values()))[1]
    assert result._provider is None and result._packed  # what the worker or run pickled
    assert result._listed is None and result._listed_packed
    assert result.listed is not None and result.provider in first.providers
    assert result._packed is None  # unpacked once, the bytes let go
    assert result.listed.source_path == result.provider.source_path


@pytest.mark.parametrize("part", ["_packed", "_listed_packed"])
def test_a_signed_cache_with_a_foreign_class_inside_a_provider_is_not_trusted(
        listings: Path, tmp_path: Path, checked: list[str], part: str) -> None:
    """Even under this user's key, a provider's bytes that name anything but a model class are
    never unpickled: the files are checked again instead, and the cache is made again."""
    first = _load(listings, tmp_path / "cache")
    store = validation_cache.ValidationCache.open(tmp_path / "cache", TODAY)
    assert store is not None
    proof = tmp_path / "made-by-the-cache"
    for _, result in store.entries.values():
        setattr(result, part, pickle.dumps(_MakesDirectory(proof)))  # would run if unpickled
    store._saved = None
    store.save()
    checked.clear()
    again = _load(listings, tmp_path / "cache")
    assert again.providers == first.providers and len(checked) == len(SAMPLES)
    checked.clear()
    assert _load(listings, tmp_path / "cache").providers == first.providers
    assert checked == []
    assert not proof.exists()


class _MakesDirectory:
    """Unpickling this calls os.mkdir: what a forged cache would do with any function."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.mkdir, (str(self.path),))


def test_the_cli_keeps_its_cache_where_told_and_not_with_no_cache(
        listings: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = ["--today", TODAY.isoformat()]
    assert main(["validate", str(listings), "--cache-dir", str(tmp_path / "c1"), *today]) == 0
    assert len(list((tmp_path / "c1").glob("validation-*.pickle"))) == 1
    assert main(["validate", str(listings), "--cache-dir", str(tmp_path / "c1"), *today]) == 0
    assert main(["validate", str(listings), "--no-cache", "--cache-dir", str(tmp_path / "c2"),
                 *today]) == 0
    assert not (tmp_path / "c2").exists()
    assert capsys.readouterr().err.count(f"{len(SAMPLES)} files checked: 0 errors") == 3


@pytest.mark.parametrize("signer", ["nobody", "another user"])
def test_a_forged_run_result_never_hides_an_error(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signer: str) -> None:
    """A `runs-*` file that says "these files were valid" is trusted only under this user's key:
    one committed beside the listings (or signed by anyone else) cannot hide a broken listing."""
    broken = listings / SAMPLES[0].name
    broken.write_text(broken.read_text(encoding="utf-8").replace("name:", "nmae:", 1),
                      encoding="utf-8")
    cache = tmp_path / "cache"
    files = catalog.listing_files([listings])
    forged: dict[str | None, tuple[list[object], int]] = {
        validation_cache.run_key(files, TODAY): ([], len(files))}
    payload = pickle.dumps(forged)
    if signer == "another user":
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-user"))
    secret = validation_cache._secret() if signer == "another user" else b"\0" * 32
    assert secret is not None
    signature = hmac.new(secret, payload, "sha256").digest()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # back to this user's key
    key = validation_cache.cache_key(TODAY)[:24]
    cache.mkdir()
    (cache / f"runs-{key}.pickle").write_bytes(validation_cache.MAGIC + signature + payload)
    found = validation_cache.load([listings], TODAY, cache, providers=False)
    assert any("nmae" in d.message for d in found.diagnostics), found.diagnostics


def test_without_a_cache_directory_the_listings_are_simply_loaded(listings: Path) -> None:
    uncached = validation_cache.load([listings], TODAY, None)
    assert uncached == catalog.load_paths([listings], TODAY)
    assert len(uncached.providers) == len(SAMPLES)


def test_validation_runs_without_a_cache_when_no_secret_key_can_be_kept(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the key's folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    found = _load(listings, tmp_path / "cache")
    assert len(found.providers) == len(SAMPLES)
    assert not (tmp_path / "cache").exists()


def test_the_secret_key_is_readable_only_by_its_user(tmp_path: Path) -> None:
    key = validation_cache._secret()
    path = tmp_path / "xdg" / "iopdir" / "cache-key"
    assert key is not None and len(key) == 32 and path.read_bytes() == key
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert validation_cache._secret() == key  # made once, then kept


def test_a_change_to_iopdirs_source_is_another_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator

    package = tmp_path / "generator"
    (package / "load").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    module = package / "load" / "checks.py"
    module.write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(generator, "__file__", str(package / "__init__.py"))
    before = validation_cache.cache_key(TODAY)
    module.write_text("LIMIT = 2\n", encoding="utf-8")
    assert validation_cache.cache_key(TODAY) != before


def test_a_run_over_other_files_is_remembered_next_to_the_last_ones(
        listings: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    files = catalog.listing_files([listings])
    for count in range(1, len(files) + 1):  # one run per subset
        validation_cache.load(files[:count], TODAY, cache, providers=False)
    store = validation_cache.ValidationCache.open(cache, TODAY)
    assert store is not None and len(store.runs) == len(files)
    for count in range(1, len(files) + 1):
        found = store.recall(files[:count], TODAY)
        assert found is not None and found.files == count


def test_only_the_last_runs_are_kept(listings: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for day in range(validation_cache.KEEP_RUNS + 1):  # other contents: other runs
        (listings / "extra.yaml").write_text(f"name: [{day}\n", encoding="utf-8")
        validation_cache.load([listings], TODAY, cache, providers=False)
    store = validation_cache.ValidationCache.open(cache, TODAY)
    assert store is not None and len(store.runs) == validation_cache.KEEP_RUNS
    files = catalog.listing_files([listings])
    assert store.recall(files, TODAY) is not None  # the newest is among them


def test_caches_of_other_keys_go_after_a_week_and_this_one_stays(
        listings: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    old, recent = cache / "validation-old.pickle", cache / "validation-recent.pickle"
    other_kind = cache / "runs-old.pickle"
    for path in (old, recent, other_kind):
        path.write_bytes(b"")
    week_ago = time.time() - validation_cache.KEEP_OLD_SECONDS - 60
    os.utime(old, (week_ago, week_ago))
    os.utime(other_kind, (week_ago, week_ago))
    _load(listings, cache)
    assert not old.exists() and not other_kind.exists()
    assert recent.exists() and len(list(cache.glob("validation-*.pickle"))) == 2


def test_a_run_that_changes_nothing_rewrites_no_cache_file(
        listings: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _load(listings, cache)
    written = {p.name: p.stat().st_ino for p in cache.iterdir()}
    assert len(written) == 2  # the files' results and the run's
    _load(listings, cache)
    assert {p.name: p.stat().st_ino for p in cache.iterdir()} == written  # each replaced whole
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in cache.iterdir())


def test_the_cache_keeps_its_files_where_home_keeps_caches_and_the_listings_by_default(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    cache = tmp_path / "a" / "b" / "cache"  # parents made as needed
    _load(listings, cache, providers=False)
    again = validation_cache.load([listings], TODAY, cache)
    assert len(again.providers) == len(SAMPLES) and again.today == TODAY
    assert (tmp_path / "home" / ".cache" / "iopdir" / "cache-key").is_file()
    assert len(list(cache.glob("*.pickle"))) == 2
    files = catalog.listing_files([listings])
    store = validation_cache.ValidationCache.open(cache, TODAY)
    found = store.recall(files, TODAY) if store else None
    assert found is not None and found.today == TODAY and found.files == len(SAMPLES)


def test_a_damaged_secret_key_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "xdg" / "iopdir" / "cache-key"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"short")
    key = validation_cache._secret()
    assert key is not None and len(key) == 32 and path.read_bytes() == key


def test_a_signed_cache_of_another_shape_is_ignored(listings: Path, tmp_path: Path) -> None:
    """A file of ours from before the model changed is signed, and still not used."""
    cache = tmp_path / "cache"
    store = validation_cache.ValidationCache.open(cache, TODAY)
    assert store is not None
    assert store._write(store.path, ["results", "as", "a", "list"])
    reopened = validation_cache.ValidationCache.open(cache, TODAY)
    assert reopened is not None and reopened.entries == {}


def test_without_a_cache_directory_diagnostics_only_unpack_no_provider(listings: Path) -> None:
    found = validation_cache.load([listings], TODAY, None, providers=False)
    assert found.providers == [] and found.files == len(SAMPLES)


@pytest.mark.parametrize("cached", [False, True], ids=["no cache", "cache"])
def test_progress_is_shown_on_stderr_only_when_asked(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], cached: bool) -> None:
    monkeypatch.setattr(progress, "MIN_ITEMS", 1)  # four listings stand for thousands
    validation_cache.load([listings], TODAY, tmp_path / "quiet" if cached else None)
    assert capsys.readouterr().err == ""
    validation_cache.load([listings], TODAY, tmp_path / "shown" if cached else None,
                          show_progress=True)
    assert "Checking listings: 100% (4 of 4 listings)" in capsys.readouterr().err


def _filled(directory: Path, listings: Path) -> validation_cache.ValidationCache:
    store = validation_cache.ValidationCache.open(directory, TODAY)
    assert store is not None
    files = catalog.listing_files([listings])
    store.remember(files, catalog.checked(catalog.load_results(files, TODAY, store.entries),
                                          TODAY))
    return store


def test_a_second_save_with_nothing_new_writes_nothing(listings: Path, tmp_path: Path) -> None:
    store = _filled(tmp_path / "cache", listings)
    store.save()
    written = {p.name: p.stat().st_ino for p in (tmp_path / "cache").iterdir()}
    assert len(written) == 2
    store.save()
    assert {p.name: p.stat().st_ino for p in (tmp_path / "cache").iterdir()} == written


def test_what_a_save_could_not_write_is_written_by_the_next(
        listings: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache's folder would go", encoding="utf-8")
    store = _filled(blocked, listings)
    store.save()  # skipped, without an error
    blocked.unlink()
    store.save()
    assert len(list(blocked.iterdir())) == 2


def test_a_cache_of_another_key_stays_a_whole_week(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    current, other = tmp_path / "validation-new.pickle", tmp_path / "validation-old.pickle"
    current.write_bytes(b"")
    other.write_bytes(b"")
    now = 2_000_000_000.0
    monkeypatch.setattr(validation_cache, "time", types.SimpleNamespace(time=lambda: now))
    for age, kept in ((validation_cache.KEEP_OLD_SECONDS, True),
                      (validation_cache.KEEP_OLD_SECONDS + 1, False)):
        os.utime(other, (now - age, now - age))
        validation_cache._remove_old(current)
        assert other.exists() == kept


def test_progress_asked_for_is_shown_when_a_damaged_cache_makes_every_file_checked_again(
        listings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _load(listings, tmp_path / "cache")
    store = validation_cache.ValidationCache.open(tmp_path / "cache", TODAY)
    assert store is not None
    for _, result in store.entries.values():
        result._packed = pickle.dumps(_MakesDirectory(tmp_path / "made-by-the-cache"))
    store._saved = None
    store.save()
    monkeypatch.setattr(progress, "MIN_ITEMS", 1)
    capsys.readouterr()
    validation_cache.load([listings], TODAY, tmp_path / "cache", show_progress=True)
    assert "Checking listings: 100% (4 of 4 listings)" in capsys.readouterr().err
