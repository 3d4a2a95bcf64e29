"""The caption every benchmark plot carries: what was measured, how, on which machine and software, and when."""

from __future__ import annotations

import platform
from pathlib import Path

import torch

from core.bench.runner import BenchResult

CPUINFO = Path("/proc/cpuinfo")


def cpu_model(cpuinfo: Path = CPUINFO) -> str:
    """The CPU's model name from ``/proc/cpuinfo``, else ``platform.processor()``, else the machine type."""
    try:
        for line in cpuinfo.read_text(errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name" and value.strip():
                return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _threads(counts: set[int]) -> str:
    if not counts:
        return "threads n/a"
    low, high = min(counts), max(counts)
    return f"{low} thread{'s' if high > 1 else ''}" if low == high else f"{low}-{high} threads"


def caption_lines(result: BenchResult) -> list[str]:
    """Two lines: the spec, direction, sweep and implementations; then threads, allocator, CPU, torch, date."""
    records = result.records
    spec = result.spec.describe() if result.spec else "spec not recorded"
    first = [spec, "forward + backward" if any(r.backward for r in records) else "forward"]
    variable = next((r.variable for r in records if r.variable), "")
    if variable:
        first.append(f"{variable} = {', '.join(dict.fromkeys(r.value for r in records))}")
    first.append(", ".join(dict.fromkeys(r.impl for r in records)) or "nothing measured")
    allocators = ", ".join(dict.fromkeys(r.allocator for r in records))
    second = [
        _threads({r.threads for r in records}),
        f"{allocators} allocator" if allocators else "",
        cpu_model(),
        f"torch {torch.__version__}",
        result.started or "date not recorded",
    ]
    return [" · ".join(first), " · ".join(part for part in second if part)]


def caption(result: BenchResult) -> str:
    """:func:`caption_lines` as one text, a line each."""
    return "\n".join(caption_lines(result))
