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
from tests.conftest import ROOT


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
    echoes each line it reads, so a reply shows it is alive and took no signal. It takes the
    default action for every signal even when started under nohup or as a background job."""
    echo = ("import signal, sys\n"
            "for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):\n"
            "    signal.signal(s, signal.SIG_DFL)\n"
            "print('ready', flush=True)\n"
            "for line in sys.stdin: print(line, end='', flush=True)")
    child = subprocess.Popen([sys.executable, "-c", echo], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout and child.stdout.readline() == "ready\n"
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


def test_a_build_killed_while_writing_is_cleaned_up_by_the_next_one(tmp_path: Path) -> None:
    """A build writes beside the site; while it runs another build leaves its directory alone,
    and once it is killed the next build removes what it wrote."""
    site = tmp_path / "site"
    write_site(site, "old")
    writing = ("import sys, time\nfrom pathlib import Path\n"
               "from generator.output.publish import replace_dir\n"
               "replace_dir(Path(sys.argv[1]), lambda tmp: (print(tmp, flush=True), "
               "time.sleep(120)))")
    build = subprocess.Popen([sys.executable, "-c", writing, str(site)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert build.stdout
        written = Path(build.stdout.readline().strip())
        assert written.parent == tmp_path and written.is_dir()
        replace_dir(site, write_new)
        assert written.is_dir(), "a build still running keeps what it is writing"
    finally:
        build.kill()
        build.communicate()
    replace_dir(site, write_new)
    assert siblings(site) == []
    assert (site / "index.html").read_text() == "new"


def test_a_run_stopped_between_the_two_renames_is_repaired_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without renameat2: stopped after moving the site aside, before moving the new one in.
    The next run first puts the last good site back, then replaces it."""
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    write_site(site, "old")
    real_rename = Path.rename

    def stopped_before_the_new_one(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target) == site:
            raise KeyboardInterrupt  # stands for the process being killed here
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", stopped_before_the_new_one)
    with pytest.raises(KeyboardInterrupt):
        replace_dir(site, write_new)
    assert not site.exists()
    monkeypatch.setattr(Path, "rename", real_rename)
    served_during_the_next_run: list[str] = []

    def next_run(tmp: Path) -> None:
        served_during_the_next_run.append((site / "index.html").read_text())
        write_new(tmp)

    replace_dir(site, next_run)
    assert served_during_the_next_run == ["old"]
    assert (site / "index.html").read_text() == "new"
    assert siblings(site) == []


def test_a_site_directory_whose_parents_do_not_exist_yet_is_made(tmp_path: Path) -> None:
    site = tmp_path / "out" / "public" / "site"
    replace_dir(site, write_new)
    assert (site / "index.html").read_text() == "new"


def test_names_that_only_look_like_leftovers_are_left_alone(tmp_path: Path) -> None:
    """Beside `site`: another site's leftover (`site.x`), a file named like a leftover, and
    notes with a dash. None is this site's, and none stops the build."""
    site = tmp_path / "site"
    write_site(site, "old")
    dead = dead_pid()
    (tmp_path / f".site.x.new-{dead}").mkdir()  # the site `site.x` was being built
    (tmp_path / f".site.old-{dead}").write_text("not a directory")
    (tmp_path / ".site.notes-v2").mkdir()
    replace_dir(site, write_new)
    assert siblings(site) == sorted([f".site.x.new-{dead}", f".site.old-{dead}",
                                     ".site.notes-v2"])


@pytest.mark.parametrize("made", [
    {"notes.txt": "mine"}, {"index.html": "a page of mine"}, {"sitemap.xml": "<urlset/>"},
])
def test_a_directory_of_someone_elses_files_is_never_replaced(
        tmp_path: Path, made: dict[str, str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name, text in made.items():
        (site / name).write_text(text)
    with pytest.raises(publish.OutputError) as refused:
        replace_dir(site, write_new)
    assert str(refused.value) == (f"{site}: not empty and not made by iopdir; choose another "
                                  "directory or empty this one")
    assert {p.name: p.read_text() for p in site.iterdir()} == made


def test_a_file_in_the_way_is_refused_with_its_name(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("a file, not a directory")
    with pytest.raises(publish.OutputError) as refused:
        replace_dir(site, write_new)
    assert str(refused.value) == f"{site}: exists and is not a directory"
    assert site.read_text() == "a file, not a directory"


def test_an_empty_directory_or_a_site_from_an_earlier_mkdocs_build_is_replaced(
        tmp_path: Path) -> None:
    empty, built = tmp_path / "empty", tmp_path / "built"
    empty.mkdir()
    built.mkdir()
    (built / "index.html").write_text("old")
    (built / "sitemap.xml").write_text("<urlset/>")
    for site in (empty, built):
        replace_dir(site, write_new)
        assert sorted(p.name for p in site.iterdir()) == [publish.MARK, "index.html"]


def test_leftovers_of_another_users_running_build_are_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signal 0 to another user's process is refused (EPERM): it is running, so its files stay."""
    def refused(pid: int, signal: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    site = tmp_path / "site"
    write_site(site, "old")
    (tmp_path / ".site.new-4242").mkdir()
    monkeypatch.setattr(os, "kill", refused)
    replace_dir(site, write_new)
    assert siblings(site) == [".site.new-4242"]


def _refuse_removal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Directories that cannot be removed (another user's files in them, a read-only mount)."""
    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(os, "rmdir", refuse)


def test_a_published_build_stands_when_the_previous_output_cannot_be_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    write_site(site, "old")
    _refuse_removal(monkeypatch)
    replace_dir(site, write_new)
    assert (site / "index.html").read_text() == "new"


def test_a_failed_build_reports_its_own_error_when_its_half_written_output_cannot_go(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    write_site(site, "old")

    def fail(tmp: Path) -> None:
        (tmp / "index.html").write_text("half")
        raise RuntimeError("boom")

    _refuse_removal(monkeypatch)
    with pytest.raises(RuntimeError, match="boom"):
        replace_dir(site, fail)
    assert (site / "index.html").read_text() == "old"
