"""Read a small JSON file a user handed us, safely: regular files only, a size cap before reading, one message.

Sessions and preset files share this: files over the cap are refused before reading; a pipe or a device never
blocks; numbers beyond what Python parses, nesting beyond its recursion limit and bytes that are not UTF-8 all
become one readable reason.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from core.i18n import tr
from core.memory import format_bytes

MAX_JSON_BYTES = 1 << 20


class JsonFileError(ValueError):
    """Why a file could not be read as JSON, in words (without the file's name: the caller adds it)."""


def read_json_file(path: Path, what: str, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """The JSON value in ``path`` (a ``what`` is a few KiB: e.g. "a session"); :class:`JsonFileError` says why not."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe would block forever, /dev/zero never end
            raise JsonFileError(tr("JSON files", "not a regular file"))
        size = status.st_size
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)
    except OSError as error:
        reason = error.strerror or error
        raise JsonFileError(tr("JSON files", "cannot read the file ({reason})").format(reason=reason)) from None
    if len(raw) > max_bytes:
        rule = tr("JSON files", "the file is {size}; {what} is a few KiB (at most {maximum} KiB)")
        raise JsonFileError(rule.format(size=format_bytes(size), what=what, maximum=max_bytes // 1024))
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        if isinstance(error, UnicodeDecodeError):
            reason = tr("JSON files", "the file is not UTF-8 text")
        elif isinstance(error, RecursionError):
            reason = tr("JSON files", "nested too deeply")
        elif "integer string conversion" in str(error):
            reason = tr("JSON files", "a number with thousands of digits")
        else:
            reason = str(error).splitlines()[0][:160]  # Python's own words (line and column numbers)
        raise JsonFileError(tr("JSON files", "cannot read JSON: {reason}").format(reason=reason)) from None
