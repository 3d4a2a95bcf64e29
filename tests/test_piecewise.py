"""The piecewise helpers behind the lean checks give what the whole-tensor computations gave."""

from __future__ import annotations

import math

import pytest
import torch

from core.chunks import aligned_chunks
from core.comparison import compare_outputs, max_abs_difference
from core.rounding import within_tolerance
from core.running_moments import RunningMoments


@pytest.mark.parametrize("max_elements", [1, 7, 60, 10_000])
def test_aligned_chunks_cover_every_element_once_in_order_whatever_the_strides(max_elements: int) -> None:
    a = torch.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5)
    b = torch.arange(2 * 4 * 5 * 3).reshape(2, 4, 5, 3).movedim(-1, 1)  # channels-last, as the pointwise Linear's
    pieces = list(aligned_chunks(a, b, max_elements=max_elements))
    assert all(p.numel() <= max(max_elements, 1) for pair in pieces for p in pair)
    assert torch.equal(torch.cat([p for p, _ in pieces]), a.reshape(-1))
    assert torch.equal(torch.cat([q for _, q in pieces]), b.reshape(-1))


def test_aligned_chunks_refuse_different_shapes() -> None:
    with pytest.raises(ValueError, match="shapes differ"):
        next(aligned_chunks(torch.zeros(2, 3), torch.zeros(3, 2)))


def test_running_moments_match_torch_std_of_everything_kept() -> None:
    generator = torch.Generator().manual_seed(0)
    batches = [torch.randn(n, generator=generator) * 3 + 1000 for n in (1, 5, 400, 31)]
    moments = RunningMoments()
    for batch in batches:
        moments.add(batch)
    expected = float(torch.cat(batches).double().std())
    assert moments.count == 437
    assert moments.std() == pytest.approx(expected, rel=1e-6)
    assert math.isnan(RunningMoments().std())


def test_piecewise_comparison_equals_the_whole_tensor_one() -> None:
    generator = torch.Generator().manual_seed(1)
    conv = torch.randn(3, 4, 50, 70, generator=generator)
    linear = (conv + 1e-6 * torch.randn(conv.shape, generator=generator)).movedim(1, -1).contiguous().movedim(-1, 1)
    linear[0, 0, 0, :3] = conv[0, 0, 0, :3]  # some bitwise-equal elements
    conv[1, 2, 3, 4] = 0.0  # a zero reference: infinite relative error
    magnitude = conv.double().abs() + 1.0
    result = compare_outputs(conv, linear, magnitude, 1e-7)
    diff = (conv.double() - linear.double()).abs()
    assert result.max_abs_error == float(diff.max())
    assert result.max_rel_error == math.inf
    assert result.rounding_bound == float((1e-7 * magnitude).max())
    assert result.within_rounding_bound == bool((diff <= 1e-7 * magnitude).all())
    assert result.bitwise_equal_fraction == float((conv == linear).double().mean())
    assert result.allclose == bool(torch.allclose(linear, conv))
    assert max_abs_difference(conv, linear) == float(diff.max())
    assert within_tolerance(linear, conv, magnitude, conv.dtype, bound_scale=1e-7) == result.equal


def test_a_nan_anywhere_is_the_largest_error_as_before() -> None:
    conv = torch.zeros(2_000_000)
    linear = conv.clone()
    linear[-1] = math.nan
    assert math.isnan(max_abs_difference(conv, linear))
    assert math.isnan(compare_outputs(conv, linear, torch.ones(2_000_000, dtype=torch.float64), 1.0).max_abs_error)
