"""Outputs are swapped in whole, and what a killed run leaves behind is cleaned up or repaired."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.output import publish
from generator.output.publish import replace_dir


def dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_site(path: Path, text: str) -> None:
    path.mkdir()
    (path / "index.html").write_text(text)
    (path / publish.MARK).write_text("")


def write_new(tmp: Path) -> None:
    (tmp / "index.html").write_text("new")


def siblings(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p != target)


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_successful_run_replaces_the_whole_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    write_site(site, "old")
    (site / "stale.html").write_text("gone after the run")
    replace_dir(site, write_new)
    assert sorted(p.name for p in site.iterdir()) == [publish.MARK, "index.html"]
    assert (site / "index.html").read_text() == "new"
    assert siblings(site) == []


def test_a_failed_run_leaves_the_directory_as_it_was(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, "old")

    def fail(tmp: Path) -> None:
        (tmp / "index.html").write_text("half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        replace_dir(site, fail)
    assert (site / "index.html").read_text() == "old"
    assert siblings(site) == []


@pytest.fixture
def other_run() -> Iterator[subprocess.Popen[str]]:
    """A process of our own standing for another build that is still running (never one we did
    not start: a bug that signals it then hurts nothing else, such as the test runner). It
    echoes each line it reads, so a reply shows it is alive and took no signal."""
    echo = "import sys\nfor line in sys.stdin: print(line, end='', flush=True)"
    child = subprocess.Popen([sys.executable, "-c", echo], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    yield child
    child.kill()
    child.communicate()  # closes both pipes, even one the child broke


def still_running(child: subprocess.Popen[str]) -> bool:
    assert child.stdin and child.stdout
    try:
        child.stdin.write("still there?\n")
        child.stdin.flush()
    except BrokenPipeError:
        return False
    return child.stdout.readline() == "still there?\n"


def test_leftovers_of_killed_runs_are_removed_and_those_of_running_ones_kept(
        tmp_path: Path, other_run: subprocess.Popen[str]) -> None:
    site = tmp_path / "site"
    write_site(site, "old")
    dead, running = dead_pid(), other_run.pid
    for name in (f".site.new-{dead}", f".site.old-{dead}", f".site.new-{running}",
                 f".other.new-{dead}", "notes"):
        (tmp_path / name).mkdir()
    replace_dir(site, write_new)
    assert siblings(site) == sorted([f".site.new-{running}", f".other.new-{dead}", "notes"])
    assert still_running(other_run), "looking for a running build must not disturb it"


def test_a_run_killed_between_the_two_renames_gets_the_old_output_back(
        tmp_path: Path) -> None:
    """Without renameat2, the swap is two renames; killed between them, `site` is missing and
    the last good output waits beside it. The next run puts it back before doing anything."""
    site = tmp_path / "site"
    write_site(tmp_path / f".site.old-{dead_pid()}", "last good")
    with pytest.raises(RuntimeError):
        replace_dir(site, lambda tmp: (_ for _ in ()).throw(RuntimeError("boom")))
    assert (site / "index.html").read_text() == "last good"
    assert siblings(site) == []


def test_exchange_swaps_two_directories_in_one_step(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux-only; elsewhere the two-rename swap is used")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from-a").touch()
    assert publish._exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]
    assert list((tmp_path / "a").iterdir()) == []


def test_the_site_is_never_missing_while_it_is_swapped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A web server reading `site` during a build always finds a whole site, old or new: no step
    of the swap deletes the published directory before its replacement is in place (where the
    system can exchange two directories in one step)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux-only; elsewhere the two-rename swap is used")
    site = tmp_path / "site"
    write_site(site, "old")
    seen: list[str] = []
    real_rmtree, real_rename = shutil.rmtree, Path.rename

    def served() -> str:
        index = site / "index.html"
        return index.read_text() if index.exists() else "MISSING"

    def rmtree(path: str | os.PathLike[str], ignore_errors: bool = False) -> None:
        real_rmtree(path)
        seen.append(served())

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        moved = real_rename(self, target)
        seen.append(served())
        return moved

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    monkeypatch.setattr(Path, "rename", rename)
    replace_dir(site, write_new)
    assert served() == "new"
    assert "MISSING" not in seen, seen
