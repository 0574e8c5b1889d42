"""A build killed halfway leaves the last good site byte for byte, and the next build cleans up.

The killed build works on 400 synthetic listings (benchmarks/synth.py), so it runs long enough to
be caught while MkDocs is writing pages into its temporary directory.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.synth import write_listings
from tests.acceptance.conftest import Run
from tests.conftest import PROVIDERS, ROOT, TODAY

SYNTHETIC = 400


def fingerprint(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def start_build(providers: Path, site: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--providers", str(providers),
         "--site-dir", str(site), "--today", TODAY.isoformat()],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_writing(build: subprocess.Popen[bytes], tmp: Path, timeout: float = 240) -> None:
    """Until the build has written pages into its temporary directory (and still runs)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert build.poll() is None, "the build ended before it could be interrupted"
        if tmp.is_dir() and any((tmp / "providers").glob("*/index.html")):
            return
        time.sleep(0.02)
    raise AssertionError(f"{tmp} had no pages after {timeout} s")


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(
        iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert iopdir("build", "--site-dir", site).returncode == 0
    before = fingerprint(site)
    assert len(before) > 30
    write_listings(tmp_path / "many", SYNTHETIC)

    build = start_build(tmp_path / "many", site)
    temporary = tmp_path / f".site.new-{build.pid}"
    wait_until_writing(build, temporary)
    build.send_signal(signal.SIGKILL)
    assert build.wait(timeout=30) == -signal.SIGKILL

    assert fingerprint(site) == before
    assert temporary.is_dir()  # what the killed build left behind

    rebuilt = iopdir("build", "--providers", PROVIDERS, "--site-dir", site)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many", "site"]
    assert set(fingerprint(site)) == set(before)
