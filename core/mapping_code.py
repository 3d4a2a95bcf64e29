"""The few lines of PyTorch that perform a mapping, as text a person can paste and run."""

from __future__ import annotations

from math import prod

from core.layers import conv_input_shape
from core.modes import linear_shape
from core.validation import ValidSpec

SMALL_OUTPUT = 16  # outputs the code prints in full (the lecture's Linear(4, 2) has 2)


def _arg(values: tuple[int, ...] | str) -> str:
    if isinstance(values, str):
        return repr(values)
    return str(values[0]) if len(set(values)) == 1 else str(tuple(values))


def weight_lines(valid: ValidSpec) -> list[str]:
    """The lines (unindented, for a ``torch.no_grad()`` block) that copy the source layer's weights to the other."""
    spec, geom = valid.spec, valid.geometry
    if spec.source == "linear":
        lines = ["conv.weight.copy_(linear.weight.reshape(conv.weight.shape))"]
        return lines + (["conv.bias.copy_(linear.bias)"] if spec.bias else [])
    if valid.mode == "unrolled":
        n_in = spec.cin * prod(spec.input_size)
        conv_fn = f"F.conv{spec.dims}d"
        lines = [
            f"n_in = {n_in}  # one basis input per input cell: conv(e_i) is column i of the matrix",
            f"basis = torch.eye(n_in).reshape(n_in, {spec.cin}, {', '.join(map(str, spec.input_size))})",
            f"columns = {conv_fn}(basis.to(conv.weight.dtype), conv.weight, None, stride={_arg(spec.stride)}, "
            f"padding={_arg(spec.padding)}, dilation={_arg(spec.dilation)}, groups={spec.groups})",
            "linear.weight.copy_(columns.reshape(n_in, -1).T)  # the Toeplitz matrix",
        ]
        if spec.bias:
            lines.append(f"linear.bias.copy_(conv.bias.repeat_interleave({prod(geom.output)}))")
        return lines
    if spec.groups == 1:
        weight = f"conv.weight.reshape({spec.cout}, -1)"
    else:  # block-diagonal: group g's outputs only read group g's inputs
        weight = f"torch.block_diag(*conv.weight.reshape({spec.groups}, {spec.cout // spec.groups}, -1))"
    lines = [f"linear.weight.copy_({weight})"]
    return lines + (["linear.bias.copy_(conv.bias)"] if spec.bias else [])


def output_shape(valid: ValidSpec) -> tuple[int, ...]:
    """The conv's output shape ``(N, cout, *out_spatial)``."""
    spec, geom = valid.spec, valid.geometry
    return (spec.batch, spec.cout, *(geom.output[1:] if spec.dims == 1 else geom.output))


def forward_lines(valid: ValidSpec) -> list[str]:
    """The lines computing ``y_linear`` from the conv-layout input ``x``: input transform, Linear, output layout."""
    spec, geom = valid.spec, valid.geometry
    out_shape = output_shape(valid)
    if valid.mode == "pointwise":
        source = "x"
        if any(s != 1 for s in spec.stride):
            source += "[:, :, " + ", ".join(f"::{s}" for s in spec.stride) + "]"
        if spec.dims == 1:
            return [f"y_linear = linear({source}.transpose(1, 2)).transpose(1, 2)  # channels last and back"]
        return [f"y_linear = linear({source}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # channels last and back"]
    if valid.mode in ("full", "unrolled"):
        return [f"y_linear = linear(x.flatten(1)).reshape{out_shape}"]
    source = "x.unsqueeze(2)" if spec.dims == 1 else "x"
    if geom.has_padding:
        source = f"F.pad({source}, {(geom.pad_lo[1], geom.pad_hi[1], geom.pad_lo[0], geom.pad_hi[0])})"
    return [
        f"patches = F.unfold({source}, kernel_size={geom.kernel}, dilation={geom.dilation}, stride={geom.stride})",
        f"y_linear = linear(patches.transpose(1, 2)).transpose(1, 2).reshape{out_shape}",
    ]


def layer_lines(valid: ValidSpec) -> list[str]:
    """The two constructors, the source layer first (it is the one ``torch.manual_seed`` initialises)."""
    spec = valid.spec
    shape = linear_shape(spec, valid.mode, valid.geometry)
    conv_line = (
        f"conv = nn.Conv{spec.dims}d({spec.cin}, {spec.cout}, kernel_size={_arg(spec.kernel)}, "
        f"stride={_arg(spec.stride)}, padding={_arg(spec.padding)}, dilation={_arg(spec.dilation)}, "
        f"groups={spec.groups}, bias={spec.bias})"
    )
    linear_line = f"linear = nn.Linear({shape.in_features}, {shape.out_features}, bias={spec.bias})"
    return [conv_line, linear_line] if spec.source == "conv" else [linear_line, conv_line]


def cast_lines(valid: ValidSpec) -> list[str]:
    """The line moving both layers (built in float32, as PyTorch initialises them) to the spec's dtype, if needed."""
    dtype = valid.spec.dtype
    return [] if dtype == "float32" else [f"conv, linear = conv.to(torch.{dtype}), linear.to(torch.{dtype})"]


def input_line(valid: ValidSpec) -> str:
    """``x = ...``: the spec's input, drawn in float64 as :func:`core.layers.make_input` does, in the spec's dtype."""
    spec = valid.spec
    input_shape = conv_input_shape(spec)
    if spec.input_fill == "arange":
        make_x = f"x = torch.arange(1, {prod(input_shape) + 1}, dtype=torch.float64).reshape{input_shape}"
    elif spec.input_fill == "values":
        numbers = ", ".join(repr(v) for v in spec.input_values)
        make_x = f"x = torch.tensor([{numbers}], dtype=torch.float64).reshape{input_shape}"
    else:
        make_x = (
            f"x = torch.randn({input_shape}, generator=torch.Generator().manual_seed({spec.seed}), dtype=torch.float64)"
        )
    return f"{make_x}.to(torch.{spec.dtype})"


def indented(lines: list[str], depth: int = 1) -> list[str]:
    """``lines`` indented by ``depth`` levels of four spaces (blank lines stay blank)."""
    return [("    " * depth + line) if line else line for line in lines]


def mapping_code(valid: ValidSpec) -> str:
    """Runnable code: build the source layer as core does, map it, run both, print the difference."""
    spec = valid.spec
    lines = [
        "import torch",
        "import torch.nn as nn",
        "import torch.nn.functional as F",
        "",
        f"torch.manual_seed({spec.seed})",
        *layer_lines(valid),
        "with torch.no_grad():",
        *indented(weight_lines(valid)),
        *cast_lines(valid),
        "",
        input_line(valid),
        "y_conv = conv(x)",
        *forward_lines(valid),
        'print("max abs difference:", (y_conv - y_linear).abs().max().item())',
    ]
    if prod(output_shape(valid)) <= SMALL_OUTPUT:  # few enough to read and compare by eye
        lines += ['print("conv:  ", y_conv.flatten().tolist())', 'print("Linear:", y_linear.flatten().tolist())']
    return "\n".join(lines) + "\n"
