"""finder/zips.json: every ZIP code's centroid, for the finder to place a ZIP a person types
and measure distances on the device. ZIPs sorted and delta-coded, lat and lon as degrees x 100
delta-coded, states as runs of [state number, count]. The finder loads it only when a person
types a ZIP code."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from generator.finder.columns import FORMAT_VERSION, delta, dumps, runs
from generator.model import zips

ZIPS_PATH = "finder/zips.json"
ZIP_SCALE = 100  # ZIP centroids: about 1 km, enough for a 5-mile radius


@lru_cache(maxsize=1)
def zips_json() -> str:
    return dumps(encode_zips(zips.table()))


def encode_zips(table: dict[str, zips.Zip]) -> dict[str, Any]:
    codes = sorted(table)
    rows = [table[c] for c in codes]
    states = sorted({r.state for r in rows})
    return {
        "v": FORMAT_VERSION,
        "states": states,
        "zip": delta(int(c) for c in codes),
        "lat": delta(round(r.lat * ZIP_SCALE) for r in rows),
        "lon": delta(round(r.lon * ZIP_SCALE) for r in rows),
        "state": runs([states.index(r.state) for r in rows]),
    }
