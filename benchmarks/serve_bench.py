"""Measure `iopdir serve` after an edit: `python -m benchmarks.serve_bench [--count 5000]`.

It writes synthetic listings to a temporary directory, starts `iopdir serve` on them, waits for
the first build, then edits one listing at a time (a new sentence in its description, then a new
name) and polls the served pages until the change shows:

- the edited provider's page (target: under 2 seconds at 5,000 listings, from saving the file
  to the new page being served; the file watcher alone polls every 0.5 s);
- the state's browse page, which lists the new name once the pages that depend on every listing
  have been made again in the background.

Timings are printed as a Markdown table. The server is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.synth import write_listings

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0
POLL_S = 0.05


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="iopdir-serve-bench-") as tmp:
        listings = Path(tmp) / "providers"
        _progress(f"writing {args.count:,} synthetic listings")
        paths = write_listings(listings, args.count, args.seed)
        port = _free_port()
        started = time.perf_counter()
        server = _start(listings, port, Path(tmp))
        try:
            base = f"http://127.0.0.1:{port}/"
            _wait_for(base, lambda text: "</html>" in text, timeout=args.timeout)
            startup = time.perf_counter() - started
            _progress(f"first build served after {startup:.1f} s")
            rows = _edits(base, paths, args.edits, args.timeout)
        finally:
            _stop(server)
    print(_table(args.count, startup, rows))
    page_times = [page for page, _ in rows]
    return 1 if args.check and statistics.median(page_times) >= TARGET_S else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000, help="listings (default: 5000)")
    parser.add_argument("--edits", type=int, default=3, help="edits to time (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="synthetic data seed (default: 1)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait at most")
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    return parser


def _progress(message: str) -> None:
    print(f"[serve bench] {message}", file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start(listings: Path, port: int, tmp: Path) -> subprocess.Popen[bytes]:
    log = (tmp / "serve.log").open("wb")
    command = [sys.executable, "-m", "generator", "serve", "--providers", str(listings),
               "--dev-addr", f"127.0.0.1:{port}", "--cache-dir", str(tmp / "cache")]
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)  # its own group: stopped with its children


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, ready: Callable[[str], bool], timeout: float) -> float:
    """Seconds until the page at `url` satisfies `ready(text)`."""
    start = time.perf_counter()
    while not ready(_get(url)):
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"{url} did not change within {timeout:.0f} s")
        time.sleep(POLL_S)
    return time.perf_counter() - start


def _edits(base: str, paths: list[Path], count: int, timeout: float) -> list[tuple[float, float]]:
    """(seconds until the provider page shows the edit, until its state's browse page does)."""
    rows = []
    for n in range(count):
        path = paths[(n * 997 + 42) % len(paths)]
        text = path.read_text(encoding="utf-8")
        marker = f"Edited by the benchmark {n} {time.time_ns()}"
        found = re.search(r"^\s+state: ([A-Z]{2})$", text, re.M)
        assert found, path
        state = found.group(1).lower()
        path.write_text(re.sub(r"^name: (.*)$", rf"name: \1 {marker}", text, count=1,
                               flags=re.M), encoding="utf-8")
        saved = time.perf_counter()
        page = _wait_for(f"{base}providers/{path.stem}/", _shows(marker), timeout)
        _wait_for(f"{base}browse/states/{state}/", _shows(marker), timeout)
        browse = time.perf_counter() - saved
        _progress(f"edit {n + 1}: page {page:.2f} s, browse page {browse:.2f} s")
        rows.append((page, browse))
    return rows


def _shows(marker: str) -> Callable[[str], bool]:
    return lambda text: marker in text


def _table(count: int, startup: float, rows: list[tuple[float, float]]) -> str:
    pages, browses = [p for p, _ in rows], [b for _, b in rows]
    median = statistics.median(pages)
    lines = [f"| iopdir serve, {count:,} listings | value | target | met |",
             "|---|---:|---|---|",
             f"| first build served (s) | {startup:.1f} |  |  |",
             f"| edited provider page served again (s, median / max of {len(rows)}) | "
             f"{median:.2f} / {max(pages):.2f} | < {TARGET_S:.0f} | "
             f"{'yes' if median < TARGET_S else 'NO'} |",
             f"| its browse page updated too (s, median / max) | "
             f"{statistics.median(browses):.2f} / {max(browses):.2f} |  |  |"]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
