"""Claim: "A stride-2 1×1 conv halves the feature map".

Each side halves rounding up (H_out = floor((H - 1)/2) + 1 = ceil(H/2)), the conv equals subsample-then-Linear
exactly, and only the input positions on even rows and columns influence the output: a quarter of them on even
sizes (counted from the conv's Jacobian, not assumed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.bench.runner import CancelToken
from core.claims.base import ClaimProgress, ClaimResult, ClaimRun, check_cancel
from core.i18n import tr

NAME = "stride"
CIN, COUT, SEED = 3, 4, 0
SIZES = ((7, 7), (8, 8))


@dataclass(frozen=True, eq=False)
class StrideCase:
    """One input size: the conv's output size, ceil(H/2) per side, which input positions influence any output
    (``used``, H×W booleans) and how far the conv is from subsample-then-Linear (``max_abs_difference``)."""

    input_size: tuple[int, int]
    output_size: tuple[int, int]
    ceil_half: tuple[int, int]
    used: np.ndarray
    max_abs_difference: float

    @property
    def used_count(self) -> int:
        return int(self.used.sum())

    @property
    def total(self) -> int:
        return int(self.used.size)

    @property
    def kept_fraction(self) -> float:
        return self.used_count / self.total


@dataclass(frozen=True)
class StrideEvidence:
    """``Conv2d(cin, cout, 1, stride=2)`` on each of ``cases``' input sizes (float64, seeded)."""

    cin: int
    cout: int
    cases: tuple[StrideCase, ...]


def _case(conv: nn.Conv2d, size: tuple[int, int], generator: torch.Generator) -> StrideCase:
    x = torch.randn((2, CIN, *size), generator=generator, dtype=torch.float64)
    linear = nn.utils.skip_init(nn.Linear, CIN, COUT, dtype=torch.float64)  # every entry is copied in
    with torch.no_grad():
        linear.weight.copy_(conv.weight[:, :, 0, 0])
        assert conv.bias is not None
        linear.bias.copy_(conv.bias)
        y = conv(x)
        subsampled = linear(x[:, :, ::2, ::2].permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
    difference = float((y - subsampled).abs().max()) if y.shape == subsampled.shape else math.inf
    # Which inputs influence any output: the non-zero columns of the conv's Jacobian (one sample suffices).
    jacobian = torch.autograd.functional.jacobian(conv, x[:1])
    used = (jacobian != 0).flatten(0, 3).any(dim=0).any(dim=0).any(dim=0)  # (H, W) after dropping out, N, C
    return StrideCase(
        input_size=size,
        output_size=(int(y.shape[2]), int(y.shape[3])),
        ceil_half=(math.ceil(size[0] / 2), math.ceil(size[1] / 2)),
        used=used.numpy(),
        max_abs_difference=difference,
    )


def _size(size: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in size)


def _evidence(evidence: StrideEvidence) -> tuple[str, str]:
    odd = next(c for c in evidence.cases if c.input_size[0] % 2)
    even = next(c for c in evidence.cases if not c.input_size[0] % 2)
    halves = all(c.output_size == c.ceil_half for c in evidence.cases)
    exact = max(c.max_abs_difference for c in evidence.cases)
    discarded = even.total - even.used_count
    sizes = tr("Stride claim", "; ").join(f"{_size(c.input_size)} → {_size(c.output_size)}" for c in evidence.cases)
    text = tr(
        "Stride claim",
        "Each side halves, rounding up: H_out = floor((H − 1)/2) + 1 = ceil(H/2) ({sizes}; {odd_side}/2 = "
        "{odd_half:g} becomes {odd_out}). But the map keeps a quarter of its positions, not half: on {even_size} only "
        "{even_used} of {even_total} input positions ({even_percent:.0f}%) influence any output (the non-zero columns "
        "of the conv's Jacobian), the other {discarded} are never read: {skipped} of every {every}; on {odd_size}, "
        "{odd_used} of {odd_total} ({odd_percent:.0f}%). It is exactly 'take every second row and column, then a "
        "Linear({cin}, {cout}) over channels': max abs difference {difference:.3g} in float64.",
    ).format(
        sizes=sizes,
        odd_side=odd.input_size[0],
        odd_half=odd.input_size[0] / 2,
        odd_out=odd.output_size[0],
        even_size=_size(even.input_size),
        even_used=even.used_count,
        even_total=even.total,
        even_percent=100 * even.kept_fraction,
        discarded=discarded,
        skipped=discarded // even.used_count,
        every=even.total // even.used_count,
        odd_size=_size(odd.input_size),
        odd_used=odd.used_count,
        odd_total=odd.total,
        odd_percent=100 * odd.kept_fraction,
        cin=evidence.cin,
        cout=evidence.cout,
        difference=exact,
    )
    if halves and even.kept_fraction == 0.25 and exact < 1e-12:
        return "partly true", tr("Stride claim", "Partly true. {evidence}").format(evidence=text)
    return "false", tr("Stride claim", "False as measured. {evidence}").format(evidence=text)


def run(cancel: CancelToken | None = None) -> ClaimRun:
    """Conv2d(3, 4, 1, stride=2) on 7×7 and 8×8: output sizes, equality with subsample-then-Linear, inputs used."""
    generator = torch.Generator().manual_seed(SEED)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(SEED)
        conv = nn.Conv2d(CIN, COUT, kernel_size=1, stride=2).double()
    cases = []
    for index, size in enumerate(SIZES):
        yield ClaimProgress(
            index / len(SIZES), tr("Stride claim", "stride-2 1×1 conv on {size}").format(size=_size(size))
        )
        check_cancel(cancel)
        cases.append(_case(conv, size, generator))
    evidence = StrideEvidence(cin=CIN, cout=COUT, cases=tuple(cases))
    verdict, text = _evidence(evidence)
    return ClaimResult(NAME, verdict, text, evidence)
