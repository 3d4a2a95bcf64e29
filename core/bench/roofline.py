"""This machine's roofline: a compute peak and the bandwidth of each memory level, measured once per process.

An implementation is bounded by the level its working set (bytes read and written per call: input, weights,
output and temporaries) fits in: a layer whose data stays in L2 is not limited by a DRAM copy's bandwidth. Each
level's bandwidth is a copy whose source and destination together fill half of that level (DRAM: 256 MiB each);
the compute peak is the faster of a BLAS matmul and a oneDNN convolution; each is timed with torch.utils.benchmark
and read from its fastest block (on some CPUs, e.g. AMD with MKL, the
BLAS takes a narrower vector path than oneDNN, so a matmul alone understates what a conv reaches).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from functools import cache

import torch
from torch.utils import benchmark

from core.bench.caches import read_caches
from core.i18n import tr, tr_noop
from core.registry import DTYPES

PEAK_MATMUL_SIZE = 1024
PEAK_CONV = (256, 32)  # channels in and out, and height = width, of the 3x3 conv that probes oneDNN's peak
DRAM_BYTES = 256 << 20  # each of the copy's source and destination: well beyond any last-level cache
PEAK_SECONDS = 0.15
COPY_SECONDS = 0.1
DEVICE_MEMORY = tr_noop("Bench terms", "device memory")  # a level's name: an identifier in records, shown translated


@dataclass(frozen=True)
class MemoryLevel:
    """One memory level: the working sets it holds (``capacity_bytes``; None for DRAM, which holds any), the
    copy that measured it (source + destination bytes) and its bandwidth (read + write)."""

    name: str
    capacity_bytes: int | None
    probe_bytes: int
    bandwidth_gbs: float

    @property
    def shown_name(self) -> str:
        """The level's name as shown (``L2``, ``DRAM``; "device memory" in the current language)."""
        return tr("Bench terms", self.name)

    def describe(self) -> str:
        """E.g. ``L2 bandwidth 85 GB/s``."""
        return tr("Roofline", "{level} bandwidth {bandwidth:.0f} GB/s").format(
            level=self.shown_name, bandwidth=self.bandwidth_gbs
        )


@dataclass(frozen=True)
class Roofline:
    """``peak_gflops`` (from ``peak_source``) and the memory ``levels``, smallest first, DRAM last."""

    peak_gflops: float
    peak_source: str
    levels: tuple[MemoryLevel, ...]
    device: str
    dtype: str
    threads: int

    @property
    def shown_peak_source(self) -> str:
        """Where the peak came from, as shown in the current language (``peak_source`` is kept in English: it is
        measured once per process and written to the results' JSON)."""
        return peak_source_text(self.peak_source)

    @property
    def bandwidth_gbs(self) -> float:
        """DRAM bandwidth (the last level)."""
        return self.levels[-1].bandwidth_gbs

    def level_for(self, working_set_bytes: int) -> MemoryLevel:
        """The smallest level that holds ``working_set_bytes`` (DRAM when no cache does)."""
        for level in self.levels:
            if level.capacity_bytes is None or working_set_bytes <= level.capacity_bytes:
                return level
        return self.levels[-1]

    def bound_gflops(self, intensity: float, level: MemoryLevel | None = None) -> float:
        """Attainable GFLOP/s at ``intensity`` FLOP/byte from ``level`` (default DRAM): ``min(peak, I * bandwidth)``."""
        return min(self.peak_gflops, intensity * (level or self.levels[-1]).bandwidth_gbs)


def _fastest(stmt: str, env: dict, threads: int, seconds: float) -> float:
    """Seconds per call of the fastest block: a ceiling is what the machine can do, and other work on the cores
    only ever slows a block down (a median would put the ceiling under a busy machine's measurements)."""
    timer = benchmark.Timer(stmt=stmt, globals=env, num_threads=threads)
    return min(timer.blocked_autorange(min_run_time=seconds).times)


def _copy_gbs(device: str, source_bytes: int, threads: int) -> float:
    src = torch.ones(max(source_bytes // 4, 1), device=device)
    dst = torch.empty_like(src)
    seconds = _fastest("dst.copy_(src)", {"src": src, "dst": dst}, threads, COPY_SECONDS)
    return 2 * src.numel() * 4 / seconds / 1e9


@cache
def memory_levels(device: str, threads: int) -> tuple[MemoryLevel, ...]:
    """Measure (once per device and thread count) the bandwidth of L2, L3 and DRAM; on a GPU, its memory only.

    A level is never slower than the levels beyond it (a small copy's thread start-up can make it look so), so
    each level's bandwidth is at least the next one's."""
    dram = MemoryLevel("DRAM", None, 2 * DRAM_BYTES, _copy_gbs(device, DRAM_BYTES, threads))
    if device != "cpu":
        return (MemoryLevel(DEVICE_MEMORY, None, dram.probe_bytes, dram.bandwidth_gbs),)
    levels = [dram]
    cpus = os.cpu_count() or 1
    for level in reversed(read_caches()):
        capacity = level.capacity(threads, cpus)
        measured = _copy_gbs(device, capacity // 4, threads)  # source + destination = half the capacity
        levels.insert(0, MemoryLevel(level.name, capacity, capacity // 2, max(measured, levels[0].bandwidth_gbs)))
    return tuple(levels)


def _matmul_gflops(device: str, dtype: torch.dtype, threads: int) -> float:
    n = PEAK_MATMUL_SIZE
    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    return 2 * n**3 / _fastest("torch.mm(a, b)", {"torch": torch, "a": a, "b": b}, threads, PEAK_SECONDS) / 1e9


def _conv_gflops(device: str, dtype: torch.dtype, threads: int) -> float:
    channels, size = PEAK_CONV
    x = torch.randn(1, channels, size, size, device=device).to(dtype).contiguous(memory_format=torch.channels_last)
    w = torch.randn(channels, channels, 3, 3, device=device).to(dtype).contiguous(memory_format=torch.channels_last)
    env = {"conv": torch.nn.functional.conv2d, "x": x, "w": w}
    seconds = _fastest("conv(x, w, padding=1)", env, threads, PEAK_SECONDS)
    return 2 * channels * channels * 9 * size * size / seconds / 1e9


def _conv_peak_source() -> str:
    return f"3x3 conv, {PEAK_CONV[0]} channels (oneDNN)"


def peak_source_text(source: str) -> str:
    """A :func:`compute_peak` source as shown in the current language (the matmul ones name code only)."""
    if source == _conv_peak_source():
        return tr("Roofline", "3x3 conv, {channels} channels (oneDNN)").format(channels=PEAK_CONV[0])
    return source


@cache
def compute_peak(device: str, dtype: torch.dtype, threads: int) -> tuple[float, str]:
    """Measure (once per device, dtype and thread count) the compute peak and say where it came from.

    The conv probe runs only in dtypes whose convolutions cannot crash PyTorch (this may be the window's process);
    a dtype without a matmul kernel here falls back to float32's peak."""
    name = str(dtype).removeprefix("torch.")
    try:
        peaks = {f"{PEAK_MATMUL_SIZE}^3 matmul (BLAS)": _matmul_gflops(device, dtype, threads)}
    except RuntimeError:
        peaks = {f"{PEAK_MATMUL_SIZE}^3 float32 matmul (BLAS)": _matmul_gflops(device, torch.float32, threads)}
    if name not in DTYPES or not DTYPES[name].crash_prone:
        with contextlib.suppress(RuntimeError):
            peaks[_conv_peak_source()] = _conv_gflops(device, dtype, threads)
    source = max(peaks, key=lambda key: peaks[key])
    return peaks[source], source


def measure_roofline(device: str, dtype: torch.dtype, threads: int) -> Roofline:
    """The roofline for ``dtype`` on ``threads`` threads (each part measured once per process, then cached)."""
    peak, source = compute_peak(device, dtype, threads)
    return Roofline(
        peak_gflops=peak,
        peak_source=source,
        levels=memory_levels(device, threads),
        device=device,
        dtype=str(dtype).removeprefix("torch."),
        threads=threads,
    )
