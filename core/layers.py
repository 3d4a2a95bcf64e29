"""Build the PyTorch modules and input a spec describes, reproducibly."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import torch
from torch import nn

from core.registry import DTYPES
from core.spec import LayerSpec


def torch_dtype(name: str) -> torch.dtype:
    """The torch dtype for a spec dtype name (a name of :data:`core.registry.DTYPES`)."""
    dtype = getattr(torch, DTYPES[name].name)
    assert isinstance(dtype, torch.dtype)
    return dtype


@contextmanager
def quiet_same_padding() -> Iterator[None]:
    """Silence PyTorch's note that even-kernel 'same' padding copies the input: expected, not a problem here."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using padding='same'", category=UserWarning)
        yield


def make_conv(spec: LayerSpec) -> nn.Conv1d | nn.Conv2d:
    """``nn.Conv1d``/``nn.Conv2d`` with PyTorch's default init (float32 under the current RNG state)."""
    padding = spec.padding
    if spec.dims == 1:
        return nn.Conv1d(
            spec.cin,
            spec.cout,
            kernel_size=spec.kernel[0],
            stride=spec.stride[0],
            padding=padding if isinstance(padding, str) else padding[0],
            dilation=spec.dilation[0],
            groups=spec.groups,
            bias=spec.bias,
        )
    return nn.Conv2d(
        spec.cin,
        spec.cout,
        kernel_size=_pair(spec.kernel),
        stride=_pair(spec.stride),
        padding=padding if isinstance(padding, str) else _pair(padding),
        dilation=_pair(spec.dilation),
        groups=spec.groups,
        bias=spec.bias,
    )


def _pair(sizes: tuple[int, ...]) -> tuple[int, int]:
    """A 2-D spec's per-dimension sizes as the pair ``nn.Conv2d`` takes."""
    height, width = sizes
    return height, width


def make_linear(in_features: int, out_features: int, bias: bool, initialise: bool = True) -> nn.Linear:
    """``nn.Linear`` with PyTorch's default init (float32 under the current RNG state).

    ``initialise=False`` leaves the weights uninitialised (and the RNG untouched), for a Linear whose every entry
    is about to be copied in: a 9000x3072 default init alone costs ~0.1 s.
    """
    if not initialise:
        return nn.utils.skip_init(nn.Linear, in_features, out_features, bias=bias)
    return nn.Linear(in_features, out_features, bias=bias)


def conv_input_shape(spec: LayerSpec) -> tuple[int, ...]:
    """``(N, C, L)`` or ``(N, C, H, W)``."""
    return (spec.batch, spec.cin, *spec.input_size)


def make_input(spec: LayerSpec, dtype: torch.dtype | None = None) -> torch.Tensor:
    """The seeded input in the conv's layout; drawn in float64 so every dtype sees the same values, rounded."""
    shape = conv_input_shape(spec)
    if spec.input_fill == "arange":
        values = torch.arange(1, torch.Size(shape).numel() + 1, dtype=torch.float64).reshape(shape)
    elif spec.input_fill == "values":
        values = torch.tensor(spec.input_values, dtype=torch.float64).reshape(shape)
    else:
        generator = torch.Generator().manual_seed(spec.seed)
        values = torch.randn(shape, generator=generator, dtype=torch.float64)
    return values.to(dtype or torch_dtype(spec.dtype))
