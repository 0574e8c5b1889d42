"""Run the real `iopdir` command in a subprocess, as a provider or maintainer would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, TODAY

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def iopdir() -> Run:
    def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "generator", *map(str, args)]
        if args and args[0] in ("validate", "build", "generate") and "--today" not in args:
            argv += ["--today", TODAY.isoformat()]
        result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr, result.stderr
        return result

    return run
