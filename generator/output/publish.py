"""Write outputs so a failure leaves the last good one in place: build beside, then swap in."""

from __future__ import annotations

import ctypes
import glob
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

MARK = ".iopdir-output"  # a directory holding this file was written by iopdir and may be replaced


class OutputError(Exception):
    """The output directory cannot be replaced safely (exit code 2)."""


def replace_dir(target: Path, produce: Callable[[Path], None]) -> None:
    """Run `produce(tmp)` on a fresh sibling directory; on success swap it in for `target`.

    If `produce` raises, or the process is killed, `target` is untouched; the next run removes
    what a killed run left behind.
    """
    target = target.resolve()
    _check_replaceable(target)
    _clean_leftovers(target)
    tmp = _sibling(target, "new", os.getpid())
    tmp.mkdir(parents=True)
    try:
        produce(tmp)
        # The mark's text is for people; only the file's presence counts.
        note = "Written by iopdir; replaced whole on the next run.\n"  # pragma: no mutate
        (tmp / MARK).write_text(note)
    except BaseException:
        # A half-written directory that cannot go must never hide the build's error.
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap_in(tmp, target)


def _sibling(target: Path, kind: str, pid: int) -> Path:
    return target.with_name(f".{target.name}.{kind}-{pid}")


def _swap_in(tmp: Path, target: Path) -> None:
    """One atomic exchange where the system has it, so a server never finds `target` missing;
    elsewhere two renames, and `_clean_leftovers` repairs a run killed between them."""
    if target.exists() and _exchange(tmp, target):
        # It holds the previous output now; failing to remove it must not fail a published
        # build.
        shutil.rmtree(tmp, ignore_errors=True)
        return
    old = _sibling(target, "old", os.getpid())
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step with Linux's renameat2(RENAME_EXCHANGE); False if the
    system or the file system cannot, and then nothing has changed."""
    # Mutation testing runs on Linux with glibc: the two early returns are never reached there.
    if not sys.platform.startswith("linux"):
        return False  # pragma: no mutate
    try:
        renameat2 = ctypes.CDLL(None).renameat2
    except (OSError, AttributeError):  # not glibc 2.28+ or musl 1.2+
        return False  # pragma: no mutate
    # Equivalent mutants: ctypes converts these arguments the same way without argtypes, and
    # the directory descriptor (AT_FDCWD) is ignored for the absolute paths given.
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int,  # pragma: no mutate
                          ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100  # pragma: no mutate
    rename_exchange = 2
    return bool(renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b),
                          rename_exchange) == 0)


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<kind>new|old)-(?P<pid>[0-9]+)")


def _clean_leftovers(target: Path) -> None:
    """Remove what killed runs left beside `target` (runs still alive are left alone), and put
    back the previous output if a run was killed halfway through the two-rename swap."""
    for leftover in sorted(target.parent.glob(f".{glob.escape(target.name)}.*-*")):
        match = _LEFTOVER.fullmatch(leftover.name)
        if not match or match["name"] != target.name or _alive(int(match["pid"])):
            continue
        if match["kind"] == "old" and not target.exists():
            leftover.rename(target)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is not building anything yet
    if os.name != "posix":  # os.kill(pid, 0) would signal the process on Windows: never clean
        return True  # pragma: no mutate (never reached on the POSIX systems tests run on)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _check_replaceable(target: Path) -> None:
    """Refuse to replace a directory of someone else's files (a typo in --site-dir, say)."""
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(f"{target}: exists and is not a directory")
    if any(target.iterdir()) and not (target / MARK).exists() and not _looks_built(target):
        raise OutputError(f"{target}: not empty and not made by iopdir; choose another "
                          "directory or empty this one")


def _looks_built(target: Path) -> bool:
    """A site from an earlier MkDocs build (before iopdir marked its outputs)."""
    return (target / "sitemap.xml").exists() and (target / "index.html").exists()
