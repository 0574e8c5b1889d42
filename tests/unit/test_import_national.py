"""The whole of SAMHSA's directory (in ../shared, which CI has): it imports without a crash, every
row is accounted for, and every listing written is valid. About 15 seconds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.importers import report
from generator.load.catalog import load_paths
from generator.load.diagnostics import has_errors
from tests.conftest import SHARED_DATA, TODAY
from tests.unit.samhsa_fixtures import run_import

DIRECTORY = SHARED_DATA / "samhsa-nsumhss"
FACILITIES = DIRECTORY / "facilities.csv.gz"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(not FACILITIES.exists(),
                       reason=f"SAMHSA directory not found at {FACILITIES} (it ships with CI's "
                              "../shared; the committed sample in tests/data/samhsa is tested "
                              "instead)"),
]


def test_the_national_directory_imports_with_every_row_explained(tmp_path: Path) -> None:
    found = run_import(tmp_path, facilities=FACILITIES,
                       definitions=DIRECTORY / "service_definitions.csv.gz")
    assert found.problems == []
    assert len(found.outcomes) == 20_524  # every data row of the file, once
    assert len({o.facility_id for o in found.outcomes}) == 20_524
    reasons = Counter(o.reason for o in found.outcomes)
    assert reasons[report.JUNK] == 5  # substance_12201 to substance_12205
    # The README counts 5,595 facilities with intensive outpatient care.
    iop = reasons[report.IMPORTED] + reasons[report.REPEAT] + reasons[report.INVALID]
    assert iop == 5_595
    assert reasons[report.IMPORTED] > 5_500
    assert all(o.detail for o in found.skipped if o.reason in report.NOTEWORTHY)
    assert reasons[report.MENTAL] + reasons[report.MENTAL_REPEAT] == 8_319
    written = list(tmp_path.glob("*.yaml"))
    assert len(written) == reasons[report.IMPORTED] == len(found.new)
    catalog = load_paths([tmp_path], today=TODAY)
    assert not has_errors(catalog.diagnostics), catalog.diagnostics[:5]
    assert len(catalog.providers) == len(written)
