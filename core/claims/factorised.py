"""Claim: "1×3 then 3×1 replaces 3×3".

Fewer weights and the same 3×3 receptive field, but a smaller function class. With one channel the pair's
effective kernel is the outer product of its two weights (rank 1): Sobel is reproduced exactly, the Laplacian
only up to its best rank-1 approximation (SVD). With m intermediate channels each effective kernel is a sum of m
rank-1 terms whose factors are shared across channel pairs. A bias on the first conv leaks through the second
conv's zero padding, so the pair's border outputs differ from any single 3×3 conv's.

Everything runs in float64 through real ``nn.Conv2d`` layers; effective kernels are read off the composition's
Jacobian, never assumed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from scipy import optimize
from torch import nn

from core.bench.runner import CancelToken
from core.claims.base import ClaimProgress, ClaimResult, ClaimRun, check_cancel
from core.i18n import tr

NAME = "factorised"
SEED = 0
SOBEL_COLUMN = (1.0, 2.0, 1.0)  # the 3×1 (vertical) factor
SOBEL_ROW = (-1.0, 0.0, 1.0)  # the 1×3 (horizontal) factor
LAPLACIAN = ((0.0, 1.0, 0.0), (1.0, -4.0, 1.0), (0.0, 1.0, 0.0))
MULTI = (3, 2, 3)  # channels in, in between, out
CHANNELS = 64  # the preset's channel count for the parameter formulas
LEAK_SIZE = (8, 8)
FIRST_BIAS = 1.0  # the first conv's bias in the leak demonstration: a round number, so the leak reads plainly
ZERO = 1e-12  # differences below this are rounding (float64), not structure


@dataclass(frozen=True)
class ParamRow:
    """A layer (or pair) and its parameter count: by formula, and as ``sum(p.numel())`` of real modules."""

    layer: str
    formula: str
    by_formula: int
    by_module: int


@dataclass(frozen=True, eq=False)
class FactorEvidence:
    """What the panel draws: kernels (3×3 arrays), the bias-leak difference map, and the numbers behind them."""

    params: tuple[ParamRow, ...]
    receptive_field: tuple[int, int]
    sobel_target: np.ndarray
    sobel_effective: np.ndarray
    sobel_error: float
    laplacian: np.ndarray
    singular_values: tuple[float, ...]
    best_rank1: np.ndarray
    best_error: float
    svd_error: float
    relative_error: float
    fitted_error: float
    multi_channels: tuple[int, int, int]
    multi_formula_difference: float
    multi_ranks: tuple[int, ...]
    leak_difference: np.ndarray
    leak_rows: tuple[int, ...]
    leak_max: float
    interior_max: float
    first_bias: float
    combined_bias: float


def make_pair(cin: int, mid: int, cout: int, bias: bool) -> tuple[nn.Conv2d, nn.Conv2d]:
    """A 1×3 conv padded (0, 1) then a 3×1 conv padded (1, 0), float64, default init (current RNG)."""
    first = nn.Conv2d(cin, mid, (1, 3), padding=(0, 1), bias=bias).double()
    second = nn.Conv2d(mid, cout, (3, 1), padding=(1, 0), bias=bias).double()
    return first, second


def effective_kernel(first: nn.Conv2d, second: nn.Conv2d) -> torch.Tensor:
    """The 3×3 kernel ``(cout, cin, 3, 3)`` the pair applies, read off the composition of the real layers: the
    Jacobian of the centre output of a 3×3 input (which no padding reaches) with respect to that input."""
    x = torch.zeros((1, first.in_channels, 3, 3), dtype=torch.float64)
    jacobian = torch.autograd.functional.jacobian(lambda t: second(first(t))[0, :, 1, 1], x)
    return jacobian[:, 0].detach()


def formula_kernel(first: nn.Conv2d, second: nn.Conv2d) -> torch.Tensor:
    """``K[o, c] = sum_k b[o, k] ⊗ a[k, c]``: m rank-1 terms whose factors every channel pair shares."""
    a = first.weight.detach()[:, :, 0, :]  # (mid, cin, 3): the horizontal factors
    b = second.weight.detach()[:, :, :, 0]  # (cout, mid, 3): the vertical factors
    return torch.einsum("oki,kcj->ocij", b, a)


def _one_channel_pair(column: torch.Tensor, row: torch.Tensor) -> tuple[nn.Conv2d, nn.Conv2d]:
    first, second = make_pair(1, 1, 1, bias=False)
    with torch.no_grad():
        first.weight.copy_(row.reshape(1, 1, 1, 3))
        second.weight.copy_(column.reshape(1, 1, 3, 1))
    return first, second


def _parameter_rows() -> tuple[ParamRow, ...]:
    def count(*modules: nn.Module) -> int:
        return sum(p.numel() for m in modules for p in m.parameters())

    c = CHANNELS
    with torch.random.fork_rng(devices=[]):
        one = make_pair(1, 1, 1, bias=False)
        wide = make_pair(c, c, c, bias=True)
        single_one = nn.Conv2d(1, 1, 3, bias=False)
        single_wide = nn.Conv2d(c, c, 3, padding=1)
    return (
        ParamRow(tr("Factorised claim", "1×3 then 3×1, one channel, no bias"), "3 + 3", 3 + 3, count(*one)),
        ParamRow(tr("Factorised claim", "3×3, one channel, no bias"), "3·3", 3 * 3, count(single_one)),
        ParamRow(
            tr("Factorised claim", "1×3 then 3×1, C = {channels}, bias").format(channels=c),
            "2·(3·C·C + C) = 6C² + 2C",
            6 * c * c + 2 * c,
            count(*wide),
        ),
        ParamRow(
            tr("Factorised claim", "3×3, C = {channels}, bias").format(channels=c),
            "9C² + C",
            9 * c * c + c,
            count(single_wide),
        ),
    )


def _fit_pair(target: torch.Tensor) -> float:
    """Fit the pair's two weights to ``target`` by L-BFGS from a seeded start; the Frobenius error it reaches,
    measured through the real layers. (SciPy's L-BFGS, not ``torch.optim``: constructing a torch optimiser imports
    ``torch._dynamo``, a second of imports that, in the window's worker thread, raced PySide's import hook against
    the GUI thread's garbage collector and crashed the process.)"""
    goal = target.numpy()
    start = np.random.default_rng(SEED).standard_normal(6)

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        column, row = weights[:3], weights[3:]
        residual = np.outer(column, row) - goal
        return float((residual**2).sum()), np.concatenate([2 * residual @ row, 2 * residual.T @ column])

    fit = optimize.minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 200, "gtol": 1e-12})
    column, row = torch.from_numpy(fit.x[:3].copy()), torch.from_numpy(fit.x[3:].copy())
    fitted = effective_kernel(*_one_channel_pair(column, row))[0, 0]
    return float(torch.linalg.norm(fitted - target))


def _bias_leak() -> tuple[np.ndarray, float, float]:
    """Pair (bias on both, the first's set to :data:`FIRST_BIAS`) minus the best single 3×3 conv (composed kernel,
    combined bias): the difference map of one seeded input, the first conv's bias and the combined bias."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(SEED + 2)
        first, second = make_pair(1, 1, 1, bias=True)
        x = torch.randn((1, 1, *LEAK_SIZE), dtype=torch.float64)
    assert first.bias is not None and second.bias is not None
    single = nn.utils.skip_init(nn.Conv2d, 1, 1, 3, padding=1, dtype=torch.float64)
    with torch.no_grad():
        first.bias.fill_(FIRST_BIAS)
        combined = second.bias + first.bias * second.weight.sum()
        single.weight.copy_(effective_kernel(first, second))
        single.bias.copy_(combined)
        difference = (second(first(x)) - single(x))[0, 0]
    return difference.detach().numpy(), float(first.bias.detach()), float(combined.detach())


def _evidence(e: FactorEvidence) -> tuple[str, str]:
    pair_one, single_one, pair_wide, single_wide = e.params
    s = e.singular_values
    cin, mid, cout = e.multi_channels
    last = e.leak_difference.shape[0] - 1
    rows = tr("Factorised claim", " and ").join(
        tr("Factorised claim", "top")
        if r == 0
        else tr("Factorised claim", "bottom")
        if r == last
        else tr("Factorised claim", "{row}th").format(row=r)
        for r in e.leak_rows
    )
    text = tr(
        "Factorised claim",
        "The pair has {pair_weights} weights per channel pair against {single_weights} (with C channels and biases "
        "{pair_formula} against 9C² + C: {pair_count:,} against {single_count:,} for C = {channels}, counted on real "
        "modules) and the same {field_h}×{field_w} receptive field, but a smaller function class. With one channel "
        "and no bias its effective kernel is the outer product of its two weights, rank 1: Sobel [1,2,1]ᵀ[−1,0,1] is "
        "one, and composing the two convs reproduces it (max error {sobel_error:.2g}). The Laplacian "
        "[[0,1,0],[1,−4,1],[0,1,0]] is not: singular values {s1:.3f}, {s2:.3f}, {s3:.3f}, so its best rank-1 fit "
        "misses by √(s₂² + s₃²) = {svd_error:.3f} (Frobenius), {relative:.0f}% of its norm; the pair built from that "
        "fit misses by {best_error:.3f}, and fitting the pair by L-BFGS gets no closer ({fitted_error:.3f}). With m "
        "channels in between, each kernel from input c to output o is a sum of m rank-1 terms whose factors all "
        "channel pairs share: real layers {cin}→{mid}→{cout} match that formula (max difference "
        "{formula_difference:.1g}), and their {kernels} kernels, of rank ≤ {rank}, come from {pair_total} weights "
        "where {free} free 3×3 kernels take {free_total}. And a bias on the first conv (b₁ = {first_bias:.3f}) leaks "
        "through the second conv's zero padding: the best single 3×3 conv (the composed kernel, bias "
        "{combined_bias:.3f}) matches every interior output (max difference {interior:.1g}) but differs on the "
        "{rows} rows, by up to {leak:.3f}.",
    ).format(
        pair_weights=pair_one.by_module,
        single_weights=single_one.by_module,
        pair_formula=pair_wide.formula.split("= ")[-1],
        pair_count=pair_wide.by_module,
        single_count=single_wide.by_module,
        channels=CHANNELS,
        field_h=e.receptive_field[0],
        field_w=e.receptive_field[1],
        sobel_error=e.sobel_error,
        s1=s[0],
        s2=s[1],
        s3=s[2],
        svd_error=e.svd_error,
        relative=100 * e.relative_error,
        best_error=e.best_error,
        fitted_error=e.fitted_error,
        cin=cin,
        mid=mid,
        cout=cout,
        formula_difference=e.multi_formula_difference,
        kernels=len(e.multi_ranks),
        rank=max(e.multi_ranks),
        pair_total=3 * cin * mid + 3 * mid * cout,
        free=cin * cout,
        free_total=9 * cin * cout,
        first_bias=e.first_bias,
        combined_bias=e.combined_bias,
        interior=e.interior_max,
        rows=rows,
        leak=e.leak_max,
    )
    if e.sobel_error < ZERO and e.svd_error > ZERO and e.fitted_error >= e.svd_error - 1e-9:
        return "false", tr(
            "Factorised claim", "False as a general replacement, true for rank-1 kernels only. {evidence}"
        ).format(evidence=text)
    return "partly true", text


def run(cancel: CancelToken | None = None) -> ClaimRun:
    """Parameters, Sobel, the Laplacian's best rank-1 fit, m-channel composition and the bias leak."""
    yield ClaimProgress(0.0, tr("Factorised claim", "counting parameters; composing the pair into Sobel"))
    check_cancel(cancel)
    params = _parameter_rows()
    sobel_column = torch.tensor(SOBEL_COLUMN, dtype=torch.float64)
    sobel_row = torch.tensor(SOBEL_ROW, dtype=torch.float64)
    sobel_target = torch.outer(sobel_column, sobel_row)
    sobel = effective_kernel(*_one_channel_pair(sobel_column, sobel_row))[0, 0]
    yield ClaimProgress(
        0.25, tr("Factorised claim", "the Laplacian's best rank-1 fit: SVD, and the pair fitted by L-BFGS")
    )
    check_cancel(cancel)
    laplacian = torch.tensor(LAPLACIAN, dtype=torch.float64)
    u, singular, vh = torch.linalg.svd(laplacian)
    scale = math.sqrt(float(singular[0]))
    best = effective_kernel(*_one_channel_pair(scale * u[:, 0], scale * vh[0]))[0, 0]
    svd_error = math.sqrt(float((singular[1:] ** 2).sum()))
    fitted_error = _fit_pair(laplacian)
    yield ClaimProgress(0.55, tr("Factorised claim", "composing real layers with channels in between"))
    check_cancel(cancel)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(SEED + 1)
        first, second = make_pair(*MULTI, bias=False)
    composed = effective_kernel(first, second)
    support = composed.abs().sum(dim=(0, 1)) > 0
    ranks = tuple(int(torch.linalg.matrix_rank(k)) for k in composed.reshape(-1, 3, 3))
    yield ClaimProgress(
        0.8, tr("Factorised claim", "a bias on the first conv: the pair against the best single 3×3 conv")
    )
    check_cancel(cancel)
    leak, first_bias, combined_bias = _bias_leak()
    nonzero = np.abs(leak) > ZERO
    interior = np.abs(leak[1:-1]).max() if leak.shape[0] > 2 else 0.0
    evidence = FactorEvidence(
        params=params,
        receptive_field=(int(support.any(dim=1).sum()), int(support.any(dim=0).sum())),
        sobel_target=sobel_target.numpy(),
        sobel_effective=sobel.numpy(),
        sobel_error=float((sobel - sobel_target).abs().max()),
        laplacian=laplacian.numpy(),
        singular_values=tuple(float(v) for v in singular),
        best_rank1=best.numpy(),
        best_error=float(torch.linalg.norm(best - laplacian)),
        svd_error=svd_error,
        relative_error=svd_error / float(torch.linalg.norm(laplacian)),
        fitted_error=fitted_error,
        multi_channels=MULTI,
        multi_formula_difference=float((composed - formula_kernel(first, second)).abs().max()),
        multi_ranks=ranks,
        leak_difference=leak,
        leak_rows=tuple(int(r) for r in np.flatnonzero(nonzero.any(axis=1))),
        leak_max=float(np.abs(leak).max()),
        interior_max=float(interior),
        first_bias=first_bias,
        combined_bias=combined_bias,
    )
    verdict, text = _evidence(evidence)
    return ClaimResult(NAME, verdict, text, evidence)
