"""`iopdir new`: start a listing from a few answers, given as flags or typed at the prompts.

With a name, phone, street, city and ZIP code the file validates as written: the state, time
zone, coordinates and a first description are worked out from them, and the program starts from
common values for the provider to check. A question left blank leaves its field empty, which the
validator reports, so nothing made up is ever published. An existing file is never replaced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from generator.authoring import listing_edit, listing_template
from generator.authoring.listing_template import Answers
from generator.load.catalog import UsageError
from generator.load.checks import RESERVED_SLUGS, SLUG, known_zone, suggest_slug
from generator.model import schedule_text, zips
from generator.model.links import url_problem

ATTEMPTS = 3  # a question asked again after a bad answer, then left for the file

_LOCATION = ("$defs", "location", "properties")


@dataclass(frozen=True)
class Question:
    field: str
    prompt: str
    help: str  # for the command-line option
    rules: tuple[str, ...]  # where the field's rules are in the schema
    optional: bool = False


# In the order they are asked: the ZIP code comes before the state, so the state can default.
QUESTIONS = (
    Question("name", "Provider name", "the provider's name, as people know it",
             ("properties", "name")),
    Question("phone", "Phone number for intake", "the main phone number, like '(503) 555-0142'",
             ("properties", "phone")),
    Question("website", "Website (Enter for none)", "the website, starting with https://",
             ("properties", "website"), optional=True),
    Question("street", "Street address", "the street address, with any suite",
             (*_LOCATION, "street")),
    Question("city", "City or town", "the city or town", (*_LOCATION, "city")),
    Question("zip", "ZIP code", "the five-digit ZIP code", (*_LOCATION, "zip")),
    Question("state", "State (two letters)", "the two-letter state code (default: the ZIP "
             "code's)", (*_LOCATION, "state")),
    Question("timezone", "Time zone", "the time zone, like America/Chicago (default: the ZIP "
             "code's, or the state's)", (*_LOCATION, "timezone")),
    Question("description", "One or two sentences on what you offer",
             "one or two sentences on what you offer (default: one made from the name and "
             "city)", ("properties", "description")),
    Question("schedule", "Weekly hours, like 'Mon, Tue, Thu 6-9pm' (Enter to add them later)",
             "the program's weekly hours, like 'Mon, Tue, Thu 6-9pm; Sat 9am-1pm' (default: "
             "left to fill in)", (), optional=True),
)
FIELDS = tuple(q.field for q in QUESTIONS)
# Hints for a value typed at a prompt or given as an option, where the schema's hint (written
# for the YAML file) would ask for quotes that mean nothing there.
TYPED_HINTS = {"zip": "write all five digits of the ZIP code, like 04101"}


class Prompter:
    """Asks on one stream and reads answers, one a line, from another (a terminal or a pipe)."""

    def __init__(self, answers: TextIO, out: TextIO) -> None:
        self.answers, self.out = answers, out

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.answers.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    def say(self, message: str) -> None:
        print(message, file=self.out)


@dataclass(frozen=True)
class Written:
    path: Path
    missing: tuple[str, ...]  # fields left empty: the file fails validation until they are filled
    scheduled: bool = False  # weekly hours were given


def new_listing(directory: Path, slug: str | None, given: dict[str, str | None],
                today: dt.date, prompter: Prompter | None = None) -> Written:
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such directory")
    _check_flags(given)
    if slug is not None:
        _free_path(directory, slug)
    answers = dict(given)
    if prompter is not None:
        slug = _interview(answers, prompter, directory, slug)
    if slug is None:
        if not answers.get("name"):
            raise UsageError("give the file name (iopdir new SLUG) or the provider's name "
                             "(--name)")
        slug = slug_for(str(answers["name"]))
    path = _free_path(directory, slug)
    complete = _with_defaults(answers)
    text = listing_template.render(complete, today)
    try:
        with path.open("x", encoding="utf-8") as out:  # "x": fail rather than replace a file
            out.write(text)
    except FileExistsError:  # created while the questions were asked
        raise UsageError(f"{path} already exists; edit it instead") from None
    missing = tuple(f for f in FIELDS if getattr(complete, f) is None and not _optional(f))
    return Written(path, missing, bool(complete.schedule))


def _check_flags(given: dict[str, str | None]) -> None:
    """Every bad flag at once, each with the way to write it."""
    problems = [f"--{field}: {problem}" for field, value in given.items()
                if value is not None and (problem := check(field, value))]
    if problems:
        raise UsageError("; ".join(problems))


def _free_path(directory: Path, slug: str) -> Path:
    if not SLUG.fullmatch(slug):
        raise UsageError(f"{slug!r} is not a valid file name; try {suggest_slug(slug)!r}")
    if slug in RESERVED_SLUGS:
        raise UsageError(f"{slug!r} is reserved for the site's own pages; name the file after "
                         f"the provider, like 'harbor-light'")
    path = directory / f"{slug}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; edit it instead, or choose another file "
                         f"name: iopdir new {slug}-2")
    return path


def _interview(answers: dict[str, str | None], prompter: Prompter, directory: Path,
               slug: str | None) -> str | None:
    """Ask what the flags did not give; stop asking at the end of the input."""
    try:
        for question in QUESTIONS:
            if answers.get(question.field) is None:
                answers[question.field] = _ask(question, answers, prompter)
            if question.field == "name" and slug is None and answers["name"]:
                slug = slug_for(answers["name"])
                _free_path(directory, slug)
                prompter.say(f"The file will be {directory / slug}.yaml")
    except EOFError:
        pass
    return slug


def _ask(question: Question, answers: dict[str, str | None], prompter: Prompter) -> str | None:
    fallback = default(question.field, answers)
    shown = f" [{fallback}]" if fallback else ""
    for _ in range(ATTEMPTS):
        value = prompter.ask(f"{question.prompt}{shown}: ").strip() or fallback
        if not value:
            return None
        problem = check(question.field, value)
        if problem is None:
            return value
        prompter.say(f"  {problem}")
    prompter.say(f"  {question.field} is left empty; fill it in in the file")
    return None


def check(field: str, value: str) -> str | None:
    """Why `value` cannot go in `field`, with how to write it; None when it can."""
    if field == "schedule":
        try:
            listing_edit.parse_tracks([value])
        except schedule_text.ScheduleError as exc:
            return "; ".join(exc.problems)
        return None
    import jsonschema  # only when a listing is started: a build never needs it

    question = next(q for q in QUESTIONS if q.field == field)
    rules = _rules(question.rules)
    if not jsonschema.Draft202012Validator(rules).is_valid(value):
        hint = TYPED_HINTS.get(field) or rules.get("x-hint") or _hint(rules)
        return f"{value!r} is not valid; {hint}"
    if field == "timezone" and not known_zone(value):
        return f"{value!r} is not a time zone; use one like 'America/Chicago'"
    if field == "website" and url_problem(value):
        return f"{value!r} {url_problem(value)}"
    return None


def _rules(path: tuple[str, ...]) -> dict[str, Any]:
    node: Any = listing_template.schema()
    for key in path:
        node = node[key]
    rules: dict[str, Any] = node
    return rules


def _hint(rules: dict[str, Any]) -> str:
    low, high = rules.get("minLength"), rules.get("maxLength")
    return f"write {low} to {high} characters" if low and high else "see the field reference"


def default(field: str, answers: dict[str, str | None]) -> str | None:
    """A value worked out from earlier answers, offered at the prompt and used without one."""
    zip_code = answers.get("zip")
    known = zips.lookup(zip_code) if zip_code else None
    if field == "state" and known:
        return known.state
    if field == "timezone":
        if known and known.timezone and known.state == answers.get("state"):
            return known.timezone
        return state_zone(answers["state"]) if answers.get("state") else None
    if field == "description" and answers.get("name") and answers.get("city"):
        where = ", ".join(str(answers[k]) for k in ("city", "state") if answers.get(k))
        return (f"{answers['name']} offers intensive outpatient treatment for substance use "
                f"in {where}.")
    return None


@lru_cache(maxsize=64)
def state_zone(state: str) -> str | None:
    """The time zone of most of a state's ZIP codes (right for the whole of most states)."""
    zones = Counter(z.timezone for z in zips.table().values() if z.state == state and z.timezone)
    return zones.most_common(1)[0][0] if zones else None


def _with_defaults(answers: dict[str, str | None]) -> Answers:
    filled = {f: answers.get(f) for f in FIELDS}
    for field in ("state", "timezone", "description"):
        if filled[field] is None:
            filled[field] = default(field, filled)
    zip_code = filled["zip"]
    known = zips.lookup(zip_code) if zip_code else None
    result = Answers(**filled)  # type: ignore[arg-type]  # the keys are exactly FIELDS
    if known is None or known.state != result.state:
        return result
    return dataclasses.replace(result, latitude=known.lat, longitude=known.lon)


def slug_for(name: str) -> str:
    """A file name from a provider's name, accents dropped: 'Clínica Luz' -> 'clinica-luz'."""
    plain = unicodedata.normalize("NFKD", name.replace("&", " and "))
    return suggest_slug("".join(c for c in plain if not unicodedata.combining(c)))


def _optional(field: str) -> bool:
    return next(q for q in QUESTIONS if q.field == field).optional

