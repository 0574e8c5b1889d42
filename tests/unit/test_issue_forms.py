"""The issue forms and the conversion their workflows run (`iopdir apply-form`), on sample issue
bodies as GitHub writes them: a listing that validates and differs from the old one only in
what was changed; problems in plain words; nothing written unless the result is valid."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.load.catalog import load_paths
from generator.model import issue_forms
from tests.conftest import PROVIDERS, ROOT, TODAY

# A mention as GitHub finds one: '@' (or its entity) right before a name.
MENTION = re.compile(r"(@|&#0*64;|&#x0*40;)[A-Za-z0-9]", re.IGNORECASE)

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
BODIES = ROOT / "tests" / "data" / "issue-forms"
SAMPLE = "lanternfish-recovery-collective.yaml"
URL = "https://github.com/example/iop-directory/issues/12"


def _form(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("name", "fields", "label"), [
    (issue_forms.UPDATE_FORM, issue_forms.UPDATE_FIELDS, issue_forms.UPDATE_LABEL),
    (issue_forms.PROBLEM_FORM, issue_forms.PROBLEM_FIELDS, issue_forms.PROBLEM_LABEL),
])
def test_each_form_has_the_fields_the_code_reads(name: str, fields: tuple[issue_forms.Field, ...],
                                                 label: str) -> None:
    form = _form(name)
    assert {"name", "description", "body"} <= set(form) and form["labels"] == [label]
    elements = [e for e in form["body"] if e["type"] != "markdown"]
    assert {e["type"] for e in form["body"]} <= {"markdown", "input", "textarea", "dropdown",
                                                 "checkboxes"}
    assert [(e["id"], e["attributes"]["label"]) for e in elements] == [
        (f.id, f.label) for f in fields]


def test_the_boxes_to_tick_are_the_ones_the_code_checks() -> None:
    for name, promises in ((issue_forms.UPDATE_FORM, issue_forms.UPDATE_PROMISES),
                           (issue_forms.PROBLEM_FORM, issue_forms.PROBLEM_PROMISES)):
        boxes = next(e for e in _form(name)["body"] if e.get("id") == "agree")
        assert [o["label"] for o in boxes["attributes"]["options"]] == list(promises)
        assert all(o["required"] for o in boxes["attributes"]["options"])


def test_the_dropdowns_offer_exactly_what_the_code_understands() -> None:
    intake = next(e for e in _form(issue_forms.UPDATE_FORM)["body"] if e.get("id") == "intake")
    assert intake["attributes"]["options"] == list(issue_forms.INTAKE_CHOICES)
    problem = next(e for e in _form(issue_forms.PROBLEM_FORM)["body"]
                   if e.get("id") == "problem")
    assert problem["attributes"]["options"] == list(issue_forms.PROBLEMS)


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    folder.mkdir()
    shutil.copy(PROVIDERS / SAMPLE, folder)
    return folder


def _apply(kind: str, body: Path, providers: Path, tmp_path: Path) -> int:
    return main(["apply-form", kind, str(body), "--providers", str(providers), "--date",
                 TODAY.isoformat(), "--issue-url", URL, "--comment", str(tmp_path / "c.md"),
                 "--pr-body", str(tmp_path / "pr.md"), "--outputs", str(tmp_path / "out")])


def _diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_an_update_changes_only_what_the_provider_changed(providers: Path,
                                                          tmp_path: Path) -> None:
    before = (providers / SAMPLE).read_text(encoding="utf-8")
    assert _apply("update", BODIES / "update-lanternfish.md", providers, tmp_path) == 0
    after = (providers / SAMPLE).read_text(encoding="utf-8")
    assert _diff(before, after) == [
        '-last_verified: "2026-10-14"',
        '+last_verified: "2026-11-26"',
        '+verification:',
        '+  by: "Provider (Intake coordinator)"',
        "+  method: provider_form",
        '+  date: "2026-11-26"',
        '-    accepting_new_patients: {status: "yes", as_of: "2026-10-14"}',
        '+    accepting_new_patients: {status: "waitlist", as_of: "2026-11-26"}',
        '-            start: "18:00"',
        '-            end: "21:00"',
        '+            start: "17:30"',
        '+            end: "20:30"',
    ]
    assert load_paths([providers], today=TODAY).diagnostics == []
    outputs = (tmp_path / "out").read_text(encoding="utf-8")
    assert outputs == f"listing={providers / SAMPLE}\nchanged=true\n"
    comment = (tmp_path / "c.md").read_text(encoding="utf-8").replace("\\", "")
    assert comment.startswith("Thank you. A pull request with these changes is open")
    assert "Evening track: Mon, Tue, Thu 5:30-8:30pm" in comment
    assert (tmp_path / "pr.md").read_text(encoding="utf-8").endswith(f"Closes {URL}\n")


def test_sending_the_same_form_again_changes_nothing(providers: Path, tmp_path: Path) -> None:
    assert _apply("update", BODIES / "update-lanternfish.md", providers, tmp_path) == 0
    first = (providers / SAMPLE).read_text(encoding="utf-8")
    assert _apply("update", BODIES / "update-lanternfish.md", providers, tmp_path) == 0
    assert (providers / SAMPLE).read_text(encoding="utf-8") == first
    assert (tmp_path / "out").read_text(encoding="utf-8").endswith("changed=false\n")
    assert "already says all of this" in (tmp_path / "c.md").read_text(encoding="utf-8")


def _body(**answers: str) -> str:
    fields = {f.id: f for f in issue_forms.UPDATE_FIELDS}
    ticked = "\n".join(f"- [X] {p}" for p in issue_forms.UPDATE_PROMISES)
    base = {"listing": SAMPLE, "program": "1", "role": "Intake coordinator", "agree": ticked}
    return "\n\n".join(f"### {fields[k].label}\n\n{v}" for k, v in {**base, **answers}.items())


def test_problems_are_said_in_plain_words_and_nothing_is_written(
        providers: Path, tmp_path: Path) -> None:
    before = (providers / SAMPLE).read_text(encoding="utf-8")
    body = tmp_path / "issue.md"
    body.write_text(_body(schedule="Evening: Mon 9pm-6pm", payment="Medicaid, cash",
                          phone="call us", intake="Maybe"), encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 1
    assert (providers / SAMPLE).read_text(encoding="utf-8") == before
    comment = (tmp_path / "c.md").read_text(encoding="utf-8").replace("\\", "")
    assert "Weekly schedule: '9pm-6pm' ends before it starts" in comment
    assert "Insurance and payment: 'cash' is not one this site knows" in comment
    assert "Taking new people?: choose one of the form's answers" in comment
    assert (tmp_path / "out").read_text(encoding="utf-8").endswith("changed=false\n")


def test_the_validator_has_the_last_word(providers: Path, tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text(_body(phone="call us"), encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 1
    comment = (tmp_path / "c.md").read_text(encoding="utf-8").replace("\\", "")
    assert "phone: 'call us' is not valid" in comment


def test_a_form_without_its_promises_is_not_applied(providers: Path, tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text(_body(agree="- [ ] " + issue_forms.UPDATE_PROMISES[0]), encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 1
    assert "Before you send: tick" in (tmp_path / "c.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("listing", ["", "nobody-here.yaml", "../../etc/passwd"])
def test_an_unknown_listing_is_a_problem_for_the_comment(providers: Path, tmp_path: Path,
                                                         listing: str) -> None:
    body = tmp_path / "issue.md"
    body.write_text(_body(listing=listing), encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 1
    assert "Listing file:" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_payment_labels_with_commas_and_languages_by_name(providers: Path,
                                                          tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text(_body(payment="Medicaid, IHS, Tribal or Urban Indian funds and self_pay",
                          languages="English, Spanish, Vietnamese", plans="none"),
                    encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 0
    program = yaml.safe_load((providers / SAMPLE).read_text(encoding="utf-8"))["programs"][0]
    assert program["payment"] == ["medicaid", "self_pay", "ihs_tribal"]
    assert program["languages"] == ["en", "es", "vi"]
    assert "insurance_carriers" not in program


def test_a_confirmed_problem_marks_the_listing_with_the_forms_words_only(
        providers: Path, tmp_path: Path) -> None:
    before = (providers / SAMPLE).read_text(encoding="utf-8")
    assert _apply("problem", BODIES / "problem-lanternfish.md", providers, tmp_path) == 0
    after = (providers / SAMPLE).read_text(encoding="utf-8")
    assert _diff(before, after) == [
        "+recheck:",
        '+  reason: "The hours are wrong"',
        '+  date: "2026-11-26"',
        f'+  report: "{URL}"',
    ]
    assert "<script>" not in after and "@someone" not in after and "Monday" not in after
    assert load_paths([providers], today=TODAY).diagnostics == []


def test_comments_cannot_mention_people_or_carry_markup(providers: Path,
                                                        tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text(_body(schedule="@maintainers <b>x</b>: Mon 6-9pm"), encoding="utf-8")
    assert _apply("update", body, providers, tmp_path) == 0
    comment = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert not MENTION.search(comment) and "<b>" not in comment


def test_a_form_never_clears_the_warnings_of_a_failed_call_or_a_report(
        providers: Path, tmp_path: Path) -> None:
    """Anyone can send the form, including whoever now answers a listing's old number: the
    'could not reach' and 'reported problem' notices stay until a maintainer checks by phone."""
    path = providers / SAMPLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + 'unreachable: {reason: disconnected, attempts: 3, date: "2026-11-20"}\n'
                    'recheck: {reason: "The phone number reaches another office", '
                    'date: "2026-11-21"}\n', encoding="utf-8")
    assert _apply("update", BODIES / "update-lanternfish.md", providers, tmp_path) == 0
    after = load_paths([providers], today=TODAY)
    (provider,) = after.providers
    assert provider.unreachable is not None and provider.recheck is not None
    assert provider.verification is not None  # the form's answers still count as a check
    assert "removed" not in (tmp_path / "pr.md").read_text(encoding="utf-8")
