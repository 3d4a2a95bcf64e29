"""The expected duration of a run, worked out before it starts (arithmetic only: nothing is timed here)."""

from __future__ import annotations

import dataclasses

import pytest

from core.bench import duration
from core.bench.config import PRECISE, QUICK, BenchConfig, Sweep
from core.bench.duration import Estimate, call_flops, estimate
from core.spec import parse_spec

SMALL = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32)
IMPLS = ("linear", "linear_permute", "conv", "conv_channels_last", "unfold_matmul")


def config(**changes) -> BenchConfig:
    base = BenchConfig(spec=SMALL, impls=IMPLS, min_run_time=QUICK.min_run_time, rounds=QUICK.rounds)
    return dataclasses.replace(base, **changes)


def test_timing_is_rounds_times_each_rounds_share_plus_overhead_per_applicable_implementation() -> None:
    got = estimate(config(), cpus=2)
    per_measurement = QUICK.min_run_time / QUICK.rounds + duration.MEASUREMENT_OVERHEAD_S
    assert got.measuring_s == pytest.approx(len(IMPLS) * QUICK.rounds * per_measurement, rel=0.01)
    start = duration.START_S + duration.WORKER_START_CPU_S * len(IMPLS) / 2
    assert got.overhead_s == pytest.approx(duration.ROOFLINE_S + start + len(IMPLS) * duration.COST_S, rel=0.01)
    assert estimate(config(), roofline_measured=True, cpus=2).overhead_s == pytest.approx(
        got.overhead_s - duration.ROOFLINE_S
    )


def test_implementations_that_cannot_run_the_spec_are_not_timed() -> None:
    three = config(spec=SMALL.replace(kernel=3))  # no plain Linear for a 3-tap kernel
    per_impl = estimate(config(), cpus=2).measuring_s / len(IMPLS)
    assert estimate(three, cpus=2).measuring_s == pytest.approx(3 * per_impl, rel=0.01)


def test_longer_budgets_sweeps_and_slow_layers_take_longer() -> None:
    quick = estimate(config(), cpus=2).total_s
    precise = config(min_run_time=PRECISE.min_run_time, rounds=PRECISE.rounds)
    assert estimate(precise, cpus=2).total_s > quick + len(IMPLS) * (PRECISE.min_run_time - QUICK.min_run_time)
    swept = estimate(config(sweep=Sweep("batch", ("1", "2", "4"))), cpus=2)
    assert swept.measuring_s == pytest.approx(3 * estimate(config(), cpus=2).measuring_s, rel=0.01)
    huge = config(spec=parse_spec(dims=2, cin=64, cout=64, kernel=3, input_size="256x256", batch=16))
    seconds_per_call = call_flops(huge.spec, "conv", False) / (duration.ASSUMED_GFLOPS * 1e9)
    # Three implementations apply (no plain Linear for 3x3); each round costs at least two calls when one call
    # outlasts the round's share (torch.utils.benchmark's block-size estimate, then the timed block).
    assert seconds_per_call > QUICK.min_run_time
    assert estimate(huge, cpus=2).measuring_s >= 3 * QUICK.rounds * 2 * seconds_per_call


def test_unrolled_costs_the_dense_product_and_backward_three_passes() -> None:
    spec = parse_spec(dims=1, cin=2, cout=3, kernel=3, input_size=10, batch=4)
    assert call_flops(spec, "conv", False) == 2 * 4 * 3 * 8 * 2 * 3
    assert call_flops(spec, "unrolled", False) == 2 * 4 * (2 * 10) * (3 * 8)
    assert call_flops(spec, "conv", True) == 3 * call_flops(spec, "conv", False)


@pytest.mark.parametrize(
    ("measuring", "overhead", "text"),
    [(2.2, 4.1, "about 6 s (2 s timing, 4 s start-up and checks)"), (100.0, 20.0, "about 2 min (2 min timing, 20 s")],
)
def test_the_estimate_reads_in_whole_seconds_or_minutes(measuring: float, overhead: float, text: str) -> None:
    assert Estimate(measuring, overhead).describe().startswith(text)
