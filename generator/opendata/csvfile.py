"""The one CSV writer for every CSV file the site publishes (programs.csv, data/hsds/*.csv).

A cell that starts with '=', '+', '-', '@', a tab or a carriage return is a formula to a
spreadsheet, so listing text could run in the spreadsheet of whoever opens the file (OWASP's
"CSV injection"). Every cell that starts so gets a leading apostrophe, which spreadsheets show
as text; a phone number written '+1-503-555-0142' too. A plain number (a longitude like
-122.68) is data, not a formula, and stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def inert(value: str) -> str:
    """`value` as a cell that no spreadsheet runs."""
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(columns: Iterable[str], rows: Iterable[Mapping[str, str]]) -> str:
    """RFC 4180 CSV (quoted as needed, CRLF line ends) with a header row; every cell inert."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows({key: inert(value) for key, value in row.items()} for row in rows)
    return out.getvalue()
