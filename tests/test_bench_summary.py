"""The words and numbers of a run's summary (pure Python, shared by the CLI table and the Speed panel)."""

from __future__ import annotations

import dataclasses

import pytest

from core.bench.explain import explain, percent, roofline_line
from core.bench.summary import findings_by_point, records_table, timing_line
from tests.test_bench_records import sample


@pytest.mark.parametrize(
    ("fraction", "text"), [(0.283, "28%"), (0.0312, "3.1%"), (0.0004, "0.04%"), (1.47, "147%"), (0.0, "0%")]
)
def test_percentages_keep_two_significant_digits_below_ten(fraction: float, text: str) -> None:
    assert percent(fraction) == text


def test_the_timing_line_gives_median_and_quartiles_and_says_noisy() -> None:
    record = sample("conv")
    assert timing_line(record) == "conv: median 340 us, Q1-Q3 330-351 us over 120 runs; noisy (IQR > 10% of median)"
    assert "noisy" not in timing_line(dataclasses.replace(record, noise_warning=""))


def test_the_roofline_line_names_the_level_that_bounds_it() -> None:
    line = roofline_line(sample("conv"))  # 3.2 FLOP/byte x 220.5 GB/s > its 107.3 GFLOP/s bound: compute-bound
    assert "58% of its bound 107 GFLOP/s (the compute peak; working set 5.2 MiB in L3 bandwidth 220 GB/s)" in line
    memory_bound = dataclasses.replace(sample("conv"), roofline_bound_gflops=3.2 * 220.5)
    assert "(bound: L3 bandwidth 220 GB/s; working set 5.2 MiB)" in roofline_line(memory_bound)


def test_an_exceeded_bound_is_said_not_clamped() -> None:
    over = dataclasses.replace(sample("conv"), roofline_fraction=1.05)
    lines = explain([over])
    assert any("105% of its bound" in line for line in lines)
    assert any("exceeded the roofline bound (shown, not clamped)" in line for line in lines)


def test_findings_come_per_point_in_measuring_order() -> None:
    records = [dataclasses.replace(sample(i), value=v) for v in ("1", "16") for i in ("linear", "conv")]
    points = findings_by_point(records)
    assert [p.name for p in points] == ["batch=1", "batch=16"]
    assert [len(p.records) for p in points] == [2, 2] and points[0].findings == explain(records[:2])


def test_the_table_names_the_swept_variable_and_the_baseline() -> None:
    header, rows = records_table([sample("linear", 1.0), sample("conv")], ("impl", "value", "ratio", "noise"))
    assert header == ["impl", "batch", "ratio to linear [95% CI]", "noise"]
    assert rows[1] == ["conv", "16", "1.80 [1.76-1.84]", "noisy (IQR > 10% of median)"]
