"""`iopdir new`: a listing from flags or piped answers that validates as written, never over
another file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.authoring import scaffold
from generator.load.checks import SCHEMA_LINE
from tests.acceptance.conftest import Run
from tests.conftest import ROOT, TODAY

FLAGS = ("--name", "Harbor Light Recovery", "--phone", "(503) 555-0142", "--street",
         "100 Example Ave, Suite 2", "--city", "Portland", "--zip", "97201", "--website",
         "https://harbor-light.example.org")


def _new(*args: str | Path, answers: str = "") -> subprocess.CompletedProcess[str]:
    """Runs `iopdir new` with `answers` on standard input (a pipe, as a script would)."""
    argv = [sys.executable, "-m", "generator", "new", *map(str, args),
            "--today", TODAY.isoformat()]
    return subprocess.run(argv, cwd=ROOT, input=answers, capture_output=True, text=True,
                          timeout=120)


def test_flags_give_a_file_that_validates_as_written(iopdir: Run, tmp_path: Path) -> None:
    result = _new("--providers", tmp_path, "--no-input", *FLAGS)
    assert result.returncode == 0, result.stderr
    listing = tmp_path / "harbor-light-recovery.yaml"  # the slug comes from the name
    assert "It validates as written" in result.stderr
    check = iopdir("validate", "--strict", listing)
    assert check.returncode == 0, check.stderr
    assert check.stderr.strip() == "1 file checked: 0 errors, 0 warnings"
    text = listing.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert 'street: "100 Example Ave, Suite 2"' in text
    assert 'timezone: "America/Los_Angeles"' in text and "approximate_coordinates: true" in text
    assert "# Who it serves, any of: adults, adolescents," in text  # comments stay


def test_answers_piped_to_the_questions(iopdir: Run, tmp_path: Path) -> None:
    answers = "\n".join([
        "Clínica Luz & Co",     # name
        "(505) 555-0143",       # phone
        "not a website",        # rejected: asked again
        "",                     # no website
        "12 Example Road",      # street
        "Santa Fe",             # city
        "87501",                # ZIP code
        "",                     # state: the default from the ZIP code (NM)
        "",                     # time zone: the default for the ZIP code
        "Evening groups in Spanish and English for adults.",
    ]) + "\n"
    result = _new("--providers", tmp_path, answers=answers)
    assert result.returncode == 0, result.stderr
    assert "'not a website' is not valid; write the full web address" in result.stderr
    assert "State (two letters) [NM]: " in result.stderr
    listing = tmp_path / "clinica-luz-and-co.yaml"
    text = listing.read_text(encoding="utf-8")
    assert 'state: "NM"' in text and 'timezone: "America/Denver"' in text
    assert 'description: "Evening groups in Spanish and English for adults."' in text
    assert "# website: https://www.example.org" in text
    check = iopdir("validate", "--strict", listing)
    assert check.returncode == 0, check.stderr


def test_what_is_left_empty_is_named_and_fails_validation(iopdir: Run, tmp_path: Path) -> None:
    result = _new("harbor-light", "--providers", tmp_path, answers="Harbor Light\n")
    assert result.returncode == 0, result.stderr
    assert "Still to fill in: phone, street, city, zip, state, timezone, description" \
        in result.stderr
    check = iopdir("validate", tmp_path / "harbor-light.yaml")
    assert check.returncode == 1
    errors = [line for line in check.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 7 and all("the value is empty" in e for e in errors), errors


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    listing = tmp_path / "harbor-light-recovery.yaml"
    listing.write_text("mine\n", encoding="utf-8")
    by_name = _new("--providers", tmp_path, "--no-input", *FLAGS)
    by_slug = _new("harbor-light-recovery", "--providers", tmp_path, answers="x\n")
    assert by_name.returncode == by_slug.returncode == 2
    assert "harbor-light-recovery.yaml already exists; edit it instead" in by_slug.stderr
    assert "Provider name" not in by_slug.stderr  # refused before asking anything
    assert listing.read_text(encoding="utf-8") == "mine\n"


def test_bad_flags_are_all_reported_at_once(tmp_path: Path) -> None:
    result = _new("--providers", tmp_path, "--no-input", "--name", "X Clinic", "--state", "ZZ",
                  "--zip", "9720")
    assert result.returncode == 2
    assert "--zip: '9720' is not valid; write all five digits of the ZIP code" in result.stderr
    assert "--state: 'ZZ' is not valid; use the two-letter postal code" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_hours_typed_as_people_write_them_become_tracks(iopdir: Run, tmp_path: Path) -> None:
    result = _new("--providers", tmp_path, "--no-input", *FLAGS, "--schedule",
                  "Mon, Tue, Thu 6-9pm; Sat 9am-1pm")
    assert result.returncode == 0, result.stderr
    listing = tmp_path / "harbor-light-recovery.yaml"
    text = listing.read_text(encoding="utf-8")
    assert "schedule_status" not in text
    assert ('  - name: "Evening and weekend track"\n        sessions:\n'
            '          - days: [mon, tue, thu]\n            start: "18:00"\n'
            '            end: "21:00"\n') in text
    check = iopdir("validate", "--strict", listing)
    assert check.returncode == 0, check.stderr
    bad = _new("--providers", tmp_path, "--no-input", "--name", "Other Clinic", "--schedule",
               "Mon 9pm-6pm")
    assert bad.returncode == 2
    assert "--schedule: '9pm-6pm' ends before it starts" in bad.stderr


def test_hours_are_asked_again_until_they_read_right(tmp_path: Path) -> None:
    answers = "\n".join(["Harbor Light Recovery", "(503) 555-0142", "", "100 Example Ave",
                         "Portland", "97201", "", "", "", "Mon 6-9", "Mon-Thu 6-9pm"]) + "\n"
    result = _new("--providers", tmp_path, answers=answers)
    assert result.returncode == 0, result.stderr
    assert "'Mon 6-9': add am or pm" in result.stderr
    assert "days: [mon, tue, wed, thu]" in (tmp_path / "harbor-light-recovery.yaml").read_text()


def test_the_message_names_the_command_as_people_can_type_it(tmp_path: Path) -> None:
    """Only .venv/bin/iopdir exists after setup, not an `iopdir` on PATH."""
    script = Path(sys.executable).parent / "iopdir"
    result = subprocess.run([str(script), "new", "--providers", str(tmp_path), "--no-input",
                             *FLAGS, "--today", TODAY.isoformat()], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    typed = str(script.relative_to(ROOT)) if script.is_relative_to(ROOT) else str(script)
    assert f"then run: {typed} validate " in result.stderr
    by_module = _new("--providers", tmp_path, "--no-input", *FLAGS[:2], "--name", "Other Name")
    assert " -m generator validate " in by_module.stderr


def test_option_hints_never_ask_for_quotes(tmp_path: Path) -> None:
    """Quotes are for the YAML file; on a command line or at a prompt they mean nothing."""
    result = _new("--providers", tmp_path, "--no-input", "--zip", "9720")
    assert result.returncode == 2
    assert "--zip: '9720' is not valid; write all five digits of the ZIP code, like 04101" \
        in result.stderr
    bad = {"name": "x", "phone": "call us", "website": "example.org", "street": "",
           "city": "", "zip": "9720", "state": "Oregon", "timezone": "Pacific",
           "description": "x", "schedule": "Mon 6-9"}
    for question in scaffold.QUESTIONS:
        problem = scaffold.check(question.field, bad[question.field])
        assert problem is not None and "quote" not in problem, (question.field, problem)
