"""``python main.py bench``: measure, print a table, write CSV/JSON and (through an injected writer) plots."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cli.arg_types import number, whole
from cli.language import english
from cli.output_paths import ensure_folder
from cli.text_table import fit, format_table
from cli.write_errors import write_failed
from core.bench.allocator import ALLOCATORS
from core.bench.config import DEVICES, IMPLEMENTATION_NAMES, ISOLATIONS, METHODS, BenchConfig, parse_impls, parse_sweep
from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.limits import MAX_MIN_RUN_TIME_S, MAX_ROUNDS
from core.memory import format_bytes
from core.spec import LayerSpec
from core.validation import ValidSpec

if TYPE_CHECKING:  # the runner imports torch; the CLI answers option errors before that
    from core.bench.runner import BenchResult

FORMATS = ("png", "svg", "csv", "json")


class PlotWriter(Protocol):
    """Draws the benchmark plots into ``out`` (``gui.plots.bench_export.write_bench_plots``, injected by main.py)."""

    def __call__(self, result: BenchResult, out: Path, formats: set[str], width: int) -> list[Path]: ...


def add_bench_options(parser: argparse.ArgumentParser) -> None:
    """The options of the ``bench`` sub-command (the layer options are added separately)."""
    group = parser.add_argument_group("benchmark")
    group.add_argument("--impl", help=f"comma-separated, from: {', '.join(IMPLEMENTATION_NAMES)} (default all)")
    group.add_argument("--sweep", metavar="NAME=v1,v2,...", help="batch, input (L or HxW), cin, cout or threads")
    group.add_argument("--backward", action="store_true", help="time forward + backward")
    group.add_argument("--threads", help="intra-op threads (default: PyTorch's current)")
    group.add_argument("--allocator", choices=ALLOCATORS, default="default")
    group.add_argument(
        "--isolation",
        choices=ISOLATIONS,
        default="process",
        help="process: a fresh worker per implementation (default); none: all in this process",
    )
    group.add_argument("--method", choices=METHODS, default="blocked", help="torch.utils.benchmark autorange")
    group.add_argument(
        "--min-time",
        type=number("min-time", tr_noop("CLI option hints", "use e.g. 0.5 (seconds)")),
        default=1.0,
        help=f"seconds per implementation and point (max {MAX_MIN_RUN_TIME_S:g})",
    )
    group.add_argument(
        "--rounds",
        type=whole("rounds", tr_noop("CLI option hints", "use e.g. 5")),
        default=5,
        help=f"interleaved rounds per point (1..{MAX_ROUNDS})",
    )
    group.add_argument("--device", choices=DEVICES, default="cpu")
    group.add_argument("--compile", action="store_true", help="torch.compile each implementation")
    group.add_argument("--tf32", action="store_true", help="CUDA: allow TF32 in both matmul and cuDNN")
    group.add_argument("--out", help="directory for the files")
    group.add_argument("--format", default="png,svg,csv,json", help=f"comma-separated, from: {', '.join(FORMATS)}")
    group.add_argument(
        "--width",
        type=whole("width", tr_noop("CLI option hints", "use e.g. 1920")),
        default=1920,
        help="PNG width in pixels",
    )


def _formats(text: str) -> set[str]:
    chosen = {f.strip().lower() for f in text.split(",") if f.strip()}
    unknown = chosen - set(FORMATS)
    if unknown or not chosen:
        raise SpecError(
            "format",
            tr("CLI bench", "unknown format(s) {formats}").format(formats=repr(sorted(unknown) or text)),
            tr("CLI bench", "choose from {formats}").format(formats=", ".join(FORMATS)),
        )
    return chosen


def config_from_args(args: argparse.Namespace, spec: LayerSpec, budget_bytes: int) -> BenchConfig:
    """The checked benchmark configuration the options describe."""
    from core.bench.config import check_config, check_threads

    config = BenchConfig(
        spec=spec,
        impls=parse_impls(args.impl),
        backward=args.backward,
        threads=None if args.threads is None else check_threads(args.threads),
        device=args.device,
        compile=args.compile,
        tf32=args.tf32,
        allocator=args.allocator,
        min_run_time=args.min_time,
        rounds=args.rounds,
        method=args.method,
        isolation=args.isolation,
        budget_bytes=budget_bytes,
        sweep=parse_sweep(args.sweep),
    )
    check_config(config)
    if not 64 <= args.width <= 16384:
        rule = tr("CLI bench", "must be between 64 and 16384 pixels, got {width}").format(width=args.width)
        raise SpecError("width", rule, tr("CLI bench", "use e.g. 1920"))
    if args.out is not None and not args.out.strip():
        raise SpecError("out", tr("CLI bench", "is empty"), tr("CLI bench", "give a folder, e.g. --out results"))
    if args.out is None and args.format != "png,svg,csv,json":
        raise SpecError(
            "out", tr("CLI bench", "--format needs --out DIR to write the files into"), tr("CLI bench", "add --out DIR")
        )
    return config


class ProgressBar:
    """A one-line progress bar on stderr."""

    def __init__(self, stream: Any = sys.stderr, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self.drawn = False

    def __call__(self, progress: Any) -> None:
        filled = int(self.width * progress.done / max(progress.total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {progress.done}/{progress.total} {fit(progress.message, 60)}")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """End the bar's line (if one was drawn, so an error before any progress stays a single line)."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def records_table(records: list[Any]) -> str:
    """The records as a table whose every column is named for what it holds (see
    :func:`core.bench.summary.records_table`)."""
    from core.bench.summary import records_table as table

    header, rows = table(records)
    return format_table(rows, header)


def roofline_text(roof: Any) -> str:
    """One line per thread count: the peak and where it came from, and each memory level's copy bandwidth."""
    levels = ", ".join(f"{level.shown_name} {level.bandwidth_gbs:.0f} GB/s" for level in roof.levels)
    copies = ", ".join(format_bytes(level.probe_bytes) for level in roof.levels)
    text = tr(
        "CLI bench",
        "roofline ({threads} threads, {dtype}): peak {peak:.0f} GFLOP/s ({source}); "
        "bandwidth {levels} (copies of {copies}, source + destination)",
    )
    return text.format(
        threads=roof.threads,
        dtype=roof.dtype,
        peak=roof.peak_gflops,
        source=roof.shown_peak_source,
        levels=levels,
        copies=copies,
    )


def run_bench_command(args: argparse.Namespace, valid: ValidSpec, plot_writer: PlotWriter | None) -> None:
    """Measure, print the table and the explanation, write the files (plots through ``plot_writer``)."""
    config = config_from_args(args, valid.spec, valid.budget_bytes)
    formats = _formats(args.format) if args.out else set()
    if args.out:
        ensure_folder(Path(args.out))  # before the run: a wrong folder must not cost the measurements
    from core.bench.caption import caption_lines
    from core.bench.explain import explain
    from core.bench.records import write_records
    from core.bench.runner import collect, run_bench

    bar = ProgressBar()
    with english(when=args.json):  # --json: the same in every language (the run words its settings and exclusions)
        try:
            result = collect(run_bench(config), on_progress=bar)
        finally:
            bar.finish()
        values = list(dict.fromkeys(r.value for r in result.records))
        explanation = {value or "spec": explain([r for r in result.records if r.value == value]) for value in values}
        caption = caption_lines(result)
    files: list[Path] = []
    meta = {
        "caption": caption,
        "spec": valid.spec.to_dict(),
        "allocator": result.allocator,
        "tf32": result.tf32,
        "isolation": config.isolation,
        "rooflines": {str(k): dataclasses.asdict(v) for k, v in result.rooflines.items()},
        "excluded": [{"value": v, "impl": e.name, "reason": e.reason} for v, e in result.excluded],
        "explanation": explanation,
    }
    if args.out:
        out = Path(args.out)
        try:
            files += write_records(result.records, out, formats, meta)
            if formats & {"png", "svg"}:
                if plot_writer is None:
                    raise SpecError(
                        "format",
                        tr("CLI bench", "plots need the GUI toolkit, which is not available here"),
                        tr("CLI bench", "use csv,json"),
                    )
                files += plot_writer(result, out, formats & {"png", "svg"}, args.width)
        except OSError as error:  # a full disk, a file-size limit, a folder removed during the run
            raise write_failed(out, error) from None
    if args.json:
        payload = {"records": [dataclasses.asdict(r) for r in result.records], **meta, "files": [str(f) for f in files]}
        print(json.dumps(payload, indent=2, default=str))
        return
    print("\n".join(caption))
    setting = tr("CLI bench", "allocator: {allocator}; isolation: {isolation}; TF32: {tf32}")
    print(setting.format(allocator=result.allocator, isolation=config.isolation, tf32=result.tf32))
    for roof in result.rooflines.values():
        print(roofline_text(roof))
    print()
    print(records_table(result.records))
    for value, exclusion in result.excluded:
        if value:
            excluded = tr("CLI bench", "excluded {name} at {value}: {reason}")
        else:
            excluded = tr("CLI bench", "excluded {name}: {reason}")
        print(excluded.format(name=exclusion.name, value=value, reason=exclusion.reason))
    for point, lines in explanation.items():
        shown = tr("CLI bench", "spec") if point == "spec" else point  # "spec": no sweep; else a swept value
        print("\n" + tr("CLI bench", "{point}:").format(point=shown))
        for line in lines:
            print(f"  - {line}")
    for path in files:
        print(tr("CLI bench", "wrote {path}").format(path=path))
