"""Synthetic listings for benchmarks: valid under `iopdir validate --strict`, deterministic.

Names, phones and websites are obviously synthetic ("Synthetic Provider 00042 Recovery
Services", 555-01xx, synthetic-00042.example.org); places are real ZIP codes with their state,
centroid and time zone, so the spread over states and time zones looks like a national directory.
These files live only in temporary directories and are never published.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import random
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
import zipcodes

from generator.load.checks import SCHEMA_LINE, known_zone
from generator.model.vocab import STATES
from generator.model.zips import Zip, table

SAMHSA_CSV = Path(__file__).resolve().parents[2] / "shared/data/samhsa-nsumhss/facilities.csv.gz"
SOURCE = "Synthetic benchmark listing"
LATEST = dt.date(2026, 11, 20)  # every date is on or before this, so no date is "in the future"
SPAN_DAYS = 330

SUFFIXES = ("Recovery Services", "Counseling Center", "Behavioral Health", "Treatment Center",
            "Recovery Collective", "Wellness Group", "Outpatient Services", "Recovery Studio",
            "Family Recovery", "Counseling Cooperative")
FILLERS = ("Community", "Regional", "Integrated", "Family", "Outpatient", "Counseling",
           "Wellness", "Health", "Services", "Program", "Center", "Clinic")
STREETS = ("Example Avenue", "Sample Street", "Placeholder Road", "Test Boulevard",
           "Synthetic Way", "Fixture Lane")
CARRIERS = ("Aetna", "Cigna", "UnitedHealthcare", "Humana", "Anthem", "Kaiser Permanente",
            "Blue Cross and Blue Shield", "Molina Healthcare", "Centene", "Highmark")
OTHER_LANGUAGES = ("zh", "vi", "ko", "ru", "ar", "tl", "ht", "pt", "fr", "ase", "so", "hmn",
                   "pl", "uk", "fa", "nv")
SERVICES = ("individual_therapy", "family_therapy", "skills_education", "relapse_prevention",
            "drug_testing", "case_management", "peer_support", "psychiatric_care", "aftercare")
EXTRA_POPULATIONS = ("young_adults", "older_adults", "women", "men", "lgbtq", "veterans",
                     "co_occurring", "pregnant_postpartum", "justice_involved")
ACCREDITATIONS = ("joint_commission", "carf", "coa", "ncqa", "state_license")
DAY_SETS = {  # weekday patterns by sessions per week
    2: (("tue", "thu"), ("mon", "wed")),
    3: (("mon", "wed", "thu"), ("mon", "tue", "thu"), ("tue", "wed", "thu"), ("mon", "wed", "fri")),
    4: (("mon", "tue", "wed", "thu"), ("mon", "tue", "thu", "fri")),
    5: (("mon", "tue", "wed", "thu", "fri"),),
}
SLOT_STARTS = {"morning": (540, 570, 600), "afternoon": (780, 810, 840),
               "evening": (1050, 1080, 1110), "after-school": (930, 960)}
# People by state, in thousands (2020 census, rounded): treatment providers follow population.
POPULATION = {
    "CA": 39538, "TX": 29146, "FL": 21538, "NY": 20201, "PA": 13003, "IL": 12813, "OH": 11799,
    "GA": 10712, "NC": 10439, "MI": 10077, "NJ": 9289, "VA": 8631, "WA": 7705, "AZ": 7152,
    "MA": 7030, "TN": 6911, "IN": 6786, "MD": 6177, "MO": 6155, "WI": 5894, "CO": 5774,
    "MN": 5706, "SC": 5119, "AL": 5024, "LA": 4658, "KY": 4506, "OR": 4237, "OK": 3959,
    "CT": 3606, "UT": 3272, "PR": 3286, "IA": 3190, "NV": 3105, "AR": 3012, "MS": 2961,
    "KS": 2938, "NM": 2118, "NE": 1962, "ID": 1839, "WV": 1794, "HI": 1455, "NH": 1377,
    "ME": 1362, "RI": 1097, "MT": 1084, "DE": 990, "SD": 887, "ND": 779, "AK": 733, "DC": 690,
    "VT": 643, "WY": 577, "GU": 154, "VI": 87, "AS": 50, "MP": 48,
}
Session = dict[str, Any]
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter is faster
ZipEntry = tuple[str, Zip, str, str]  # code, centroid record, city, area code


def write_listings(directory: Path, count: int, seed: int = 1,
                   realistic_names: bool = False) -> list[Path]:
    """Write `count` listing files named synthetic-NNNNN.yaml; listing i is the same for a seed
    whatever the count. `realistic_names` pads names to lengths drawn from the SAMHSA directory."""
    directory.mkdir(parents=True, exist_ok=True)
    lengths = name_lengths() if realistic_names else ()
    paths = []
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        path = directory / f"synthetic-{i:05d}.yaml"
        path.write_text(make_listing_text(i, rng, lengths), encoding="utf-8")
        paths.append(path)
    return paths


def make_listing_text(i: int, rng: random.Random, lengths: tuple[int, ...] = ()) -> str:
    header = (SCHEMA_LINE + "\n"
              "# Synthetic benchmark listing: not a real provider. Never publish.\n")
    return header + yaml.dump(make_listing(i, rng, lengths), Dumper=_Dumper, sort_keys=False,
                              width=100, allow_unicode=True)


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Block mappings with flow lists of scalars ('days: [mon, wed]'), as people write them."""

    def represent_list(self, data: list[Any]) -> yaml.Node:
        flow = all(not isinstance(item, dict | list) for item in data)
        node: yaml.Node = self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)
        return node


_Dumper.add_representer(list, _Dumper.represent_list)


def make_listing(i: int, rng: random.Random, lengths: tuple[int, ...] = ()) -> dict[str, Any]:
    name = provider_name(i, rng, lengths)
    locations = make_locations(rng)
    programs = [make_program(rng, locations) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
    data: dict[str, Any] = {
        "name": name,
        "description": describe(name, programs),
        "website": f"https://synthetic-{i:05d}.example.org",
        "phone": phone(i),
    }
    if rng.random() < 0.5:
        data["email"] = f"intake@synthetic-{i:05d}.example.org"
    data["accreditations"] = sorted(rng.sample(ACCREDITATIONS, rng.randint(1, 2)))
    data["levels_of_care"] = levels_of_care(rng, programs)
    data["last_verified"] = date_text(rng)
    data.update(source=SOURCE, sample=True)
    data["locations"] = locations
    data["programs"] = programs
    return data


def provider_name(i: int, rng: random.Random, lengths: tuple[int, ...]) -> str:
    suffix = rng.choice(SUFFIXES)
    target = min(rng.choice(lengths), 110) if lengths else 0
    fillers: list[str] = []
    while len(f"Synthetic {' '.join(fillers)} Provider {i:05d} {suffix}") < target:
        fillers.append(rng.choice(FILLERS))
    return " ".join(["Synthetic", *fillers, "Provider", f"{i:05d}", suffix])


def phone(i: int) -> str:
    """A number of the fictional 555-0100 to 555-0199 range, unique for the first 28,800
    listings (100 for each area code in use): listings sharing a number are flagged as copies."""
    codes = area_codes()
    return f"({codes[i // 100 % len(codes)]}) 555-01{i % 100:02d}"


def describe(name: str, programs: list[dict[str, Any]]) -> str:
    kinds = sorted({p["level_of_care"] for p in programs})
    words = {"iop": "intensive outpatient", "php": "partial hospitalization",
             "outpatient": "outpatient"}
    offer = " and ".join(words[k] for k in kinds)
    return (f"{name} is a synthetic benchmark listing with {offer} care for substance use. "
            "It is generated test data and does not describe a real provider.")


def levels_of_care(rng: random.Random, programs: list[dict[str, Any]]) -> list[str]:
    levels = {p["level_of_care"] for p in programs}
    # Shares among the SAMHSA directory's IOP facilities (codes ORT, RES, DT, HI).
    for extra, chance in (("outpatient", 0.94), ("residential", 0.15),
                          ("withdrawal_management", 0.18), ("inpatient", 0.05)):
        if rng.random() < chance:
            levels.add(extra)
    order = ("withdrawal_management", "inpatient", "residential", "php", "iop", "outpatient")
    return [level for level in order if level in levels]


def date_text(rng: random.Random) -> str:
    return (LATEST - dt.timedelta(days=rng.randrange(SPAN_DAYS))).isoformat()


# Places ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def zip_pool() -> dict[str, tuple[ZipEntry, ...]]:
    """Standard (street-address) ZIP codes with a usable time zone, grouped by state."""
    known = table()
    pool: dict[str, list[ZipEntry]] = {}
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        entry = known.get(row["zip_code"])
        if (entry is None or row["zip_code_type"] != "STANDARD" or entry.state not in STATES
                or "/" not in entry.timezone or not known_zone(entry.timezone)):
            continue
        area = (row.get("area_codes") or ["555"])[0]
        pool.setdefault(entry.state, []).append((row["zip_code"], entry, row["city"], area))
    return {state: tuple(entries) for state, entries in sorted(pool.items())}


@lru_cache(maxsize=1)
def area_codes() -> tuple[str, ...]:
    return tuple(sorted({entry[3] for entries in zip_pool().values() for entry in entries
                         if entry[3].isdigit() and len(entry[3]) == 3}))



@lru_cache(maxsize=1)
def _state_weights() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Substance-use facilities per state in the SAMHSA directory when present (Kentucky has
    more than Texas there), else people per state."""
    weights = samhsa_states() or POPULATION
    states = tuple(state for state in zip_pool() if weights.get(state))
    return states, tuple(weights[state] for state in states)


def make_locations(rng: random.Random) -> list[dict[str, Any]]:
    states, weights = _state_weights()
    state = rng.choices(states, weights)[0]
    count = rng.choices((1, 2, 3), (75, 18, 7))[0]
    entries = rng.sample(zip_pool()[state], min(count, len(zip_pool()[state])))
    return [_location(rng, n, entry) for n, entry in enumerate(entries)]


def _location(rng: random.Random, n: int, entry: ZipEntry) -> dict[str, Any]:
    code, known, city, _ = entry
    loc: dict[str, Any] = {
        "id": "main" if n == 0 else f"site-{n + 1}",
        "street": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}",
        "city": city, "state": known.state, "zip": code, "timezone": known.timezone,
    }
    if rng.random() < 0.85:
        loc["latitude"] = round(known.lat + rng.uniform(-0.03, 0.03), 4)
        loc["longitude"] = round(known.lon + rng.uniform(-0.03, 0.03), 4)
    return loc


# Programs ----------------------------------------------------------------------------------


def make_program(rng: random.Random, locations: list[dict[str, Any]]) -> dict[str, Any]:
    level = rng.choices(("iop", "php", "outpatient"), (75, 12, 13))[0]
    teens = level != "php" and rng.random() < 0.15
    loc = rng.choice(locations)
    fmt = rng.choices(("in_person", "hybrid", "telehealth"), (58, 30, 12))[0]
    program: dict[str, Any] = {
        "name": program_name(level, teens),
        "level_of_care": level,
        "populations": populations(rng, teens),
        "format": fmt,
        "location": loc["id"],
    }
    if fmt != "in_person" and rng.random() < 0.4:
        program["telehealth_states"] = sorted({loc["state"], *rng.sample(sorted(STATES), 2)})
    if rng.random() < 0.8:
        program["length_weeks"] = rng.randint(*{"iop": (6, 12), "php": (2, 6),
                                                "outpatient": (8, 26)}[level])
    program["services"] = ["group_therapy", *sorted(rng.sample(SERVICES, rng.randint(3, 8)))]
    program["medication_for_addiction_treatment"] = rng.choices(
        ("offered", "coordinated", "accepted", "not_accepted"), (35, 30, 30, 5))[0]
    program.update(payment_fields(rng))
    program["languages"] = languages(rng)
    program["accepting_new_patients"] = {"status": rng.choices(
        ("yes", "waitlist", "no", "unknown"), (70, 15, 5, 10))[0], "as_of": date_text(rng)}
    program["tracks"] = tracks(rng, level, teens)
    return program


def program_name(level: str, teens: bool) -> str:
    who = "Adolescent" if teens else "Adult"
    kind = {"iop": "Intensive Outpatient Program", "php": "Partial Hospitalization Program",
            "outpatient": "Outpatient Program"}[level]
    return f"Synthetic {who} {kind}"


def populations(rng: random.Random, teens: bool) -> list[str]:
    chosen = ["adolescents"] if teens else ["adults"]
    if not teens and rng.random() < 0.45:
        chosen += rng.sample(EXTRA_POPULATIONS, rng.randint(1, 2))
    return chosen


def payment_fields(rng: random.Random) -> dict[str, Any]:
    # Shares among the SAMHSA directory's IOP facilities (codes MD, MC, MI, PI, SF, SS, PA, ITU).
    odds = (("medicaid", 0.77), ("medicare", 0.43), ("tricare", 0.43),
            ("private_insurance", 0.82), ("self_pay", 0.93), ("sliding_scale", 0.41),
            ("payment_assistance", 0.23), ("ihs_tribal", 0.13))
    payment = [code for code, chance in odds if rng.random() < chance] or ["self_pay"]
    fields: dict[str, Any] = {"payment": payment}
    if "private_insurance" in payment and rng.random() < 0.6:
        fields["insurance_carriers"] = sorted(rng.sample(CARRIERS, rng.randint(1, 5)))
    return fields


def languages(rng: random.Random) -> list[str]:
    chosen = ["en"] if rng.random() < 0.97 else []
    if rng.random() < 0.21 or not chosen:  # SAMHSA: 21% of IOP facilities offer Spanish
        chosen.append("es")
    if rng.random() < 0.06:
        chosen += rng.sample(OTHER_LANGUAGES, rng.randint(1, 2))
    return chosen


# Schedules ---------------------------------------------------------------------------------


def tracks(rng: random.Random, level: str, teens: bool) -> list[dict[str, Any]]:
    if teens:
        kinds = ["after-school"]
    elif level == "php":
        kinds = ["day"]
    else:
        count = rng.choices((1, 2, 3), (55, 35, 10))[0]
        kinds = rng.sample(["morning", "afternoon", "evening", "evening", "weekend"], count)
        kinds = sorted(set(kinds), key=kinds.index)
    low, high = hour_range(level, teens)
    return [{"name": f"{kind.replace('-', ' ').capitalize()} track",
             "sessions": _fit(rng, kind, low, high)} for kind in kinds]


def hour_range(level: str, teens: bool) -> tuple[float, float]:
    """The weekly hours a track of this level should have: [low, high)."""
    if level == "php":
        return 20.0, 40.0
    if level == "outpatient":
        return 1.0, 9.0
    return (6.0 if teens else 9.0), 20.0


def _fit(rng: random.Random, kind: str, low: float, high: float) -> list[Session]:
    """Draw schedules of this kind until one falls in the clinical range (a few draws at most)."""
    maker = _MAKERS.get(kind, _weekday)
    for _ in range(200):
        sessions = maker(rng, kind, low, high)
        if low <= _hours(sessions) < high:
            return sessions
    return [_session(("mon", "tue", "wed", "thu", "fri"), 540, 540 + int(low * 12) + 30)]


def _weekday(rng: random.Random, kind: str, low: float, high: float) -> list[Session]:
    if high <= 9.0:  # outpatient: one or two short groups
        return [_session(rng.choice(DAY_SETS[rng.choice((2, 2))])[: rng.choice((1, 2))],
                         rng.choice(SLOT_STARTS[kind]), 0, rng.choice((60, 90, 120)))]
    days = rng.choice(DAY_SETS[rng.choice((3, 3, 4, 5))])
    length = rng.choice((150, 180, 180, 210, 240))
    return [_session(days, rng.choice(SLOT_STARTS[kind]), 0, length)]


def _day(rng: random.Random, kind: str, low: float, high: float) -> list[Session]:
    """PHP: five or six hours on weekdays, sometimes split into a morning and an afternoon block."""
    days = rng.choice(DAY_SETS[rng.choice((4, 5, 5))])
    start = rng.choice((480, 510, 540))
    if rng.random() < 0.4:
        return [_session(days, start, 0, 180), _session(days, start + 210, 0, 150)]
    return [_session(days, start, 0, rng.choice((300, 330, 360)))]


def _weekend(rng: random.Random, kind: str, low: float, high: float) -> list[Session]:
    if high <= 9.0:
        return [_session(("sat",), rng.choice((540, 600)), 0, rng.choice((90, 120, 180)))]
    weekend = _session(("sat", "sun"), rng.choice((540, 570, 600)), 0, rng.choice((180, 210, 240)))
    weekday = _session(rng.choice((("wed",), ("tue", "thu"))), 1080, 0, 180)
    return [weekday, weekend] if rng.random() < 0.6 else [weekend]


def _session(days: tuple[str, ...], start: int, end: int, length: int = 0) -> Session:
    end = end or start + length
    return {"days": list(days), "start": _hhmm(start), "end": _hhmm(end)}


def _hhmm(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def _hours(sessions: list[Session]) -> float:
    def minutes(text: str) -> int:
        return int(text[:2]) * 60 + int(text[3:])

    return sum((minutes(s["end"]) - minutes(s["start"])) * len(s["days"]) for s in sessions) / 60


_MAKERS: dict[str, Callable[[random.Random, str, float, float], list[Session]]] = {
    "day": _day, "weekend": _weekend,
}


# Name lengths from the real directory (lengths only, never the names) ------------------------


@lru_cache(maxsize=1)
def _samhsa_rows() -> tuple[dict[str, str], ...]:
    """The substance-use facilities of the SAMHSA directory, or () when it is absent."""
    if not SAMHSA_CSV.is_file():
        return ()
    with gzip.open(SAMHSA_CSV, "rt", encoding="utf-8", errors="replace", newline="") as f:
        return tuple(row for row in csv.DictReader(f)
                     if row.get("directory_type") == "substance" and row.get("name1"))


def name_lengths() -> tuple[int, ...]:
    """Lengths of facility names (name1 + name2) in the SAMHSA directory, or () when absent."""
    return tuple(sorted(len(_full_name(row)) for row in _samhsa_rows()))


def samhsa_states() -> dict[str, int]:
    """Facilities per state in the SAMHSA directory, or {} when it is absent."""
    return dict(Counter(row["state"] for row in _samhsa_rows() if row.get("state")))


def _full_name(row: dict[str, str]) -> str:
    return " ".join(part.strip() for part in (row["name1"], row.get("name2") or "") if part.strip())
