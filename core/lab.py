"""Everything the window shows for one spec, computed off the GUI thread as a cancellable generator."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import torch

from core.display import ConvGrid, ReducedMatrix, conv_grid, reduce_matrix
from core.equality import EqualityReport, check_equality
from core.init_check import InitReport, check_init
from core.inspect_report import InspectReport, inspect_spec
from core.layers import make_input
from core.mapping import LayerMapping, build_mapping
from core.memory import DEFAULT_BUDGET_BYTES
from core.spec import LayerSpec
from core.validation import ValidSpec, validate


@dataclass(frozen=True)
class LabResult:
    """One spec, fully worked out: formulas, both layers, their agreement, their inits, display matrices."""

    valid: ValidSpec
    report: InspectReport
    mapping: LayerMapping
    equality: EqualityReport
    init: InitReport
    linear_matrix: ReducedMatrix
    conv_grid: ConvGrid
    patch_matrix: torch.Tensor | None
    padded_input: torch.Tensor

    @property
    def spec(self) -> LayerSpec:
        return self.valid.spec


def compute_lab(
    spec: LayerSpec, budget_bytes: int = DEFAULT_BUDGET_BYTES, init_draws: int = 24
) -> Generator[str, None, LabResult]:
    """Yield the name of each finished stage (cancel by closing between yields); return the :class:`LabResult`.

    Raises :class:`~core.errors.SpecError` for an invalid spec before any torch work.
    """
    valid = validate(spec, budget_bytes)
    yield "validate"
    report = inspect_spec(valid)
    yield "formulas"
    mapping = build_mapping(valid)
    yield "mapping"
    equality = check_equality(mapping)
    yield "equality"
    init = check_init(valid, draws=init_draws, samples=8_000)
    yield "init"
    x = make_input(spec)
    geom = valid.geometry
    x4 = x.unsqueeze(2) if spec.dims == 1 else x
    padded = torch.nn.functional.pad(x4, (geom.pad_lo[1], geom.pad_hi[1], geom.pad_lo[0], geom.pad_hi[0]))
    patches = None
    if valid.mode == "unfold":
        patches = mapping.linear_input(x)[0].T.detach()  # (cin*kh*kw, positions) of the first sample
    result = LabResult(
        valid=valid,
        report=report,
        mapping=mapping,
        equality=equality,
        init=init,
        linear_matrix=reduce_matrix(mapping.linear.weight.detach(), mapping.weight_index),
        conv_grid=conv_grid(mapping.conv.weight, mapping.weight_index),
        patch_matrix=patches,
        padded_input=padded[0].detach().double(),
    )
    yield "display"
    return result


def run_lab(spec: LayerSpec, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> LabResult:
    """Synchronous path (tests, screenshots): run every stage."""
    steps = compute_lab(spec, budget_bytes)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
