"""`iopdir build --site-url` and `iopdir generate --site-url`: what a host needs at the root."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.output import hosting
from tests.acceptance.conftest import Run
from tests.conftest import PROVIDERS, ROOT, TODAY

BASE = "https://example.org/iop/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build for https://example.org/iop (no trailing slash: iopdir adds it)."""
    site = tmp_path_factory.mktemp("published") / "site"
    subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--site-dir",
                    str(site), "--site-url", BASE.rstrip("/"), "--today", TODAY.isoformat()],
                   cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    return site


def test_sitemap_lists_every_provider_page_at_its_absolute_address(built: Path) -> None:
    locs = re.findall(r"<loc>([^<]+)</loc>", (built / "sitemap.xml").read_text())
    assert locs and all(loc.startswith(BASE) for loc in locs)
    assert {f"{BASE}providers/{p.stem}/" for p in PROVIDERS.glob("*.yaml")} <= set(locs)


def test_robots_txt_names_the_sitemap(built: Path) -> None:
    assert f"Sitemap: {BASE}sitemap.xml" in (built / "robots.txt").read_text().splitlines()


def test_pages_name_their_canonical_address(built: Path) -> None:
    page = (built / "providers" / "lanternfish-recovery-collective" / "index.html").read_text()
    assert f'<link rel="canonical" href="{BASE}providers/lanternfish-recovery-collective/">' \
        in page
    assert f"Printed from {BASE}providers/lanternfish-recovery-collective/" in page


def test_404_page_links_and_loads_everything_from_the_sub_path(built: Path) -> None:
    page = (built / "404.html").read_text()
    assert "<h1>Page not found</h1>" in page
    for href in ("/iop/finder/", "/iop/browse/", "/iop/assets/favicon.svg",
                 "/iop/stylesheets/print.css"):
        assert f'href="{href}"' in page
    assert 'href="tel:988"' in page
    relative = re.findall(r'(?:href|src)="(?!/iop/|https?:|tel:|sms:|mailto:|#)([^"]+)"', page)
    assert relative == []  # a relative link would break on /iop/a/b/missing/


def test_headers_file_allows_exactly_the_inline_scripts_of_the_site(built: Path) -> None:
    hashes: set[str] = set()
    for html in built.rglob("*.html"):
        hashes |= hosting.script_hashes(html.read_text(encoding="utf-8"))
    headers = (built / "_headers").read_text()
    csp = re.search(r"Content-Security-Policy: (.+)", headers)
    assert csp is not None
    listed = set(re.findall(r"'sha256-[^']+'", csp.group(1)))
    assert listed == hashes and len(hashes) >= 3  # Material's own: scope, palette, tabs


def test_generate_writes_robots_txt_for_the_address(iopdir: Run, tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = iopdir("generate", "--out", out, "--site-url", BASE)
    assert result.returncode == 0, result.stderr
    assert f"Sitemap: {BASE}sitemap.xml" in (out / "docs" / "robots.txt").read_text()
    assert f"site_url: {BASE}" in (out / "mkdocs.yml").read_text()


def test_a_bad_site_url_is_a_usage_error(iopdir: Run, tmp_path: Path) -> None:
    result = iopdir("build", "--site-dir", tmp_path / "site", "--site-url", "example.org/iop")
    assert result.returncode == 2
    assert "'example.org/iop' is not a web address" in result.stderr
    assert not (tmp_path / "site").exists()
