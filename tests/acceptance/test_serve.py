"""`iopdir serve` rebuilds when a listing changes, and keeps serving when one turns invalid."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.acceptance.http_wait import fetch, free_port, wait_for
from tests.conftest import PROVIDERS, ROOT

PAGE = "providers/lanternfish-recovery-collective/"


def _fetch(url: str) -> str:
    return fetch(url, timeout=5)[1]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    providers = tmp_path / "providers"
    shutil.copytree(PROVIDERS, providers)
    port = free_port()
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
    wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace(
        "name: Lanternfish Recovery Collective", "name: Lanternfish Renamed Collective"))
    wait_for(lambda: "Lanternfish Renamed Collective" in _fetch(url + PAGE), "the rebuild")


def test_serve_keeps_the_last_good_site_when_a_listing_breaks(served: tuple[str, Path]) -> None:
    url, providers = served
    wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace('end: "21:00"', 'end: "25:00"', 1))
    time.sleep(4)  # time for a rebuild attempt
    assert "Lanternfish Recovery Collective" in _fetch(url + PAGE)
    listing.write_text(listing.read_text().replace('end: "25:00"', 'end: "21:00"').replace(
        "name: Lanternfish Recovery Collective", "name: Lanternfish Mended Collective"))
    wait_for(lambda: "Lanternfish Mended Collective" in _fetch(url + PAGE), "recovery")


def test_serve_refuses_to_start_on_invalid_listings(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "golden" / "invalid" / "bad-schedule.yaml", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--providers", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "bad-schedule.yaml:35:18: error:" in result.stderr
    assert "Traceback" not in result.stderr
