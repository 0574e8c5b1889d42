"""Measure the program finder at scale: `python -m benchmarks.finder_bench [--count 20000]`.

It writes synthetic listings (benchmarks/synth.py) to a temporary directory, loads them with
load_paths, builds the finder index (generator/finder/finder_index.py) and sizes it, raw and
gzipped. Then it serves a page holding the real finder form and script (generator/theme/docs/)
with that index, and in headless Chromium times filter changes: the form holds one search, is
filled with the next, and performance.now() is read around the finder's own apply() (search
every program and its tracks, group, count, sort, draw the first results). Each change is timed
RUNS times after a warm-up; the table gives the median and the slowest run.

Targets (issue 3): at most 40 bytes per program gzipped; a filter change under 16 ms (one frame).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.synth import LATEST, write_listings
from generator.finder import columns, finder_index, zip_table
from generator.load.catalog import load_paths
from generator.model.records import Provider
from generator.output import site, theme

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BYTES_TARGET = 40.0
FRAME_MS = 16.0
RUNS = 21
# (what the person asks, query string in the link format of finder/linking.md); each is timed
# as a change from the search before it.
SEARCHES: tuple[tuple[str, str], ...] = (
    ("no filter: every program", ""),
    ("I work weekdays 9 to 5: weekdays from 5:30 PM, weekends", "avail=mon-fri@17:30-,sat-sun"),
    ("weekday evenings, Medicaid, Spanish", "avail=mon-fri@17:00-&pay=medicaid&lang=es"),
    ("weekends, hours listed only", "avail=sat-sun&listed=1"),
    ("different hours each day, near misses", "avail=mon@09:00-12:00,wed@18:00-21:00,sat"),
    ("adolescents, entirely by video", "pop=adolescents&fmt=telehealth"),
    ("name or city: 'family'", "text=family"),
    ("ZIP 10001 within 25 miles, weekday evenings", "zip=10001&avail=mon-fri@17:00-"),
    ("ZIP 10001, any distance: all sorted by distance", "zip=10001&miles=any"),
    ("nothing matches", "avail=sun@06:00-07:00"),
)
ZIP_CHANGE = ("ZIP change, new distances: 60601 to 10001, 50 miles",
              ("zip=60601&miles=50", "zip=10001&miles=50"))
TIMING_JS = """([before, query, runs]) => {
  const times = [];
  for (let i = 0; i < runs + 3; i++) {
    window.__iopFinder.fill(before);
    window.__iopFinder.apply();
    window.__iopFinder.fill(query);
    const start = performance.now();
    window.__iopFinder.apply();
    const took = performance.now() - start;
    if (i >= 3) times.push(took);  // the first runs warm up the JIT
  }
  return times;
}"""

def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.site is not None:
        return _time_site(args.site)
    with tempfile.TemporaryDirectory(prefix="iopdir-finder-bench-") as tmp:
        providers, load_s = _listings(Path(tmp) / "listings", args.count, args.seed)
        rows, sizes = _size_rows(providers, load_s)
        page_dir = _page(Path(tmp) / "page", providers)
        timings = [] if args.no_browser else timing_rows(browser_timings(page_dir))
    print(_table(args.count, rows + timings))
    missed = sizes > BYTES_TARGET or any(not ok for *_, ok in timings)
    return 1 if args.check and missed else 0


def _time_site(site_dir: Path) -> int:
    """Time the finder page of a site built by `iopdir build`; print the timings as JSON (the
    build benchmark runs this in its own process: Playwright's sync API wants its own thread)."""
    if not (site_dir / "finder" / "index.html").is_file():
        print(f"{site_dir}: no finder/index.html; build the site first", file=sys.stderr)
        return 2
    print(json.dumps(browser_timings(site_dir)))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.finder_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000, help="listings (default: 20000)")
    parser.add_argument("--seed", type=int, default=1, help="synthetic data seed (default: 1)")
    parser.add_argument("--no-browser", action="store_true", help="sizes only, no Chromium")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--site", type=Path, default=None, metavar="DIR",
                        help="time the finder of this built site instead; print JSON")
    return parser


def _progress(message: str) -> None:
    print(f"[finder bench] {message}", file=sys.stderr, flush=True)


# Data and sizes ----------------------------------------------------------------------------


def _listings(directory: Path, count: int, seed: int) -> tuple[list[Provider], float]:
    _progress(f"writing {count:,} synthetic listings")
    write_listings(directory, count, seed, realistic_names=True)
    _progress("loading and validating them")
    started = time.perf_counter()
    catalog = load_paths([directory], today=max(dt.date.today(), LATEST))
    if not catalog.ok:
        raise SystemExit("the synthetic listings are invalid: fix benchmarks/synth.py")
    return catalog.providers, time.perf_counter() - started


Row = tuple[str, str, str, bool]  # measure, value, target, target met


def _size_rows(providers: list[Provider], load_s: float) -> tuple[list[Row], float]:
    started = time.perf_counter()
    index = columns.dumps(finder_index.build_index(providers, LATEST)).encode()
    build_s = time.perf_counter() - started
    packed = gzip.compress(index, 9)
    zips = zip_table.zips_json().encode()
    programs = sum(len(p.programs) for p in providers)
    tracks = sum(len(p.tracks()) for p in providers)
    per_program = len(packed) / programs
    return [
        ("providers / programs / tracks", f"{len(providers):,} / {programs:,} / {tracks:,}",
         "", True),
        ("load_paths, validate the listings (s)", f"{load_s:.1f}", "", True),
        ("build the index, Python (s)", f"{build_s:.2f}", "", True),
        ("index.json raw / gzip (KB)", f"{len(index) / 1024:,.0f} / {len(packed) / 1024:,.0f}",
         "", True),
        ("index bytes per program, gzip", f"{per_program:.1f}", f"<= {BYTES_TARGET:.0f}",
         per_program <= BYTES_TARGET),
        ("zips.json raw / gzip (KB), loaded only for a ZIP",
         f"{len(zips) / 1024:,.0f} / {len(gzip.compress(zips, 9)) / 1024:,.0f}", "", True),
    ], per_program


def _page(directory: Path, providers: list[Provider]) -> Path:
    """The finder's own markup, script and styles with this index, outside MkDocs."""
    (directory / "finder").mkdir(parents=True)
    for rel, text in finder_index.generate(providers, LATEST).items():
        (directory / rel).write_text(text, encoding="utf-8")
    shutil.copytree(theme.DOCS / "javascripts" / "finder", directory / "finder-js")
    for name in ("stylesheets/finder.css", "stylesheets/extra.css"):
        shutil.copy(theme.DOCS / name, directory / Path(name).name)
    (directory / "finder" / "index.html").write_text(_html(), encoding="utf-8")
    return directory


def _html() -> str:
    """The finder's controls as the built page has them (its <!-- iopdir:finder --> marker)."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<title>Finder benchmark</title><link rel="stylesheet" href="../finder.css">'
            '<link rel="stylesheet" href="../extra.css"></head><body><main class="md-typeset">'
            f'{site.finder([])}</main><script type="module" src="../finder-js/main.js"></script>'
            '</body></html>')


# Timing in Chromium ------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _served(directory: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/finder/"
    finally:
        httpd.shutdown()
        httpd.server_close()


Timings = dict[str, Any]  # load_ms, changes: [[name, median, slowest]], order: [count, ok]


def browser_timings(directory: Path) -> Timings:
    """Serve `directory` (which holds finder/index.html) and time the finder in Chromium."""
    from playwright.sync_api import sync_playwright

    _progress("timing filter changes in headless Chromium")
    with _served(directory) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            return _time_searches(page, url)
        finally:
            browser.close()


def _time_searches(page: Any, url: str) -> Timings:
    page.goto(url + "?zip=10001")  # loads the ZIP table too, as a search with a ZIP does
    page.wait_for_function("() => { const r = document.getElementById('iop-finder'); "
                           "return r.dataset.loaded === '1' && !r.dataset.pending; }",
                           timeout=120_000)
    stats = page.evaluate("window.__iopFinder.stats()")
    searches = [(name, (before, query)) for (_, before), (name, query)
                in zip((SEARCHES[-1], *SEARCHES), SEARCHES, strict=False)]
    changes = []
    for name, (before, query) in [*searches, ZIP_CHANGE]:
        times = page.evaluate(TIMING_JS, [before, query, RUNS])
        changes.append([name, statistics.median(times), max(times)])
    return {"load_ms": stats["loadMs"], "changes": changes, "order": _order(page)}


def timing_rows(timings: Timings) -> list[Row]:
    rows: list[Row] = [("load in Chromium: fetch, decode, time zones (ms)",
                        f"{timings['load_ms']:.0f}", "", True)]
    for name, median, slowest in timings["changes"]:
        rows.append((f"filter change: {name} (ms, median / max)",
                     f"{median:.1f} / {slowest:.1f}", f"< {FRAME_MS:.0f}", median < FRAME_MS))
    count, ok = timings["order"]
    return [*rows, (f"nearest first over the first {count} results (any distance)",
                    "in order" if ok else "OUT OF ORDER", "in order", ok)]


ORDER_JS = """() => {
  window.__iopFinder.fill("zip=10001&miles=any");
  window.__iopFinder.apply();
  for (let i = 0; i < 3; i++) document.getElementById("iop-finder-more").click();
  return [...document.querySelectorAll('[data-group="near"] .finder-result__where')]
    .map((el) => Number(el.dataset.miles));
}"""


def _order(page: Any) -> tuple[int, bool]:
    """The first results, drawn from a partial sort, come nearest first (a correctness check)."""
    miles = page.evaluate(ORDER_JS)
    return len(miles), len(miles) > 20 and all(a <= b for a, b in itertools.pairwise(miles))


def _table(count: int, rows: list[Row]) -> str:
    lines = [f"| finder at {count:,} listings | value | target | met |", "|---|---:|---|---|"]
    for measure, value, target, ok in rows:
        met = ("yes" if ok else "NO") if target else ""
        lines.append(f"| {measure} | {value} | {target} | {met} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
