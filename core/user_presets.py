"""A user's own presets: the current spec saved under a name, reloaded, and shared as a file.

A user preset is the same JSON as a built-in one (title, explanation, spec), read by the same validating parser, so
a shared file that would not load as a built-in preset does not load here either. Files are written atomically.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from core.atomic_write import write_text_atomic
from core.errors import SpecError
from core.i18n import tr
from core.json_file import JsonFileError, read_json_file
from core.limits import shown
from core.presets import PRESET_SUFFIX, Preset, parse_preset
from core.spec import LayerSpec
from core.validation import validate

NAME_RULE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
MAX_TITLE = 120
MAX_EXPLANATION = 2000


@dataclass(frozen=True)
class UserPresets:
    """The presets found in a folder, and one line per file that could not be read (shown, not fatal)."""

    presets: tuple[Preset, ...]
    problems: tuple[str, ...]


def check_name(name: str, taken: Collection[str]) -> str:
    """``name`` if it is a valid, free preset name (lower-case letters, digits and dashes, up to 40)."""
    if NAME_RULE.fullmatch(name) is None:
        raise SpecError(
            "preset name",
            tr("User presets", "{name} is not a preset name").format(name=shown(name)),
            tr(
                "User presets",
                "use 1-40 lower-case letters, digits and dashes, starting with a letter or digit (e.g. my-conv)",
            ),
        )
    if name in taken:
        raise SpecError(
            "preset name",
            tr("User presets", "{name} is already a built-in preset").format(name=name),
            tr("User presets", "choose another name"),
        )
    return name


def preset_text(title: str, explanation: str, spec: LayerSpec) -> str:
    """The JSON of a preset for ``spec`` (validated first: an invalid spec is never saved)."""
    validate(spec)
    title, explanation = title.strip(), explanation.strip()
    if not title or len(title) > MAX_TITLE:
        raise SpecError(
            "preset title",
            tr("User presets", "the title is empty or too long"),
            tr("User presets", "use 1-{maximum} characters").format(maximum=MAX_TITLE),
        )
    if len(explanation) > MAX_EXPLANATION:
        raise SpecError(
            "preset explanation",
            tr("User presets", "the explanation is too long"),
            tr("User presets", "use at most {maximum}").format(maximum=MAX_EXPLANATION),
        )
    data = {"title": title, "explanation": explanation or title, "spec": spec.to_dict()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def save_user_preset(
    folder: Path, name: str, title: str, explanation: str, spec: LayerSpec, taken: Collection[str]
) -> Path:
    """Write preset ``name`` into ``folder`` (created if needed); returns the file written."""
    text = preset_text(title, explanation, spec)
    path = folder / (check_name(name, taken) + PRESET_SUFFIX)
    folder.mkdir(parents=True, exist_ok=True)
    return write_text_atomic(path, text)


def read_preset_file(path: Path, taken: Collection[str] = frozenset()) -> Preset:
    """A preset file someone shared: size-capped, parsed and validated like a built-in; :class:`SpecError` if not."""
    name = path.name if path.name.isprintable() else repr(path.name)
    try:
        data = read_json_file(path, tr("User presets", "a preset"))
    except JsonFileError as error:
        raise SpecError(
            "preset", f"{name}: {error}", tr("User presets", "choose a preset file saved by LinConv Lab")
        ) from None
    check_name(Path(path.name).stem, taken)
    return parse_preset(Path(path.name).stem, str(path), data)


def load_user_presets(folder: Path, taken: Collection[str]) -> UserPresets:
    """Every ``*.json`` preset in ``folder`` (none if it does not exist), sorted by name."""
    presets, problems = [], []
    files = sorted(folder.glob("*" + PRESET_SUFFIX)) if folder.is_dir() else []
    for file in files:
        try:
            presets.append(read_preset_file(file, taken))
        except SpecError as error:
            problems.append(str(error))
    return UserPresets(tuple(presets), tuple(problems))
