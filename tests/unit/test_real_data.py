"""Checks against SAMHSA's real national directory (in ../shared/data, which CI has).

A fresh clone elsewhere may not have it; these tests then skip and say why.
"""

from __future__ import annotations

import csv
import gzip
import io

import pytest

from generator.model import zips
from tests.conftest import SHARED_DATA

FACILITIES = SHARED_DATA / "samhsa-nsumhss" / "facilities.csv.gz"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not FACILITIES.exists(),
                       reason=f"SAMHSA directory not found at {FACILITIES} (it ships with CI's "
                              "../shared; nothing to check against in this clone)"),
]


def _iop_facilities() -> list[dict[str, str]]:
    with gzip.open(FACILITIES, "rb") as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))
        return [r for r in rows if r["directory_type"] == "substance" and r["name1"]
                and "OIT" in r["service_code_info"].split()]


def test_zip_centroids_cover_real_iop_facilities() -> None:
    """Distance search depends on the ZIP table: nearly every real IOP must be placeable."""
    facilities = _iop_facilities()
    assert len(facilities) > 5000  # the README counts 5,595 IOP rows
    known = zips.table()
    # The directory lost leading zeros from about 1,190 ZIP codes: pad them back.
    missing = [f for f in facilities if f["zip"].strip().zfill(5)[:5] not in known]
    assert len(missing) / len(facilities) < 0.01, missing[:10]


def test_real_zip_states_agree_with_the_zip_table() -> None:
    facilities = _iop_facilities()
    known = zips.table()
    placed = [(f, known[f["zip"].strip().zfill(5)[:5]]) for f in facilities
              if f["zip"].strip().zfill(5)[:5] in known]
    disagree = [f["facility_id"] for f, z in placed if z.state != f["state"]]
    assert len(disagree) / len(placed) < 0.01, disagree[:10]
