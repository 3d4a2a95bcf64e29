"""Move weights (and gradients) between a conv and a Linear through an index map."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.index_maps import NO_WEIGHT


class NotAConvError(ValueError):
    """A Linear whose matrix lacks the structure of the conv it was compared with; says where it breaks."""


def gather_to_linear(conv_values: torch.Tensor, index: torch.Tensor) -> torch.Tensor:
    """The Linear tensor (weight or bias) whose entries are ``conv_values.flatten()[index]``, 0 where -1."""
    # NO_WEIGHT is -1, which indexes the last element: append a zero there, so one gather does it all
    # (no clamped copy of a possibly huge index map).
    flat = conv_values.detach().reshape(-1)
    return torch.cat([flat, flat.new_zeros(1)])[index]


def scatter_to_conv(linear_values: torch.Tensor, index: torch.Tensor, conv_shape: torch.Size) -> torch.Tensor:
    """Sum Linear entries onto the conv weights they share (how a Linear's gradient maps back)."""
    used = index != NO_WEIGHT
    out = torch.zeros(conv_shape.numel(), dtype=linear_values.dtype)
    out.index_add_(0, index[used], linear_values[used])
    return out.reshape(conv_shape)


@dataclass(frozen=True)
class Recovered:
    """A conv tensor recovered from a Linear; ``unconstrained`` conv entries never reach the output."""

    values: torch.Tensor
    unconstrained: int


def _position(shape: tuple[int, ...], flat_position: int) -> str:
    coords = []
    for size in reversed(shape):
        coords.append(flat_position % size)
        flat_position //= size
    return "[" + ", ".join(str(c) for c in reversed(coords)) + "]"


def recover_conv(
    linear_values: torch.Tensor, index: torch.Tensor, conv_shape: torch.Size, what: str, atol: float = 0.0
) -> Recovered:
    """Invert :func:`gather_to_linear`: the conv tensor a Linear encodes, or :class:`NotAConvError`.

    Every entry outside the structure must be 0, and all entries that share one conv weight must be equal
    (within ``atol``). Conv weights the structure never uses (e.g. kernel taps that only ever see padding) are
    returned as 0 and counted.
    """
    values = linear_values.detach()
    outside = (index == NO_WEIGHT) & (values.abs() > atol)
    if outside.any():
        first = int(torch.nonzero(outside.reshape(-1))[0])
        where, value = _position(tuple(index.shape), first), float(values.reshape(-1)[first])
        raise NotAConvError(
            f"{what}{where} = {value:.4g} is not a conv weight: "
            f"it lies outside every receptive field / group block and would have to be 0 "
            f"({int(outside.sum())} such entries)"
        )
    used = index != NO_WEIGHT
    numel = conv_shape.numel()
    source, picked = index[used], values[used].to(torch.float64)
    low = torch.full((numel,), float("inf"), dtype=torch.float64).scatter_reduce(0, source, picked, "amin")
    high = torch.full((numel,), float("-inf"), dtype=torch.float64).scatter_reduce(0, source, picked, "amax")
    seen = torch.zeros(numel, dtype=torch.bool)
    seen[source] = True
    spread = torch.where(seen, high - low, torch.zeros((), dtype=torch.float64))
    worst = int(spread.argmax())
    if float(spread[worst]) > atol:
        copies = int((source == worst).sum())
        raise NotAConvError(
            f"weight sharing broken: the {copies} entries of {what} that should all equal conv "
            f"weight{_position(tuple(conv_shape), worst)} differ by up to {float(spread[worst]):.4g}"
        )
    recovered = torch.where(seen, low, torch.zeros((), dtype=torch.float64)).to(values.dtype)
    return Recovered(values=recovered.reshape(conv_shape), unconstrained=int((~seen).sum()))
