"""Correctness of the benchmark engine (never its timing numbers)."""

from __future__ import annotations

import math

import pytest
import torch

from core.bench.config import IMPLEMENTATION_NAMES, BenchConfig, Sweep, parse_impls, parse_sweep
from core.bench.implementations import make_reference, prepare
from core.bench.runner import collect, run_bench
from core.errors import SpecError
from core.spec import parse_spec

BUDGET = 256 << 20
FAST = {"min_run_time": 0.01, "rounds": 2, "isolation": "none"}


@pytest.mark.parametrize(
    "values",
    [
        {"dims": 1, "cin": 8, "cout": 16, "kernel": 1, "input_size": 32, "batch": 4},
        {"dims": 2, "cin": 4, "cout": 6, "kernel": 1, "stride": 2, "input_size": "7x6", "groups": 2},
        {"dims": 2, "cin": 3, "cout": 4, "kernel": 5, "input_size": 5},
        {"dims": 2, "cin": 4, "cout": 4, "kernel": 3, "padding": "same", "dilation": 2, "input_size": 9, "groups": 2},
        {"dims": 1, "cin": 2, "cout": 3, "kernel": 4, "stride": 2, "padding": 1, "input_size": 15},
    ],
)
@pytest.mark.parametrize("backward", [False, True])
def test_every_applicable_implementation_matches_the_reference(values: dict, backward: bool) -> None:
    spec = parse_spec(values)
    prepared, excluded = prepare(spec, IMPLEMENTATION_NAMES, backward=backward, budget_bytes=BUDGET)
    names = {p.name for p in prepared}
    assert {"conv", "conv_channels_last", "unfold_matmul", "unrolled"} <= names
    pointwise_or_full = values["kernel"] == 1 or values["kernel"] == values["input_size"]
    assert ("linear" in names) == pointwise_or_full
    for item in excluded:
        assert item.name in ("linear", "linear_permute") and "no plain Linear" in item.reason
    reference = make_reference(spec, BUDGET)
    for item in prepared:
        assert item.max_abs_error < 1e-4
        assert item.flops_useful > 0 and item.bytes_min > 0
        item.run()  # forward (and backward) runs without error
    assert reference.output.dtype == torch.float64


def test_a_wrong_implementation_is_excluded_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.bench import implementations

    original = implementations.Built.sample_output
    monkeypatch.setattr(
        implementations.Built,
        "sample_output",
        lambda self: original(self) + (1.0 if self.name == "conv" else 0.0),
    )
    prepared, excluded = prepare(parse_spec(kernel=3, input_size=6), ("conv", "unfold_matmul"), budget_bytes=BUDGET)
    assert [p.name for p in prepared] == ["unfold_matmul"]
    assert excluded[0].name == "conv" and "disagrees with the reference" in excluded[0].reason


def test_unrolled_is_excluded_when_it_exceeds_the_budget() -> None:
    spec = parse_spec(cin=16, cout=16, kernel=3, input_size=64)
    prepared, excluded = prepare(spec, ("unrolled", "conv"), budget_bytes=64 << 20)
    assert [p.name for p in prepared] == ["conv"]
    assert excluded[0].name == "unrolled" and "memory" in excluded[0].reason


def test_unsupported_dtype_is_excluded_not_crashed() -> None:
    spec = parse_spec(dims=1, cin=2, cout=2, kernel=3, input_size=8, dtype="float16")
    prepared, excluded = prepare(spec, IMPLEMENTATION_NAMES, budget_bytes=BUDGET)
    assert prepared  # whatever runs in float16 on this CPU is kept ...
    for item in excluded:  # ... and whatever does not says why
        assert item.reason


def test_run_produces_one_record_per_implementation_with_the_documented_fields() -> None:
    config = BenchConfig(
        spec=parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32), impls=("linear", "conv"), **FAST
    )
    result = collect(run_bench(config))
    assert [r.impl for r in result.records] == ["linear", "conv"]
    linear, conv = result.records
    assert linear.ratio_to_linear == 1.0 or math.isclose(linear.ratio_to_linear, 1.0)
    assert linear.baseline == "linear" == conv.baseline
    assert linear.roofline_level == "L2"  # a few KiB of data: bounded by the cache it lives in, not by DRAM
    assert conv.ratio_low <= conv.ratio_to_linear <= conv.ratio_high
    levels = [level.name for roof in result.rooflines.values() for level in roof.levels]
    for record in result.records:
        assert record.median_s > 0 and record.runs >= 2 and record.gflops > 0
        assert record.q1_s <= record.median_s <= record.q3_s and record.iqr_s == record.q3_s - record.q1_s
        assert record.roofline_level in levels and record.working_set_bytes > 0
        assert record.backend and record.page_faults >= 0 and record.roofline_fraction > 0
        assert record.allocator == "default" and record.threads >= 1
    # The backend PyTorch's dispatcher really selected, by its enum name (not a placeholder).
    assert conv.backend in torch._C._ConvBackend.__members__, conv.backend
    assert linear.backend == "addmm (BLAS GEMM)"
    assert result.rooflines and not result.cancelled
    assert result.spec == config.spec and result.started


def test_sweep_yields_progress_and_can_be_cancelled_keeping_partial_results() -> None:
    config = BenchConfig(
        spec=parse_spec(dims=1, cin=4, cout=4, kernel=1, input_size=16),
        impls=("linear", "conv"),
        sweep=Sweep("batch", ("1", "2", "4")),
        **FAST,
    )
    seen = []
    finished_points: list[str] = []

    def on_progress(progress) -> None:
        seen.append((progress.done, progress.total))
        finished_points.extend(r.value for r in progress.records)

    result = collect(run_bench(config), on_progress=on_progress, should_cancel=lambda: len(set(finished_points)) >= 1)
    assert result.cancelled
    assert {r.value for r in result.records} == {"1"}
    assert len(result.records) == 2
    assert all(b == seen[0][1] for _, b in seen) and [a for a, _ in seen] == sorted(a for a, _ in seen)


def test_closing_the_generator_between_measurements_stops_it() -> None:
    config = BenchConfig(spec=parse_spec(dims=1, cin=2, cout=2, kernel=1, input_size=8), impls=("conv",), **FAST)
    run = run_bench(config)
    next(run)
    run.close()
    with pytest.raises(StopIteration):
        next(run)


def test_threads_sweep_pins_threads_per_point() -> None:
    config = BenchConfig(
        spec=parse_spec(dims=1, cin=2, cout=2, kernel=1, input_size=8),
        impls=("conv",),
        sweep=Sweep("threads", (1, 2)),
        **FAST,
    )
    before = torch.get_num_threads()
    result = collect(run_bench(config))
    assert [r.threads for r in result.records] == [1, 2]
    assert torch.get_num_threads() == before


def test_process_isolation_measures_in_workers() -> None:
    config = BenchConfig(
        spec=parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32),
        impls=("linear", "conv"),
        min_run_time=0.02,
        rounds=2,
        isolation="process",
    )
    result = collect(run_bench(config))
    assert [r.impl for r in result.records] == ["linear", "conv"]
    assert all(r.median_s > 0 and r.max_abs_error < 1e-5 for r in result.records)


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: parse_impls("linear,fast"), "impl"),
        (lambda: parse_sweep("depth=1,2"), "sweep"),
        (lambda: parse_sweep("batch="), "sweep"),
        (lambda: parse_sweep("threads=0"), "threads"),
        (lambda: collect(run_bench(BenchConfig(spec=parse_spec(), rounds=0))), "rounds"),
        (lambda: collect(run_bench(BenchConfig(spec=parse_spec(), device="cuda", **FAST))), "device"),
        (
            lambda: collect(run_bench(BenchConfig(spec=parse_spec(kernel=1), sweep=Sweep("cin", ("4", "x")), **FAST))),
            "sweep",
        ),
    ],
)
def test_bad_benchmark_options_name_themselves(call, parameter: str) -> None:
    if parameter == "device" and torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(SpecError) as caught:
        call()
    assert caught.value.parameter == parameter
