"""Spatial arithmetic of a spec, always in 2-D form (a 1-D layer is a 2-D one with unit height)."""

from __future__ import annotations

from dataclasses import dataclass

from core.spec import LayerSpec

Pair = tuple[int, int]


@dataclass(frozen=True)
class Geometry:
    """Per-dimension (height, width) numbers; for 1-D specs the height entries are all trivial.

    ``pad_lo``/``pad_hi`` are the zeros added before/after each dimension: equal for integer padding,
    split as PyTorch does for ``padding='same'`` (the odd extra zero goes after).
    """

    kernel: Pair
    stride: Pair
    dilation: Pair
    pad_lo: Pair
    pad_hi: Pair
    input: Pair
    output: Pair

    @property
    def extent(self) -> Pair:
        """Span of one dilated kernel window: ``d*(k-1)+1`` (the single-layer receptive field)."""
        return (
            self.dilation[0] * (self.kernel[0] - 1) + 1,
            self.dilation[1] * (self.kernel[1] - 1) + 1,
        )

    @property
    def padded_input(self) -> Pair:
        return (
            self.input[0] + self.pad_lo[0] + self.pad_hi[0],
            self.input[1] + self.pad_lo[1] + self.pad_hi[1],
        )

    @property
    def has_padding(self) -> bool:
        return any(self.pad_lo) or any(self.pad_hi)


def _as_pair(values: tuple[int, ...], fill: int) -> Pair:
    return (fill, values[0]) if len(values) == 1 else (values[0], values[1])


def padding_split(spec: LayerSpec) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Zeros before and after each spatial dimension, in the spec's own dims."""
    if spec.padding == "valid":
        zeros = (0,) * spec.dims
        return zeros, zeros
    if spec.padding == "same":
        totals = [d * (k - 1) for d, k in zip(spec.dilation, spec.kernel, strict=True)]
        return tuple(t // 2 for t in totals), tuple(t - t // 2 for t in totals)
    assert isinstance(spec.padding, tuple)
    return spec.padding, spec.padding


def output_length(length: int, kernel: int, stride: int, dilation: int, pad_total: int) -> int:
    """``floor((L + p_total - d*(k-1) - 1)/s + 1)``; zero or negative means an empty output."""
    return (length + pad_total - dilation * (kernel - 1) - 1) // stride + 1


def spec_output_size(spec: LayerSpec) -> tuple[int, ...]:
    """Output spatial size in the spec's own dims (may contain values < 1 for an invalid spec)."""
    lo, hi = padding_split(spec)
    return tuple(
        output_length(n, k, s, d, a + b)
        for n, k, s, d, a, b in zip(spec.input_size, spec.kernel, spec.stride, spec.dilation, lo, hi, strict=True)
    )


def geometry(spec: LayerSpec) -> Geometry:
    """The 2-D geometry of a spec (call on validated specs: the output is assumed non-empty)."""
    lo, hi = padding_split(spec)
    return Geometry(
        kernel=_as_pair(spec.kernel, 1),
        stride=_as_pair(spec.stride, 1),
        dilation=_as_pair(spec.dilation, 1),
        pad_lo=_as_pair(lo, 0),
        pad_hi=_as_pair(hi, 0),
        input=_as_pair(spec.input_size, 1),
        output=_as_pair(spec_output_size(spec), 1),
    )
