"""The audit beside the build: in a worker it finds what it finds here, in the same order, and a
broken worker loses no page."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from generator.output import audit, audit_pool
from generator.output.audit_pool import Auditor
from tests.unit.test_audit import OWN, page

BAD = ['<img src="a.png" onerror="x()">', '<a href="javascript:alert(1)">x</a>',
       '<img src="https://evil.example.com/p.png">', "<p>nothing wrong</p>"]


def _pages(count: int) -> list[tuple[str, str]]:
    return [(page(f"<h1>Page {i}</h1>{BAD[i % len(BAD)]}"), f"p{i}/index.html")
            for i in range(count)]


def _expected(pages: list[tuple[str, str]]) -> list[audit.Finding]:
    return [found for html, dest in pages for found in audit.audit_page(html, dest, OWN)]


def test_a_big_site_is_audited_in_a_worker_with_the_same_findings_in_order() -> None:
    pages = _pages(audit_pool.BATCH * (audit_pool.IN_FLIGHT + 2) + 3)  # partial last batch
    auditor = Auditor(OWN, audit_pool.WORKER_FROM, cores=2)
    try:
        assert auditor.in_worker
        for html, dest in pages:
            auditor.add(html, dest)
        found = auditor.findings()
        assert auditor.findings() == []  # each finding is given once
    finally:
        auditor.close()
    assert found == _expected(pages)
    assert len(found) == sum(1 for i in range(len(pages)) if i % len(BAD) != 3)  # one a page,
    # but on the harmless ones


@pytest.mark.parametrize(("pages", "cores"), [(audit_pool.WORKER_FROM - 1, 2),
                                              (audit_pool.WORKER_FROM, 1)])
def test_a_small_site_or_one_core_is_audited_here(pages: int, cores: int) -> None:
    auditor = Auditor(OWN, pages, cores=cores)
    assert not auditor.in_worker
    html, dest = _pages(1)[0]
    auditor.add(html, dest)
    assert auditor.findings() == _expected([(html, dest)])


def _failed(*_: Any) -> Future[list[audit.Finding]]:
    future: Future[list[audit.Finding]] = Future()
    future.set_exception(RuntimeError("the worker was killed"))
    return future


def test_batches_a_broken_worker_did_not_audit_are_audited_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(audit_pool.BATCH * 3)
    auditor = Auditor(OWN, audit_pool.WORKER_FROM, cores=2)
    try:
        assert auditor.pool is not None
        monkeypatch.setattr(auditor.pool, "submit", _failed)
        for html, dest in pages:
            auditor.add(html, dest)
        assert auditor.findings() == _expected(pages)
    finally:
        auditor.close()


def test_a_worker_that_refuses_work_leaves_the_rest_to_this_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _pages(audit_pool.BATCH * 2)
    auditor = Auditor(OWN, audit_pool.WORKER_FROM, cores=2)

    def broken(*_: Any) -> None:
        raise RuntimeError("cannot schedule new futures after shutdown")

    try:
        assert auditor.pool is not None
        monkeypatch.setattr(auditor.pool, "submit", broken)
        for html, dest in pages:
            auditor.add(html, dest)
        assert not auditor.in_worker
        assert auditor.findings() == _expected(pages)
    finally:
        auditor.close()


def test_documents_on_disk_are_audited_in_the_order_given(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
                                    encoding="utf-8")
    (tmp_path / "b.html").write_text(BAD[1], encoding="utf-8")
    auditor = Auditor(OWN, 0)
    auditor.add_files(tmp_path, ["b.html", "missing.xml", "a.svg"])
    assert [f.page for f in auditor.findings()] == ["b.html", "a.svg"]


def test_findings_name_the_listing_they_most_likely_came_from() -> None:
    found = [audit.Finding("providers/a/index.html", "bad"),
             audit.Finding("browse/index.html", "worse", near="b"),
             audit.Finding("index.html", "odd")]
    assert audit_pool.described(found, {"a": "providers/a.yaml"}) == [
        "providers/a/index.html: bad (listing providers/a.yaml)",
        "browse/index.html: worse", "index.html: odd"]
