"""The site in Spanish, as a Spanish-speaking person on a phone meets it: every page type under
/es/ with lang="es", Spanish words on every control, no English interface word left, the
language switch keeping the page and the search, crisis lines in Spanish, and the page for
families one tap from the home page."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from playwright.sync_api import Page, expect

from tests import catalogs
from tests.browser.conftest import Server, Visit, axe_check
from tests.browser.finder_driver import settle
from tests.browser.listings import NOW
from tests.conftest import PROVIDERS
from tests.unit.test_catalogs import forms_of

pytestmark = pytest.mark.browser

PROVIDER = "providers/lanternfish-recovery-collective/"
PAGE_TYPES = ["", "finder/?zip=97201", "finder/linking/", PROVIDER, "browse/",
              "browse/evening/", "browse/states/or/", "browse/levels/iop/",
              "is-an-iop-right-for-me/", "for-families/", "for-providers/", "about-the-data/",
              "404.html"]
DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# The text a person sees (and a screen reader reads) in Spanish: visible text nodes, select
# options and aria-labels, leaving out what is marked as another language (lang="en" links,
# language names as their speakers write them) and code (URL parameters, listing fields: the
# same in every language).
SPANISH_TEXT = """() => {
  const spanish = (el) => (el.closest('[lang]')?.getAttribute('lang') || '').startsWith('es');
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest('script, style, noscript, code') || !spanish(el)) continue;
    if (el.tagName === 'OPTION' || el.checkVisibility()) out.push(walker.currentNode.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label]')) {
    if (spanish(el)) out.push(el.getAttribute('aria-label'));
  }
  return out.join('\\n');
}"""
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|\{\w+\}|<[^>]+>")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def listing_text() -> list[str]:
    """Every text of the sample listings: shown as the provider wrote it, in any language."""
    found = {text for path in PROVIDERS.glob("*.yaml")
             for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    return sorted(found, key=len, reverse=True)


def english_fragments(words: Catalog, spanish: Catalog) -> dict[str, str]:
    """{English fragment: its word} for every interface word Spanish says differently: the
    word's text between its placeholders and markup, where it has three letters or more."""
    fragments = {}
    for message in words:
        if not message.id:
            continue
        translated = spanish.get(message.id)
        ids = forms_of(message.id)
        if translated is not None and ids == forms_of(translated.string)[:len(ids)]:
            continue  # the same in Spanish: a proper name (Medicaid, CARF, Texas)
        for text in ids:
            for part in PLACEHOLDER.split(text):
                part = part.strip(" .,:;()·?“”\"'")
                if sum(ch.isalpha() for ch in part) >= 3:
                    fragments[part] = ids[0]
    return fragments


@pytest.fixture(scope="module")
def fragments() -> dict[str, str]:
    return english_fragments(catalogs.extract(), catalogs.read("es"))


def english_in(text: str, fragments: dict[str, str]) -> list[str]:
    """The interface words in `text` that are English, once the listings' own text (whole
    words only: a language code "en" is not the middle of "Friends") and addresses are taken
    out (My list shows each program's page: .../es/providers/...)."""
    own = "|".join(re.escape(t) for t in listing_text())  # longest first
    text = re.sub(rf"(?<![\w-])(?:{own})(?![\w-])|https?://\S+", " ", text)
    return [f"{part!r} (from {word!r})" for part, word in fragments.items()
            if re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text)]


def is_finder(path: str) -> bool:
    return path.partition("?")[0] == "finder/"


def open_es(visit: Visit, site: Server, path: str) -> Page:
    page = visit.page
    page.clock.set_fixed_time(NOW)
    page.goto(site.url + "es/" + path)
    if is_finder(path):
        settle(page)
    return page


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_exists_in_spanish_with_crisis_lines_in_spanish(
        visit_with: Callable[..., Visit], site: Server, path: str) -> None:
    visit = visit_with(**PHONE)
    page = open_es(visit, site, path)
    assert page.locator("html").get_attribute("lang") == "es"
    crisis = page.get_by_role("region", name="¿Necesita ayuda ahora?")
    expect(crisis).to_contain_text("marque 2 para español")
    expect(crisis.locator('a[href="tel:988"]')).to_have_text("988")
    expect(crisis.locator('a[href="sms:988?&body=AYUDA"]')).to_have_text("988")
    expect(crisis.locator('a[href="tel:+18006624357"]')).to_have_count(1)
    expect(crisis).to_contain_text("en español e inglés")
    expect(crisis.locator('a[href="tel:911"]')).to_have_count(1)
    expect(page.get_by_role("link", name="Salir rápido de este sitio")).to_be_visible()
    assert visit.third_party == [] and visit.console_errors == []


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_nothing_on_spanish_pages(visit_with: Callable[..., Visit], site: Server,
                                            path: str) -> None:
    page = open_es(visit_with(**PHONE), site, path)
    axe_check(page)


def test_no_english_interface_word_on_any_spanish_page(visit_with: Callable[..., Visit],
                                                       site: Server,
                                                       fragments: dict[str, str]) -> None:
    """Every page type, with the finder showing results of every kind, its controls unfolded
    and a program on "My list": what is left after the listings' own text is Spanish."""
    assert "Phone" in fragments and "Monday" in fragments  # the test can fail
    visit = visit_with(**PHONE)
    found = {}
    for path in PAGE_TYPES:
        page = open_es(visit, site, path)
        if is_finder(path):
            for summary in page.locator("summary").all():
                summary.click()
            page.get_by_role("button", name="Noches entre semana").click()
            settle(page)
            page.get_by_role("button", name="Agregar a mi lista").first.click()
        text = page.evaluate(SPANISH_TEXT)
        assert len(text) > 200, path
        found[path] = english_in(text, fragments)
    assert found == {path: [] for path in PAGE_TYPES}


def test_the_english_word_check_sees_english(fragments: dict[str, str]) -> None:
    """The test above fails when an English interface word shows on a Spanish page."""
    spanish = "Teléfono: (503) 555-0142. 9 horas. Lanternfish Recovery Collective"
    assert english_in(spanish, fragments) == []  # a listing's own name is not an interface word
    found = english_in(spanish.replace("9 horas", "Each week: 9 horas"), fragments)
    assert "'Each week' (from 'Each week')" in found
    assert english_in("SMART Recovery Family & Friends", fragments) == []


def test_every_finder_control_has_a_spanish_label(visit_with: Callable[..., Visit],
                                                  site: Server) -> None:
    page = open_es(visit_with(**PHONE), site, "finder/")
    page.locator("#iop-finder-more-choices summary").click()
    page.locator("#iop-finder-week summary").click()
    labels = ["Código postal", "Distancia", "Nivel de atención", "Seguro o forma de pago",
              "Idioma", "Modalidad", "Población", "Medicamentos para tratar la adicción",
              "Acepta pacientes nuevos", "Nombre o ciudad", *DAYS,
              *(f"{day} {end}" for day in DAYS for end in ("desde", "hasta"))]
    for label in labels:
        control = page.get_by_label(label, exact=True)
        assert control.count() == 1, label
        expect(control).to_be_visible()
    for name in ("Usar mi ubicación", "Trabajo de lunes a viernes, de 9 a 5", "Fines de semana",
                 r"Mostrar (resultados|\d+ programas?)", "Borrar todos los filtros"):
        expect(page.get_by_role("button", name=re.compile(name))).to_be_visible()
    assert page.get_by_label("Distancia").locator("option").all_inner_texts() == [
        "5 millas", "10 millas", "25 millas", "50 millas", "100 millas", "Cualquier distancia"]
    languages = page.get_by_label("Idioma").locator("option").all_inner_texts()
    assert "Español" in languages and "Spanish" not in languages
    page.get_by_role("button", name="Noches entre semana").click()
    settle(page)
    expect(page.locator("#iop-finder-week-summary")).to_have_text("lun. a vie. desde 5:00 p. m.")
    assert " PM" not in page.locator("#iop-finder-groups").inner_text()


def test_the_switch_keeps_the_page_and_the_search(visit_with: Callable[..., Visit],
                                                  site: Server) -> None:
    visit = visit_with(**PHONE)
    page = visit.page
    page.clock.set_fixed_time(NOW)
    search = "?zip=97201&miles=10&avail=mon-fri@17:00-22:00"
    page.goto(site.url + "finder/" + search)
    settle(page)
    cards = page.locator(".finder-result").evaluate_all(
        "(cards) => cards.map((c) => c.dataset.provider + '#' + c.dataset.program)")
    assert cards
    page.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(site.url + "es/finder/" + search)
    settle(page)
    assert page.locator("html").get_attribute("lang") == "es"
    expect(page.get_by_label("Código postal", exact=True)).to_have_value("97201")
    assert page.locator(".finder-result").evaluate_all(
        "(cards) => cards.map((c) => c.dataset.provider + '#' + c.dataset.program)") == cards
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(site.url + "finder/" + search)
    # A provider page opened from a result keeps its marked tracks and its program.
    page.goto(site.url + PROVIDER + "?fits=1#program-1")
    page.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(site.url + "es/" + PROVIDER + "?fits=1#program-1")
    expect(page.locator(".iop-track__fits").first).to_have_text("Encaja en su semana")
    # A page without a Spanish version leads to the Spanish home page.
    page.goto(site.url + "for-maintainers/")
    page.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(site.url + "es/")
    assert visit.third_party == [] and visit.console_errors == []


@pytest.mark.parametrize("home", ["", "es/"])
def test_the_families_page_is_one_tap_from_the_first_phone_screen(
        visit_with: Callable[..., Visit], site: Server, home: str) -> None:
    page = visit_with(**PHONE).page
    page.goto(site.url + home)
    link = page.locator("article a[href*='for-families']").first
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box  # no scrolling
    link.tap()
    page.wait_for_url(site.url + home + "for-families/")
    heading = "Para familiares y amistades" if home else "For families and friends"
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


@pytest.mark.parametrize("path", ["is-an-iop-right-for-me/", "for-families/",
                                  "es/is-an-iop-right-for-me/", "es/for-families/"])
def test_988_and_911_are_tappable_wherever_the_guide_says_them(visit: Visit, site: Server,
                                                                path: str) -> None:
    visit.page.goto(site.url + path)
    article = visit.page.locator("article")
    loose = article.evaluate("""(root) => {
      const found = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const link = node.parentElement.closest('a[href^="tel:"], a[href^="sms:"]');
        if (!link && /(^|[^\\w.-])(988|911)(?![\\w.-])/.test(node.textContent)) {
          found.push(node.textContent.trim());
        }
      }
      return found;
    }""")
    assert loose == []
    assert article.locator('a[href="tel:911"]').count() >= 1


def test_spanish_search_sitemap_and_alternates(subpath_site: Server) -> None:
    root = Path(subpath_site.root)
    index = (root / "es" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["es"]' in index.replace(" ", "")
    english = (root / "sitemap.xml").read_text(encoding="utf-8")
    spanish = (root / "es" / "sitemap.xml").read_text(encoding="utf-8")
    base = subpath_site.url
    for sitemap in (english, spanish):  # each page names both languages, itself too
        assert f'hreflang="es" href="{base}es/{PROVIDER}"' in sitemap
        assert f'hreflang="en" href="{base}{PROVIDER}"' in sitemap
    assert f"<loc>{base}es/for-families/</loc>" in spanish
    # Only the sitemaps: Material's script fetches a sitemap.xml beside the address of every
    # <link rel="alternate"> in a page, a 404 for a page's own address.
    [english_only] = [url for url in english.split("</url>")
                      if f"<loc>{base}for-maintainers/</loc>" in url]
    assert "hreflang" not in english_only  # Spanish has no such page: its home is no alternate
    for path in (PROVIDER, "es/" + PROVIDER):
        head = (root / path / "index.html").read_text(encoding="utf-8").split("</head>")[0]
        assert '<link rel="alternate"' not in head
    robots = (root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml" in robots and f"Sitemap: {base}es/sitemap.xml" in robots
