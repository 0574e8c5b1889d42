"""`iopdir serve` rebuilds incrementally yet stays correct: the pages that list every provider
follow an edit, a deleted listing's page goes, and a theme change reaches every page."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.acceptance.http_wait import Served, fetch, free_port, wait_for
from tests.conftest import PROVIDERS, ROOT

LISTING = "saguaro-wren-counseling-circle"
PAGE = f"providers/{LISTING}/"


def _shows(url: str, text: str) -> Callable[[], bool]:
    return lambda: text in fetch(url)[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site sources, so the test may edit the theme."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(PROVIDERS, tmp_path / "providers")
    return tmp_path


@pytest.fixture
def served(project: Path) -> Iterator[str]:
    port = free_port()
    process = Served(["--config", str(project / "mkdocs.yml"),
                      "--providers", str(project / "providers"), "--dev-addr",
                      f"127.0.0.1:{port}", "--cache-dir", str(project / ".iopdir-cache")], ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(_shows(url + PAGE, "Saguaro Wren Counseling Circle"), "the first build")
        yield url
    finally:
        stderr = process.stop()
        assert "Traceback" not in stderr, stderr


def test_an_edit_reaches_its_page_and_then_the_pages_that_list_it(
        served: str, project: Path) -> None:
    listing = project / "providers" / f"{LISTING}.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace(
        "name: Saguaro Wren Counseling Circle", "name: Saguaro Wren Renamed Circle"),
        encoding="utf-8")
    wait_for(_shows(served + PAGE, "Saguaro Wren Renamed Circle"), "the provider page")
    wait_for(_shows(served + "browse/states/az/", "Saguaro Wren Renamed Circle"),
              "the state's browse page")
    wait_for(_shows(served + "finder/index.json", "Saguaro Wren Renamed Circle"),
              "the finder's index")
    assert "Lanternfish Recovery Collective" in fetch(
        served + "providers/lanternfish-recovery-collective/")[1]


def test_a_deleted_listing_loses_its_page(served: str, project: Path) -> None:
    (project / "providers" / f"{LISTING}.yaml").unlink()
    wait_for(lambda: fetch(served + PAGE)[0] == 404, "the page to go")
    wait_for(lambda: _gone_from(served + "browse/states/az/", "Saguaro Wren"), "the browse page")


def _gone_from(url: str, text: str) -> bool:
    """The server answers, and the page no longer lists `text` (or no longer exists); a server
    that does not answer at all is not a page without the listing."""
    status, body = fetch(url)
    return status == 404 or (status == 200 and text not in body)


def test_a_configuration_change_rebuilds_every_page(served: str, project: Path) -> None:
    """A dirty rebuild would skip the provider pages; the plugin makes it a full one."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: IOP Program Finder", "site_name: IOP Finder Renamed", 1), encoding="utf-8")
    wait_for(_shows(served + PAGE, "IOP Finder Renamed"), "the provider page with the new name")
