"""Build listings in code for unit tests: a valid base that each test changes a little."""

from __future__ import annotations

import copy
from typing import Any

from generator.model.records import Provider

BASE: dict[str, Any] = {
    "name": "Unit Test Clinic",
    "description": "A fictional clinic used by the unit tests.",
    "phone": "(503) 555-0199",
    "levels_of_care": ["iop", "php", "outpatient"],
    "last_verified": "2026-10-01",
    "source": "Unit test",
    "locations": [{
        "id": "main", "street": "1 Example Way", "city": "Portland", "state": "OR",
        "zip": "97201", "timezone": "America/Los_Angeles",
    }],
    "programs": [{
        "name": "Adult IOP", "level_of_care": "iop", "populations": ["adults"],
        "format": "in_person", "location": "main", "services": ["group_therapy"],
        "payment": ["medicaid"], "languages": ["en"],
        "accepting_new_patients": {"status": "yes", "as_of": "2026-10-01"},
        "tracks": [{"name": "Evening", "sessions": [
            {"days": ["mon", "tue", "thu"], "start": "18:00", "end": "21:00"},
        ]}],
    }],
}


def listing(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def program(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(BASE["programs"][0])
    data.update(changes)
    return data


def track(*sessions: tuple[list[str], str, str], name: str = "Track") -> dict[str, Any]:
    return {"name": name, "sessions": [{"days": d, "start": s, "end": e} for d, s, e in sessions]}


def provider(data: dict[str, Any] | None = None, slug: str = "unit-test-clinic") -> Provider:
    return Provider.from_data(slug, f"providers/{slug}.yaml", data or listing())
