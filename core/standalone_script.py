"""The current demo as a standalone PyTorch script: build both layers, map the weights, check, time both."""

from __future__ import annotations

import json
import textwrap
from math import prod

from core import registry
from core.mapping import INPUT_TRANSFORMS
from core.mapping_code import (
    SMALL_OUTPUT,
    cast_lines,
    forward_lines,
    indented,
    input_line,
    layer_lines,
    output_shape,
    weight_lines,
)
from core.modes import linear_shape
from core.validation import ValidSpec

DEFAULT_MIN_TIME = 0.5  # seconds each layer is timed for, unless --min-time says otherwise
SCRIPT_NAME = "linconv_script.py"
DISAGREE_MESSAGE = "FAILED: the conv and the Linear do not compute the same outputs"
WIDTH = 116  # the header's spec is wrapped to this width
SHOWN_INPUT_VALUES = 64  # given input values listed in the header's spec (all of them are in make_input)

# The parts that do not depend on the spec: the check, the timing and the command line.
_CHECK_TIME_MAIN = '''

def check(y_conv: torch.Tensor, y_linear: torch.Tensor, bound: torch.Tensor) -> bool:
    """Print how far apart the outputs are. True when every element is within the dtype's allclose tolerance or
    within the rounding bound (as LinConv Lab decides)."""
    diff = (y_conv.double() - y_linear.double()).abs()
    print(f"max abs error: {diff.max().item():.3g}")
    allclose = torch.allclose(y_linear.double(), y_conv.double(), rtol=RTOL, atol=ATOL)
    print(f"torch.allclose(rtol={RTOL:g}, atol={ATOL:g}): {allclose}")
    within = diff <= bound
    print(f"within the rounding bound (at most {bound.max().item():.3g}): {bool(within.all())}")
    close = torch.isclose(y_linear.double(), y_conv.double(), rtol=RTOL, atol=ATOL)
    return bool((close | within).all())


def duration(seconds: float) -> str:
    """A time in the unit that suits it."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def time_forward(label: str, stmt: str, names: dict, min_time: float) -> benchmark.Measurement:
    """Time ``stmt`` with torch.utils.benchmark on all of torch's threads; print the median and the IQR."""
    timer = benchmark.Timer(stmt=stmt, globals=names, num_threads=torch.get_num_threads(), label=label)
    measurement = timer.blocked_autorange(min_run_time=min_time)
    runs = f"{len(measurement.times)} runs of {measurement.number_per_run}"
    print(f"time {label}: median {duration(measurement.median)}, IQR {duration(measurement.iqr)} ({runs})")
    return measurement


@torch.no_grad()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=SPEC)
    parser.add_argument(
        "--min-time",
        type=float,
        default=MIN_RUN_TIME,
        metavar="S",
        help="seconds to time each layer for (default %(default)s)",
    )
    args = parser.parse_args(argv)
    if not args.min_time > 0:
        parser.error(f"--min-time must be a positive number of seconds, got {args.min_time}")
    print(f"spec: {SPEC}")
    print(f"mapping: {MAPPING}")
    print(f"Linear input: {INPUT_TRANSFORM}")

    conv, linear = build_layers()
    x = make_input()
    y_conv = conv(x)
    y_linear = linear_forward(linear, x)
    if y_conv.numel() <= SMALL_OUTPUT:
        print("conv:  ", y_conv.flatten().tolist())
        print("Linear:", y_linear.flatten().tolist())
    if y_conv.shape != y_linear.shape or not check(y_conv, y_linear, rounding_bound(conv, x)):
        print(f"{DISAGREE_MESSAGE} (shapes {tuple(y_conv.shape)} and {tuple(y_linear.shape)})", file=sys.stderr)
        return 1
    print("the conv and the Linear agree: every output within the allclose tolerance or the rounding bound")

    conv_time = time_forward("conv", "conv(x)", {"conv": conv, "x": x}, args.min_time)
    linear_names = {"linear_forward": linear_forward, "linear": linear, "x": x}
    linear_time = time_forward("Linear", "linear_forward(linear, x)", linear_names, args.min_time)
    ratio = linear_time.median / conv_time.median
    print(f"ratio Linear / conv: {ratio:.3g} (the Linear path, its input transform included, against the conv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''


def _literal(text: str) -> str:
    """A double-quoted Python string literal (a JSON string is one)."""
    return json.dumps(text)


def _spec_json(valid: ValidSpec) -> list[str]:
    """The spec as the lab reads it; given input values only when there are few (make_input holds them all)."""
    data = valid.spec.to_dict()
    if valid.spec.input_fill != "values" or len(valid.spec.input_values) > SHOWN_INPUT_VALUES:
        del data["input_values"]
    # Wrapped between JSON tokens only (no hyphens or long words split), so the lines still read as JSON.
    text = json.dumps(data)
    return textwrap.wrap(
        text, WIDTH, initial_indent="    ", subsequent_indent="     ", break_long_words=False, break_on_hyphens=False
    )


def spec_line(valid: ValidSpec) -> str:
    """The spec in one line: the conv and its input, which layer PyTorch initialises, the input and the seed."""
    spec = valid.spec
    source = "Linear" if spec.source == "linear" else "conv"
    fill = registry.INPUT_FILLS[spec.input_fill].label.replace("…", "...")  # the script stays ASCII
    return f"{spec.describe()}; mode {valid.mode}, source {source} (seed {spec.seed}), input {fill}"


def _header(valid: ValidSpec, script_name: str) -> list[str]:
    spec = valid.spec
    shape = linear_shape(spec, valid.mode, valid.geometry)
    mode = registry.MAPPING_MODES[valid.mode].label
    omitted = ""
    if spec.input_fill == "values" and len(spec.input_values) > SHOWN_INPUT_VALUES:
        omitted = f"    (its {len(spec.input_values):,} input_values are in make_input below)"
    return [
        f'"""{spec.describe()}, as nn.Linear({shape.in_features}, {shape.out_features}): '
        f"the {mode} mapping, checked and timed.",
        "",
        "Generated by LinConv Lab for the spec",
        f"    {spec_line(valid)}",
        *_spec_json(valid),
        *([omitted] if omitted else []),
        "",
        "It builds both layers as the lab does (the same seed gives the same weights), maps the weights, checks",
        "that both layers compute the same outputs, and times both forward passes with torch.utils.benchmark.",
        "It needs only PyTorch. Run it with",
        "",
        f"    python {script_name}                 # each layer timed for {DEFAULT_MIN_TIME:g} s",
        f"    python {script_name} --min-time 2    # longer, steadier timings",
        "",
        "Exit status 0: the layers agree; 1: they do not.",
        '"""',
    ]


def _constants(valid: ValidSpec) -> list[str]:
    spec = valid.spec
    dtype = registry.DTYPES[spec.dtype]
    shape = linear_shape(spec, valid.mode, valid.geometry)
    terms = max(shape.in_features, spec.cin // spec.groups * prod(spec.kernel)) + 1
    lines = [
        f"MIN_RUN_TIME = {DEFAULT_MIN_TIME}  # seconds each layer is timed for (blocked_autorange); see --min-time",
        f"SPEC = {_literal(spec_line(valid))}",
        f"MAPPING = {_literal(registry.MAPPING_MODES[valid.mode].description)}",
        f"INPUT_TRANSFORM = {_literal(INPUT_TRANSFORMS[valid.mode])}",
        f"RTOL, ATOL = {dtype.rtol!r}, {dtype.atol!r}  # torch.testing.assert_close's defaults for {spec.dtype}",
        f"SUM_TERMS = {terms}  # the longest sum in one output element: its products, plus the bias",
        f"SMALL_OUTPUT = {SMALL_OUTPUT}  # outputs printed in full when there are at most this many",
        f"DISAGREE_MESSAGE = {_literal(DISAGREE_MESSAGE)}",
    ]
    if spec.padding == "same":
        lines += [
            "",
            "# PyTorch notes that 'same' padding with an even kernel copies the input: expected, not a problem here.",
            'warnings.filterwarnings("ignore", message="Using padding=\'same\'", category=UserWarning)',
        ]
    return lines


def _functions(valid: ValidSpec) -> list[str]:
    spec = valid.spec
    conv_type = f"nn.Conv{spec.dims}d"
    source = "Linear" if spec.source == "linear" else "conv"
    return [
        f"def build_layers() -> tuple[{conv_type}, nn.Linear]:",
        f'    """Both layers as LinConv Lab builds them: the {source} by PyTorch\'s default init after',
        '    torch.manual_seed, the other from its weights; then both in the spec\'s dtype."""',
        f"    torch.manual_seed({spec.seed})",
        *indented(layer_lines(valid)),
        "    with torch.no_grad():",
        *indented(weight_lines(valid), 2),
        *indented(cast_lines(valid)),
        "    return conv, linear",
        "",
        "",
        "def make_input() -> torch.Tensor:",
        f'    """The input {"x".join(map(str, (spec.batch, spec.cin, *spec.input_size)))} in the conv\'s layout, '
        'drawn in float64 (as in the lab), then rounded."""',
        f"    {input_line(valid)}",
        "    return x",
        "",
        "",
        "def linear_forward(linear: nn.Linear, x: torch.Tensor) -> torch.Tensor:",
        '    """The conv computed by the Linear, from and to the conv\'s layouts:',
        f'    {INPUT_TRANSFORMS[valid.mode]}."""',
        *indented(forward_lines(valid)),
        f"    return y_linear  # {'x'.join(map(str, output_shape(valid)))}, like the conv's output",
        "",
        "",
        f"def rounding_bound(conv: {conv_type}, x: torch.Tensor) -> torch.Tensor:",
        '    """How far two summation orders may move each output: 2*gamma_n*(|W| |x| + |b|), with',
        '    gamma_n = n*u/(1 - n*u), n = SUM_TERMS and u the unit roundoff."""',
        "    bias = None if conv.bias is None else conv.bias.double().abs()",
        "    weight, x_abs = conv.weight.double().abs(), x.double().abs()",
        f"    magnitude = F.conv{spec.dims}d(x_abs, weight, bias, conv.stride, conv.padding, conv.dilation, "
        "conv.groups)",
        "    unit = torch.finfo(x.dtype).eps / 2",
        "    gamma = SUM_TERMS * unit / max(1 - SUM_TERMS * unit, 1e-3)",
        "    return 2 * gamma * magnitude",
    ]


def standalone_script(valid: ValidSpec, script_name: str = SCRIPT_NAME) -> str:
    """A complete script, runnable with only torch installed, that rebuilds ``valid``'s layers as the lab does,
    checks that they agree (exit status 1 if not) and times both forward passes; ``script_name`` is the file
    name its usage text shows."""
    imports = ["import argparse", "import sys"]
    if valid.spec.padding == "same":
        imports.append("import warnings")
    lines = [
        *_header(valid, script_name),
        "",
        "from __future__ import annotations",
        "",
        *imports,
        "",
        "import torch",
        "import torch.nn as nn",
        "import torch.nn.functional as F",
        "from torch.utils import benchmark",
        "",
        *_constants(valid),
        "",
        "",
        *_functions(valid),
        "",
    ]
    return "\n".join(lines) + _CHECK_TIME_MAIN
