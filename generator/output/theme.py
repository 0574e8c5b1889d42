"""The theme the package carries: template overrides (crisis bar, quick exit, JSON-LD, 404 page),
scripts, styles, the favicon and the built-in pages. They ship inside the package, so a
directory made outside this repository gets them too; a project's own docs/ file of the same
path replaces a built-in one, and its own theme `custom_dir` comes before the built-in overrides.

Built-in pages are a folder tree (`theme/docs/`, paths as in a project's docs/): the finder, the
guide "Is an IOP right for me?", the page for families and friends, and the starting points
`iopdir init` copies into a new project for its people to edit (STARTER_PAGES). A project
without its own copy of a page gets the built-in one.

Languages: the built-in pages in English are at the top of the tree, those in another language
in a folder named by its code (`theme/docs/es/`); a project keeps its pages in the site's first
language in docs/ and those of each other language in docs/<lang>/. Scripts, styles and images
anywhere else are shared by every language. `docs_of` gives the files of one language's docs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.model import i18n

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
    "javascripts/language.js": "",
    "javascripts/finder/main.js": "module",  # an ES module: it imports the finder's others
}
# Built-in pages that `iopdir init` copies into a new project's docs/ to be edited there.
STARTER_PAGES = ("index.md", "about-the-data.md", "for-providers.md")
# Built-in files every build makes for its language instead (generator/finder/catalog_js.py).
MADE_PER_LANGUAGE = frozenset({"javascripts/finder/catalog.js"})
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def is_page(path: str) -> bool:
    return path.endswith(PAGE_SUFFIXES)


def builtin_docs(lang: str = i18n.SOURCE) -> dict[str, Path]:
    """{docs-relative path: file} of the built-in docs files of `lang`: its pages, and the
    scripts, styles and images every language shares."""
    folders = set(i18n.available()) - {i18n.SOURCE}
    files: dict[str, Path] = {}
    for path in sorted(DOCS.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(DOCS).as_posix()
        top, _, rest = rel.partition("/")
        if rest and top in folders:
            if top == lang:
                files[rest] = path
        elif rel not in MADE_PER_LANGUAGE and (lang == i18n.SOURCE or not is_page(rel)):
            files[rel] = path
    return files


def project_path(path: str, lang: str, languages: Sequence[str]) -> str | None:
    """Where a file of a project's docs/ belongs in the docs of `lang` (None: not there)."""
    top, _, rest = path.partition("/")
    if rest and top in languages[1:]:
        return rest if top == lang else None
    if is_page(path):
        return path if lang == languages[0] else None
    return path


def docs_of(lang: str, languages: Sequence[str], docs: Path) -> dict[str, Path]:
    """Every file of one language's docs: built-in ones, and a project's over them."""
    files = builtin_docs(lang)
    for source in sorted(docs.rglob("*")):
        target = project_path(source.relative_to(docs).as_posix(), lang, languages)
        if source.is_file() and target is not None:
            files[target] = source
    return files


def pages_of(lang: str, languages: Sequence[str], project: Iterable[str]) -> set[str]:
    """The hand-written pages (built-in or `project`'s, docs paths) the site has in `lang`."""
    pages = {path for path in builtin_docs(lang) if is_page(path)}
    for path in project:
        target = project_path(path, lang, languages)
        if target is not None and is_page(target):
            pages.add(target)
    return pages
