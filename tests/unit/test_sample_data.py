"""The committed sample listings are valid, visibly fictional, and cover what the site shows."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from generator.load.catalog import load_paths
from generator.model.records import Program, Provider, Track
from generator.model.vocab import PAYMENT
from tests.conftest import PROVIDERS, TODAY

PHONE = re.compile(r"\(\d{3}\) 555-01\d\d")


@pytest.fixture(scope="module")
def providers() -> list[Provider]:
    catalog = load_paths([PROVIDERS], today=TODAY)
    assert catalog.diagnostics == [], "the sample listings must pass --strict"
    return catalog.providers


def _tracks(providers: list[Provider]) -> Iterator[tuple[Program, Track]]:
    for provider in providers:
        yield from provider.tracks()


def test_samples_look_fictional(providers: list[Provider]) -> None:
    assert len(providers) >= 12
    for p in providers:
        assert p.sample, p.slug
        assert PHONE.fullmatch(p.phone), p.phone
        assert p.website is not None and p.website.startswith("https://")
        assert p.website.rstrip("/").endswith(".example.org"), p.website
        assert p.email is None or p.email.endswith(".example.org")


def test_samples_span_states_and_time_zones(providers: list[Provider]) -> None:
    assert len({s for p in providers for s in p.states}) >= 4
    assert len({loc.timezone for p in providers for loc in p.locations}) >= 3


def test_samples_have_day_evening_and_weekend_tracks(providers: list[Provider]) -> None:
    tracks = [t for _, t in _tracks(providers)]
    assert len(tracks) >= 25
    assert sum(t.evening for t in tracks) >= 6
    assert sum(t.weekend for t in tracks) >= 3
    assert sum(t.daytime and not t.weekend for t in tracks) >= 6


def test_samples_cover_formats_populations_languages_payment(providers: list[Provider]) -> None:
    programs = [pg for p in providers for pg in p.programs]
    assert {"telehealth", "hybrid", "in_person"} <= {pg.format for pg in programs}
    assert any("adolescents" in pg.populations for pg in programs)
    assert len({code for pg in programs for code in pg.languages}) >= 3
    assert {code for pg in programs for code in pg.payment} == set(PAYMENT)
    assert any(pg.accepting == "waitlist" for pg in programs)


def test_one_sample_offers_the_whole_continuum(providers: list[Provider]) -> None:
    whole = {"withdrawal_management", "inpatient", "residential", "php", "iop", "outpatient"}
    assert any(set(p.levels_of_care) == whole for p in providers)
