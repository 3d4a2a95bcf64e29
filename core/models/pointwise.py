"""A pointwise (kernel 1) convolution computed by nn.Linear over the channel dimension.

This file needs only torch: LinConv Lab saves a copy of it beside a rewritten model's state dict, so the model can be
rebuilt without LinConv Lab installed (``from pointwise_linear import PointwiseLinear``).
"""

from __future__ import annotations

from types import EllipsisType

import torch
from torch import nn


class PointwiseLinear(nn.Module):
    """A pointwise (kernel 1) Conv1d/Conv2d/Conv3d as permute → Linear → permute back; stride by subsampling; groups
    by a block-diagonal weight.

    ``linear.weight`` has shape (out_channels, in_channels); with ``groups > 1`` only its diagonal blocks (out/groups ×
    in/groups) are the conv's weights and the rest is zero. Training can fill the zeros (they are ordinary
    parameters); converting back to a conv then refuses, as the result would no longer be a grouped conv.
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        spatial_dims: int,
        stride: tuple[int, ...],
        groups: int = 1,
        bias: bool = True,
        device: torch.device | str | None = None,
        dtype: torch.dtype | None = None,
    ) -> None:
        super().__init__()
        if spatial_dims not in (1, 2, 3) or len(stride) != spatial_dims:
            raise ValueError(f"spatial_dims must be 1, 2 or 3 with one stride each, got {spatial_dims} and {stride}")
        if groups < 1 or in_channels % groups or out_channels % groups:
            raise ValueError(f"groups={groups} must divide in_channels={in_channels} and out_channels={out_channels}")
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.spatial_dims = spatial_dims
        self.stride = tuple(int(s) for s in stride)
        self.groups = groups
        self.linear = nn.Linear(in_channels, out_channels, bias=bias, device=device, dtype=dtype)
        if groups > 1:
            with torch.no_grad():
                self.linear.weight.mul_(self.block_mask())

    def block_mask(self) -> torch.Tensor:
        """A (out, in) tensor of ones on the diagonal blocks of a grouped weight and zeros elsewhere."""
        group = torch.arange(self.groups, device=self.linear.weight.device)
        out_group = group.repeat_interleave(self.out_channels // self.groups)
        in_group = group.repeat_interleave(self.in_channels // self.groups)
        return (out_group[:, None] == in_group[None, :]).to(self.linear.weight.dtype)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        channel = x.dim() - self.spatial_dims - 1  # 1 for (N, C, *spatial); 0 for an unbatched (C, *spatial)
        if any(s > 1 for s in self.stride):
            index: tuple[EllipsisType | slice, ...] = (..., *(slice(None, None, s) for s in self.stride))
            x = x[index]
        return self.linear(x.movedim(channel, -1)).movedim(-1, channel)

    def extra_repr(self) -> str:
        return (
            f"in_channels={self.in_channels}, out_channels={self.out_channels}, spatial_dims={self.spatial_dims}, "
            f"stride={self.stride}, groups={self.groups}"
        )
