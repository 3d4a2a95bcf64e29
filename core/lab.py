"""Everything the window shows for one spec, in stages: the pure-Python part at once, the torch work as a
cancellable generator that yields each stage's result as soon as it lands.

Stages (torch work, off the GUI thread):

- ``weights``: both layers, the display matrices (Linear weight, tiled conv weight, patch matrix), the padded
  input and the conv output of sample 0; what the Weights, Sliding window and Code panels need;
- ``equality``: outputs and gradients of both layers compared (:mod:`core.equality`);
- ``init``: PyTorch's default inits compared over many draws (:mod:`core.init_check`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Sequence
from dataclasses import dataclass

import torch

from core.display import ConvGrid, ReducedMatrix, conv_grid, reduce_matrix
from core.equality import EqualityReport, check_equality
from core.errors import SpecError
from core.init_check import InitReport, check_init
from core.inspect_report import InspectReport, inspect_spec
from core.layers import make_input
from core.mapping import LayerMapping, Structure, build_mapping
from core.mapping_code import mapping_code
from core.memory import DEFAULT_BUDGET_BYTES
from core.spec import LayerSpec
from core.validation import ValidSpec, validate

STAGES = ("weights", "equality", "init")
INIT_DRAWS = 24
INIT_SAMPLES = 8_000


@dataclass(frozen=True)
class WeightsStage:
    """Both layers and what the weight displays show (matrices already reduced for display)."""

    mapping: LayerMapping
    structure: Structure
    linear_matrix: ReducedMatrix
    conv_grid: ConvGrid
    patch_matrix: torch.Tensor | None
    padded_input: torch.Tensor
    sample_output: torch.Tensor


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
    weights: WeightsStage | None = None
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
        if stage == "weights" and isinstance(value, WeightsStage):
            return dataclasses.replace(self, weights=value)
        if stage == "equality" and isinstance(value, EqualityReport):
            return dataclasses.replace(self, equality=value)
        if stage == "init" and isinstance(value, InitReport):
            return dataclasses.replace(self, init=value)
        raise ValueError(f"not a result of stage {stage!r}: {type(value).__name__}")


def instant_result(valid: ValidSpec) -> LabResult:
    """The pure-Python part (formulas and the mapping code): cheap enough for the GUI thread on every edit."""
    return LabResult(valid=valid, report=inspect_spec(valid), code=mapping_code(valid))


def compute_weights(valid: ValidSpec) -> WeightsStage:
    """Build both layers and everything the weight displays need."""
    spec, geom = valid.spec, valid.geometry
    mapping = build_mapping(valid)
    uses = mapping.weight_uses()
    x = make_input(spec)[:1]
    x4 = x.unsqueeze(2) if spec.dims == 1 else x
    padded = torch.nn.functional.pad(x4, (geom.pad_lo[1], geom.pad_hi[1], geom.pad_lo[0], geom.pad_hi[0]))
    patches = None
    if valid.mode == "unfold":
        patches = mapping.linear_input(x)[0].T.detach()  # (cin*kh*kw, positions) of the first sample
    with torch.no_grad():
        sample_output = mapping.run_conv(x)[0].double()
    return WeightsStage(
        mapping=mapping,
        structure=mapping.structure(uses),
        linear_matrix=reduce_matrix(mapping.linear.weight.detach(), mapping.weight_index),
        conv_grid=conv_grid(mapping.conv.weight, uses),
        patch_matrix=patches,
        padded_input=padded[0].detach().double(),
        sample_output=sample_output,
    )


def stage_order(first: Sequence[str] = ()) -> tuple[str, ...]:
    """Every stage once, those in ``first`` (the visible panels' stages) before the rest."""
    return tuple(dict.fromkeys([*(s for s in first if s in STAGES), *STAGES]))


def compute_stages(
    valid: ValidSpec, order: Sequence[str] = STAGES, init_draws: int = INIT_DRAWS
) -> Generator[tuple[str, object], None, None]:
    """Yield ``(stage, result)`` for each stage in ``order`` as soon as it is computed; stop by closing.

    Never raises: a stage that fails yields ``(stage, StageFailure)`` and the stages that need it are skipped
    (``equality`` needs ``weights``), so a worker always reports what happened.
    """
    weights: WeightsStage | None = None
    for stage in order:
        try:
            if stage == "weights":
                if weights is None:  # else already computed (and yielded) for an earlier stage
                    weights = compute_weights(valid)
                    yield stage, weights
            elif stage == "equality":
                if weights is None:
                    weights = compute_weights(valid)
                    yield "weights", weights
                yield stage, check_equality(weights.mapping)
            elif stage == "init":
                yield stage, check_init(valid, draws=init_draws, samples=INIT_SAMPLES)
        except Exception as error:  # the worker's boundary: every failure becomes a message, never a dead thread
            yield stage, StageFailure(stage, _describe(error))
            if stage == "weights":
                return


def _describe(error: BaseException) -> str:
    if isinstance(error, SpecError):
        return str(error)
    if isinstance(error, MemoryError):
        return "out of memory: this spec needs more memory than is available; use a smaller input, batch or channels"
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first_line[:300]}"


def run_lab(spec: LayerSpec, budget_bytes: int = DEFAULT_BUDGET_BYTES) -> LabResult:
    """Synchronous path (tests, screenshots, CLI): every stage, on this thread; a failed stage raises."""
    result = instant_result(validate(spec, budget_bytes))
    for stage, value in compute_stages(result.valid):
        if isinstance(value, StageFailure):
            raise RuntimeError(f"{stage}: {value.message}")
        result = result.with_stage(stage, value)
    return result
