"""A folder of files written all at once: every file goes to a hidden staging folder inside the target first, and
moves into place only when all of them are written.

Until :meth:`StagedFolder.commit` the target shows nothing new; a failure, a cancellation or an interrupt removes
the staging folder (and any folder the export created), so the target is as it was. ``commit`` moves the files
into place one ``os.replace`` at a time, keeping each previous file aside until every move succeeded, and puts them
back if one fails. A process killed outright can leave only the hidden staging folder (``.linconv-export-*``),
never a half-written file under a final name.

The export replaces its own files only: the names it writes, and the files an earlier export listed in its
manifest that this one no longer writes (``stale``); nothing else in the folder is touched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from core.atomic_write import WriteError

STAGING_PREFIX = ".linconv-export-"
BACKUP = ".previous"  # inside the staging folder: the files a commit replaced, until it succeeded
PROBE_NAME = "index.md"  # the file named when the folder refuses to hold any (the first one a reader looks for)
FILE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}(/[a-z0-9][a-z0-9._-]{0,99})?")
"""An export's file names: lower case, relative, at most one sub-folder deep (``sliding-frames/frame-000.png``)."""


def check_file_name(name: str) -> str:
    """``name`` if it is a safe relative file name for an export (see :data:`FILE_NAME`), else ValueError."""
    if FILE_NAME.fullmatch(name) is None:
        raise ValueError(f"not an export file name: {name!r}")
    return name


def _missing_folders(folder: Path) -> list[Path]:
    """The folders ``folder.mkdir(parents=True)`` would create, innermost first."""
    missing = []
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            break
        missing.append(candidate)
    return missing


def _remove_empty(folders: Iterable[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: never a file someone else put there meanwhile


class StagedFolder:
    """``with StagedFolder(folder) as staged:`` write each file to ``staged.path(name)``, then ``staged.commit``.

    Entering creates ``folder`` (and its parents) if missing and the staging folder inside it; a folder that cannot
    be made or written into raises :class:`~core.atomic_write.WriteError` with the reason before anything is
    written. Leaving without a commit removes everything entering created.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.staging = self.folder / STAGING_PREFIX  # set on entering
        self.committed = False
        self._created: list[Path] = []

    def __enter__(self) -> StagedFolder:
        self._created = _missing_folders(self.folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _remove_empty(self._created)
            raise WriteError(self.folder, error) from error
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.folder))
        except OSError as error:
            _remove_empty(self._created)
            raise WriteError(self.folder / PROBE_NAME, error) from error
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if not self.committed:
            _remove_empty(self._created)

    def path(self, name: str) -> Path:
        """Where to write file ``name`` (its sub-folder in the staging folder is created)."""
        path = self.staging / check_file_name(name)
        path.parent.mkdir(exist_ok=True)
        return path

    def _check_targets(self, names: Sequence[str]) -> None:
        """Refuse before moving anything when a folder is where a file goes, or a file where a sub-folder goes."""
        for name in names:
            target = self.folder / name
            if target.parent != self.folder and os.path.lexists(target.parent) and not target.parent.is_dir():
                raise WriteError(target, NotADirectoryError(errno.ENOTDIR, "not a folder", str(target.parent)))
            if target.is_dir() and not target.is_symlink():
                raise WriteError(target, IsADirectoryError(errno.EISDIR, "is a folder", str(target)))

    def commit(self, names: Sequence[str], stale: Iterable[str] = ()) -> list[Path]:
        """Move the staged files ``names`` into the folder, all or none; then remove the ``stale`` files (an earlier
        export's, that this one no longer writes). Returns the final paths."""
        self._check_targets(names)
        backup = self.staging / BACKUP
        moved: list[str] = []
        kept: list[str] = []
        made: list[Path] = []
        name = ""
        try:
            for name in names:
                target = self.folder / name
                if not target.parent.is_dir():
                    target.parent.mkdir()
                    made.append(target.parent)
                if os.path.lexists(target):
                    (backup / name).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, backup / name)
                    kept.append(name)
                os.replace(self.staging / name, target)
                moved.append(name)
        except OSError as error:
            for done in reversed(moved):
                with contextlib.suppress(OSError):
                    os.replace(self.folder / done, self.staging / done)
            for previous in reversed(kept):
                with contextlib.suppress(OSError):
                    os.replace(backup / previous, self.folder / previous)
            _remove_empty(made)
            raise WriteError(self.folder / name, error) from error
        self.committed = True
        self._remove_stale(set(stale) - set(names))
        with contextlib.suppress(OSError):  # the renames' own durability
            descriptor = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        return [self.folder / name for name in names]

    def _remove_stale(self, names: set[str]) -> None:
        for name in sorted(names):
            try:
                path = self.folder / check_file_name(name)
            except ValueError:
                continue  # a manifest that names something else is not followed
            if path.is_file() or path.is_symlink():
                with contextlib.suppress(OSError):
                    path.unlink()
                if path.parent != self.folder:
                    _remove_empty([path.parent])


def probe_folder(folder: Path) -> Path:
    """``folder`` if an export can be written there (it is created and removed again if it was missing); else a
    :class:`~core.atomic_write.WriteError` with the reason. Leaves nothing behind."""
    with StagedFolder(folder):
        pass
    return Path(folder)
