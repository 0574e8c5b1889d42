"""Load and validate a set of listing files into providers plus every diagnostic found."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import checks, schema_check, yamlload
from generator.diagnostics import Diagnostic, Severity, has_errors
from generator.model import Provider

LISTING_SUFFIXES = (".yaml", ".yml")
PARALLEL_FROM = 400  # files; below this, starting worker processes costs more than it saves


class UsageError(Exception):
    """The command was asked for something impossible (exit code 2), as opposed to bad data."""


@dataclass
class FileResult:
    provider: Provider | None
    diagnostics: list[Diagnostic]


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


def listing_files(paths: Iterable[Path]) -> list[Path]:
    """The listing files named by `paths` (files, or directories scanned one level deep)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in LISTING_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    return found


def load_paths(paths: Iterable[Path], today: dt.date | None = None,
               cache: Cache | None = None) -> Catalog:
    today = today or dt.date.today()
    catalog = Catalog(today)
    for result in _load_all(listing_files(paths), today, cache):
        catalog.files += 1
        catalog.diagnostics.extend(result.diagnostics)
        if result.provider is not None:
            catalog.providers.append(result.provider)
    catalog.diagnostics.extend(_cross_file(catalog.providers))
    catalog.providers.sort(key=lambda p: (p.name.casefold(), p.slug))
    return catalog


def _load_all(files: list[Path], today: dt.date, cache: Cache | None) -> list[FileResult]:
    """In order, one file at a time; or, for a cold run over many files, on every core."""
    cores = os.cpu_count() or 1
    if cache is not None or len(files) < PARALLEL_FROM or cores < 2:
        return [_load_cached(path, today, cache) for path in files]
    with ProcessPoolExecutor(max_workers=min(cores, 8)) as pool:
        return list(pool.map(_load_uncached, files, itertools.repeat(today), chunksize=64))


def _load_uncached(path: Path, today: dt.date) -> FileResult:
    return _load_cached(path, today, None)


def _load_cached(path: Path, today: dt.date, cache: Cache | None) -> FileResult:
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return FileResult(None, [_file_error(shown, f"cannot read the file: {exc.strerror}")])
    digest = hashlib.sha1(raw).hexdigest() + today.isoformat()
    if cache is not None and shown in cache and cache[shown][0] == digest:
        return cache[shown][1]
    result = load_file(raw, shown, path.stem, path.suffix, today)
    if cache is not None:
        cache[shown] = (digest, result)
    return result


def load_file(raw: bytes, shown: str, stem: str, suffix: str, today: dt.date) -> FileResult:
    """Everything about one file: parse, schema, then the semantic checks if the schema passed."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return FileResult(None, [_file_error(shown, f"the file is not UTF-8 text (byte "
                                             f"{exc.start}); save it as UTF-8")])
    found = checks.check_file_name(shown, stem, suffix)
    doc, problems = yamlload.load(text, shown)
    found += problems
    if doc.data is None:
        return FileResult(None, found)
    schema_problems = schema_check.check(doc)
    found += schema_problems + checks.check_schedules(doc)
    if schema_problems:
        return FileResult(None, found)
    provider = Provider.from_data(stem, shown, doc.data)
    found += checks.check_provider(provider, doc, today)
    return FileResult(None if has_errors(found) else provider, found)


def _cross_file(providers: list[Provider]) -> list[Diagnostic]:
    """Two files for one provider name are usually a copy left behind; two files with one
    slug (from two directories) would be one page."""
    first: dict[str, Provider] = {}
    slugs: dict[str, Provider] = {}
    found = []
    for provider in sorted(providers, key=lambda p: p.source_path):
        if provider.slug in slugs:
            found.append(Diagnostic(provider.source_path, 1, 1, Severity.ERROR,
                                    f"the file name {provider.slug!r} is also used by "
                                    f"{slugs[provider.slug].source_path}; each listing needs "
                                    "its own file name, because it becomes the page address"))
        slugs.setdefault(provider.slug, provider)
        key = provider.name.casefold()
        if key in first:
            found.append(Diagnostic(provider.source_path, 1, 1, Severity.WARNING,
                                    f"name: {provider.name!r} is also the name in "
                                    f"{first[key].source_path}; merge the two files or "
                                    "tell the providers apart by name"))
        else:
            first[key] = provider
    return found


def _file_error(shown: str, message: str) -> Diagnostic:
    return Diagnostic(shown, 1, 1, Severity.ERROR, message)


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, so editors and CI can link it."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(absolute)
