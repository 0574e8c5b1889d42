"""One row of the directory, cleaned: or the reason it cannot become a listing."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.importers import phones
from generator.importers.source import Row
from generator.load.duplicates import name_key, street_key
from generator.model.vocab import STATES

# SAMHSA lets a facility keep its street address out of the directory; the row then holds
# dashes ('- - -', '---'). The schema needs a street, so the listing says so in words.
NO_STREET = "Street address not listed"
_HAS_TEXT = re.compile(r"[0-9A-Za-z]")
_ID = re.compile(r"[a-z]+_[0-9]+")  # the schema's pattern for external_ids.samhsa_nsumhss
# The directory splits long names over name1 and name2, sometimes mid-phrase ('ACTS Behavioral
# Health and' / 'Recovery Center'): a name1 ending in one of these words, lowercase as in a
# title, runs on into name2. 'Outside In' (a capital 'In') is a name of its own.
_RUNS_ON = frozenset({"and", "of", "for", "the", "at", "on", "in", "to", "&"})
INTAKE_COLUMNS = ("intake1", "intake2", "intake1a", "intake2a")


@dataclass(frozen=True)
class Facility:
    id: str
    line: int
    name: str
    street: str
    city: str
    state: str
    zip: str
    phone: str
    intake: tuple[str, ...]  # intake lines other than the main phone
    codes: frozenset[str]
    fixes: tuple[str, ...] = ()  # what was repaired, for the summary

    @property
    def key(self) -> str:
        """Same name, street and ZIP is one facility (the duplicate check's rule)."""
        return f"{name_key(self.name)}|{street_key(self.street)}|{self.zip}"

    @property
    def number(self) -> str:
        return self.id.rsplit("_", 1)[-1]


def display_name(row: Row) -> str:
    """'SpectraCare Health Systems, Henry County Clinic': the organisation, then the site."""
    parts = [" ".join(row.get(c).split()) for c in ("name1", "name2")]
    if not parts[0]:  # legend rows hold labels in the other columns
        return ""
    if parts[1] and parts[1].casefold() != parts[0].casefold():
        joint = " " if parts[0].rsplit(" ", 1)[-1] in _RUNS_ON else ", "
        return f"{parts[0]}{joint}{parts[1]}"
    return parts[0]


def row_key(row: Row) -> str:
    """The key of a row before it is cleaned (mental health rows are never cleaned)."""
    return f"{name_key(display_name(row))}|{street_key(_street(row))}|{row.get('zip').zfill(5)}"


def parse(row: Row) -> Facility | str:
    """The facility, or why the row cannot be imported."""
    name = display_name(row)
    if not name:
        return "no facility name (an empty row, or a legend row of codes and labels)"
    if not _ID.fullmatch(row.get("facility_id")):
        return f"facility_id {row.get('facility_id')!r} is not like 'substance_123'"
    state = row.get("state").upper()
    if state not in STATES:
        return f"state {row.get('state')!r} is not a U.S. state or territory code"
    zip_code, zip_fix = _zip(row.get("zip"))
    if zip_code is None:
        return f"ZIP code {row.get('zip')!r} is not a ZIP code"
    numbers, lettered = _phones(row)
    if not numbers:
        return f"no phone number that can be dialled (phone {row.get('phone')!r})"
    city = " ".join(row.get("city").split())
    if len(city) < 2:
        return f"city {row.get('city')!r} is missing"
    fixes = tuple(f for f, happened in ((zip_fix, bool(zip_fix)),
                                        ("phone letters turned into digits", lettered)) if happened)
    street = _street(row)
    if street == NO_STREET:
        fixes += ("street address not listed",)
    return Facility(row.get("facility_id"), row.line, name, street, city, state, zip_code,
                    numbers[0], tuple(numbers[1:]), frozenset(row.get("service_code_info").split()),
                    fixes)


def with_phones_of(kept: Facility, repeats: list[Facility]) -> Facility:
    """`kept` with the numbers of rows that repeat it added to its intake lines: a repeated row
    is dropped, what it says is not."""
    known = [kept.phone, *kept.intake]
    extra = [n for r in repeats for n in (r.phone, *r.intake) if n not in known]
    added = list(dict.fromkeys(extra))
    if not added:
        return kept
    return dataclasses.replace(kept, intake=(*kept.intake, *added),
                               fixes=(*kept.fixes, "phone numbers kept from a repeated row"))


def _zip(raw: str) -> tuple[str | None, str]:
    """Five digits; the directory lost leading zeros from some codes ('4401', '603')."""
    digits = raw.split("-")[0].strip()
    if not (digits.isascii() and digits.isdigit()) or not 3 <= len(digits) <= 5:
        return None, ""
    return digits.zfill(5), ("ZIP code padded to five digits" if len(digits) < 5 else "")


def _street(row: Row) -> str:
    parts = [" ".join(row.get(c).split()) for c in ("street1", "street2")]
    kept = [p for p in parts if _HAS_TEXT.search(p)]
    return ", ".join(kept) if kept else NO_STREET


def _phones(row: Row) -> tuple[list[str], bool]:
    """The main phone first (or the first intake line if it has none), then the other intake
    lines, each once."""
    numbers: list[str] = []
    lettered = False
    for column in ("phone", *INTAKE_COLUMNS):
        number, letters = phones.normalise(row.get(column))
        lettered |= letters and number is not None and number not in numbers
        if number is not None and number not in numbers:
            numbers.append(number)
    return numbers, lettered
