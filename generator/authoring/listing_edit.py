"""Edits that record a phone check or a provider's update in a listing file, shared by
`iopdir record` and `iopdir apply-form`.

Each edit changes only its own fields (yamledit keeps the rest of the file as it was) and
`finish` checks the result with the project's validator: an edit that would make the file
invalid is refused, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.authoring import yamledit
from generator.load.catalog import UsageError, display_path, load_file
from generator.load.checks import SLUG
from generator.load.diagnostics import Diagnostic, has_errors
from generator.model import schedule_text
from generator.model.vocab import WEEKEND

_NUMBER = re.compile(r"[0-9]{1,4}")  # a program's number, in ASCII digits

TOP_ORDER = ("name", "description", "website", "phone", "intake_phones", "email",
             "accreditations", "levels_of_care", "last_verified", "source", "verification",
             "unreachable", "recheck", "sample", "external_ids", "related_listings", "locations",
             "programs")
PROGRAM_ORDER = ("name", "description", "level_of_care", "populations", "format", "location",
                 "telehealth_states", "length_weeks", "services",
                 "medication_for_addiction_treatment", "payment", "insurance_carriers",
                 "languages", "accepting_new_patients", "schedule_status", "tracks")


@dataclass
class Edit:
    path: Path
    text: str  # the file as it was
    doc: CommentedMap  # the file being changed
    changes: list[str] = field(default_factory=list)  # what was changed, in words

    @property
    def shown(self) -> str:
        return display_path(self.path)


def open_listing(providers: Path, name: str) -> Edit:
    """The listing `name` (a slug, or a file name ending in .yaml) in `providers`."""
    slug = name.removesuffix(".yaml")
    if not SLUG.fullmatch(slug):
        raise UsageError(f"{name!r} is not a listing's file name; use the name of a file in "
                         f"{providers}, like 'harbor-light' or 'harbor-light.yaml'")
    path = providers / f"{slug}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{display_path(path)}: no such listing; check the file name") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{display_path(path)}: cannot read the file ({exc})") from None
    return Edit(path, text, yamledit.load(text, display_path(path)))


def programs(edit: Edit) -> list[CommentedMap]:
    found = edit.doc.get("programs")
    if not isinstance(found, list) or not all(isinstance(p, CommentedMap) for p in found):
        raise UsageError(f"{edit.shown}: the listing has no readable programs; run iopdir "
                         f"validate {edit.shown}")
    return found


def choose_program(edit: Edit, choice: str | None) -> CommentedMap:
    """A program by number (1 is the first) or by name; the only one when none is given."""
    found = programs(edit)
    names = [str(p.get("name", "")) for p in found]
    listed = "; ".join(f"{i}. {n}" for i, n in enumerate(names, 1))
    if not choice:
        if len(found) == 1:
            return found[0]
        raise UsageError(f"{edit.shown} has {len(found)} programs: say which, by number or "
                         f"name ({listed})")
    if _NUMBER.fullmatch(choice.strip()) and 1 <= int(choice) <= len(found):  # not '²'
        return found[int(choice) - 1]
    wanted = choice.strip().casefold()
    exact = [p for p, n in zip(found, names, strict=True) if n.casefold() == wanted]
    partial = [p for p, n in zip(found, names, strict=True) if wanted in n.casefold()]
    if len(exact) == 1 or len(partial) == 1:
        return (exact or partial)[0]
    raise UsageError(f"{choice!r} names no single program of {edit.shown}; use a number or a "
                     f"name: {listed}")


def parse_tracks(lines: Sequence[str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Tracks typed one a line ('Evening track: Mon-Thu 6-9pm'); a line without a name gets
    one from its hours. Every problem of every line is reported at once."""
    problems: list[str] = []
    named: list[tuple[str | None, list[dict[str, Any]]]] = []
    for line in (x for x in lines if x.strip()):
        try:
            read = schedule_text.parse_named(line)
        except schedule_text.ScheduleError as exc:
            problems += exc.problems
            continue
        named.append((read.name, read.sessions))
    if problems:
        raise schedule_text.ScheduleError(problems)
    if not named:
        raise schedule_text.ScheduleError(["no schedule given"])
    return _name_tracks(named)


def _name_tracks(named: list[tuple[str | None, list[dict[str, Any]]]]
                 ) -> list[tuple[str, list[dict[str, Any]]]]:
    used = {name for name, _ in named if name}
    out: list[tuple[str, list[dict[str, Any]]]] = []
    for name, sessions in named:
        if name is None:
            base = name = _default_name(sessions)
            n = 2
            while name in used:
                name, n = f"{base} {n}", n + 1
            used.add(name)
        out.append((name, sessions))
    return out


def _default_name(sessions: list[dict[str, Any]]) -> str:
    """A name from the hours: 'Evening track', 'Morning and evening track', 'Evening and
    weekend track', 'Weekend track'."""
    weekday_hours = {int(s["start"][:2]) for s in sessions if set(s["days"]) - WEEKEND}
    kinds = [part for part, low, high in (("morning", 0, 12), ("afternoon", 12, 17),
                                          ("evening", 17, 24))
             if any(low <= hour < high for hour in weekday_hours)]
    if any(set(s["days"]) & WEEKEND for s in sessions):
        kinds.append("weekend")
    return " and ".join(kinds).capitalize() + " track"


def set_tracks(edit: Edit, program: CommentedMap,
               tracks: list[tuple[str, list[dict[str, Any]]]]) -> None:
    """The program's whole weekly schedule: tracks replace any there were, and a
    `schedule_status: not_listed` line."""
    current = program.get("tracks")
    if isinstance(current, CommentedSeq) and current and "schedule_status" not in program:
        yamledit.update_tracks(current, tracks)  # line by line: the rest stays as written
    elif "schedule_status" in program:
        yamledit.replace_field(program, "schedule_status", "tracks", yamledit.tracks(tracks))
    else:
        yamledit.set_field(program, "tracks", yamledit.tracks(tracks), PROGRAM_ORDER)
    edit.changes.append(f"schedule of {program.get('name')!r}: " + "; ".join(
        f"{name}: {schedule_text.format_sessions(sessions)}" for name, sessions in tracks))


def set_intake(edit: Edit, program: CommentedMap, status: str, day: dt.date) -> None:
    """`accepting_new_patients`; dated unless the status is unknown."""
    fields: dict[str, Any] = {"status": yamledit.quoted(status)}
    if status != "unknown":
        fields["as_of"] = yamledit.quoted(day.isoformat())
    current = program.get("accepting_new_patients")
    value = fields if isinstance(current, CommentedMap) else yamledit.flow_map(fields)
    yamledit.set_field(program, "accepting_new_patients", value, PROGRAM_ORDER)
    edit.changes.append(f"intake of {program.get('name')!r}: {status}")


def set_field(edit: Edit, target: CommentedMap, key: str, value: Any, what: str,
              order: Sequence[str] = TOP_ORDER) -> None:
    yamledit.set_field(target, key, value, order)
    edit.changes.append(what)


def mark_verified(edit: Edit, by: str, method: str, day: dt.date, settles: bool = True) -> None:
    """A successful check: last_verified and verification. With `settles`, it also settles a
    failed call or a report waiting for a check; a form anyone can send does not (whoever has
    taken over a listing's phone number must not be able to clear its warnings)."""
    date = yamledit.quoted(day.isoformat())
    yamledit.set_field(edit.doc, "last_verified", date, TOP_ORDER)
    yamledit.set_field(edit.doc, "verification",
                       yamledit.block_map({"by": yamledit.quoted(by), "method": method,
                                           "date": date}), TOP_ORDER)
    for settled in ("unreachable", "recheck") if settles else ():
        if settled in edit.doc:
            yamledit.remove_field(edit.doc, settled)
            edit.changes.append(f"removed {settled}")
    edit.changes.append(f"verified {day.isoformat()} ({method}, by {by})")


def record_unreachable(edit: Edit, reason: str, attempts: int, day: dt.date,
                       by: str | None) -> int:
    """A failed call; calls add up while the reason stays the same. Returns the total."""
    old = edit.doc.get("unreachable")
    earlier = old.get("attempts") if isinstance(old, dict) else None
    if isinstance(earlier, int) and isinstance(old, dict) and old.get("reason") == reason:
        attempts += earlier
    fields: dict[str, Any] = {"reason": reason, "attempts": attempts,
                              "date": yamledit.quoted(day.isoformat())}
    if by:
        fields["by"] = yamledit.quoted(by)
    yamledit.set_field(edit.doc, "unreachable", yamledit.flow_map(fields), TOP_ORDER)
    edit.changes.append(f"unreachable: {reason}, {attempts} call(s), last {day.isoformat()}")
    return attempts


def mark_recheck(edit: Edit, reason: str, day: dt.date, report: str | None) -> None:
    fields: dict[str, Any] = {"reason": yamledit.quoted(reason),
                              "date": yamledit.quoted(day.isoformat())}
    if report:
        fields["report"] = yamledit.quoted(report)
    yamledit.set_field(edit.doc, "recheck", yamledit.block_map(fields), TOP_ORDER)
    edit.changes.append(f"recheck: {reason}")


@dataclass(frozen=True)
class Finished:
    text: str
    problems: list[Diagnostic]  # errors (nothing may be written) and warnings
    already_invalid: bool  # the file had errors before the edit

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def finish(edit: Edit, today: dt.date) -> Finished:
    """The new text and what the validator says about it."""
    text = yamledit.dump(edit.doc)
    stem, suffix = edit.path.stem, edit.path.suffix
    before = load_file(edit.text.encode("utf-8"), edit.shown, stem, suffix, today)
    after = load_file(text.encode("utf-8"), edit.shown, stem, suffix, today)
    return Finished(text, after.diagnostics, has_errors(before.diagnostics))


def write(edit: Edit, text: str) -> None:
    replace_file(edit.path, text)


def replace_file(path: Path, text: str) -> None:
    """Beside, then renamed: a reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
