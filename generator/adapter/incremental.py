"""Generation for `iopdir serve`: after an edit, only what changed is made and written again.

A full generation of 5,000 listings takes seconds; a person who saves a listing wants to see its
page at once. So a serve loop keeps, between rebuilds:

- each provider's page, rendered again only when its listing (the Provider object the validation
  cache hands back unchanged) or what the page shows of other listings changed;
- the aggregated files (browse pages, finder index, open data), which depend on every listing:
  after an edit the previous ones are used at once, and once that rebuild is done fresh ones are
  made in a background thread; when they are ready `on_ready` is called (the MkDocs adapter
  touches a watched file, which starts a second, quick rebuild);
- a mirror of the generated files on disk, rewritten only when their content changed, so MkDocs'
  dirty builds (which compare file times) rebuild only the changed pages.

One Incremental serves one language of the site (the plugin keeps one per language).

Pure Python, no MkDocs: the MkDocs side is plugin.py beside it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.model import i18n
from generator.model.records import Provider
from generator.output import site
from generator.pages import provider_page

Files = dict[str, str | bytes]


class Incremental:
    def __init__(self, mirror: Path, on_ready: Callable[[], None], lang: str = i18n.SOURCE,
                 languages: Sequence[str] = (i18n.SOURCE,)) -> None:
        self.mirror = mirror
        self.on_ready = on_ready
        self.lang, self.languages = lang, tuple(languages)
        self.first = lang == self.languages[0]
        self.data_root = site.data_root(lang, self.languages)
        self._pages: dict[str, tuple[Provider, Any, str]] = {}  # slug: (provider, related, page)
        # The aggregated files, with the listings and the day they were made for.
        self._aggregates: tuple[list[Provider], dt.date, Files] | None = None
        self._worker: threading.Thread | None = None
        self._pending: tuple[list[Provider], dt.date] | None = None  # stale: to be made again
        self._lock = threading.Lock()
        self._written: Files = {}

    def generate(self, providers: list[Provider], today: dt.date,
                 site_url: str | None, repo_url: str | None = None) -> Files:
        """What site.generate returns, reusing what did not change."""
        pages = site.provider_pages(providers, today, render=self._render, repo_url=repo_url,
                                    lang=self.lang, data_root=self.data_root)
        alive = {id(p) for p in providers}  # those kept in _pages cannot be freed: ids are safe
        self._pages = {slug: kept for slug, kept in self._pages.items() if id(kept[0]) in alive}
        own = site.site_files(site_url, self.languages) if self.first else {}
        return {**own, **pages, **self._current(providers, today)}

    def _render(self, provider: Provider, today: dt.date, related: Any,
                repo_url: str | None, *rest: Any) -> str:
        kept = self._pages.get(provider.slug)
        if kept is not None and kept[0] is provider and kept[1] == (related, today, repo_url):
            return kept[2]
        page = provider_page.render(provider, today, related, repo_url, *rest)
        self._pages[provider.slug] = (provider, (related, today, repo_url), page)
        return page

    def _current(self, providers: list[Provider], today: dt.date) -> Files:
        """Fresh aggregates if they are ready; otherwise the last ones, and fresh ones are due
        (`start_pending`). The first time, they are made at once."""
        with self._lock:
            done = self._aggregates
        if done is None:
            fresh = site.aggregates(providers, today, self.lang, self.first)
            with self._lock:
                self._aggregates = (list(providers), today, fresh)
            return fresh
        if not _same(done[0], providers) or done[1] != today:
            self._pending = (list(providers), today)
        return done[2]

    def start_pending(self) -> None:
        """Make the stale aggregates again, in the background. Called once the rebuild that
        shows the edited page is done: the thread would otherwise slow it down (one GIL)."""
        if self._pending is None or (self._worker is not None and self._worker.is_alive()):
            return  # the rebuild the running one triggers will start the next one
        providers, today = self._pending
        self._pending = None

        def work() -> None:
            fresh = site.aggregates(providers, today, self.lang, self.first)
            with self._lock:
                self._aggregates = (providers, today, fresh)
            self.on_ready()

        self._worker = threading.Thread(target=work, name="iopdir-aggregates", daemon=True)
        self._worker.start()

    def wait(self) -> None:
        """For tests and shutdown: until the background generation (if any) is done."""
        if self._worker is not None:
            self._worker.join()

    def sync(self, files: Files) -> tuple[set[str], set[str]]:
        """Write into the mirror the files whose content changed and delete the ones that are
        gone; returns (written, removed) paths."""
        written = {path for path, content in files.items()
                   if self._written.get(path) != content}
        removed = set(self._written) - set(files)
        for path in written:
            target = self.mirror / path
            target.parent.mkdir(parents=True, exist_ok=True)
            content = files[path]
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        for path in removed:
            (self.mirror / path).unlink(missing_ok=True)
        self._written = dict(files)
        return written, removed


def _same(old: list[Provider], new: list[Provider]) -> bool:
    """The same listings: unchanged files give back the very same Provider objects."""
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))
