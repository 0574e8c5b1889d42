"""Every language's catalog translates every interface word of the code, confirmed, with the same
placeholders and markup; the build and the finder read them as they are."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from generator.finder import catalog_js
from generator.model import i18n
from tests import catalogs

OTHER_LANGUAGES = i18n.available()[1:]
# %(name)s and its kin (Python), {name} (the finder's messages.js), and HTML tags with their
# attributes: a translation keeps each as it is, in any order.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|\{\w+\}|<[^>]+>")


@pytest.fixture(scope="module")
def words() -> Catalog:
    return catalogs.extract()


def _ids(catalog: Catalog) -> dict[str, Message]:
    return {_key(m): m for m in catalog if m.id}


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def forms_of(value: str | Sequence[str] | None) -> list[str]:
    """A message's text, or its forms by count, as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def problems(catalog: Catalog, words: Catalog) -> list[str]:
    """What a catalog lacks or gets wrong, one line per word."""
    found = _ids(catalog)
    out = []
    for key, word in _ids(words).items():
        entry = found.get(key)
        forms = forms_of(entry.string) if entry is not None else []
        if entry is None:
            out.append(f"missing: {key!r}")
        elif entry.fuzzy:
            out.append(f"fuzzy (check it, then remove the fuzzy flag): {key!r}")
        elif not all(forms) or (word.pluralizable and len(forms) != catalog.num_plurals):
            out.append(f"not translated (every form): {key!r}")
        else:
            wanted = [Counter(PLACEHOLDER.findall(s)) for s in forms_of(word.id)]
            for form in forms:
                if Counter(PLACEHOLDER.findall(form)) not in wanted:
                    out.append(f"placeholders or markup differ: {key!r} -> {form!r}")
    return out


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_every_word_is_translated_confirmed_and_keeps_its_placeholders(
        lang: str, words: Catalog) -> None:
    assert problems(catalogs.read(lang), words) == []


def test_the_check_finds_a_missing_a_fuzzy_and_a_wrong_entry(words: Catalog) -> None:
    """The test above can fail: a catalog with each kind of fault is caught, word by word."""
    broken = catalogs.read("es")
    del broken["Phone:"]
    broken["Evening"].flags.add("fuzzy")
    broken["Times are local, %(zone)s."].string = "Horas locales."
    broken["Page: {url}"].string = "Página: {direccion}"
    broken["<span class=\"iop-sr-only\">%(day)s </span>from"].string = "%(day)s desde"
    assert sorted(problems(broken, words)) == [
        "fuzzy (check it, then remove the fuzzy flag): 'Evening'",
        "missing: 'Phone:'",
        "placeholders or markup differ: '<span class=\"iop-sr-only\">%(day)s </span>from' -> "
        "'%(day)s desde'",
        "placeholders or markup differ: 'Page: {url}' -> 'Página: {direccion}'",
        "placeholders or markup differ: 'Times are local, %(zone)s.' -> 'Horas locales.'",
    ]


def test_the_words_of_the_code_include_every_kind_of_source(words: Catalog) -> None:
    """Python tables, templates, the theme's parts and the finder's script are all read."""
    ids = _ids(words)
    for word in ("Monday", "Accepting new patients", "Phone:", "Need help now?",
                 "Leave this site quickly", "Where are you?", "{n} hour", "Fits your week",
                 "For families and friends"):
        assert word in ids, word


def test_a_fuzzy_entry_shows_in_english_at_build_time(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """Unconfirmed translations are left out of the compiled catalog (i18n.translations)."""
    catalog = catalogs.read("es")
    catalog["Tuesday"].flags.add("fuzzy")
    po = tmp_path / "es" / "LC_MESSAGES" / "iopdir.po"
    catalogs.write(catalog, po)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        words = i18n.translations("es")
        assert (words.gettext("Monday"), words.gettext("Tuesday")) == ("lunes", "Tuesday")
    finally:
        i18n.translations.cache_clear()


def test_the_finder_gets_each_plural_category_of_the_language() -> None:
    """Spanish has three gettext forms (one, many for millions, other), named as the browser's
    Intl.PluralRules names them."""
    forms = catalog_js.plural_forms("es", "{n} hour", "{n} hours")
    assert forms == {"one": "{n} hora", "many": "{n} horas", "other": "{n} horas"}
    module = catalog_js.module("es")
    assert 'export const LOCALE = "es-US";' in module
    assert '"Monday": "lunes"' in module and '"Central time": "hora del centro"' in module
    assert catalog_js.module("en").count("{}") == 2  # English: the words as written


def test_an_unknown_language_says_which_there_are() -> None:
    with pytest.raises(i18n.UnknownLanguage, match=r"'xx'.*en, es"):
        i18n.check("xx")
