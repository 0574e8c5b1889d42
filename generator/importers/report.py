"""What an import did, row by row and file by file, and its summary for people."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.diagnostics import Diagnostic
from generator.opendata import csvfile

IMPORTED = "imported"
# Why a row was skipped: the key, and the words of the summary.
JUNK = "no facility name (an empty row, or a legend row of codes and labels)"
MENTAL_REPEAT = "mental health directory rows that repeat a substance use facility"
MENTAL = "mental health directory rows (this import reads the substance use directory)"
LEVEL = "substance use facilities that do not offer the chosen level of care"
STATE = "facilities outside the chosen states"
REPEAT = "rows that repeat another facility (same name, street and ZIP code)"
INVALID = "rows that cannot make a valid listing"
CONFLICT = "rows whose listing file now names another facility"
# Reasons worth a line each in the output (the others are expected and only counted).
NOTEWORTHY = (JUNK, REPEAT, INVALID, CONFLICT)


@dataclass(frozen=True)
class Outcome:
    facility_id: str
    line: int
    state: str
    reason: str  # IMPORTED or a skip reason
    detail: str = ""
    file: str = ""


@dataclass
class Report:
    source: str  # the facilities file, as shown in messages
    outcomes: list[Outcome] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)  # file -> fields changed
    unchanged: list[str] = field(default_factory=list)
    kept: dict[str, list[str]] = field(default_factory=dict)  # file -> hand-written fields
    gone: list[str] = field(default_factory=list)  # files of facilities no longer listed
    fixes: Counter[str] = field(default_factory=Counter)
    problems: list[Diagnostic] = field(default_factory=list)  # nothing was written
    dry_run: bool = False

    @property
    def imported(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.reason == IMPORTED]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.reason != IMPORTED]

    def notes(self) -> list[str]:
        """One line per skipped row that needs a look: path:line:col: note: why."""
        return [f"{self.source}:{o.line}:1: note: {o.facility_id or 'row'}: skipped: {o.detail}"
                for o in self.skipped if o.reason in NOTEWORTHY]

    def summary(self) -> str:
        verb = "would be" if self.dry_run else "were"
        lines = [f"Read {len(self.outcomes):,} rows from {self.source}.",
                 f"Imported {len(self.imported):,} facilities: {len(self.new):,} new files, "
                 f"{len(self.updated):,} updated, {len(self.unchanged):,} unchanged "
                 f"(only new and updated files {verb} written)."]
        lines += _counted("Updated fields", Counter(f for fs in self.updated.values() for f in fs))
        lines += _counted("Hand-written fields kept",
                          Counter(f for fs in self.kept.values() for f in fs))
        skipped = Counter(o.reason for o in self.skipped)
        lines.append(f"Skipped {sum(skipped.values()):,} rows:")
        lines += [f"  {n:,} {reason}" for reason, n in skipped.most_common()]
        lines += _counted("Repaired", self.fixes)
        if self.gone:
            lines.append(f"No longer in the directory, kept (check them, delete by hand): "
                         f"{len(self.gone):,} files: {', '.join(self.gone[:20])}"
                         + (" ..." if len(self.gone) > 20 else ""))
        states = Counter(o.state for o in self.imported)
        lines.append("By state: " + ", ".join(f"{s} {n:,}" for s, n in sorted(states.items())))
        return "\n".join(lines)

    def write_csv(self, path: Path) -> None:
        """Every row's outcome, for a maintainer to sort and filter."""
        rows = ((o.facility_id, o.line, o.state,
                 "imported" if o.reason == IMPORTED else "skipped", o.detail or o.reason, o.file)
                for o in self.outcomes)
        path.write_text(csvfile.table_csv(
            ["facility_id", "line", "state", "outcome", "detail", "file"], rows),
            encoding="utf-8", newline="")



def _counted(title: str, counts: Counter[str]) -> list[str]:
    if not counts:
        return []
    return [f"{title}: " + ", ".join(f"{name} ({n:,})" for name, n in counts.most_common())]
