"""`iopdir record SLUG`: write the outcome of a phone call into a listing file.

A call that reached someone records what they said (the weekly schedule of a program, its
intake status) and who checked, how and when. A call that reached nobody records that instead
(`--unreachable`), for the page and the report. The file keeps its comments and layout, and a
result that would not validate is never written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from pathlib import Path

from generator.authoring import listing_edit
from generator.load.catalog import UsageError
from generator.load.diagnostics import format_all
from generator.model.schedule_text import ScheduleError
from generator.model.vocab import ACCEPTING, UNREACHABLE_REASONS, VERIFICATION_METHODS

EXAMPLE = ('iopdir record harbor-light --program 1 --schedule "Evening track: Mon, Tue, Thu '
           '6-9pm; Sat 9am-1pm" --intake yes --by "Volunteer caller, Oregon 211"')
EXAMPLE_UNREACHABLE = "iopdir record harbor-light --unreachable --reason no_answer"


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = ("Record the outcome of a call in a listing file: the schedule of a program, its "
               "intake status and who checked, or (with --unreachable) a call that reached "
               "nobody. Keeps the file's comments and layout; never writes an invalid file.")
    cmd = commands.add_parser(
        "record", help=summary, description=summary,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"examples:\n  {EXAMPLE}\n  {EXAMPLE_UNREACHABLE}\n\nexit codes: 0 recorded, "
               "1 the result would not validate (nothing written), 2 usage error")
    cmd.add_argument("slug", metavar="SLUG", help="the listing's file name, like harbor-light")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--program", metavar="N|NAME",
                     help="which program: its number on the page (1 is the first) or its "
                          "name; needed when the listing has several")
    cmd.add_argument("--schedule", action="append", metavar="TEXT",
                     help="one track's weekly hours, like 'Mon, Tue, Thu 6-9pm; Sat 9am-1pm', "
                          "optionally named first ('Evening track: Mon-Thu 6-9pm'); repeat for "
                          "each track. Replaces the program's tracks")
    cmd.add_argument("--intake", choices=sorted(ACCEPTING), metavar="STATUS",
                     help="whether the program takes new people: yes, waitlist, no or unknown")
    cmd.add_argument("--by", metavar="WHO",
                     help="who checked, as the page may show it: a role or organisation, like "
                          "'Volunteer caller, Oregon 211' (required unless --unreachable)")
    cmd.add_argument("--method", choices=sorted(VERIFICATION_METHODS), default="phone_call",
                     metavar="HOW", help="how it was checked (default: phone_call; also "
                     + ", ".join(m for m in VERIFICATION_METHODS if m != "phone_call") + ")")
    cmd.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help="the day of the call (default: today)")
    cmd.add_argument("--unreachable", action="store_true",
                     help="the call reached nobody who could confirm the listing")
    cmd.add_argument("--reason", choices=sorted(UNREACHABLE_REASONS), default="no_answer",
                     metavar="WHY", help="with --unreachable: no_answer (default), no_callback, "
                     "disconnected or wrong_number")
    cmd.add_argument("--attempts", type=_positive, default=1, metavar="N",
                     help="with --unreachable: calls made this time (default 1); they add up "
                          "while the reason stays the same")
    cmd.add_argument("--dry-run", action="store_true",
                     help="show the change as a diff and write nothing")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None,
                     help=argparse.SUPPRESS)  # fixes "today" so tests do not age
    cmd.set_defaults(handler=_record)


def _positive(value: str) -> int:
    number = int(value) if re.fullmatch(r"[0-9]{1,6}", value) else 0  # not '²', which int() refuses
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give a whole number of calls, like 3")
    return number


def _record(args: argparse.Namespace) -> int:
    today: dt.date = args.today or dt.date.today()
    day: dt.date = args.date or today
    if day > today:
        raise UsageError(f"--date {day}: the date is in the future")
    _check_combination(args)
    edit = listing_edit.open_listing(args.providers, args.slug)
    if args.unreachable:
        total = listing_edit.record_unreachable(edit, args.reason, args.attempts, day, args.by)
        done = f"a call that reached nobody ({total} so far)"
    else:
        _record_call(edit, args, day)
        done = "; ".join(edit.changes)
    return _save(edit, today, args.dry_run, done)


def _check_combination(args: argparse.Namespace) -> None:
    if args.unreachable and (args.schedule or args.intake):
        raise UsageError("--unreachable records a call that reached nobody: it takes no "
                         "--schedule or --intake")
    if not args.unreachable and not args.by:
        raise UsageError("say who checked with --by, like --by 'Volunteer caller, Oregon 211' "
                         "(the page shows it), or record a failed call with --unreachable")


def _record_call(edit: listing_edit.Edit, args: argparse.Namespace, day: dt.date) -> None:
    if args.schedule or args.intake:
        program = listing_edit.choose_program(edit, args.program)
        if args.schedule:
            try:
                tracks = listing_edit.parse_tracks(args.schedule)
            except ScheduleError as exc:
                raise UsageError("--schedule: " + "; ".join(exc.problems)) from None
            listing_edit.set_tracks(edit, program, tracks)
        if args.intake:
            listing_edit.set_intake(edit, program, args.intake, day)
    listing_edit.mark_verified(edit, args.by, args.method, day)


def _save(edit: listing_edit.Edit, today: dt.date, dry_run: bool, done: str) -> int:
    result = listing_edit.finish(edit, today)
    if not result.ok:
        why = (" (it had errors already: fix them first)" if result.already_invalid else "")
        print(format_all(result.problems), file=sys.stderr)
        print(f"iopdir: the change would leave {edit.shown} invalid{why}, so nothing was "
              "written: the messages above describe the file as it would be", file=sys.stderr)
        return 1
    if result.problems:
        print(format_all(result.problems), file=sys.stderr)
    if dry_run:
        sys.stdout.writelines(difflib.unified_diff(
            edit.text.splitlines(keepends=True), result.text.splitlines(keepends=True),
            edit.shown, f"{edit.shown} (recorded)"))
        print(f"Would record in {edit.shown}: {done} (--dry-run: nothing written)",
              file=sys.stderr)
        return 0
    listing_edit.write(edit, result.text)
    print(f"Recorded in {edit.shown}: {done}", file=sys.stderr)
    return 0
