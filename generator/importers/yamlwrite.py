"""Write listing data as YAML in the layout of hand-written listings.

Strings that YAML could read as anything else (numbers, dates, times, 'no', ZIP codes) are
written in double quotes with JSON's escaping, which is valid YAML; `dump` then reads its own
output back with the project's loader and refuses to return text that does not give back the
same data.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.load import yamlload

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_/+-]*")
# Words some YAML readers (1.1) take for booleans or null: always quoted.
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_FLOW_MAP_MAX = 3  # small mappings of scalars read best on one line


class RoundTripError(Exception):
    """The YAML written would not read back as the same data: a bug in this module."""


def dump(data: dict[str, Any], header: list[str]) -> str:
    lines = [f"# {line}".rstrip() for line in header] + _mapping(data, 0)
    text = "\n".join(lines) + "\n"
    doc, problems = yamlload.load(text, "<import>")
    if problems or doc.data != data:
        raise RoundTripError(f"the YAML written for {data.get('name')!r} reads back differently")
    return text


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _flow(value: Any) -> str | None:
    """One-line form for a list of scalars or a small mapping of scalars, else None."""
    if isinstance(value, dict) and not value:
        return "{}"
    if isinstance(value, list) and all(_is_scalar(v) for v in value):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if (isinstance(value, dict) and len(value) <= _FLOW_MAP_MAX
            and all(_is_scalar(v) for v in value.values())):
        return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    return None


def _mapping(data: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        shown = _flow(value) if not _is_scalar(value) else scalar(value)
        if shown is not None:
            lines.append(f"{pad}{scalar(key)}: {shown}")
        elif isinstance(value, dict):
            lines += [f"{pad}{scalar(key)}:", *_mapping(value, indent + 2)]
        else:
            lines += [f"{pad}{scalar(key)}:", *_sequence(value, indent + 2)]
    return lines


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        # Mappings in a list stay in block form, like the locations and programs of listings.
        shown = (scalar(item) if _is_scalar(item)
                 else _flow(item) if isinstance(item, list) or not item else None)
        if shown is not None:
            lines.append(f"{pad}- {shown}")
            continue
        inner = (_mapping(item, indent + 2) if isinstance(item, dict)
                 else _sequence(item, indent + 2))
        lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
    return lines
