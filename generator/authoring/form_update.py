"""A submitted issue form turned into a change of the listing file (the step the workflows run).

`update` applies the listing update form: only the answers that differ from the listing change
it, plus the provider's check (`verification`, `last_verified`). `problem` marks a listing for a
new check once a maintainer confirmed a problem report. Both collect every problem in plain
words for the comment on the issue, and write nothing unless the result validates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.authoring import issue_body, listing_edit, yamledit
from generator.load.catalog import UsageError
from generator.model import issue_forms as forms
from generator.model.schedule_text import ScheduleError
from generator.model.vocab import LANGUAGES, PAYMENT

MAX_ROLE = 80


@dataclass
class Outcome:
    listing: str = ""  # the file name the form gave
    path: Path | None = None  # the listing file, once found
    changes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # in plain words; nothing was written
    text: str | None = None  # the new file, when it validates

    @property
    def ok(self) -> bool:
        return not self.problems and self.text is not None


@dataclass(frozen=True)
class Request:
    body: str
    providers: Path
    day: dt.date
    issue_url: str | None = None


def update(request: Request) -> Outcome:
    answers = issue_body.answers(request.body, forms.UPDATE_FIELDS)
    outcome = Outcome()
    edit = _open(request, answers, outcome)
    if edit is None:
        return outcome
    _promised(answers, forms.UPDATE_PROMISES, outcome)
    role = answers.get(forms.ROLE.id, "").strip()
    if not role:
        outcome.problems.append(f"{forms.ROLE.label}: say your role at the program, like "
                                "'Intake coordinator'")
    _program_changes(edit, answers, request.day, outcome)
    _contact_changes(edit, answers, outcome)
    if outcome.problems:
        return outcome
    by = f"Provider ({' '.join(role.split())[:MAX_ROLE]})"
    # The warnings of a failed call or a report stay until a maintainer checks by phone
    # (`iopdir record`): anyone can send this form.
    listing_edit.mark_verified(edit, by, "provider_form", request.day, settles=False)
    return _finish(edit, request.day, outcome)


def problem(request: Request) -> Outcome:
    answers = issue_body.answers(request.body, forms.PROBLEM_FIELDS)
    outcome = Outcome()
    edit = _open(request, answers, outcome)
    if edit is None:
        return outcome
    _promised(answers, forms.PROBLEM_PROMISES, outcome)
    reason = answers.get(forms.PROBLEM.id, "").strip()
    if reason not in forms.PROBLEMS:
        outcome.problems.append(f"{forms.PROBLEM.label}: choose one of the form's answers")
    if outcome.problems:
        return outcome
    listing_edit.mark_recheck(edit, reason, request.day, request.issue_url)
    outcome.changes = list(edit.changes)
    return _finish(edit, request.day, outcome)


def _promised(answers: Mapping[str, str], promises: tuple[str, ...], outcome: Outcome) -> None:
    ticked = issue_body.checked(answers.get(forms.AGREE.id, ""))
    missing = [p for p in promises if p not in ticked]
    if missing:
        outcome.problems.append(f"{forms.AGREE.label}: tick " + " and ".join(
            repr(p) for p in missing))


def _open(request: Request, answers: Mapping[str, str],
          outcome: Outcome) -> listing_edit.Edit | None:
    name = Path(answers.get(forms.LISTING.id, "").strip().strip("`")).name
    outcome.listing = name
    if not name:
        outcome.problems.append(f"{forms.LISTING.label}: the form does not say which listing; "
                                "use the link on the program's page, which fills it in")
        return None
    try:
        edit = listing_edit.open_listing(request.providers, name)
    except UsageError as exc:
        outcome.problems.append(f"{forms.LISTING.label}: {exc}")
        return None
    outcome.path = edit.path
    return edit


def _program_changes(edit: listing_edit.Edit, answers: Mapping[str, str], day: dt.date,
                     outcome: Outcome) -> None:
    wanted = [f for f in (forms.SCHEDULE, forms.INTAKE, forms.PAYMENT, forms.PLANS,
                          forms.LANGUAGES) if _given(answers, f)]
    if not wanted:
        return
    try:
        program = listing_edit.choose_program(edit, answers.get(forms.PROGRAM.id) or None)
    except UsageError as exc:
        outcome.problems.append(f"{forms.PROGRAM.label}: {_plain(str(exc))}")
        return
    for step in (_schedule, _intake, _payment, _plans, _languages):
        try:
            step(edit, program, answers, day)
        except (ScheduleError, ValueError) as exc:
            outcome.problems.append(str(exc))


def _given(answers: Mapping[str, str], form_field: forms.Field) -> bool:
    value = answers.get(form_field.id, "")
    return bool(value) and value != "No change"


def _schedule(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str],
              day: dt.date) -> None:
    text = answers.get(forms.SCHEDULE.id, "")
    if not text:
        return
    try:
        tracks = listing_edit.parse_tracks(text.splitlines())
    except ScheduleError as exc:
        raise ValueError(f"{forms.SCHEDULE.label}: " + "; ".join(exc.problems)) from None
    if _plain_data(program.get("tracks")) != [{"name": n, "sessions": s} for n, s in tracks]:
        listing_edit.set_tracks(edit, program, tracks)


def _intake(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str],
            day: dt.date) -> None:
    choice = answers.get(forms.INTAKE.id, "")
    if not choice:
        return
    if choice not in forms.INTAKE_CHOICES:
        raise ValueError(f"{forms.INTAKE.label}: choose one of the form's answers")
    status = forms.INTAKE_CHOICES[choice]
    if status is not None:
        listing_edit.set_intake(edit, program, status, day)


def _payment(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str],
             day: dt.date) -> None:
    _code_list(edit, program, answers, "payment", PAYMENT, forms.PAYMENT)


def _languages(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str],
               day: dt.date) -> None:
    _code_list(edit, program, answers, "languages", LANGUAGES, forms.LANGUAGES)


def _code_list(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str], key: str,
               labels: Mapping[str, str], question: forms.Field) -> None:
    """A program's list of codes (`key`) from the ticked labels of a checkbox `question`."""
    codes = _codes(answers.get(question.id, ""), labels, question)
    if codes and _plain_data(program.get(key)) != codes:
        listing_edit.set_field(edit, program, key, yamledit.flow(codes),
                               f"{key}: " + ", ".join(labels[c] for c in codes),
                               listing_edit.PROGRAM_ORDER)


def _plans(edit: listing_edit.Edit, program: Any, answers: Mapping[str, str],
           day: dt.date) -> None:
    text = answers.get(forms.PLANS.id, "")
    if not text:
        return
    plans = [" ".join(p.split()) for p in re.split(r"[,;\n]", text) if p.strip()]
    if _plain_data(program.get("insurance_carriers")) == plans:
        return
    if [p.casefold() for p in plans] == ["none"]:
        if "insurance_carriers" in program:
            yamledit.remove_field(program, "insurance_carriers")
            edit.changes.append("insurance plans: removed")
        return
    listing_edit.set_field(edit, program, "insurance_carriers",
                           yamledit.flow([yamledit.quoted(p) for p in plans]),
                           "insurance plans: " + ", ".join(plans), listing_edit.PROGRAM_ORDER)


def _contact_changes(edit: listing_edit.Edit, answers: Mapping[str, str],
                     outcome: Outcome) -> None:
    for form_field, key in ((forms.PHONE, "phone"), (forms.WEBSITE, "website")):
        value = " ".join(answers.get(form_field.id, "").split())
        if value and value != edit.doc.get(key):
            listing_edit.set_field(edit, edit.doc, key, yamledit.quoted(value),
                                   f"{key}: {value}")


def _codes(text: str, names: Mapping[str, str], form_field: forms.Field) -> list[str]:
    """The codes of the labels (or codes) named in `text`, in the vocabulary's order; a word
    that names none of them is a problem. Labels may hold commas ('IHS, Tribal or ...'), so
    they are found whole, longest first, before the rest is split."""
    rest = f" {text.casefold()} "
    found: set[str] = set()
    for code, label in sorted(names.items(), key=lambda kv: -len(kv[1])):
        for word in (label.casefold(), code.casefold()):
            pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
            if pattern.search(rest):
                found.add(code)
                rest = pattern.sub(" ", rest)
    unknown = [w.strip() for w in re.split(r"[,;\n]|\band\b", rest) if w.strip(" .")]
    if unknown:
        raise ValueError(f"{form_field.label}: {', '.join(map(repr, unknown))} is not one this "
                         "site knows; use the words listed in the form, separated by commas")
    return [code for code in names if code in found]


def _plain_data(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts, for comparing."""
    if isinstance(value, dict):
        return {str(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    return str(value) if isinstance(value, str) else value


def _plain(message: str) -> str:
    return message.removeprefix("iopdir: ")


def _finish(edit: listing_edit.Edit, day: dt.date, outcome: Outcome) -> Outcome:
    outcome.changes = list(edit.changes)
    result = listing_edit.finish(edit, day)
    if not result.ok:
        outcome.problems += [f"{d.message}" for d in result.problems
                             if d.severity.value == "error"]
        return outcome
    outcome.text = result.text
    return outcome


def write(outcome: Outcome) -> Path:
    """Write the new file (only an outcome that is ok has one)."""
    if outcome.path is None or outcome.text is None:
        raise UsageError("nothing to write: the form had problems")
    listing_edit.replace_file(outcome.path, outcome.text)
    return outcome.path
