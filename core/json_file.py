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

from core.memory import format_bytes

MAX_JSON_BYTES = 1 << 20


class JsonFileError(ValueError):
    """Why a file could not be read as JSON, in words (without the file's name: the caller adds it)."""


def read_json_file(path: Path, what: str, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """The JSON value in ``path`` (a ``what`` is a few KiB: e.g. "a session"); :class:`JsonFileError` says why not."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe would block forever, /dev/zero never end
            raise JsonFileError("not a regular file")
        size = status.st_size
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)
    except OSError as error:
        raise JsonFileError(f"cannot read the file ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise JsonFileError(f"the file is {format_bytes(size)}; {what} is a few KiB (at most {max_bytes // 1024} KiB)")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        if isinstance(error, UnicodeDecodeError):
            reason = "the file is not UTF-8 text"
        elif isinstance(error, RecursionError):
            reason = "nested too deeply"
        elif "integer string conversion" in str(error):
            reason = "a number with thousands of digits"
        else:
            reason = str(error).splitlines()[0][:160]
        raise JsonFileError(f"cannot read JSON: {reason}") from None
