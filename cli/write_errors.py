"""A failed write as the CLI's one-line error (``error: out: cannot write PATH: reason; hint``, exit status 2)."""

from __future__ import annotations

from pathlib import Path

from core.atomic_write import describe_write_error
from core.errors import SpecError
from core.i18n import tr


def write_failed(path: Path, error: OSError, option: str = "out") -> SpecError:
    """``error``, raised while writing ``path`` (given with ``--out``), as the :class:`SpecError` the CLI prints."""
    return SpecError(
        option,
        describe_write_error(path, error),
        tr("CLI errors", "a previous file there is unchanged; choose a writable folder with free space"),
    )
