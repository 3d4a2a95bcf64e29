"""The caption every benchmark plot carries: what was measured, how, on which machine and software, and when."""

from __future__ import annotations

import platform
from pathlib import Path

import torch

from core.bench.runner import BenchResult
from core.i18n import tr

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
    return platform.processor() or platform.machine() or tr("Bench caption", "unknown CPU")


def _threads(counts: set[int]) -> str:
    if not counts:
        return tr("Bench caption", "threads n/a")
    low, high = min(counts), max(counts)
    if low != high:
        return tr("Bench caption", "{low}-{high} threads").format(low=low, high=high)
    if high > 1:
        return tr("Bench caption", "{count} threads").format(count=low)
    return tr("Bench caption", "{count} thread").format(count=low)


def caption_lines(result: BenchResult) -> list[str]:
    """Two lines: the spec, direction, sweep and implementations; then threads, allocator, CPU, torch, date."""
    records = result.records
    spec = result.spec.describe() if result.spec else tr("Bench caption", "spec not recorded")
    backward = any(r.backward for r in records)
    first = [spec, tr("Bench caption", "forward + backward") if backward else tr("Bench caption", "forward")]
    variable = next((r.variable for r in records if r.variable), "")
    if variable:
        first.append(f"{variable} = {', '.join(dict.fromkeys(r.value for r in records))}")
    first.append(", ".join(dict.fromkeys(r.impl for r in records)) or tr("Bench caption", "nothing measured"))
    allocators = ", ".join(dict.fromkeys(r.allocator for r in records))
    second = [
        _threads({r.threads for r in records}),
        tr("Bench caption", "{allocators} allocator").format(allocators=allocators) if allocators else "",
        cpu_model(),
        f"torch {torch.__version__}",
        result.started or tr("Bench caption", "date not recorded"),
    ]
    return [" · ".join(first), " · ".join(part for part in second if part)]


def caption(result: BenchResult) -> str:
    """:func:`caption_lines` as one text, a line each."""
    return "\n".join(caption_lines(result))
