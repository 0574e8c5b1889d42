"""Checks that JSON Schema cannot express: times, overlaps, clinical hours, references, names."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import zoneinfo
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from generator.load.diagnostics import Diagnostic, Severity
from generator.load.yamlload import Document, Path, dotted, quoted
from generator.model.links import email_problem, url_problem
from generator.model.records import Location, Program, Provider, Session, Track, hhmm, minutes
from generator.model.vocab import DAY_NAMES, LANGUAGES
from generator.model.zips import lookup, miles

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# File names that would collide with a page the site makes itself: providers/index.md is the
# providers folder's own page (/providers/), not /providers/index/ where links would point.
RESERVED_SLUGS = frozenset({"index"})
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")

# Usual weekly hours by ASAM level: IOP at least 9 (6 for adolescents) and under 20; PHP 20 or
# more; outpatient under 9. Outside the range the listing may name the wrong level of care.
IOP_MIN_ADULT, IOP_MIN_ADOLESCENT, PHP_MIN = 9.0, 6.0, 20.0

# A coordinate this far from its ZIP code's centre is probably a typo or a swapped sign.
COORDINATE_TOLERANCE_MILES = 60.0

Finding = tuple[Path, Severity, str]


def check_file_name(path: str, stem: str, suffix: str) -> list[Diagnostic]:
    """The slug is the file name (it becomes the page address), so it must be a valid slug, and
    listings end in .yaml so that every tool picks them up."""
    if not stem.strip("."):
        return [Diagnostic(path, 1, 1, Severity.ERROR, "the file has no name before "
                           f"{suffix!r}; rename it after the provider, like 'harbor-light.yaml'")]
    if stem in RESERVED_SLUGS:
        return [Diagnostic(path, 1, 1, Severity.ERROR, f"the file name {stem!r} is reserved "
                           f"(providers/{stem}/ would be the address of the providers folder "
                           "itself); rename the file after the provider, like "
                           "'harbor-light.yaml'")]
    reasons = []
    if stem.startswith("."):
        reasons.append("a name starting with a dot is a hidden file, which many tools skip")
    if not SLUG.fullmatch(stem):
        reasons.append("a file name may hold only lowercase letters, digits and single dashes, "
                       "because it becomes the page address")
    if suffix != ".yaml":
        reasons.append("listing files end in '.yaml' (lowercase)")
    if not reasons:
        return []
    name = suggest_slug(stem) + ".yaml"  # a valid slug is its own suggestion
    message = f"rename the file to {name!r}: " + "; ".join(reasons)
    return [Diagnostic(path, 1, 1, Severity.ERROR, message)]


def suggest_slug(text: str) -> str:
    # strip("XX-XX") alike: the text is lowercased first, so no "X" is left to strip.
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "provider"


SCHEMA_LINE = "# yaml-language-server: $schema=../schema/provider.schema.json"
_SCHEMA_COMMENT = re.compile(rb"#\s*yaml-language-server:\s*\$schema=\S*provider\.schema\.json\s*")


def check_schema_line(path: str, raw: bytes) -> list[Diagnostic]:
    """The first line tells editors (VS Code's YAML extension and others) which schema to check
    and complete fields with while a provider types; without it the file is still valid."""
    first = raw.removeprefix(b"\xef\xbb\xbf").partition(b"\n")[0]
    # The pattern's final \s* takes the "\r" of a Windows line end.
    if _SCHEMA_COMMENT.fullmatch(first) or not raw.strip():
        return []  # an empty file has a worse problem, reported on its own
    return [Diagnostic(path, 1, 1, Severity.WARNING,
                       f"the first line should be {SCHEMA_LINE!r}, so editors check and "
                       "complete the fields while you type; add it as line 1")]


def check_provider(provider: Provider, doc: Document, today: dt.date) -> list[Diagnostic]:
    """All semantic findings for one schema-valid listing."""
    findings: list[Finding] = []
    for rule in _RULES:
        findings.extend(rule(provider, today))
    return [_at(doc, path, severity, message) for path, severity, message in findings]


def _at(doc: Document, path: Path, severity: Severity, message: str) -> Diagnostic:
    line, col = doc.position(path)
    return Diagnostic(doc.path, line, col, severity, f"{dotted(path)}: {message}")


def _locations(provider: Provider, today: dt.date) -> Iterator[Finding]:
    seen: set[str] = set()
    for loc in provider.locations:
        if loc.id in seen:
            yield (*loc.path, "id"), Severity.ERROR, f"location id {loc.id!r} is used twice; " \
                "give each location its own id"
        seen.add(loc.id)
        if not known_zone(loc.timezone):
            yield (*loc.path, "timezone"), Severity.ERROR, f"{loc.timezone!r} is not an IANA " \
                "time zone; use one like 'America/New_York' or 'America/Los_Angeles'"
        if (loc.latitude is None) != (loc.longitude is None):
            yield loc.path, Severity.ERROR, "give both latitude and longitude, or neither"
        yield from _zip(loc)


def _zip(loc: Location) -> Iterator[Finding]:
    """ZIP, state and coordinates should agree; a mismatch is usually a typo."""
    known = lookup(loc.zip)
    if known is None:
        yield (*loc.path, "zip"), Severity.WARNING, f"ZIP code {loc.zip!r} is not known; check it"
        return
    if known.state != loc.state:
        yield (*loc.path, "zip"), Severity.WARNING, \
            f"ZIP code {loc.zip!r} is in {known.state}, not {loc.state}; check the ZIP and state"
    if loc.latitude is not None and loc.longitude is not None:
        away = miles(loc.latitude, loc.longitude, known.lat, known.lon)
        if away > COORDINATE_TOLERANCE_MILES:  # `>=` alike: nothing lies at exactly 60.0
            yield (*loc.path, "latitude"), Severity.WARNING, \
                f"the coordinates are {away:.0f} miles from ZIP code {loc.zip}; check them " \
                "(is a minus sign missing from the longitude?)"


# Cached as `name = lru_cache(...)(_name)`, not with the decorator: mutmut, the mutation
# tester of `make mutation`, leaves decorated functions unmutated (docs/quality.md).
def _known_zone(name: str) -> bool:
    """An IANA time zone this machine knows (and so every browser does)."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


known_zone = lru_cache(maxsize=512)(_known_zone)


def _program_refs(provider: Provider, today: dt.date) -> Iterator[Finding]:
    ids = [loc.id for loc in provider.locations]
    for program in provider.programs:
        if program.location_id not in ids:
            # Only the best match is shown: n=1 or the default 3 give the same close[0].
            close = difflib.get_close_matches(program.location_id, ids, n=1)
            fix = (f"did you mean {close[0]!r}?" if close
                   else "use one of " + ", ".join(map(repr, ids)))
            yield (*program.path, "location"), Severity.ERROR, \
                f"no location has the id {program.location_id!r}; {fix}"
        if program.level_of_care not in provider.levels_of_care:
            yield (*program.path, "level_of_care"), Severity.WARNING, \
                f"{program.level_of_care!r} is missing from the provider's levels_of_care; add it"
        if program.insurance_carriers and "private_insurance" not in program.payment:
            yield (*program.path, "insurance_carriers"), Severity.WARNING, \
                "insurance carriers are listed but 'private_insurance' is not in payment; add it"
        for i, code in enumerate(program.languages):
            if code not in LANGUAGES:
                yield (*program.path, "languages", i), Severity.WARNING, \
                    f"{code!r} is not a language code this site knows; check that it is ISO 639"


def _dates(provider: Provider, today: dt.date) -> Iterator[Finding]:
    if _after(provider.last_verified, today):
        yield ("last_verified",), Severity.ERROR, \
            f"{provider.last_verified!r} is in the future; use the date the listing was checked"
    for program in provider.programs:
        if program.accepting_as_of and _after(program.accepting_as_of, today):
            yield (*program.path, "accepting_new_patients", "as_of"), Severity.ERROR, \
                f"{program.accepting_as_of!r} is in the future; use the date the status was checked"
    for field, record in (("verification", provider.verification),
                          ("unreachable", provider.unreachable), ("recheck", provider.recheck)):
        if record is not None and _after(record.date, today):
            yield (field, "date"), Severity.ERROR, \
                f"{record.date!r} is in the future; use the date it happened"
    checked = provider.verification
    if checked is not None and checked.date > provider.last_verified:
        yield ("last_verified",), Severity.WARNING, \
            f"is {provider.last_verified!r}, before verification.date {checked.date!r}; " \
            f"set last_verified to {checked.date!r}, the day of the latest check"


def _after(iso: str, today: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(iso) > today
    except ValueError:  # never reached: the schema's date format refuses what this cannot read
        return False  # pragma: no mutate


def check_schedules(doc: Document) -> list[Diagnostic]:
    """Times and overlaps, checked on the raw data so they are reported together with any schema
    errors: every session whose days and times are well formed takes part."""
    findings: list[Finding] = []
    for sessions in _raw_tracks(doc.data):
        findings.extend(_times(sessions))
        findings.extend(_overlaps(sessions))
    return [_at(doc, path, severity, message) for path, severity, message in findings]


def _raw_tracks(data: Any) -> Iterator[list[Session]]:
    for i, program in enumerate(_items(data, "programs")):
        for j, track in enumerate(_items(program, "tracks")):
            path: Path = ("programs", i, "tracks", j)
            sessions = [_raw_session(s, (*path, "sessions", k))
                        for k, s in enumerate(_items(track, "sessions"))]
            yield [s for s in sessions if s is not None]


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _raw_session(data: Any, path: Path) -> Session | None:
    if not isinstance(data, dict):
        return None
    days, start, end = data.get("days"), data.get("start"), data.get("end")
    if not (isinstance(days, list) and days and all(d in DAY_NAMES for d in days)):
        return None
    if not (isinstance(start, str) and TIME.fullmatch(start)
            and isinstance(end, str) and TIME.fullmatch(end)):
        return None
    return Session(tuple(days), minutes(start), minutes(end), path)


def _times(sessions: list[Session]) -> Iterator[Finding]:
    for session in sessions:
        if session.end <= session.start:
            yield (*session.path, "end"), Severity.ERROR, \
                f"ends at {hhmm(session.end)}, not after it starts ({hhmm(session.start)}); " \
                "use 24-hour times, like '18:00' to '21:00' (sessions cannot pass midnight)"


def _overlaps(sessions: list[Session]) -> Iterator[Finding]:
    meetings = sorted(
        (day, s.start, s.end, i) for i, s in enumerate(sessions) for day in s.days
        if s.end > s.start
    )
    # No day is named "" and the first meeting always replaces these: any start values do.
    last_day, last_end, last_i = "", -1, -1  # pragma: no mutate
    for day, start, end, i in meetings:
        if day == last_day and start < last_end:
            yield (*sessions[max(i, last_i)].path, "days"), Severity.ERROR, \
                f"overlaps session {min(i, last_i) + 1} of this track on {DAY_NAMES[day]}; " \
                "a track's sessions must not overlap: change the times or the days"
        # On a tie (`>=`) a later overlap would name the other session; both overlap it.
        if day != last_day or end > last_end:
            last_day, last_end, last_i = day, end, i


def _hours(provider: Provider, today: dt.date) -> Iterator[Finding]:
    for program in provider.programs:
        for track in program.tracks:
            problem = hours_problem(program, track)
            if problem:
                yield (*track.path, "name"), Severity.WARNING, problem


def hours_problem(program: Program, track: Track) -> str | None:
    """Why a track's weekly hours fall outside the usual range of its level of care, if they do."""
    hours = track.hours_per_week
    shown = f"{hours:g} hours a week"
    level = program.level_of_care
    if level == "iop":
        low = IOP_MIN_ADOLESCENT if "adolescents" in program.populations else IOP_MIN_ADULT
        if hours < low:
            who = "adolescents" if low == IOP_MIN_ADOLESCENT else "adults"
            return f"{shown} is below the usual IOP minimum of {low:g} for {who}; " \
                "check the sessions, or use level_of_care 'outpatient'"
        if hours >= PHP_MIN:
            return f"{shown} is at the PHP level (20 or more); check the sessions, " \
                "or use level_of_care 'php'"
    elif level == "php" and hours < PHP_MIN:
        return f"{shown} is below the usual PHP minimum of 20; check the sessions, " \
            "or use level_of_care 'iop'"
    elif level == "outpatient" and hours >= IOP_MIN_ADULT:
        return f"{shown} is at the IOP level (9 or more); check the sessions, " \
            "or use level_of_care 'iop'"
    return None


def _schedule_status(provider: Provider, today: dt.date) -> Iterator[Finding]:
    for program in provider.programs:
        if program.schedule_status == "not_listed" and program.tracks:
            yield (*program.path, "schedule_status"), Severity.ERROR, \
                "is 'not_listed' but the program lists tracks; remove this line now that " \
                "the schedule is known (or remove the tracks)"


def _addresses(provider: Provider, today: dt.date) -> Iterator[Finding]:
    """What the schema's patterns let through but no page could link: a web address with a
    host that is not a domain name, or that urllib cannot read; an email with a line break."""
    if provider.website is not None:
        problem = url_problem(provider.website)
        if problem:
            yield ("website",), Severity.ERROR, f"{quoted(provider.website)} {problem}"
    if provider.email is not None:
        problem = email_problem(provider.email)
        if problem:
            yield ("email",), Severity.ERROR, f"{quoted(provider.email)} {problem}"


_RULES: tuple[Callable[[Provider, dt.date], Iterator[Finding]], ...] = (
    _locations, _program_refs, _dates, _hours, _schedule_status, _addresses,
)
