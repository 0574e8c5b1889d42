"""The text of a new listing: the provider's answers, common starting values, and a comment
above each field that says what to write.

The lists of allowed values in the comments are read from the schema, so they never drift from
what the validator accepts. Every answer is written as a double-quoted JSON string, which is a
valid YAML scalar: nothing a provider types can add a field or change the file's structure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.authoring import listing_edit
from generator.load.checks import SCHEMA_LINE
from generator.load.schema_check import inline_refs, load_schema

WIDTH = 96
SOURCE = "Provider, by pull request"
# Characters JSON leaves raw that YAML readers treat as line breaks or refuse outright.
_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff]")


@dataclass(frozen=True)
class Answers:
    """What the provider told `iopdir new`; None where nothing was given."""

    name: str | None = None
    description: str | None = None
    phone: str | None = None
    website: str | None = None
    street: str | None = None
    city: str | None = None
    zip: str | None = None
    state: str | None = None
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    schedule: str | None = None  # typed weekly hours, like 'Mon, Tue, Thu 6-9pm'


def quote(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `value`."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _value(value: str | None) -> str:
    return "" if value is None else " " + quote(value)


def comment(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent + "# ",
                         subsequent_indent=indent + "# ", break_on_hyphens=False)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The listing schema with every `$ref` resolved in place."""
    root = load_schema()
    resolved: dict[str, Any] = inline_refs(root, root)  # drops $defs: put them back, resolved
    resolved["$defs"] = {name: inline_refs(rules, root) for name, rules in root["$defs"].items()}
    return resolved


def allowed(*path: str) -> str:
    """The allowed values at `path` in the schema (refs resolved), as 'a, b or c'."""
    node: Any = schema()
    for key in path:
        node = node[key]
    values = [str(v) for v in node["enum"]]
    return ", ".join(values[:-1]) + " or " + values[-1]


def render(answers: Answers, today: dt.date) -> str:
    return "\n".join([_head(), _provider(answers, today), _location(answers),
                      _program(today, answers.schedule)]) + "\n"


def _head() -> str:
    return "\n".join([
        SCHEMA_LINE,
        comment("A listing for the IOP program directory. The comment above each field says "
                "what to write; the site's For providers page has the full field reference. Write "
                'times as 24-hour "HH:MM" and dates as "YYYY-MM-DD", both in quotes. Check the '
                "file with: iopdir validate"),
        "",
    ])


def _provider(a: Answers, today: dt.date) -> str:
    site = (f"website:{_value(a.website)}" if a.website
            else "# website: https://www.example.org")
    return "\n".join([
        comment("The provider's name, as people know it."),
        f"name:{_value(a.name)}",
        comment("One or two plain sentences: what you offer and to whom. Plain text: Markdown "
                "and HTML show as typed."),
        f"description:{_value(a.description)}",
        comment("Your website, starting with https:// (leave the line out if you have none)."),
        site,
        comment('The main number for intake or questions, in quotes, like "(503) 555-0142".'),
        f"phone:{_value(a.phone)}",
        comment("Optional: an email address for questions. Never ask people to send health "
                "details by email."),
        "# email: intake@example.org",
        comment("Accreditations you hold, any of: "
                + allowed("properties", "accreditations", "items") + "."),
        "accreditations: []",
        comment("Every level of care you offer, not only the programs below, any of: "
                + allowed("properties", "levels_of_care", "items") + "."),
        "levels_of_care: [iop]",
        comment("The day someone last checked that this whole listing is true. Update it each "
                "time you check."),
        f"last_verified: {quote(today.isoformat())}",
        comment("Who supplied the data."),
        f"source: {quote(SOURCE)}",
        "",
    ])


def _location(a: Answers) -> str:
    lines = [
        comment("Places where programs meet. A telehealth-only provider gives its office."),
        "locations:",
        "  - id: main  # a short name that programs refer to",
        comment("Optional: the name of this site.", "    "),
        "    # name: Eastside clinic",
        f"    street:{_value(a.street)}",
        f"    city:{_value(a.city)}",
        comment('Five digits, in quotes, like "04101".', "    "),
        f"    zip:{_value(a.zip)}",
        comment("The two-letter postal code of the state, like OR.", "    "),
        f"    state:{_value(a.state)}",
        comment("The time zone of this address: session times are local times in it.", "    "),
        f"    timezone:{_value(a.timezone)}",
    ]
    if a.latitude is not None and a.longitude is not None:
        lines += [
            comment("The centre of the ZIP code, for distance search. For the exact spot, "
                    "write the address's own coordinates and delete approximate_coordinates.",
                    "    "),
            f"    latitude: {a.latitude}",
            f"    longitude: {a.longitude}",
            "    approximate_coordinates: true",
        ]
    return "\n".join([*lines, ""])


def _program(today: dt.date, schedule: str | None = None) -> str:
    program = ("$defs", "program", "properties")
    pad = "    "
    return "\n".join([
        comment("One entry per program. Check every value: they are common starting values, "
                "not facts about your program. Copy the whole entry for another program."),
        "programs:",
        f"  - name: {quote('Intensive Outpatient Program')}",
        comment(allowed(*program, "level_of_care") + " (ASAM levels 1, 2.1 and 2.5).", pad),
        "    level_of_care: iop",
        comment("Who it serves, any of: " + allowed(*program, "populations", "items") + ".", pad),
        "    populations: [adults]",
        comment(allowed(*program, "format") + ".", pad),
        "    format: in_person",
        comment("For telehealth or hybrid: the states where people can join by video.", pad),
        "    # telehealth_states: [OR, WA]",
        "    location: main  # the id of one of the locations above",
        comment("Optional: the typical length in weeks.", pad),
        "    # length_weeks: 8",
        comment("What it includes, any of: " + allowed(*program, "services", "items") + ".", pad),
        "    services: [group_therapy]",
        comment("Optional: medication for addiction treatment: "
                + allowed(*program, "medication_for_addiction_treatment") + ".", pad),
        "    # medication_for_addiction_treatment: offered",
        comment("Ways to pay, any of: " + allowed(*program, "payment", "items") + ".", pad),
        "    payment: [self_pay]",
        comment("Optional, with private_insurance: the plans you accept.", pad),
        "    # insurance_carriers: [Aetna]",
        comment("The languages sessions are held in, as ISO 639 codes, like [en, es].", pad),
        "    languages: [en]",
        "    accepting_new_patients:",
        comment(allowed(*program, "accepting_new_patients", "properties", "status")
                + ", in quotes; as_of is the day you checked.", pad + "  "),
        '      status: "unknown"',
        f"      as_of: {quote(today.isoformat())}",
        *(_tracks(schedule, pad) if schedule else
          [*_schedule_help(pad), "    schedule_status: not_listed"]),
    ])


def _tracks(schedule: str, pad: str) -> list[str]:
    """The typed hours as the program's first track (scaffold checked them already)."""
    lines = [comment("The weekly schedule: one entry per track (a group people choose), with "
                     "24-hour times in quotes. Add a track by copying one.", pad),
             pad + "tracks:"]
    for name, sessions in listing_edit.parse_tracks([schedule]):
        lines += [pad + f"  - name: {quote(name)}", pad + "    sessions:"]
        for session in sessions:
            lines += [pad + f"      - days: [{', '.join(session['days'])}]",
                      pad + f"        start: {quote(session['start'])}",
                      pad + f"        end: {quote(session['end'])}"]
    return lines


def _schedule_help(pad: str) -> list[str]:
    return [
        comment("Your weekly schedule is what people search by: the hours they are free. "
                "Replace the line schedule_status: not_listed with your tracks, like this:", pad),
        pad + "# tracks:",
        pad + "#   - name: Evening track",
        pad + "#     sessions:",
        pad + "#       - days: [mon, tue, thu]",
        pad + '#         start: "18:00"',
        pad + '#         end: "21:00"',
    ]
