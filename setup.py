"""Build hook: the wheel carries the interface translations compiled from ``resources/i18n/*.ts`` to ``.qm`` by
Qt's ``lrelease`` (shipped with PySide6-Essentials, a build requirement). Everything else is in pyproject.toml."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def lrelease() -> str:
    """The lrelease program of the PySide6 installed for this build (or one on PATH)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(spec.origin).parent / name).is_file():
                return str(Path(spec.origin).parent / name)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        sys.exit("error: Qt's lrelease is needed to compile the translations: pip install PySide6-Essentials")
    return found


class BuildWithTranslations(build_py):
    """``build_py``, then ``lrelease`` over every ``.ts`` of the package into the build folder."""

    def run(self) -> None:
        super().run()
        sources = sorted(Path("resources", "i18n").glob("*.ts"))
        target = Path(self.build_lib, "resources", "i18n")
        target.mkdir(parents=True, exist_ok=True)
        for ts in sources:
            subprocess.run(
                [lrelease(), "-silent", str(ts), "-qm", str(target / ts.with_suffix(".qm").name)], check=True
            )


setup(cmdclass={"build_py": BuildWithTranslations})
