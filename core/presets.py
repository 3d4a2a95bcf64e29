"""Presets: named, explained specs stored as JSON in ``resources/presets``, validated on load.

The directory is a :class:`~importlib.resources.abc.Traversable` (a plain :class:`~pathlib.Path` is one too), so
presets load the same from a checkout and from an installed wheel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import PurePath
from typing import Any

from core.errors import SpecError
from core.limits import shown
from core.resources import resource
from core.spec import LayerSpec, parse_spec
from core.validation import validate

PRESET_DIR = resource("presets")
PRESET_SUFFIX = ".json"
PRESET_KEYS = {"title", "explanation", "spec", "expect", "related"}
RELATED_KEYS = {"label", "spec", "expect"}


@dataclass(frozen=True)
class RelatedSpec:
    """A variant shown beside a preset (e.g. without bias), as overrides of the preset's spec."""

    label: str
    spec: LayerSpec
    expect: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Preset:
    """A named spec with a short explanation of what it shows.

    ``expect`` holds facts the explanation states (keys of ``inspect --json``); the tests check them.
    """

    name: str
    title: str
    explanation: str
    spec: LayerSpec
    expect: dict[str, Any] = field(default_factory=dict)
    related: tuple[RelatedSpec, ...] = ()


def _preset_name(file: Traversable) -> str:
    return PurePath(file.name).stem


def _fail(file: Traversable, rule: str) -> SpecError:
    return SpecError("preset", f"{_preset_name(file)}: {rule}", f"fix {file}")


def _parse_preset(file: Traversable, data: Any) -> Preset:
    if not isinstance(data, dict):
        raise _fail(file, "the file must hold a JSON object")
    missing = {"title", "explanation", "spec"} - set(data)
    unknown = set(data) - PRESET_KEYS
    if missing or unknown:
        raise _fail(file, f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    if not isinstance(data["spec"], dict):
        raise _fail(file, "'spec' must be an object of spec fields")
    try:
        spec = parse_spec(data["spec"])
        validate(spec)
        related = []
        for item in data.get("related", []):
            if not isinstance(item, dict) or set(item) - RELATED_KEYS or "label" not in item:
                raise _fail(file, f"each 'related' entry needs 'label' and 'spec' only, got {shown(item)}")
            variant = spec.replace(**item.get("spec", {}))
            validate(variant)
            related.append(RelatedSpec(str(item["label"]), variant, dict(item.get("expect", {}))))
    except SpecError as error:
        if error.parameter == "preset":
            raise
        raise _fail(file, f"invalid spec: {error}") from None
    return Preset(
        name=_preset_name(file),
        title=str(data["title"]),
        explanation=str(data["explanation"]),
        spec=spec,
        expect=dict(data.get("expect", {})),
        related=tuple(related),
    )


def load_preset_file(file: Traversable) -> Preset:
    """Read and validate one preset file; :class:`SpecError` says what is wrong with it."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _fail(file, f"cannot read JSON ({error})") from None
    return _parse_preset(file, data)


def preset_names(directory: Traversable = PRESET_DIR) -> list[str]:
    """Names of the stored presets (file names without ``.json``), sorted."""
    return sorted(_preset_name(f) for f in directory.iterdir() if f.name.endswith(PRESET_SUFFIX) and f.is_file())


def load_preset(name: str, directory: Traversable = PRESET_DIR) -> Preset:
    """The preset called ``name``; an unknown name lists the known ones. A name is never a path: only the
    names :func:`preset_names` lists are opened."""
    names = preset_names(directory)
    if not name.strip():
        raise SpecError("preset", "the name is empty", f"known presets: {', '.join(names)}")
    if name not in names:
        raise SpecError("preset", f"no preset named {shown(name)}", f"known presets: {', '.join(names)}")
    return load_preset_file(directory.joinpath(name + PRESET_SUFFIX))


def load_all_presets(directory: Traversable = PRESET_DIR) -> list[Preset]:
    """Every stored preset, validated."""
    return [load_preset(name, directory) for name in preset_names(directory)]
