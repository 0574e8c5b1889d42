"""`iopdir serve` rebuilds when a listing changes, and keeps serving when one turns invalid."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.acceptance.http_wait import Served, fetch, free_port, wait_for
from tests.conftest import PROVIDERS, ROOT

PAGE = "providers/lanternfish-recovery-collective/"


def _fetch(url: str) -> str:
    return fetch(url, timeout=5)[1]


KEPT = "still showing the last valid listings"  # what serve logs when an edit is broken


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Served, str, Path]]:
    providers = tmp_path / "providers"
    shutil.copytree(PROVIDERS, providers)
    port = free_port()
    process = Served(["--providers", str(providers), "--dev-addr", f"127.0.0.1:{port}"], ROOT)
    try:
        yield process, f"http://127.0.0.1:{port}/", providers
    finally:
        stderr = process.stop()
        assert "Traceback" not in stderr, stderr


@pytest.fixture
def served(server: tuple[Served, str, Path]) -> tuple[str, Path]:
    return server[1], server[2]


def test_serve_rebuilds_when_a_listing_changes(served: tuple[str, Path]) -> None:
    url, providers = served
    wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace(
        "name: Lanternfish Recovery Collective", "name: Lanternfish Renamed Collective"))
    wait_for(lambda: "Lanternfish Renamed Collective" in _fetch(url + PAGE), "the rebuild")


def test_serve_keeps_the_last_good_site_when_a_listing_breaks(
        server: tuple[Served, str, Path]) -> None:
    process, url, providers = server
    wait_for(lambda: "Lanternfish Recovery Collective" in _fetch(url + PAGE), "the first build")
    listing = providers / "lanternfish-recovery-collective.yaml"
    listing.write_text(listing.read_text().replace('end: "21:00"', 'end: "25:00"', 1))
    wait_for(lambda: KEPT in process.stderr, "the rebuild to report the broken listing")
    assert "lanternfish-recovery-collective.yaml" in process.stderr.split(KEPT, 1)[1]
    status, body = fetch(url + PAGE, timeout=5)
    assert status == 200 and "Lanternfish Recovery Collective" in body
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


def test_a_server_that_ignores_sigint_is_still_stopped(tmp_path: Path) -> None:
    """Tests run as a background job start with SIGINT ignored: the helper must still stop
    the server (SIGTERM, then SIGKILL), so no server outlives its test."""
    shutil.copytree(PROVIDERS, tmp_path / "providers")
    port = free_port()
    process = Served(["--providers", str(tmp_path / "providers"),
                      "--dev-addr", f"127.0.0.1:{port}"], ROOT, sigint=signal.SIG_IGN)
    wait_for(lambda: fetch(f"http://127.0.0.1:{port}/", timeout=5)[0] == 200, "the first build")
    started = time.monotonic()
    process.stop(grace=5)
    assert process.process.returncode is not None
    assert time.monotonic() - started >= 5  # SIGINT was ignored: it took the next signal
    assert fetch(f"http://127.0.0.1:{port}/", timeout=5)[0] == 0
