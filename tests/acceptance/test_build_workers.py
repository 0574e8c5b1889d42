"""A big directory's pages, browse pages and data files are made by forked workers while MkDocs
renders (output/page_worker.py), and its pages audited in another (output/audit_pool.py). The
thresholds are lowered here so the sample listings take that road: the site must be the very
same, byte for byte, and a worker's failure must fail the build and keep the last good site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.adapter.run import BuildFailed, build_site
from generator.load.catalog import load_paths
from generator.output import audit_pool, page_worker, publish
from generator.pages import provider_page
from tests.conftest import ROOT, TODAY

PROVIDERS = ROOT / "providers"


def _build(site: Path) -> None:
    build_site(ROOT / "mkdocs.yml", PROVIDERS, site, load_paths([PROVIDERS], today=TODAY),
               strict=True)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def made_here(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    site = tmp_path_factory.mktemp("here") / "site"
    _build(site)
    return _files(site)


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> list[page_worker.PageWorker]:
    """Workers for any number of listings, a few pages a message; the workers started."""
    monkeypatch.setattr(page_worker, "WORKER_FROM", 1)
    monkeypatch.setattr(page_worker, "CHUNK", 3)  # several messages, some asked for ahead
    monkeypatch.setattr(page_worker, "AHEAD", 1)
    monkeypatch.setattr(audit_pool, "WORKER_FROM", 1)
    started: list[page_worker.PageWorker] = []
    start = page_worker.PageWorker.start

    def spy(self: page_worker.PageWorker, site_dir: Path) -> None:
        started.append(self)
        start(self, site_dir)

    monkeypatch.setattr(page_worker.PageWorker, "start", spy)
    return started


def test_the_site_made_by_workers_is_the_site_made_here(
        made_here: dict[str, bytes], workers: list[page_worker.PageWorker],
        tmp_path: Path) -> None:
    if not page_worker.PageWorker.worth_it(len(list(PROVIDERS.glob("*.yaml")))):
        pytest.skip("this machine has one core, or no fork: the workers are never used")
    site = tmp_path / "site"
    _build(site)
    assert [w.job for w in workers] == [None, None]  # one for each language, the job handed on
    assert [w.pool for w in workers] == [None, None]  # and each stopped
    built = _files(site)
    assert sorted(built) == sorted(made_here)
    assert [path for path in built if built[path] != made_here[path]] == []


def _fails(*args: object, **kwargs: object) -> str:
    raise ValueError("a page that cannot be made")


def test_a_worker_that_fails_fails_the_build_and_keeps_the_last_good_site(
        made_here: dict[str, bytes], workers: list[page_worker.PageWorker],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    (site / publish.MARK).write_text("", encoding="utf-8")
    before = _files(site)
    monkeypatch.setattr(provider_page, "render", _fails)  # inherited by the forked workers
    with pytest.raises(BuildFailed):
        _build(site)
    assert re.search(r"iopdir: making providers/\S+\.md failed in a worker process: ValueError: "
                     "a page that cannot be made", caplog.text)
    assert workers and all(w.pool is None for w in workers)
    assert _files(site) == before
