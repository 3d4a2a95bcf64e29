"""Everything the window shows for one spec, in stages: the pure-Python part at once, the torch work as a
cancellable generator that yields each stage's result as soon as it lands.

Stages (torch work, off the GUI thread), each published as it lands:

- ``conv``: the conv, its tiled weight, the Linear's structure (from the geometry alone), the input and the
  conv output of sample 0: cheap for any size, so the first heatmaps redraw at once;
- ``linear``: both layers mapped onto each other and the Linear side's displays (the Linear / Toeplitz matrix
  reduced for display, the patch matrix); the expensive one for big unrolled specs;
- ``equality``: outputs and gradients of both layers compared (:mod:`core.equality`);
- ``init``: PyTorch's default inits compared over many draws (:mod:`core.init_check`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from core.display import ConvGrid, ReducedMatrix, conv_grid, reduce_matrix
from core.equality import EqualityReport, check_equality
from core.errors import SpecError
from core.i18n import tr
from core.index_maps import weight_uses
from core.init_check import InitReport, affordable_draws, check_init
from core.inspect_report import InspectReport, inspect_spec
from core.isolation import iterate_isolated, needs_isolation
from core.layers import make_conv, make_input, quiet_same_padding, torch_dtype
from core.limits import MIN_DRAWS
from core.mapping import LayerMapping, Structure, build_mapping
from core.mapping_code import mapping_code
from core.modes import linear_shape
from core.spec import LayerSpec
from core.validation import ValidSpec

STAGES = ("conv", "linear", "equality", "init")
INIT_DRAWS = 24
INIT_SAMPLES = 8_000


@dataclass(frozen=True)
class ConvStage:
    """The conv, its tiled weight, the input and sample 0's output: cheap, so it lands first for any size.

    ``structure`` (the Linear's sparsity and sharing) is known here already: it follows from the geometry.
    """

    conv: nn.Conv1d | nn.Conv2d
    conv_grid: ConvGrid
    structure: Structure
    input: torch.Tensor
    padded_input: torch.Tensor
    sample_output: torch.Tensor


@dataclass(frozen=True)
class LinearStage:
    """Both layers mapped onto each other, and the Linear side's displays (matrices reduced for display)."""

    mapping: LayerMapping
    linear_matrix: ReducedMatrix
    patch_matrix: np.ndarray | None


@dataclass(frozen=True)
class StageFailure:
    """A stage that raised: which one, and a message a person can read."""

    stage: str
    message: str


@dataclass(frozen=True)
class LabResult:
    """One spec worked out so far: the instant part (formulas, code) and the stages that have landed.

    A stage still computing is ``None``; :meth:`pending` names them.
    """

    valid: ValidSpec
    report: InspectReport
    code: str
    conv: ConvStage | None = None
    linear: LinearStage | None = None
    equality: EqualityReport | None = None
    init: InitReport | None = None

    @property
    def spec(self) -> LayerSpec:
        return self.valid.spec

    def has(self, stage: str) -> bool:
        return getattr(self, stage) is not None

    def pending(self) -> tuple[str, ...]:
        return tuple(stage for stage in STAGES if not self.has(stage))

    def with_stage(self, stage: str, value: object) -> LabResult:
        """A copy with ``stage`` filled in."""
        kinds = {"conv": ConvStage, "linear": LinearStage, "equality": EqualityReport, "init": InitReport}
        if stage not in kinds or not isinstance(value, kinds[stage]):
            raise ValueError(f"not a result of stage {stage!r}: {type(value).__name__}")
        return dataclasses.replace(self, **{stage: value})  # type: ignore[arg-type]  # checked just above


def instant_result(valid: ValidSpec) -> LabResult:
    """The pure-Python part (formulas and the mapping code): cheap enough for the GUI thread on every edit."""
    return LabResult(valid=valid, report=inspect_spec(valid), code=mapping_code(valid))


def _seeded_conv(valid: ValidSpec) -> nn.Conv1d | nn.Conv2d:
    """The conv exactly as :func:`~core.mapping.build_mapping` builds it when the conv is the source."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(valid.spec.seed)
        conv = make_conv(valid.spec)
    return conv.to(torch_dtype(valid.spec.dtype))


def compute_conv(valid: ValidSpec, mapping: LayerMapping | None = None) -> ConvStage:
    """The conv side. A conv initialised from a Linear (``source="linear"``) needs ``mapping``."""
    spec, geom = valid.spec, valid.geometry
    conv = mapping.conv if mapping is not None else _seeded_conv(valid)
    uses = weight_uses(spec.cout, spec.cin, spec.groups, geom, valid.mode == "unrolled")
    shape = linear_shape(spec, valid.mode, geom)
    structure = Structure.from_uses(uses, shape.in_features * shape.out_features)
    x = make_input(spec)
    first = x[:1]
    x4 = first.unsqueeze(2) if spec.dims == 1 else first
    padded = torch.nn.functional.pad(x4, (geom.pad_lo[1], geom.pad_hi[1], geom.pad_lo[0], geom.pad_hi[0]))
    with torch.no_grad(), quiet_same_padding():
        sample_output = conv(first)[0].double()
    return ConvStage(
        conv=conv,
        conv_grid=conv_grid(conv.weight, uses),
        structure=structure,
        input=x,
        padded_input=padded[0].detach().double(),
        sample_output=sample_output,
    )


def compute_linear(valid: ValidSpec, mapping: LayerMapping | None = None, x: torch.Tensor | None = None) -> LinearStage:
    """Both layers mapped (``mapping``, if already built) and the Linear side's display matrices."""
    mapping = mapping or build_mapping(valid)
    patches = None
    if valid.mode == "unfold":
        first = (make_input(valid.spec) if x is None else x)[:1]
        # (cin*kh*kw, positions) of the first sample, as the display takes it (no tensor work on the GUI thread)
        patches = mapping.linear_input(first)[0].T.detach().double().numpy()
    return LinearStage(
        mapping=mapping,
        linear_matrix=reduce_matrix(mapping.linear.weight.detach(), mapping.weight_index),
        patch_matrix=patches,
    )


@dataclass(frozen=True)
class CheckResult:
    """What the CLI's ``check`` reports, without the layers themselves: small enough to come back from a child
    process (the mapping's Toeplitz weight and index map would double the peak memory on the way)."""

    report: EqualityReport
    structure: Structure
    mapping_json: dict[str, Any]
    linear_features: tuple[int, int]
    input_transform: str
    code: str


def check_mapping(valid: ValidSpec) -> CheckResult:
    """Both layers mapped, their agreement checked and the Linear's structure counted (the CLI's ``check``)."""
    mapping = build_mapping(valid)
    report, structure = check_equality(mapping), mapping.structure()
    return CheckResult(
        report=report,
        structure=structure,
        mapping_json=mapping.to_json(structure),
        linear_features=(mapping.linear.in_features, mapping.linear.out_features),
        input_transform=mapping.input_transform,
        code=mapping.code,
    )


def stage_order(first: Sequence[str] = ()) -> tuple[str, ...]:
    """Every stage once, those in ``first`` (the visible panels' stages) before the rest."""
    return tuple(dict.fromkeys([*(s for s in first if s in STAGES), *STAGES]))


def compute_stages(
    valid: ValidSpec, order: Sequence[str] = STAGES, init_draws: int = INIT_DRAWS
) -> Generator[tuple[str, object], None, None]:
    """Yield ``(stage, result)`` for each stage in ``order`` as soon as it is computed; stop by closing.

    Never raises: a stage that fails yields ``(stage, StageFailure)``. In a dtype whose PyTorch kernels can crash
    the process (:func:`core.isolation.needs_isolation`) the stages run in a child process, and a crash fails the
    stage in progress and every later one with a message that says why.
    """
    if not needs_isolation(valid.spec.dtype):
        yield from compute_stages_here(valid, order, init_draws)
        return
    landed: list[str] = []
    try:
        for stage, result in iterate_isolated(valid.spec.dtype, compute_stages_here, valid, order, init_draws):
            landed.append(stage)
            yield stage, result
    except Exception as error:  # the child died or failed: every stage not landed fails with the reason
        for stage in order:
            if stage not in landed:
                yield stage, StageFailure(stage, _describe(error))


def compute_stages_here(
    valid: ValidSpec, order: Sequence[str] = STAGES, init_draws: int = INIT_DRAWS
) -> Generator[tuple[str, object], None, None]:
    """:func:`compute_stages` in this process. The layers are built once and shared by the stages that need them
    (a conv initialised from a Linear needs the mapping first)."""
    mapping: LayerMapping | None = None
    conv: ConvStage | None = None
    linear: LinearStage | None = None
    for stage in order:
        try:
            if stage == "conv" and conv is None:
                if valid.spec.source == "linear" and mapping is None:
                    mapping = build_mapping(valid)
                conv = compute_conv(valid, mapping)
                yield stage, conv
            elif stage == "linear" and linear is None:
                linear = compute_linear(valid, mapping, conv.input if conv else None)
                mapping = linear.mapping
                yield stage, linear
            elif stage == "equality":
                if mapping is None:  # the check needs both layers, not the displays: those come later
                    mapping = build_mapping(valid)
                yield stage, check_equality(mapping, conv.input if conv else None)
            elif stage == "init":
                # A large spec gets fewer draws rather than none; the report and the panel say how many.
                draws = max(MIN_DRAWS, affordable_draws(valid, init_draws, INIT_SAMPLES))
                yield stage, check_init(valid, draws=draws, samples=INIT_SAMPLES)
        except Exception as error:  # the worker's boundary: every failure becomes a message, never a dead thread
            yield stage, StageFailure(stage, _describe(error))


def _describe(error: BaseException) -> str:
    if isinstance(error, SpecError):
        return str(error)
    if isinstance(error, MemoryError):
        return tr(
            "Lab stages",
            "out of memory: this spec needs more memory than is available; use a smaller input, batch or channels",
        )
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first_line[:300]}"
