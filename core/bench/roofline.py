"""This machine's compute peak and memory bandwidth, measured once per process and cached."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import torch
from torch.utils import benchmark

PEAK_MATMUL_SIZE = 1024
BANDWIDTH_BYTES = 256 << 20  # well beyond any last-level cache


@dataclass(frozen=True)
class Roofline:
    """``peak_gflops`` from a large matmul, ``bandwidth_gbs`` from a large copy (read + write), same threads."""

    peak_gflops: float
    bandwidth_gbs: float
    device: str
    dtype: str
    threads: int

    def bound_gflops(self, intensity: float) -> float:
        """Attainable GFLOP/s at ``intensity`` FLOP/byte: ``min(peak, intensity * bandwidth)``."""
        return min(self.peak_gflops, intensity * self.bandwidth_gbs)


def _median(stmt: str, env: dict, threads: int, seconds: float) -> float:
    timer = benchmark.Timer(stmt=stmt, globals=env, num_threads=threads)
    return timer.blocked_autorange(min_run_time=seconds).median


@cache
def measure_roofline(device: str, dtype: torch.dtype, threads: int, seconds: float = 0.5) -> Roofline:
    """Measure (once per device, dtype and thread count in this process) the two roofline ceilings."""
    n = PEAK_MATMUL_SIZE
    compute_dtype = dtype if dtype in (torch.float32, torch.float64, torch.bfloat16, torch.float16) else torch.float32
    a = torch.randn(n, n, device=device).to(compute_dtype)
    b = torch.randn(n, n, device=device).to(compute_dtype)
    try:
        matmul_s = _median("torch.mm(a, b)", {"torch": torch, "a": a, "b": b}, threads, seconds)
    except RuntimeError:  # a dtype without a matmul kernel here: fall back to float32's peak
        a, b = a.float(), b.float()
        matmul_s = _median("torch.mm(a, b)", {"torch": torch, "a": a, "b": b}, threads, seconds)
    src = torch.empty(BANDWIDTH_BYTES // 4, device=device).uniform_()
    dst = torch.empty_like(src)
    copy_s = _median("dst.copy_(src)", {"src": src, "dst": dst}, threads, seconds)
    return Roofline(
        peak_gflops=2 * n**3 / matmul_s / 1e9,
        bandwidth_gbs=2 * BANDWIDTH_BYTES / copy_s / 1e9,
        device=device,
        dtype=str(dtype).removeprefix("torch."),
        threads=threads,
    )
