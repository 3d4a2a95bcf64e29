"""The caption every benchmark plot carries, computed from the result (never typed by a face)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import torch

from core.bench import caption as caption_module
from core.bench.caption import caption_lines, cpu_model
from core.bench.runner import BenchResult
from core.spec import parse_spec
from tests.test_bench_records import sample


def test_the_cpu_model_comes_from_cpuinfo(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nvendor_id\t: X\nmodel name\t: Example CPU 9000 @ 3.0GHz\n")
    assert cpu_model(cpuinfo) == "Example CPU 9000 @ 3.0GHz"


def test_without_cpuinfo_the_cpu_model_falls_back_to_platform(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(caption_module.platform, "processor", lambda: "arm64")
    assert cpu_model(tmp_path / "missing") == "arm64"
    monkeypatch.setattr(caption_module.platform, "processor", lambda: "")
    monkeypatch.setattr(caption_module.platform, "machine", lambda: "riscv64")
    assert cpu_model(tmp_path / "missing") == "riscv64"


def test_the_caption_names_spec_implementations_dtype_threads_cpu_torch_and_date(monkeypatch) -> None:
    monkeypatch.setattr(caption_module, "cpu_model", lambda: "Example CPU")
    spec = parse_spec(dims=1, cin=8, cout=32, kernel=1, input_size=256, batch=128)
    records = [dataclasses.replace(sample(impl), value="", variable="") for impl in ("linear", "conv")]
    first, second = caption_lines(BenchResult(records=records, spec=spec, started="2026-11-24 16:58"))
    assert first.startswith("Conv1d(8, 32, kernel=1) on 128x8x256, float32") and "linear, conv" in first
    assert "forward + backward" in first  # sample() records time backward
    assert second.split(" · ") == ["2 threads", "default allocator", "Example CPU", f"torch {torch.__version__}",
                                   "2026-11-24 16:58"]  # fmt: skip


def test_a_sweep_is_named_in_the_caption() -> None:
    records = [dataclasses.replace(sample("conv"), value=v, threads=t) for v, t in (("1", 1), ("16", 2))]
    first, second = caption_lines(BenchResult(records=records))
    assert "batch = 1, 16" in first and "spec not recorded" in first
    assert second.startswith("1-2 threads") and second.endswith("date not recorded")
