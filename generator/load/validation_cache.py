"""Validation results kept on disk, so `iopdir validate` and `build` re-check only changed files.

Two files per cache key in `.iopdir-cache/` (git-ignored): each listing's result, by path and
content hash, and the diagnostics of whole runs. The key covers everything else a result
depends on: iopdir's version and source code, the schema file and the date listings are checked
against (stale-date checks). Caches of other keys are removed after a week.

The cache is signed: a listing comes from a stranger, and so could a cache file committed next to
it; a result read from such a file would skip validation. Each file carries an HMAC made with a
secret key kept outside the project (in the user's cache directory), and a file whose signature
does not match, or that is damaged in any other way, is ignored and later rewritten whole (write
to a temporary file, then rename). Only classes of the model are ever unpickled.

Each result is stored with its provider as the bytes a worker process already pickled
(results.py): filling the cache does not pickle 20,000 providers again, and reading it unpacks a
provider only when a caller needs it (`iopdir validate` never does).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import hmac
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import generator
from generator.load import schema_check
from generator.load.catalog import (
    Cache,
    Catalog,
    add_providers,
    checked,
    display_path,
    file_digest,
    gc_paused,
    listing_files,
    load_paths,
    load_results,
)
from generator.load.diagnostics import Diagnostic
from generator.load.files import read_listing
from generator.load.results import DamagedResult, pack, unpack

DEFAULT_DIR = Path(".iopdir-cache")
MAGIC = b"iopdir-validation-cache 4\n"  # 4: providers stored as bytes of their own
KEEP_OLD_SECONDS = 7 * 24 * 3600  # caches for other keys (other dates, other code) last a week
KEEP_RUNS = 8  # whole-run results kept: `validate` of all listings, of one file, of another set
RunKey = str
RunResult = tuple[list[Diagnostic], int]  # the diagnostics of a run and its number of files


class ValidationCache:
    """The cached results of one key, in two signed files: `entries` (each file's result), which
    `load_paths(cache=...)` reads and fills, and `runs`, which answers a whole run whose files are
    all unchanged without even loading the listings (so `iopdir validate` of 20,000 unchanged
    listings reads a few kilobytes of cache, not 40 MB)."""

    def __init__(self, directory: Path, key: str, secret: bytes) -> None:
        self.path = directory / f"validation-{key}.pickle"
        self.runs_path = directory / f"runs-{key}.pickle"
        self.secret = secret
        self.runs: dict[RunKey, RunResult] = _unpickle(_read(self.runs_path, secret), dict) or {}
        self._entries: Cache | None = None
        # Set by `entries` before `save` reads it (so "" in its place changes nothing).
        self._saved: dict[str, str] | None = None  # shown path: digest, as last read or written
        self._runs_changed = False  # (None would do as well: only its truth is read)

    @classmethod
    def open(cls, directory: Path, today: dt.date) -> ValidationCache | None:
        """The cache for `today` in `directory`, or None when no secret key can be kept (then
        validation simply runs without a cache)."""
        secret = _secret()
        # 24 hex digits name the files; any other length would serve as well.
        return None if secret is None else cls(directory, cache_key(today)[:24], secret)

    @property
    def entries(self) -> Cache:
        """Every file's result, read on first use (a whole-run hit never needs them)."""
        if self._entries is None:
            self._entries = _unpickle(_read(self.path, self.secret), dict) or {}
            self._saved = _digests(self._entries)
        return self._entries

    def recall(self, files: list[Path], today: dt.date) -> Catalog | None:
        """The diagnostics of an earlier run over exactly these files with these contents (its
        providers are not kept: callers that build pages load them through `entries`)."""
        if not self.runs:
            return None  # a cold cache: do not read every file twice
        key = run_key(files, today)
        found = self.runs.get(key) if key is not None else None  # (no run has the key None)
        return None if found is None else Catalog(today, [], list(found[0]), found[1])

    def remember(self, files: list[Path], catalog: Catalog) -> None:
        """Keep the diagnostics of a run that loaded `files` through `entries`."""
        key = self._run_key_from_entries(files)
        if key is None or key in self.runs:
            return
        self.runs = dict(list(self.runs.items())[-(KEEP_RUNS - 1):])
        self.runs[key] = (list(catalog.diagnostics), catalog.files)
        self._runs_changed = True

    def _run_key_from_entries(self, files: list[Path]) -> RunKey | None:
        """`run_key` from the digests just stored for `files`, without reading them again."""
        digest = hashlib.sha256()
        for path in files:
            shown = display_path(path)
            entry = self.entries.get(shown)
            if entry is None:  # unreadable or too large: never remembered
                return None
            digest.update(f"{shown}\0{entry[0]}\0".encode())
        return digest.hexdigest()

    def save(self) -> None:
        """Write what changed; a cache that cannot be written is skipped."""
        entries = self._entries
        stale = entries is not None and _digests(entries) != self._saved
        if stale and entries is not None and self._write(self.path, entries):
            self._saved = _digests(entries)
        if self._runs_changed and self._write(self.runs_path, self.runs):
            self._runs_changed = False  # (None would do as well)

    def _write(self, path: Path, value: object) -> bool:
        payload = pack(value)
        signature = hmac.new(self.secret, payload, hashlib.sha256).digest()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, MAGIC + signature + payload)
            _remove_old(path)
        except OSError:
            return False
        return True


def load(paths: list[Path], today: dt.date, directory: Path | None,
         providers: bool = True, show_progress: bool = False) -> Catalog:
    """`load_paths` through the cache in `directory` (None: no cache). Without `providers`,
    the diagnostics only (all that `iopdir validate` needs): from the result of an earlier run
    over the same files when there is one, and no provider is ever unpacked."""
    store = ValidationCache.open(directory, today) if directory is not None else None
    if store is None:
        return load_paths(paths, today, show_progress=show_progress, providers=providers)
    files = listing_files(paths)
    found = None if providers else store.recall(files, today)
    if found is not None:
        return found
    try:
        results = load_results(files, today, store.entries, show_progress)
        catalog = checked(results, today)
        store.remember(files, catalog)
        store.save()  # before the providers are unpacked: the cache keeps the bytes it was given
        if providers:
            add_providers(catalog, results)
    except DamagedResult:  # signed, yet not to be trusted: check every file again
        # The file was just read; missing_ok only covers another process removing it first.
        store.path.unlink(missing_ok=True)
        return load(files, today, directory, providers, show_progress)
    # The listings live as long as the command: later collections need not scan them again.
    # (Not in the MkDocs plugin: under `serve`, frozen objects that became garbage would stay.)
    gc.freeze()
    return catalog


def run_key(files: list[Path], today: dt.date) -> RunKey | None:
    """A digest of every file's path and content, or None when a file cannot be read or is too
    large to read (load_paths reports those)."""
    digest = hashlib.sha256()
    for path in files:
        # Never follows a link nor waits on a FIFO; the shown name is unused (a problem is
        # reported by load_paths, not here), so any other name changes nothing.
        raw = read_listing(path, "")
        if isinstance(raw, Diagnostic):
            return None
        digest.update(f"{display_path(path)}\0{file_digest(raw, today)}\0".encode())
    return digest.hexdigest()


def _digests(entries: Cache) -> dict[str, str]:
    return {shown: digest for shown, (digest, _) in entries.items()}


def cache_key(today: dt.date) -> str:
    """Changes whenever a result could: another version or source of iopdir, another schema,
    another day, another Python (pickles of one Python are read by the same one)."""
    digest = hashlib.sha256()
    # The separators only keep parts apart: any other bytes make an equally good key.
    for part in (generator.__version__, sys.version, today.isoformat()):
        digest.update(part.encode() + b"\0")
    digest.update(schema_check.SCHEMA_PATH.read_bytes())
    package = Path(generator.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _read(path: Path, secret: bytes) -> bytes:
    """The payload of a signed cache file; nothing when it is missing, foreign or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return b""  # (any bytes that do not unpickle would do: _unpickle then gives None)
    start = len(MAGIC) + 32
    signature, payload = data[len(MAGIC):start], data[start:]
    expected = hmac.new(secret, payload, hashlib.sha256).digest()
    if not data.startswith(MAGIC) or not hmac.compare_digest(signature, expected):
        return b""
    return payload


def _unpickle(data: bytes, kind: type[Any]) -> Any:
    """`data` unpickled if it holds a `kind`, else None (a damaged file of ours, or one made
    before the model changed: it is simply rebuilt)."""
    if not data:
        return None
    try:
        with gc_paused():
            value = unpack(data)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def _secret() -> bytes | None:
    """A random key made once per user, outside any project (a pull request cannot bring it)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "iopdir" / "cache-key"
    try:
        if not path.is_file() or path.stat().st_size < 32:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # (token_bytes() gives 32 bytes too; the length is written for the reader.)
            _write_atomically(path, secrets.token_bytes(32), mode=0o600)
        key = path.read_bytes()
    except OSError:
        return None
    # Checked above already, unless another process shortened the file in between.
    return key if len(key) >= 32 else None


def _write_atomically(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Readers see the old file or the new one, never half of one."""
    # Beside the file, so the rename never crosses file systems; the name only needs to be
    # unique (mutants of it, or the folder where /tmp shares the file system, survive).
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        tmp.chmod(mode)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # (it exists here: mkstemp made it)
        raise


def _remove_old(current: Path) -> None:
    """Caches of other keys not used for a week (yesterday's date, older code)."""
    now = time.time()
    for other in current.parent.glob(current.name.split("-")[0] + "-*.pickle"):
        if other != current and now - other.stat().st_mtime > KEEP_OLD_SECONDS:
            other.unlink(missing_ok=True)  # (for another process removing it first)
