"""Float rounding: dtype tolerances, and worst-case error bounds of a conv computed in another order."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from core.chunks import aligned_chunks
from core.layers import quiet_same_padding
from core.registry import DTYPES


def tolerances(dtype: torch.dtype) -> tuple[float, float]:
    """``torch.testing.assert_close``'s default ``(rtol, atol)`` for ``dtype`` (kept in the dtype registry)."""
    term = DTYPES[str(dtype).removeprefix("torch.")]
    return term.rtol, term.atol


def gamma(n: int, dtype: torch.dtype) -> float:
    """``gamma_n = n*u/(1 - n*u)``: the relative error bound of a length-``n`` float sum of products."""
    unit = torch.finfo(dtype).eps / 2
    return n * unit / max(1 - n * unit, 1e-3)


def absolute_problem(
    conv: nn.Conv1d | nn.Conv2d, x: torch.Tensor, upstream: torch.Tensor | None = None
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """``|W| |x| + |b|`` in float64, and (given an upstream gradient) the gradients of that all-absolute
    problem: the scale of every sum's terms, forward and backward."""
    track = upstream is not None
    # Each absolute value in its own float64 copy, taken in place: one full-size allocation per operand.
    x_abs = x.detach().to(torch.float64, copy=True).abs_().requires_grad_(track)
    w_abs = conv.weight.detach().to(torch.float64, copy=True).abs_().requires_grad_(track)
    b_abs = None if conv.bias is None else conv.bias.detach().to(torch.float64, copy=True).abs_().requires_grad_(track)
    conv_fn = F.conv1d if x.dim() == 3 else F.conv2d
    with quiet_same_padding(), torch.set_grad_enabled(track):
        y = conv_fn(x_abs, w_abs, b_abs, conv.stride, conv.padding, conv.dilation, conv.groups)
    grads: dict[str, torch.Tensor] = {}
    if upstream is not None:
        leaves = {"input": x_abs, "weight": w_abs} | ({} if b_abs is None else {"bias": b_abs})
        # grad_outputs=|upstream| is the backward of sum(y * |upstream|) without that product's full-size copy.
        upstream_abs = upstream.detach().to(torch.float64, copy=True).abs_()
        values = torch.autograd.grad(y, list(leaves.values()), grad_outputs=upstream_abs)
        del upstream_abs
        grads = dict(zip(leaves, values, strict=True))
    return y.detach(), grads


def within_tolerance(
    a: torch.Tensor, reference: torch.Tensor, bound: torch.Tensor, dtype: torch.dtype, bound_scale: float = 1.0
) -> bool:
    """Elementwise: within the dtype's allclose tolerance of ``reference``, or within the rounding bound
    ``bound_scale * bound``. Worked out a piece at a time, so no full-size float64 copy is made."""
    rtol, atol = tolerances(dtype)
    bound = bound.expand(a.shape) if bound.shape != a.shape else bound
    for a_part, reference_part, bound_part in aligned_chunks(a, reference, bound):
        reference64 = reference_part.double()
        diff = (a_part.double() - reference64).abs()
        if not bool(((diff <= atol + rtol * reference64.abs()) | (diff <= bound_scale * bound_part)).all()):
            return False
    return True
