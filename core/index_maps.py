"""Where each Linear weight comes from: one int64 map per mapping, shared by every direction.

An index map has the Linear weight's shape; each entry is the flat index into ``conv.weight`` it equals, or
-1 where the Linear weight is a structural zero. Conv -> Linear gathers through it, Linear -> Conv checks
and inverts it, and Linear gradients scatter-add through it back onto the conv weight.
"""

from __future__ import annotations

import torch

from core.geometry import Geometry

NO_WEIGHT = -1


def grouped_dense_index(cout: int, cin: int, groups: int, kernel_numel: int) -> torch.Tensor:
    """Index map of ``Linear(cin*kernel_numel, cout)`` whose columns are channel-major (``c*kn + position``).

    Serves pointwise (kn = 1), full-kernel (kn = H*W) and unfold (kn = kh*kw): with groups the Linear is
    block-diagonal, output channel ``o`` only reading the input channels of its own group.
    """
    cin_g, cout_g = cin // groups, cout // groups
    out_ch = torch.arange(cout).unsqueeze(1)
    column = torch.arange(cin * kernel_numel).unsqueeze(0)
    in_ch, position = column // kernel_numel, column % kernel_numel
    same_group = (out_ch // cout_g) == (in_ch // cin_g)
    flat = (out_ch * cin_g + in_ch % cin_g) * kernel_numel + position
    return torch.where(same_group, flat, torch.full_like(flat, NO_WEIGHT))


def toeplitz_index(cout: int, cin: int, groups: int, geom: Geometry) -> torch.Tensor:
    """Index map of the unrolled conv: rows ``(o, i, j)`` of the output, columns ``(c, h, w)`` of the input."""
    cin_g, cout_g = cin // groups, cout // groups
    (kh, kw), (sh, sw), (dh, dw) = geom.kernel, geom.stride, geom.dilation
    (in_h, in_w), (out_h, out_w) = geom.input, geom.output

    def axis(values: int, position: int) -> torch.Tensor:
        shape = [1] * 6
        shape[position] = values
        return torch.arange(values).reshape(shape)

    o, i, j, c_local, a, b = (axis(n, p) for p, n in enumerate((cout, out_h, out_w, cin_g, kh, kw)))
    h = i * sh - geom.pad_lo[0] + a * dh
    w = j * sw - geom.pad_lo[1] + b * dw
    inside = (h >= 0) & (h < in_h) & (w >= 0) & (w < in_w)
    channel = (o // cout_g) * cin_g + c_local
    row = (o * out_h + i) * out_w + j
    col = (channel * in_h + h) * in_w + w
    flat = ((o * cin_g + c_local) * kh + a) * kw + b
    shape = torch.broadcast_shapes(row.shape, col.shape, flat.shape, inside.shape)
    inside = inside.expand(shape)
    index = torch.full((cout * out_h * out_w, cin * in_h * in_w), NO_WEIGHT, dtype=torch.int64)
    index[row.expand(shape)[inside], col.expand(shape)[inside]] = flat.expand(shape)[inside]
    return index


def channel_bias_index(cout: int, positions: int = 1) -> torch.Tensor:
    """Bias index map: each output channel's bias repeated over its ``positions`` output cells."""
    return torch.arange(cout).repeat_interleave(positions)


def weight_uses(cout: int, cin: int, groups: int, geom: Geometry, unrolled: bool) -> torch.Tensor:
    """How many Linear entries equal each conv weight (flat conv-weight order), without building the index map.

    In the dense mappings (pointwise, full-kernel, unfold) every conv weight is one Linear entry. Unrolled, a
    weight ``(o, c, a, b)`` is used once per output position whose tap ``(a, b)`` lands on real input rather than
    padding: per axis, a count over output positions; the product of the two.
    """
    cin_g = cin // groups
    (kh, kw) = geom.kernel
    if not unrolled:
        return torch.ones(cout * cin_g * kh * kw, dtype=torch.int64)

    def inside(out: int, kernel: int, stride: int, dilation: int, pad: int, length: int) -> torch.Tensor:
        position = torch.arange(out).unsqueeze(1) * stride - pad + torch.arange(kernel).unsqueeze(0) * dilation
        return ((position >= 0) & (position < length)).sum(0)

    per_h = inside(geom.output[0], kh, geom.stride[0], geom.dilation[0], geom.pad_lo[0], geom.input[0])
    per_w = inside(geom.output[1], kw, geom.stride[1], geom.dilation[1], geom.pad_lo[1], geom.input[1])
    per_tap = (per_h.unsqueeze(1) * per_w.unsqueeze(0)).reshape(-1)
    return per_tap.repeat(cout * cin_g)
