"""Load and validate a set of listing files into providers plus every diagnostic found."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.load import (
    checks,
    duplicates,
    fastyaml,
    hidden_chars,
    limits,
    lookalike,
    progress,
    schema_check,
    yamlload,
)
from generator.load.diagnostics import Diagnostic, Severity, has_errors
from generator.load.files import LISTING_SUFFIXES, read_listing, split_name
from generator.load.files import UsageError as UsageError  # re-exported for the commands
from generator.load.files import listing_files as listing_files
from generator.load.results import FileResult as FileResult  # re-exported
from generator.model import links
from generator.model.records import Provider

PARALLEL_FROM = 400  # files; below this, starting worker processes costs more than it saves


@dataclass
class Catalog:
    today: dt.date  # the date the listings were checked against; pages are dated the same
    providers: list[Provider] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


# Results keyed by file path and content hash: `serve` re-checks only the files that changed.
Cache = dict[str, tuple[str, FileResult]]


def load_paths(paths: Iterable[Path], today: dt.date | None = None,
               cache: Cache | None = None, show_progress: bool = False,
               providers: bool = True) -> Catalog:
    """Every listing in `paths`, checked; with `show_progress`, a progress display on stderr
    while thousands are checked (see progress.py). Without `providers`, the diagnostics only
    (all `iopdir validate` needs): the listings are never unpacked in this process."""
    today = today or dt.date.today()
    results = load_results(listing_files(paths), today, cache, show_progress)
    catalog = checked(results, today)
    if providers:
        add_providers(catalog, results)
    return catalog


def checked(results: list[FileResult], today: dt.date) -> Catalog:
    """The diagnostics of every file and those across files, without the providers."""
    catalog = Catalog(today, files=len(results))
    listed = []
    positions = _Positions()
    for result in results:
        catalog.diagnostics.extend(result.diagnostics)
        if result.listed is not None:
            listed.append(result.listed)
            if result.positions is not None:
                positions[result.listed.source_path] = result.positions
    with gc_paused():
        catalog.diagnostics.extend(_cross_file(listed, positions))
    return catalog


def add_providers(catalog: Catalog, results: list[FileResult]) -> None:
    """The valid files' providers, unpacked (see results.py), in the order pages list them."""
    with gc_paused():
        found = [result.provider for result in results if result.listed is not None]
    catalog.providers = sorted((p for p in found if p is not None),
                               key=lambda p: (p.name.casefold(), p.slug))


def load_results(files: list[Path], today: dt.date, cache: Cache | None,
                 show_progress: bool = False) -> list[FileResult]:
    """Unchanged files come from `cache`; the others are checked in order or, when there are
    many (a cold run), on every core."""
    results = []
    with gc_paused():
        found = [_lookup(path, today, cache) for path in files]
        pending = [item for item in found if isinstance(item, _Pending)]
        shown = progress.start(len(pending), "Checking listings", enabled=show_progress)
        done = iter(_check_all(pending, today, shown))
        for item in found:
            if not isinstance(item, _Pending):
                results.append(item)
                continue
            digest, result = next(done)
            results.append(result)
            if cache is not None and digest is not None:  # an unreadable file is never kept
                cache[item.shown] = (digest, result)
        shown.close()
    return results


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading makes millions of small objects and no garbage cycles, and the collector would
    scan them again and again: with it paused, 20,000 cached results load eight times faster."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class _Pending:
    """A file the cache does not hold, or holds for other contents: it is read, hashed and
    checked where it is checked (on a cold run, in a worker process, not all in this one)."""

    path: Path
    shown: str


Checked = tuple[str | None, FileResult]  # the file's digest (None: unreadable) and its result


def _check_all(pending: list[_Pending], today: dt.date,
               shown: progress.Progress) -> list[Checked]:
    cores = os.cpu_count() or 1
    if len(pending) < PARALLEL_FROM or cores < 2:
        return list(_counted(map(_check_pending, pending, itertools.repeat(today)), shown))
    with ProcessPoolExecutor(max_workers=min(cores, 8)) as pool:
        results = pool.map(_check_pending, pending, itertools.repeat(today), chunksize=64)
        return list(_counted(results, shown))


def _counted(results: Iterable[Checked], shown: progress.Progress) -> Iterator[Checked]:
    for result in results:
        shown.advance()
        yield result


def _lookup(path: Path, today: dt.date, cache: Cache | None) -> FileResult | _Pending:
    shown = display_path(path)
    if cache is None or shown not in cache:
        return _Pending(path, shown)
    raw = read_listing(path, shown)
    if isinstance(raw, Diagnostic):
        return FileResult(None, [raw])
    entry = cache[shown]
    return entry[1] if entry[0] == file_digest(raw, today) else _Pending(path, shown)


def _check_pending(item: _Pending, today: dt.date) -> Checked:
    raw = read_listing(item.path, item.shown)
    if isinstance(raw, Diagnostic):
        return None, FileResult(None, [raw])
    stem, suffix = split_name(item.path.name)
    result = load_file(raw, item.shown, stem, suffix, today)
    # Only files on disk have an editor that reads the schema line (not listings in memory).
    result.diagnostics = checks.check_schema_line(item.shown, raw) + result.diagnostics
    result.diagnostics = limits.capped(result.diagnostics, item.shown)
    return file_digest(raw, today), result


def load_file(raw: bytes, shown: str, stem: str, suffix: str, today: dt.date) -> FileResult:
    """Everything about one file: parse, schema, then the semantic checks if the schema passed."""
    too_big = limits.size_problem(len(raw), shown)
    text, problems = yamlload.decode(raw, shown) if too_big is None else (None, [too_big])
    found = checks.check_file_name(shown, stem, suffix) + problems
    if text is None:
        return FileResult(None, found)
    doc, problems = read_yaml(text, shown)
    found += problems
    if doc.data is None:
        return FileResult(None, found)
    hidden = hidden_chars.find(doc, text)
    schema_problems = schema_check.check(doc, skip=[*hidden, *doc.refused])
    found += [*hidden.values(), *schema_problems, *checks.check_schedules(doc)]
    if schema_problems or hidden or doc.refused:
        return FileResult(None, found)
    provider = Provider.from_data(stem, shown, doc.data)
    found += checks.check_provider(provider, doc, today)
    if has_errors(found):
        return FileResult(None, found)
    positioned = not isinstance(doc, fastyaml.LazyDocument) or doc.positioned
    return FileResult(provider, found, duplicates.positions(doc) if positioned else None)


def read_yaml(text: str, shown: str) -> tuple[yamlload.Document, list[Diagnostic]]:
    """The fast reader where it can vouch for the data, the full reader otherwise."""
    data = fastyaml.parse(text)
    if data is None:
        return yamlload.load(text, shown)
    return fastyaml.LazyDocument(shown, data, text), []


class _Positions(dict[str, duplicates.Positions]):
    """Positions by file; a file read without them is read again, only when a cross-file
    message needs one (a duplicate is rare)."""

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self[key] = _positions_from_disk(key)
        return super().get(key, default)


def _positions_from_disk(shown: str) -> duplicates.Positions:
    try:
        text, _ = yamlload.decode(Path(shown).read_bytes(), shown)
    except OSError:
        return {}
    return duplicates.positions(yamlload.load(text, shown)[0]) if text is not None else {}


def _cross_file(providers: list[duplicates.Listed],
                positions: dict[str, duplicates.Positions]) -> list[Diagnostic]:
    """Two files with one slug (from two directories) would be one page; one provider in two
    files is a copy left behind (see duplicates.py)."""
    slugs: dict[str, duplicates.Listed] = {}
    found = []
    for provider in sorted(providers, key=lambda p: p.source_path):
        if provider.slug in slugs:
            found.append(Diagnostic(provider.source_path, 1, 1, Severity.ERROR,
                                    f"the file name {provider.slug!r} is also used by "
                                    f"{slugs[provider.slug].source_path}; each listing needs "
                                    "its own file name, because it becomes the page address"))
        slugs.setdefault(provider.slug, provider)
    found += duplicates.diagnostics(duplicates.find(providers), positions)
    found += duplicates.related_problems(providers, positions, _sibling_exists)
    return found


def _sibling_exists(provider: duplicates.Listed, slug: str) -> bool:
    """A related listing that was not loaded (only some files were named) may sit beside it."""
    folder = Path(provider.source_path).parent
    return any((folder / f"{slug}{suffix}").is_file() for suffix in LISTING_SUFFIXES)


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, so editors and CI can link it."""
    cwd = os.getcwd()  # noqa: PTH109 - a string for the cache key
    # Resolving each of 20,000 paths took longer than reading the files: resolve folders once.
    # A link is shown by its own name, never by where it points.
    absolute = str(_real(str(path.parent), cwd) / path.name)
    root = str(_real(".", cwd)).rstrip("/") + "/"
    return absolute[len(root):] if absolute.startswith(root) else absolute


def file_digest(raw: bytes, today: dt.date) -> str:
    """What a file's cached result is keyed by: its content and the date it was checked for."""
    return hashlib.sha1(raw).hexdigest() + today.isoformat()


@lru_cache(maxsize=256)
def _real(directory: str, cwd: str) -> Path:
    return (Path(cwd) / directory).resolve()


def forget_checked_values() -> None:
    """Empty the caches of values the checks have seen (duplicate keys, look-alike forms,
    address checks): they save `serve` work on each rebuild, and are dead weight for a build
    once its listings are checked (several megabytes at national scale)."""
    for cached in (duplicates.phone_key, duplicates.website_keys, duplicates.name_keys,
                   duplicates.street_keys, duplicates.name_key, duplicates.street_key,
                   lookalike.forms, links.url_problem, links.web_address):
        cached.cache_clear()
