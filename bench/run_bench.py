"""``make bench``: measure the benchmark engine itself, and the seed case, into bench/results/.

Figures (not asserted anywhere; tests only check correctness):
- fidelity: the engine's median vs a plain torch.utils.benchmark.Timer on the same statement, same process;
- overhead floor: what the engine's call wrapper costs, and the smallest layer it times meaningfully;
- repeatability: coefficient of variation of the engine's median over repeated runs;
- the seed case (Conv1d(8,32,1) vs Linear(8,32) on 128x256x8) with the default and the tuned allocator.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
from torch.utils import benchmark  # noqa: E402

from core.atomic_write import WriteError, make_folder, write_text_atomic  # noqa: E402
from core.bench.config import BenchConfig  # noqa: E402
from core.bench.explain import explain  # noqa: E402
from core.bench.implementations import prepare  # noqa: E402
from core.bench.runner import collect, run_bench  # noqa: E402
from core.bench.timing import make_timer  # noqa: E402
from core.presets import load_preset  # noqa: E402
from core.spec import parse_spec  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SEED = load_preset("conv1d-k1-vs-linear").spec
THREADS = torch.get_num_threads()


def engine_median(impl: str, seconds: float, spec=SEED) -> float:
    config = BenchConfig(spec=spec, impls=(impl,), min_run_time=seconds, rounds=5, isolation="none")
    return collect(run_bench(config)).records[0].median_s


def fidelity() -> dict:
    """Engine vs plain Timer on the same statement, alternated three times to cancel drift."""
    rows = {}
    for impl in ("linear", "conv_channels_last"):
        prepared, _ = prepare(SEED, (impl,), budget_bytes=1 << 30)
        run = prepared[0].run
        engine, plain = [], []
        for _ in range(3):
            engine.append(engine_median(impl, 1.0))
            timer = benchmark.Timer(stmt="run()", globals={"run": run}, num_threads=THREADS)
            plain.append(timer.blocked_autorange(min_run_time=1.0).median)
        ratio = statistics.median(engine) / statistics.median(plain)
        rows[impl] = {
            "engine_median_s": statistics.median(engine),
            "plain_timer_median_s": statistics.median(plain),
            "ratio": ratio,
            "within_5_percent": abs(ratio - 1) <= 0.05,
        }
    return rows


def overhead_floor() -> dict:
    """The timer's own floor, the engine wrapper's cost, and the smallest layer pair it can time."""
    pass_s = benchmark.Timer("pass", num_threads=THREADS).blocked_autorange(min_run_time=0.5).median
    wrapper_s = make_timer(lambda: None, THREADS, "noop").blocked_autorange(min_run_time=0.5).median
    tiny = parse_spec(dims=1, cin=1, cout=1, kernel=1, input_size=1)
    tiny_linear = engine_median("linear", 0.5, tiny)
    tiny_conv = engine_median("conv", 0.5, tiny)
    return {
        "timer_pass_s": pass_s,
        "engine_wrapper_s": wrapper_s,
        "smallest_linear_s": tiny_linear,
        "smallest_conv_s": tiny_conv,
        "meaningful_above_s": 10 * wrapper_s,
        "note": "an op is timed meaningfully when it costs >= 10x the wrapper (error from the wrapper <= 10%); "
        "the smallest layers PyTorch can run already cost far more, so every spec the engine accepts qualifies",
    }


def repeatability(repeats: int = 5) -> dict:
    rows = {}
    for impl in ("linear", "conv_channels_last"):
        medians = [engine_median(impl, 0.5) for _ in range(repeats)]
        rows[impl] = {"medians_s": medians, "cv": statistics.pstdev(medians) / statistics.mean(medians)}
    return rows


def seed_case(allocator: str) -> dict:
    config = BenchConfig(spec=SEED, min_run_time=2.0, rounds=5, isolation="process", allocator=allocator)
    result = collect(run_bench(config))
    return {
        "allocator": result.allocator,
        "records": [dataclasses.asdict(r) for r in result.records],
        "excluded": [dataclasses.asdict(e) for _, e in result.excluded],
        "explanation": explain(result.records),
    }


def channel_sweep() -> dict:
    """Does the gap survive wider layers? Conv1d(C, 256, 1) vs Linear(C, 256), C swept, default allocator."""
    from core.bench.config import Sweep

    spec = SEED.replace(cout=256)
    config = BenchConfig(
        spec=spec,
        impls=("linear", "conv", "conv_channels_last"),
        min_run_time=1.0,
        rounds=4,
        isolation="process",
        sweep=Sweep("cin", ("8", "64", "256")),
    )
    result = collect(run_bench(config))
    return {"records": [dataclasses.asdict(r) for r in result.records]}


def model_rewrites() -> dict:
    """The pointwise rewrite on whole models: convnext-block and vgg-heads at their default sizes, every form of
    each pointwise conv and the original, rewritten and tuned model, in worker processes (default allocator)."""
    from core.models.loading import ModelSource, build_model
    from core.models.report import timing_record
    from core.models.rewrite import pointwise_names
    from core.models.timing import ModelTimingConfig, run_model_timing
    from core.models.workflow import default_input, finish

    rows = {}
    for name in ("convnext-block", "vgg-heads"):
        source = ModelSource("example", name=name)
        model = build_model(source)
        shape = default_input(source)
        assert shape is not None  # a built-in example has its own input
        config = ModelTimingConfig(shape, tuple(pointwise_names(model)), tune=True, min_run_time=1.5, rounds=5)
        timing = finish(run_model_timing(model, source, config))
        rows[name] = {"input_shape": list(shape), **timing_record(timing)}
    return rows


def gui_responsiveness() -> dict:
    from bench.gui_responsiveness import measure

    return measure()


def _row(record: dict) -> str:
    return (
        f"| {record['impl']} | {record['median_s'] * 1e6:.1f} | {record['ratio_to_linear']:.2f} "
        f"[{record['ratio_low']:.2f}-{record['ratio_high']:.2f}] | {record['page_faults']:.0f} | "
        f"{record['peak_rss_bytes'] / 2**20:.1f} | {100 * record['roofline_fraction']:.0f}% of "
        f"{record['roofline_level']} | {record['backend']} |"
    )


def summary(figures: dict) -> str:
    lines = [f"# make bench ({time.strftime('%Y-%m-%d %H:%M')}, torch {torch.__version__}, {THREADS} threads)", ""]
    lines.append("## Fidelity (engine median / plain Timer median, same statement, same process)")
    for impl, row in figures["fidelity"].items():
        lines.append(f"- {impl}: {row['ratio']:.3f} ({'within' if row['within_5_percent'] else 'OUTSIDE'} 5%)")
    floor = figures["overhead"]
    lines += [
        "",
        "## Overhead floor",
        f"- Timer on `pass`: {floor['timer_pass_s'] * 1e9:.0f} ns; engine wrapper (no-op call): "
        f"{floor['engine_wrapper_s'] * 1e9:.0f} ns; meaningful above {floor['meaningful_above_s'] * 1e6:.2f} us",
        f"- smallest layers (1 channel, length 1): Linear {floor['smallest_linear_s'] * 1e6:.1f} us, "
        f"Conv1d {floor['smallest_conv_s'] * 1e6:.1f} us",
        "",
        "## Repeatability (CV of the median over 5 runs)",
    ]
    for impl, row in figures["repeatability"].items():
        lines.append(f"- {impl}: {100 * row['cv']:.1f}%")
    lines += [
        "",
        "## Channel sweep: Conv1d(C, 256, 1) vs Linear(C, 256) on batch 128, length 256, default allocator",
        "",
        "| C | impl | median us | ratio to linear | faults/call |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in figures["channel_sweep"]["records"]:
        lines.append(
            f"| {r['value']} | {r['impl']} | {r['median_s'] * 1e6:.0f} | {r['ratio_to_linear']:.2f} "
            f"[{r['ratio_low']:.2f}-{r['ratio_high']:.2f}] | {r['page_faults']:.0f} |"
        )
    lines += [
        "",
        "## Window responsiveness (offscreen, 1920x1080, a change of Cout; medians of 5 edits)",
        "",
        "| spec | tab in front | first heatmap redrawn | visible panels updated | every stage "
        "| longest stall (median edit / worst) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    memory = {}
    for case, tabs in figures["gui_responsiveness"].items():
        if "rss_mib_after_edits" in tabs:
            memory[case] = tabs
            continue
        for tab, row in tabs.items():
            lines.append(
                f"| {case} | {tab} | {row['first_heatmap_ms']:.0f} ms | {row['visible_panels_ms']:.0f} ms | "
                f"{row['all_stages_ms']:.0f} ms | "
                f"{row['median_longest_stall_ms']:.0f} / {row['longest_stall_ms']:.0f} ms |"
            )
    for case, row in memory.items():
        samples = ", ".join(f"{v} MiB after {k}" for k, v in row["rss_mib_after_edits"].items())
        lines += ["", f"- {case}: resident memory {samples} ({row['seconds']} s)"]
    for model, run in figures["model_rewrites"].items():
        shape = "x".join(map(str, run["input_shape"]))
        lines += [
            "",
            f"## Pointwise rewrite, {model} on {shape} ({run['isolation']} isolation, {run['rounds']} rounds, "
            f"{run['threads']} threads, allocator {run['allocator']})",
            "",
            "| layer | form | median ms | gain over baseline [95% CI] | note |",
            "| --- | --- | --- | --- | --- |",
        ]
        for m in run["measurements"]:
            gain = f"{m['gain']:.2f} [{m['gain_ci95'][0]:.2f}-{m['gain_ci95'][1]:.2f}]" if m["gain"] else "-"
            median = f"{m['median_s'] * 1e3:.3f}" if m["median_s"] else "-"
            lines.append(f"| {m['subject']} | {m['form']} | {median} | {gain} | {m['note']} |")
        lines += [
            f"- tuned {c['layer']}: {c['form']} (fastest {c['fastest']}, gain {c['gain']:.2f})" for c in run["tuned"]
        ]
    for allocator in ("default", "tuned"):
        case = figures[f"seed_{allocator}"]
        lines += [
            "",
            f"## Seed case, {case['allocator']}",
            "",
            "| impl | median us | ratio to linear [95% CI] | faults/call | RSS MiB/call | roofline | backend |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        lines += [_row(r) for r in case["records"]]
        lines += ["", *(f"- {line}" for line in case["explanation"])]
    return "\n".join(lines) + "\n"


def main(only: list[str]) -> None:
    """Measure every figure (or only the named ones, reusing the other figures saved by an earlier run)."""
    make_folder(RESULTS)
    jobs = {
        "fidelity": fidelity,
        "overhead": overhead_floor,
        "repeatability": repeatability,
        "seed_default": lambda: seed_case("default"),
        "seed_tuned": lambda: seed_case("tuned"),
        "channel_sweep": channel_sweep,
        "model_rewrites": model_rewrites,
        "gui_responsiveness": gui_responsiveness,
    }
    unknown = sorted(set(only) - set(jobs))
    if unknown:
        sys.exit(f"error: unknown figure(s) {', '.join(unknown)}; choose from {', '.join(jobs)}")
    figures = {}
    for name, job in jobs.items():
        saved = RESULTS / f"{name}.json"
        if only and name not in only and saved.is_file():
            figures[name] = json.loads(saved.read_text())
            continue
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        figures[name] = job()
        write_text_atomic(saved, json.dumps(figures[name], indent=2, default=str))
    text = summary(figures)
    write_text_atomic(RESULTS / "summary.md", text)
    print(text)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except WriteError as error:  # the figures measured so far are saved; the one that failed says why
        sys.exit(f"error: {error}")
