"""The yardstick: a bare MkDocs + Material build of the very Markdown iopdir generates.

`iopdir generate` writes the docs directory (hand-written pages with their markers filled in,
every provider and browse page, the finder's data); a minimal configuration then builds it with
Material, the built-in search plugin and only the Markdown extensions the pages need. What the
full `iopdir build` costs beyond this is iopdir's own overhead: validation, generation, the
crisis bar and scripts, and the search index work.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from benchmarks.measure import Run, python, timed_command
from generator.model.records import Provider
from generator.output import site

ROOT = Path(__file__).resolve().parent.parent

# The same page set as mkdocs.yml keeps out of the navigation (a navigation of every provider
# would make any MkDocs build quadratic, bare or not); otherwise nothing but the defaults.
CONFIG = """\
site_name: Bare benchmark
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc
not_in_nav: |
  /providers/
  /browse/*/
  /browse/*/*/
"""


def write_project(directory: Path, providers: list[Provider], today: dt.date) -> Path:
    """`directory/docs` as `iopdir generate` writes it, and `directory/mkdocs.yml`."""
    site.write_docs(directory / "docs", ROOT / "docs", providers, today)
    config = directory / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def build(config: Path) -> Run:
    """`mkdocs build` of the bare project, in its own process like `iopdir build`."""
    return timed_command(python("-m", "mkdocs", "build", "--quiet", "-f", str(config)),
                         cwd=config.parent)
