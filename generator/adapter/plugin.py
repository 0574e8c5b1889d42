"""The MkDocs adapter: the only module that imports MkDocs. It loads listings, fails the build on
invalid data, and serves the generated pages as virtual files (never written into docs/, which
would make `mkdocs serve` rebuild in a loop). A site in several languages (`languages`) is built
once per language, the first at the root and each other one in its folder (alternates.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.adapter import alternates, assets, generated, theme_text
from generator.adapter.serve import ServeFiles
from generator.finder import search_index
from generator.load import progress
from generator.load.catalog import Cache, Catalog, UsageError, forget_checked_values, load_paths
from generator.load.diagnostics import Severity, format_all
from generator.model import i18n, zips
from generator.output import audit, audit_pool, hosting, languages, site, theme, theme_scripts
from generator.output.audit_pool import Auditor
from generator.output.page_worker import PageWorker
from generator.pages import headings, outbound, provider_page, theme_words

log = logging.getLogger("mkdocs.plugins.iopdir")


class IopDirConfig(Config):
    enabled = c.Type(bool, default=True)
    providers_dir = c.Type(str, default="providers")
    # The site's languages, the first (theme.language) at the root, e.g. [en, es]; none: only
    # theme.language.
    languages = c.ListOfItems(c.Type(str), default=[])


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
        self.script_hashes: set[str] = set()  # of inline scripts, for the CSP in _headers
        self.search_entries: dict[str, search_index.Entry] = {}  # of provider pages by src_uri
        self.languages_offered: set[str] = set()  # language codes of any program, for search
        self.markers: dict[str, str] = {}  # what each <!-- iopdir:NAME --> marker becomes
        self.browse_pages: set[str] = set()
        self.generated_pages: set[str] = set()
        self.page_urls: dict[str, str] = {}  # of the generated pages, by src_uri
        self.serve_files: ServeFiles | None = None  # this language's files on disk, in serve
        self.serve_by_lang: dict[str, ServeFiles] = {}
        self.languages: list[str] = [i18n.SOURCE]  # the site's, the first at its root
        self.lang = i18n.SOURCE  # the language being built
        self.pages: dict[str, set[str]] = {}  # the pages each language has (docs paths)
        self.site_url: str | None = None  # the first language's
        self.dirty = False
        self.auditor: Auditor | None = None  # of this language's build
        self.page_worker: PageWorker | None = None  # making this language's pages, if any
        self.static_documents: list[str] = []  # copied as they are (HTML, SVG, XML): audited after
        self.listing_paths: dict[str, str] = {}  # slug: listing file, to name it in findings
        self.trusted = theme_scripts.TrustedScripts(())  # set from the theme in on_config
        self.show_progress = False  # `iopdir build` on a terminal or in CI: pages built so far
        self.progress: progress.Progress | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_shutdown(self) -> None:
        for files in self.serve_by_lang.values():
            files.close()

    @property
    def first(self) -> bool:
        """Whether this build is the site's first language (the root, with the data files)."""
        return self.lang == self.languages[0]

    def providers_path(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return (base / self.config.providers_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        if not config.use_directory_urls:
            raise PluginError("iopdir: generated pages link to each other with directory URLs; "
                              "set use_directory_urls: true in mkdocs.yml")
        # The built-in overrides come after the project's own custom_dir, before Material.
        if str(theme.OVERRIDES) not in config.theme.dirs:  # once: each language runs this
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(theme.OVERRIDES))
        # Inline scripts a page may run: those the theme's templates write, nothing else.
        self.trusted = theme_scripts.from_templates(config.theme.dirs)
        theme_text.escape_config(config)
        assets.add_builtin(config)
        if self.lang == self.languages[0] or self.catalog is None:  # not another language's
            self.languages = alternates.site_languages(self.config.languages,
                                                       config.theme["language"])
            self.lang = self.languages[0]
            self.site_url = config.site_url
            self.catalog = (self.preloaded if self.preloaded is not None
                            else self._load(self.providers_path(config)))
        if self.serving:
            self.serve_files = self.serve_by_lang.setdefault(
                self.lang, ServeFiles(self.lang, self.languages))
        sample = any(p.sample for p in self.catalog.providers)
        config.extra["iopdir_sample"] = sample
        config.extra["iopdir_ui"] = theme_words.ui(
            self.lang, sample, languages.roots(self.site_url, self.languages))
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
        project = [f.src_uri for f in files if f.src_dir == config.docs_dir]
        if self.first:
            self.pages = {lang: theme.pages_of(lang, self.languages, project)
                          for lang in self.languages}
        files = alternates.language_files(files, config, self.lang, self.languages)
        hand_written = {file.src_uri for file in files}
        self.static_documents = [file.dest_uri for file in files
                            if file.src_uri.lower().endswith(audit.DOCUMENT_SUFFIXES)
                            and not file.is_documentation_page()]
        added = dict(self._generated_files(config, hand_written))
        for file in added.values():
            files.append(file)
        self._note_pages(added)
        if self.first:  # every language has the same generated pages
            for found in self.pages.values():
                found |= self.generated_pages
        self.markers = site.marker_texts(self.catalog.providers, self.lang,
                                         site.data_root(self.lang, self.languages),
                                         config.site_url)
        self.listing_paths = {p.slug: p.source_path for p in self.catalog.providers}
        if self.serve_files is None and self.lang == self.languages[-1]:
            # Nothing later in a build needs the listings themselves: release them for the
            # pages MkDocs renders next (30 MB at 5,566 listings; the CLI counted them first),
            # the ZIP table the finder's data was made from (7 MB) and the checks' caches.
            self.catalog.providers.clear()
            zips.table.cache_clear()
            forget_checked_values()
        pages = sum(1 for file in files if file.is_documentation_page())
        what = "Building pages" + (f" ({self.lang})" if len(self.languages) > 1 else "")
        self.progress = progress.start(pages, what, "pages", self.show_progress)
        self.auditor = Auditor(_own_hosts(config), pages + len(self.static_documents))
        return files

    def _generated_files(self, config: MkDocsConfig,
                         hand_written: set[str]) -> Iterator[tuple[str, File]]:
        """Every generated file but those a hand-written page of the same name replaces."""
        assert self.catalog is not None
        if self.serve_files is not None:  # real files, rewritten only when they change
            for path, file in self.serve_files.files(self.catalog, config).items():
                if _not_replaced(path, hand_written):
                    yield path, file
            return
        self.page_worker = generated.start_worker(self.catalog.providers, self.catalog.today,
                                                  config.repo_url, self.lang, self.languages,
                                                  config.site_dir)
        for path, file in generated.files(config, self.catalog.providers, self.catalog.today,
                                          self.lang, self.languages, self.page_worker):
            if _not_replaced(path, hand_written):
                yield path, file

    def _note_pages(self, added: dict[str, File]) -> None:
        """Which generated pages get a compact search entry, and which are trimmed."""
        assert self.catalog is not None
        self.generated_pages = {path for path in added if path.endswith(".md")}
        self.browse_pages = {path for path in self.generated_pages if path.startswith("browse/")}
        known = self.page_urls  # a URL never changes while serving: File.url is slow to make
        self.page_urls = {path: known.get(path) or added[path].url
                          for path in self.generated_pages}
        pages = ((provider_page.page_path(p.slug), p) for p in self.catalog.providers)
        self.search_entries = {path: search_index.provider_entry(p, self.page_urls[path])
                               for path, p in pages if path in added}
        self.languages_offered = {code for p in self.catalog.providers for program in p.programs
                                  for code in program.languages}

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if not self.config.enabled:
            return markdown
        theme_text.escape_page_meta(page.meta, escaped=page.file.src_uri in self.generated_pages)
        if self.catalog is None:
            return markdown
        if len(self.languages) > 1:
            page.meta["iopdir_alternates"] = languages.alternates(
                page.file.src_uri, self.lang, self.languages, self.pages, self.site_url)
        if page.file.src_uri in self.search_entries:  # one compact entry instead (on_post_build)
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if page.file.src_uri in self.generated_pages and self.serve_files is None:
            # MkDocs has read the source into page.markdown; the file's copy would otherwise
            # stay in memory to the end of the build (130 MB at 20,000 listings).
            page.file.content_string = ""
        return site.expand_texts(markdown, self.markers)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Links to other sites get rel="noopener noreferrer", in hand-written pages too.
        Generated pages get their table of contents (Markdown saw no heading in them)."""
        if not self.config.enabled:
            return html
        if page.file.src_uri in self.generated_pages:
            page.toc = get_toc(headings.toc_tokens(html))  # type: ignore[arg-type]
        return outbound.add_rel(html, _own_hosts(config))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.first:  # the other languages' builds add to the first's
            self.script_hashes = set()
        if self.serve_files is not None and self.dirty:
            self.serve_files.before_build(config)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        if self.progress is not None:
            self.progress.advance()
        return self._secured(output, page.file.dest_uri, config)

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content  # sitemap.xml
        return self._secured(output_content, template_name, config)  # 404.html

    def _secured(self, html: str, dest: str, config: MkDocsConfig) -> str:
        """The page with its own Content-Security-Policy, audited as it is written."""
        html, hashes = hosting.with_policy(html, self.trusted)
        self.script_hashes |= hashes
        self._auditor(config).add(html, dest)
        return html

    def _auditor(self, config: MkDocsConfig) -> Auditor:
        if self.auditor is None:  # a page before on_files (not in MkDocs 1.6) is audited too
            self.auditor = Auditor(_own_hosts(config), 0)
        return self.auditor

    def _findings(self, config: MkDocsConfig) -> list[str]:
        """The audit's findings on this language's pages and documents, one line each."""
        auditor = self._auditor(config)
        auditor.add_files(Path(config.site_dir), self.static_documents)
        found = auditor.findings()
        self._close_auditor()
        return audit_pool.described(found, self.listing_paths)

    def _close_auditor(self) -> None:
        if self.auditor is not None:
            self.auditor.close()
            self.auditor = None

    def _close_page_worker(self) -> None:
        if self.page_worker is not None:
            self.page_worker.close()
            self.page_worker = None

    def on_build_error(self, *, error: Exception) -> None:
        self._close_page_worker()
        self._close_auditor()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        if self.config.enabled:
            self._close_page_worker()  # MkDocs has read every page
            findings = self._findings(config)
            if findings:
                raise PluginError(theme_text.audit_report(findings))
            self._write_search_index(Path(config.site_dir) / "search" / "search_index.json")
            if self.serve_files is not None:
                self.serve_files.after_build()
            if self.first:
                self._build_other_languages(config)
                if not (Path(config.docs_dir) / "_headers").exists():  # a hand-written one wins
                    (Path(config.site_dir) / "_headers").write_text(
                        hosting.headers_file(self.script_hashes), encoding="utf-8")

    def _build_other_languages(self, config: MkDocsConfig) -> None:
        try:
            for lang in self.languages[1:]:
                self.lang = lang
                alternates.build_language(config, lang, self.languages, self.pages[lang],
                                          self.dirty)
        finally:
            self.lang = self.languages[0]

    def _write_search_index(self, path: Path) -> None:
        """Material's index, one short entry per provider (see generator/finder/search_index.py)."""
        search_index.rewrite(path, [*self.search_entries.values(), *search_index.language_entries(
            self.languages_offered, self.lang)], {self.page_urls[src] for src in self.browse_pages})

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.providers_path(config)))
            for files in self.serve_by_lang.values():
                server.watch(str(files.trigger))
            if config.theme.custom_dir:  # theme overrides are part of the project
                server.watch(config.theme.custom_dir)
            server.watch(str(theme.ROOT))  # and so is the built-in theme, when developing it
        return server


def _own_hosts(config: MkDocsConfig) -> list[str]:
    own = urlsplit(config.site_url or "").hostname
    return [own] if own else []


def _not_replaced(path: str, hand_written: set[str]) -> bool:
    if path in hand_written:
        log.info("iopdir: docs/%s replaces the generated page", path)
        return False
    return True
