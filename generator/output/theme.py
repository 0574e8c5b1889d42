"""The theme the package carries: template overrides (crisis bar, quick exit, JSON-LD, 404 page),
scripts, styles, the favicon and the finder page. They ship inside the package, so a directory
made outside this repository gets them too; a project's own docs/ file of the same path
replaces a built-in one, and its own theme `custom_dir` comes before the built-in overrides.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "theme"
OVERRIDES = ROOT / "overrides"
DOCS = ROOT / "docs"


def builtin_docs() -> dict[str, Path]:
    """{docs-relative path: file} of every built-in docs file (pages, scripts, styles, images)."""
    return {path.relative_to(DOCS).as_posix(): path
            for path in sorted(DOCS.rglob("*")) if path.is_file()}
