"""The four Linear<->Conv mappings: their preconditions and the Linear each one produces."""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from core import registry
from core.errors import SpecError
from core.geometry import Geometry
from core.i18n import tr
from core.limits import shown
from core.spec import LayerSpec, format_sizes

# The concrete mappings, most specific first (``auto`` tries them in this order).
MAPPING_MODES = tuple(name for name in registry.MAPPING_MODES.names if name != "auto")


@dataclass(frozen=True)
class LinearShape:
    """The ``nn.Linear(in_features, out_features)`` a mapping uses, and how many rows it is applied to.

    ``rows`` counts every leading dimension of the Linear's input (batch and output positions).
    """

    in_features: int
    out_features: int
    rows: int


def precondition_error(spec: LayerSpec, mode: str, geom: Geometry) -> SpecError | None:
    """Why ``mode`` cannot map this spec, or None when it can (memory is checked elsewhere)."""
    if mode == "pointwise":
        if any(k != 1 for k in spec.kernel):
            return SpecError(
                "kernel",
                tr("Mapping modes", "pointwise mode needs kernel 1, got {kernel}").format(
                    kernel=format_sizes(spec.kernel)
                ),
                tr("Mapping modes", "set kernel=1 or choose mode unrolled/unfold (any kernel)"),
            )
        if geom.has_padding:
            return SpecError(
                "padding",
                tr("Mapping modes", "pointwise mode needs padding 0, got {padding}").format(
                    padding=format_sizes(spec.padding)
                ),
                tr(
                    "Mapping modes",
                    "set padding=0 (zeros at the border would be extra output positions a Linear never sees)",
                ),
            )
    elif mode == "full":
        if tuple(spec.kernel) != tuple(spec.input_size):
            return SpecError(
                "kernel",
                tr("Mapping modes", "full-kernel mode needs kernel = input size {size}, got {kernel}").format(
                    size=format_sizes(spec.input_size), kernel=format_sizes(spec.kernel)
                ),
                tr("Mapping modes", "set kernel={size} or choose mode unrolled/unfold").format(
                    size=format_sizes(spec.input_size)
                ),
            )
        if geom.has_padding:
            return SpecError(
                "padding",
                tr("Mapping modes", "full-kernel mode needs padding 0, got {padding}").format(
                    padding=format_sizes(spec.padding)
                ),
                tr("Mapping modes", "set padding=0 or choose mode unrolled/unfold"),
            )
    if spec.source == "linear":
        if spec.groups != 1:
            return SpecError(
                "groups",
                tr(
                    "Mapping modes",
                    "a default-initialised Linear is dense, so it maps to a conv only with groups=1, got {groups}",
                ).format(groups=spec.groups),
                tr("Mapping modes", "set groups=1 or source=conv"),
            )
        if mode == "unrolled":
            return SpecError(
                "source",
                tr(
                    "Mapping modes",
                    "a default-initialised Linear has no Toeplitz structure, so it is not a conv in unrolled mode",
                ),
                tr(
                    "Mapping modes",
                    "set source=conv (the conv defines the Toeplitz matrix), or use mode pointwise/full/unfold",
                ),
            )
    return None


def linear_shape(spec: LayerSpec, mode: str, geom: Geometry) -> LinearShape:
    """The Linear a mapping builds for ``spec``."""
    positions = prod(geom.output)
    spatial_in = prod(geom.input)
    kernel = prod(geom.kernel)
    if mode == "pointwise":
        return LinearShape(spec.cin, spec.cout, spec.batch * positions)
    if mode == "full":
        return LinearShape(spec.cin * spatial_in, spec.cout, spec.batch)
    if mode == "unrolled":
        return LinearShape(spec.cin * spatial_in, spec.cout * positions, spec.batch)
    if mode == "unfold":
        return LinearShape(spec.cin * kernel, spec.cout, spec.batch * positions)
    raise SpecError(
        "mode",
        tr("Mapping modes", "unknown mapping mode {mode}").format(mode=shown(mode)),
        tr("Mapping modes", "choose one of {choices}").format(choices=", ".join(MAPPING_MODES)),
    )
