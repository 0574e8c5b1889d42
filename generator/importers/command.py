"""`iopdir import samhsa`: the command line of the SAMHSA import (wired into generator.cli)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.importers import listing, samhsa
from generator.load.catalog import UsageError
from generator.load.diagnostics import format_all
from generator.model.vocab import LEVELS, STATES

EXAMPLE = ("iopdir import samhsa facilities.csv.gz --definitions service_definitions.csv.gz "
           "--out providers --state OR --survey-year 2024")


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = "Import listings from a public directory of treatment facilities."
    cmd = commands.add_parser("import", help=summary, description=summary,
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              epilog=f"example:\n  {EXAMPLE}")
    sources = cmd.add_subparsers(title="directories", metavar="DIRECTORY")
    _add_samhsa(sources)
    cmd.set_defaults(handler=lambda args: _help(cmd))


def _help(cmd: argparse.ArgumentParser) -> int:
    cmd.print_help(sys.stderr)
    return 2


def _add_samhsa(sources: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = ("SAMHSA's N-SUMHSS national directory: one listing per facility offering the\n"
               "chosen levels of care, with its schedule marked as not yet known. A re-import\n"
               "updates the directory's fields and keeps everything written by hand; it\n"
               "rewrites only files whose content changes, and never deletes one.")
    cmd = sources.add_parser("samhsa", help="SAMHSA's N-SUMHSS national directory",
                             description=summary,
                             formatter_class=argparse.RawDescriptionHelpFormatter,
                             epilog=f"example:\n  {EXAMPLE}\n\nexit codes: 0 imported, 1 the "
                                    "definitions or existing listings have problems (nothing "
                                    "written), 2 usage error")
    cmd.add_argument("facilities", type=Path, metavar="FACILITIES.csv[.gz]",
                     help="the directory's facilities file")
    cmd.add_argument("--definitions", type=Path, required=True, metavar="FILE",
                     help="service_definitions.csv[.gz]: checks that each code still means "
                          "what the import assumes")
    cmd.add_argument("--out", type=Path, required=True, metavar="DIR",
                     help="listing directory to write into, e.g. providers")
    cmd.add_argument("--level", action="append", choices=sorted(LEVELS), metavar="LEVEL",
                     help="import facilities offering this level, with a program for it: iop "
                          "(default), php or outpatient; repeat for several")
    cmd.add_argument("--state", action="append", type=str.upper, metavar="XX",
                     help="only facilities in this state (two-letter code); repeat for several")
    cmd.add_argument("--survey-year", type=int, metavar="YEAR",
                     help="the survey year of the directory, named in each listing's source "
                          "(the copy in ../shared does not state it)")
    cmd.add_argument("--verified", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help="last_verified of the listings: when the survey data was collected "
                          "(default: 1 January of --survey-year)")
    cmd.add_argument("--report", type=Path, metavar="FILE.csv",
                     help="write every row's outcome (imported or skipped, and why) to a CSV file")
    cmd.add_argument("--dry-run", action="store_true",
                     help="show what would change without writing any file")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None,
                     help=argparse.SUPPRESS)  # fixes the import date so tests do not age
    cmd.set_defaults(handler=_samhsa)


def request(args: argparse.Namespace) -> samhsa.Request:
    today: dt.date = args.today or dt.date.today()
    for path in (args.facilities, args.definitions):
        if not path.is_file():
            raise UsageError(f"{path}: no such file. The import reads SAMHSA's national "
                             "directory of treatment facilities (N-SUMHSS, public domain) as "
                             "two files, facilities.csv.gz and service_definitions.csv.gz; in "
                             "iopdir's development setup a copy is in "
                             "../shared/data/samhsa-nsumhss/. See 'Importing SAMHSA's national "
                             "directory' in docs/for-maintainers.md")
    unknown = sorted(set(args.state or ()) - set(STATES))
    if unknown:
        raise UsageError(f"--state {', '.join(unknown)}: not a state code; use two-letter "
                         "postal codes like OR or NY")
    verified = args.verified or (dt.date(args.survey_year, 1, 1) if args.survey_year else None)
    if verified is None:
        raise UsageError("say when the directory's data was collected: --survey-year YEAR, or "
                         "--verified YYYY-MM-DD (an early date is honest: the site then asks "
                         "people to call and check)")
    if verified > today:
        raise UsageError(f"--verified {verified}: the date is in the future")
    options = listing.Options(tuple(args.level or ("iop",)),
                              listing.source_text(args.survey_year, today),
                              verified.isoformat(), today)
    return samhsa.Request(args.facilities, args.definitions, args.out, options,
                          frozenset(args.state or ()), args.dry_run)


def _samhsa(args: argparse.Namespace) -> int:
    found = samhsa.run(request(args))
    if found.problems:
        print(format_all(found.problems), file=sys.stderr)
        print("iopdir: nothing was imported: fix the problems above, then import again",
              file=sys.stderr)
        return 1
    for line in found.notes():
        print(line, file=sys.stderr)
    print(found.summary(), file=sys.stderr)
    if args.report:
        try:
            found.write_csv(args.report)
        except OSError as exc:
            raise UsageError(f"{args.report}: cannot write the report: {exc.strerror}") from exc
        print(f"Wrote every row's outcome to {args.report}", file=sys.stderr)
    return 0
