"""The command line: ``python main.py {inspect,check,init,bench,presets,screenshot,export} ...`` (or
``linconv-lab ...``).

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
from cli.export_command import ExportRenderer, add_export_options, run_export_command
from cli.language import add_language_option, default_language, english, interface_language, requested_language
from cli.model_command import ModelPlotWriter, add_model_options, run_model_command
from cli.screenshot_command import ScreenshotRenderer, add_screenshot_options, run_screenshot_command
from cli.text_table import format_sections, format_table
from core.catalogue import PRESET_CONTEXT
from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.invocation import command_name
from core.limits import MAX_BUDGET_MIB, MAX_DRAWS, MIN_BUDGET_MIB, MIN_DRAWS, budget_bytes, shown
from core.memory import DEFAULT_BUDGET_BYTES
from core.number_format import format_number
from core.presets import load_all_presets, load_preset
from core.spec import DTYPES, MODES, SOURCES, LayerSpec, format_sizes, parse_spec
from core.validation import ValidSpec, validate

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's status for a command ended by SIGINT
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
        raise CliError(tr("CLI errors", "{message} (see: {prog} --help)").format(message=message, prog=self.prog))


def add_layer_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a layer pair; shared by every sub-command that takes a spec."""
    group = parser.add_argument_group("layer")
    group.add_argument("--preset", help="start from a stored preset (see: presets)")
    group.add_argument(
        "--dims",
        type=whole("dims", tr_noop("CLI option hints", "use 1 or 2")),
        choices=(1, 2),
        help="1 for Conv1d, 2 for Conv2d (default 2)",
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
        type=number("budget-mib", tr_noop("CLI option hints", "use e.g. 1024")),
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
    layer = (
        f"Conv{s.dims}d(cin={s.cin}, cout={s.cout}, kernel={format_sizes(s.kernel)}, stride={format_sizes(s.stride)}, "
        f"padding={padding}, dilation={format_sizes(s.dilation)}, groups={s.groups}, bias={s.bias})"
    )
    return tr("CLI", "{layer} on input {shape}, {dtype}, mode {mode}").format(
        layer=layer, shape=f"{s.batch}x{s.cin}x{format_sizes(s.input_size)}", dtype=s.dtype, mode=valid.mode
    )


def cmd_inspect(args: argparse.Namespace) -> None:
    from core.inspect_report import inspect_spec
    from core.variants import compare_variants

    valid = validated(args)
    with english(when=args.json):  # --json: the same output in every language
        report = inspect_spec(valid)
    sections = {  # in the interface language (core words them; its to_json stays English)
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
            headings = (
                tr("CLI inspect", "variant"),
                tr("CLI inspect", "conv params"),
                tr("CLI inspect", "conv MACs"),
                tr("CLI inspect", "output shape"),
                tr("CLI inspect", "receptive field"),
            )
            text += "\n\n" + tr("CLI inspect", "related") + "\n" + format_table(rows, headings)
            with english(when=args.json):
                payload["related"] = {
                    r.label: inspect_spec(validate(r.spec, valid.budget_bytes)).to_json() for r in preset.related
                }
        title, explanation = tr(PRESET_CONTEXT, preset.title), tr(PRESET_CONTEXT, preset.explanation)
        if valid.spec == preset.spec:
            text = f"{title}\n{explanation}\n\n{text}"
        else:  # the preset's story is about its own spec, not this changed one
            changed = ", ".join(
                f"{name}={value}"
                for name, value in valid.spec.to_dict().items()
                if value != preset.spec.to_dict()[name]
            )
            heading = tr("CLI inspect", "preset {name} ({title}), changed: {changed}")
            text = heading.format(name=preset.name, title=title, changed=changed) + f"\n\n{text}"
    _emit(args, payload, text)


def cmd_check(args: argparse.Namespace) -> None:
    valid = validated(args)
    from core.isolation import call_isolated
    from core.lab import check_mapping

    with english(when=args.json):  # --json: the same output in every language
        checked = call_isolated(valid.spec.dtype, check_mapping, valid)
    report, structure = checked.report, checked.structure
    payload: dict[str, Any] = {**report.to_json(MAX_JSON_OUTPUT_ELEMENTS), **checked.mapping_json}
    if report.equal:
        verdict = tr("CLI check", "PASS: outputs agree up to float rounding")
    else:
        verdict = tr("CLI check", "FAIL: outputs differ beyond rounding")
    errors = ", ".join(f"{k} {format_number(v)}" for k, v in report.grad_max_abs_error.items())
    rows = [
        (tr("CLI check", "mode"), report.mode),
        ("Linear", "Linear({}, {})".format(*checked.linear_features)),
        (tr("CLI check", "input transform"), checked.input_transform),
        (tr("CLI check", "max abs error"), format_number(report.max_abs_error)),
        (tr("CLI check", "max rel error"), format_number(report.max_rel_error)),
        ("allclose", f"{format_number(report.allclose)} (rtol={report.rtol:g}, atol={report.atol:g}, {report.dtype})"),
        (
            tr("CLI check", "rounding bound"),
            tr("CLI check", "{bound} (within: {within})").format(
                bound=format_number(report.rounding_bound), within=format_number(report.within_rounding_bound)
            ),
        ),
        (
            tr("CLI check", "bitwise equal"),
            tr("CLI check", "{percent:.1f}% of elements").format(percent=100 * report.bitwise_equal_fraction),
        ),
        (
            tr("CLI check", "gradients agree"),
            tr("CLI check", "{agree}  (max abs error {errors})").format(
                agree=format_number(report.grad_equal), errors=errors
            ),
        ),
        (tr("CLI check", "weights round trip"), report.round_trip_text()),
        (
            tr("CLI check", "Linear sparsity"),
            tr(
                "CLI check",
                "{zeros:.2f}% structural zeros, {distinct} distinct weights, each used {reuse:.1f}x",
            ).format(zeros=100 * structure.sparsity, distinct=structure.distinct_weights, reuse=structure.reuse),
        ),
    ]
    if report.conv_output.numel() <= MAX_JSON_OUTPUT_ELEMENTS:  # small enough to read: both outputs, as --json has
        shape = "x".join(str(n) for n in report.conv_output.shape)
        outputs = (
            (tr("CLI check", "conv output ({shape})"), report.conv_output),
            (tr("CLI check", "Linear output ({shape})"), report.linear_output),
        )
        for name, output in outputs:
            values = ", ".join(f"{v:.6g}" for v in output.double().reshape(-1).tolist())
            rows.append((name.format(shape=shape), values))
    code_heading = tr("CLI check", "mapping code:")
    text = f"{_spec_line(valid)}\n\n{verdict}\n{format_table(rows)}\n\n{code_heading}\n{checked.code}"
    _emit(args, payload, text)


def cmd_init(args: argparse.Namespace) -> None:
    valid = validated(args)
    from core.init_check import check_draws, check_init
    from core.isolation import call_isolated

    check_draws(valid, args.draws)  # before a half-precision child process is started for nothing

    with english(when=args.json):  # --json: the same output in every language
        report = call_isolated(valid.spec.dtype, check_init, valid, args.draws)
    payload = report.to_json()
    rows = [
        ("", "Linear", tr("CLI init", "conv")),
        ("fan_in", report.linear_fan_in, report.conv_fan_in),
        (tr("CLI init", "bound 1/sqrt(fan_in)"), f"{report.linear_bound:.4g}", f"{report.conv_bound:.4g}"),
        (
            tr("CLI init", "weight std (theory bound/sqrt(3))"),
            f"{report.linear_weight_std:.4g} ({report.linear_bound / 3**0.5:.4g})",
            f"{report.conv_weight_std:.4g} ({report.conv_bound / 3**0.5:.4g})",
        ),
        (
            tr("CLI init", "output std, unit-variance input"),
            f"{report.linear_output_std:.3f}",
            f"{report.conv_output_std:.3f}",
        ),
    ]
    statistic = tr(
        "CLI init", "KS statistic {ks:.4f}, p = {p:.3g} ({samples:,} weights of each layer, pooled over {draws} draws)"
    ).format(ks=report.ks_statistic, p=report.ks_pvalue, samples=report.samples, draws=report.draws)
    text = f"{_spec_line(valid)}\n\n{format_table(rows)}\n\n{statistic}\n\n{report.verdict}"
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
        title, explanation = tr(PRESET_CONTEXT, p.title), tr(PRESET_CONTEXT, p.explanation)
        spec = tr("CLI presets", "spec: {spec}").format(spec=json.dumps(p.spec.to_dict()))
        text = f"{p.name}: {title}\n\n{explanation}\n\n{spec}"
    else:
        rows = [(p.name, tr(PRESET_CONTEXT, p.title)) for p in presets]
        text = format_table(rows, (tr("CLI presets", "preset"), tr("CLI presets", "shows")))
        use = tr("CLI presets", "use: {command} inspect --preset NAME  (or check / init)")
        text += "\n\n" + use.format(command=command_name())
    _emit(args, payload, text)


def cmd_bench(args: argparse.Namespace) -> None:
    run_bench_command(args, validated(args), args.plot_writer)


def cmd_screenshot(args: argparse.Namespace) -> None:
    run_screenshot_command(args, args.screenshot_renderer)


def cmd_export(args: argparse.Namespace) -> None:
    run_export_command(args, validated(args), args.export_renderer)


def cmd_model(args: argparse.Namespace) -> None:
    run_model_command(args, args.model_plot_writer)


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
        type=whole("draws", tr_noop("CLI option hints", "use e.g. 40")),
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
    export = commands.add_parser("export", help="every figure, the animation, the data, a script and an index")
    add_layer_options(export)
    add_export_options(export)
    export.set_defaults(run=cmd_export)
    model = commands.add_parser("model", help="a whole model: layer table, flatten sizes, pointwise rewrites")
    add_model_options(model)
    model.set_defaults(run=cmd_model)
    language = default_language()
    for sub_command in dict.fromkeys(commands.choices.values()):  # every sub-command, however added
        add_language_option(sub_command, language)
    return parser


def main(
    argv: Sequence[str],
    plot_writer: PlotWriter | None = None,
    screenshot_renderer: ScreenshotRenderer | None = None,
    export_renderer: ExportRenderer | None = None,
    model_plot_writer: ModelPlotWriter | None = None,
) -> int:
    """Run one sub-command; return the exit status. Errors are one line on stderr, never a traceback.

    ``plot_writer`` draws benchmark plots, ``screenshot_renderer`` and ``export_renderer`` the window; ``main.py``
    injects them, so the CLI never imports gui (without them, plots, screenshots and exports are refused in one
    line).

    Text (reports and errors) is in the language of ``--lang``, by default the system locale's (English again when
    the command is done); ``--json`` output is the same in every language.
    """
    argv = list(argv)
    with interface_language(requested_language(argv, default_language())):
        return _run(argv, plot_writer, screenshot_renderer, export_renderer, model_plot_writer)


def _run(
    argv: list[str],
    plot_writer: PlotWriter | None,
    screenshot_renderer: ScreenshotRenderer | None,
    export_renderer: ExportRenderer | None = None,
    model_plot_writer: ModelPlotWriter | None = None,
) -> int:
    try:
        args = build_parser(command_name()).parse_args(argv)
        args.plot_writer = plot_writer
        args.screenshot_renderer = screenshot_renderer
        args.export_renderer = export_renderer
        args.model_plot_writer = model_plot_writer
        args.run(args)
    except KeyboardInterrupt:  # Ctrl+C: what was being written stays as it was (every write is atomic)
        print(f"error: {tr('CLI errors', 'interrupted')}", file=sys.stderr)
        return EXIT_INTERRUPTED
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
        reason = tr("CLI errors", "cannot write the output ({reason})").format(reason=error.strerror or error)
        print(f"error: {reason}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a bug, not a user error: still one line unless debugging
        if os.environ.get("LINCONV_DEBUG"):
            raise
        first_line = (str(error).strip().splitlines() or [""])[0][:300]
        internal = tr("CLI errors", "internal {kind}: {message} (rerun with LINCONV_DEBUG=1 for details)")
        print(f"error: {internal.format(kind=type(error).__name__, message=first_line)}", file=sys.stderr)
        return 1
    return 0
