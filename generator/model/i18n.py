"""The languages of the site: gettext catalogs, one per language, for every interface word.

Interface words are written in English in the code (`N_("Evening")` in Python tables,
`{{ _("Phone:") }}` in templates, `_("Mon")` in the finder's messages.js) and translated
through `generator/locale/<lang>/LC_MESSAGES/iopdir.po`, a gettext catalog kept with Babel
(`python -m tests.catalogs update` finds the words in the code and updates every catalog). A
catalog is read and compiled in memory when a build first needs it, so no compiled file can go
stale.

English is the source language: it needs no catalog. A language is available when its catalog
exists; a site builds the languages its configuration names (mkdocs.yml, `iopdir` plugin,
`languages`), the first at the site's root and each other under /<lang>/.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "iopdir"
SOURCE = "en"  # the language the code is written in


class UnknownLanguage(ValueError):
    """A language with no catalog, named with the ones there are."""


def N_(message: str) -> str:
    """Marks a word for the catalogs where it is defined; it is translated where it is shown."""
    return message


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> list[str]:
    """English, then every language with a catalog."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE, *found]


def check(lang: str) -> str:
    """`lang` if the site can be built in it, else UnknownLanguage saying which can."""
    if lang != SOURCE and not catalog_path(lang).is_file():
        raise UnknownLanguage(f"no catalog for the language {lang!r}: the languages available are "
                              f"{', '.join(available())} (add one as docs/for-maintainers.md "
                              "explains under 'Adding a language')")
    return lang


@lru_cache(maxsize=16)
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (English: the words as written). Fuzzy entries are left out,
    so a word a translator has not confirmed shows in English rather than wrongly."""
    if check(lang) == SOURCE:
        return gettext.NullTranslations()
    with catalog_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def ngettext_(lang: str, singular: str, plural: str, count: int) -> str:
    return translations(lang).ngettext(singular, plural, count)


def table(labels: Mapping[str, str], lang: str) -> dict[str, str]:
    """A vocabulary table (code: English label) with its labels in `lang`."""
    return _table(tuple(labels.items()), lang)


@lru_cache(maxsize=256)
def _table(items: tuple[tuple[str, str], ...], lang: str) -> dict[str, str]:
    words = translations(lang)
    return {code: words.gettext(label) for code, label in items}


def native_name(lang: str) -> str:
    """The language's name in itself, for the language switch: 'English', 'Español'."""
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]


def intl_locale(lang: str) -> str:
    """The locale the browser formats numbers with: the language as used in the US."""
    return f"{lang}-US"
