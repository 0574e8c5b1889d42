"""The gettext catalogs: find every interface word in the code, and update each language's.

    python -m tests.catalogs update     # after changing words: the template and every catalog
    python -m tests.catalogs init vi    # a new language: generator/locale/vi/LC_MESSAGES/

Words are marked `_()`, `N_()`, `gettext_(lang, ...)` in Python, `{{ _() }}` and `{% trans %}` in
the templates of generator/pages/templates/, and `_()` / `_n()` in the finder's messages.js.
`update` writes generator/locale/iopdir.pot and merges it into every catalog: a new word comes
in untranslated, a changed one with a guess marked fuzzy, and tests/unit/test_catalogs.py fails
until a translator has filled in and confirmed each one. The build reads the catalogs as they
are (generator/model/i18n.py): nothing is compiled.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator.model import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "generator"
TEMPLATE = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"
METHODS: list[tuple[str, str]] = [
    ("**/templates/**.html", "jinja2"),
    ("**/javascripts/finder/messages.js", "javascript"),
    ("**.py", "python"),
]
OPTIONS = {
    "**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                             "lstrip_blocks": "true", "newstyle_gettext": "true"},
    "**/javascripts/finder/messages.js": {},
    "**.py": {},
}
KEYWORDS: dict[str, object] = {
    "_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "gettext_": (2,),
    "ngettext_": (2, 3), "_n": (1, 2),
}
WIDTH = 100


def extract() -> Catalog:
    """Every interface word of the code, with the files it is in."""
    catalog = Catalog(project="iopdir", domain=i18n.DOMAIN, charset="utf-8",
                      msgid_bugs_address="", copyright_holder="iopdir contributors")
    found = extract_from_dir(SOURCES, METHODS, OPTIONS, KEYWORDS,  # type: ignore[arg-type]
                             comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        if message and message != ("", ""):
            catalog.add(message, None, [(f"generator/{filename}", lineno)],
                        auto_comments=comments, context=context)
    return catalog


def read(lang: str) -> Catalog:
    with i18n.catalog_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=i18n.DOMAIN)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=WIDTH, sort_output=True, include_lineno=False,
                 ignore_obsolete=True)


def update() -> list[str]:
    template = extract()
    write(template, TEMPLATE)
    done = []
    for lang in i18n.available()[1:]:
        catalog = read(lang)
        catalog.update(template)
        write(catalog, i18n.catalog_path(lang))
        done.append(lang)
    return done


def init(lang: str) -> Path:
    """A new, empty catalog for `lang` from the current template."""
    path = i18n.catalog_path(lang)
    if path.exists():
        raise SystemExit(f"{path} exists already: run `python -m tests.catalogs update`")
    catalog = Catalog(locale=lang, domain=i18n.DOMAIN, project="iopdir", charset="utf-8",
                      copyright_holder="iopdir contributors")
    catalog.update(extract())
    catalog.fuzzy = False  # the header: a fuzzy one would be left out, with its plural rule
    write(catalog, path)
    return path


def main(argv: Sequence[str]) -> int:
    if list(argv) == ["update"]:
        print("updated:", ", ".join(["template", *update()]))
        return 0
    if len(argv) == 2 and argv[0] == "init":
        print("wrote", init(argv[1]).relative_to(ROOT))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
