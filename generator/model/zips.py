"""ZIP code centroids and time zones, from a compact table the package carries.

`zips.tsv.gz` holds, for every ZIP code with a centroid, its state, latitude, longitude and time
zone, taken from the maintained `zipcodes` package (public USPS and Census data) by
`python -m tests.zip_table`. Loading `zipcodes` itself costs about 130 MB of memory and half a
second; this table loads in a tenth of the time and keeps a few megabytes.
"""

from __future__ import annotations

import gzip
import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).with_name("zips.tsv.gz")
HEADER = "# zip\tstate\tlatitude\tlongitude\ttimezone (from the zipcodes package)\n"


class Zip(NamedTuple):
    state: str
    lat: float
    lon: float
    timezone: str


@lru_cache(maxsize=1)
def table() -> dict[str, Zip]:
    """Every ZIP code with a centroid, read once per process."""
    found: dict[str, Zip] = {}
    text = gzip.decompress(TABLE.read_bytes()).decode("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        code, state, lat, lon, zone = line.split("\t")
        found[code] = Zip(sys.intern(state), float(lat), float(lon), sys.intern(zone))
    return found


def lookup(code: str) -> Zip | None:
    return table().get(code[:5])


def miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in statute miles."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))
