"""Finding and reading listing files: regular files in the listings folder, read with a limit.

A listings folder comes from pull requests, so what sits in it is not trusted either. A symbolic
link could publish a file from anywhere on the build machine, or show its lines in error
messages; a FIFO would block a read forever and a device such as /dev/zero would fill memory.
So a listing is opened without following a link and without blocking, checked to be a regular
file on the opened descriptor (no race with a swap after the check), and read up to a hard byte
limit. Problems name the path only, never anything read from a target.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from generator.load import limits
from generator.load.diagnostics import Diagnostic, Severity

LISTING_SUFFIXES = (".yaml", ".yml")
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # absent on Windows, where links are rare
_NO_BLOCK = getattr(os, "O_NONBLOCK", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class UsageError(Exception):
    """The command was asked for something impossible (exit code 2), as opposed to bad data."""


def looks_like_listing(name: str) -> bool:
    """Names that are listings or were meant to be: any case of .yaml or .yml, hidden or not,
    so 'X.YAML' or '.yaml' get a message instead of being skipped in silence."""
    return name.lower().endswith(LISTING_SUFFIXES)


def split_name(name: str) -> tuple[str, str]:
    """('harbor-light', '.yaml'); ('', '.yaml') for a file named only '.yaml'."""
    stem, dot, suffix = name.rpartition(".")
    return (stem, dot + suffix) if dot else (name, "")


def listing_files(paths: Iterable[Path]) -> list[Path]:
    """The listing files named by `paths` (files, or directories scanned one level deep).
    Links and special files in a folder are kept, so reading them reports what they are; so is
    a folder named like a listing (the result can be passed here again unchanged)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not looks_like_listing(path.name):
            found.extend(path / name for name in sorted(
                entry.name for entry in os.scandir(path) if looks_like_listing(entry.name)))
        elif path.is_file() or path.is_symlink():
            found.append(path)
        elif path.exists():
            found.append(path)  # a FIFO or device named on the command line: reported as such
        else:
            raise UsageError(f"{path}: no such file or directory")
    return found


def read_listing(path: Path, shown: str) -> bytes | Diagnostic:
    """The file's bytes, or the one problem that stops it being read as a listing."""
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NO_BLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP or (not _NO_FOLLOW and path.is_symlink()):
            return _problem(shown, "is a symbolic link; a listing must be a regular file in "
                            "the listings folder: replace the link with the file itself")
        return _problem(shown, f"cannot read the file: {exc.strerror}")
    try:
        return _read_regular(fd, shown)
    except OSError as exc:
        return _problem(shown, f"cannot read the file: {exc.strerror}")
    finally:
        os.close(fd)


def _read_regular(fd: int, shown: str) -> bytes | Diagnostic:
    info = os.fstat(fd)  # of what was opened: no swap between a check and the read
    kind = next((name for test, name in _KINDS if test(info.st_mode)), None)
    if kind is not None or not stat.S_ISREG(info.st_mode):
        return _problem(shown, f"is {kind or 'not a regular file'}, not a listing file; "
                        "remove it from the listings folder")
    too_big = limits.size_problem(info.st_size, shown)
    if too_big:
        return too_big
    chunks: list[bytes] = []
    left = limits.MAX_BYTES + 1  # a file that grows while it is read stops here
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 16))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    raw = b"".join(chunks)
    return limits.size_problem(len(raw), shown) or raw


def _problem(shown: str, message: str) -> Diagnostic:
    return Diagnostic(shown, 1, 1, Severity.ERROR, message)
