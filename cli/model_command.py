"""``python main.py model``: a whole model's layer table, flatten sizes, and verified, timed pointwise rewrites."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cli.arg_types import number, whole
from cli.bench_command import ProgressBar
from cli.language import english
from cli.output_paths import ensure_folder
from cli.text_table import format_table
from cli.write_errors import write_failed
from core.bench.allocator import ALLOCATORS
from core.bench.config import ISOLATIONS
from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.invocation import command_name
from core.limits import MAX_MIN_RUN_TIME_S, MAX_ROUNDS

if TYPE_CHECKING:  # these import torch; option errors are answered before that
    from core.models.timing import ModelTiming


class ModelPlotWriter(Protocol):
    """Draws the per-layer time plot into ``out`` (``gui.plots.model_plots.write_model_plot``, injected by main.py)."""

    def __call__(self, timing: ModelTiming, out: Path, width: int) -> list[Path]: ...


def examples_epilog() -> str:
    """The built-in examples, one per line, for ``model --help`` (names come from the one registry)."""
    from core.models.examples import EXAMPLES

    lines = [tr("CLI model", "built-in examples (--example NAME):")]
    lines += [f"  {name:<16} {tr('Model examples', example.title)}" for name, example in EXAMPLES.items()]
    lines.append(
        tr(
            "CLI model",
            "--file runs the Python file you name (importing it executes its code); weights are read with "
            "torch.load(weights_only=True), never unpickled as code.",
        )
    )
    return "\n".join(lines)


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """The options of the ``model`` sub-command; its help ends with the built-in examples (listed only when help is
    asked for: listing them imports torch)."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    plain_help = parser.format_help

    def help_with_examples() -> str:
        parser.epilog = examples_epilog()
        return plain_help()

    parser.format_help = help_with_examples  # type: ignore[method-assign]
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--example", metavar="NAME", help="a built-in example (listed below)")
    which.add_argument("--file", metavar="PATH", help="a Python file defining the model, or a TorchScript file")
    parser.add_argument("--class", dest="class_name", metavar="NAME", help="the model's class in --file (.py)")
    parser.add_argument("--args", metavar="JSON", help="constructor keyword arguments, e.g. '{\"width\": 16}'")
    parser.add_argument("--weights", metavar="STATE_DICT", help="a state dict (read with weights_only=True)")
    parser.add_argument("--input", metavar="SHAPE", help="example input shape, e.g. 2x24x16x16 (examples: their own)")
    parser.add_argument("--count", choices=("macs", "flops"), default="macs", help="MACs, or FLOPs = 2·MACs")
    parser.add_argument("--bias", action="store_true", help="count one add per output of layers with a bias")
    parser.add_argument("--rewrite", metavar="pointwise|NAMES", help="pointwise: every pointwise conv; or names")
    parser.add_argument("--tune", action="store_true", help="time every form of each chosen layer, keep the fastest")
    parser.add_argument("--no-time", action="store_true", help="rewrite and verify without timing")
    parser.add_argument("--save", metavar="DIR", help="write the rewritten model (state dict + module source)")
    parser.add_argument("--out", metavar="DIR", help="write the report: Markdown, CSV, JSON and the timing plot")
    timing = parser.add_argument_group("timing")
    timing.add_argument(
        "--min-time",
        type=number("min-time", tr_noop("CLI option hints", "use e.g. 0.5 (seconds)")),
        default=0.6,
        help=f"seconds per measured layer form or model (max {MAX_MIN_RUN_TIME_S:g})",
    )
    timing.add_argument(
        "--rounds",
        type=whole("rounds", tr_noop("CLI option hints", "use e.g. 5")),
        default=3,
        help=f"interleaved rounds (1..{MAX_ROUNDS})",
    )
    timing.add_argument("--threads", type=whole("threads", tr_noop("CLI option hints", "use e.g. 2")), default=0)
    timing.add_argument("--allocator", choices=ALLOCATORS, default="default")
    timing.add_argument("--isolation", choices=ISOLATIONS, default="process")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _source(args: argparse.Namespace) -> Any:
    from core.models.loading import ModelSource, file_source, parse_args_json

    arguments = parse_args_json(args.args) if args.args is not None else ()
    if args.example is not None:
        if args.class_name:
            raise SpecError("--class", tr("CLI model", "is for --file"), tr("CLI model", "drop --class"))
        return ModelSource("example", name=args.example, args=arguments, weights=args.weights or "")
    source = file_source(args.file, args.class_name or "", arguments, args.weights or "")
    if source.kind == "python" and not args.class_name:  # said before torch loads, not after importing the file
        raise SpecError(
            "--class",
            tr("CLI model", "a Python file needs the name of the model's class"),
            tr("CLI model", "add --class NAME"),
        )
    return source


def run_model_command(args: argparse.Namespace, plot_writer: ModelPlotWriter | None) -> None:
    """Open the model, print its table and flatten sizes; rewrite, verify, time, save and write as asked."""
    from core.models.loading import parse_input_shape
    from core.models.report import report_json
    from core.models.table import Counting
    from core.models.timing import ModelTimingConfig, check_timing_config
    from core.models.workflow import chosen_layers, finish, open_model, rewrite_checked, save

    shape = parse_input_shape(args.input) if args.input is not None else None
    source = _source(args)
    counting = Counting(unit=args.count, bias=args.bias)
    timed = (args.rewrite is not None or args.tune) and not args.no_time
    config = ModelTimingConfig(
        input_shape=shape or (1,),
        layers=(),
        tune=args.tune,
        min_run_time=args.min_time,
        rounds=args.rounds,
        threads=args.threads,
        allocator=args.allocator,
        isolation=args.isolation,
    )
    if timed:
        check_timing_config(config)
    if args.save is not None and args.rewrite is None and not args.tune:
        raise SpecError(
            "--save",
            tr("CLI model", "there is nothing rewritten to save"),
            tr("CLI model", "add --rewrite pointwise (or layer names)"),
        )
    for option in ("save", "out"):
        if getattr(args, option) is not None and not getattr(args, option).strip():
            raise SpecError(f"--{option}", tr("CLI model", "is empty"), tr("CLI model", "give a folder, e.g. results"))
        if getattr(args, option) is not None:
            ensure_folder(Path(getattr(args, option)), option)  # before the work: a wrong folder costs nothing
    with english(when=args.json):
        opened = finish(open_model(source, shape))
        choice = args.rewrite if args.rewrite is not None else ("pointwise" if args.tune else None)
        names = chosen_layers(opened, choice) if choice is not None else ()
        rewritten = finish(rewrite_checked(opened, names)) if names else None
        timing = _time(opened, names, config) if timed and names else None
        payload = report_json(
            opened.source.label(),
            opened.table,
            counting,
            names,
            rewritten.checks if rewritten else (),
            timing,
            rewritten.restored_exact if rewritten else None,
        )
    files: list[Path] = []
    if args.save is not None and rewritten is not None:
        files += _written(Path(args.save), lambda: save(opened, rewritten, Path(args.save)))
    if args.out is not None:
        out = Path(args.out)
        files += _written(out, lambda: _write_report(opened, counting, rewritten, timing, out, plot_writer))
    if args.json:
        payload["files"] = [str(path) for path in files]
        print(json.dumps(payload, indent=2, default=str))
        return
    print(_text(opened, counting, rewritten, timing))
    for path in files:
        print(tr("CLI model", "wrote {path}").format(path=path))


def _time(opened: Any, names: tuple[str, ...], config: Any) -> ModelTiming:
    import dataclasses

    from core.models.timing import run_model_timing
    from core.models.workflow import finish

    bar = ProgressBar()
    steps = run_model_timing(
        opened.model, opened.source, dataclasses.replace(config, input_shape=opened.input_shape, layers=names)
    )
    try:
        return finish(steps, bar)
    finally:
        bar.finish()


def _written(out: Path, write: Any) -> list[Path]:
    try:
        paths: list[Path] = write()
    except OSError as error:
        raise write_failed(out, error) from None
    return paths


def _write_report(
    opened: Any,
    counting: Any,
    rewritten: Any,
    timing: ModelTiming | None,
    out: Path,
    plot_writer: ModelPlotWriter | None,
) -> list[Path]:
    from core.models.report_files import write_report

    plots = plot_writer(timing, out, 1920) if (plot_writer is not None and timing is not None) else []
    return plots + write_report(opened, counting, rewritten, timing, out, plot_name=plots[0].name if plots else "")


def _text(opened: Any, counting: Any, rewritten: Any, timing: ModelTiming | None) -> str:
    from core.models.report import (
        choice_lines,
        flatten_lines,
        headers,
        restored_line,
        row_cells,
        timing_caption,
        timing_cells,
        timing_headers,
        timing_rows,
        totals_line,
        verification_line,
    )

    table = opened.table
    parts = [
        f"{opened.source.label()}: {totals_line(table, counting)}",
        counting.describe(),
        format_table([row_cells(row, counting) for row in table.rows], headers(counting)),
    ]
    if table.flatten:
        parts.append(tr("CLI model", "Flatten sizes:") + "\n" + "\n".join(f"  {line}" for line in flatten_lines(table)))
    if rewritten is not None:
        title = tr("CLI model", "Rewritten as Linear ({count}): {names}").format(
            count=len(rewritten.names), names=", ".join(rewritten.names)
        )
        lines = [verification_line(check) for check in rewritten.checks] + [restored_line(rewritten.restored_exact)]
        parts.append(title + "\n" + "\n".join(f"  {line}" for line in lines))
    elif opened.rewritable:
        hint = tr("CLI model", "{count} pointwise convs can become Linear: {command} model ... --rewrite pointwise")
        parts.append(hint.format(count=len(opened.rewritable), command=command_name()))
    if timing is not None:
        section = [
            timing_caption(timing),
            format_table([timing_cells(r) for r in timing_rows(timing)], timing_headers()),
        ]
        section += choice_lines(timing)
        if timing.error:
            section.append(tr("CLI model", "timing stopped: {error}").format(error=timing.error))
        parts.append("\n".join(section))
    return "\n\n".join(parts)
