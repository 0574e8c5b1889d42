"""Diagnostics: what is wrong, where, and how bad; collected, never raised one at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one file, pointing at a line and column (both 1-based)."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def format_text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    def format_github(self) -> str:
        # Workflow commands need %, CR and LF escaped in the message and the properties.
        message = _gh_escape(self.message)
        title = "iopdir " + self.severity.value
        return (
            f"::{self.severity.value} file={_gh_escape(self.path, prop=True)},"
            f"line={self.line},col={self.col},title={title}::{message}"
        )

    def as_error(self) -> Diagnostic:
        return Diagnostic(self.path, self.line, self.col, Severity.ERROR, self.message)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def strict(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Warnings become errors: for `--strict` runs in CI."""
    return [d.as_error() for d in diagnostics]


def format_all(diagnostics: Iterable[Diagnostic], fmt: str = "text") -> str:
    formatter = Diagnostic.format_github if fmt == "github" else Diagnostic.format_text
    return "\n".join(formatter(d) for d in sorted(diagnostics))
