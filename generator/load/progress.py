"""Progress of long work (validating, building, importing thousands of listings), on stderr.

On a terminal, a tqdm bar that redraws itself in place; otherwise (a CI log, a pipe) a plain line
at each quarter, so logs stay readable. Never on stdout, which `validate --format github` and
`report` use. Small runs (under MIN_ITEMS) show nothing: they finish before a bar would help.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

MIN_ITEMS = 1000
STEPS = 4  # plain lines: at 25%, 50%, 75% and 100%


class Progress(Protocol):
    def advance(self, count: int = 1) -> None: ...

    def close(self) -> None: ...


class _Silent:
    def advance(self, count: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class _Bar:
    def __init__(self, total: int, what: str, unit: str, out: TextIO) -> None:
        from tqdm import tqdm  # only on a terminal: 7 MB a CI build does not need

        # No monitor thread: a build forks workers (output/page_worker.py), and forking a
        # process that runs other threads can leave a lock held in the child.
        tqdm.monitor_interval = 0
        self.bar = tqdm(total=total, desc=what, unit=f" {unit}", file=out, leave=False,
                        dynamic_ncols=True, mininterval=0.25)

    def advance(self, count: int = 1) -> None:
        self.bar.update(count)

    def close(self) -> None:
        self.bar.close()


class _Lines:
    def __init__(self, total: int, what: str, unit: str, out: TextIO) -> None:
        self.total, self.what, self.unit, self.out = total, what, unit, out
        self.done, self.step = 0, 1

    def advance(self, count: int = 1) -> None:
        self.done += count
        while self.step <= STEPS and self.done * STEPS >= self.step * self.total:
            print(f"{self.what}: {self.step * 100 // STEPS}% ({self.done:,} of "
                  f"{self.total:,} {self.unit})", file=self.out, flush=True)
            self.step += 1

    def close(self) -> None:
        pass


def start(total: int, what: str, unit: str = "listings", enabled: bool = True,
          out: TextIO | None = None) -> Progress:
    """A progress display for `total` items of work, such as 'Checking listings'."""
    stream = out or sys.stderr
    if not enabled or total < MIN_ITEMS:
        return _Silent()
    if stream.isatty():
        return _Bar(total, what, unit, stream)
    return _Lines(total, what, unit, stream)
