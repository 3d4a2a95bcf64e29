"""Do the two layers of a mapping compute the same thing? Outputs, rounding, gradients, weight round trip."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import torch

from core.chunks import aligned_chunks
from core.comparison import compare_outputs, max_abs_difference
from core.index_maps import NO_WEIGHT, weight_uses
from core.layers import make_input
from core.mapping import LayerMapping
from core.round_trip import describe_round_trip
from core.rounding import absolute_problem, gamma, tolerances, within_tolerance
from core.weight_transfer import gather_to_linear


@dataclass(frozen=True)
class EqualityReport:
    """Agreement of conv(x) and the Linear path on the same seeded input.

    ``rounding_bound`` is the worst-case float error of two different summation orders,
    ``2*gamma_n*(|W| |x| + |b|)`` with ``gamma_n = n*u/(1 - n*u)``: differences below it are rounding.
    ``equal`` holds when every element is within the dtype's allclose tolerances (``allclose``) or within that
    bound; ``grad_equal`` applies the same test to the input, weight and bias gradients (the Linear's mapped back
    onto the conv weights by summing shared entries). ``roundtrip_exact``: every conv weight the Linear holds maps
    back bit for bit; ``unreachable_weights`` of ``conv_weights`` are kernel taps that only ever meet padding, which
    the Linear never holds and so cannot give back (a fact of the geometry, not a failed mapping).
    """

    mode: str
    dtype: str
    equal: bool
    allclose: bool
    max_abs_error: float
    max_rel_error: float
    rtol: float
    atol: float
    bitwise_equal_fraction: float
    within_rounding_bound: bool
    rounding_bound: float
    grad_equal: bool
    grad_max_abs_error: dict[str, float]
    roundtrip_exact: bool
    unreachable_weights: int
    conv_weights: int
    conv_output: torch.Tensor
    linear_output: torch.Tensor

    def round_trip_text(self) -> str:
        """The weight round trip in one sentence, unreachable kernel taps explained (the CLI and the window)."""
        return describe_round_trip(self.roundtrip_exact, self.unreachable_weights, self.conv_weights)

    @property
    def abs_difference(self) -> torch.Tensor:
        return (self.conv_output.double() - self.linear_output.double()).abs()

    def to_json(self, max_output_elements: int = 64) -> dict[str, Any]:
        """Every scalar field; both outputs too when they have at most ``max_output_elements`` elements."""
        data = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("conv_output", "linear_output")
        }
        data["output_shape"] = list(self.conv_output.shape)
        if self.conv_output.numel() <= max_output_elements:
            data["outputs"] = {
                "linear": self.linear_output.double().tolist(),
                "conv": self.conv_output.double().tolist(),
            }
        return data


def _sum_lengths(mapping: LayerMapping) -> tuple[int, int]:
    """Longest sum in the forward pass (one output element) and in the backward pass (any gradient)."""
    spec = mapping.valid.spec
    forward = max(mapping.linear.in_features, mapping.conv.weight[0].numel()) + 1
    positions = spec.batch * int(torch.Size(mapping.output_size).numel())
    return forward, max(forward, mapping.linear.out_features, positions)


def _scatter_in_pieces(linear_values: torch.Tensor, index: torch.Tensor, conv_shape: torch.Size) -> torch.Tensor:
    """:func:`~core.weight_transfer.scatter_to_conv` a piece at a time: the same sums in the same order, without
    a mask, a list of positions and a gathered copy of the whole (in unrolled mode Toeplitz-sized) gradient."""
    out = torch.zeros(conv_shape.numel(), dtype=linear_values.dtype)
    for values, positions in aligned_chunks(linear_values, index):
        used = positions != NO_WEIGHT
        out.index_add_(0, positions[used], values[used])
    return out.reshape(conv_shape)


def _round_trip(mapping: LayerMapping) -> tuple[bool, int]:
    """Would mapping the Linear back give the conv? Without recovering it: whether the Linear equals the conv
    gathered through the index map, bit for bit (so every weight it holds comes back exactly), and how many conv
    weights it never holds (kernel taps that only ever see padding: no mapping can recover those)."""
    valid = mapping.valid
    spec = valid.spec
    uses = weight_uses(spec.cout, spec.cin, spec.groups, valid.geometry, valid.mode == "unrolled")
    unreachable = int((uses == 0).sum())
    weight = mapping.conv.weight.detach()
    if not torch.equal(gather_to_linear(weight, mapping.weight_index), mapping.linear.weight.detach()):
        return False, unreachable
    conv_bias, linear_bias = mapping.conv.bias, mapping.linear.bias
    if conv_bias is None or linear_bias is None or mapping.bias_index is None:
        return conv_bias is None and linear_bias is None, unreachable
    return torch.equal(gather_to_linear(conv_bias, mapping.bias_index), linear_bias.detach()), unreachable


def check_equality(mapping: LayerMapping, x: torch.Tensor | None = None) -> EqualityReport:
    """Run both layers of ``mapping`` forward and backward on the spec's input (``x``, if already made) and
    compare.

    Lean on memory: one layer's graph at a time, gradients through ``grad_outputs`` (no product tensors), the
    Linear's (possibly Toeplitz-sized) weight gradient mapped onto the conv at once, and every float64 comparison
    a piece at a time. What stays alive: both outputs, the upstream gradient and the float64 ``|W| |x| + |b|``.
    """
    spec = mapping.valid.spec
    x = make_input(spec) if x is None else x
    dtype = x.dtype
    conv_bias, linear_bias, bias_index = mapping.conv.bias, mapping.linear.bias, mapping.bias_index
    # x itself is never written to: detached aliases are leaves of their own, without copies.
    x_conv, x_linear = x.detach().requires_grad_(True), x.detach().requires_grad_(True)
    conv_leaves = [x_conv, mapping.conv.weight]
    linear_leaves = [x_linear, mapping.linear.weight]
    if conv_bias is not None and linear_bias is not None:
        conv_leaves.append(conv_bias)
        linear_leaves.append(linear_bias)

    y_conv = mapping.run_conv(x_conv)
    generator = torch.Generator().manual_seed(spec.seed + 1)
    upstream = torch.randn(y_conv.shape, generator=generator, dtype=torch.float64).to(dtype)
    conv_grads = torch.autograd.grad(y_conv, conv_leaves, grad_outputs=upstream)
    conv_out = y_conv.detach()
    del y_conv
    y_linear = mapping.run_linear(x_linear)
    linear_input_grad, linear_weight_grad, *linear_bias_grad = torch.autograd.grad(
        y_linear, linear_leaves, grad_outputs=upstream
    )
    linear_out = y_linear.detach()
    del y_linear
    grads = {
        "input": (conv_grads[0], linear_input_grad),
        "weight": (
            conv_grads[1],
            _scatter_in_pieces(linear_weight_grad, mapping.weight_index, mapping.conv.weight.shape),
        ),
    }
    del linear_weight_grad  # Linear-shaped: as large as a Toeplitz matrix in unrolled mode
    if conv_bias is not None and bias_index is not None and linear_bias_grad:
        grads["bias"] = (conv_grads[2], _scatter_in_pieces(linear_bias_grad[0], bias_index, conv_bias.shape))

    magnitude, grad_magnitudes = absolute_problem(mapping.conv, x, upstream)
    del upstream
    forward_terms, backward_terms = _sum_lengths(mapping)
    outputs = compare_outputs(conv_out, linear_out, magnitude, 2 * gamma(forward_terms, dtype))
    del magnitude
    rtol, atol = tolerances(dtype)
    backward_scale = 2 * gamma(backward_terms, dtype)
    grad_errors = {name: max_abs_difference(a, b) for name, (a, b) in grads.items()}
    grad_equal = all(
        within_tolerance(a, b, grad_magnitudes[name], dtype, bound_scale=backward_scale)
        for name, (a, b) in grads.items()
    )
    del grads, grad_magnitudes, conv_grads, linear_input_grad, linear_bias_grad
    roundtrip_exact, unreachable = _round_trip(mapping)
    return EqualityReport(
        mode=mapping.mode,
        dtype=spec.dtype,
        equal=outputs.equal,
        allclose=outputs.allclose,
        max_abs_error=outputs.max_abs_error,
        max_rel_error=outputs.max_rel_error,
        rtol=rtol,
        atol=atol,
        bitwise_equal_fraction=outputs.bitwise_equal_fraction,
        within_rounding_bound=outputs.within_rounding_bound,
        rounding_bound=outputs.rounding_bound,
        grad_equal=grad_equal,
        grad_max_abs_error=grad_errors,
        roundtrip_exact=roundtrip_exact,
        unreachable_weights=unreachable,
        conv_weights=mapping.conv.weight.numel(),
        conv_output=conv_out,
        linear_output=linear_out,
    )
