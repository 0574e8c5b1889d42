"""The GitHub Pages workflow and the Netlify configuration: they parse, and they build the site
the way the docs say, with the least permissions."""

from __future__ import annotations

import tomllib
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"][job]["steps"]
    return found


def uses(job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_it_runs_on_pushes_to_main_and_on_demand() -> None:
    data = workflow()
    triggers = data["on"] if "on" in data else data[True]  # YAML 1.1 reads `on` as true
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers


def test_permissions_are_the_least_each_job_needs() -> None:
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    assert "permissions" not in data["jobs"]["build"]
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_build_installs_then_builds_strictly_for_the_pages_address() -> None:
    python = next(s for s in steps("build") if s.get("uses", "").startswith("actions/setup-"))
    assert python["with"]["python-version"] == "3.11"
    runs = [step["run"] for step in steps("build") if "run" in step]
    assert runs == ["pip install -r requirements.txt",
                    'iopdir build --strict --site-url "$SITE_URL"']
    build = next(s for s in steps("build") if s.get("run", "").startswith("iopdir build"))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert any(s.get("id") == "pages" and s["uses"].startswith("actions/configure-pages@")
               for s in steps("build"))


def test_the_built_site_is_uploaded_and_deployed() -> None:
    assert uses("build") == ["actions/checkout", "actions/setup-python",
                             "actions/configure-pages", "actions/upload-pages-artifact"]
    upload = next(s for s in steps("build") if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert uses("deploy") == ["actions/deploy-pages"]
    assert workflow()["jobs"]["deploy"]["needs"] == "build"
    assert workflow()["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_netlify_builds_the_site_into_its_publish_directory() -> None:
    config = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert config["build"]["publish"] == "site"
    assert config["build"]["command"] == (
        'pip install -r requirements.txt && iopdir build --strict --site-url "$URL"')
    assert config["build"]["environment"]["PYTHON_VERSION"] == "3.11"
