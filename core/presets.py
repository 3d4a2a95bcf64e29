"""Presets: named, explained specs stored as JSON in ``resources/presets``, validated on load."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import SpecError
from core.resources import resource_path
from core.spec import LayerSpec, parse_spec
from core.validation import validate

PRESET_DIR = resource_path("presets")
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


def _fail(name: str, rule: str) -> SpecError:
    return SpecError("preset", f"{name}: {rule}", f"fix {PRESET_DIR / (name + '.json')}")


def _parse_preset(name: str, data: Any) -> Preset:
    if not isinstance(data, dict):
        raise _fail(name, "the file must hold a JSON object")
    missing = {"title", "explanation", "spec"} - set(data)
    unknown = set(data) - PRESET_KEYS
    if missing or unknown:
        raise _fail(name, f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    if not isinstance(data["spec"], dict):
        raise _fail(name, "'spec' must be an object of spec fields")
    try:
        spec = parse_spec(data["spec"])
        validate(spec)
        related = []
        for item in data.get("related", []):
            if not isinstance(item, dict) or set(item) - RELATED_KEYS or "label" not in item:
                raise _fail(name, f"each 'related' entry needs 'label' and 'spec' only, got {item!r}")
            variant = spec.replace(**item.get("spec", {}))
            validate(variant)
            related.append(RelatedSpec(str(item["label"]), variant, dict(item.get("expect", {}))))
    except SpecError as error:
        if error.parameter == "preset":
            raise
        raise _fail(name, f"invalid spec: {error}") from None
    return Preset(
        name=name,
        title=str(data["title"]),
        explanation=str(data["explanation"]),
        spec=spec,
        expect=dict(data.get("expect", {})),
        related=tuple(related),
    )


def load_preset_file(path: Path) -> Preset:
    """Read and validate one preset file; :class:`SpecError` says what is wrong with it."""
    name = path.stem
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _fail(name, f"cannot read JSON ({error})") from None
    return _parse_preset(name, data)


def preset_names(directory: Path = PRESET_DIR) -> list[str]:
    """Names of the stored presets, sorted."""
    return sorted(p.stem for p in directory.glob("*.json"))


def load_preset(name: str, directory: Path = PRESET_DIR) -> Preset:
    """The preset called ``name``; an unknown name lists the known ones."""
    path = directory / f"{name}.json"
    if not path.is_file():
        raise SpecError("preset", f"no preset named {name!r}", f"known presets: {', '.join(preset_names(directory))}")
    return load_preset_file(path)


def load_all_presets(directory: Path = PRESET_DIR) -> list[Preset]:
    """Every stored preset, validated."""
    return [load_preset(name, directory) for name in preset_names(directory)]
