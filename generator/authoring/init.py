"""`iopdir init DIR`: start a directory project outside this repository.

A project is what this repository is, less the tool: `mkdocs.yml` with the organisation's name,
region and repository address; `providers/` with one fictional sample listing; the pages people
edit (home, for providers, about the data: `theme.STARTER_PAGES`); the workflows, editor
settings and schema this repository keeps at its root (`generator/project-files.txt`); a README
and a `requirements.txt` naming this iopdir release. Everything else (the finder, the guide, the
styles and scripts, the templates) comes from the installed package. Never replaces a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from generator import __version__
from generator.authoring.scaffold import Prompter
from generator.load.catalog import UsageError
from generator.model import resources
from generator.output import theme
from generator.pages.templating import yaml_string

TEMPLATES = Path(__file__).with_name("project-templates")
SAMPLE = "providers/lanternfish-recovery-collective.yaml"
EXAMPLE = ('iopdir init oregon-iop --no-input --name "Oregon Recovery Coalition" '
           '--region Oregon --repository https://github.com/example/oregon-iop')
_DATE = re.compile(r'"\d{4}-\d{2}-\d{2}"')


@dataclass(frozen=True)
class Question:
    field: str
    prompt: str
    help: str


QUESTIONS = (
    Question("name", "Organisation that runs the directory", "the organisation that runs the "
             "directory, as people know it"),
    Question("region", "Region it covers (a state, county or city)", "the region the "
             "directory covers, such as a state, a county or a city"),
    Question("repository", "Repository address (Enter for none yet)", "where the project's "
             "files live and providers send listings, like https://github.com/OWNER/REPO"),
)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = ("Start a directory project in DIR: settings, a sample listing, pages to edit, "
               "workflows and editor settings. Asks a few questions (or takes them as options); "
               "never replaces a file.")
    cmd = commands.add_parser("init", help=summary, description=summary,
                              formatter_class=argparse.RawDescriptionHelpFormatter,
                              epilog=f"example:\n  {EXAMPLE}")
    cmd.add_argument("directory", nargs="?", type=Path, default=Path(), metavar="DIR",
                     help="where to start the project (default: this folder)")
    for question in QUESTIONS:
        cmd.add_argument(f"--{question.field}", metavar="TEXT", help=question.help)
    cmd.add_argument("--no-input", action="store_true",
                     help="ask nothing: use the options, and leave the rest empty")
    cmd.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    cmd.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    answers = {q.field: getattr(args, q.field) for q in QUESTIONS}
    if not args.no_input:
        _interview(answers, Prompter(sys.stdin, sys.stderr))
    written = start(args.directory, answers, args.today or dt.date.today())
    where = args.directory
    print(f"Started a directory project in {where} ({len(written)} files). Next, in that "
          "folder: install iopdir with 'python3 -m venv .venv && .venv/bin/pip install -r "
          "requirements.txt', add listings with '.venv/bin/iopdir new', and build with "
          "'.venv/bin/iopdir build --strict' (README.md has the details).", file=sys.stderr)
    return 0


def _interview(answers: dict[str, str | None], prompter: Prompter) -> None:
    try:
        for question in QUESTIONS:
            if answers[question.field] is None:
                answers[question.field] = prompter.ask(f"{question.prompt}: ").strip() or None
    except EOFError:
        pass


def start(directory: Path, answers: dict[str, str | None], today: dt.date) -> list[Path]:
    """Write every file of a new project into `directory`; nothing if any of them exists."""
    values = _checked(answers)
    files = contents(values, today)
    existing = [path for path in files if (directory / path).exists()]
    if existing:
        raise UsageError(f"{directory}: {', '.join(existing[:3])} already exist"
                         f"{' (and more)' if len(existing) > 3 else ''}; iopdir init never "
                         "replaces a file: choose an empty folder")
    written = []
    for path, content in files.items():
        target = directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written


def _checked(answers: dict[str, str | None]) -> dict[str, str]:
    values = {field: " ".join((value or "").split()) for field, value in answers.items()}
    problems = [f"--{field}: keep it under 100 characters" for field, value in values.items()
                if len(value) > 100]
    repository = values["repository"]
    if repository and not re.fullmatch(r"https?://[^\s/]+\S*", repository):
        problems.append(f"--repository: {repository!r} is not a web address; write it in "
                        "full, like 'https://github.com/OWNER/REPO'")
    if problems:
        raise UsageError("; ".join(problems))
    return values


def contents(values: dict[str, str], today: dt.date) -> dict[str, bytes]:
    """{path in the project: content} of every file of a new project."""
    files = {path: source.read_bytes() for path, source in resources.project_files().items()}
    files[SAMPLE] = _DATE.sub(f'"{today.isoformat()}"', files[SAMPLE].decode()).encode()
    for page in theme.STARTER_PAGES:
        files[f"docs/{page}"] = (theme.DOCS / page).read_bytes()
    words = _words(values)
    for name, target in (("mkdocs.yml", "mkdocs.yml"), ("README.md", "README.md"),
                         ("requirements.txt", "requirements.txt"), ("gitignore", ".gitignore")):
        template = Template((TEMPLATES / name).read_text(encoding="utf-8"))
        files[target] = template.substitute(words).encode()
    return files


def _words(values: dict[str, str]) -> dict[str, str]:
    """What the templates fill in; YAML values as double-quoted ASCII strings, which YAML reads
    as they are (JSON's own escapes would write an emoji as two surrogates YAML refuses)."""
    name, region, repository = values["name"], values["region"], values["repository"]
    title = f"{region} IOP Program Finder" if region else "IOP Program Finder"
    where = f" in {region}" if region else ""
    about = (f"Find intensive outpatient programs for substance use treatment{where} whose "
             "schedules fit your week.")
    return {
        "site_name": yaml_string(title), "site_description": yaml_string(about),
        "copyright": yaml_string(f"Directory run by {name}" if name else ""),
        "organisation": yaml_string(name), "region": yaml_string(region),
        "repository": yaml_string(repository), "title": title, "where": where,
        "run_by": f"It is run by {name}." if name else "",
        "repository_line": (f"\nProviders send new and changed listings as pull requests to "
                            f"{repository}.\n" if repository else ""),
        "version": __version__,
    }
