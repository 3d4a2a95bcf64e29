"""The built-in example models: small, seeded, no downloads, each showing one thing about pointwise convs and Linear."""

from __future__ import annotations

import inspect
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.memory import DEFAULT_BUDGET_BYTES, format_bytes


@dataclass(frozen=True)
class Example:
    """One built-in model: its name, what it teaches, its default input and how to build it."""

    name: str
    title: str  # tr_noop: show with tr("Model examples", example.title)
    description: str  # tr_noop: show with tr("Model examples", example.description)
    input_shape: tuple[int, ...]
    build: Callable[..., nn.Module]
    shape_for: Callable[..., tuple[int, ...]] | None = field(default=None, compare=False)

    def input_shape_for(self, **kwargs: Any) -> tuple[int, ...]:
        """The example input for these knobs (``input_shape`` unless a knob changes it, e.g. vgg-heads' ``size``)."""
        return self.shape_for(**kwargs) if self.shape_for is not None else self.input_shape


def _positive(knob: str, value: object) -> int:
    """``value`` as a positive int, else SpecError naming the knob."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SpecError(
            "--args",
            tr("Model examples", "{knob} = {value} is not a positive integer").format(knob=knob, value=value),
            tr("Model examples", "give {knob} a whole number of at least 1").format(knob=knob),
        )
    return value


# ---------------------------------------------------------------------------------------------------------- vgg-heads

_VGG19 = ((64, 64), (128, 128), (256, 256, 256, 256), (512, 512, 512, 512), (512, 512, 512, 512))
"""VGG19's configuration [64,64,M,128,128,M,256x4,M,512x4,M,512x4], one tuple per stage (M between stages)."""

_HEAD_TAPS = {"conv2_2": (2, 8), "conv3_4": (3, 4), "conv4_4": (4, 2), "conv5_4": (5, 1)}
"""The tapped feature maps: stage number and the max-pool kernel that brings them to size/16 (1: no pool)."""


def _vgg_stage(stage: int, in_channels: int, widths: tuple[int, ...]) -> nn.Sequential:
    layers: OrderedDict[str, nn.Module] = OrderedDict()
    if stage > 1:
        layers[f"pool{stage - 1}"] = nn.MaxPool2d(2)
    for index, out_channels in enumerate(widths, start=1):
        layers[f"conv{stage}_{index}"] = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        layers[f"relu{stage}_{index}"] = nn.ReLU()
        in_channels = out_channels
    return nn.Sequential(layers)


def _vgg_head(in_channels: int, k: int, pool: int, positions: int) -> nn.Sequential:
    """Max-pool to size/16, 1×1 conv to k channels, flatten the two spatial dims, Linear(positions, 1) on 3-D input."""
    return nn.Sequential(
        OrderedDict(
            pool=nn.MaxPool2d(pool) if pool > 1 else nn.Identity(),
            conv=nn.Conv2d(in_channels, k, 1),
            flatten=nn.Flatten(2),
            linear=nn.Linear(positions, 1),
        )
    )


class VggHeads(nn.Module):
    """A VGG19 encoder whose conv2_2, conv3_4, conv4_4 and conv5_4 maps each feed a pool + 1×1 conv + Linear head."""

    def __init__(self, width: int = 64, k: int = 8, size: int = 224) -> None:
        super().__init__()
        width, k, size = _positive("width", width), _positive("k", k), _check_size(size)
        channels = [tuple(max(1, c * width // 64) for c in stage) for stage in _VGG19]
        in_channels = 3
        for stage, widths in enumerate(channels, start=1):
            self.add_module(f"stage{stage}", _vgg_stage(stage, in_channels, widths))
            in_channels = widths[-1]
        positions = (size // 16) ** 2
        self.heads = nn.ModuleDict(
            {tap: _vgg_head(channels[stage - 1][-1], k, pool, positions) for tap, (stage, pool) in _HEAD_TAPS.items()}
        )
        self.tap_stage = {tap: stage for tap, (stage, _pool) in _HEAD_TAPS.items()}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        maps: dict[int, torch.Tensor] = {}
        for stage in range(1, len(_VGG19) + 1):
            x = getattr(self, f"stage{stage}")(x)
            maps[stage] = x
        outputs = [head(maps[self.tap_stage[tap]]) for tap, head in self.heads.items()]
        return torch.cat(outputs, dim=1).flatten(1)


def _check_size(size: object) -> int:
    value = _positive("size", size)
    if value % 16:
        raise SpecError(
            "--args",
            tr("Model examples", "size = {size} is not a multiple of 16").format(size=value),
            tr("Model examples", "use a size such as 224 or 64 (four 2×2 pools must divide it)"),
        )
    return value


def _vgg_input(size: int = 224, **_: Any) -> tuple[int, ...]:
    return (1, 3, size, size)


# ------------------------------------------------------------------------------------------------------ multiscale-1d


def _conv1d_stage(in_channels: int, out_channels: int, kernel: int, stride: int = 1, padding: int = 0) -> nn.Sequential:
    return nn.Sequential(
        OrderedDict(
            conv=nn.Conv1d(in_channels, out_channels, kernel, stride=stride, padding=padding),
            bn=nn.BatchNorm1d(out_channels),
            relu=nn.ReLU(),
            pool=nn.MaxPool1d(2),
        )
    )


def _branch(kernel: int) -> nn.Sequential:
    widths = (64, 128, 256, 256)
    stages: OrderedDict[str, nn.Module] = OrderedDict(
        (f"stage{i}", _conv1d_stage(widths[i - 1], widths[i], kernel, padding=kernel // 2)) for i in range(1, 4)
    )
    stages["pool"] = nn.MaxPool1d(8)
    return nn.Sequential(stages)


class MultiScale1d(nn.Module):
    """The multi-scale Conv1d classifier for 1024-sample signals: stem, three branches (kernel 3/5/7), Linear."""

    def __init__(self, in_features: int = 256 * 3, classes: int = 10) -> None:
        super().__init__()
        in_features, classes = _positive("in_features", in_features), _positive("classes", classes)
        self.stem = _conv1d_stage(1, 64, 32, stride=8, padding=12)
        self.branch3, self.branch5, self.branch7 = _branch(3), _branch(5), _branch(7)
        self.classifier = nn.Linear(in_features, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)
        parts = [torch.flatten(branch(x), 1) for branch in (self.branch3, self.branch5, self.branch7)]
        return self.classifier(torch.cat(parts, dim=1))


# ----------------------------------------------------------------------------------------------------- convnext-block


class ChannelsFirstLayerNorm(nn.Module):
    """LayerNorm over the channel dim of (N, C, H, W): permute to channels-last, normalise, permute back."""

    def __init__(self, channels: int, eps: float = 1e-6) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, self.weight.shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


class ConvNeXtBlock(nn.Module):
    """A ConvNeXt block, channels-first with 1×1 convs (the form before torchvision wrote them as Linear)."""

    def __init__(self, dim: int = 96) -> None:
        super().__init__()
        dim = _positive("dim", dim)
        self.dwconv = nn.Conv2d(dim, dim, 7, padding=3, groups=dim)
        self.norm = ChannelsFirstLayerNorm(dim)
        self.pwconv1 = nn.Conv2d(dim, 4 * dim, 1)
        self.act = nn.GELU()
        self.pwconv2 = nn.Conv2d(4 * dim, dim, 1)
        self.gamma = nn.Parameter(torch.full((dim, 1, 1), 0.1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branch = self.pwconv2(self.act(self.pwconv1(self.norm(self.dwconv(x)))))
        return x + self.gamma * branch


def _convnext_input(dim: int = 96, **_: Any) -> tuple[int, ...]:
    return (1, dim, 56, 56)


# ---------------------------------------------------------------------------------------------------- mobilenet-block


class DepthwiseSeparable(nn.Module):
    """MobileNet v1's block: 3×3 depthwise conv + BN + ReLU6, then a (possibly grouped) 1×1 conv + BN + ReLU6."""

    def __init__(self, channels: int, out_channels: int, stride: int = 1, pw_groups: int = 1) -> None:
        super().__init__()
        self.dw_conv = nn.Conv2d(channels, channels, 3, stride=stride, padding=1, groups=channels, bias=False)
        self.dw_bn = nn.BatchNorm2d(channels)
        self.dw_act = nn.ReLU6()
        self.pw_conv = nn.Conv2d(channels, out_channels, 1, groups=pw_groups, bias=False)
        self.pw_bn = nn.BatchNorm2d(out_channels)
        self.pw_act = nn.ReLU6()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.dw_act(self.dw_bn(self.dw_conv(x)))
        return self.pw_act(self.pw_bn(self.pw_conv(x)))


class MobileNetBlocks(nn.Module):
    """Two depthwise-separable blocks; the second strided, with a grouped pointwise conv and a strided 1×1 shortcut."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        channels = _positive("channels", channels)
        self.block1 = DepthwiseSeparable(channels, 2 * channels)
        self.block2 = DepthwiseSeparable(2 * channels, 4 * channels, stride=2, pw_groups=2)
        self.shortcut = nn.Conv2d(2 * channels, 4 * channels, 1, stride=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.block1(x)
        return self.block2(x) + self.shortcut(x)


def _channels_input(channels: int = 32, **_: Any) -> tuple[int, ...]:
    return (1, channels, 56, 56)


# ----------------------------------------------------------------------------------------------------- factorized-3x3


class Factorized3x3(nn.Module):
    """A 3×3 conv beside its 1×3 + 3×1 factorisation, concatenated and fused by a 1×1 conv."""

    def __init__(self, channels: int = 32) -> None:
        super().__init__()
        channels = _positive("channels", channels)
        self.full = nn.Conv2d(channels, channels, 3, padding=1)
        self.row = nn.Conv2d(channels, channels, (1, 3), padding=(0, 1))
        self.column = nn.Conv2d(channels, channels, (3, 1), padding=(1, 0))
        self.fuse = nn.Conv2d(2 * channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fuse(torch.cat([self.full(x), self.column(self.row(x))], dim=1))


def _factorized_input(channels: int = 32, **_: Any) -> tuple[int, ...]:
    return (1, channels, 32, 32)


# ----------------------------------------------------------------------------------------------------------- registry

EXAMPLES: dict[str, Example] = {
    example.name: example
    for example in (
        Example(
            "vgg-heads",
            tr_noop("Model examples", "VGG19 with 1×1 conv heads"),
            tr_noop(
                "Model examples",
                "A VGG19 encoder (built from its layer list, random weights) whose conv2_2, conv3_4, conv4_4 and "
                "conv5_4 maps are pooled to 14×14 and sent through 1×1 conv and Linear(196, 1) heads.",
            ),
            (1, 3, 224, 224),
            VggHeads,
            _vgg_input,
        ),
        Example(
            "multiscale-1d",
            tr_noop("Model examples", "Multi-scale Conv1d classifier"),
            tr_noop(
                "Model examples",
                "A 1024-sample signal through a strided stem and three branches (kernel 3, 5, 7), flattened into one "
                "Linear. Look at the flatten row: 256 channels × 1 position × 3 branches = 768 in_features.",
            ),
            (1, 1, 1024),
            MultiScale1d,
        ),
        Example(
            "convnext-block",
            tr_noop("Model examples", "ConvNeXt block"),
            tr_noop(
                "Model examples",
                "A ConvNeXt block with its two pointwise layers as 1×1 convs, the form torchvision replaced by "
                "Linear layers on channels-last data. Rewrite pwconv1 and pwconv2 and time both forms.",
            ),
            (1, 96, 56, 56),
            ConvNeXtBlock,
            _convnext_input,
        ),
        Example(
            "mobilenet-block",
            tr_noop("Model examples", "MobileNet depthwise-separable blocks"),
            tr_noop(
                "Model examples",
                "Two MobileNet v1 blocks: 3×3 depthwise then 1×1 pointwise convs, one of them grouped, and a "
                "strided 1×1 shortcut. Pointwise convs carry most of the MACs here.",
            ),
            (1, 32, 56, 56),
            MobileNetBlocks,
            _channels_input,
        ),
        Example(
            "factorized-3x3",
            tr_noop("Model examples", "3×3 beside 1×3 + 3×1"),
            tr_noop(
                "Model examples",
                "The same input through a 3×3 conv and through a 1×3 then 3×1 pair, fused by a 1×1 conv. "
                "Compare the receptive fields and the MACs of the two paths.",
            ),
            (1, 32, 32, 32),
            Factorized3x3,
            _factorized_input,
        ),
    )
}
"""The built-in examples by name, in teaching order."""


def example(name: str) -> Example:
    """The example called ``name``; SpecError listing the names otherwise."""
    try:
        return EXAMPLES[name]
    except KeyError:
        raise SpecError(
            "--example",
            tr("Model examples", "there is no built-in example '{name}'").format(name=name),
            tr("Model examples", "choose one of: {names}").format(names=", ".join(EXAMPLES)),
        ) from None


def build_example(name: str, budget_bytes: int = DEFAULT_BUDGET_BYTES, **kwargs: Any) -> nn.Module:
    """Build the example ``name`` with knobs ``kwargs``: seeded (the same weights every time), in eval mode.
    Its parameters are first counted on the meta device (nothing allocated): over ``budget_bytes``, SpecError."""
    chosen = example(name)
    with torch.device("meta"):
        weights = sum(p.numel() * p.element_size() for p in _built(chosen, name, kwargs).parameters())
    if weights > budget_bytes:
        raise SpecError(
            "--args",
            tr("Model examples", "these knobs give {size} of parameters, over the memory budget of {budget}").format(
                size=format_bytes(weights), budget=format_bytes(budget_bytes)
            ),
            tr("Model examples", "use smaller knobs (its knobs: {knobs})").format(knobs=", ".join(knobs(name))),
        )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = _built(chosen, name, kwargs)
    return model.eval()


def _built(chosen: Example, name: str, kwargs: dict[str, Any]) -> nn.Module:
    """``chosen.build(**kwargs)``; a knob it does not take, or a value torch cannot build, as one SpecError line."""
    try:
        return chosen.build(**kwargs)
    except TypeError as error:
        raise SpecError(
            "--args",
            tr("Model examples", "example {name} does not take these arguments: {error}").format(
                name=name, error=(str(error).strip().splitlines() or [""])[0][:200]
            ),
            tr("Model examples", "its knobs: {knobs}").format(knobs=", ".join(knobs(name)) or "-"),
        ) from None
    except (RuntimeError, ValueError, OverflowError, MemoryError) as error:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
        raise SpecError(
            "--args",
            tr("Model examples", "example {name} cannot be built with these knobs: {error}").format(
                name=name, error=first
            ),
            tr("Model examples", "use smaller knobs (its knobs: {knobs})").format(knobs=", ".join(knobs(name))),
        ) from None


def knobs(name: str) -> list[str]:
    """The keyword arguments (knobs) the example ``name`` takes, e.g. ``["width", "k", "size"]`` for vgg-heads."""
    parameters = inspect.signature(example(name).build).parameters
    return [key for key in parameters if key != "self"]
