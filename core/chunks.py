"""Walk equally-shaped tensors in matching pieces, so elementwise float64 work never copies a whole tensor."""

from __future__ import annotations

from collections.abc import Iterator

import torch

# 256K elements: a 2 MiB float64 temporary per piece, large enough that the Python loop costs nothing.
CHUNK_ELEMENTS = 1 << 18


def aligned_chunks(*tensors: torch.Tensor, max_elements: int = CHUNK_ELEMENTS) -> Iterator[tuple[torch.Tensor, ...]]:
    """Yield the same flat piece of every tensor in turn, each piece at most ``max_elements`` long (unless one
    trailing row is longer than that, which is split further). The tensors may differ in strides and dtype.

    A piece is a view when the tensor's layout allows it and a copy of at most one piece otherwise.
    """
    shape = tensors[0].shape
    if any(t.shape != shape for t in tensors):
        raise ValueError(f"shapes differ: {[tuple(t.shape) for t in tensors]}")
    numel = shape.numel()
    if len(shape) == 0 or numel <= max_elements:
        yield tuple(t.reshape(-1) for t in tensors)
        return
    row = numel // shape[0]
    if row > max_elements:
        for i in range(shape[0]):
            yield from aligned_chunks(*(t[i] for t in tensors), max_elements=max_elements)
        return
    step = max(1, max_elements // max(row, 1))
    for start in range(0, shape[0], step):
        yield tuple(t[start : start + step].reshape(-1) for t in tensors)
