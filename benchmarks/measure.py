"""Run a command in a subprocess and measure it: wall time, CPU time and peak memory."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TIME_BIN = Path("/usr/bin/time")


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float  # user + sys of the command and its children
    rss_mb: float  # peak resident memory of the command (its largest process)
    stderr: str


def timed_command(command: list[str], cwd: Path) -> Run:
    """Run `command` under `/usr/bin/time -v` when present (its peak RSS is the command's own);
    otherwise fall back to getrusage, whose peak covers every child so far. Raises on failure."""
    if TIME_BIN.exists():
        command = [str(TIME_BIN), "-v", *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])} ... failed ({done.returncode}):\n"
                           f"{done.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    rss_kb = _time_rss_kb(done.stderr) or after.ru_maxrss
    return Run(wall, cpu, rss_kb / 1024, done.stderr)


def _time_rss_kb(stderr: str) -> int | None:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(match.group(1)) if match else None


def python(*args: str) -> list[str]:
    """A command line running this interpreter (the project's virtual environment)."""
    return [sys.executable, *args]
