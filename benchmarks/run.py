"""Measure what the directory costs at scale: `python -m benchmarks.run [--sizes 1000,5000,20000]`.

For each size it writes synthetic listings to a temporary directory, then times validation (cold,
and warm after one file changed), the parts of validation (YAML parse, JSON Schema, the model and
semantic checks), Markdown generation, and the full `iopdir build` in a subprocess (wall time and
peak memory), and sizes the built site. It prints one Markdown table and writes the numbers as
JSON into benchmarks/results/. Times are single runs on this machine: compare shapes, not digits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.synth import LATEST, write_listings
from generator import checks, schema_check, site, yamlload, zips
from generator.catalog import Cache, load_paths
from generator.diagnostics import Diagnostic
from generator.model import Provider

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
TODAY = max(dt.date.today(), LATEST)
STAGE_SAMPLE = 2000  # files timed one by one for the parse / schema / checks split
TIME_BIN = Path("/usr/bin/time")
Result = dict[str, Any]

# (key, label, format) in table order; a missing key prints as a dash.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("providers", "valid providers", "{:,}"),
    ("programs", "programs / tracks", "{}"),
    ("synth_s", "write synthetic listings (s)", "{:.1f}"),
    ("listing_mb", "listing files, total (MB)", "{:.1f}"),
    ("validate_cold_s", "validate cold, load_paths no cache (s)", "{:.2f}"),
    ("validate_ms", "  per listing (ms)", "{:.2f}"),
    ("validate_cpu_s", "  CPU time (s)", "{:.2f}"),
    ("revalidate_warm_s", "revalidate warm, cache, 1 file changed (s)", "{:.2f}"),
    ("parse_ms", "  YAML parse only, per file (ms)", "{:.3f}"),
    ("schema_ms", "  JSON Schema only, per file (ms)", "{:.3f}"),
    ("checks_ms", "  model + semantic checks, per file (ms)", "{:.3f}"),
    ("generate_s", "Markdown generation, site.generate (s)", "{:.2f}"),
    ("generated_mb", "  generated files, total (MB)", "{:.1f}"),
    ("build_s", "iopdir build, wall (s)", "{:.1f}"),
    ("build_cpu_s", "  CPU time, user + sys (s)", "{:.1f}"),
    ("build_rss_mb", "  peak RSS (MB)", "{:.0f}"),
    ("page_kb", "provider page HTML, median (KB)", "{:.1f}"),
    ("search_mb", "search_index.json raw (MB)", "{:.2f}"),
    ("search_gz_mb", "search_index.json gzip -6 (MB)", "{:.2f}"),
    ("site_mb", "site total (MB)", "{:.0f}"),
    ("site_files", "site files", "{:,}"),
)
MB = 1024 * 1024


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    zips.table()  # the ZIP table loads once per process (~0.5 s); keep it out of the timings
    load = os.getloadavg()[0]
    results = [bench(size, args.skip_build, args.seed) for size in args.sizes]
    print(markdown_table(results))
    path = write_json(results, args.out)
    if load > 0.5 * (os.cpu_count() or 1):
        print(f"Note: load average was {load:.1f} at the start; other work shares the CPUs, "
              "so trust the CPU-time rows more than wall times.", file=sys.stderr)
    print(f"\nResults written to {path}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=_sizes, default=[1000, 5000, 20000],
                        help="comma-separated listing counts (default: 1000,5000,20000)")
    parser.add_argument("--skip-build", action="store_true", help="skip the MkDocs build")
    parser.add_argument("--seed", type=int, default=1, help="synthetic data seed (default: 1)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="directory for the JSON file")
    return parser


def _sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give positive listing counts, like 1000,5000")
    return sizes


def bench(size: int, skip_build: bool, seed: int) -> Result:
    """Every measurement for one size, in a temporary directory removed afterwards."""
    _progress(f"{size:,} listings")
    with tempfile.TemporaryDirectory(prefix="iopdir-bench-") as tmp:
        listings = Path(tmp) / "providers"
        result: Result = {"size": size}
        paths, result["synth_s"] = timed(lambda: write_listings(listings, size, seed))
        result["listing_mb"] = sum(p.stat().st_size for p in paths) / MB
        providers = _validate(listings, paths, result)
        result.update(stage_times(paths[:STAGE_SAMPLE]))
        result.update(_generate(providers))
        if not skip_build:
            result.update(build(listings, Path(tmp) / "site"))
    return result


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
    docs, parse = timed(lambda: [yamlload.load(text, shown)[0] for text, shown, _ in texts])
    schema = timed(lambda: [schema_check.check(doc) for doc in docs])[1]
    model = timed(lambda: [_model_checks(doc, stem)
                           for doc, (_, _, stem) in zip(docs, texts, strict=True)])[1]
    per_file = 1000 / len(paths)
    return {"parse_ms": parse * per_file, "schema_ms": schema * per_file,
            "checks_ms": model * per_file}


def _model_checks(doc: yamlload.Document, stem: str) -> list[Diagnostic]:
    provider = Provider.from_data(stem, doc.path, doc.data)
    return checks.check_provider(provider, doc, TODAY)


def _generate(providers: list[Provider]) -> Result:
    files, spent = timed(lambda: site.generate(providers, TODAY))
    size = sum(len(c.encode() if isinstance(c, str) else c) for c in files.values())
    return {"generate_s": spent, "generated_mb": size / MB, "generated_files": len(files)}


def build(listings: Path, site_dir: Path) -> Result:
    """`iopdir build` in a subprocess, so its time and peak memory are the command's own."""
    command = [sys.executable, "-m", "generator", "build", "--providers", str(listings),
               "--site-dir", str(site_dir), "--config", str(ROOT / "mkdocs.yml"),
               "--today", TODAY.isoformat()]
    if TIME_BIN.exists():
        command = [str(TIME_BIN), "-v", *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done, spent = timed(lambda: subprocess.run(command, cwd=ROOT, capture_output=True,
                                               text=True, check=False))
    if done.returncode != 0:
        raise RuntimeError(f"iopdir build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    _progress(f"  built in {spent:.1f} s")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    rss_kb = _time_rss_kb(done.stderr) or after.ru_maxrss  # max over all children so far
    return {"build_s": spent, "build_cpu_s": cpu, "build_rss_mb": rss_kb / 1024,
            **site_sizes(site_dir)}


def _time_rss_kb(stderr: str) -> int | None:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(match.group(1)) if match else None


def site_sizes(site_dir: Path) -> Result:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in (site_dir / "providers").glob("*/index.html")]
    index = (site_dir / "search" / "search_index.json").read_bytes()
    return {
        "page_kb": statistics.median(pages) / 1024 if pages else None,
        "search_mb": len(index) / MB,
        "search_gz_mb": len(gzip.compress(index, compresslevel=6)) / MB,
        "site_mb": sum(p.stat().st_size for p in files) / MB,
        "site_files": len(files),
    }


def markdown_table(results: list[Result]) -> str:
    head = "| | " + " | ".join(f"{r['size']:,} listings" for r in results) + " |"
    lines = [head, "|---" + "|---:" * len(results) + "|"]
    for key, label, fmt in ROWS:
        cells = [fmt.format(r[key]) if r.get(key) is not None else "-" for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


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
                                                   "pyyaml")}
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
