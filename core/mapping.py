"""Exact Linear<->Conv mappings: both modules, the index maps that tie their weights, the input transform."""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

import torch
import torch.nn.functional as F
from torch import nn

from core.chunks import aligned_chunks
from core.i18n import tr, tr_noop
from core.index_maps import NO_WEIGHT, channel_bias_index, grouped_dense_index, toeplitz_index
from core.layers import make_conv, make_linear, quiet_same_padding, torch_dtype
from core.mapping_code import mapping_code
from core.modes import linear_shape
from core.validation import ValidSpec
from core.weight_transfer import Recovered, gather_to_linear, recover_conv

INPUT_TRANSFORMS_CONTEXT = "Mappings"
INPUT_TRANSFORMS = {  # English; shown with tr(INPUT_TRANSFORMS_CONTEXT, text), as LayerMapping.input_transform is
    "pointwise": tr_noop(
        "Mappings", "subsample by the stride, move channels last (permute), Linear over channels, permute back"
    ),
    "full": tr_noop("Mappings", "flatten (C, *spatial) into one vector per sample, Linear, view as (cout, 1...)"),
    "unrolled": tr_noop(
        "Mappings", "flatten (C, *spatial), Linear with the Toeplitz matrix, view as (cout, *out_spatial)"
    ),
    "unfold": tr_noop(
        "Mappings", "zero-pad, unfold patches (im2col), Linear over each patch, fold into (cout, *out_spatial)"
    ),
}


@dataclass(frozen=True)
class Structure:
    """How much of the Linear weight is real conv weight."""

    linear_entries: int
    nonzero_entries: int
    distinct_weights: int
    conv_weights: int

    @classmethod
    def from_uses(cls, uses: torch.Tensor, linear_entries: int) -> Structure:
        """The structure given how many Linear entries equal each conv weight (``uses``, flat conv order)."""
        return cls(
            linear_entries=linear_entries,
            nonzero_entries=int(uses.sum()),
            distinct_weights=int((uses > 0).sum()),
            conv_weights=uses.numel(),
        )

    @property
    def sparsity(self) -> float:
        """Fraction of the Linear weight that is structurally zero."""
        return 1.0 - self.nonzero_entries / self.linear_entries

    @property
    def reuse(self) -> float:
        """Average number of Linear entries that share one conv weight."""
        return self.nonzero_entries / max(self.distinct_weights, 1)


@dataclass
class LayerMapping:
    """A conv and a Linear that compute the same function, and how to move between them.

    Attributes
    ----------
    valid : ValidSpec
        The validated spec (with the resolved mode and geometry).
    conv, linear : nn.Module
        The two layers, in the spec's dtype, with weights that map exactly onto each other.
    weight_index, bias_index : torch.Tensor
        Linear-shaped int64 maps to flat ``conv.weight`` / ``conv.bias`` indices (-1: structural zero).
    code : str
        Paste-and-run PyTorch lines performing this mapping.
    """

    valid: ValidSpec
    conv: nn.Conv1d | nn.Conv2d
    linear: nn.Linear
    weight_index: torch.Tensor
    bias_index: torch.Tensor | None
    code: str

    @property
    def mode(self) -> str:
        return self.valid.mode

    @property
    def input_transform(self) -> str:
        """What the Linear path does to a conv-layout input, in the interface language."""
        return tr(INPUT_TRANSFORMS_CONTEXT, INPUT_TRANSFORMS[self.mode])

    def weight_uses(self) -> torch.Tensor:
        """How many Linear entries equal each conv weight (flat conv-weight order)."""
        # A piece of the index map at a time: a mask and a position list of the whole map would cost more than
        # the map itself.
        uses = torch.zeros(self.conv.weight.numel(), dtype=torch.int64)
        for (part,) in aligned_chunks(self.weight_index):
            used = part[part != NO_WEIGHT]
            uses.index_add_(0, used, torch.ones_like(used))
        return uses

    def structure(self, uses: torch.Tensor | None = None) -> Structure:
        """The Linear's sparsity and sharing; pass :meth:`weight_uses` if it is already at hand."""
        return Structure.from_uses(self.weight_uses() if uses is None else uses, self.weight_index.numel())

    def to_json(self, structure: Structure | None = None) -> dict[str, object]:
        """What the mapping is: the Linear's shape and structure, the input transform and the code."""
        structure = structure or self.structure()
        return {
            "mode": self.mode,
            "linear_shape": [self.linear.in_features, self.linear.out_features],
            "sparsity": structure.sparsity,
            "distinct_weights": structure.distinct_weights,
            "input_transform": INPUT_TRANSFORMS[self.mode],  # JSON: English in every interface language
            "code": self.code,
        }

    def linear_input(self, x: torch.Tensor) -> torch.Tensor:
        """Transform a conv-layout input ``(N, C, *spatial)`` into what the Linear consumes."""
        spec, geom = self.valid.spec, self.valid.geometry
        if self.mode == "pointwise":
            step = (slice(None), slice(None), *(slice(None, None, s) for s in spec.stride))
            return x[step].movedim(1, -1)
        if self.mode in ("full", "unrolled"):
            return x.flatten(1)
        x4 = x.unsqueeze(2) if spec.dims == 1 else x
        padded = F.pad(x4, (geom.pad_lo[1], geom.pad_hi[1], geom.pad_lo[0], geom.pad_hi[0]))
        patches = F.unfold(padded, geom.kernel, dilation=geom.dilation, stride=geom.stride)
        return patches.transpose(1, 2)

    def to_conv_layout(self, y: torch.Tensor) -> torch.Tensor:
        """Bring a Linear output back into the conv's output layout ``(N, cout, *out_spatial)``."""
        spec = self.valid.spec
        out_shape = (spec.batch, spec.cout, *self.output_size)
        if self.mode == "pointwise":
            return y.movedim(-1, 1)
        if self.mode == "unfold":
            return y.transpose(1, 2).reshape(out_shape)
        return y.reshape(out_shape)

    @property
    def output_size(self) -> tuple[int, ...]:
        out = self.valid.geometry.output
        return out[1:] if self.valid.spec.dims == 1 else out

    def run_conv(self, x: torch.Tensor) -> torch.Tensor:
        with quiet_same_padding():
            return self.conv(x)

    def run_linear(self, x: torch.Tensor) -> torch.Tensor:
        """The Linear path end to end, in the conv's layouts."""
        return self.to_conv_layout(self.linear(self.linear_input(x)))

    def recover_conv_weights(self, atol: float = 0.0) -> tuple[Recovered, Recovered | None]:
        """The conv weight (and bias) the Linear encodes, or :class:`~core.weight_transfer.NotAConvError`."""
        weight = recover_conv(self.linear.weight, self.weight_index, self.conv.weight.shape, "Linear weight", atol)
        bias = None
        if self.bias_index is not None and self.conv.bias is not None:
            bias = recover_conv(self.linear.bias, self.bias_index, self.conv.bias.shape, "Linear bias", atol)
        return weight, bias


def weight_index_for(valid: ValidSpec) -> torch.Tensor:
    """The Linear-shaped index map of the spec's mode."""
    spec, geom = valid.spec, valid.geometry
    if valid.mode == "unrolled":
        return toeplitz_index(spec.cout, spec.cin, spec.groups, geom)
    kernel_numel = {"pointwise": 1, "full": prod(geom.input), "unfold": prod(geom.kernel)}[valid.mode]
    return grouped_dense_index(spec.cout, spec.cin, spec.groups, kernel_numel)


def build_mapping(valid: ValidSpec) -> LayerMapping:
    """Build both layers for a validated spec: the ``source`` one by PyTorch's default init after
    ``torch.manual_seed(seed)``, the other from it through the index maps. The global RNG is left untouched."""
    spec = valid.spec
    shape = linear_shape(spec, valid.mode, valid.geometry)
    weight_index = weight_index_for(valid)
    positions = prod(valid.geometry.output) if valid.mode == "unrolled" else 1
    bias_index = channel_bias_index(spec.cout, positions) if spec.bias else None
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(spec.seed)
        if spec.source == "conv":
            conv = make_conv(spec)
            linear = make_linear(shape.in_features, shape.out_features, spec.bias, initialise=False)
        else:
            linear = make_linear(shape.in_features, shape.out_features, spec.bias)
            conv = make_conv(spec)
    with torch.no_grad():
        if spec.source == "conv":
            linear.weight.copy_(gather_to_linear(conv.weight, weight_index))
            if bias_index is not None and conv.bias is not None:
                linear.bias.copy_(gather_to_linear(conv.bias, bias_index))
        else:
            mapping = LayerMapping(valid, conv, linear, weight_index, bias_index, "")
            weight, bias = mapping.recover_conv_weights()
            conv.weight.copy_(weight.values)
            if bias is not None and conv.bias is not None:
                conv.bias.copy_(bias.values)
    dtype = torch_dtype(spec.dtype)
    return LayerMapping(
        valid=valid,
        conv=conv.to(dtype),
        linear=linear.to(dtype),
        weight_index=weight_index,
        bias_index=bias_index,
        code=mapping_code(valid),
    )
