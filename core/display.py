"""Matrices as the window shows them: conv kernels tiled into one image, big matrices reduced by blocks.

All reductions happen on the matrices core already holds (within the memory budget); nothing larger is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

import numpy as np
import torch
import torch.nn.functional as F

from core.index_maps import NO_WEIGHT

MAX_DISPLAY_CELLS = 1_000_000


@dataclass(frozen=True)
class ConvGrid:
    """The conv weight ``(cout, cin/groups, kh, kw)`` tiled as ``cout*kh`` rows by ``cin/groups*kw`` columns.

    ``uses[i]`` counts the Linear entries that equal conv weight ``i`` (worked out once, not per hover).
    """

    values: np.ndarray
    kernel: tuple[int, int]
    cout: int
    cin_per_group: int
    dims: int
    uses: np.ndarray

    def _unravel(self, flat_index: int) -> tuple[int, int, int, int]:
        kh, kw = self.kernel
        o, rest = divmod(flat_index, self.cin_per_group * kh * kw)
        c, rest = divmod(rest, kh * kw)
        a, b = divmod(rest, kw)
        return o, c, a, b

    def cell_of(self, flat_index: int) -> tuple[int, int]:
        """(row, column) in the tiled image of conv weight ``flat_index``."""
        kh, kw = self.kernel
        o, c, a, b = self._unravel(flat_index)
        return o * kh + a, c * kw + b

    def index_at(self, row: int, col: int) -> int | None:
        """The flat conv weight index under tiled cell (row, col), or None outside."""
        kh, kw = self.kernel
        if not (0 <= row < self.cout * kh and 0 <= col < self.cin_per_group * kw):
            return None
        o, a = divmod(row, kh)
        c, b = divmod(col, kw)
        return ((o * self.cin_per_group + c) * kh + a) * kw + b

    def describe(self, flat_index: int) -> str:
        """``conv.weight[o, c, a, b]`` (2-D) or ``conv.weight[o, c, b]`` (1-D)."""
        o, c, a, b = self._unravel(flat_index)
        return f"conv.weight[{o}, {c}, {a}, {b}]" if self.dims == 2 else f"conv.weight[{o}, {c}, {b}]"


def conv_grid(weight: torch.Tensor, uses: torch.Tensor) -> ConvGrid:
    """Tile a Conv1d/Conv2d weight into one 2-D image (1-D kernels have height 1); ``uses`` counts the Linear
    entries equal to each conv weight (:meth:`core.mapping.LayerMapping.weight_uses`)."""
    dims = weight.dim() - 2
    w = weight.detach().double()
    if dims == 1:
        w = w.unsqueeze(2)
    cout, cin_g, kh, kw = w.shape
    tiled = w.permute(0, 2, 1, 3).reshape(cout * kh, cin_g * kw)
    return ConvGrid(tiled.numpy(), (kh, kw), cout, cin_g, dims, uses.numpy())


@dataclass(frozen=True)
class ReducedMatrix:
    """A matrix shown through ``block x block`` tiles: each tile shows its largest-magnitude entry.

    ``source`` carries, per displayed cell, the conv weight index of that entry (-1: structural zero).
    """

    values: np.ndarray
    source: np.ndarray
    block: int
    shape: tuple[int, int]

    def original_cell(self, row: int, col: int) -> tuple[int, int]:
        return row * self.block, col * self.block


def reduce_matrix(values: torch.Tensor, source: torch.Tensor, max_cells: int = MAX_DISPLAY_CELLS) -> ReducedMatrix:
    """Reduce ``values`` (and its index map) by square blocks until it has at most ``max_cells`` cells.

    Each block shows its largest-magnitude entry, preferring a real (structural) weight over a structural zero,
    so the sparse structure stays visible.
    """
    rows, cols = values.shape
    block = max(1, ceil((rows * cols / max_cells) ** 0.5))
    v = values.detach()
    if block == 1:
        return ReducedMatrix(v.double().numpy(), source.numpy(), 1, (rows, cols))
    # One pass of max-pooling over a score picks each block's entry without copying the matrix into tiles.
    score = v.abs() if v.dtype in (torch.float32, torch.float64) else v.abs().float()
    score.add_(1).masked_fill_(source == NO_WEIGHT, 0)
    _, picked = F.max_pool2d(score[None, None], block, block, ceil_mode=True, return_indices=True)
    picked = picked[0, 0]
    return ReducedMatrix(
        v.reshape(-1)[picked].double().numpy(), source.reshape(-1)[picked].numpy(), block, (rows, cols)
    )


def first_map(tensor: torch.Tensor) -> np.ndarray:
    """(N, C, *spatial) -> channels x positions of sample 0, in float64: how an output is drawn and exported."""
    sample = tensor[0].double()
    return sample.reshape(sample.shape[0], -1).numpy()
