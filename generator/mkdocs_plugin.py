"""The MkDocs adapter: the only module that imports MkDocs. It loads listings, fails the build on
invalid data, and serves the generated pages as virtual files (never written into docs/, which
would make `mkdocs serve` rebuild in a loop)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import site
from generator.catalog import Cache, Catalog, UsageError, load_paths
from generator.diagnostics import Severity, format_all

log = logging.getLogger("mkdocs.plugins.iopdir")


class IopDirConfig(Config):
    enabled = c.Type(bool, default=True)
    providers_dir = c.Type(str, default="providers")


class IopDirPlugin(BasePlugin[IopDirConfig]):
    """`plugins: [iopdir]` in mkdocs.yml.

    Because it defines `on_startup`, MkDocs keeps one instance for all the rebuilds of `serve`:
    the per-file cache makes an edit re-check only the changed file, and the last valid
    listings keep the pages on screen while an edit is broken (MkDocs would otherwise stall).
    """

    def __init__(self) -> None:
        super().__init__()
        self.preloaded: Catalog | None = None  # the CLI hands over what it already validated
        self.catalog: Catalog | None = None
        self.last_good: Catalog | None = None
        self.cache: Cache = {}
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def providers_path(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return (base / self.config.providers_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        self.catalog = (self.preloaded if self.preloaded is not None
                        else self._load(self.providers_path(config)))
        config.extra["iopdir_sample"] = any(p.sample for p in self.catalog.providers)
        return config

    def _load(self, path: Path) -> Catalog:
        try:
            catalog = load_paths([path], cache=self.cache)
        except UsageError as exc:
            raise PluginError(f"iopdir: {exc}") from exc
        report = format_all(catalog.diagnostics)
        if not catalog.ok and self.serving and self.last_good is not None:
            log.error("iopdir: the listings have errors; still showing the last valid "
                      "listings until they are fixed:\n%s", report)
            return self.last_good
        if not catalog.ok:
            raise PluginError("iopdir: the listings have errors; nothing was built:\n" + report)
        for diagnostic in catalog.diagnostics:
            if diagnostic.severity is Severity.WARNING:
                log.warning(diagnostic.format_text())
        self.last_good = catalog
        return catalog

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.catalog is None:
            return files
        generated = site.generate(self.catalog.providers, self.catalog.today)
        for path, content in generated.items():
            existing = files.get_file_from_path(path)
            if existing is not None:  # a hand-written page of the same name wins
                log.info("iopdir: docs/%s replaces the generated page", path)
                continue
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if not self.config.enabled or self.catalog is None:
            return markdown
        return site.expand_markers(markdown, self.catalog.providers)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            prune_search_index(Path(config.site_dir) / "search" / "search_index.json")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.providers_path(config)))
        return server


def prune_search_index(path: Path) -> None:
    """Drop the empty entries Material's search writes for headings inside excluded blocks (the
    program and track headings of provider pages): at national scale they are most entries."""
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
        docs = index["docs"]
    except (OSError, ValueError, KeyError, TypeError):
        return  # no search plugin, or a format this code does not know: leave it alone
    kept = [d for d in docs if not ("#" in d.get("location", "") and not d.get("text"))]
    if len(kept) != len(docs):
        index["docs"] = kept
        path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
