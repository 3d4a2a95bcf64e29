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
from core.i18n import tr
from core.limits import shown
from core.resources import resource
from core.spec import LayerSpec, parse_spec
from core.story import StoryStep, parse_steps
from core.validation import validate

PRESET_DIR = resource("presets")
PRESET_SUFFIX = ".json"
PRESET_KEYS = {"title", "explanation", "spec", "expect", "related", "related_total", "order", "steps"}
UNORDERED = 1000  # presets without an "order" (a user's) come after the built-in teaching order
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

    ``expect`` holds facts the explanation states (keys of ``inspect --json``); the tests check them. ``steps`` is
    the guided story; ``order`` its place in the teaching order (simplest first); ``related_total`` labels the sum
    of the related variants (e.g. a 1x3 then 3x1 pair beside the 3x3 it replaces).
    """

    name: str
    title: str
    explanation: str
    spec: LayerSpec
    expect: dict[str, Any] = field(default_factory=dict)
    related: tuple[RelatedSpec, ...] = ()
    steps: tuple[StoryStep, ...] = ()
    order: int = UNORDERED
    related_total: str | None = None


def claim_names() -> tuple[str, ...]:
    """The claims a story step may run. Imported only when a step names one: the claims bring torch, and
    listing presets or refusing a typo stays instant without it."""
    from core.claims import CLAIMS

    return CLAIMS.names


def _preset_name(file: Traversable) -> str:
    return PurePath(file.name).stem


def _fail(file: str, rule: str) -> SpecError:
    return SpecError("preset", f"{PurePath(file).stem}: {rule}", tr("Preset files", "fix {file}").format(file=file))


def parse_preset(name: str, file: str, data: Any) -> Preset:
    """Validate a preset's JSON value (``file`` names it in messages); :class:`SpecError` says what is wrong."""
    if not isinstance(data, dict):
        raise _fail(file, tr("Preset files", "the file must hold a JSON object"))
    missing = {"title", "explanation", "spec"} - set(data)
    unknown = set(data) - PRESET_KEYS
    if missing or unknown:
        rule = tr("Preset files", "missing keys {missing}, unknown keys {unknown}")
        raise _fail(file, rule.format(missing=sorted(missing), unknown=sorted(unknown)))
    if not isinstance(data["spec"], dict):
        raise _fail(file, tr("Preset files", "'spec' must be an object of spec fields"))
    order = data.get("order", UNORDERED)
    if isinstance(order, bool) or not isinstance(order, int) or not 0 <= order <= UNORDERED:
        rule = tr("Preset files", "'order' must be a whole number 0..{maximum}, got {value}")
        raise _fail(file, rule.format(maximum=UNORDERED, value=shown(order)))
    total = data.get("related_total")
    if total is not None and (not isinstance(total, str) or not total.strip()):
        raise _fail(file, tr("Preset files", "'related_total' must be a label, got {value}").format(value=shown(total)))
    try:
        steps = parse_steps(data["steps"], claim_names) if "steps" in data else ()
    except SpecError as error:
        raise _fail(file, tr("Preset files", "invalid story: {error}").format(error=error)) from None
    try:
        spec = parse_spec(data["spec"])
        validate(spec)
        related = []
        for item in data.get("related", []):
            if not isinstance(item, dict) or set(item) - RELATED_KEYS or "label" not in item:
                rule = tr("Preset files", "each 'related' entry needs 'label' and 'spec' only, got {value}")
                raise _fail(file, rule.format(value=shown(item)))
            variant = spec.replace(**item.get("spec", {}))
            validate(variant)
            related.append(RelatedSpec(str(item["label"]), variant, dict(item.get("expect", {}))))
    except SpecError as error:
        if error.parameter == "preset":
            raise
        raise _fail(file, tr("Preset files", "invalid spec: {error}").format(error=error)) from None
    return Preset(
        name=name,
        title=str(data["title"]),
        explanation=str(data["explanation"]),
        spec=spec,
        expect=dict(data.get("expect", {})),
        related=tuple(related),
        steps=steps,
        order=order,
        related_total=total,
    )


def load_preset_file(file: Traversable) -> Preset:
    """Read and validate one preset file; :class:`SpecError` says what is wrong with it."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _fail(str(file), tr("Preset files", "cannot read JSON ({error})").format(error=error)) from None
    return parse_preset(_preset_name(file), str(file), data)


def preset_names(directory: Traversable = PRESET_DIR) -> list[str]:
    """Names of the stored presets (file names without ``.json``), sorted."""
    return sorted(_preset_name(f) for f in directory.iterdir() if f.name.endswith(PRESET_SUFFIX) and f.is_file())


def load_preset(name: str, directory: Traversable = PRESET_DIR) -> Preset:
    """The preset called ``name``; an unknown name lists the known ones. A name is never a path: only the
    names :func:`preset_names` lists are opened."""
    names = preset_names(directory)
    known = tr("Preset files", "known presets: {names}").format(names=", ".join(names))
    if not name.strip():
        raise SpecError("preset", tr("Preset files", "the name is empty"), known)
    if name not in names:
        raise SpecError("preset", tr("Preset files", "no preset named {name}").format(name=shown(name)), known)
    return load_preset_file(directory.joinpath(name + PRESET_SUFFIX))


def load_all_presets(directory: Traversable = PRESET_DIR) -> list[Preset]:
    """Every stored preset, validated, in teaching order (simplest first)."""
    presets = [load_preset(name, directory) for name in preset_names(directory)]
    return sorted(presets, key=lambda p: (p.order, p.name))
