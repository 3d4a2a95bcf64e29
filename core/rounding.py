"""Float rounding: dtype tolerances, and worst-case error bounds of a conv computed in another order."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

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
    x_abs = x.detach().double().abs().requires_grad_(upstream is not None)
    w_abs = conv.weight.detach().double().abs().requires_grad_(upstream is not None)
    b_abs = None if conv.bias is None else conv.bias.detach().double().abs().requires_grad_(upstream is not None)
    conv_fn = F.conv1d if x.dim() == 3 else F.conv2d
    with quiet_same_padding(), torch.set_grad_enabled(upstream is not None):
        y = conv_fn(x_abs, w_abs, b_abs, conv.stride, conv.padding, conv.dilation, conv.groups)
    grads: dict[str, torch.Tensor] = {}
    if upstream is not None:
        leaves = {"input": x_abs, "weight": w_abs} | ({} if b_abs is None else {"bias": b_abs})
        values = torch.autograd.grad((y * upstream.double().abs()).sum(), list(leaves.values()))
        grads = dict(zip(leaves, values, strict=True))
    return y.detach(), grads


def within_tolerance(a: torch.Tensor, reference: torch.Tensor, bound: torch.Tensor, dtype: torch.dtype) -> bool:
    """Elementwise: within the dtype's allclose tolerance of ``reference``, or within the rounding ``bound``."""
    rtol, atol = tolerances(dtype)
    diff = (a.double() - reference.double()).abs()
    return bool(((diff <= atol + rtol * reference.double().abs()) | (diff <= bound)).all())
