"""`iopdir record`: the outcome of a call, written into the listing file without disturbing the
rest of it, and never into an invalid file."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.load import yamlload
from generator.load.catalog import load_paths
from tests.conftest import TODAY
from tests.unit.samhsa_fixtures import run_import

ACTS = "acts-behavioral-health-and-recovery-center-lakewood"  # imported, one program
# Comments a person might have added to an imported file, in the places comments go.
HAND_COMMENTS = [
    ('phone: "(253) 302-3826"', 'phone: "(253) 302-3826"  # intake answers until 5pm'),
    ("locations:", "# Checked the address on the county site.\nlocations:"),
    ("    schedule_status: not_listed",
     "    # Asked on 2026-11-02: call back about the evening group.\n"
     "    schedule_status: not_listed  # not known yet"),
]


def _record(providers: Path, *args: str) -> int:
    return main(["record", *args, "--providers", str(providers), "--today", TODAY.isoformat()])


def _data(path: Path) -> dict[str, Any]:
    found: dict[str, Any] = yamlload.load(path.read_text(encoding="utf-8"), str(path))[0].data
    return found


def _comments(text: str) -> Counter[str]:
    return Counter(m.strip() for m in re.findall(r"#[^\n]*", text))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("imported")
    run_import(out)
    return out


@pytest.fixture
def providers(imported: Path, tmp_path: Path) -> Path:
    path = tmp_path / "providers"
    path.mkdir()
    text = (imported / f"{ACTS}.yaml").read_text(encoding="utf-8")
    for old, new in HAND_COMMENTS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    (path / f"{ACTS}.yaml").write_text(text, encoding="utf-8")
    return path


def test_recording_a_schedule_keeps_every_comment_and_the_rest_of_the_file(
        providers: Path) -> None:
    path = providers / f"{ACTS}.yaml"
    before = path.read_text(encoding="utf-8")
    assert _record(providers, ACTS, "--schedule", "Evening track: Mon, Tue, Thu 6-9pm; Sat "
                   "9am-1pm", "--intake", "yes", "--by", "Volunteer caller, 211",
                   "--date", "2026-11-20") == 0
    after = path.read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)
    data = _data(path)
    program = data["programs"][0]
    assert program["tracks"] == [{"name": "Evening track", "sessions": [
        {"days": ["mon", "tue", "thu"], "start": "18:00", "end": "21:00"},
        {"days": ["sat"], "start": "09:00", "end": "13:00"}]}]
    assert "schedule_status" not in program
    assert program["accepting_new_patients"] == {"status": "yes", "as_of": "2026-11-20"}
    assert data["last_verified"] == "2026-11-20"
    assert data["verification"] == {"by": "Volunteer caller, 211", "method": "phone_call",
                                    "date": "2026-11-20"}
    # Every line that holds none of the changed fields is as it was, in order.
    changed = ("last_verified", "accepting_new_patients", "schedule_status")
    kept = [line for line in before.splitlines() if not any(f in line for f in changed)]
    assert [line for line in after.splitlines() if line in kept] == kept
    assert load_paths([providers], today=TODAY).diagnostics == []


def test_the_comment_on_a_replaced_line_stays(providers: Path) -> None:
    assert _record(providers, ACTS, "--schedule", "Mon-Thu 6-9pm", "--by", "Volunteer") == 0
    text = (providers / f"{ACTS}.yaml").read_text(encoding="utf-8")
    assert "# not known yet" in text and "name: \"Evening track\"" in text


def test_a_scaffolded_listing_keeps_its_explanations(tmp_path: Path) -> None:
    assert main(["new", "--providers", str(tmp_path), "--no-input", "--name", "Harbor Test",
                 "--phone", "(503) 555-0142", "--street", "1 Example Ave", "--city",
                 "Portland", "--zip", "97201", "--today", TODAY.isoformat()]) == 0
    path = tmp_path / "harbor-test.yaml"
    before = path.read_text(encoding="utf-8")
    assert _record(tmp_path, "harbor-test", "--schedule", "Mon, Wed, Thu 9am-12pm",
                   "--intake", "waitlist", "--by", "Provider (intake coordinator)") == 0
    after = path.read_text(encoding="utf-8")
    assert _comments(after) == _comments(before)
    assert load_paths([tmp_path], today=TODAY).diagnostics == []
    assert _data(path)["programs"][0]["tracks"][0]["name"] == "Morning track"


def test_a_result_that_would_not_validate_is_not_written(
        providers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = providers / f"{ACTS}.yaml"
    before = path.read_text(encoding="utf-8")
    assert _record(providers, ACTS, "--schedule", "Mon 6-9pm; Mon 7-8pm", "--by", "Volunteer") == 1
    assert path.read_text(encoding="utf-8") == before
    err = capsys.readouterr().err
    assert "overlaps session 1 of this track on Monday" in err
    assert f"the change would leave {path} invalid, so nothing was written" in err


def test_schedule_errors_are_usage_errors_in_plain_words(
        providers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _record(providers, ACTS, "--schedule", "Mon 9pm-6pm", "--by", "Volunteer") == 2
    assert "'9pm-6pm' ends before it starts" in capsys.readouterr().err


def test_who_checked_must_be_said(providers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _record(providers, ACTS, "--intake", "yes") == 2
    assert "say who checked with --by" in capsys.readouterr().err


def test_failed_calls_add_up_and_a_good_call_clears_them(providers: Path) -> None:
    path = providers / f"{ACTS}.yaml"
    for _ in range(2):
        assert _record(providers, ACTS, "--unreachable", "--date", "2026-11-20") == 0
    assert _record(providers, ACTS, "--unreachable", "--attempts", "2", "--by", "Volunteer") == 0
    assert _data(path)["unreachable"] == {"reason": "no_answer", "attempts": 4,
                                          "date": TODAY.isoformat(), "by": "Volunteer"}
    assert load_paths([providers], today=TODAY).diagnostics == []
    assert _record(providers, ACTS, "--unreachable", "--reason", "disconnected") == 0
    assert _data(path)["unreachable"]["attempts"] == 1  # a new reason starts again
    assert _record(providers, ACTS, "--intake", "no", "--by", "Volunteer") == 0
    assert "unreachable" not in _data(path)


def test_unreachable_takes_no_schedule(providers: Path) -> None:
    assert _record(providers, ACTS, "--unreachable", "--schedule", "Mon 6-9pm") == 2


def _two_programs(tmp_path: Path) -> Path:
    text = """# yaml-language-server: $schema=../schema/provider.schema.json
name: "Two Programs Clinic"
description: "A fictional clinic with two programs, for the tests."
phone: "(503) 555-0142"
levels_of_care: [iop, php]
last_verified: "2026-01-01"
source: "Unit test"
locations:
  - {id: main, street: "1 Example Way", city: Portland, state: OR, zip: "97201",
     timezone: America/Los_Angeles}
programs:
  - name: "Adult IOP"
    level_of_care: iop
    populations: [adults]
    format: in_person
    location: main
    services: [group_therapy]
    payment: [medicaid]
    languages: [en]
    accepting_new_patients: {status: unknown}
    schedule_status: not_listed
  - name: "Day Program"
    level_of_care: php
    populations: [adults]
    format: in_person
    location: main
    services: [group_therapy]
    payment: [medicaid]
    languages: [en]
    accepting_new_patients: {status: unknown}
    schedule_status: not_listed
"""
    (tmp_path / "two.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_program_is_chosen_by_number_or_name(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    providers = _two_programs(tmp_path)
    assert _record(providers, "two", "--intake", "yes", "--by", "Volunteer") == 2
    assert "has 2 programs: say which, by number or name (1. Adult IOP; 2. Day Program)" in \
        capsys.readouterr().err
    assert _record(providers, "two", "--program", "day program", "--schedule",
                   "Mon-Fri 9am-2pm", "--by", "Volunteer") == 0
    assert _record(providers, "two", "--program", "1", "--intake", "waitlist",
                   "--by", "Volunteer") == 0
    first, second = _data(providers / "two.yaml")["programs"]
    assert first["accepting_new_patients"]["status"] == "waitlist"
    assert second["tracks"][0]["sessions"][0]["days"] == ["mon", "tue", "wed", "thu", "fri"]
    assert _record(providers, "two", "--program", "3", "--intake", "yes", "--by", "Volunteer") == 2
    # Digits int() refuses ('²', Arabic-Indic) are names, not numbers: a usage error, no crash.
    for odd in ("²", "٢"):
        assert _record(providers, "two", "--program", odd, "--intake", "yes",
                       "--by", "Volunteer") == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_listing_or_a_bad_name_is_a_usage_error(tmp_path: Path) -> None:
    assert _record(tmp_path, "nobody-here", "--by", "Volunteer") == 2
    assert _record(tmp_path, "../etc/passwd", "--by", "Volunteer") == 2
