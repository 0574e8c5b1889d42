"""The theme the package carries: template overrides (crisis bar, quick exit, JSON-LD, 404 page),
scripts, styles, the favicon and the built-in pages. They ship inside the package, so a
directory made outside this repository gets them too; a project's own docs/ file of the same
path replaces a built-in one, and its own theme `custom_dir` comes before the built-in overrides.

Built-in pages are a folder tree (`theme/docs/`, paths as in a project's docs/): the finder, the
guide "Is an IOP right for me?", and the starting points `iopdir init` copies into a new
project for its people to edit (STARTER_PAGES). A project without its own copy of a page gets
the built-in one.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "theme"
OVERRIDES = ROOT / "overrides"
DOCS = ROOT / "docs"

# Built-in styles and scripts, in the order pages load them, before a project's own: the iopdir
# plugin adds them to every build and `iopdir generate` writes them into its configuration. A
# script's value is its `type` attribute: "" for a classic script, "module" for an ES module.
STYLESHEETS = ("stylesheets/extra.css", "stylesheets/finder.css", "stylesheets/print.css")
SCRIPTS = {
    "javascripts/quick-exit.js": "",
    "javascripts/a11y.js": "",
    "javascripts/finder/main.js": "module",  # an ES module: it imports the finder's others
}
# Built-in pages that `iopdir init` copies into a new project's docs/ to be edited there.
STARTER_PAGES = ("index.md", "about-the-data.md", "for-providers.md")


def builtin_docs() -> dict[str, Path]:
    """{docs-relative path: file} of every built-in docs file (pages, scripts, styles, images)."""
    return {path.relative_to(DOCS).as_posix(): path
            for path in sorted(DOCS.rglob("*")) if path.is_file()}
