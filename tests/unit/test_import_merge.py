"""Re-importing loses nothing: survey fields are updated, hand-written ones kept, and a file is
rewritten only when its content changes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from generator.importers import report
from generator.importers.yamlwrite import dump
from generator.load import yamlload
from generator.load.catalog import load_paths
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import FACILITIES, run_import

FILE = "addiction-allies-llc-charlottesville.yaml"  # substance_11421
TRACK = """    tracks:
      - name: Evening track
        sessions:
          - days: [mon, wed, thu]
            start: "18:00"
            end: "21:00"
"""


def _data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yamlload.load(path.read_text(encoding="utf-8"), str(path))[0].data
    return data


def _edit_csv(tmp_path: Path, old: bytes, new: bytes) -> Path:
    changed = tmp_path / "changed.csv"
    raw = FACILITIES.read_bytes()
    assert raw.count(old) == 1
    changed.write_bytes(raw.replace(old, new))
    return changed


def _age(out: Path) -> dict[str, int]:
    """Set every file's mtime to a day ago; return them, to see which files get rewritten."""
    stamps = {}
    for path in out.glob("*.yaml"):
        stamp = path.stat().st_mtime_ns - 86_400 * 10**9
        os.utime(path, ns=(stamp, stamp))
        stamps[path.name] = stamp
    return stamps


@pytest.fixture
def out(tmp_path: Path) -> Path:
    target = tmp_path / "providers"
    run_import(target)
    return target


def _add_hand_edits(path: Path) -> None:
    """What a provider does: add a website and a schedule, as the file's header says."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('\nphone: ', '\nwebsite: "https://addiction-allies.example.org"\nphone: ')
    text = text.replace("    schedule_status: not_listed\n", TRACK)
    path.write_text(text, encoding="utf-8")


def test_reimport_keeps_a_hand_added_track_and_website(out: Path, tmp_path: Path) -> None:
    _add_hand_edits(out / FILE)
    changed = _edit_csv(tmp_path, b"Addiction Allies LLC,,631 Berkmar Circle,,Charlottesville,"
                        b"VA,22901,434-400-9668", b"Addiction Allies LLC,,631 Berkmar Circle,,"
                        b"Charlottesville,VA,22901,434-400-9669")
    found = run_import(out, facilities=changed)
    data = _data(out / FILE)
    assert data["website"] == "https://addiction-allies.example.org"
    assert data["programs"][0]["tracks"][0]["sessions"][0] == {
        "days": ["mon", "wed", "thu"], "start": "18:00", "end": "21:00"}
    assert "schedule_status" not in data["programs"][0]
    assert data["phone"] == "(434) 400-9669"  # the survey's field, updated
    assert found.updated == {FILE: ["phone"]}
    assert found.kept == {FILE: ["programs.tracks", "website"]}
    assert len(found.unchanged) == 181
    assert load_paths([out], today=TODAY).diagnostics == []


def test_an_identical_reimport_rewrites_nothing(out: Path) -> None:
    _add_hand_edits(out / FILE)
    run_import(out)  # puts the hand-edited file in the import's layout
    stamps = _age(out)
    found = run_import(out, today=TODAY + dt.timedelta(days=30))
    assert found.new == [] and found.updated == {}
    assert len(found.unchanged) == 182
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")} == stamps


def test_survey_changes_update_the_generated_description_not_a_hand_written_one(
        out: Path, tmp_path: Path) -> None:
    row = b"substance_11421,substance,Addiction Allies LLC"
    raw = FACILITIES.read_bytes()
    line = next(x for x in raw.splitlines() if x.startswith(row))
    changed = _edit_csv(tmp_path, line, line.replace(b" CHLD ", b" "))  # no longer under 18
    found = run_import(out, facilities=changed)
    data = _data(out / FILE)
    assert "regular outpatient treatment for adults. The directory says" in data["description"]
    assert data["programs"][0]["populations"] == ["adults"]
    assert found.updated[FILE] == ["description", "programs.populations"]
    # A description the provider wrote is theirs.
    path = out / FILE
    path.write_text(path.read_text().replace(data["description"],
                                             "Evening IOP for working adults."))
    run_import(out)
    assert _data(path)["description"] == "Evening IOP for working adults."
    assert _data(path)["programs"][0]["populations"] == ["adults", "adolescents"]


def test_facilities_no_longer_listed_are_reported_and_kept(out: Path, tmp_path: Path) -> None:
    raw = FACILITIES.read_bytes()
    line = next(x for x in raw.splitlines(keepends=True)
                if x.startswith(b"substance_11421,"))
    changed = _edit_csv(tmp_path, line, b"")
    found = run_import(out, facilities=changed)
    assert found.gone == [f"{FILE} (substance_11421 is not in the directory)"]
    assert (out / FILE).exists()


def test_a_state_import_leaves_other_states_alone(out: Path) -> None:
    stamps = _age(out)
    found = run_import(out, states=frozenset({"VA"}))
    assert found.gone == []
    assert {o.reason for o in found.skipped} >= {report.STATE}
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")} == stamps


def test_a_broken_listing_file_stops_the_import(out: Path) -> None:
    (out / FILE).write_text("name: [unclosed\n", encoding="utf-8")
    stamps = _age(out)
    found = run_import(out)
    assert found.problems and found.problems[0].path.endswith(FILE)
    assert found.outcomes == []
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")} == stamps


def test_an_id_now_naming_another_facility_is_not_merged(out: Path) -> None:
    path = out / FILE
    data = _data(path)
    data["name"] = "Somewhere Else Entirely"
    data["locations"][0]["street"] = "1 Other Road"
    path.write_text(dump(data, []), encoding="utf-8")
    found = run_import(out)
    conflict = next(o for o in found.outcomes if o.facility_id == "substance_11421")
    assert conflict.reason == report.CONFLICT
    assert _data(path)["name"] == "Somewhere Else Entirely"


def test_a_hand_written_listing_of_the_facility_is_updated_in_place(tmp_path: Path) -> None:
    out = tmp_path / "providers"
    run_import(out)
    data = _data(out / FILE)
    del data["external_ids"]
    data["locations"][0] |= {"latitude": 38.0801, "longitude": -78.4950}
    del data["locations"][0]["approximate_coordinates"]
    (out / FILE).unlink()
    (out / "addiction-allies.yaml").write_text(dump(data, []), encoding="utf-8")
    found = run_import(out)
    assert found.new == [] and not (out / FILE).exists()
    merged = _data(out / "addiction-allies.yaml")
    assert merged["external_ids"] == {"samhsa_nsumhss": "substance_11421"}
    # Coordinates measured for the address are better than the ZIP code's centre: kept.
    assert (merged["locations"][0]["latitude"], merged["locations"][0]["longitude"]) == \
        (38.0801, -78.495)
