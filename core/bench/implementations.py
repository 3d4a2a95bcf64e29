"""Build each implementation of a spec's layer as a zero-argument callable, checked against a float64 reference."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from math import prod
from typing import TypeVar

import torch
import torch.nn.functional as F
from torch import nn

from core.bench.config import IMPLEMENTATION_NAMES, PLAIN_LINEAR_MODES, mode_applies
from core.errors import SpecError
from core.geometry import Geometry
from core.i18n import tr, tr_noop
from core.layers import make_input, quiet_same_padding
from core.mapping import LayerMapping, build_mapping
from core.modes import linear_shape
from core.rounding import absolute_problem, gamma, within_tolerance
from core.spec import LayerSpec
from core.validation import validate

BACKWARD_FLOP_FACTOR = 3  # forward + input gradient + weight gradient, each as costly as the forward
ModuleT = TypeVar("ModuleT", bound=nn.Module)
Conv = nn.Conv1d | nn.Conv2d


@dataclass
class Prepared:
    """One implementation, ready to time: ``run()`` performs a forward (or forward+backward) call."""

    name: str
    run: Callable[[], object]
    backend: str
    flops_useful: int
    flops_executed: int
    bytes_min: int
    max_abs_error: float


@dataclass(frozen=True)
class Exclusion:
    """An implementation left out, and why."""

    name: str
    reason: str


@dataclass
class _Candidate:
    forward: Callable[[], torch.Tensor]
    to_conv_layout: Callable[[torch.Tensor], torch.Tensor]
    leaves: list[torch.Tensor]
    backend: str
    flops_executed: int
    bytes_min: int


def _mapping(spec: LayerSpec, mode: str, budget: int) -> LayerMapping:
    return build_mapping(validate(spec.replace(mode=mode, source="conv"), budget))


def _conv_backend(x: torch.Tensor, weight: torch.Tensor, conv: Conv, padding: object) -> str:
    """The convolution backend PyTorch's dispatcher selects for these tensors (private API: best effort)."""
    try:
        dims = weight.dim() - 2
        backend = torch._C._select_conv_backend(
            x,
            weight,
            None,
            conv.stride if dims == len(conv.stride) else (1, *conv.stride),
            padding,
            conv.dilation if dims == len(conv.dilation) else (1, *conv.dilation),
            False,
            (0,) * dims,
            conv.groups,
            None,
        )
        return str(backend).split(".")[-1]
    except (AttributeError, RuntimeError, TypeError):
        return tr_noop("Bench terms", "unknown")


def _leaf(t: torch.Tensor, backward: bool) -> torch.Tensor:
    return t.detach().clone().requires_grad_(backward) if backward else t.detach()


def _candidates(
    spec: LayerSpec, names: tuple[str, ...], x: torch.Tensor, backward: bool, budget: int, device: torch.device
) -> dict[str, _Candidate | Exclusion]:
    element = x.element_size()
    out: dict[str, _Candidate | Exclusion] = {}
    unfold_map = _mapping(spec, "unfold", budget)
    plain_mode = next((m for m in PLAIN_LINEAR_MODES if mode_applies(spec, m, budget)), None)
    plain_map = _mapping(spec, plain_mode, budget) if plain_mode and {"linear", "linear_permute"} & set(names) else None
    conv = unfold_map.conv.to(device=device, dtype=x.dtype)
    geom = unfold_map.valid.geometry
    out_numel = spec.batch * spec.cout * prod(geom.output)
    conv_macs = out_numel * (spec.cin // spec.groups) * prod(geom.kernel)
    io_bytes = (x.numel() + conv.weight.numel() + out_numel) * element
    for name in names:
        try:
            if name in ("linear", "linear_permute"):
                if plain_map is None:
                    out[name] = Exclusion(
                        name,
                        tr(
                            "Bench implementations",
                            "no plain Linear: needs kernel 1 (pointwise) or kernel = input, both with padding 0; see "
                            "unfold_matmul / unrolled",
                        ),
                    )
                    continue
                mapping = plain_map
                # Parameters require grad only when timing backward: a forward-only Linear must not build a graph
                # the conv does not build either.
                linear = _trainable(copy.deepcopy(mapping.linear).to(device=device, dtype=x.dtype), backward)
                shape = linear_shape(mapping.valid.spec, mapping.mode, mapping.valid.geometry)
                executed = 2 * shape.rows * shape.in_features * shape.out_features
                lin_bytes = (x.numel() + linear.weight.numel() + out_numel) * element
                if name == "linear":
                    x_lin = _leaf(mapping.linear_input(x).contiguous(), backward)
                    out[name] = _Candidate(
                        partial(linear, x_lin),
                        mapping.to_conv_layout,
                        [x_lin, *linear.parameters()],
                        "addmm (BLAS GEMM)",
                        executed,
                        lin_bytes,
                    )
                else:
                    x_conv = _leaf(x, backward)
                    out[name] = _Candidate(
                        partial(_through_linear, mapping, linear, x_conv, contiguous=True),
                        lambda y: y,
                        [x_conv, *linear.parameters()],
                        tr_noop("Bench terms", "permute + addmm + permute copy"),
                        executed,
                        lin_bytes + 2 * out_numel * element,
                    )
            elif name == "conv":
                x_conv = _leaf(x, backward)
                conv_n = _trainable(conv, backward)
                backend = _conv_backend(x_conv, conv_n.weight, conv_n, geom.pad_lo[-spec.dims :])

                def run_conv(c=conv_n, xc=x_conv) -> torch.Tensor:
                    with quiet_same_padding():
                        return c(xc)

                out[name] = _Candidate(
                    run_conv, lambda y: y, [x_conv, *conv_n.parameters()], backend, 2 * conv_macs, io_bytes
                )
            elif name == "conv_channels_last":
                out[name] = _channels_last(spec, conv, x, backward, geom, 2 * conv_macs, io_bytes)
            elif name == "unfold_matmul":
                x_conv = _leaf(x, backward)
                linear = _trainable(unfold_map.linear.to(device=device, dtype=x.dtype), backward)
                shape = linear_shape(unfold_map.valid.spec, "unfold", geom)
                patches = shape.rows * shape.in_features
                out[name] = _Candidate(
                    partial(_through_linear, unfold_map, linear, x_conv),
                    lambda y: y,
                    [x_conv, *linear.parameters()],
                    "unfold (im2col) + addmm",
                    2 * shape.rows * shape.in_features * shape.out_features,
                    io_bytes + 2 * patches * element,
                )
            elif name == "unrolled":
                mapping = _mapping(spec, "unrolled", budget)
                x_conv = _leaf(x, backward)
                linear = _trainable(mapping.linear.to(device=device, dtype=x.dtype), backward)
                executed = 2 * spec.batch * linear.in_features * linear.out_features
                out[name] = _Candidate(
                    partial(_through_linear, mapping, linear, x_conv),
                    lambda y: y,
                    [x_conv, *linear.parameters()],
                    tr_noop("Bench terms", "dense GEMM with the Toeplitz matrix"),
                    executed,
                    (x.numel() + linear.weight.numel() + out_numel) * element,
                )
            else:
                out[name] = Exclusion(
                    name,
                    tr("Bench implementations", "unknown implementation; choose from {names}").format(
                        names=", ".join(IMPLEMENTATION_NAMES)
                    ),
                )
        except SpecError as error:
            out[name] = Exclusion(name, str(error))
    return out


def _through_linear(
    mapping: LayerMapping, linear: nn.Linear, x: torch.Tensor, contiguous: bool = False
) -> torch.Tensor:
    """Conv-layout ``x`` through ``mapping``'s input transform and ``linear``, back in the conv layout."""
    y = mapping.to_conv_layout(linear(mapping.linear_input(x)))
    return y.contiguous() if contiguous else y


def _trainable(module: ModuleT, backward: bool) -> ModuleT:
    """Set whether ``module``'s parameters take gradients (only when backward is timed); returns it."""
    for p in module.parameters():
        p.requires_grad_(backward)
    return module


def _channels_last(
    spec: LayerSpec, conv: Conv, x: torch.Tensor, backward: bool, geom: Geometry, flops: int, io_bytes: int
) -> _Candidate:
    one_d = spec.dims == 1
    weight = conv.weight.detach().unsqueeze(2) if one_d else conv.weight.detach()
    weight = _leaf(weight.contiguous(memory_format=torch.channels_last), backward)
    bias = None if conv.bias is None else _leaf(conv.bias, backward)
    x4 = _leaf((x.unsqueeze(2) if one_d else x).contiguous(memory_format=torch.channels_last), backward)
    padding: str | tuple[int, int] | int = (
        "same" if spec.padding == "same" else (geom.pad_lo if spec.padding != "valid" else 0)
    )
    stride, dilation, groups = geom.stride, geom.dilation, spec.groups
    backend = _conv_backend(x4, weight, conv, geom.pad_lo)

    def run(xi: torch.Tensor = x4, w: torch.Tensor = weight, b: torch.Tensor | None = bias) -> torch.Tensor:
        with quiet_same_padding():
            return F.conv2d(xi, w, b, stride, padding, dilation, groups)

    leaves = [x4, weight] + ([bias] if bias is not None else [])
    return _Candidate(run, (lambda y: y.squeeze(2)) if one_d else (lambda y: y), leaves, backend, flops, io_bytes)


def conv_flops(spec: LayerSpec, budget_bytes: int) -> int:
    """Useful FLOPs of one forward call: ``2 * N * cout * out positions * cin/groups * kernel``."""
    geom = validate(spec.replace(mode="unfold", source="conv"), budget_bytes).geometry
    return 2 * spec.batch * spec.cout * prod(geom.output) * (spec.cin // spec.groups) * prod(geom.kernel)


@dataclass(frozen=True)
class Reference:
    """The float64 conv output every implementation must reproduce, and the rounding bound it is allowed."""

    output: torch.Tensor
    bound: torch.Tensor
    dtype: torch.dtype

    def check(self, name: str, output: torch.Tensor) -> tuple[Exclusion | None, float]:
        """``(None, max abs error)`` if ``output`` agrees, else the exclusion saying by how much it does not."""
        if output.shape != self.output.shape:
            problem = tr("Bench implementations", "output shape {shape} != {expected}").format(
                shape=tuple(output.shape), expected=tuple(self.output.shape)
            )
            return Exclusion(name, problem), float("nan")
        error = float((output.double() - self.output).abs().max())
        if not within_tolerance(output, self.output, self.bound, self.dtype):
            problem = tr("Bench implementations", "disagrees with the reference (max abs error {error:.3g})").format(
                error=error
            )
            return Exclusion(name, problem), error
        return None, error


def make_reference(spec: LayerSpec, budget_bytes: int) -> Reference:
    """Run the spec's conv in float64 (same weights and input as every implementation)."""
    mapping = _mapping(spec, "unfold", budget_bytes)
    conv64 = copy.deepcopy(mapping.conv).double()
    x64 = make_input(spec, torch.float64)
    with torch.no_grad(), quiet_same_padding():
        output = conv64(x64)
    magnitude, _ = absolute_problem(conv64, x64)
    fan_in = (spec.cin // spec.groups) * prod(spec.kernel)
    dtype = make_input(spec).dtype
    bound = 2 * gamma(max(fan_in, mapping.linear.in_features) + 1, dtype) * magnitude
    return Reference(output, bound, dtype)


@dataclass
class Built:
    """An implementation built but not yet checked: run :meth:`sample_output` once, then :meth:`finalize`."""

    name: str
    candidate: _Candidate
    forward: Callable[[], torch.Tensor]

    def sample_output(self) -> torch.Tensor:
        """One forward call, in the conv's layout, on the CPU (raises if it cannot run here)."""
        with torch.no_grad():
            return self.candidate.to_conv_layout(self.forward()).detach().cpu()

    def finalize(self, backward: bool, useful_flops: int, max_abs_error: float) -> Prepared:
        run: Callable[[], object] = self.forward
        if backward:
            with torch.enable_grad():
                grad = torch.randn_like(self.forward())

            def run(f: Callable[[], torch.Tensor] = self.forward, g: torch.Tensor = grad) -> None:
                f().backward(g)

        factor = BACKWARD_FLOP_FACTOR if backward else 1
        return Prepared(
            name=self.name,
            run=run,
            backend=self.candidate.backend,
            flops_useful=factor * useful_flops,
            flops_executed=factor * self.candidate.flops_executed,
            bytes_min=factor * self.candidate.bytes_min,
            max_abs_error=max_abs_error,
        )


RUN_ERRORS = (RuntimeError, NotImplementedError, TypeError)


def build(
    spec: LayerSpec,
    names: tuple[str, ...],
    *,
    backward: bool = False,
    device: str = "cpu",
    budget_bytes: int,
    compile_fn: Callable[[Callable], Callable] | None = None,
) -> tuple[list[Built], list[Exclusion]]:
    """Build the requested implementations (unchecked); ones that do not apply come back as exclusions."""
    x = make_input(spec).to(torch.device(device))
    candidates = _candidates(spec, names, x, backward, budget_bytes, torch.device(device))
    built, excluded = [], []
    for name in names:
        candidate = candidates[name]
        if isinstance(candidate, Exclusion):
            excluded.append(candidate)
        else:
            forward = candidate.forward
            if compile_fn:
                forward = compile_fn(candidate.forward)
                candidate.backend += " + torch.compile"
            built.append(Built(name, candidate, forward))
    return built, excluded


def run_error(name: str, error: BaseException) -> Exclusion:
    detail = str(error).splitlines()[0][:160] if str(error) else repr(error)
    return Exclusion(name, tr("Bench implementations", "does not run here: {error}").format(error=detail))


def prepare(
    spec: LayerSpec,
    names: tuple[str, ...],
    *,
    backward: bool = False,
    device: str = "cpu",
    budget_bytes: int,
    compile_fn: Callable[[Callable], Callable] | None = None,
) -> tuple[list[Prepared], list[Exclusion]]:
    """Build the requested implementations of ``spec`` and check each against a float64 conv reference.

    One that disagrees, fails to run in this dtype/device, or does not apply is returned as an
    :class:`Exclusion` with the reason.
    """
    built, excluded = build(
        spec, names, backward=backward, device=device, budget_bytes=budget_bytes, compile_fn=compile_fn
    )
    reference = make_reference(spec, budget_bytes)
    useful = conv_flops(spec, budget_bytes)
    prepared = []
    for item in built:
        try:
            output = item.sample_output()
        except RUN_ERRORS as error:
            excluded.append(run_error(item.name, error))
            continue
        problem, max_error = reference.check(item.name, output)
        if problem:
            excluded.append(problem)
        else:
            prepared.append(item.finalize(backward, useful, max_error))
    order = {name: i for i, name in enumerate(names)}
    excluded.sort(key=lambda e: order.get(e.name, len(order)))
    return prepared, excluded
