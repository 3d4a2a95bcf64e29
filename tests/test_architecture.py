"""Machine-checked layering (import-linter contracts in pyproject.toml): main -> cli | gui -> core.

The two faces never import each other, core imports neither, core and the CLI never import Qt or pyqtgraph, and no
package imports main.py. Each rule is also shown to catch a planted violation, so a weakened contract fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "cli", "gui")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the tree at ``root`` (its pyproject.toml, its packages first on the path)."""
    executable = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    return subprocess.run(
        [executable, "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_every_layering_contract_is_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("module", "imports", "broken"),
    [
        ("cli", "gui.theme", "cli is not allowed to import gui"),
        ("gui", "cli.commands", "gui is not allowed to import cli"),
        ("core", "cli.commands", "core is not allowed to import cli"),
        ("core", "gui.launch", "core is not allowed to import gui"),
        ("core", "PySide6.QtCore", "core is not allowed to import PySide6"),
        ("cli", "pyqtgraph", "cli is not allowed to import pyqtgraph"),
        ("cli", "superqt", "cli is not allowed to import superqt"),
        ("gui", "main", "gui is not allowed to import main"),
        ("core", "main", "core is not allowed to import main"),
    ],
)
def test_each_rule_catches_a_violation(tmp_path: Path, module: str, imports: str, broken: str) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "main.py", tmp_path)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    # Inside a function, like the lazy imports the code base uses: import-linter must see those too.
    (tmp_path / module / "planted_violation.py").write_text(f"def f() -> None:\n    import {imports}  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in result.stdout, result.stdout
