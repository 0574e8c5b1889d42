"""ZIP code centroids from the maintained `zipcodes` package (public USPS and Census data)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import zipcodes


class Zip(NamedTuple):
    state: str
    lat: float
    lon: float
    timezone: str


@lru_cache(maxsize=1)
def table() -> dict[str, Zip]:
    """Every ZIP code with a centroid, built once per process (about half a second)."""
    found: dict[str, Zip] = {}
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (TypeError, ValueError):
            continue
        if lat or lon:
            found[row["zip_code"]] = Zip(row["state"], lat, lon, row.get("timezone") or "")
    _release_zipcodes_rows()
    return found


def _release_zipcodes_rows() -> None:
    """zipcodes keeps its 42,000 row dicts (about 130 MB) for the life of the process, which was
    an eighth of the peak memory of a 20,000-listing build; the compact table is all iopdir uses.
    A later zipcodes call simply loads them again."""
    if getattr(zipcodes, "_zips_cache", None) is not None:
        zipcodes._zips_cache = None


def lookup(code: str) -> Zip | None:
    return table().get(code[:5])


def miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in statute miles."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))
