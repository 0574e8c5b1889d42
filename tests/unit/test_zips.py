"""The ZIP code table the package carries is the one `zipcodes` gives today."""

from __future__ import annotations

import gzip

import pytest

from generator.model import zips


def test_the_committed_table_is_what_the_zipcodes_package_gives() -> None:
    pytest.importorskip("zipcodes")
    from tests import zip_table

    committed = gzip.decompress(zips.TABLE.read_bytes())
    assert committed == gzip.decompress(zip_table.content()), (
        "the zipcodes package changed: run `python -m tests.zip_table` and commit the table")


def test_a_zip_code_has_its_state_centroid_and_time_zone() -> None:
    portland = zips.lookup("97201")
    assert portland is not None
    assert (portland.state, portland.timezone) == ("OR", "America/Los_Angeles")
    assert 45.4 < portland.lat < 45.6 and -122.8 < portland.lon < -122.6
    assert zips.lookup("00000") is None
    assert len(zips.table()) > 40_000
