"""One language's generated files, made in worker processes while the build goes on.

At national scale the provider pages take two seconds to render, the browse pages most of a
second and the data files (open data, the finder's index) another, all on the one core MkDocs
uses. On a machine with a spare core, forked workers make them instead: the data files written
straight into the site, the browse pages, then the provider pages in the order the build asks
for them, while MkDocs renders the pages already made. The workers are forks: they have the
listings without their being sent, and only the pages come back. This process then never holds
the data files, nor the garbage of making them, which would leave its memory fragmented for the
rest of the build.

Where fork is not available (Windows, and macOS by default), with one core, or for a small
directory, the caller makes the files itself (`worth_it`): they are the same either way.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.records import Provider
from generator.output import site
from generator.pages import browse, provider_page

WORKER_FROM = 300  # listings: below this, forking costs more than it saves
WORKERS = 2  # at most: one makes the data files while the other starts on the pages
CHUNK = 64  # provider pages per message
AHEAD = 8  # chunks asked for and not yet used: the pages this process holds before MkDocs does

Pages = dict[str, str]  # docs path: Markdown
Written = dict[str, str | None]  # docs path: Markdown, or None for a file written to site_dir


@dataclass
class _Job:
    """What the workers need, inherited through the fork (nothing of it is pickled)."""

    providers: list[Provider]
    today: dt.date
    repo_url: str | None
    lang: str
    languages: tuple[str, ...]
    related: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def data(self, site_dir: Path) -> Written:
        written: Written = {}
        for part in site.data_parts(self.providers, self.today, self.lang,
                                    self.lang == self.languages[0]):
            for path, content in part.items():
                if path.endswith(".md") and isinstance(content, str):
                    written[path] = content
                else:
                    site.write_file(site_dir / path, content)
                    written[path] = None
        return written

    def browse(self) -> Pages:
        return browse.generate(self.providers, self.lang)

    def pages(self, start: int, stop: int) -> Pages:
        root = site.data_root(self.lang, self.languages)
        return {provider_page.page_path(p.slug):
                provider_page.render(p, self.today, self.related.get(p.slug, ()), self.repo_url,
                                     self.lang, root)
                for p in self.providers[start:stop]}


_inherited: _Job | None = None  # set while the workers are forked


def _job() -> _Job:
    assert _inherited is not None, "run only in a worker forked by PageWorker"
    return _inherited


def _data(site_dir: str) -> Written:
    return _job().data(Path(site_dir))


def _browse() -> Pages:
    return _job().browse()


def _pages(start: int, stop: int) -> Pages:
    return _job().pages(start, stop)


class PageWorker:
    """One language's generated files: `data()` and `browse()` once each, then `page(path)` for
    each of `paths`, in any order (fastest in the order of `paths`). Once the workers are
    forked this process keeps nothing of the listings. A worker that fails fails the build with
    its error: a file is never left out."""

    def __init__(self, providers: list[Provider], today: dt.date, repo_url: str | None,
                 lang: str, languages: tuple[str, ...]) -> None:
        self.job: _Job | None = _Job(list(providers), today, repo_url, lang, languages,
                                     provider_page.related_sites(providers))
        self.paths = [provider_page.page_path(p.slug) for p in providers]
        self.chunk_of = {path: i // CHUNK for i, path in enumerate(self.paths)}
        self.chunks: dict[int, Future[Pages]] = {}
        self.ready: Pages = {}
        self.asked = 0  # chunks asked for so far
        self.pool: ProcessPoolExecutor | None = None
        self.data_files: Future[Written] | None = None
        self.browse_pages: Future[Pages] | None = None

    @staticmethod
    def worth_it(listings: int, cores: int | None = None) -> bool:
        spare = (os.cpu_count() or 1 if cores is None else cores) > 1
        forks = "fork" in multiprocessing.get_all_start_methods()
        return spare and forks and listings >= WORKER_FROM

    def start(self, site_dir: Path) -> None:
        """Fork the workers; ask for the data files (written into `site_dir`), the browse pages
        and the first provider pages."""
        global _inherited
        _inherited, self.job = self.job, None
        workers = min(WORKERS, os.cpu_count() or 1)
        try:
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            self.data_files = self.pool.submit(_data, str(site_dir))  # the forks happen here
        finally:
            _inherited = None
        self.browse_pages = self.pool.submit(_browse)
        self._ask_ahead(0)

    def data(self) -> Written:
        """The data files, once written (once: the future then lets go of what it holds)."""
        assert self.data_files is not None, "start() first, data() once"
        written, self.data_files = self.data_files.result(), None
        return written

    def browse(self) -> Pages:
        """The browse pages (once, like `data`)."""
        assert self.browse_pages is not None, "start() first, browse() once"
        pages, self.browse_pages = self.browse_pages.result(), None
        return pages

    def page(self, path: str) -> str:
        if path not in self.ready:
            chunk = self.chunk_of[path]
            self._ask_ahead(chunk)
            self.ready.update(self.chunks.pop(chunk).result())
        content = self.ready.pop(path)
        if not self.ready and not self.chunks and self.asked * CHUNK >= len(self.paths):
            self.close()  # every page is out
        return content

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _ask_ahead(self, chunk: int) -> None:
        """Ask for every chunk up to `chunk`, and a few after it."""
        assert self.pool is not None, "start() first"
        last = min(chunk + AHEAD, (len(self.paths) - 1) // CHUNK)
        while self.asked <= last:
            start = self.asked * CHUNK
            self.chunks[self.asked] = self.pool.submit(_pages, start, start + CHUNK)
            self.asked += 1
