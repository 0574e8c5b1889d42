"""`iopdir calls`: which listings to call first, and what to ask each one.

Pure: takes a loaded Catalog, gives rows (the CSV and the printable page are made from them).
A listing needs a call when a program's schedule is not listed, when it was last verified
longer ago than the stale limit, when a reported problem waits for a check, or when earlier
calls reached nobody. Listings without a schedule come first (the finder cannot match them to
anyone's week), then the stalest; within that, confirmed reports first, and listings tried
without success last (try them at another time of day). Sample listings are never called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.load.catalog import Catalog
from generator.model import fmt, schedule_text
from generator.model.freshness import STALE_AFTER_DAYS as STALE_AFTER_DAYS  # re-exported
from generator.model.records import Program, Provider
from generator.model.vocab import ACCEPTING, UNREACHABLE_REASONS

RECORD = 'iopdir record {slug}{program} --schedule "..." --intake ... --by "..."'


@dataclass(frozen=True)
class Call:
    priority: int
    provider: Provider
    reasons: tuple[str, ...]  # why it is on the list, in words
    questions: tuple[str, ...]  # what to ask, in words
    days_since_verified: int

    @property
    def zone(self) -> str:
        return fmt.zone_name(self.provider.locations[0].timezone)

    @property
    def record_command(self) -> str:
        programs = self.provider.programs
        choice = " --program N" if len(programs) > 1 else ""
        return RECORD.format(slug=self.provider.slug, program=choice)


def build(catalog: Catalog, states: frozenset[str] = frozenset(),
          stale_after_days: int = STALE_AFTER_DAYS) -> list[Call]:
    """Every listing that needs a call, in the order to call them."""
    today = catalog.today
    found = []
    for provider in catalog.providers:
        if provider.sample or (states and not states & set(provider.states)):
            continue
        age = (today - dt.date.fromisoformat(provider.last_verified)).days
        reasons = _reasons(provider, age, stale_after_days)
        if reasons:
            found.append((_order(provider, age), provider, reasons, age))
    found.sort(key=lambda item: item[0])
    return [Call(n, provider, reasons, _questions(provider), age)
            for n, (_, provider, reasons, age) in enumerate(found, 1)]


def _order(provider: Provider, age: int) -> tuple[int, int, int, int, str]:
    return (0 if _unscheduled(provider) else 1, 0 if provider.recheck else 1,
            1 if provider.unreachable else 0, -age, provider.name.casefold())


def _unscheduled(provider: Provider) -> list[Program]:
    return [p for p in provider.programs if not p.schedule_listed]


def _reasons(provider: Provider, age: int, stale_after_days: int) -> tuple[str, ...]:
    reasons = []
    missing = _unscheduled(provider)
    if missing:
        reasons.append(f"no schedule for {_n(len(missing), 'program')}")
    if age > stale_after_days:
        reasons.append(f"last verified {provider.last_verified} ({age:,} days ago)")
    if provider.recheck is not None:
        reasons.append(f"reported on {provider.recheck.date}: {provider.recheck.reason}")
    if provider.unreachable is not None:
        failed = provider.unreachable
        reasons.append(f"{_n(failed.attempts, 'call')} reached nobody, the last on "
                       f"{failed.date} ({UNREACHABLE_REASONS[failed.reason]}): try another "
                       "time of day")
    return tuple(reasons)


def _questions(provider: Provider) -> tuple[str, ...]:
    asked = []
    for number, program in enumerate(provider.programs, 1):
        name = f"{number}. {program.name}"
        if program.schedule_listed:
            hours = "; ".join(schedule_text.track_line(t) for t in program.tracks)
            asked.append(f"{name}: still these hours? {hours}")
        else:
            asked.append(f"{name}: which days and times does each group meet (any evening or "
                         "weekend group)?")
        status = ACCEPTING[program.accepting]
        asked.append(f"{name}: taking new people now, or a waiting list? (listed: {status})")
    if provider.recheck is not None:
        asked.append(f"Reported: {provider.recheck.reason}. Is that so?")
    return tuple(asked)


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
