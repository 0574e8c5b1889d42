"""A site in several languages, without MkDocs: which files each language has, the same page in
the other language, the navigation in Spanish, the theme's words, and what `iopdir generate`
writes for another runner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.finder import catalog_js
from generator.model import fmt, i18n
from generator.output import languages, runner_project, site, theme
from generator.pages import browse, provider_page, theme_words
from tests.unit.helpers import listing, program, provider, track

LANGS = ["en", "es"]
TODAY = dt.date(2026, 11, 26)


def test_project_files_belong_to_their_language() -> None:
    assert theme.project_path("index.md", "en", LANGS) == "index.md"
    assert theme.project_path("index.md", "es", LANGS) is None  # an English page
    assert theme.project_path("es/index.md", "es", LANGS) == "index.md"
    assert theme.project_path("es/index.md", "en", LANGS) is None
    assert theme.project_path("images/map.png", "es", LANGS) == "images/map.png"  # shared
    assert theme.project_path("estates/index.md", "es", LANGS) is None  # not a language folder


def test_built_in_files_of_each_language() -> None:
    english, spanish = theme.builtin_docs("en"), theme.builtin_docs("es")
    assert english["index.md"] == theme.DOCS / "index.md"
    assert spanish["index.md"] == theme.DOCS / "es" / "index.md"
    assert spanish["for-families.md"] == theme.DOCS / "es" / "for-families.md"
    assert not any(path.startswith("es/") for path in english)
    # Scripts and styles are shared; catalog.js is made for each language.
    assert spanish["javascripts/finder/main.js"] == english["javascripts/finder/main.js"]
    assert "javascripts/finder/catalog.js" not in english | spanish
    assert {p for p in english if theme.is_page(p)} == {p for p in spanish if theme.is_page(p)}


def test_the_same_page_in_the_other_language() -> None:
    pages = {"en": {"finder/index.md", "for-maintainers.md", "index.md"},
             "es": {"finder/index.md", "index.md"}}
    site_url = "https://example.org/iop/"
    assert languages.alternates("finder/index.md", "en", LANGS, pages, site_url) == [
        {"lang": "es", "name": "Español", "url": "es/finder/",
         "href": "https://example.org/iop/es/finder/"}]
    assert languages.alternates("finder/index.md", "es", LANGS, pages, site_url) == [
        {"lang": "en", "name": "English", "url": "../finder/",
         "href": "https://example.org/iop/finder/"}]
    # A page Spanish lacks leads to the Spanish home page; the home page to the other's.
    assert languages.alternates("for-maintainers.md", "en", LANGS, pages, site_url) == [
        {"lang": "es", "name": "Español", "url": "es/", "href": ""}]  # no hreflang to a home
    assert languages.alternates("index.md", "es", LANGS, pages)[0]["url"] == "../"
    assert languages.alternates("index.md", "en", LANGS, pages)[0]["href"] == ""


def test_roots_follow_the_site_address() -> None:
    assert languages.roots(None, LANGS) == {"en": "/", "es": "/es/"}
    assert languages.roots("https://example.org/iop", LANGS) == {"en": "/iop/", "es": "/iop/es/"}


def test_the_navigation_in_spanish_keeps_only_its_pages() -> None:
    nav = [{"Home": "index.md"}, {"Browse": ["browse/index.md",
                                             {"Evening programs": "browse/evening.md"}]},
           {"For maintainers": "for-maintainers.md"}, {"Our partners": "partners.md"},
           {"GitHub": "https://github.com/example/iop"}]
    pages = {"index.md", "browse/index.md", "browse/evening.md", "partners.md"}
    assert languages.translated_nav(nav, "es", pages) == [
        {"Inicio": "index.md"},
        {"Explorar": ["browse/index.md", {"Programas por la noche": "browse/evening.md"}]},
        "partners.md",  # a title the catalog does not know: the page's own title shows
        {"GitHub": "https://github.com/example/iop"}]


def test_spanish_pages_speak_spanish_and_reach_the_shared_data() -> None:
    data = listing(language_of_text="es", programs=[program(tracks=[
        track((["mon", "tue", "wed", "fri"], "18:00", "21:00"), name="Grupo de la noche")])])
    page = provider_page.render(provider(data), TODAY, lang="es", data_root="../")
    assert "<tr><td>lunes</td><td>6:00\u00a0p.\u00a0m.</td><td>9:00\u00a0p.\u00a0m.</td>" in page
    assert '<span lang="es">Grupo de la noche</span>: 12 horas a la semana' in page
    assert 'href="../../../data/calendars/' in page  # from es/providers/<slug>/
    assert "<strong>Teléfono:</strong>" in page and "Phone:" not in page
    english = provider_page.render(provider(data), TODAY)
    assert 'href="../../data/calendars/' in english and '<h1 id="title" lang="es">' in english


def test_days_times_zones_and_states_in_spanish() -> None:
    assert fmt.days(("mon", "tue", "wed", "fri"), "es") == "lun. a mié., vie."
    assert fmt.time_range(570, 780, "es") == "de 9:30\u00a0a.\u00a0m. a 1:00\u00a0p.\u00a0m."
    assert fmt.hours(1, "es") == "1 hora" and fmt.hours(7.5, "es") == "7.5 horas"
    assert fmt.zone_name("America/Chicago", "es") == "hora del centro"
    assert fmt.zone_name("Europe/Madrid", "es") == "Europe/Madrid"
    assert fmt.state_name("NY", "es") == "Nueva York"
    assert fmt.labels((), {}, lang="es") == "La fuente no lo dice: llame para preguntar"


def test_browse_pages_in_spanish() -> None:
    files = browse.generate([provider()], "es")
    assert 'title: "Explorar los programas"' in files["browse/index.md"]
    assert "Programas por la noche" in files["browse/evening.md"]
    assert "Centros con una dirección en Oregón, por ciudad." in files["browse/states/or.md"]


def test_another_language_gets_pages_and_its_words_not_the_data() -> None:
    files = site.generate([provider()], TODAY, lang="es", languages=LANGS)
    assert "providers/unit-test-clinic.md" in files and "browse/index.md" in files
    assert '"Monday": "lunes"' in str(files["javascripts/finder/catalog.js"])
    assert not any(path.startswith(("data/", "calendars/", "finder/")) for path in files)
    assert "robots.txt" not in files
    first = site.generate([provider()], TODAY, "https://example.org/", languages=LANGS)
    assert "finder/index.json" in first and "data/providers.json" in first
    assert "Sitemap: https://example.org/es/sitemap.xml" in str(first["robots.txt"])


def test_the_theme_words_and_a_404_page_in_both_languages() -> None:
    ui = theme_words.ui("es", True, {"es": "/iop/es/", "en": "/iop/"})
    assert ui["exit"] == "Salir rápido de este sitio"
    assert 'href="sms:988?&amp;body=AYUDA"' in ui["crisis"] and "marque 2" in ui["crisis"]
    assert "los centros de este sitio son inventados" in ui["crisis"]
    assert '<h1>Página no encontrada</h1>' in ui["not_found"]
    assert '<div lang="en" class="iop-notfound__other"><h2>Page not found</h2>' in ui["not_found"]
    assert 'href="/iop/es/finder/"' in ui["not_found"] and 'href="/iop/finder/"' in ui["not_found"]


def test_generate_writes_a_configuration_per_language(tmp_path: Path) -> None:
    config = {"site_name": "IOP Program Finder", "theme": {"name": "material", "language": "en"},
              "plugins": [{"search": {"lang": "en"}}, {"iopdir": {"languages": ["en", "es"]}}],
              "nav": [{"Home": "index.md"}, {"For maintainers": "for-maintainers.md"}]}
    assert runner_project.languages_of(config) == ["en", "es"]
    spanish = runner_project.runner_config(config, False, "https://example.org/", "es",
                                           ["en", "es"], {"index.md"})
    assert spanish["site_name"] == "Buscador de programas IOP"
    assert (spanish["docs_dir"], spanish["site_dir"]) == ("docs-es", "site/es")
    assert spanish["site_url"] == "https://example.org/es/"
    assert spanish["theme"]["language"] == "es" and spanish["nav"] == [{"Inicio": "index.md"}]
    assert spanish["plugins"] == [{"search": {"lang": ["es"]}}]
    assert spanish["extra"]["iopdir_languages"] == [
        {"lang": "en", "name": "English", "root": "../"}]
    assert runner_project.config_names("es", ["en", "es"]) == ["mkdocs.es.yml",
                                                               "properdocs.es.yml"]
    with pytest.raises(i18n.UnknownLanguage):
        runner_project.languages_of({"plugins": [{"iopdir": {"languages": ["en", "xx"]}}]})


def test_a_third_language_is_a_catalog_and_its_pages(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """What docs/for-maintainers.md promises under "Adding a language": with a catalog and the
    built-in pages of Portuguese (here the Spanish ones, copied), and nothing else changed, the
    site is generated in it and switches to it."""
    locale, docs = tmp_path / "locale", tmp_path / "docs"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    shutil.copytree(locale / "es", locale / "pt")
    shutil.copytree(theme.DOCS, docs)
    shutil.copytree(docs / "es", docs / "pt")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    monkeypatch.setattr(theme, "DOCS", docs)
    for cached in (i18n.translations, i18n._table, catalog_js.module):
        cached.cache_clear()
    langs = ["en", "es", "pt"]
    try:
        assert i18n.available() == langs
        assert theme.builtin_docs("pt")["for-families.md"] == docs / "pt" / "for-families.md"
        assert not any(path.startswith(("es/", "pt/")) for path in theme.builtin_docs("en"))
        files = site.generate([provider()], TODAY, lang="pt", languages=langs)
        assert "<strong>Teléfono:</strong>" in str(files["providers/unit-test-clinic.md"])
        assert '"Monday": "lunes"' in str(files["javascripts/finder/catalog.js"])
        pages = {lang: theme.pages_of(lang, langs, []) for lang in langs}
        assert languages.alternates("finder/index.md", "pt", langs, pages) == [
            {"lang": "en", "name": "English", "url": "../finder/", "href": ""},
            {"lang": "es", "name": "Español", "url": "../es/finder/", "href": ""}]
        assert languages.roots(None, langs)["pt"] == "/pt/"
        assert theme_words.ui("pt", False, languages.roots(None, langs))["exit"] == (
            "Salir rápido de este sitio")
    finally:
        for cached in (i18n.translations, i18n._table, catalog_js.module):
            cached.cache_clear()
