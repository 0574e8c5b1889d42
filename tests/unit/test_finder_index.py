"""The finder index: decoded back here by a reader written for the test, it says what the
listings say; repeated text is stored once; bitmasks and the ZIP table round-trip."""

from __future__ import annotations

import gzip
import json
from typing import Any

from generator.finder import columns, finder_index, zip_table
from generator.model import zips
from generator.model.records import Provider
from tests.conftest import TODAY
from tests.unit.helpers import listing, program, provider, track

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def numbers(col: str | list[int], count: int | None = None) -> list[int]:
    values = [DIGITS.index(c) for c in col] if isinstance(col, str) else list(col)
    assert count is None or len(values) == count
    return values


def running(deltas: list[int]) -> list[int]:
    out, total = [], 0
    for d in deltas:
        total += d
        out.append(total)
    return out


def codes(mask: int, table: list[list[str]]) -> set[str]:
    return {code for i, (code, _) in enumerate(table) if mask >> i & 1}


def decode(index: dict[str, Any]) -> list[dict[str, Any]]:
    """Every track as a flat record, the way a reader of the format would see it."""
    labels, prov, loc, prog, trk = (index[k] for k in
                                    ("labels", "provider", "location", "program", "track"))
    n_prov = len(prov["name"])
    per_prov = numbers(prov["programs"], n_prov)
    locs_per_prov = numbers(prov["locations"], n_prov)
    lats, lons = running(loc["lat"]), running(loc["lon"])
    n_prog = sum(per_prov)
    tracks_per_prog = numbers(prog["tracks"], n_prog)
    tele = _tele(prog["tele"])
    col = {k: numbers(prog[k], n_prog) for k in
           ("name", "location", "level", "format", "pop", "pay", "lang", "mat", "open")}
    t_names = numbers(trk["name"])
    t_scheds = numbers(trk["schedule"])
    records, p, t, first_loc = [], 0, 0, 0
    for i in range(n_prov):
        city = loc["cities"][numbers(loc["city"])[first_loc]]
        slug = _slug(prov["slug"][i], prov["name"][i], city)
        for n in range(1, per_prov[i] + 1):
            where = first_loc + col["location"][p]
            for _ in range(tracks_per_prog[p]):
                flat = index["schedule"][t_scheds[t]]
                records.append({
                    "provider": prov["name"][i], "slug": slug, "program_no": n,
                    "program": prog["names"][col["name"][p]], "track": trk["names"][t_names[t]],
                    "level": labels["level"][col["level"][p]][0],
                    "format": labels["format"][col["format"][p]][0],
                    "pop": codes(col["pop"][p], labels["pop"]),
                    "pay": codes(col["pay"][p], labels["pay"]),
                    "lang": codes(col["lang"][p], labels["lang"]),
                    "mat": labels["mat"][col["mat"][p]][0],
                    "open": labels["open"][col["open"][p]][0],
                    "city": loc["cities"][numbers(loc["city"])[where]],
                    "state": labels["state"][numbers(loc["state"])[where]][0],
                    "zone": labels["zone"][numbers(loc["zone"])[where]][0],
                    "point": (lats[where] / 1000, lons[where] / 1000),
                    "approx": numbers(loc["approx"])[where] == 1,
                    "phone": prov["phone"][i],
                    "tele": {labels["state"][s][0] for s in tele.get(p, [])},
                    "sessions": [tuple(flat[k:k + 3]) for k in range(0, len(flat), 3)],
                })
                t += 1
            p += 1
        first_loc += locs_per_prov[i]
    return records


def _slug(coded: str, name: str, city: str) -> str:
    guess = f"{finder_index.slug_of(name)}-{finder_index.slug_of(city)}"
    if coded in ("", "="):
        return finder_index.slug_of(name) if coded == "" else guess
    if ":" in coded:
        same, rest = coded.split(":", 1)
        return guess[:int(same)] + rest
    return coded


def _tele(flat: list[int]) -> dict[int, list[int]]:
    out, i, p = {}, 0, 0
    while i < len(flat):
        p += flat[i]
        out[p] = flat[i + 2:i + 2 + flat[i + 1]]
        i += 2 + flat[i + 1]
    return out


def catalog() -> list[Provider]:
    second = listing(
        name="Zephyr Telehealth Recovery",
        locations=[
            {"id": "main", "street": "2 Example Road", "city": "Santa Fe", "state": "NM",
             "zip": "87501", "timezone": "America/Denver", "latitude": 35.6869,
             "longitude": -105.9378},
            {"id": "east", "street": "3 Example Road", "city": "Ciudad Señora", "state": "NM",
             "zip": "88001", "timezone": "America/Denver"},
        ],
        programs=[
            program(name="Virtual IOP", format="telehealth", telehealth_states=["NM", "AZ"],
                    payment=["medicaid", "self_pay"], languages=["en", "es", "nv"],
                    populations=["adults", "veterans"],
                    medication_for_addiction_treatment="offered",
                    tracks=[track((["sat", "sun"], "09:00", "12:00"), name="Weekend"),
                            track((["mon", "tue", "thu"], "18:00", "21:00"),
                                  (["sat"], "10:00", "12:00"), name="Evening")]),
            program(name="Adult IOP", location="east",
                    accepting_new_patients={"status": "waitlist", "as_of": "2026-10-01"},
                    tracks=[track((["mon", "tue", "thu"], "18:00", "21:00"),
                                  name="Evening")]),
        ])
    second["intake_phones"] = ["(505) 555-0111", "(505) 555-0112"]
    return [provider(second, slug="zephyr-nm"), provider()]


def test_round_trip_decodes_every_track_as_listed() -> None:
    index = json.loads(columns.dumps(finder_index.build_index(catalog(), TODAY)))
    assert index["v"] == columns.FORMAT_VERSION
    records = decode(index)
    assert [(r["slug"], r["program_no"], r["track"]) for r in records] == [
        ("unit-test-clinic", 1, "Evening"),  # providers sort by name: "Unit" before "Zephyr"
        ("zephyr-nm", 1, "Weekend"), ("zephyr-nm", 1, "Evening"), ("zephyr-nm", 2, "Evening"),
    ]
    unit, weekend, evening, east = records
    assert unit["sessions"] == [(0b1011, 1080, 1260)]
    assert unit["zone"] == "America/Los_Angeles" and unit["point"] == (45.508, -122.69)  # ZIP 97201
    assert weekend["format"] == "telehealth" and weekend["tele"] == {"NM", "AZ"}
    assert weekend["sessions"] == [(0b1100000, 540, 720)]
    assert evening["sessions"] == [(0b1011, 1080, 1260), (0b100000, 600, 720)]
    assert evening["pay"] == {"medicaid", "self_pay"} and evening["lang"] == {"en", "es", "nv"}
    assert evening["pop"] == {"adults", "veterans"} and evening["mat"] == "offered"
    assert evening["point"] == (35.687, -105.938)  # degrees x 1000
    assert east["city"] == "Ciudad Señora" and east["open"] == "waitlist"
    assert east["mat"] == "" and east["tele"] == set()
    centroid = zips.lookup("88001")
    assert centroid is not None
    assert east["point"] == (round(centroid.lat, 3), round(centroid.lon, 3))
    # Distances to a ZIP code's centre are approximate, and the finder says so.
    assert (unit["approx"], weekend["approx"], east["approx"]) == (True, False, True)
    # The number a result offers to call: the first intake line, else the main phone.
    assert (unit["phone"], east["phone"]) == ("(503) 555-0199", "(505) 555-0111")


def test_slugs_are_stored_only_as_far_as_the_name_and_city_do_not_give_them() -> None:
    index = finder_index.build_index(catalog(), TODAY)
    assert index["provider"]["slug"] == ["", "zephyr-nm"]
    assert finder_index.slug_of("Men's Recovery & Co.") == "men-s-recovery-co"
    assert finder_index.slug_of("Señora Recovery") == ""  # not ASCII: always stored
    code = finder_index.code_slug
    assert code("hope-house-salem", "Hope House", "Salem") == "="  # as imported listings are
    assert code("hope-house-salem-2", "Hope House", "Salem") == "16:-2"
    assert code("hope-house-bend", "Hope House", "Salem") == "11:bend"
    assert code("other-name", "Hope House", "Salem") == "other-name"
    assert code("hope-house-se-ora", "Hope House", "Señora") == "hope-house-se-ora"
    for coded, slug in (("=", "hope-house-salem"), ("16:-2", "hope-house-salem-2"),
                        ("11:bend", "hope-house-bend"), ("other-name", "other-name")):
        assert _slug(coded, "Hope House", "Salem") == slug


def test_repeated_text_and_schedules_are_stored_once() -> None:
    same = track((["mon", "tue", "thu"], "18:00", "21:00"), name="Evening")
    providers = [provider(listing(name=f"Clinic {i}", programs=[program(tracks=[same])]),
                          slug=f"clinic-{i}") for i in range(30)]
    index = finder_index.build_index(providers, TODAY)
    assert index["program"]["names"] == ["Adult IOP"]
    assert index["track"]["names"] == ["Evening"]
    assert index["location"]["cities"] == ["Portland"]
    assert index["schedule"] == [[0b1011, 1080, 1260]]
    assert index["track"]["schedule"] == "0" * 30
    assert index["location"]["lat"][1:] == [0] * 29  # delta-coded: repeats cost one digit


def test_labels_list_only_codes_in_use_and_most_used_languages_first() -> None:
    labels = finder_index.build_index(catalog(), TODAY)["labels"]
    assert labels["format"] == [["in_person", "In person"], ["telehealth", "Entirely by video"]]
    assert [code for code, _ in labels["lang"]][:1] == ["en"]
    assert ["nv", "Diné bizaad"] in labels["lang"]  # languages by their own names
    assert labels["state"] == [["AZ", "Arizona"], ["NM", "New Mexico"], ["OR", "Oregon"]]
    assert labels["zone"][0][1] in {"Mountain time", "Pacific time"}


def test_bitmasks_columns_and_deltas() -> None:
    assert columns.day_mask(["mon", "sun"]) == 0b1000001
    assert columns.bits(["b", "c"], ["a", "b", "c"]) == 0b110
    assert columns.column([0, 9, 10, 35]) == "09az"
    assert columns.column([1, 36]) == [1, 36]
    assert columns.delta([5, 7, 7, 2]) == [5, 2, 0, -5]
    assert columns.ranked(["b", "a", "b"]) == (["b", "a"], [0, 1, 0])
    assert columns.runs([3, 3, 1, 3, 3, 3]) == [3, 2, 1, 1, 3, 3]
    assert columns.runs([]) == []


def test_zip_table_round_trips_for_real_zip_codes() -> None:
    encoded = json.loads(zip_table.zips_json())
    assert encoded["v"] == columns.FORMAT_VERSION
    codes_ = [f"{z:05d}" for z in running(encoded["zip"])]
    lats, lons = running(encoded["lat"]), running(encoded["lon"])
    states: list[str] = []
    for k in range(0, len(encoded["state"]), 2):
        states += [encoded["states"][encoded["state"][k]]] * encoded["state"][k + 1]
    assert codes_ == sorted(codes_) and len(codes_) == len(states) == len(lats)
    table = zips.table()
    for code in ("04101", "10027", "60647", "85004", "97201", "99950", "00601"):
        i = codes_.index(code)
        assert states[i] == table[code].state
        assert abs(lats[i] / 100 - table[code].lat) <= 0.005
        assert abs(lons[i] / 100 - table[code].lon) <= 0.005


def test_generate_returns_both_files_and_the_zip_table_stays_small() -> None:
    files = finder_index.generate(catalog(), TODAY)
    assert set(files) == {"finder/index.json", "finder/zips.json"}
    assert len(gzip.compress(files["finder/zips.json"].encode())) < 150_000


def test_an_empty_directory_gives_an_empty_index() -> None:
    index = finder_index.build_index([], TODAY)
    assert index["provider"] == {"name": [], "slug": [], "locations": "", "programs": "",
                                 "phone": [], "checked": ""}
    assert index["schedule"] == [] and all(v == [] for v in index["labels"].values())


def test_not_listed_populations_and_payment_are_0_unknown_not_none() -> None:
    unknown = program(populations="not_listed", payment="not_listed")
    index = finder_index.build_index([provider(listing(programs=[unknown, program()]))], TODAY)
    assert numbers(index["program"]["pop"], 2)[0] == 0
    assert numbers(index["program"]["pay"], 2)[0] == 0
    assert numbers(index["program"]["pay"], 2)[1] != 0  # a listed set is never 0
    [record, _] = decode(index)
    assert (record["pop"], record["pay"]) == (set(), set())


def test_each_provider_says_whether_its_listing_is_current_on_the_build_date() -> None:
    imported = {"external_ids": {"samhsa_nsumhss": "substance_1"}}
    checked = {**imported, "verification": {"by": "Volunteer", "method": "phone",
                                            "date": "2026-10-01"}}
    providers = [provider(listing(name="A current", last_verified="2026-10-01"), slug="a"),
                 provider(listing(name="B old", last_verified="2025-10-01"), slug="b"),
                 provider(listing(name="C imported", **imported), slug="c"),
                 provider(listing(name="D checked import", **checked), slug="d")]
    assert finder_index.build_index(providers, TODAY)["provider"]["checked"] == "0120"
    # Out of date depends on the day of the build: 365 days is still current.
    a_year_on = TODAY.replace(year=2027, month=10, day=1)
    assert finder_index.build_index(providers, a_year_on)["provider"]["checked"] == "0120"
    assert finder_index.build_index(providers, a_year_on.replace(day=2))["provider"][
        "checked"] == "1121"


def test_the_schema_s_codes_are_all_there_even_those_no_program_has() -> None:
    schema = finder_index.build_index(catalog(), TODAY)["schema"]
    assert [code for code, _ in schema["format"]] == ["in_person", "telehealth", "hybrid"]
    assert [code for code, _ in schema["level"]] == ["outpatient", "iop", "php"]
    assert "state_insurance" in [code for code, _ in schema["pay"]]
    assert "veterans" in [code for code, _ in schema["pop"]]
