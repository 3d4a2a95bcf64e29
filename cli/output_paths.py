"""Where the CLI writes: checked before any work, so a wrong path never costs a benchmark or a render."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.errors import SpecError
from core.limits import shown

MAX_NAME_BYTES = 255  # the longest file name Linux file systems take


def _check_name(path: Path, option: str) -> None:
    if not str(path).strip() or any(not part.strip() for part in path.parts):
        raise SpecError(option, f"{str(path)!r} has a blank name", "give a path with visible characters, e.g. results")
    long = next((part for part in path.parts if len(os.fsencode(part)) > MAX_NAME_BYTES), None)
    if long is not None:
        raise SpecError(
            option, f"the name {shown(long)} is longer than {MAX_NAME_BYTES} bytes", "choose a shorter name"
        )


def _fail(option: str, what: str, error: OSError) -> SpecError:
    return SpecError(option, f"{what} ({error.strerror or error})", "choose a writable folder")


def ensure_folder(folder: Path, option: str = "out") -> Path:
    """``folder``, created if missing, if a file can really be written into it (a test file is created and
    removed: permission bits say nothing about /proc, or to root); otherwise a :class:`SpecError`."""
    _check_name(folder, option)
    try:
        if folder.exists() and not folder.is_dir():
            raise SpecError(option, f"{folder} is a file, not a folder", "choose a folder (it is created if missing)")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _fail(option, f"cannot create the folder {folder}", error) from None
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".linconv-write-test-"):
            pass
    except OSError as error:
        raise _fail(option, f"cannot write into the folder {folder}", error) from None
    return folder


def check_png_target(out: Path) -> Path:
    """``out`` if a PNG can be written there: a ``.png`` name whose folder is (or can be made) writable."""
    _check_name(out, "out")
    if out.suffix.lower() != ".png":
        raise SpecError("out", f"{out} is not a .png file name", "use e.g. --out shot.png")
    try:
        is_folder = out.is_dir()
    except OSError as error:
        raise _fail("out", f"cannot use {out}", error) from None
    if is_folder:
        raise SpecError("out", f"{out} is a folder", "give a file name, e.g. --out shot.png")
    ensure_folder(out.parent)
    return out
