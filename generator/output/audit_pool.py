"""The audit beside the build: MkDocs renders pages on one core, and a big site's audit (about a
fifth of a national build's time) runs meanwhile in one worker process on a spare core.

Small sites, and machines with one core, are audited in this process: starting a worker would
cost more than it saves. Pages go to the worker in small batches, and only a few batches are in
flight at once, so the HTML held in memory stays small. A batch the worker could not audit (it
died, or was killed for memory) is audited here: no page goes unaudited.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Collection, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from generator.output.audit import Finding, audit_page

WORKER_FROM = 300  # pages: below this, a worker's start-up (a few tenths of a second) outweighs
BATCH = 16  # pages sent to the worker at once: one message each costs more than the pickling
IN_FLIGHT = 4  # batches sent and not yet back: the HTML this process holds for them

Page = tuple[str, str]  # its HTML and its path in the site


def described(found: Iterable[Finding], listing_paths: dict[str, str]) -> list[str]:
    """One line per finding, naming the listing file it most likely came from."""
    return [finding.describe(listing_paths.get(slug) if (slug := finding.listing_slug) else None)
            for finding in found]


def audit_batch(pages: list[Page], own_hosts: tuple[str, ...]) -> list[Finding]:
    """Every finding of a batch of pages, in their order (run in the worker)."""
    return [found for html, dest in pages for found in audit_page(html, dest, own_hosts)]


class Auditor:
    """Collects the findings of the pages given to `add`, in the order they were given."""

    def __init__(self, own_hosts: Collection[str], pages: int, cores: int | None = None) -> None:
        self.own = tuple(own_hosts)
        self.found: list[Finding] = []
        self.batch: list[Page] = []
        self.sent: deque[tuple[list[Page], Future[list[Finding]]]] = deque()
        spare = (os.cpu_count() or 1 if cores is None else cores) > 1
        self.pool = (ProcessPoolExecutor(1, mp_context=_context())
                     if spare and pages >= WORKER_FROM else None)

    @property
    def in_worker(self) -> bool:
        return self.pool is not None

    def add(self, html: str, dest: str) -> None:
        if self.pool is None:
            self.found += audit_page(html, dest, self.own)
            return
        self.batch.append((html, dest))
        if len(self.batch) >= BATCH:
            self._send(self.pool)

    def add_files(self, site_dir: Path, dests: Iterable[str]) -> None:
        """Files copied as they are (HTML, SVG, XML documents in docs/), once they are written."""
        for dest in dests:
            path = site_dir / dest
            if path.is_file():
                self.add(path.read_text(encoding="utf-8", errors="replace"), dest)

    def findings(self) -> list[Finding]:
        """Every finding since the last call, once the worker has caught up."""
        if self.pool is not None:
            self._send(self.pool)
        while self.sent:
            self._receive()
        found, self.found = self.found, []
        return found

    def close(self) -> None:
        """Stop the worker; what was not yet collected is dropped."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.sent.clear()
        self.batch = []

    def _stop_worker(self) -> None:
        while self.sent:
            self._receive()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def _send(self, pool: ProcessPoolExecutor) -> None:
        batch, self.batch = self.batch, []
        if batch:
            try:
                self.sent.append((batch, pool.submit(audit_batch, batch, self.own)))
            except RuntimeError:  # the worker broke: the rest is audited here, in order
                self._stop_worker()
                self.found += audit_batch(batch, self.own)
                return
        while self.sent and (len(self.sent) > IN_FLIGHT or self.sent[0][1].done()):
            self._receive()

    def _receive(self) -> None:
        pages, future = self.sent.popleft()
        try:
            self.found += future.result()
        except Exception:  # a broken worker, whatever broke it: audit here (a bug raises again)
            self.found += audit_batch(pages, self.own)


def _context() -> multiprocessing.context.BaseContext:
    """A fresh worker, not a fork of this process: a fork of a build holding hundreds of
    megabytes would count them again in its own resident memory, and forking a process with
    threads (`serve` runs some) can deadlock."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports this module, not the program's main script (the default).
    context.set_forkserver_preload([__name__])
    return context
