"""Every listing starts with the line that tells editors which schema to check it with."""

from __future__ import annotations

import pytest

from generator.load.checks import SCHEMA_LINE, check_schema_line
from tests.conftest import PROVIDERS


@pytest.mark.parametrize("raw", [
    SCHEMA_LINE.encode() + b"\nname: x\n",
    b"\xef\xbb\xbf" + SCHEMA_LINE.encode() + b"\r\nname: x\r\n",  # BOM and Windows line ends
    b"# yaml-language-server: $schema=../../../schema/provider.schema.json\nname: x\n",
    b"",  # empty: reported as empty, not also as missing this line
])
def test_the_line_is_recognised(raw: bytes) -> None:
    assert check_schema_line("providers/x.yaml", raw) == []


@pytest.mark.parametrize("raw", [
    b"name: x\n",
    b"# Sample listing\n" + SCHEMA_LINE.encode() + b"\n",  # not the first line
    b"# yaml-language-server: $schema=https://example.org/other.json\nname: x\n",
])
def test_a_missing_line_is_a_warning_that_gives_the_line(raw: bytes) -> None:
    (found,) = check_schema_line("providers/x.yaml", raw)
    assert found.format_text() == (
        "providers/x.yaml:1:1: warning: the first line should be '# yaml-language-server: "
        "$schema=../schema/provider.schema.json', so editors check and complete the fields "
        "while you type; add it as line 1")


def test_every_listing_in_providers_starts_with_it() -> None:
    for path in sorted(PROVIDERS.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path.name
