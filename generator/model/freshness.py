"""How current a listing is: one rule for the provider page, the finder, the report and the
call list."""

from __future__ import annotations

import datetime as dt

from generator.model.records import Provider

STALE_AFTER_DAYS = 365


def is_stale(last_verified: str, today: dt.date, after: int = STALE_AFTER_DAYS) -> bool:
    """Verified more than `after` days ago: 365 days is still current, 366 is not."""
    return (today - dt.date.fromisoformat(last_verified)).days > after


def unchecked_import(provider: Provider) -> bool:
    """Copied from a public directory (it has external_ids) and never checked by a person since
    (no `verification`): its last_verified is the source's date, not the date of a check."""
    return provider.verification is None and bool(provider.external_ids)
