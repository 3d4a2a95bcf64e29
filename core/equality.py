"""Do the two layers of a mapping compute the same thing? Outputs, rounding, gradients, weight round trip."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import torch

from core.index_maps import weight_uses
from core.layers import make_input
from core.mapping import LayerMapping
from core.rounding import absolute_problem, gamma, tolerances, within_tolerance
from core.weight_transfer import gather_to_linear, scatter_to_conv


@dataclass(frozen=True)
class EqualityReport:
    """Agreement of conv(x) and the Linear path on the same seeded input.

    ``rounding_bound`` is the worst-case float error of two different summation orders,
    ``2*gamma_n*(|W| |x| + |b|)`` with ``gamma_n = n*u/(1 - n*u)``: differences below it are rounding.
    ``equal`` holds when every element is within the dtype's allclose tolerances (``allclose``) or within that
    bound; ``grad_equal`` applies the same test to the input, weight and bias gradients (the Linear's mapped back
    onto the conv weights by summing shared entries).
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
    conv_output: torch.Tensor
    linear_output: torch.Tensor

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


def _rel_error(diff: torch.Tensor, reference: torch.Tensor) -> float:
    """Largest ``|difference| / |reference|``: infinite where the reference is 0 and the difference is not."""
    if diff.numel() == 0:
        return 0.0
    magnitude = reference.abs()
    zero = magnitude == 0
    ratio = diff / magnitude.masked_fill(zero, 1.0)
    ratio.masked_fill_(zero & (diff > 0), float("inf")).masked_fill_(zero & (diff == 0), 0.0)
    return float(ratio.max())


def _sum_lengths(mapping: LayerMapping) -> tuple[int, int]:
    """Longest sum in the forward pass (one output element) and in the backward pass (any gradient)."""
    spec = mapping.valid.spec
    forward = max(mapping.linear.in_features, mapping.conv.weight[0].numel()) + 1
    positions = spec.batch * int(torch.Size(mapping.output_size).numel())
    return forward, max(forward, mapping.linear.out_features, positions)


def _round_trip_exact(mapping: LayerMapping) -> bool:
    """Would mapping the Linear back give exactly the conv? Without recovering it: the Linear must equal the conv
    gathered through the index map, bit for bit, and every conv weight must reach the Linear (a kernel tap that
    only ever sees padding cannot be recovered from it, unless it is 0)."""
    valid = mapping.valid
    spec = valid.spec
    uses = weight_uses(spec.cout, spec.cin, spec.groups, valid.geometry, valid.mode == "unrolled")
    weight = mapping.conv.weight.detach()
    if bool(weight.reshape(-1)[uses == 0].any()):
        return False
    if not torch.equal(gather_to_linear(weight, mapping.weight_index), mapping.linear.weight.detach()):
        return False
    conv_bias, linear_bias = mapping.conv.bias, mapping.linear.bias
    if conv_bias is None or linear_bias is None or mapping.bias_index is None:
        return conv_bias is None and linear_bias is None
    return torch.equal(gather_to_linear(conv_bias, mapping.bias_index), linear_bias.detach())


def check_equality(mapping: LayerMapping, x: torch.Tensor | None = None) -> EqualityReport:
    """Run both layers of ``mapping`` forward and backward on the spec's input (``x``, if already made) and
    compare."""
    spec = mapping.valid.spec
    x = make_input(spec) if x is None else x
    dtype = x.dtype
    rtol, atol = tolerances(dtype)
    x_conv = x.clone().requires_grad_(True)
    x_linear = x.clone().requires_grad_(True)
    y_conv = mapping.run_conv(x_conv)
    y_linear = mapping.run_linear(x_linear)
    generator = torch.Generator().manual_seed(spec.seed + 1)
    upstream = torch.randn(y_conv.shape, generator=generator, dtype=torch.float64).to(dtype)
    conv_leaves = [x_conv, mapping.conv.weight]
    linear_leaves = [x_linear, mapping.linear.weight]
    conv_bias, linear_bias, bias_index = mapping.conv.bias, mapping.linear.bias, mapping.bias_index
    if conv_bias is not None and linear_bias is not None:
        conv_leaves.append(conv_bias)
        linear_leaves.append(linear_bias)
    conv_grads = torch.autograd.grad((y_conv * upstream).sum(), conv_leaves)
    linear_grads = torch.autograd.grad((y_linear * upstream).sum(), linear_leaves)

    conv_out, linear_out = y_conv.detach(), y_linear.detach()
    diff = (conv_out.double() - linear_out.double()).abs()
    magnitude, grad_magnitudes = absolute_problem(mapping.conv, x, upstream)
    forward_terms, backward_terms = _sum_lengths(mapping)
    bound = 2 * gamma(forward_terms, dtype) * magnitude
    grads = {
        "input": (conv_grads[0], linear_grads[0]),
        "weight": (
            conv_grads[1],
            scatter_to_conv(linear_grads[1], mapping.weight_index, mapping.conv.weight.shape),
        ),
    }
    if conv_bias is not None and bias_index is not None and len(conv_grads) == 3:
        grads["bias"] = (conv_grads[2], scatter_to_conv(linear_grads[2], bias_index, conv_bias.shape))
    grad_errors = {name: float((a.double() - b.double()).abs().max()) for name, (a, b) in grads.items()}
    grad_equal = all(
        within_tolerance(a, b, 2 * gamma(backward_terms, dtype) * grad_magnitudes[name], dtype)
        for name, (a, b) in grads.items()
    )
    return EqualityReport(
        mode=mapping.mode,
        dtype=spec.dtype,
        equal=within_tolerance(linear_out, conv_out, bound, dtype),
        allclose=bool(torch.allclose(linear_out, conv_out, rtol=rtol, atol=atol)),
        max_abs_error=float(diff.max()),
        max_rel_error=_rel_error(diff, conv_out.double()),
        rtol=rtol,
        atol=atol,
        bitwise_equal_fraction=float((conv_out == linear_out).double().mean()),
        within_rounding_bound=bool((diff <= bound).all()),
        rounding_bound=float(bound.max()),
        grad_equal=grad_equal,
        grad_max_abs_error=grad_errors,
        roundtrip_exact=_round_trip_exact(mapping),
        conv_output=conv_out,
        linear_output=linear_out,
    )
