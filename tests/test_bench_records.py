from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from core.bench.records import (
    FIELDS,
    BenchRecord,
    records_from_csv,
    records_from_json,
    records_to_csv,
    records_to_json,
    write_records,
)

REQUIRED = {
    "impl",
    "value",
    "median_s",
    "q1_s",
    "q3_s",
    "iqr_s",
    "runs",
    "gflops",
    "ratio_to_linear",
    "backend",
    "page_faults",
    "roofline_fraction",
    "roofline_level",
    "working_set_bytes",
}


def sample(impl: str = "conv", ratio: float = 1.8) -> BenchRecord:
    return BenchRecord(
        impl=impl,
        variable="batch",
        value="16",
        median_s=3.4e-4,
        q1_s=3.3e-4,
        q3_s=3.51e-4,
        iqr_s=2.1e-5,
        runs=120,
        gflops=61.9,
        executed_gflops=61.9,
        ratio_to_linear=ratio,
        ratio_low=ratio * 0.98,
        ratio_high=ratio * 1.02,
        baseline="linear",
        backend="Mkldnn",
        page_faults=2616.7,
        peak_rss_bytes=10_231_808,
        arithmetic_intensity=3.2,
        working_set_bytes=5_505_024,
        roofline_level="L3",
        roofline_bandwidth_gbs=220.5,
        roofline_bound_gflops=107.3,
        roofline_fraction=0.58,
        noise_warning="IQR is 12% of the median, with a comma",
        max_abs_error=4.3e-7,
        dtype="float32",
        threads=2,
        backward=True,
        allocator="default",
        device="cpu",
    )


def test_required_fields_are_present() -> None:
    assert set(FIELDS) >= REQUIRED


def test_csv_round_trip_is_exact() -> None:
    records = [sample(), sample("linear", 1.0)]
    assert records_from_csv(records_to_csv(records)) == records


def test_json_round_trip_is_exact_and_keeps_nan() -> None:
    records = [sample(), sample("unrolled", float("nan"))]
    back = records_from_json(records_to_json(records, {"spec": {"cin": 8}}))
    assert back[0] == records[0]
    assert math.isnan(back[1].ratio_to_linear)
    no_nan = {"ratio_to_linear": 0.0, "ratio_low": 0.0, "ratio_high": 0.0}
    assert math.isnan(back[1].ratio_low) and math.isnan(back[1].ratio_high)
    assert dataclasses.replace(back[1], **no_nan) == dataclasses.replace(records[1], **no_nan)


def test_write_records_writes_the_requested_formats(tmp_path: Path) -> None:
    paths = write_records([sample()], tmp_path / "out", {"csv", "json"}, {"note": "x"})
    assert sorted(p.name for p in paths) == ["bench.csv", "bench.json"]
    assert records_from_csv(paths[0].read_text()) == [sample()]


def test_a_record_is_noisy_exactly_when_it_carries_a_noise_warning() -> None:
    assert sample().noisy
    assert not dataclasses.replace(sample(), noise_warning="").noisy
