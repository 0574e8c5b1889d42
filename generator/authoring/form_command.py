"""`iopdir apply-form update|problem BODY.md`: the conversion step of the issue-form workflows.

It edits the listing the form names, and writes what the workflow needs: the comment for the
issue (the change, or the problems in plain words), the pull request's text, and step outputs
(`listing=`, `changed=`). It runs the same on a maintainer's computer, on a saved issue body.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from generator.authoring import form_update
from generator.authoring.form_update import Outcome, Request
from generator.authoring.github_text import code, inert
from generator.load.catalog import UsageError

EXAMPLE = ("iopdir apply-form update issue.md --issue-url https://github.com/OWNER/REPO/issues/12"
           " --comment comment.md --outputs \"$GITHUB_OUTPUT\"")
EXAMPLE_PROBLEM = "iopdir apply-form problem issue.md --issue-url URL --comment comment.md"


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = ("Apply a submitted issue form to its listing file (the step the issue-form "
               "workflows run): 'update' changes what the provider changed and records their "
               "check; 'problem' marks a listing for a new check after a maintainer confirmed a "
               "report. Writes nothing unless the result validates.")
    cmd = commands.add_parser("apply-form", help=summary, description=summary,
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              epilog=f"examples:\n  {EXAMPLE}\n  {EXAMPLE_PROBLEM}\n\nexit "
                                     "codes: 0 applied (or nothing to change), 1 the form has "
                                     "problems (the comment says which; nothing written), "
                                     "2 usage error")
    forms = cmd.add_subparsers(title="forms", metavar="FORM")
    for name, help_text, example, handler in (
            ("update", "the listing update form (.github/ISSUE_TEMPLATE/update-listing.yml)",
             EXAMPLE, _update),
            ("problem", "a confirmed problem report (.github/ISSUE_TEMPLATE/report-problem.yml)",
             EXAMPLE_PROBLEM, _problem)):
        sub = forms.add_parser(name, help=help_text, description=help_text,
                               formatter_class=argparse.RawDescriptionHelpFormatter,
                               epilog=f"example:\n  {example}")
        _options(sub)
        sub.set_defaults(handler=handler)
    cmd.set_defaults(handler=lambda args: _help(cmd))


def _help(cmd: argparse.ArgumentParser) -> int:
    cmd.print_help(sys.stderr)
    return 2


def _options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("body", type=Path, metavar="BODY.md",
                     help="the issue's body, saved to a file")
    cmd.add_argument("--providers", type=Path, default=Path("providers"), metavar="DIR",
                     help="listing directory (default: providers/)")
    cmd.add_argument("--issue-url", metavar="URL", help="the issue's address, for the pull "
                     "request and (for a problem) the listing's recheck.report")
    cmd.add_argument("--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help="the day the form was sent (default: today)")
    cmd.add_argument("--comment", type=Path, metavar="FILE",
                     help="write the comment for the issue (Markdown) here")
    cmd.add_argument("--pr-body", type=Path, metavar="FILE",
                     help="write the pull request's description (Markdown) here")
    cmd.add_argument("--outputs", type=Path, metavar="FILE",
                     help="append listing=PATH and changed=true|false lines (for a workflow, "
                          "$GITHUB_OUTPUT)")


def _update(args: argparse.Namespace) -> int:
    return _apply(args, form_update.update, "update")


def _problem(args: argparse.Namespace) -> int:
    return _apply(args, form_update.problem, "problem")


def _apply(args: argparse.Namespace, convert: Callable[[Request], Outcome], kind: str) -> int:
    try:
        body = args.body.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{args.body}: cannot read the issue body ({exc})") from None
    request = Request(body, args.providers, args.date or dt.date.today(), args.issue_url)
    outcome = convert(request)
    changed = outcome.ok and outcome.path is not None and \
        outcome.path.read_text(encoding="utf-8") != outcome.text
    if changed:
        form_update.write(outcome)
    _write(args.comment, comment(outcome, kind, changed))
    _write(args.pr_body, pr_body(outcome, kind, args.issue_url))
    listing = str(outcome.path) if outcome.path is not None else ""
    _write(args.outputs, f"listing={listing}\nchanged={'true' if changed else 'false'}\n",
           append=True)
    for line in outcome.problems:
        print(f"{listing or args.body}: error: {line}", file=sys.stderr)
    if outcome.problems:
        return 1
    print(f"{listing}: " + ("; ".join(outcome.changes) if changed else "nothing to change"),
          file=sys.stderr)
    return 0


def _write(path: Path | None, text: str, append: bool = False) -> None:
    if path is None:
        return
    try:
        with path.open("a" if append else "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror})") from exc


def comment(outcome: Outcome, kind: str, changed: bool) -> str:
    listing = code(outcome.listing) if outcome.listing else "the listing"
    if outcome.problems:
        lines = [f"Thank you. The form could not be applied to {listing} yet, because:", ""]
        lines += [f"- {inert(p)}" for p in outcome.problems]
        lines += ["", "To correct them, edit the issue (the \"...\" menu of its first "
                  "comment): the answers are checked again."]
        return "\n".join(lines) + "\n"
    if not changed:
        return (f"Thank you. {listing} already says all of this, so nothing needs to "
                "change.\n")
    done = "\n".join(f"- {inert(c)}" for c in outcome.changes)
    what = ("A pull request with these changes is open for a maintainer to review"
            if kind == "update" else "The listing is marked for a new check (a pull request "
            "for a maintainer to review)")
    return f"Thank you. {what}:\n\n{done}\n"


def pr_body(outcome: Outcome, kind: str, issue_url: str | None) -> str:
    source = f" from {issue_url}" if issue_url else ""
    title = ("Listing update" if kind == "update" else "Recheck after a confirmed report")
    lines = [f"{title} for {code(outcome.listing)}, made by `iopdir apply-form {kind}`"
             f"{source}.", ""]
    lines += [f"- {inert(c)}" for c in outcome.changes]
    lines += ["", "Before merging: confirm the change with the program (the form says how), "
              "and check that the listing's page reads right in the built preview."]
    if issue_url:
        lines += ["", f"Closes {issue_url}"]
    return "\n".join(lines) + "\n"
