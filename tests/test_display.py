from __future__ import annotations

import torch

from core.display import conv_grid, reduce_matrix
from core.index_maps import grouped_dense_index


def test_conv_grid_names_weights_by_their_real_dims_and_counts_uses() -> None:
    weight = torch.arange(2 * 3 * 1 * 2, dtype=torch.float64).reshape(2, 3, 1, 2)  # a 2-D conv with a 1x2 kernel
    index = grouped_dense_index(2, 3, 1, 2)
    uses = torch.bincount(index[index >= 0], minlength=weight.numel())
    grid = conv_grid(weight, uses)
    assert grid.describe(7) == "conv.weight[1, 0, 0, 1]"
    assert grid.cell_of(7) == (1, 1) and grid.index_at(1, 1) == 7
    assert grid.values[grid.cell_of(7)] == 7.0
    assert grid.uses.tolist() == [1] * weight.numel()
    one_d = conv_grid(weight.reshape(2, 3, 2), uses)
    assert one_d.describe(7) == "conv.weight[1, 0, 1]"


def test_block_reduction_keeps_structure_visible() -> None:
    values = torch.zeros(8, 8, dtype=torch.float64)
    source = torch.full((8, 8), -1)
    values[5, 6], source[5, 6] = 0.0, 3  # a real weight that happens to be zero still shows as structure
    reduced = reduce_matrix(values, source, max_cells=4)
    assert reduced.block == 4 and reduced.source.shape == (2, 2)
    assert reduced.source[1, 1] == 3 and (reduced.source == -1).sum() == 3


def test_block_reduction_picks_each_blocks_largest_entry_on_ragged_edges() -> None:
    values = torch.zeros(5, 7, dtype=torch.float64)
    source = torch.arange(35).reshape(5, 7)
    values[4, 6] = -9.0  # the last, partial block
    values[1, 2] = 5.0
    reduced = reduce_matrix(values, source, max_cells=6)
    assert reduced.block == 3 and reduced.values.shape == (2, 3)
    assert reduced.values[1, 2] == -9.0 and reduced.source[1, 2] == 34
    assert reduced.values[0, 0] == 5.0 and reduced.source[0, 0] == 9
