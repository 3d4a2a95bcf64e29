"""The app installs like an application: build the wheel offline, check what it holds, install it into a fresh venv
outside the checkout and run the ``linconv-lab`` command from an unrelated directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "cli", "gui")  # with every sub-package
PRESET_FILES = sorted((ROOT / "resources" / "presets").glob("*.json"))
SOURCES = ("pyproject.toml", "setup.py", "README.md", "main.py", "core", "cli", "gui", "resources", "tests", "bench")


def clean_env() -> dict[str, str]:
    """This environment without anything that would put the checkout on the import path."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the checkout (the build leaves build/ and *.egg-info behind) without the
    compiled translations: the build must make them."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name, ignore=shutil.ignore_patterns("__pycache__", "results", "*.qm"))
        else:
            shutil.copy(item, source / name)
    out = tmp_path_factory.mktemp("wheel")
    build = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", ".", "-w", out, cwd=source)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("linconv_lab-*.whl")
    return wheel


def test_wheel_holds_the_app_and_its_presets_only(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected_code = {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "__pycache__" not in path.parts
    } | {"main.py", "resources/__init__.py"}
    assert {f"{package}/__init__.py" for package in ("core", "core/bench", "cli", "gui")} <= expected_code
    assert {name for name in names if name.endswith(".py")} == expected_code
    presets = {f"resources/presets/{path.name}" for path in PRESET_FILES}
    assert presets and presets <= names
    assert not [name for name in names if "screenshot" in name.lower() and name.startswith("resources")]
    sources = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
    assert sources and {f"resources/i18n/{ts.stem}.qm" for ts in sources} <= names  # compiled by the build
    fonts = {f"resources/fonts/NotoSansSC-LinConv-{face}.otf" for face in ("Regular", "Bold")}
    assert fonts | {"resources/fonts/OFL.txt"} <= names
    assert not [name for name in names if name.endswith(".png")]
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]" in scripts and "linconv-lab = main:run" in scripts
    (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    requires = [
        line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines() if line.startswith("Requires-")
    ]
    assert "Requires-Python: >=3.11" in requires
    assert "Requires-Dist: torch>=2.1" in requires  # never a pin: users keep their own torch 2.x
    pyside = sorted(line for line in requires if "PySide6" in line)
    assert len(pyside) == 2 and "<6.12" in pyside[0] and 'python_version < "3.12"' in pyside[0]
    assert "<" not in pyside[1].split(";")[0] and 'python_version >= "3.12"' in pyside[1]


def test_installed_command_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    created = run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    install = run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=tmp_path
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # The dependencies (torch, numpy, ...) come from this project's venv. A plain path line in a .pth file does not
    # run that directory's own .pth files, so the checkout's editable-install finder stays out.
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).stdout.strip()
    (Path(purelib) / "linconv_lab_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listing = run(venv / "bin" / "linconv-lab", "presets", cwd=elsewhere)
    assert listing.returncode == 0, listing.stderr
    for path in PRESET_FILES:
        assert f"\n{path.stem} " in listing.stdout
    assert "use: linconv-lab inspect --preset NAME" in listing.stdout
    chinese = run(venv / "bin" / "linconv-lab", "presets", "--lang", "zh_CN", cwd=elsewhere)
    assert chinese.returncode == 0, chinese.stderr
    assert "Linear(4, 2) 就是 4 个通道上的 1x1 卷积" in chinese.stdout  # the catalogues travel in the wheel

    code = "import cli, core, main, resources; print(cli.__file__, core.__file__, main.__file__, resources.__file__)"
    where = run(python, "-c", code, cwd=elsewhere)
    assert where.returncode == 0, where.stderr
    files = [Path(f).resolve() for f in where.stdout.split()]
    assert len(files) == 4 and all(f.is_relative_to(venv.resolve()) for f in files), files
