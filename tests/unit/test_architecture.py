"""The package's shape: stages import only earlier stages, and only the adapter imports MkDocs.

Read from the source with `ast`, so a new module is covered the day it is added.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"

# The order a listing passes through. A module may import its own stage and earlier ones.
STAGES = {
    "model": 0,
    "load": 1,
    "finder": 2, "opendata": 2,
    "pages": 3,
    "output": 4,
    "importers": 5, "authoring": 5,
    "adapter": 6,
    "cli": 7, "__main__": 7,
}
MKDOCS = ("mkdocs", "material")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _stage(path: Path) -> str:
    """`generator/load/catalog.py` is in stage 'load'; `generator/cli.py` in 'cli'."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every module this file imports, `from x import y` as `x.y`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _stage_of_import(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in STAGES else None  # generator.__version__ and the like


def test_every_module_belongs_to_a_known_stage() -> None:
    stages = {_stage(path) for path in _modules()} - {"__init__"}
    assert stages <= set(STAGES), f"new top-level module or package: add it to STAGES: {stages}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_from_a_later_stage(path: Path) -> None:
    own = _stage(path)
    if own == "__init__":
        return
    later = [f"line {line}: {name}" for line, name in _imports(path)
             if (target := _stage_of_import(name)) is not None and STAGES[target] > STAGES[own]]
    assert later == [], f"{path.relative_to(ROOT)} ({own}) imports a later stage: {later}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_adapter_imports_mkdocs(path: Path) -> None:
    if _stage(path) == "adapter":
        return
    found = [f"line {line}: {name}" for line, name in _imports(path)
             if name.split(".")[0] in MKDOCS]
    assert found == [], f"{path.relative_to(ROOT)} imports MkDocs outside generator/adapter/"


def test_the_checks_see_imports() -> None:
    """The walk finds what it is meant to find, so the tests above can fail."""
    plugin = _imports(PACKAGE / "adapter" / "plugin.py")
    assert any(name.startswith("mkdocs.") for _, name in plugin)
    cli = [name for _, name in _imports(PACKAGE / "cli.py")]
    assert any(_stage_of_import(name) == "load" for name in cli)
