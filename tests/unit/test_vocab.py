"""Every code the schema allows has a plain-language label on the site."""

from __future__ import annotations

from typing import Any

import pytest

from generator.load.schema_check import load_schema
from generator.model import vocab

DEFS = load_schema()["$defs"]
PROGRAM = DEFS["program"]["properties"]


def _enum(schema: dict[str, Any]) -> list[str]:
    values: list[str] = schema["enum"]
    return values


@pytest.mark.parametrize(("codes", "labels"), [
    (_enum(DEFS["continuum_level"]), vocab.CONTINUUM),
    (_enum(PROGRAM["level_of_care"]), vocab.LEVELS),
    (_enum(PROGRAM["populations"]["items"]), vocab.POPULATIONS),
    (_enum(PROGRAM["format"]), vocab.FORMATS),
    (_enum(PROGRAM["services"]["items"]), vocab.SERVICES),
    (_enum(PROGRAM["medication_for_addiction_treatment"]), vocab.MAT),
    (_enum(PROGRAM["payment"]["items"]), vocab.PAYMENT),
    (_enum(PROGRAM["accepting_new_patients"]["properties"]["status"]), vocab.ACCEPTING),
    (_enum(load_schema()["properties"]["accreditations"]["items"]), vocab.ACCREDITATIONS),
    (_enum(DEFS["us_state"]), vocab.STATES),
    (_enum(DEFS["session"]["properties"]["days"]["items"]), vocab.DAY_NAMES),
    (_enum(load_schema()["properties"]["verification"]["properties"]["method"]),
     vocab.VERIFICATION_METHODS),
    (_enum(load_schema()["properties"]["unreachable"]["properties"]["reason"]),
     vocab.UNREACHABLE_REASONS),
])
def test_every_code_has_a_label(codes: list[str], labels: dict[str, str]) -> None:
    assert sorted(codes) == sorted(labels)


def test_every_schema_field_is_described() -> None:
    def walk(schema: Any, where: str) -> list[str]:
        missing = []
        if isinstance(schema, dict):
            for name, field in schema.get("properties", {}).items():
                if "description" not in field:
                    missing.append(f"{where}.{name}")
            for key, value in schema.items():
                missing += walk(value, f"{where}.{key}")
        return missing

    assert walk(load_schema(), "schema") == []
