"""Measure what the directory costs at scale: `python -m benchmarks.run [--sizes national,20000]`.

For each size it writes synthetic listings to a temporary directory (or, for `national`, imports
SAMHSA's national directory from ../shared with `iopdir import samhsa`), then times validation
(cold, and warm after one file changed), the parts of validation (YAML parse, JSON Schema, the
model and semantic checks), Markdown generation, and the full `iopdir build` in a subprocess
(wall time, CPU time and peak memory), and sizes the built site. It prints one Markdown table
and writes the numbers as JSON into benchmarks/results/.

Beside it, the same generated Markdown is built by a bare MkDocs + Material (benchmarks/bare.py)
for the ratios of time, memory and page size, against `iopdir build` of the first language
only; the build of every language of mkdocs.yml is measured against that too. The builds run
interleaved, --repeat times (every language, the first language without cache, bare, the first
language with the validation cache, then again), so that other work on the machine weighs on
them alike; each row is the median, and each ratio the median of the ratios
of the builds run side by side. The finder's index is sized and, unless --no-browser, its filter
changes are timed in headless Chromium (benchmarks/finder_bench.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import builds
from benchmarks.measure import TIME_BIN, python, timed_command
from benchmarks.synth import LATEST, write_listings
from generator.load import catalog, checks, schema_check, yamlload
from generator.load.catalog import Cache, load_paths
from generator.load.diagnostics import Diagnostic
from generator.model import zips
from generator.model.records import Provider
from generator.output import site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NATIONAL = "national"  # SAMHSA's national directory, imported from ../shared
SAMHSA = ROOT.parent / "shared" / "data" / "samhsa-nsumhss"
TODAY = max(dt.date.today(), LATEST)
STAGE_SAMPLE = 2000  # files timed one by one for the parse / schema / checks split
Result = dict[str, Any]

# (key, label, format, target at 20,000 listings) in table order; a missing key prints as a dash.
ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("providers", "valid providers", "{:,}", ""),
    ("import_s", "iopdir import samhsa (s)", "{:.1f}", ""),
    ("programs", "programs / tracks", "{}", ""),
    ("synth_s", "write synthetic listings (s)", "{:.1f}", ""),
    ("listing_mb", "listing files, total (MB)", "{:.1f}", ""),
    ("validate_cold_s", "validate cold, load_paths no cache (s)", "{:.2f}", "<= 10"),
    ("validate_ms", "  per listing (ms)", "{:.2f}", ""),
    ("validate_cpu_s", "  CPU time of the main process (s)", "{:.2f}", ""),
    ("revalidate_warm_s", "revalidate warm, cache, 1 file changed (s)", "{:.2f}", ""),
    ("cli_cold_s", "iopdir validate, cold: fills the cache (s)", "{:.2f}", "<= 5"),
    ("cli_warm_s", "iopdir validate, nothing changed (s)", "{:.2f}", "< 1"),
    ("cli_one_s", "iopdir validate, one file changed (s)", "{:.2f}", ""),
    ("parse_ms", "  YAML parse (fast reader, full one when needed), per file (ms)", "{:.3f}", ""),
    ("full_parse_ms", "  YAML parse, full reader with positions, per file (ms)", "{:.3f}", ""),
    ("schema_ms", "  JSON Schema only, per file (ms)", "{:.3f}", ""),
    ("checks_ms", "  model + semantic checks, per file (ms)", "{:.3f}", ""),
    ("generate_s", "Markdown generation, site.generate (s)", "{:.2f}", ""),
    ("generated_mb", "  generated files, total (MB)", "{:.1f}", ""),
    ("build_all_s", "iopdir build, every language (English, Spanish), wall (s)", "{:.1f}", ""),
    ("build_all_cpu_s", "  CPU time, user + sys (s)", "{:.1f}", ""),
    ("build_all_rss_mb", "  peak RSS (MB)", "{:.0f}", ""),
    ("languages_ratio", "  / the first language only, wall", "{:.2f}", "<= 2.2"),
    ("languages_cpu_ratio", "  / the first language only, CPU time", "{:.2f}", ""),
    ("languages_rss_ratio", "  / the first language only, peak RSS", "{:.2f}", ""),
    ("build_s", "iopdir build, first language only, no cache, wall (s)", "{:.1f}", ""),
    ("build_cpu_s", "  CPU time, user + sys (s)", "{:.1f}", ""),
    ("build_rss_mb", "  peak RSS (MB)", "{:.0f}", ""),
    ("build_warm_s", "  validation cached, wall (s)", "{:.1f}", ""),
    ("build_warm_cpu_s", "  CPU time, user + sys (s)", "{:.1f}", ""),
    ("audit_s", "  of which policy + audit of every page (s)", "{:.1f}", ""),
    ("audit_ms", "    per page (ms)", "{:.2f}", ""),
    ("bare_s", "bare MkDocs + Material build, wall (s)", "{:.1f}", ""),
    ("bare_cpu_s", "  CPU time, user + sys (s)", "{:.1f}", ""),
    ("bare_rss_mb", "  peak RSS (MB)", "{:.0f}", ""),
    ("build_ratio", "iopdir build, first language / bare build, wall", "{:.2f}", "<= 1.15"),
    ("build_cpu_ratio", "  CPU time", "{:.2f}", ""),
    ("build_warm_ratio", "  validation cached, wall", "{:.2f}", "<= 1.15"),
    ("build_warm_cpu_ratio", "  validation cached, CPU time", "{:.2f}", ""),
    ("build_rss_ratio", "  peak RSS", "{:.2f}", "<= 1.2"),
    ("rounds", "builds side by side (medians of)", "{}", ""),
    ("page_kb", "provider page HTML, median (KB)", "{:.1f}", ""),
    ("bare_page_kb", "  the same page, bare build (KB)", "{:.1f}", ""),
    ("page_ratio", "  ratio", "{:.2f}", "<= 1.2"),
    ("search_mb", "search_index.json raw (MB)", "{:.2f}", ""),
    ("search_gz_mb", "search_index.json gzip -6 (MB)", "{:.2f}", "<= 1.5"),
    ("bare_search_mb", "  bare build, raw / gzip (MB)", "{}", ""),
    ("finder_bytes", "finder index, gzip -6 bytes per program", "{:.1f}", "<= 40"),
    ("finder_load_ms", "finder load in Chromium (ms)", "{:.0f}", ""),
    ("finder_change_ms", "finder filter change, slowest median / max (ms)", "{}", "< 16"),
    ("site_mb", "site total (MB)", "{:.0f}", ""),
    ("site_files", "site files", "{:,}", ""),
)
MB = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    zips.table()  # the ZIP table loads once per process; keep it out of the timings
    load = os.getloadavg()[0]
    results = [bench(size, args) for size in args.sizes]
    print(markdown_table(results))
    path = write_json(results, args.out)
    if load > 0.5 * (os.cpu_count() or 1):
        print(f"Note: load average was {load:.1f} at the start; other work shares the CPUs, "
              "so trust the ratios (builds side by side) and CPU times more than wall times.",
              file=sys.stderr)
    print(f"\nResults written to {path}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=_sizes, default=[NATIONAL, 1000, 5000, 20000],
                        help="comma-separated listing counts, and 'national' for SAMHSA's "
                             "directory from ../shared (default: national,1000,5000,20000)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="build N times each, interleaved, and take medians (default: 3)")
    parser.add_argument("--skip-build", action="store_true",
                        help="skip the builds (iopdir, bare MkDocs) and the browser")
    parser.add_argument("--no-browser", action="store_true", help="skip the finder in Chromium")
    parser.add_argument("--seed", type=int, default=1, help="synthetic data seed (default: 1)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="directory for the JSON file")
    return parser


def _sizes(text: str) -> list[int | str]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part == NATIONAL or (part.isdigit() and int(part) > 0)
                            for part in parts):
        raise argparse.ArgumentTypeError("give positive listing counts or 'national', like "
                                         "national,1000")
    return [part if part == NATIONAL else int(part) for part in parts]


def bench(size: int | str, args: argparse.Namespace) -> Result:
    """Every measurement for one size, in a temporary directory removed afterwards."""
    _progress(f"{size:,} listings" if isinstance(size, int) else "the national directory")
    with tempfile.TemporaryDirectory(prefix="iopdir-bench-") as tmp:
        work = Path(tmp)
        listings = work / "providers"
        result: Result = {"size": size}
        if size == NATIONAL:
            paths, result["import_s"] = timed(lambda: import_national(listings))
        else:
            paths, result["synth_s"] = timed(
                lambda: write_listings(listings, int(size), args.seed, realistic_names=True))
        result["listing_mb"] = sum(p.stat().st_size for p in paths) / MB
        providers = _validate(listings, paths, result)
        result.update(stage_times(paths[:STAGE_SAMPLE]))
        result.update(cli_validate(listings, paths[1], work / "cache", args.repeat))
        result.update(_generate(providers))
        if not args.skip_build:
            result.update(builds.builds(listings, providers, work, args.repeat, TODAY))
            result.update(builds.audit_time(work / "site"))
            result.update(builds.compare(result, work / "site", work / "bare" / "site"))
            result.update(builds.finder_numbers(work / "site", providers, not args.no_browser))
    return result


def import_national(listings: Path) -> list[Path]:
    """SAMHSA's national directory, imported as a maintainer would (the intensive outpatient
    facilities: 5,566 listings from the copy in ../shared)."""
    if not (SAMHSA / "facilities.csv.gz").exists():
        raise SystemExit(f"{SAMHSA}: not found; the national benchmark imports SAMHSA's "
                         "directory from there (see ../shared/data/samhsa-nsumhss/README.md)")
    timed_command(python("-m", "generator", "import", "samhsa",
                         str(SAMHSA / "facilities.csv.gz"), "--definitions",
                         str(SAMHSA / "service_definitions.csv.gz"), "--survey-year", "2024",
                         "--out", str(listings), "--today", TODAY.isoformat()), cwd=ROOT)
    return sorted(listings.glob("*.yaml"))


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = work()
    return value, time.perf_counter() - start


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _validate(listings: Path, paths: list[Path], result: Result) -> list[Provider]:
    cpu = time.process_time()
    catalog, result["validate_cold_s"] = timed(lambda: load_paths([listings], TODAY))
    result["validate_cpu_s"] = time.process_time() - cpu
    result["validate_ms"] = result["validate_cold_s"] * 1000 / len(paths)
    result["diagnostics"] = len(catalog.diagnostics)
    result["providers"] = len(catalog.providers)
    tracks = sum(len(p.tracks()) for p in catalog.providers)
    result["programs"] = f"{sum(len(p.programs) for p in catalog.providers):,} / {tracks:,}"
    result["revalidate_warm_s"] = revalidate_warm(listings, paths[0])
    _progress(f"  validated in {result['validate_cold_s']:.1f} s, "
              f"{result['diagnostics']} diagnostics")
    providers: list[Provider] = catalog.providers
    return providers


def revalidate_warm(listings: Path, changed: Path) -> float:
    """Fill a cache, change one file's content, and time the second load (what `serve` does)."""
    cache: Cache = {}
    load_paths([listings], TODAY, cache=cache)
    with changed.open("a", encoding="utf-8") as f:
        f.write("# changed by the benchmark\n")
    return timed(lambda: load_paths([listings], TODAY, cache=cache))[1]


def stage_times(paths: list[Path]) -> Result:
    """Mean milliseconds per file of each validation stage, each timed over all the files."""
    texts = [(p.read_text(encoding="utf-8"), str(p), p.stem) for p in paths]
    full = timed(lambda: [yamlload.load(text, shown)[0] for text, shown, _ in texts])[1]
    docs, parse = timed(lambda: [catalog.read_yaml(text, shown)[0] for text, shown, _ in texts])
    schema = timed(lambda: [schema_check.check(doc) for doc in docs])[1]
    model = timed(lambda: [_model_checks(doc, stem)
                           for doc, (_, _, stem) in zip(docs, texts, strict=True)])[1]
    per_file = 1000 / len(paths)
    return {"parse_ms": parse * per_file, "full_parse_ms": full * per_file,
            "schema_ms": schema * per_file, "checks_ms": model * per_file}


def _model_checks(doc: yamlload.Document, stem: str) -> list[Diagnostic]:
    provider = Provider.from_data(stem, doc.path, doc.data)
    return checks.check_provider(provider, doc, TODAY)


def _generate(providers: list[Provider]) -> Result:
    files, spent = timed(lambda: site.generate(providers, TODAY))
    size = sum(len(c.encode() if isinstance(c, str) else c) for c in files.values())
    return {"generate_s": spent, "generated_mb": size / MB, "generated_files": len(files)}


def cli_validate(listings: Path, changed: Path, cache: Path, repeat: int = 1) -> Result:
    """`iopdir validate` as people run it (a new process each time) with the cache on disk:
    cold (the median of `repeat` runs, each with an empty cache), again with nothing changed,
    and after one file changed."""
    command = python("-m", "generator", "validate", str(listings), "--cache-dir", str(cache),
                     "--today", TODAY.isoformat())
    colds = []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(timed_command(command, cwd=ROOT).wall_s)
    cold = statistics.median(colds)
    warm = timed_command(command, cwd=ROOT).wall_s
    with changed.open("a", encoding="utf-8") as f:
        f.write("# changed by the benchmark\n")
    one = timed_command(command, cwd=ROOT).wall_s
    _progress(f"  iopdir validate: cold {cold:.1f} s, nothing changed {warm:.2f} s")
    return {"cli_cold_s": cold, "cli_cold_runs": colds, "cli_warm_s": warm, "cli_one_s": one}


def markdown_table(results: list[Result]) -> str:
    head = ("| | " + " | ".join(_column(r) for r in results) + " | target |")
    lines = [head, "|---" + "|---:" * len(results) + "|---|"]
    for key, label, fmt, target in ROWS:
        cells = [fmt.format(r[key]) if r.get(key) is not None else "-" for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines)


def _column(result: Result) -> str:
    if result["size"] == NATIONAL:
        return f"national ({result['providers']:,} listings)"
    return f"{result['size']:,} listings"


def write_json(results: list[Result], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = out / f"bench-{stamp}.json"
    document = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                "machine": machine(), "results": results}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return path


def machine() -> dict[str, Any]:
    versions = {name: _version(name) for name in ("mkdocs", "mkdocs-material", "jsonschema",
                                                   "jsonschema-rs", "pyyaml", "yaml-rs")}
    return {"cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(), "time_v": TIME_BIN.exists(),
            "disk_free_gb": round(shutil.disk_usage(tempfile.gettempdir()).free / 1e9, 1),
            **versions}


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
