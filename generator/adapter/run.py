"""Run MkDocs for the CLI: build into a temporary directory and swap it in, or serve."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.adapter.plugin import IopDirPlugin
from generator.load.catalog import Catalog
from generator.output.publish import replace_dir

PROVIDERS_ENV = "IOPDIR_PROVIDERS"  # mkdocs.yml reads it with !ENV, so serve can see it too


class BuildFailed(Exception):
    pass


def _console_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_iopdir", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._iopdir = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def site_dir_of(config_file: Path) -> Path:
    return Path(load_config(str(config_file))["site_dir"])


def build_site(config_file: Path, providers: Path, site_dir: Path, catalog: Catalog,
               strict: bool, verbose: bool = False, site_url: str | None = None) -> None:
    """Build the site from an already validated catalog; `site_dir` changes only on success.

    `site_url`, when given, replaces mkdocs.yml's (the public address, maybe under a sub-path).
    """
    _console_logging(verbose)
    os.environ[PROVIDERS_ENV] = str(providers)

    def produce(tmp: Path) -> None:
        config = load_config(str(config_file), site_dir=str(tmp), strict=strict,
                             site_url=site_url)
        plugin = config.plugins.get("iopdir")
        if isinstance(plugin, IopDirPlugin):
            plugin.preloaded = catalog
            plugin.show_progress = True
        try:
            build(config)
        except (MkDocsException, SystemExit) as exc:
            raise BuildFailed(str(exc) or "MkDocs stopped the build") from exc

    replace_dir(site_dir, produce)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty rebuild that navigation may be inaccurate. iopdir's are not:
    a change to a hand-written page or the configuration rebuilds everything (serve.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_builds() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NoDirtyWarning) for f in logger.filters):
        logger.addFilter(_NoDirtyWarning())


def serve_site(config_file: Path, providers: Path, dev_addr: str | None) -> None:
    _console_logging(verbose=True)
    quiet_dirty_builds()
    os.environ[PROVIDERS_ENV] = str(providers)
    # Dirty rebuilds: only pages whose source changed (the plugin keeps generated pages on disk
    # and empties the site when a hand-written page or the configuration changes).
    serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True, build_type="dirty")
