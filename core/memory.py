"""Memory estimates, computed before anything is allocated."""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from core.geometry import Geometry
from core.modes import linear_shape
from core.registry import DTYPES
from core.spec import LayerSpec

DEFAULT_BUDGET_BYTES = 1 << 30
INDEX_BYTES = 8  # int64 index tensors


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes of the main tensors of one mapping + check; ``total`` is what the budget is compared with."""

    conv_weight: int
    linear_weight: int
    index_map: int
    input: int
    output: int
    workspace: int

    @property
    def total(self) -> int:
        # Weights and activations each have a gradient during the check.
        return 2 * (self.conv_weight + self.linear_weight + self.input + 2 * self.output) + (
            self.index_map + self.workspace
        )


def format_bytes(count: float) -> str:
    """``1536`` -> ``"1.5 KiB"``."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(count) < 1024 or unit == "TiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


def estimate_memory(spec: LayerSpec, mode: str, geom: Geometry) -> MemoryEstimate:
    """Estimate the bytes a mapping of ``spec`` in ``mode`` allocates, without allocating."""
    element = DTYPES[spec.dtype].bytes
    shape = linear_shape(spec, mode, geom)
    conv_weight = spec.cout * (spec.cin // spec.groups) * prod(geom.kernel)
    linear_weight = shape.in_features * shape.out_features
    input_numel = spec.batch * spec.cin * prod(geom.input)
    output_numel = spec.batch * spec.cout * prod(geom.output)
    if mode == "unfold":
        patches = spec.batch * spec.cin * prod(geom.kernel) * prod(geom.output)
        workspace = 3 * patches * element + spec.batch * spec.cin * prod(geom.padded_input) * element
    elif mode == "unrolled":
        # Index construction holds a few int64 arrays the size of the conv's connection count.
        connections = spec.cout * prod(geom.output) * (spec.cin // spec.groups) * prod(geom.kernel)
        workspace = 6 * connections * INDEX_BYTES
    else:
        workspace = input_numel * element
    return MemoryEstimate(
        conv_weight=conv_weight * element,
        linear_weight=linear_weight * element,
        index_map=linear_weight * INDEX_BYTES,
        input=input_numel * element,
        output=output_numel * element,
        workspace=workspace,
    )
