"""Read the directory's CSV files, plain or gzip-compressed, with CRLF or LF line endings."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from generator.load.catalog import UsageError

FACILITY_COLUMNS = ("facility_id", "directory_type", "name1", "name2", "street1", "street2",
                    "city", "state", "zip", "phone", "intake1", "intake2", "intake1a",
                    "intake2a", "service_code_info")
DEFINITION_COLUMNS = ("directory_type", "code", "label")


@dataclass(frozen=True)
class Row:
    line: int  # where the record ends in the file, for messages
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column) or ""


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise UsageError(f"{path}: cannot open the file: {exc.strerror}") from exc


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """Every record, with its values stripped of surrounding spaces."""
    with _open(path) as raw:
        packed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: BinaryIO | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if packed else raw
        # Bytes that are not UTF-8 become U+FFFD rather than stopping the import.
        with io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace",
                              newline="") as handle:
            yield from _records(path, handle, columns)


def _records(path: Path, handle: io.TextIOWrapper, columns: tuple[str, ...]) -> Iterator[Row]:
    reader = csv.DictReader(handle)
    try:
        header = tuple(reader.fieldnames or ())
    except (OSError, EOFError, csv.Error) as exc:
        raise UsageError(f"{path}: cannot read the file as CSV: {exc}") from exc
    missing = [c for c in columns if c not in header]
    if missing:
        raise UsageError(f"{path}: the columns {', '.join(missing)} are missing; is this "
                         f"the right file? Its first line names: {', '.join(header)}")
    try:
        for values in reader:
            yield Row(reader.line_num, {k: (v or "").strip() for k, v in values.items()
                                        if isinstance(k, str) and isinstance(v, str)})
    except (OSError, EOFError, csv.Error) as exc:
        raise UsageError(f"{path}:{reader.line_num}: the file is damaged: {exc}") from exc


def read_definitions(path: Path) -> dict[tuple[str, str], str]:
    """(directory_type, code) -> label."""
    return {(row.get("directory_type"), row.get("code")): row.get("label")
            for row in read_rows(path, DEFINITION_COLUMNS)}
