"""Compare two outputs element by element in float64, a piece at a time (no full-size float64 copies)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from core.chunks import aligned_chunks
from core.rounding import tolerances


@dataclass(frozen=True)
class OutputComparison:
    """How far ``linear`` is from the reference ``conv``: see :class:`core.equality.EqualityReport`."""

    equal: bool
    allclose: bool
    max_abs_error: float
    max_rel_error: float
    bitwise_equal_fraction: float
    within_rounding_bound: bool
    rounding_bound: float


def _rel_error(diff: torch.Tensor, reference: torch.Tensor) -> float:
    """Largest ``|difference| / |reference|``: infinite where the reference is 0 and the difference is not."""
    magnitude = reference.abs()
    zero = magnitude == 0
    ratio = diff / magnitude.masked_fill(zero, 1.0)
    ratio.masked_fill_(zero & (diff > 0), float("inf")).masked_fill_(zero & (diff == 0), 0.0)
    return float(ratio.max())


def _largest(maxima: list[float]) -> float:
    """The largest of per-piece maxima (NaN if any is NaN, as one ``max`` over the whole tensor would say).

    Per-piece maxima are Python floats, not 0-dim tensors: a small tensor kept per piece would sit in the heap
    hole its piece's temporaries leave, so the next piece could not reuse it and resident memory would grow by a
    piece per piece.
    """
    return math.nan if any(math.isnan(m) for m in maxima) else max(maxima)


def compare_outputs(
    conv: torch.Tensor, linear: torch.Tensor, magnitude: torch.Tensor, bound_scale: float
) -> OutputComparison:
    """Errors of ``linear`` against ``conv`` (same shape and dtype); the rounding bound is ``bound_scale *
    magnitude`` elementwise (``magnitude``: the float64 ``|W| |x| + |b|``)."""
    if conv.numel() == 0:
        return OutputComparison(True, True, 0.0, 0.0, 1.0, True, 0.0)
    rtol, atol = tolerances(conv.dtype)
    abs_maxima: list[float] = []
    rel_maxima: list[float] = []
    bound_maxima: list[float] = []
    equal = allclose = within_bound = True
    same = 0
    for conv_part, linear_part, magnitude_part in aligned_chunks(conv, linear, magnitude):
        bound = bound_scale * magnitude_part
        reference = conv_part.double()
        diff = (reference - linear_part.double()).abs()
        abs_maxima.append(float(diff.max()))
        rel_maxima.append(_rel_error(diff, reference))
        bound_maxima.append(float(bound.max()))
        below_bound = diff <= bound
        within_bound = within_bound and bool(below_bound.all())
        equal = equal and bool(((diff <= atol + rtol * reference.abs()) | below_bound).all())
        allclose = allclose and bool(torch.allclose(linear_part, conv_part, rtol=rtol, atol=atol))
        same += int((conv_part == linear_part).sum())
    return OutputComparison(
        equal=equal,
        allclose=allclose,
        max_abs_error=_largest(abs_maxima),
        max_rel_error=_largest(rel_maxima),
        bitwise_equal_fraction=same / conv.numel(),
        within_rounding_bound=within_bound,
        rounding_bound=_largest(bound_maxima),
    )


def max_abs_difference(a: torch.Tensor, b: torch.Tensor) -> float:
    """``max |a - b|`` in float64, a piece at a time."""
    return _largest([float((a_part.double() - b_part.double()).abs().max()) for a_part, b_part in aligned_chunks(a, b)])
