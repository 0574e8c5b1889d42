"""Listings built to exhaust memory or time end in a clear message, within 2 s of CPU and 200 MB.

The largest cases are written at test time (generated/NAME.txt holds the expected output). The
worst cases run through the real command in a subprocess whose address space and CPU time are
capped with setrlimit: going over either kills it or makes it fail, so the test fails. That is a
limit, not a timing: a slow shared machine does not make it flaky.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.load import limits
from tests.conftest import ROOT, TODAY
from tests.hostile.test_corpus import compare

HERE = Path(__file__).parent
BASE = (HERE / "invalid" / "time-25-00.yaml").read_text(encoding="utf-8").replace(
    '"25:00"', '"21:00"')  # a valid listing
MEMORY = 200 * 1024 * 1024
CPU_SECONDS = 2
LIMITED = (  # runs `iopdir validate` with the limits set before anything is imported
    "import resource, sys\n"
    f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY}, {MEMORY}))\n"
    f"resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS}, {CPU_SECONDS + 1}))\n"
    "from generator.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _replace(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def oversized() -> str:
    return BASE + ("# padding\n" * 30_000)


def huge_string() -> str:
    return _replace("name: Hostile Case Clinic", "name: " + "Hostile " * 25_000)


def too_many_items() -> str:
    return _replace("languages: [en]", "languages: [" + ", ".join(["en"] * 5_000) + "]")


def many_lists_of_mappings() -> str:
    """Lists of mappings under `uniqueItems`: jsonschema compares them pair by pair."""
    program = "  - populations: [" + ", ".join(f"{{a: {i}}}" for i in range(500)) + "]\n"
    return _replace("programs:\n", "programs:\n" + program * 45 + "other_programs:\n")


def many_problems() -> str:
    return _replace("source: Hostile input test fixture",
                    "\n".join(f"unknown_{i}: {i}" for i in range(400)))


GENERATED: dict[str, Callable[[], str]] = {
    "oversized": oversized, "huge-string": huge_string, "too-many-items": too_many_items,
    "many-lists-of-mappings": many_lists_of_mappings, "many-problems": many_problems,
}
WORST = ("alias-bomb", "deep-nesting-flow", "deep-nesting-over-parser-limit")


def _write(tmp_path: Path, name: str) -> Path:
    listing = tmp_path / f"{name}.yaml"
    listing.write_text(GENERATED[name](), encoding="utf-8")
    return listing


def _run_limited(listing: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The limit is on address space, not memory used: yaml_rs' allocator (mimalloc) reserves a
    # gigabyte of addresses up front, which it never touches; without the reservation it takes
    # what it needs as it goes, and every byte it uses still counts.
    env = {**os.environ, "MIMALLOC_ARENA_RESERVE": "0"}
    return subprocess.run(
        [sys.executable, "-c", LIMITED, "validate", str(listing), "--today", TODAY.isoformat()],
        cwd=cwd, capture_output=True, text=True, timeout=60, env=env,
    )


def test_the_oversized_case_is_over_the_limit_and_the_others_under_it(tmp_path: Path) -> None:
    for name in GENERATED:
        size = _write(tmp_path, name).stat().st_size
        assert (size > limits.MAX_BYTES) == (name == "oversized"), (name, size)
    assert _write(tmp_path, "huge-string").stat().st_size > 100_000


@pytest.mark.parametrize("name", GENERATED)
def test_generated_case_ends_in_its_expected_message_within_the_limits(
        name: str, tmp_path: Path) -> None:
    listing = _write(tmp_path, name)
    result = _run_limited(listing.relative_to(tmp_path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]  # a killed process returns -SIGXCPU
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    compare(result.stderr, HERE / "generated" / f"{name}.txt")


@pytest.mark.parametrize("name", WORST)
def test_worst_committed_case_ends_within_the_limits(name: str) -> None:
    listing = HERE / "invalid" / f"{name}.yaml"
    result = _run_limited(listing.relative_to(ROOT), cwd=ROOT)
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr == listing.with_suffix(".txt").read_text(encoding="utf-8")


def test_the_limits_are_real(tmp_path: Path) -> None:
    """The harness itself: a program that needs more than 200 MB or 2 s of CPU fails under it,
    so passing the tests above means something."""
    for body in ("x = bytearray(300 * 1024 * 1024)", "while True: pass"):
        script = LIMITED.replace("from generator.cli import main\nsys.exit(main(sys.argv[1:]))\n",
                                 body + "\n")
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode != 0, body
