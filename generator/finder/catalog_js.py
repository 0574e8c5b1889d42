"""The finder's words in one language: javascripts/finder/catalog.js, from the gettext catalog.

The finder's scripts write their words in English, marked `_("...")` and `_n(one, other)` in
messages.js, and read the finder index's labels in English (generator/model/vocab.py). This
module gives the browser their translations: {English: translated} for the words, and for a
word by count its forms by the plural categories the browser's Intl.PluralRules names (one,
few, many, other), each made with the catalog's own plural rule, so a language with three
forms works like one with two. Words a catalog leaves as they are, and English, add nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.extract import extract_javascript

from generator.finder.finder_index import MAT_UNSTATED
from generator.model import fmt, i18n, vocab

CATALOG_PATH = "javascripts/finder/catalog.js"
MESSAGES_JS = (Path(__file__).resolve().parents[1] / "theme" / "docs" / "javascripts"
               / "finder" / "messages.js")
KEYWORDS = {"_": None, "_n": (1, 2)}
# Counts whose plural category in a language's Intl.PluralRules is looked up; between them they
# reach every category of the languages the US speaks most (many: 1,000,000 in Spanish).
SAMPLES = (*range(0, 1001), 1_000_000)
# The index's labels (finder_index.py): every table whose words the finder shows.
LABEL_TABLES = (vocab.LEVELS, vocab.FORMATS, vocab.POPULATIONS, vocab.PAYMENT, vocab.MAT,
                vocab.ACCEPTING, vocab.STATES, vocab.SIGN_LANGUAGES)
HEADER = ("// The finder's words in {name}, written by iopdir from its gettext catalog\n"
          "// (generator/locale/{lang}/LC_MESSAGES/iopdir.po). Do not edit: edit the catalog.\n")


def generate(lang: str) -> dict[str, str]:
    return {CATALOG_PATH: module(lang)}


@lru_cache(maxsize=8)
def module(lang: str) -> str:
    words = i18n.translations(lang)
    translations: dict[str, str] = {}
    plurals: dict[str, dict[str, str]] = {}
    for message in finder_messages():
        if isinstance(message, tuple):
            forms = plural_forms(lang, *message)
            if forms != {"one": message[0], "other": message[1]}:
                plurals[message[0]] = forms
        elif words.gettext(message) != message:
            translations[message] = words.gettext(message)
    for label in label_messages():
        if words.gettext(label) != label:
            translations[label] = words.gettext(label)
    return (HEADER.format(name=i18n.native_name(lang), lang=lang)
            + f"export const LOCALE = {json.dumps(i18n.intl_locale(lang))};\n"
            + f"export const TRANSLATIONS = {_json(translations)};\n"
            + f"export const PLURALS = {_json(plurals)};\n")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=0, sort_keys=True)


@lru_cache(maxsize=1)
def finder_messages() -> tuple[str | tuple[str, str], ...]:
    """The words of messages.js: a word, or (one, other) for a word by count."""
    with MESSAGES_JS.open("rb") as source:
        found = extract_javascript(source, KEYWORDS, (), {})
        return tuple(_message(messages) for _, _, messages, _ in found)


def _message(messages: str | tuple[str, ...] | list[str]) -> str | tuple[str, str]:
    if isinstance(messages, str):
        return messages
    one, other = messages[0], messages[1]
    return (one, other)


def label_messages() -> Iterator[str]:
    yield MAT_UNSTATED
    for table in LABEL_TABLES:
        yield from table.values()
    yield from fmt.ZONE_NAMES.values()
    yield from fmt.US_ZONES_BY_OFFSET.values()


def plural_forms(lang: str, one: str, other: str) -> dict[str, str]:
    """{category: form} for every plural category of `lang`, by the catalog's plural rule."""
    words = i18n.translations(lang)
    rule = Locale.parse(lang).plural_form
    forms: dict[str, str] = {}
    for count in SAMPLES:
        forms.setdefault(rule(count), words.ngettext(one, other, count))
    return forms
