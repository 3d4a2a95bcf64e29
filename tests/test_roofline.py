"""The roofline's memory levels: cache sizes read from sysfs (or fallbacks), the level a working set lives in,
and bounds that use that level's bandwidth (never a number measured here is asserted, only structure)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from core.bench import caches
from core.bench.caches import Cache, count_cpus, parse_size, read_caches
from core.bench.roofline import DRAM_BYTES, MemoryLevel, Roofline, measure_roofline, memory_levels


def _fake_sysfs(root: Path, entries: list[tuple[int, str, str, str]]) -> Path:
    for index, (level, kind, size, shared) in enumerate(entries):
        folder = root / f"index{index}"
        folder.mkdir(parents=True)
        for name, text in (("level", str(level)), ("type", kind), ("size", size), ("shared_cpu_list", shared)):
            (folder / name).write_text(text + "\n")
    return root


@pytest.mark.parametrize(("text", "size"), [("1024K", 1 << 20), ("32M", 32 << 20), ("512", 512), ("1 MiB", 1 << 20)])
def test_cache_sizes_parse_as_sysfs_writes_them(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_unreadable_sizes_are_none_and_cpu_lists_count_cpus() -> None:
    assert parse_size("lots") is None and parse_size("") is None
    assert count_cpus("0-3,8") == 5 and count_cpus("0") == 1 and count_cpus("") == 1


def test_caches_come_from_sysfs_skipping_instruction_caches(tmp_path: Path) -> None:
    root = _fake_sysfs(
        tmp_path,
        [
            (1, "Data", "48K", "0"),
            (1, "Instruction", "32K", "0"),
            (2, "Unified", "1024K", "0"),
            (3, "Unified", "32M", "0-7"),
        ],
    )
    l2, l3 = read_caches(root, cpus=8)
    assert (l2.name, l2.size_bytes, l2.shared_by, l2.source) == ("L2", 1 << 20, 1, "sysfs")
    assert (l3.name, l3.size_bytes, l3.shared_by, l3.source) == ("L3", 32 << 20, 8, "sysfs")


def test_missing_levels_fall_back_to_sysconf_then_to_assumed_sizes(tmp_path: Path, monkeypatch) -> None:
    root = _fake_sysfs(tmp_path, [(2, "Unified", "2048K", "0")])
    monkeypatch.setattr(caches.os, "sysconf_names", {})
    l2, l3 = read_caches(root, cpus=4)
    assert l2.size_bytes == 2 << 20 and l2.source == "sysfs"
    assert l3.size_bytes == caches.ASSUMED_BYTES[3] and l3.source == "assumed" and l3.shared_by == 4
    monkeypatch.setattr(caches.os, "sysconf_names", {"SC_LEVEL3_CACHE_SIZE": 0})
    monkeypatch.setattr(caches.os, "sysconf", lambda name: 16 << 20)
    assert read_caches(root, cpus=4)[1] == Cache(3, 16 << 20, 4, "sysconf")


def test_a_private_cache_holds_more_with_more_threads_a_shared_one_does_not() -> None:
    private, shared = Cache(2, 1 << 20, 1, "sysfs"), Cache(3, 32 << 20, 2, "sysfs")
    assert [private.capacity(t, cpus=2) for t in (1, 2, 4)] == [1 << 20, 2 << 20, 2 << 20]
    assert [shared.capacity(t, cpus=2) for t in (1, 2)] == [32 << 20, 32 << 20]


ROOF = Roofline(
    peak_gflops=500.0,
    peak_source="test",
    levels=(
        MemoryLevel("L2", 2 << 20, 1 << 20, 300.0),
        MemoryLevel("L3", 32 << 20, 16 << 20, 200.0),
        MemoryLevel("DRAM", None, 2 * DRAM_BYTES, 80.0),
    ),
    device="cpu",
    dtype="float32",
    threads=2,
)


@pytest.mark.parametrize(
    ("working_set", "level"), [(1, "L2"), (2 << 20, "L2"), ((2 << 20) + 1, "L3"), (32 << 20, "L3"), (1 << 30, "DRAM")]
)
def test_a_working_set_lives_in_the_smallest_level_that_holds_it(working_set: int, level: str) -> None:
    assert ROOF.level_for(working_set).name == level


def test_the_bound_uses_the_levels_bandwidth_up_to_the_peak() -> None:
    l2, l3, dram = ROOF.levels
    assert ROOF.bound_gflops(1.0, l2) == 300.0 and ROOF.bound_gflops(1.0, l3) == 200.0
    assert ROOF.bound_gflops(1.0) == 80.0 == ROOF.bound_gflops(1.0, dram) == ROOF.bandwidth_gbs  # DRAM unless told
    assert ROOF.bound_gflops(10.0, l2) == 500.0  # compute-bound


def test_measured_levels_are_l2_l3_dram_probed_at_half_their_capacity() -> None:
    levels = memory_levels("cpu", 1)
    assert [level.name for level in levels] == ["L2", "L3", "DRAM"]
    l2, l3, dram = levels
    assert l2.probe_bytes == l2.capacity_bytes // 2 and l3.probe_bytes == l3.capacity_bytes // 2
    assert dram.capacity_bytes is None and dram.probe_bytes == 2 * DRAM_BYTES
    # A level is never reported slower than the ones beyond it.
    assert l2.bandwidth_gbs >= l3.bandwidth_gbs >= dram.bandwidth_gbs > 0
    roof = measure_roofline("cpu", torch.float32, 1)
    assert roof.levels is levels and roof.peak_gflops > 0 and roof.peak_source
    assert measure_roofline("cpu", torch.float32, 1).levels is levels  # measured once per process
