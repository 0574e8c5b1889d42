"""The builds of `benchmarks.run`: iopdir and bare MkDocs side by side, and what they built."""

from __future__ import annotations

import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import bare
from benchmarks.measure import Run, python, timed_command
from generator.model.records import Provider
from generator.output import audit, hosting

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
Result = dict[str, Any]


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def builds(listings: Path, providers: list[Provider], work: Path, repeat: int,
           today: Any) -> Result:
    """`iopdir build` of every language of mkdocs.yml (English and Spanish), of its first
    language only, without and with the validation cache, and the bare build of the same
    English Markdown, interleaved `repeat` times: medians of each, and ratios as the medians
    of each round's ratios. Against the bare build stand the first language's builds."""
    config = bare.write_project(work / "bare", providers, today)
    first_only = one_language_config(work / "mkdocs-first-language.yml")
    rounds = []
    for _ in range(repeat):
        every = build(listings, work / "site", None, today)
        cold = build(listings, work / "site-first", None, today, first_only)
        plain = bare.build(config)
        _progress(f"  bare MkDocs build in {plain.wall_s:.1f} s")
        warm = build(listings, work / "site-first", work / "cache", today, first_only)
        rounds.append((cold, plain, warm, every))
    result: Result = {"rounds": len(rounds), **site_sizes(work / "site")}
    for key, pick in (("build", 0), ("bare", 1), ("build_warm", 2), ("build_all", 3)):
        runs = [r[pick] for r in rounds]
        result[f"{key}_s"] = statistics.median(r.wall_s for r in runs)
        result[f"{key}_cpu_s"] = statistics.median(r.cpu_s for r in runs)
        result[f"{key}_rss_mb"] = statistics.median(r.rss_mb for r in runs)
        result[f"{key}_runs"] = [(r.wall_s, r.cpu_s, r.rss_mb) for r in runs]
    for key, pick, attr in (("build_ratio", 0, "wall_s"), ("build_cpu_ratio", 0, "cpu_s"),
                            ("build_warm_ratio", 2, "wall_s"),
                            ("build_warm_cpu_ratio", 2, "cpu_s"),
                            ("build_rss_ratio", 0, "rss_mb")):
        ratios = [getattr(r[pick], attr) / getattr(r[1], attr) for r in rounds]
        result[key] = statistics.median(ratios)
        result[f"{key}s"] = ratios
    for key, attr in (("languages_ratio", "wall_s"), ("languages_cpu_ratio", "cpu_s"),
                      ("languages_rss_ratio", "rss_mb")):
        ratios = [getattr(r[3], attr) / getattr(r[0], attr) for r in rounds]
        result[key] = statistics.median(ratios)
        result[f"{key}s"] = ratios
    index = (work / "bare" / "site" / "search" / "search_index.json").read_bytes()
    result["bare_search_mb"] = f"{len(index) / MB:.2f} / {_gzip_len(index) / MB:.2f}"
    return result


def build(listings: Path, site_dir: Path, cache: Path | None, today: Any,
          config: Path = ROOT / "mkdocs.yml") -> Run:
    """`iopdir build` in a subprocess, so its time and peak memory are the command's own;
    without a cache, or with the one `cli_validate` filled."""
    caching = ["--no-cache"] if cache is None else ["--cache-dir", str(cache)]
    run = timed_command(python("-m", "generator", "build", "--providers", str(listings),
                               "--site-dir", str(site_dir), "--config", str(config),
                               "--today", today.isoformat(), *caching), cwd=ROOT)
    what = " (validation cached)" if cache else ""
    what += " (first language only)" if config != ROOT / "mkdocs.yml" else ""
    _progress(f"  built in {run.wall_s:.1f} s{what}")
    return run


def one_language_config(path: Path) -> Path:
    """This repository's mkdocs.yml with its first language only, for the ratio of the two."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    one = re.sub(r"(?m)^(\s+languages: \[)(\w+)[^\]]*\]", r"\1\2]", text)
    one = re.sub(r"(?m)^docs_dir: docs$", f"docs_dir: {ROOT / 'docs'}", one)
    if one.count("languages: [") != 1 or str(ROOT / "docs") not in one:
        raise RuntimeError("mkdocs.yml changed: update benchmarks.builds.one_language_config")
    path.write_text(one, encoding="utf-8")
    return path


def compare(result: Result, site_dir: Path, bare_site: Path) -> Result:
    """The provider page of median size against the same page built bare."""
    pages = sorted((p.stat().st_size, p.parent.name)
                   for p in (site_dir / "providers").glob("*/index.html"))
    size, slug = pages[len(pages) // 2]
    bare_size = (bare_site / "providers" / slug / "index.html").stat().st_size
    return {"page_kb": size / 1024, "bare_page_kb": bare_size / 1024,
            "page_ratio": size / bare_size, "page_slug": slug}


def finder_numbers(site_dir: Path, providers: list[Provider], browser: bool) -> Result:
    """Bytes per program of the finder's index; its timings in Chromium, in their own process."""
    programs = sum(len(p.programs) for p in providers)
    result: Result = {"finder_bytes": _gzip_len((site_dir / "finder" / "index.json")
                                                .read_bytes()) / programs}
    if not browser:
        return result
    done = subprocess.run(python("-m", "benchmarks.finder_bench", "--site", str(site_dir)),
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the finder benchmark failed:\n{done.stderr[-3000:]}")
    timings = json.loads(done.stdout)
    medians = [median for _, median, _ in timings["changes"]]
    slowest = max(worst for *_, worst in timings["changes"])
    result.update(finder_load_ms=timings["load_ms"], finder_changes=timings["changes"],
                  finder_change_ms=f"{max(medians):.1f} / {slowest:.1f}")
    return result


def site_sizes(site_dir: Path) -> Result:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    index = (site_dir / "search" / "search_index.json").read_bytes()
    return {
        "search_mb": len(index) / MB,
        "search_gz_mb": _gzip_len(index) / MB,
        "site_mb": sum(p.stat().st_size for p in files) / MB,
        "site_files": len(files),
    }


def _gzip_len(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # what a web server typically sends


def audit_time(site_dir: Path) -> Result:
    """What the build spends on each page's policy and audit (the plugin's on_post_page), timed
    again here on the built pages, without the time to read them."""
    pages = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    start = time.perf_counter()
    for i, html in enumerate(pages):
        audit.audit_page(hosting.with_policy(html)[0], str(i))
    seconds = time.perf_counter() - start
    return {"audit_s": seconds, "audit_pages": len(pages),
            "audit_ms": seconds * 1000 / max(len(pages), 1)}
