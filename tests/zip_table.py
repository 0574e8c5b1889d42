"""Writes `generator/model/zips.tsv.gz`, the ZIP code table the package carries, from the
`zipcodes` package (public USPS and Census data): `python -m tests.zip_table`.

Loading `zipcodes` whole costs about 130 MB of memory and half a second in every process; the
five columns iopdir uses fit in a 0.4 MB file. `tests/unit/test_zips.py` checks that the
committed file is what this writes, so a newer `zipcodes` shows up as a failing test.
"""

from __future__ import annotations

import gzip

import zipcodes

from generator.model import zips


def rows() -> list[str]:
    """One line per ZIP code with a centroid: code, state, latitude, longitude, time zone."""
    lines = []
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (TypeError, ValueError):
            continue
        if lat or lon:
            fields = (row["zip_code"], row["state"], row["lat"], row["long"],
                      row.get("timezone") or "")
            lines.append("\t".join(fields))
    return sorted(lines)


def content() -> bytes:
    text = zips.HEADER + "".join(line + "\n" for line in rows())
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


if __name__ == "__main__":
    zips.TABLE.write_bytes(content())
    print(f"wrote {zips.TABLE}")
