"""Cut the committed sample from SAMHSA's directory in ../shared (see README.md here).

Run from the project directory: `.venv/bin/python -m tests.data.samhsa.cut`. Lines are copied
byte for byte, in the order of the original file, so every quirk of the real data stays.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import defaultdict
from pathlib import Path

from generator.importers import codes
from tests.conftest import SHARED_DATA

SOURCE = SHARED_DATA / "samhsa-nsumhss"
HERE = Path(__file__).resolve().parent

# Rows picked by hand for a quirk each (the README of the sample says which).
CHOSEN = {
    # junk: three empty rows, two legend rows
    "substance_12201", "substance_12202", "substance_12203", "substance_12204",
    "substance_12205",
    # same name, street and ZIP code (repeat rows)
    "substance_3159", "substance_3160", "substance_9535", "substance_9537",
    "substance_11111", "substance_11112", "substance_11113", "substance_9030", "substance_9031",
    # long names that differ only at the end; same name in one city
    "substance_8244", "substance_8245", "substance_4665", "substance_4672",
    # no payment, no population, no service this site can show
    "substance_411", "substance_3007", "substance_6298",
    # phone numbers written with letters; shared intake lines
    "substance_4090", "substance_5070", "substance_5086", "substance_5103", "substance_5141",
    "substance_3511", "substance_2699", "substance_3046", "substance_3599",
    # one phone line for sites in several states
    "substance_195", "substance_9613", "substance_9681", "substance_2163", "substance_3885",
    "substance_10244", "substance_3780", "substance_4719", "substance_5959", "substance_10653",
    # street address withheld ('- - -', '---'), with one phone for several sites
    "substance_3218", "substance_3514", "substance_3524", "substance_3586", "substance_3675",
    "substance_5955", "substance_5967", "substance_6036", "substance_6113", "substance_6228",
    # a name split mid-phrase over name1 and name2 ('ACTS Behavioral Health and', 'Recovery
    # Center'), two sites sharing one intake line
    "substance_11668", "substance_11681",
    # Ojibwa, Yupik, Creole; free of charge; "only" and "does not treat" limits
    "substance_2065", "substance_140", "substance_855", "substance_1238", "substance_88",
    "substance_1142", "substance_601", "substance_49",
}
EVERY_NTH_IOP = 45  # a spread of ordinary facilities across the country
NON_IOP = 25  # substance use rows without intensive outpatient care
MENTAL_REPEATS = 20
MENTAL_OTHERS = 15


def _lines() -> tuple[bytes, list[bytes], list[dict[str, str]]]:
    raw = gzip.decompress((SOURCE / "facilities.csv.gz").read_bytes())
    header, *lines = raw.splitlines(keepends=True)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == len(lines), "a record spans several lines; cut by record instead"
    return header, lines, rows


def _pick(rows: list[dict[str, str]]) -> set[int]:
    ids = {r["facility_id"]: i for i, r in enumerate(rows)}
    picked = {ids[fid] for fid in CHOSEN}
    substance = [i for i, r in enumerate(rows) if r["directory_type"] == "substance"
                 and r["name1"]]
    iop = [i for i in substance if "OIT" in rows[i]["service_code_info"].split()]
    picked.update(iop[::EVERY_NTH_IOP])
    picked.update([i for i in substance if i not in iop][::200][:NON_IOP])
    picked.update(_padding_cases(rows, iop))
    picked.update(_code_cover(rows, iop, picked))
    picked.update(_mental(rows, picked))
    return picked


def _padding_cases(rows: list[dict[str, str]], iop: list[int]) -> list[int]:
    """ZIP codes that lost leading zeros: Puerto Rico (3 digits) and New England (4)."""
    three = [i for i in iop if len(rows[i]["zip"]) == 3]
    four = [i for i in iop if len(rows[i]["zip"]) == 4][::60]
    return three + four


def _code_cover(rows: list[dict[str, str]], iop: list[int], picked: set[int]) -> list[int]:
    """At least one imported row for every code the mapping uses."""
    have = {c for i in picked for c in rows[i]["service_code_info"].split()}
    extra = []
    for entry in codes.ALL:
        if entry.code in have:
            continue
        found = next((i for i in iop if entry.code in rows[i]["service_code_info"].split()), None)
        if found is not None:
            extra.append(found)
            have.update(rows[found]["service_code_info"].split())
    return extra


def _mental(rows: list[dict[str, str]], picked: set[int]) -> list[int]:
    """Mental health rows repeating a picked substance use row, and a few that do not."""
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["directory_type"] == "mental":
            by_place[(r["name1"].casefold(), r["street1"].casefold())].append(i)
    repeats = [m for i in sorted(picked) for m in by_place.get(
        (rows[i]["name1"].casefold(), rows[i]["street1"].casefold()), [])]
    others = [i for i, r in enumerate(rows) if r["directory_type"] == "mental"][::500]
    return repeats[:MENTAL_REPEATS] + others[:MENTAL_OTHERS]


def main() -> None:
    header, lines, rows = _lines()
    picked = sorted(_pick(rows))
    (HERE / "facilities.csv").write_bytes(header + b"".join(lines[i] for i in picked))
    (HERE / "service_definitions.csv").write_bytes(
        gzip.decompress((SOURCE / "service_definitions.csv.gz").read_bytes()))
    print(f"{len(picked)} rows written to {HERE / 'facilities.csv'}")


if __name__ == "__main__":
    main()
