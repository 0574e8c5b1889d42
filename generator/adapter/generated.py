"""The generated files of one language as MkDocs files, in the order `site.parts` gives them.

Pages stay in memory for MkDocs to render; data files (the open data, calendars, the finder's
index: most of the bytes at national scale) go straight to their place in site_dir, which
MkDocs allows, instead of sitting in memory until the end of the build. On a machine with a
spare core, a big directory's files are made by workers, the data files written there, while
MkDocs renders (output/page_worker.py): each provider page is then a file whose Markdown is
fetched when MkDocs first reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.model.records import Provider
from generator.output import site
from generator.output.page_worker import PageWorker

T = TypeVar("T")


class _MadeByWorker(File):
    """A provider page whose Markdown the worker makes; read once, like any generated page."""

    worker: PageWorker | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, worker: PageWorker) -> File:
        page = cls.generated(config, path, content="")
        assert isinstance(page, cls)
        page.worker = worker
        return page

    @property
    def content_string(self) -> str:
        if self.worker is not None:
            self._content = _from_worker(self.src_uri, partial(self.worker.page, self.src_uri))
            self.worker = None
        return File.content_string.fget(self)  # type: ignore[attr-defined,no-any-return]

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.worker = None
        File.content_string.fset(self, value)  # type: ignore[attr-defined]


def files(config: MkDocsConfig, providers: list[Provider], today: dt.date, lang: str,
          languages: Sequence[str], worker: PageWorker | None) -> Iterator[tuple[str, File]]:
    """Every generated file of `lang`; with a started `worker`, its pages come from it."""
    if worker is None:
        for part in site.parts(providers, today, config.site_url, config.repo_url, lang,
                               languages):
            for path in list(part):
                yield path, file_of(config, path, part.pop(path))
        return
    if lang == languages[0]:
        for path, content in site.site_files(config.site_url, languages).items():
            yield path, file_of(config, path, content)
    for path in worker.paths:
        yield path, _MadeByWorker.of(config, path, worker)
    for path, page in _from_worker("the browse pages", worker.browse).items():
        yield path, file_of(config, path, page)
    # The data files are on disk once this returns, before MkDocs copies any file.
    for path, written in _from_worker("the data files", worker.data).items():
        yield path, (File.generated(config, path, abs_src_path=str(Path(config.site_dir) / path))
                     if written is None else file_of(config, path, written))


def start_worker(providers: list[Provider], today: dt.date, repo_url: str | None, lang: str,
                 languages: Sequence[str], site_dir: str) -> PageWorker | None:
    """A worker making this language's pages, when it is worth one (see PageWorker.worth_it)."""
    if not PageWorker.worth_it(len(providers)):
        return None
    worker = PageWorker(providers, today, repo_url, lang, tuple(languages))
    worker.start(Path(site_dir))
    return worker


def _from_worker(what: str, get: Callable[[], T]) -> T:
    """What a worker made, or an error MkDocs reports as a failed build (not a traceback)."""
    try:
        return get()
    except Exception as exc:
        raise PluginError(f"iopdir: making {what} failed in a worker process: "
                          f"{type(exc).__name__}: {exc}") from exc


def file_of(config: MkDocsConfig, path: str, content: str | bytes) -> File:
    """A page stays in memory; a data file is written to its place in site_dir."""
    if path.endswith(".md"):
        return File.generated(config, path, content=content)
    target = Path(config.site_dir) / path
    site.write_file(target, content)
    return File.generated(config, path, abs_src_path=str(target))
