"""Build the PyTorch modules and input a spec describes, reproducibly."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import torch
from torch import nn

from core.spec import LayerSpec

TORCH_DTYPES = {
    "float32": torch.float32,
    "float64": torch.float64,
    "bfloat16": torch.bfloat16,
    "float16": torch.float16,
}


def torch_dtype(name: str) -> torch.dtype:
    """The torch dtype for a spec dtype name."""
    return TORCH_DTYPES[name]


@contextmanager
def quiet_same_padding() -> Iterator[None]:
    """Silence PyTorch's note that even-kernel 'same' padding copies the input: expected, not a problem here."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using padding='same'", category=UserWarning)
        yield


def make_conv(spec: LayerSpec) -> nn.Conv1d | nn.Conv2d:
    """``nn.Conv1d``/``nn.Conv2d`` with PyTorch's default init (float32 under the current RNG state)."""
    conv_type = nn.Conv1d if spec.dims == 1 else nn.Conv2d
    return conv_type(
        spec.cin,
        spec.cout,
        kernel_size=spec.kernel,
        stride=spec.stride,
        padding=spec.padding,
        dilation=spec.dilation,
        groups=spec.groups,
        bias=spec.bias,
    )


def make_linear(in_features: int, out_features: int, bias: bool) -> nn.Linear:
    """``nn.Linear`` with PyTorch's default init (float32 under the current RNG state)."""
    return nn.Linear(in_features, out_features, bias=bias)


def conv_input_shape(spec: LayerSpec) -> tuple[int, ...]:
    """``(N, C, L)`` or ``(N, C, H, W)``."""
    return (spec.batch, spec.cin, *spec.input_size)


def make_input(spec: LayerSpec, dtype: torch.dtype | None = None) -> torch.Tensor:
    """The seeded input in the conv's layout; drawn in float64 so every dtype sees the same values, rounded."""
    shape = conv_input_shape(spec)
    if spec.input_fill == "arange":
        values = torch.arange(1, torch.Size(shape).numel() + 1, dtype=torch.float64).reshape(shape)
    else:
        generator = torch.Generator().manual_seed(spec.seed)
        values = torch.randn(shape, generator=generator, dtype=torch.float64)
    return values.to(dtype or torch_dtype(spec.dtype))
