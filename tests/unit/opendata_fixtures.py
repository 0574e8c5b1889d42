"""Listings for the open data tests: the committed samples plus a program with no schedule."""

from __future__ import annotations

from generator.load.catalog import load_paths
from generator.model.records import Provider
from tests.conftest import PROVIDERS, TODAY
from tests.unit.helpers import listing, program, provider

UNLISTED_SLUG = "unlisted-schedule-clinic"


def unlisted_provider() -> Provider:
    """A listing whose only program has `schedule_status: not_listed` and so no tracks."""
    data = program(schedule_status="not_listed", name="Imported IOP")
    del data["tracks"]
    return provider(listing(name="Unlisted Schedule Clinic", programs=[data],
                            external_ids={"samhsa_nsumhss": "substance_123"}), UNLISTED_SLUG)


def sample_providers() -> list[Provider]:
    catalog = load_paths([PROVIDERS], today=TODAY)
    assert catalog.ok, catalog.diagnostics
    return [*catalog.providers, unlisted_provider()]


def totals(providers: list[Provider]) -> tuple[int, int, int]:
    """(providers, programs, tracks)."""
    return (len(providers), sum(len(p.programs) for p in providers),
            sum(len(p.tracks()) for p in providers))
