"""The command line: ``python main.py {inspect,check,init,bench,presets,screenshot} ...`` (or ``linconv-lab ...``).

Specs are parsed and validated before torch is imported, so a bad value answers in a fraction of a second. What needs
the window toolkit (benchmark plots, screenshots) is drawn by functions ``main.py`` injects: the CLI never imports gui.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from cli.arg_types import number, whole
from cli.bench_command import PlotWriter, add_bench_options, run_bench_command
from cli.screenshot_command import ScreenshotRenderer, add_screenshot_options, run_screenshot_command
from cli.text_table import format_sections, format_table
from core.errors import SpecError
from core.invocation import command_name
from core.limits import MAX_BUDGET_MIB, MAX_DRAWS, MIN_BUDGET_MIB, MIN_DRAWS, budget_bytes, shown
from core.memory import DEFAULT_BUDGET_BYTES
from core.number_format import format_number
from core.presets import load_all_presets, load_preset
from core.spec import DTYPES, MODES, SOURCES, LayerSpec, format_sizes, parse_spec
from core.validation import ValidSpec, validate

EXIT_USAGE = 2
MAX_JSON_OUTPUT_ELEMENTS = 64
LAYER_OPTIONS = {
    # option dest -> spec field
    "dims": "dims",
    "cin": "cin",
    "cout": "cout",
    "kernel": "kernel",
    "stride": "stride",
    "padding": "padding",
    "dilation": "dilation",
    "groups": "groups",
    "bias": "bias",
    "input": "input_size",
    "batch": "batch",
    "mode": "mode",
    "dtype": "dtype",
    "seed": "seed",
    "source": "source",
}


class CliError(Exception):
    """A usage error the CLI reports as one line and exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse quotes the offending value whole (100,000 characters of a bad --mode): cut long ones short.
        message = re.sub(r"'([^']{40,})'", lambda m: shown(m.group(1)), message)
        raise CliError(f"{message} (see: {self.prog} --help)")


def add_layer_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a layer pair; shared by every sub-command that takes a spec."""
    group = parser.add_argument_group("layer")
    group.add_argument("--preset", help="start from a stored preset (see: presets)")
    group.add_argument(
        "--dims", type=whole("dims", "use 1 or 2"), choices=(1, 2), help="1 for Conv1d, 2 for Conv2d (default 2)"
    )
    group.add_argument("--cin", help="input channels")
    group.add_argument("--cout", help="output channels")
    group.add_argument("--kernel", metavar="K|KHxKW", help="kernel size")
    group.add_argument("--stride", metavar="S|SHxSW")
    group.add_argument("--padding", metavar="P|PHxPW|same|valid")
    group.add_argument("--dilation", metavar="D|DHxDW")
    group.add_argument("--groups")
    group.add_argument("--no-bias", dest="bias", action="store_const", const=False, help="both layers without bias")
    group.add_argument("--input", metavar="L|HxW", help="input spatial size")
    group.add_argument("--batch", help="batch size N")
    group.add_argument("--mode", choices=MODES, help="mapping (default auto: the most specific that applies)")
    group.add_argument("--source", choices=SOURCES, help="which layer PyTorch initialises (default conv)")
    group.add_argument("--dtype", choices=DTYPES)
    group.add_argument("--seed", help="torch.manual_seed before building the source layer")
    group.add_argument(
        "--budget-mib",
        type=number("budget-mib", "use e.g. 1024"),
        default=DEFAULT_BUDGET_BYTES / 2**20,
        help=f"memory budget in MiB ({MIN_BUDGET_MIB:g}..{MAX_BUDGET_MIB:g}; default %(default)g)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")


def spec_from_args(args: argparse.Namespace) -> LayerSpec:
    """The spec the options describe: the preset's (if any) with every given option applied on top."""
    base: dict[str, Any] = load_preset(args.preset).spec.to_dict() if args.preset is not None else {}
    given = {field: getattr(args, dest) for dest, field in LAYER_OPTIONS.items() if getattr(args, dest) is not None}
    if "dims" in given and given["dims"] != base.get("dims", given["dims"]):
        # Switching 1-D <-> 2-D: per-dimension values of the preset no longer fit.
        base = {k: v for k, v in base.items() if not isinstance(v, list)}
    return parse_spec({**base, **given})


def validated(args: argparse.Namespace) -> ValidSpec:
    return validate(spec_from_args(args), budget_bytes(args.budget_mib))


def _emit(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    print(json.dumps(payload, indent=2) if args.json else text)


def _spec_line(valid: ValidSpec) -> str:
    s = valid.spec
    padding = format_sizes(s.padding)
    return (
        f"Conv{s.dims}d(cin={s.cin}, cout={s.cout}, kernel={format_sizes(s.kernel)}, stride={format_sizes(s.stride)}, "
        f"padding={padding}, dilation={format_sizes(s.dilation)}, groups={s.groups}, bias={s.bias}) "
        f"on input {s.batch}x{s.cin}x{format_sizes(s.input_size)}, {s.dtype}, mode {valid.mode}"
    )


def cmd_inspect(args: argparse.Namespace) -> None:
    from core.inspect_report import inspect_spec
    from core.variants import compare_variants

    valid = validated(args)
    report = inspect_spec(valid)
    sections = {
        title: [
            (f.name, f.symbolic, f.substituted, format_number(f.value) if not isinstance(f.value, str) else f.value)
            for f in formulas
        ]
        for title, formulas in report.sections.items()
    }
    text = _spec_line(valid) + "\n\n" + format_sections(sections)
    payload = report.to_json()
    if args.preset is not None:
        preset = load_preset(args.preset)
        variants = compare_variants(preset, valid.spec, valid.budget_bytes)
        if variants:
            rows = [
                (v.label, f"{v.params:,}", f"{v.macs:,}", list(v.output_shape), "x".join(map(str, v.receptive_field)))
                for v in variants
            ]
            headings = ("variant", "conv params", "conv MACs", "output shape", "receptive field")
            text += "\n\nrelated\n" + format_table(rows, headings)
            payload["related"] = {
                r.label: inspect_spec(validate(r.spec, valid.budget_bytes)).to_json() for r in preset.related
            }
        if valid.spec == preset.spec:
            text = f"{preset.title}\n{preset.explanation}\n\n{text}"
        else:  # the preset's story is about its own spec, not this changed one
            changed = ", ".join(
                f"{name}={value}"
                for name, value in valid.spec.to_dict().items()
                if value != preset.spec.to_dict()[name]
            )
            text = f"preset {preset.name} ({preset.title}), changed: {changed}\n\n{text}"
    _emit(args, payload, text)


def cmd_check(args: argparse.Namespace) -> None:
    valid = validated(args)
    from core.isolation import call_isolated
    from core.lab import check_mapping

    checked = call_isolated(valid.spec.dtype, check_mapping, valid)
    report, structure = checked.report, checked.structure
    payload: dict[str, Any] = {**report.to_json(MAX_JSON_OUTPUT_ELEMENTS), **checked.mapping_json}
    verdict = "PASS: outputs agree up to float rounding" if report.equal else "FAIL: outputs differ beyond rounding"
    rows = [
        ("mode", report.mode),
        ("Linear", "Linear({}, {})".format(*checked.linear_features)),
        ("input transform", checked.input_transform),
        ("max abs error", format_number(report.max_abs_error)),
        ("max rel error", format_number(report.max_rel_error)),
        ("allclose", f"{format_number(report.allclose)} (rtol={report.rtol:g}, atol={report.atol:g}, {report.dtype})"),
        (
            "rounding bound",
            f"{format_number(report.rounding_bound)} (within: {format_number(report.within_rounding_bound)})",
        ),
        ("bitwise equal", f"{100 * report.bitwise_equal_fraction:.1f}% of elements"),
        (
            "gradients agree",
            format_number(report.grad_equal)
            + "  (max abs error "
            + ", ".join(f"{k} {format_number(v)}" for k, v in report.grad_max_abs_error.items())
            + ")",
        ),
        ("weights round trip", report.round_trip_text()),
        (
            "Linear sparsity",
            f"{100 * structure.sparsity:.2f}% structural zeros, "
            f"{structure.distinct_weights} distinct weights, each used {structure.reuse:.1f}x",
        ),
    ]
    if report.conv_output.numel() <= MAX_JSON_OUTPUT_ELEMENTS:  # small enough to read: both outputs, as --json has
        shape = "x".join(str(n) for n in report.conv_output.shape)
        for name, output in (("conv output", report.conv_output), ("Linear output", report.linear_output)):
            rows.append((f"{name} ({shape})", ", ".join(f"{v:.6g}" for v in output.double().reshape(-1).tolist())))
    text = f"{_spec_line(valid)}\n\n{verdict}\n{format_table(rows)}\n\nmapping code:\n{checked.code}"
    _emit(args, payload, text)


def cmd_init(args: argparse.Namespace) -> None:
    valid = validated(args)
    from core.init_check import check_draws, check_init
    from core.isolation import call_isolated

    check_draws(valid, args.draws)  # before a half-precision child process is started for nothing

    report = call_isolated(valid.spec.dtype, check_init, valid, args.draws)
    payload = report.to_json()
    rows = [
        ("", "Linear", "conv"),
        ("fan_in", report.linear_fan_in, report.conv_fan_in),
        ("bound 1/sqrt(fan_in)", f"{report.linear_bound:.4g}", f"{report.conv_bound:.4g}"),
        (
            "weight std (theory bound/sqrt(3))",
            f"{report.linear_weight_std:.4g} ({report.linear_bound / 3**0.5:.4g})",
            f"{report.conv_weight_std:.4g} ({report.conv_bound / 3**0.5:.4g})",
        ),
        ("output std, unit-variance input", f"{report.linear_output_std:.3f}", f"{report.conv_output_std:.3f}"),
    ]
    text = (
        f"{_spec_line(valid)}\n\n{format_table(rows)}\n\n"
        f"KS statistic {report.ks_statistic:.4f}, p = {report.ks_pvalue:.3g} "
        f"({report.samples:,} weights of each layer, pooled over {report.draws} draws)\n\n{report.verdict}"
    )
    _emit(args, payload, text)


def cmd_presets(args: argparse.Namespace) -> None:
    presets = [load_preset(args.name)] if args.name is not None else load_all_presets()
    payload = {
        "presets": [
            {"name": p.name, "title": p.title, "explanation": p.explanation, "spec": p.spec.to_dict()} for p in presets
        ]
    }
    if args.name is not None:
        p = presets[0]
        text = f"{p.name}: {p.title}\n\n{p.explanation}\n\nspec: {json.dumps(p.spec.to_dict())}"
    else:
        text = format_table([(p.name, p.title) for p in presets], ("preset", "shows"))
        text += f"\n\nuse: {command_name()} inspect --preset NAME  (or check / init)"
    _emit(args, payload, text)


def cmd_bench(args: argparse.Namespace) -> None:
    run_bench_command(args, validated(args), args.plot_writer)


def cmd_screenshot(args: argparse.Namespace) -> None:
    run_screenshot_command(args, args.screenshot_renderer)


def build_parser(prog: str = "python main.py") -> argparse.ArgumentParser:
    """The parser with every sub-command; ``prog`` is how usage lines and hints name the program."""
    parser = _Parser(prog=prog, description="LinConv Lab: Linear vs Conv. No sub-command opens the window.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    inspect = commands.add_parser("inspect", help="shapes, parameters, MACs/FLOPs, receptive field, memory")
    add_layer_options(inspect)
    inspect.set_defaults(run=cmd_inspect)
    check = commands.add_parser("check", help="map the layers and check that their outputs and gradients agree")
    add_layer_options(check)
    check.set_defaults(run=cmd_check)
    init = commands.add_parser("init", help="compare the default init of both layers")
    add_layer_options(init)
    init.add_argument(
        "--draws",
        type=whole("draws", "use e.g. 40"),
        default=40,
        help=f"independent re-initialisations ({MIN_DRAWS}..{MAX_DRAWS}; default 40)",
    )
    init.set_defaults(run=cmd_init)
    bench = commands.add_parser("bench", help="time Linear vs Conv implementations (torch.utils.benchmark)")
    add_layer_options(bench)
    add_bench_options(bench)
    bench.set_defaults(run=cmd_bench)
    presets = commands.add_parser("presets", help="list the presets, or show one")
    presets.add_argument("name", nargs="?")
    presets.add_argument("--json", action="store_true")
    presets.set_defaults(run=cmd_presets)
    screenshot = commands.add_parser("screenshot", help="render the window offscreen for a preset, save it as PNG")
    add_screenshot_options(screenshot)
    screenshot.set_defaults(run=cmd_screenshot)
    return parser


def main(
    argv: Sequence[str],
    plot_writer: PlotWriter | None = None,
    screenshot_renderer: ScreenshotRenderer | None = None,
) -> int:
    """Run one sub-command; return the exit status. Errors are one line on stderr, never a traceback.

    ``plot_writer`` draws benchmark plots and ``screenshot_renderer`` the window; ``main.py`` injects both, so the
    CLI never imports gui (without them, plots and screenshots are refused in one line).
    """
    try:
        args = build_parser(command_name()).parse_args(list(argv))
        args.plot_writer = plot_writer
        args.screenshot_renderer = screenshot_renderer
        args.run(args)
    except BrokenPipeError:  # e.g. piped into `head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CliError, SpecError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        if error.filename is not None:
            raise
        # Not a file the command writes (those are WriteErrors, with their path): the output stream itself, e.g.
        # standard output redirected to a full disk or /dev/full.
        print(f"error: cannot write the output ({error.strerror or error})", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug, not a user error: still one line unless debugging
        if os.environ.get("LINCONV_DEBUG"):
            raise
        first_line = (str(error).strip().splitlines() or [""])[0][:300]
        print(
            f"error: internal {type(error).__name__}: {first_line} (rerun with LINCONV_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
    return 0
