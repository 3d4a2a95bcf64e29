"""One step of the sliding window: which input cells, kernel taps, output cell and matrix row/column meet."""

from __future__ import annotations

from dataclasses import dataclass

from core.validation import ValidSpec


@dataclass(frozen=True)
class WindowStep:
    """Output position ``(i, j)`` of output channel ``out_channel``.

    ``taps`` lists, per kernel tap ``(a, b)``, the input cell it reads in *padded* coordinates and whether that
    cell is real input (False: a padding zero). ``toeplitz_row`` is the row of the unrolled matrix,
    ``patch_column`` the column of the unfold patch matrix; ``channels`` the input channels of the group.
    """

    position: tuple[int, int]
    out_channel: int
    taps: tuple[tuple[tuple[int, int], tuple[int, int], bool], ...]
    toeplitz_row: int
    patch_column: int
    channels: tuple[int, ...]


def step_count(valid: ValidSpec) -> int:
    """How many output positions a window visits."""
    out_h, out_w = valid.geometry.output
    return out_h * out_w


def window_step(valid: ValidSpec, index: int, out_channel: int = 0) -> WindowStep:
    """The ``index``-th output position (row-major) of ``out_channel``."""
    geom, spec = valid.geometry, valid.spec
    out_h, out_w = geom.output
    index %= out_h * out_w
    i, j = divmod(index, out_w)
    (kh, kw), (sh, sw), (dh, dw) = geom.kernel, geom.stride, geom.dilation
    taps = []
    for a in range(kh):
        for b in range(kw):
            h, w = i * sh + a * dh, j * sw + b * dw  # padded coordinates
            real = (
                geom.pad_lo[0] <= h < geom.pad_lo[0] + geom.input[0]
                and geom.pad_lo[1] <= w < geom.pad_lo[1] + geom.input[1]
            )
            taps.append(((a, b), (h, w), real))
    cin_g, cout_g = spec.cin // spec.groups, spec.cout // spec.groups
    group = out_channel // cout_g
    return WindowStep(
        position=(i, j),
        out_channel=out_channel,
        taps=tuple(taps),
        toeplitz_row=(out_channel * out_h + i) * out_w + j,
        patch_column=index,
        channels=tuple(range(group * cin_g, (group + 1) * cin_g)),
    )
