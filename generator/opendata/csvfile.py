"""The one CSV writer for every CSV file iopdir writes: the site's programs.csv and
data/hsds/*.csv, the call list of `iopdir calls` and the import's report.

A cell that starts with '=', '+', '-', '@', a tab or a carriage return is a formula to a
spreadsheet, so listing text could run in the spreadsheet of whoever opens the file (OWASP's
"CSV injection"). Every cell that starts so gets a leading apostrophe, which spreadsheets show
as text; a phone number written '+1-503-555-0142' too. A plain number (a longitude like
-122.68) is data, not a formula, and stays as it is. Every cell is quoted, so a spreadsheet
set to split on ';' (as in many locales) cannot cut 'x;=HYPERLINK(...)' into a formula cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def inert(value: str) -> str:
    """`value` as a cell that no spreadsheet runs."""
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(columns: Iterable[str], rows: Iterable[Mapping[str, str]]) -> str:
    """RFC 4180 CSV (every cell quoted, CRLF line ends) with a header row; every cell inert."""
    names = list(columns)
    return table_csv(names, ([row.get(name, "") for name in names] for row in rows))


def table_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The same from rows of values in the header's order (numbers and None written as text)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([inert("" if value is None else str(value)) for value in row]
                     for row in rows)
    return out.getvalue()
