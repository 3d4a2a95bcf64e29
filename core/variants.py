"""A preset beside its related variants (with and without bias, a 1x3 then 3x1 pair beside the 3x3 it replaces).

One table serves the window's Compare panel and ``inspect --preset``: each variant's conv parameters, multiply-adds,
output shape and receptive field, computed by :func:`core.inspect_report.inspect_spec` (pure Python, instant).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.catalogue import PRESET_CONTEXT
from core.i18n import tr
from core.inspect_report import inspect_spec
from core.memory import DEFAULT_BUDGET_BYTES
from core.presets import Preset
from core.spec import LayerSpec
from core.validation import validate


@dataclass(frozen=True)
class Variant:
    """One column of the comparison; ``spec`` is None for a total (the sum of the related variants)."""

    label: str
    spec: LayerSpec | None
    params: int
    macs: int
    output_shape: tuple[int, ...]
    receptive_field: tuple[int, ...]


def _variant(label: str, spec: LayerSpec, budget_bytes: int) -> Variant:
    report = inspect_spec(validate(spec, budget_bytes))
    return Variant(
        label,
        spec,
        report.params["conv"],
        report.macs["conv"],
        tuple(report.output_shape),
        tuple(report.receptive_field),
    )


def _total(label: str, parts: list[Variant]) -> Variant:
    """Layers applied one after the other: counts add, receptive fields grow by (r - 1) per layer."""
    field = [1] * len(parts[0].receptive_field)
    for part in parts:
        field = [f + r - 1 for f, r in zip(field, part.receptive_field, strict=True)]
    return Variant(
        label, None, sum(p.params for p in parts), sum(p.macs for p in parts), parts[-1].output_shape, tuple(field)
    )


def compare_variants(
    preset: Preset, spec: LayerSpec | None = None, budget_bytes: int = DEFAULT_BUDGET_BYTES
) -> list[Variant]:
    """``spec`` (default: the preset's) first, then each related variant, then their total if the preset names
    one. Empty when the preset has no related variants."""
    if not preset.related:
        return []
    changed = spec is not None and spec != preset.spec
    label = tr("Variants", "this spec") if changed else tr("Variants", "preset")
    first = _variant(label, spec or preset.spec, budget_bytes)
    related = [_variant(tr(PRESET_CONTEXT, r.label), r.spec, budget_bytes) for r in preset.related]
    total = [_total(tr(PRESET_CONTEXT, preset.related_total), related)] if preset.related_total else []
    return [first, *related, *total]
