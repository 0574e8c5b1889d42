from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.acceptance.conftest import Run
from tests.conftest import PROVIDERS, ROOT

GOLDEN = ROOT / "tests" / "golden"
COMMANDS = ("validate", "build", "serve", "generate", "new")


def test_sample_listings_validate(iopdir: Run) -> None:
    result = iopdir("validate", "--strict")
    assert result.returncode == 0, result.stderr
    count = len(list(PROVIDERS.glob("*.yaml")))
    assert result.stderr.strip() == f"{count} files checked: 0 errors, 0 warnings"


def test_invalid_listings_exit_1_with_every_error(iopdir: Run) -> None:
    result = iopdir("validate", GOLDEN / "invalid")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "tests/golden/invalid/bad-schedule.yaml:35:18: error: programs[0].tracks[1]." \
           "sessions[0].end: ends at 18:00, not after it starts (21:00); use 24-hour times, " \
           "like '18:00' to '21:00' (sessions cannot pass midnight)" in lines
    files = {line.split(":")[0] for line in lines[:-1]}
    assert len(files) == len(list((GOLDEN / "invalid").glob("*.yaml")))  # all files, not the first


def test_github_format_prints_workflow_annotations(iopdir: Run) -> None:
    result = iopdir("validate", "--format", "github", GOLDEN / "invalid" / "duplicate-keys.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=tests/golden/invalid/duplicate-keys.yaml,line=31,col=13,title=iopdir error"
        "::programs[0].tracks[0].sessions[0].start: duplicate key 'start' (first at line 29); "
        "YAML would keep only the last value, so remove one")


def test_strict_turns_warnings_into_errors(iopdir: Run, tmp_path: Path) -> None:
    text = (GOLDEN / "valid" / "willow-test-clinic.yaml").read_text()
    listing = tmp_path / "willow-test-clinic.yaml"
    # An unknown language code is only a warning.
    listing.write_text(text.replace("languages: [en, es]", "languages: [en, xx]"))
    relaxed = iopdir("validate", listing)
    assert relaxed.returncode == 0 and ": warning: " in relaxed.stderr
    strict = iopdir("validate", "--strict", listing)
    assert strict.returncode == 1 and ": error: programs[0].languages[1]" in strict.stderr


@pytest.mark.parametrize("args", [("validate", "no/such/dir"), ("frobnicate",),
                                  ("build", "--config", "missing.yml"), ("new", "Bad Slug"), ()])
def test_usage_errors_exit_2(iopdir: Run, args: tuple[str, ...]) -> None:
    result = iopdir(*args)
    assert result.returncode == 2, result


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(iopdir: Run, command: str) -> None:
    result = iopdir(command, "--help")
    assert result.returncode == 0
    assert "example:\n  iopdir " + command in result.stdout


def test_build_makes_the_site(iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = iopdir("build", "--strict", "--site-dir", site)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").exists()
    assert (site / "providers" / "lanternfish-recovery-collective" / "index.html").exists()
    assert (site / "browse" / "evening" / "index.html").exists()
    assert (site / ".iopdir-output").exists()
    # Provider pages are not in the navigation: a page does not link its neighbours.
    page = (site / "providers" / "lanternfish-recovery-collective" / "index.html").read_text()
    assert "otterbank-wellness-house" not in page
    search = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    provider_entries = [d for d in search if d["location"].startswith("providers/lanternfish")]
    assert provider_entries and all(d["text"] for d in provider_entries)
    assert not any("Evening track" in d["text"] for d in provider_entries)  # programs excluded
    rebuilt = iopdir("build", "--site-dir", site)  # a second build replaces the first
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_failed_build_leaves_the_last_good_site_untouched(iopdir: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert iopdir("build", "--site-dir", site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    bad = tmp_path / "providers"
    shutil.copytree(PROVIDERS, bad)
    shutil.copy(GOLDEN / "invalid" / "bad-schedule.yaml", bad)
    result = iopdir("build", "--providers", bad, "--site-dir", site)
    assert result.returncode == 1
    assert "bad-schedule.yaml:35:18: error:" in result.stderr
    assert "the site was not built" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["providers", "site"]  # no leftovers


def test_build_refuses_to_replace_a_foreign_directory(iopdir: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = iopdir("build", "--site-dir", tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_generate_writes_a_project_another_runner_builds_unchanged(iopdir: Run,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = iopdir("generate", "--out", out)
    assert result.returncode == 0, result.stderr
    docs = out / "docs"
    assert (docs / "providers" / "lanternfish-recovery-collective.md").exists()
    assert (docs / "browse" / "index.md").exists()
    assert (docs / "finder" / "index.md").exists()  # the built-in pages too
    home = (docs / "index.md").read_text()
    assert "iopdir:summary" not in home and "providers**" in home
    assert (out / "overrides" / "main.html").exists()
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert (out / "properdocs.yml").read_text() == (out / "mkdocs.yml").read_text()
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert config["plugins"] == [{"search": {"lang": "en"}}]  # no iopdir plugin
    assert config["extra"]["iopdir_sample"] is True
    assert config["extra_css"][0] == "stylesheets/extra.css"
    # Plain MkDocs (installed here without being asked for the plugin) builds it as it is.
    import subprocess
    import sys
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=out,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (out / "site" / "providers" / "lanternfish-recovery-collective").is_dir()
    assert "iop-crisis" in (out / "site" / "index.html").read_text()


def test_new_writes_a_template_that_asks_to_be_filled_in(iopdir: Run, tmp_path: Path) -> None:
    result = iopdir("new", "harbor-light", "--providers", tmp_path, "--no-input")
    assert result.returncode == 0, result.stderr
    listing = tmp_path / "harbor-light.yaml"
    check = iopdir("validate", listing)
    assert check.returncode == 1
    errors = [line for line in check.stderr.splitlines() if ": error: " in line]
    assert errors and all("empty" in e or "at least 1 item" in e for e in errors), errors
    assert iopdir("new", "harbor-light", "--providers", tmp_path, "--no-input").returncode == 2


def test_python_dash_m_and_the_console_script_agree(iopdir: Run) -> None:
    script = shutil.which("iopdir", path=str(Path(__import__("sys").executable).parent))
    assert script is not None, "installing the project gives an iopdir command"
    import subprocess
    out = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert out.stdout == iopdir("--version").stdout


def test_pages_are_dated_by_the_same_today_as_the_checks(iopdir: Run, tmp_path: Path) -> None:
    """A listing checked over a year before the build reminds people to call first."""
    out = tmp_path / "old"
    assert iopdir("generate", "--out", out, "--today", "2028-01-01").returncode == 0
    page = (out / "docs" / "providers" / "lanternfish-recovery-collective.md").read_text()
    assert "over a year ago" in page
    fresh = tmp_path / "fresh"
    assert iopdir("generate", "--out", fresh).returncode == 0
    assert "over a year ago" not in (
        fresh / "docs" / "providers" / "lanternfish-recovery-collective.md").read_text()


def test_generate_says_when_the_configuration_cannot_be_read(iopdir: Run,
                                                             tmp_path: Path) -> None:
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: [unclosed\n", encoding="utf-8")
    result = iopdir("generate", "--out", tmp_path / "build", "--config", broken)
    assert result.returncode == 2  # and no traceback (the fixture checks)
    assert "cannot read the configuration" in result.stderr
    assert not (tmp_path / "build").exists()
