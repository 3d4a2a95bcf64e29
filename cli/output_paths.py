"""Where the CLI writes: checked before any work, so a wrong path never costs a benchmark or a render."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.errors import SpecError
from core.i18n import tr
from core.limits import shown

MAX_NAME_BYTES = 255  # the longest file name Linux file systems take


def _check_name(path: Path, option: str) -> None:
    if not str(path).strip() or any(not part.strip() for part in path.parts):
        raise SpecError(
            option,
            tr("CLI output paths", "{path} has a blank name").format(path=repr(str(path))),
            tr("CLI output paths", "give a path with visible characters, e.g. results"),
        )
    long = next((part for part in path.parts if len(os.fsencode(part)) > MAX_NAME_BYTES), None)
    if long is not None:
        rule = tr("CLI output paths", "the name {name} is longer than {limit} bytes")
        raise SpecError(
            option, rule.format(name=shown(long), limit=MAX_NAME_BYTES), tr("CLI output paths", "choose a shorter name")
        )


def _fail(option: str, what: str, error: OSError) -> SpecError:
    rule = tr("CLI output paths", "{what} ({reason})").format(what=what, reason=error.strerror or error)
    return SpecError(option, rule, tr("CLI output paths", "choose a writable folder"))


def ensure_folder(folder: Path, option: str = "out") -> Path:
    """``folder``, created if missing, if a file can really be written into it (a test file is created and
    removed: permission bits say nothing about /proc, or to root); otherwise a :class:`SpecError`."""
    _check_name(folder, option)
    try:
        if folder.exists() and not folder.is_dir():
            raise SpecError(
                option,
                tr("CLI output paths", "{folder} is a file, not a folder").format(folder=folder),
                tr("CLI output paths", "choose a folder (it is created if missing)"),
            )
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        what = tr("CLI output paths", "cannot create the folder {folder}").format(folder=folder)
        raise _fail(option, what, error) from None
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".linconv-write-test-"):
            pass
    except OSError as error:
        what = tr("CLI output paths", "cannot write into the folder {folder}").format(folder=folder)
        raise _fail(option, what, error) from None
    return folder


def check_png_target(out: Path) -> Path:
    """``out`` if a PNG can be written there: a ``.png`` name whose folder is (or can be made) writable."""
    _check_name(out, "out")
    if out.suffix.lower() != ".png":
        raise SpecError(
            "out",
            tr("CLI output paths", "{out} is not a .png file name").format(out=out),
            tr("CLI output paths", "use e.g. --out shot.png"),
        )
    try:
        is_folder = out.is_dir()
    except OSError as error:
        raise _fail("out", tr("CLI output paths", "cannot use {out}").format(out=out), error) from None
    if is_folder:
        raise SpecError(
            "out",
            tr("CLI output paths", "{out} is a folder").format(out=out),
            tr("CLI output paths", "give a file name, e.g. --out shot.png"),
        )
    ensure_folder(out.parent)
    return out
