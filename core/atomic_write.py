"""Atomic file writes: every file the app writes goes through :func:`atomic_target`.

The data goes to a hidden temporary file in the final file's folder (``.bench.json.<random>.tmp.json``: the
suffix stays at the end, so writers that choose the format by suffix still work), is flushed and fsynced, then
renamed onto the final name, and the folder is fsynced. Until the rename the final name keeps its previous
content; a write that fails (or is interrupted) removes its temporary file. A process killed outright (SIGKILL,
power loss) can leave a hidden temporary file behind, never a truncated file under the final name.

A failed write raises :class:`WriteError`, an :class:`OSError` whose message is one sentence naming the final path
and the reason (:func:`describe_write_error`), so the command line and the window say the same thing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from core.i18n import tr

_NAME_TRIES = 100


class WriteError(OSError):
    """A file could not be written. ``str()`` is one sentence: ``cannot write PATH: reason``."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = Path(path)
        self.sentence = describe_write_error(self.path, error)
        super().__init__(error.errno, self.sentence)

    def __str__(self) -> str:
        return self.sentence


def describe_write_error(path: Path, error: OSError) -> str:
    """``error`` (raised while writing ``path``) as one readable sentence, e.g.
    ``cannot write /x/y.png: the folder /x does not exist``."""
    if isinstance(error, WriteError):
        return error.sentence
    return tr("File writes", "cannot write {path}: {reason}").format(path=path, reason=_reason(Path(path), error))


def _file_in_the_way(path: Path) -> Path | None:
    """``path`` or the nearest of its folders that exists but is not a folder."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def _reason(path: Path, error: OSError) -> str:
    code, folder = error.errno, path.parent
    if code in (errno.ENOTDIR, errno.EEXIST):
        blocker = _file_in_the_way(path)
        if blocker == path:
            return tr("File writes", "it is a file, not a folder")
        if blocker is not None:
            return tr("File writes", "{path} is a file, not a folder").format(path=blocker)
    if code == errno.ENOENT and not folder.is_dir():
        return tr("File writes", "the folder {folder} does not exist").format(folder=folder)
    if code == errno.EISDIR or (code in (errno.EEXIST, errno.EACCES, errno.EPERM) and path.is_dir()):
        return tr("File writes", "it is a folder")
    if code in (errno.EACCES, errno.EPERM):
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            return tr("File writes", "permission denied (the folder {folder} is not writable)").format(folder=folder)
        return tr("File writes", "permission denied")
    if code == errno.EROFS:
        return tr("File writes", "the file system is read-only")
    if code == errno.ENOSPC:
        return tr("File writes", "no space left on the device")
    if code == errno.EDQUOT:
        return tr("File writes", "the disk quota is exceeded")
    if code == errno.EFBIG:
        return tr("File writes", "the file is too large (a file-size limit was reached)")
    return error.strerror or str(error) or type(error).__name__  # the system's own words


def _create_temp(final: Path) -> Path:
    """A new, empty temporary file next to ``final`` (created with the default permissions: 0666 minus umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_NAME_TRIES):
        temp = final.parent / f".{final.name}.{secrets.token_hex(4)}.tmp{final.suffix}"
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(final.parent))


def _keep_mode(final: Path, temp: Path) -> None:
    """An existing file's permission bits carry over to its replacement."""
    try:
        mode = final.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode):
        os.chmod(temp, stat.S_IMODE(mode))


def _fsync_path(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` to write into; on success it replaces ``path`` atomically.

    On any exception in the block (``KeyboardInterrupt`` too) the temporary file is removed and ``path`` keeps its
    previous content; an :class:`OSError` is re-raised as :class:`WriteError` naming ``path``.
    """
    path = Path(path)
    final = Path(os.path.realpath(path)) if path.is_symlink() else path  # write through a link, keep the link
    try:
        temp = _create_temp(final)
    except OSError as error:
        raise WriteError(path, error) from error
    try:
        _keep_mode(final, temp)
        yield temp
        _fsync_path(temp, os.O_RDONLY)  # whoever wrote the file closed it: flush what the kernel still holds
        os.replace(temp, final)
    except BaseException as error:
        _remove(temp)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise WriteError(path, error) from error
        raise
    with contextlib.suppress(OSError):  # the rename's own durability; some file systems refuse a folder fsync
        _fsync_path(final.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_target`); return ``path``."""
    with atomic_target(path) as temp, open(temp, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    return Path(path)


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_target`); return ``path``."""
    return write_bytes_atomic(path, text.encode(encoding))


def make_folder(folder: Path) -> Path:
    """``folder``, created with its parents if missing; a :class:`WriteError` if that is impossible."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(folder, error) from error
    return folder
