"""Build step: the wheel carries the files this repository keeps at its root.

The listing schemas and the files `iopdir init` gives a new project have one copy each, at the
root of this repository (which is itself a directory project). This copies the files named in
generator/project-files.txt into generator/bundled/ of the wheel; generator/model/resources.py
finds them there, or in the checkout of an editable install. Everything else is in
pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithProjectFiles(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout
            return
        target = Path(self.build_lib) / "generator" / "bundled"
        manifest = (ROOT / "generator" / "project-files.txt").read_text(encoding="utf-8")
        for pattern in (line.strip() for line in manifest.splitlines()):
            if not pattern or pattern.startswith("#"):
                continue
            for path in sorted(ROOT.glob(pattern)):
                if path.is_file():
                    copy = target / path.relative_to(ROOT)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, copy)


setup(cmdclass={"build_py": BuildWithProjectFiles})
