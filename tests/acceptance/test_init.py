"""`iopdir init`: a new directory project outside this repository, from options or answers,
with everything this repository is less the tool; never over another file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.authoring import init
from generator.model import resources
from generator.output import theme
from tests.acceptance.conftest import Run
from tests.conftest import ROOT, TODAY

FLAGS = ("--name", "Oregon Recovery Coalition", "--region", "Oregon", "--repository",
         "https://github.com/example/oregon-iop")


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _config(path: Path) -> dict[str, Any]:
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return config


def _init(*args: str | Path, answers: str = "") -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "generator", "init", *map(str, args),
            "--today", TODAY.isoformat()]
    return subprocess.run(argv, cwd=ROOT, input=answers, capture_output=True, text=True,
                          timeout=120)


def test_options_fill_in_the_settings_and_the_project_validates(iopdir: Run,
                                                                tmp_path: Path) -> None:
    project = tmp_path / "oregon-iop"
    result = _init(project, "--no-input", *FLAGS)
    assert result.returncode == 0, result.stderr
    config = _config(project / "mkdocs.yml")
    assert config["site_name"] == "Oregon IOP Program Finder"
    assert config["copyright"] == "Directory run by Oregon Recovery Coalition"
    assert config["repo_url"] == "https://github.com/example/oregon-iop"  # the form links
    assert "iopdir" in str(config["plugins"])
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "# Oregon IOP Program Finder" in readme and ".venv/bin/iopdir build --strict" in readme
    assert "https://github.com/example/oregon-iop" in readme
    from generator import __version__
    assert f"iopdir=={__version__}" in (project / "requirements.txt").read_text(encoding="utf-8")
    check = iopdir("validate", "--strict", "providers", cwd=project)
    assert check.returncode == 0, check.stderr
    assert check.stderr.strip() == "1 file checked: 0 errors, 0 warnings"


def test_the_project_holds_what_this_repository_is_less_the_tool(tmp_path: Path) -> None:
    project = tmp_path / "p"
    assert _init(project, "--no-input").returncode == 0
    files = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert set(resources.project_files()) <= files
    assert {f"docs/{page}" for page in theme.STARTER_PAGES} <= files
    for path in (".github/workflows/pull-request.yml", ".github/workflows/pages.yml",
                 ".github/workflows/report.yml", ".editorconfig", ".vscode/settings.json",
                 "schema/provider.schema.json", ".gitignore", "requirements.txt"):
        assert path in files, path
    for path in resources.project_files():  # the same bytes as here, the sample's dates aside
        if path != init.SAMPLE:
            assert (project / path).read_bytes() == (ROOT / path).read_bytes(), path
    assert not (project / "docs" / "finder").exists()  # built in: it comes from the package
    assert "docs/is-an-iop-right-for-me.md" not in files


def test_the_sample_listing_is_fictional_and_dated_today(tmp_path: Path) -> None:
    assert _init(tmp_path / "p", "--no-input").returncode == 0
    text = (tmp_path / "p" / init.SAMPLE).read_text(encoding="utf-8")
    assert "sample: true" in text and "example.org" in text and "555-01" in text
    assert f'last_verified: "{TODAY.isoformat()}"' in text


def test_answers_typed_at_the_prompts(tmp_path: Path) -> None:
    result = _init(tmp_path / "p", answers="Lakes Region 211\nNew Hampshire\n\n")
    assert result.returncode == 0, result.stderr
    assert "Organisation that runs the directory: " in result.stderr
    config = _config(tmp_path / "p" / "mkdocs.yml")
    assert config["site_name"] == "New Hampshire IOP Program Finder"
    assert config["copyright"] == "Directory run by Lakes Region 211"
    assert config["repo_url"] == ""


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Ours\n", encoding="utf-8")
    result = _init(project, "--no-input")
    assert result.returncode == 2
    assert "docs/index.md already exist" in result.stderr and "never replaces" in result.stderr
    assert (project / "docs" / "index.md").read_text(encoding="utf-8") == "# Ours\n"
    assert not (project / "mkdocs.yml").exists()  # nothing written at all


def test_a_bad_repository_address_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    result = _init(tmp_path / "p", "--no-input", "--repository", "github.com/x")
    assert result.returncode == 2 and "is not a web address" in result.stderr
    assert not (tmp_path / "p").exists()


def test_this_repository_builds_with_the_settings_a_new_project_gets() -> None:
    """This repository is one such project: its mkdocs.yml differs from the template's only
    in its name and the pages it adds (the tool's own documentation)."""
    ours = _config(ROOT / "mkdocs.yml")
    template = _config_text(init.TEMPLATES / "mkdocs.yml")
    for key in ("theme", "plugins", "markdown_extensions", "validation", "extra_css",
                "extra_javascript", "docs_dir", "site_dir", "use_directory_urls"):
        assert ours[key] == template[key], key
    shared = {k: v for k, v in ours["extra"].items() if k in template["extra"]}
    assert shared.keys() == template["extra"].keys()
    assert {k: v for k, v in shared.items() if k not in ("organisation", "region")} \
        == {k: v for k, v in template["extra"].items() if k not in ("organisation", "region")}
    assert set(template["not_in_nav"].split()) <= set(ours["not_in_nav"].split())
    assert [entry for entry in ours["nav"] if entry in template["nav"]] == template["nav"]


def _config_text(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8").replace("$", "")
    config: dict[str, Any] = yaml.load(text, Loader=_Loader)
    return config


def test_any_name_is_written_as_typed_and_read_back_as_it_was(tmp_path: Path) -> None:
    """Names people type (an emoji, quotes, markup, accents) reach mkdocs.yml as they are, in a
    form every YAML reader takes (JSON's escapes would write an emoji as surrogates)."""
    name = 'Recovery 🌱 "Coalition" <b>Niños</b>'
    result = _init(tmp_path / "p", "--no-input", "--name", name, "--region", "Nuevo México")
    assert result.returncode == 0, result.stderr
    config = _config(tmp_path / "p" / "mkdocs.yml")
    assert config["copyright"] == f"Directory run by {name}"
    assert config["site_name"] == "Nuevo México IOP Program Finder"
