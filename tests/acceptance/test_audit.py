"""The audit runs on every build and on its own: a planted handler fails the build, and the
last good site stays as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from generator.output import theme
from tests.acceptance.conftest import Run
from tests.conftest import ROOT

PLANTED = '# Planted\n\n<img src="x.png" onerror="window.__pwned=1">\n'


def _config_with_docs(tmp_path: Path, page: str | None) -> Path:
    """mkdocs.yml of the project with a copy of docs/ that may hold one more page."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    if page is not None:
        (docs / "planted.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\n", encoding="utf-8")
    return config


def test_a_planted_handler_fails_the_build_and_keeps_the_last_good_site(
        iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    good = iopdir("build", "--config", _config_with_docs(tmp_path / "good", None),
                  "--site-dir", site)
    assert good.returncode == 0, good.stderr
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    bad = iopdir("build", "--config", _config_with_docs(tmp_path / "bad", PLANTED),
                 "--site-dir", site)
    assert bad.returncode == 1
    assert "failed the safety audit" in bad.stderr
    assert "planted/index.html: <img onerror='window.__pwned=1'>: an event handler attribute " \
        "runs script" in bad.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_every_built_page_carries_its_own_policy(iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert iopdir("build", "--site-dir", site).returncode == 0
    provider = (site / "providers" / "lanternfish-recovery-collective" / "index.html").read_text(
        encoding="utf-8")
    # Material's table of contents and skip link, from the headings the plugin reads back.
    assert '<a href="#title" class="md-skip">' in provider
    assert re.search(r'<a href="#program-1-track-2" class="md-nav__link">', provider)
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert head.count('<meta http-equiv="Content-Security-Policy"') == 1, page
        assert head.index("Content-Security-Policy") < head.find("<script"), page
    # A hand-written page's own description, which holds quotes, stays one attribute.
    about = LexborHTMLParser((site / "about-the-data" / "index.html").read_text(encoding="utf-8"))
    front = yaml.safe_load((theme.DOCS / "about-the-data.md").read_text(
        encoding="utf-8").split("---\n")[1])
    assert '"' in front["description"]
    [meta] = about.css('meta[name="description"]')
    assert meta.attributes == {"name": "description", "content": front["description"]}
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "frame-ancestors 'none'" in headers  # headers can say what a meta policy cannot
    audited = iopdir("audit", site)
    assert audited.returncode == 0, audited.stderr
    documents = len(pages) + 2  # and sitemap.xml and the favicon, an SVG
    assert audited.stderr.strip() == f"{documents} files audited (pages, SVG, XML): 0 problems"


def test_the_audit_command_names_the_page_and_the_listing(iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert iopdir("build", "--site-dir", site).returncode == 0
    page = site / "providers" / "otterbank-wellness-house" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("<h1 ") == 1
    page.write_text(html.replace('<h1 ', '<img src="https://evil.example.com/p.png"><h1 ', 1),
                    encoding="utf-8")
    result = iopdir("audit", site, "--providers", ROOT / "providers")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "providers/otterbank-wellness-house/index.html: <img src='https://evil.example.com/"
        "p.png'>: loads from another host (listing "
        f"{ROOT / 'providers' / 'otterbank-wellness-house.yaml'})")
    assert result.stderr.splitlines()[-1].endswith("(pages, SVG, XML): 1 problem")


def test_the_site_name_and_copyright_show_as_written(iopdir: Run, tmp_path: Path) -> None:
    """mkdocs.yml text is printed by the theme as it is; it reaches pages escaped, so a name
    such as 'Recovery & Wellness' reads right and markup in it stays text."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        "site_name: 'Recovery & Wellness</title><script>alert(1)</script>'\n"
        "copyright: '<img src=x onerror=alert(2)> Coalition'\n", encoding="utf-8")
    site = tmp_path / "site"
    built = iopdir("build", "--config", config, "--site-dir", site)
    assert built.returncode == 0, built.stderr
    home = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    title, copyright_ = home.css_first("title"), home.css_first(".md-copyright")
    assert title is not None and copyright_ is not None
    assert title.text() == "Recovery & Wellness</title><script>alert(1)</script>"
    assert [s.text() for s in home.css("script") if "alert" in s.text()] == []
    assert home.css("img[onerror]") == []
    assert "<img src=x onerror=alert(2)> Coalition" in copyright_.text()


def test_an_svg_that_runs_script_fails_the_build(iopdir: Run, tmp_path: Path) -> None:
    config = _config_with_docs(tmp_path, None)
    (tmp_path / "docs" / "badge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', encoding="utf-8")
    built = iopdir("build", "--config", config, "--site-dir", tmp_path / "site")
    assert built.returncode == 1
    assert "badge.svg: <svg onload='alert(1)'>: an event handler attribute runs script" \
        in built.stderr
