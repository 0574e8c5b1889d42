"""`iopdir serve` at national scale: rebuild only what an edit changed.

MkDocs' dirty builds skip every page whose source file is older than its built page. Generated
pages live in memory, so MkDocs counts them as changed on every rebuild: a listing edit rebuilt
all 5,000 pages (about a minute). Here the generated files are written to a mirror directory,
and rewritten only when their content changed (generator/adapter/incremental.py), so a dirty rebuild
after an edit renders the edited provider's page and little else.

Two cases still need a full rebuild, which MkDocs' dirty mode would not do by itself: a changed
hand-written page, configuration or theme (the navigation on every page may change). Then the
built site is emptied first, so that every page counts as changed.

Each rebuild also skips costs that grow with the site: the file-system checks of whether each of
16,000 generated files changed (the mirror knows), and the sitemap and 404 page (kept from the
last full build: a new page is simply missing from the sitemap until the next one).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from generator.adapter.incremental import Incremental
from generator.load.catalog import Catalog
from generator.model import i18n


class ServeFiles:
    """The generated files of one language of the site, while serving."""

    def __init__(self, lang: str = i18n.SOURCE,
                 languages: Sequence[str] = (i18n.SOURCE,)) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="iopdir-serve-"))
        self.docs = self.root / "docs"
        self.trigger = self.root / "trigger"  # watched: touched when fresh browse pages are ready
        self.docs.mkdir()
        self.trigger.mkdir()
        self.incremental = Incremental(self.docs, self._ready, lang, languages)
        self._inputs: dict[str, float] | None = None
        self._static: dict[str, _ServeFile] = {}  # data files' File objects, reused
        self._rebuild_all = True

    def files(self, catalog: Catalog, config: MkDocsConfig) -> dict[str, File]:
        """The generated files as real files in the mirror, by docs path."""
        generated = self.incremental.generate(catalog.providers, catalog.today, config.site_url,
                                              config.repo_url)
        written, removed = self.incremental.sync(generated)
        for path in removed:  # a deleted listing: its built page goes too
            _remove_built(self._file(path, config))
        made: dict[str, File] = {}
        for path in generated:
            file = self._file(path, config)
            file.changed = self._rebuild_all or path in written
            made[path] = file
        self._rebuild_all = False
        return made

    def before_build(self, config: MkDocsConfig) -> None:
        """Before each dirty build: a full one if hand-written inputs changed."""
        if self.inputs_changed(config):
            empty_site_dir(config)
            self._rebuild_all = True
        else:  # kept from the last full build (they list or show every page)
            config.theme.static_templates.difference_update({"sitemap.xml", "404.html"})

    def after_build(self) -> None:
        self.incremental.start_pending()

    def _file(self, path: str, config: MkDocsConfig) -> _ServeFile:
        """A new File for a page (MkDocs attaches the page to it); the same one for a data file:
        making 11,000 of them on each rebuild took a third of a second at 5,000 listings."""
        if path.endswith(".md"):
            return _ServeFile(path, str(self.docs), config.site_dir, config.use_directory_urls)
        key = f"{config.site_dir}\0{path}"
        if key not in self._static:
            self._static[key] = _ServeFile(path, str(self.docs), config.site_dir,
                                           config.use_directory_urls)
        return self._static[key]

    def _ready(self) -> None:
        (self.trigger / "aggregates-ready").write_text(str(time.time()), encoding="utf-8")

    def inputs_changed(self, config: MkDocsConfig) -> bool:
        """Whether a hand-written page, the configuration or the theme changed since the last
        build (the first build counts as changed)."""
        inputs = _mtimes(config)
        changed = inputs != self._inputs
        self._inputs = inputs
        return changed

    def close(self) -> None:
        self.incremental.wait()
        shutil.rmtree(self.root, ignore_errors=True)


class _ServeFile(File):
    """A generated file that knows whether it changed (MkDocs would compare file times)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def _mtimes(config: MkDocsConfig) -> dict[str, float]:
    roots = [Path(config.docs_dir)]
    if config.theme.custom_dir:  # the installed theme does not change while serving
        roots.append(Path(config.theme.custom_dir))
    found = {}
    for root in roots:
        if root.is_dir():
            found.update({str(p): p.stat().st_mtime for p in root.rglob("*") if p.is_file()})
    if config.config_file_path:
        found[config.config_file_path] = Path(config.config_file_path).stat().st_mtime
    return found


def _remove_built(file: File) -> None:
    built = Path(file.abs_dest_path)
    built.unlink(missing_ok=True)
    if built.name == "index.html" and built.parent.is_dir() and not any(built.parent.iterdir()):
        built.parent.rmdir()


def empty_site_dir(config: MkDocsConfig) -> None:
    """Every page then counts as changed, even in a dirty build."""
    site_dir = Path(config.site_dir)
    if site_dir.is_dir():
        for child in site_dir.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
