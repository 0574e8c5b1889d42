"""`iopdir calls`: write the call list (calls.csv and calls.html) for volunteers and maintainers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.authoring import calls, calls_page
from generator.load.catalog import UsageError, load_paths
from generator.load.diagnostics import has_errors
from generator.model.vocab import STATES

EXAMPLE = "iopdir calls --state IL --limit 40 --out calls"


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = ("Write a prioritised call list: listings without a schedule first, then the "
               "stalest, each with its phone numbers, what to ask and the command that records "
               "the answers; a CSV and a printable page with a short call script.")
    cmd = commands.add_parser("calls", help=summary, description=summary,
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              epilog=f"example:\n  {EXAMPLE}\n\nwrites DIR/calls.csv and "
                                     "DIR/calls.html; exit codes: 0 written, 2 usage error")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--state", action="append", type=str.upper, metavar="XX",
                     help="only listings in this state (two-letter code); repeat for several")
    cmd.add_argument("--limit", type=int, default=100, metavar="N",
                     help="at most N listings, the most urgent (default 100; 0 for all)")
    cmd.add_argument("--stale-after-days", type=int, default=calls.STALE_AFTER_DAYS,
                     metavar="DAYS", help="a listing verified longer ago than this needs a call "
                     f"(default: {calls.STALE_AFTER_DAYS})")
    cmd.add_argument("--out", type=Path, default=Path("calls"), metavar="DIR",
                     help="where calls.csv and calls.html go (default: calls/)")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None,
                     help=argparse.SUPPRESS)  # fixes "today" so tests do not age
    cmd.set_defaults(handler=_calls)


def _calls(args: argparse.Namespace) -> int:
    states = sorted(set(args.state or ()))
    unknown = [s for s in states if s not in STATES]
    if unknown:
        raise UsageError(f"--state {', '.join(unknown)}: not a state code; use two-letter "
                         "postal codes like IL or NY")
    if args.limit < 0:
        raise UsageError("--limit: give 0 (every listing) or a positive number")
    catalog = load_paths([args.providers], today=args.today)
    found = calls.build(catalog, frozenset(states), args.stale_after_days)
    chosen = found[:args.limit] if args.limit else found
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "calls.csv").write_text(calls_page.csv_text(chosen), encoding="utf-8",
                                            newline="")
        (args.out / "calls.html").write_text(
            calls_page.page(chosen, catalog.today, states, len(found)), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write the call list: {exc.strerror}") from exc
    unscheduled = sum(1 for c in chosen if "no schedule" in c.reasons[0])
    print(f"Wrote {len(chosen):,} of {len(found):,} listings that need a call "
          f"({unscheduled:,} without a schedule) to {args.out / 'calls.csv'} and "
          f"{args.out / 'calls.html'}", file=sys.stderr)
    if has_errors(catalog.diagnostics):  # warnings leave a listing in; errors leave it out
        print("Some listings have errors and are left out: run iopdir validate",
              file=sys.stderr)
    return 0
