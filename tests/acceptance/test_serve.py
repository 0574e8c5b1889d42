"""`iopdir serve` rebuilds when a listing changes, and keeps serving when one turns invalid."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import PROVIDERS, ROOT

PAGE = "providers/lanternfish-recovery-collective/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait_for(check: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    providers = tmp_path / "providers"
    shutil.copytree(PROVIDERS, providers)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--providers", str(providers),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", providers
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
        assert "Traceback" not in stderr, stderr


def test_serve_rebuilds_when_a_listing_changes(served: tuple[str, Path]) -> None:
    url, providers = served
    _wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace(
        "name: Lanternfish Recovery Collective", "name: Lanternfish Renamed Collective"))
    _wait_for(lambda: "Lanternfish Renamed Collective" in _fetch(url + PAGE), "the rebuild")


def test_serve_keeps_the_last_good_site_when_a_listing_breaks(served: tuple[str, Path]) -> None:
    url, providers = served
    _wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace('end: "21:00"', 'end: "25:00"', 1))
    time.sleep(4)  # time for a rebuild attempt
    assert "Lanternfish Recovery Collective" in _fetch(url + PAGE)
    listing.write_text(listing.read_text().replace('end: "25:00"', 'end: "21:00"').replace(
        "name: Lanternfish Recovery Collective", "name: Lanternfish Mended Collective"))
    _wait_for(lambda: "Lanternfish Mended Collective" in _fetch(url + PAGE), "recovery")


def test_serve_refuses_to_start_on_invalid_listings(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "golden" / "invalid" / "bad-schedule.yaml", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--providers", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "bad-schedule.yaml:35:18: error:" in result.stderr
    assert "Traceback" not in result.stderr
