"""Where the CLI writes: checked before any work, so a wrong path never costs a benchmark or a render."""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import SpecError


def _check_not_blank(path: Path, option: str) -> None:
    if not str(path).strip() or any(not part.strip() for part in path.parts):
        raise SpecError(option, f"{str(path)!r} has a blank name", "give a path with visible characters, e.g. results")


def ensure_folder(folder: Path, option: str = "out") -> Path:
    """``folder``, created if missing, if files can be written into it; otherwise a :class:`SpecError`."""
    _check_not_blank(folder, option)
    if folder.exists() and not folder.is_dir():
        raise SpecError(option, f"{folder} is a file, not a folder", "choose a folder (it is created if missing)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SpecError(option, f"cannot create the folder {folder} ({reason})", "choose a writable folder") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SpecError(option, f"the folder {folder} is not writable", "choose a writable folder")
    return folder


def check_png_target(out: Path) -> Path:
    """``out`` if a PNG can be written there: a ``.png`` name whose folder is (or can be made) writable."""
    _check_not_blank(out, "out")
    if out.suffix.lower() != ".png":
        raise SpecError("out", f"{out} is not a .png file name", "use e.g. --out shot.png")
    if out.is_dir():
        raise SpecError("out", f"{out} is a folder", "give a file name, e.g. --out shot.png")
    ensure_folder(out.parent)
    return out
