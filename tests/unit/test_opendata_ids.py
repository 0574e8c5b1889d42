"""Export ids are standard version 5 UUIDs, stable across builds."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from generator.opendata.ids import NAMESPACE, record_id


@given(st.lists(st.text() | st.integers(min_value=0, max_value=999), min_size=1, max_size=5))
def test_record_ids_are_uuid5_of_the_record_path(parts: list[str | int]) -> None:
    expected = uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts))
    assert record_id(*parts) == str(expected)
    assert uuid.UUID(record_id(*parts)).version == 5


def test_a_known_id_never_changes() -> None:
    assert record_id("otterbank-wellness-house") == "cf6d73d8-2d4c-5975-a457-6dea4701c6c3"
