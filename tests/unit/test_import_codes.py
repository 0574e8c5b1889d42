"""The code mapping, checked against the directory's own service_definitions.csv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.importers import codes
from generator.importers.source import read_definitions
from generator.load.schema_check import load_schema
from generator.model import vocab
from tests.unit.samhsa_fixtures import DEFINITIONS, run_import

DEFS = load_schema()["$defs"]
PROGRAM = DEFS["program"]["properties"]
SCHEMA_VALUES: dict[str, list[Any]] = {
    "program_level": PROGRAM["level_of_care"]["enum"],
    "levels_of_care": DEFS["continuum_level"]["enum"],
    "payment": PROGRAM["payment"]["items"]["enum"],
    "populations": PROGRAM["populations"]["items"]["enum"],
    "services": PROGRAM["services"]["items"]["enum"],
    "medication_for_addiction_treatment": PROGRAM["medication_for_addiction_treatment"]["enum"],
    "format": PROGRAM["format"]["enum"],
    "accreditations": load_schema()["properties"]["accreditations"]["items"]["enum"],
    "languages": list(vocab.LANGUAGES),
}


@pytest.mark.parametrize("entry", [c for c in codes.ALL], ids=lambda c: c.code)
def test_each_mapped_code_means_what_the_mapping_says(entry: codes.Code) -> None:
    definitions = read_definitions(DEFINITIONS)
    assert codes.normal_label(definitions[(codes.DIRECTORY, entry.code)]) == entry.label


@pytest.mark.parametrize("entry", [c for c in codes.ALL if c.field != "description"],
                         ids=lambda c: c.code)
def test_each_mapped_value_is_in_the_schema(entry: codes.Code) -> None:
    assert entry.value in SCHEMA_VALUES[entry.field]


def test_the_definitions_file_has_the_replacement_character_quirk() -> None:
    label = read_definitions(DEFINITIONS)[(codes.DIRECTORY, "ACM")]
    assert label == "Acamprosate (Campral\ufffd)"
    assert codes.normal_label(label) == "Acamprosate (Campral)"
    assert b"\r\n" in DEFINITIONS.read_bytes()  # CRLF, as published


def test_values_keep_the_table_order_and_appear_once() -> None:
    assert codes.values(codes.POPULATIONS, frozenset({"SE", "SNR", "AD", "ADLT"})) == \
        ["adults", "adolescents", "older_adults"]
    # Prescribing wins over accepting people who take medication prescribed elsewhere.
    assert codes.values(codes.MAT, frozenset({"MOA", "INPE", "UB"}))[0] == "offered"


def test_a_code_that_changed_meaning_stops_the_import(tmp_path: Path) -> None:
    changed = tmp_path / "service_definitions.csv"
    changed.write_bytes(DEFINITIONS.read_bytes().replace(
        b"substance,OIT,Intensive outpatient treatment", b"substance,OIT,Outpatient intake"))
    out = tmp_path / "out"
    found = run_import(out, definitions=changed)
    assert [d.message for d in found.problems] == [
        "code 'OIT' now reads 'Outpatient intake', not 'Intensive outpatient treatment': check "
        "what it means, then update generator/importers/codes.py"]
    assert not out.exists()
