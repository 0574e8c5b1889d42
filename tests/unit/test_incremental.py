"""Generation for `iopdir serve`: the same files as a full generation, made again only when the
listings they depend on changed."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.adapter import incremental
from generator.load.catalog import load_paths
from generator.model.records import Provider
from generator.output import site
from generator.pages import provider_page
from tests.conftest import PROVIDERS, TODAY


@pytest.fixture
def providers() -> list[Provider]:
    return load_paths([PROVIDERS], TODAY).providers


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the provider pages actually rendered."""
    calls: list[str] = []
    real = provider_page.render

    def counting(provider: Provider, *rest: Any) -> str:
        calls.append(provider.slug)
        return real(provider, *rest)

    monkeypatch.setattr(provider_page, "render", counting)
    return calls


def _renamed(providers: list[Provider], index: int) -> list[Provider]:
    changed = list(providers)
    changed[index] = dataclasses.replace(providers[index], name=providers[index].name + " Two")
    return changed


def test_it_makes_exactly_what_a_full_generation_makes(providers: list[Provider],
                                                       tmp_path: Path) -> None:
    made = incremental.Incremental(tmp_path, lambda: None).generate(providers, TODAY, None)
    assert made == site.generate(providers, TODAY, None)
    assert list(made) == list(site.generate(providers, TODAY, None))


def test_unchanged_listings_are_not_rendered_again(providers: list[Provider], tmp_path: Path,
                                                   rendered: list[str]) -> None:
    state = incremental.Incremental(tmp_path, lambda: None)
    state.generate(providers, TODAY, None)
    assert len(rendered) == len(providers)
    rendered.clear()
    state.generate(providers, TODAY, None)
    assert rendered == []


def test_an_edit_renders_its_page_at_once_and_the_rest_in_the_background(
        providers: list[Provider], tmp_path: Path, rendered: list[str]) -> None:
    ready = threading.Event()
    state = incremental.Incremental(tmp_path, ready.set)
    first = state.generate(providers, TODAY, None)
    rendered.clear()
    edited = _renamed(providers, 3)
    now = state.generate(edited, TODAY, None)
    assert rendered == [edited[3].slug]
    assert now[provider_page.page_path(edited[3].slug)] != first[
        provider_page.page_path(edited[3].slug)]
    assert now["finder/index.json"] is first["finder/index.json"]  # the previous one, for now
    assert not ready.is_set()
    state.start_pending()  # once the rebuild showing the edited page is done
    assert ready.wait(timeout=60)
    fresh = state.generate(edited, TODAY, None)
    assert fresh == site.generate(edited, TODAY, None)


def test_the_mirror_is_written_only_where_content_changed(tmp_path: Path) -> None:
    state = incremental.Incremental(tmp_path, lambda: None)
    assert state.sync({"a.md": "one", "data/b.json": b"{}"}) == ({"a.md", "data/b.json"}, set())
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "one"
    assert state.sync({"a.md": "one", "c.md": "new"}) == ({"c.md"}, {"data/b.json"})
    assert not (tmp_path / "data" / "b.json").exists()


def test_serve_hides_mkdocs_warning_about_dirty_builds() -> None:
    """`make serve` rebuilds dirty on every change; iopdir's dirty builds are complete."""
    import logging

    from generator.adapter import run

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, __file__, 1, message,
                                 None, None)

    run.quiet_dirty_builds()  # what serve_site does first
    logger = logging.getLogger("mkdocs.commands.build")
    assert not logger.filter(record("A 'dirty' build is being performed, this will likely "
                                    "lead to inaccurate navigation and other links."))
    assert logger.filter(record("Doc file 'x.md' contains a link to 'y.md'"))
