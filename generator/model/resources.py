"""Where the files this repository keeps at its root are, in a wheel or in a checkout.

The listing schemas (`schema/`) and the files `iopdir init` gives a new project (workflows,
editor settings, a sample listing) each have one copy, at the root of this repository, where
GitHub, editors and people look for them. A wheel carries them under `generator/bundled/`
(setup.py copies the files named in `generator/project-files.txt`); a checkout installed with
`pip install -e .` reads them where they are.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
BUNDLED = PACKAGE / "bundled"
CHECKOUT = PACKAGE.parent
MANIFEST = PACKAGE / "project-files.txt"


def root() -> Path:
    """The wheel's copy when there is one, else the checkout the package runs from."""
    return BUNDLED if BUNDLED.is_dir() else CHECKOUT


def schema_path(name: str) -> Path:
    """`schema/NAME`, such as provider.schema.json."""
    return root() / "schema" / name


@lru_cache(maxsize=1)
def project_files() -> dict[str, Path]:
    """{path relative to a project's root: file} of every file the manifest names."""
    base = root()
    found: dict[str, Path] = {}
    for pattern in patterns():
        for path in sorted(base.glob(pattern)):
            if path.is_file():
                found[path.relative_to(base).as_posix()] = path
    return found


def patterns() -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
