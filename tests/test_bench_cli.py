"""``python main.py bench`` through a subprocess, with tiny run times (timings are never asserted)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from core.bench.records import records_from_csv
from tests.test_bench_records import REQUIRED
from tests.test_cli import run

TINY = ["--min-time", "0.02", "--rounds", "2", "--isolation", "none"]


def test_bench_writes_table_files_and_progress(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "bench",
        "--dims",
        "1",
        "--cin",
        "4",
        "--cout",
        "8",
        "--kernel",
        "1",
        "--input",
        "32",
        "--impl",
        "linear,conv",
        "--sweep",
        "batch=1,4",
        "--out",
        str(out),
        "--width",
        "800",
        *TINY,
    )
    assert result.returncode == 0, result.stderr
    assert "[" in result.stderr and "#" in result.stderr  # the progress bar
    assert "median us" in result.stdout and "linear" in result.stdout and "conv" in result.stdout
    plots = {f"bench_{kind}.{ext}" for kind in ("time", "ratio_bars", "ratio", "roofline") for ext in ("png", "svg")}
    assert {p.name for p in out.iterdir()} == plots | {"bench.csv", "bench.json"}
    records = records_from_csv((out / "bench.csv").read_text())
    assert [(r.impl, r.value) for r in records] == [("linear", "1"), ("conv", "1"), ("linear", "4"), ("conv", "4")]
    meta = json.loads((out / "bench.json").read_text())["meta"]
    assert meta["explanation"] and meta["rooflines"]
    roofline = next(line for line in result.stdout.splitlines() if line.startswith("roofline ("))
    assert all(f"{level} " in roofline for level in ("L2", "L3", "DRAM")), roofline
    assert meta["caption"][0] in result.stdout and "torch " in meta["caption"][1]
    ET.fromstring((out / "bench_ratio.svg").read_text())


def test_bench_json_and_format_selection(tmp_path: Path) -> None:
    result = run(
        "bench",
        "--preset",
        "stride2-1x1-downsample",
        "--impl",
        "linear,conv_channels_last,unfold_matmul",
        "--backward",
        "--threads",
        "1",
        "--out",
        str(tmp_path),
        "--format",
        "csv",
        "--json",
        *TINY,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [r["impl"] for r in data["records"]] == ["linear", "conv_channels_last", "unfold_matmul"]
    assert all(r["backward"] and r["threads"] == 1 for r in data["records"])
    assert set(data["records"][0]) >= REQUIRED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bench.csv"]


def test_excluded_implementations_are_listed_with_reasons() -> None:
    result = run("bench", "--kernel", "3", "--input", "6", "--impl", "linear,conv", *TINY)
    assert result.returncode == 0, result.stderr
    assert "excluded linear: no plain Linear" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--impl", "fastest"], "impl: unknown"),
        (["--sweep", "depth=1,2"], "sweep: expected NAME=v1"),
        (["--threads", "0"], "threads: must be between 1"),
        (["--min-time", "0"], "min-time: must be between 0.001 and 60"),
        (["--format", "gif", "--out", "x"], "format: unknown format"),
        (["--width", "10"], "width: must be between"),
        (["--sweep", "cin=4,0"], "sweep: cin=0"),
        (["--device", "cuda"], "device: cuda is not available"),
    ],
)
def test_bad_bench_options_are_one_line(args: list[str], fragment: str) -> None:
    result = run("bench", "--kernel", "1", *TINY, *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0], result.stderr


def test_every_table_column_is_named_for_what_it_holds() -> None:
    from types import SimpleNamespace

    from cli.bench_command import records_table

    def record(impl: str, value: str, noisy: str) -> SimpleNamespace:
        return SimpleNamespace(
            impl=impl, value=value, variable="batch" if value else "", median_s=1e-5, iqr_s=1e-7, runs=5, gflops=1.0,
            ratio_to_linear=1.0, ratio_low=0.9, ratio_high=1.1, baseline="linear", backend="b", page_faults=0.0,
            peak_rss_bytes=0, roofline_fraction=0.5, roofline_level="L2", noise_warning=noisy,
        )  # fmt: skip

    plain = records_table([record("linear", "", ""), record("conv", "", "")]).splitlines()[0].split()
    assert "value" not in plain and "noise" not in plain and plain[-1] == "roofline" and "-" not in plain
    assert "ratio to linear [95% CI]" in records_table([record("linear", "", "")])
    assert "50% of L2" in records_table([record("linear", "", "")])  # the level that bounds it
    swept = records_table([record("linear", "1", ""), record("conv", "4", "IQR is 20%")]).splitlines()
    assert swept[0].split()[:2] == ["impl", "batch"] and swept[0].split()[-1] == "noise"
    assert "noisy (IQR > 10% of median)" in swept[-1]
