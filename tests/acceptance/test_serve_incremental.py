"""`iopdir serve` rebuilds incrementally yet stays correct: the pages that list every provider
follow an edit, a deleted listing's page goes, and a theme change reaches every page."""

from __future__ import annotations

import shutil
import signal
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

LISTING = "saguaro-wren-counseling-circle"
PAGE = f"providers/{LISTING}/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body: bytes = response.read()
            return response.status, body.decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def _wait_for(check: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def _shows(url: str, text: str) -> Callable[[], bool]:
    return lambda: text in _fetch(url)[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site sources, so the test may edit the theme."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(PROVIDERS, tmp_path / "providers")
    return tmp_path


@pytest.fixture
def served(project: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--config", str(project / "mkdocs.yml"),
         "--providers", str(project / "providers"), "--dev-addr", f"127.0.0.1:{port}",
         "--cache-dir", str(project / ".iopdir-cache")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(_shows(url + PAGE, "Saguaro Wren Counseling Circle"), "the first build")
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr, stderr


def test_an_edit_reaches_its_page_and_then_the_pages_that_list_it(
        served: str, project: Path) -> None:
    listing = project / "providers" / f"{LISTING}.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace(
        "name: Saguaro Wren Counseling Circle", "name: Saguaro Wren Renamed Circle"),
        encoding="utf-8")
    _wait_for(_shows(served + PAGE, "Saguaro Wren Renamed Circle"), "the provider page")
    _wait_for(_shows(served + "browse/states/az/", "Saguaro Wren Renamed Circle"),
              "the state's browse page")
    _wait_for(_shows(served + "finder/index.json", "Saguaro Wren Renamed Circle"),
              "the finder's index")
    assert "Lanternfish Recovery Collective" in _fetch(
        served + "providers/lanternfish-recovery-collective/")[1]


def test_a_deleted_listing_loses_its_page(served: str, project: Path) -> None:
    (project / "providers" / f"{LISTING}.yaml").unlink()
    _wait_for(lambda: _fetch(served + PAGE)[0] == 404, "the page to go")
    _wait_for(lambda: "Saguaro Wren" not in _fetch(served + "browse/states/az/")[1]
              or _fetch(served + "browse/states/az/")[0] == 404, "the browse page")


def test_a_configuration_change_rebuilds_every_page(served: str, project: Path) -> None:
    """A dirty rebuild would skip the provider pages; the plugin makes it a full one."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: IOP Program Finder", "site_name: IOP Finder Renamed", 1), encoding="utf-8")
    _wait_for(_shows(served + PAGE, "IOP Finder Renamed"), "the provider page with the new name")
