"""Sessions: a spec plus view settings, saved as JSON and validated on load (a broken file changes nothing)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.atomic_write import write_text_atomic
from core.errors import SpecError
from core.i18n import tr
from core.json_file import MAX_JSON_BYTES, JsonFileError, read_json_file
from core.limits import shown
from core.spec import LayerSpec, parse_spec
from core.validation import validate

FORMAT = "linconv-lab-session"
MAX_SESSION_BYTES = MAX_JSON_BYTES
VERSION = 1


@dataclass(frozen=True)
class Session:
    """What a saved session restores: the spec and free-form view settings (theme, zoom, current panel...)."""

    spec: LayerSpec
    view: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {"format": FORMAT, "version": VERSION, "spec": self.spec.to_dict(), "view": self.view}, indent=2
        )


def _fail(path: Path, rule: str) -> SpecError:
    name = path.name if path.name.isprintable() else repr(path.name)  # a newline in a name: still one line
    return SpecError(
        "session", f"{name}: {rule}", tr("Sessions", "nothing was changed; choose a session saved by LinConv Lab")
    )


def load_session(path: Path) -> Session:
    """Read and validate a session file; :class:`SpecError` says what is wrong and nothing is applied.

    Files over :data:`MAX_SESSION_BYTES` are refused before reading; numbers beyond what Python parses, nesting
    beyond its recursion limit and bytes that are not UTF-8 are all the same "cannot read" message.
    """
    try:
        data = read_json_file(path, tr("Sessions", "a session"), MAX_SESSION_BYTES)
    except JsonFileError as error:
        raise _fail(path, str(error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(
            path, tr("Sessions", 'not a LinConv Lab session (expected "format": "{format}")').format(format=FORMAT)
        )
    if type(data.get("version")) is not int or data["version"] != VERSION:  # true == 1 and 1.0 == 1 in Python
        rule = tr("Sessions", "unsupported version {version} (this app reads version {supported})")
        raise _fail(path, rule.format(version=shown(data.get("version")), supported=VERSION))
    if not isinstance(data.get("spec"), dict):
        raise _fail(path, tr("Sessions", "'spec' must be an object"))
    view = data.get("view", {})
    if not isinstance(view, dict):
        raise _fail(path, tr("Sessions", "'view' must be an object"))
    try:
        spec = parse_spec(data["spec"])
        validate(spec)
    except SpecError as error:
        raise _fail(path, tr("Sessions", "invalid spec: {error}").format(error=error)) from None
    return Session(spec, view)


def save_session(session: Session, path: Path) -> None:
    """Write ``session`` to ``path`` atomically: a failed save raises :class:`~core.atomic_write.WriteError` (an
    ``OSError`` naming the path and the reason) and leaves a previous file at ``path`` as it was."""
    write_text_atomic(path, session.to_json())
