"""Rows messier than the real sample: the import explains each and never stops on one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.importers import report
from generator.load.catalog import UsageError, load_paths
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import FACILITIES, run_import

CODES = b"SA * OP OIT * MD SF * ADLT * ICO GCO"


def _csv(tmp_path: Path, *rows: bytes) -> Path:
    header = FACILITIES.read_bytes().splitlines(keepends=True)[0]
    path = tmp_path / "messy.csv"
    path.write_bytes(header + b"".join(row + b"\r\n" for row in rows))
    return path


def test_messy_rows_are_explained(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        b"substance_1,substance,Short Row Clinic,,1 Main Street,,Bend,OR,97701",
        b"substance_2,substance,Bad Zip Clinic,,1 Main Street,,Bend,OR,ABC,541-555-0100,,,,,"
        + CODES,
        b"substance_3,substance,Far Clinic,,1 Main Street,,Bend,ZZ,97701,541-555-0101,,,,,"
        + CODES,
        b"substance_4,substance,Caf\xe9 Clinic,,1 Main Street,,Bend,OR,97701,541-555-0102,,,,,"
        + CODES + b",extra,columns",
        b"substance_5,substance,No Phone Clinic,,1 Main Street,,Bend,OR,97701,n/a,,,,,"
        + CODES,
        b"row 6,substance,Odd Id Clinic,,1 Main Street,,Bend,OR,97701,541-555-0103,,,,,"
        + CODES,
    )
    found = run_import(tmp_path / "out", facilities=path)
    details = {o.facility_id: o.detail for o in found.outcomes}
    assert found.outcomes[0].reason == report.LEVEL  # no codes at all in a short row
    assert details["substance_2"] == "ZIP code 'ABC' is not a ZIP code"
    assert details["substance_3"] == "state 'ZZ' is not a U.S. state or territory code"
    assert details["substance_5"] == "no phone number that can be dialled (phone 'n/a')"
    assert details["row 6"] == "facility_id 'row 6' is not like 'substance_123'"
    # A byte that is not UTF-8 becomes U+FFFD; the row still imports.
    [imported] = found.imported
    assert imported.facility_id == "substance_4"
    catalog = load_paths([tmp_path / "out"], today=TODAY)
    assert catalog.providers[0].name == "Caf\ufffd Clinic"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the columns facility_id, directory_type"),
    (b"a,b,c\r\n1,2,3\r\n", "is this the right file? Its first line names: a, b, c"),
])
def test_a_file_that_is_not_the_directory_is_a_usage_error(
        tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "other.csv"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=re.escape(message)):
        run_import(tmp_path / "out", facilities=path)
