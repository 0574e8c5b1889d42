"""Write outputs so a failure leaves the last good one in place: build beside, then swap in."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

MARK = ".iopdir-output"  # a directory holding this file was written by iopdir and may be replaced


class OutputError(Exception):
    """The output directory cannot be replaced safely (exit code 2)."""


def replace_dir(target: Path, produce: Callable[[Path], None]) -> None:
    """Run `produce(tmp)` on a fresh sibling directory; on success swap it in for `target`.

    If `produce` raises, `target` is untouched and the half-made directory is removed.
    """
    target = target.resolve()
    _check_replaceable(target)
    tmp = target.with_name(f".{target.name}.new-{os.getpid()}")
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    for leftover in (tmp, old):
        shutil.rmtree(leftover, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        produce(tmp)
        (tmp / MARK).write_text("Written by iopdir; replaced whole on the next run.\n")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


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
