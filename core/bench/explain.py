"""Turn benchmark records into the sentences a lecture needs: who is faster, by how much, and why."""

from __future__ import annotations

import math

from core.bench.records import NOISE_THRESHOLD, BenchRecord
from core.memory import format_bytes

FAULTS_WORTH_NOTING = 64  # minor faults per call (256 KiB of 4 KiB pages)


def _ratio_text(record: BenchRecord) -> str:
    if math.isnan(record.ratio_to_linear):
        return ""
    return f"{record.ratio_to_linear:.2f}x {record.baseline} (95% CI {record.ratio_low:.2f}-{record.ratio_high:.2f})"


def percent(fraction: float) -> str:
    """``0.283`` -> ``28%``, ``0.0312`` -> ``3.1%``, ``0.0004`` -> ``0.04%``: two significant digits below 10%."""
    value = 100 * fraction
    if value >= 10 or value == 0 or not math.isfinite(value):
        return f"{value:.0f}%"
    return f"{value:.2g}%" if value < 1 else f"{value:.1f}%"


def roofline_line(record: BenchRecord) -> str:
    """Where one implementation sits under its roofline, naming the memory level that bounds it."""
    memory = f"{record.roofline_level} bandwidth {record.roofline_bandwidth_gbs:.0f} GB/s"
    working_set = f"working set {format_bytes(record.working_set_bytes)}"
    compute_bound = record.roofline_bound_gflops < record.arithmetic_intensity * record.roofline_bandwidth_gbs
    why = f"the compute peak; {working_set} in {memory}" if compute_bound else f"bound: {memory}; {working_set}"
    return (
        f"{record.impl}: {record.executed_gflops:.1f} GFLOP/s executed at {record.arithmetic_intensity:.2f} FLOP/byte "
        f"= {percent(record.roofline_fraction)} of its bound {record.roofline_bound_gflops:.0f} GFLOP/s ({why})"
    )


def explain(records: list[BenchRecord]) -> list[str]:
    """Findings for one point's records (all with the same ``value``), most important first."""
    if not records:
        return ["nothing was measured"]
    lines: list[str] = []
    fastest = min(records, key=lambda r: r.median_s)
    lines.append(f"fastest: {fastest.impl} at {fastest.median_s * 1e6:.1f} us per call")
    for record in records:
        if record.impl != record.baseline and record.baseline:
            lines.append(f"{record.impl}: {_ratio_text(record)}")
    for record in records:
        if record.page_faults >= FAULTS_WORTH_NOTING:
            lines.append(
                f"{record.impl} pays {record.page_faults:.0f} minor page faults per call "
                f"(~{format_bytes(record.page_faults * 4096)} of memory mapped fresh each call; resident memory grows "
                f"{format_bytes(max(record.peak_rss_bytes, 0))} per call): temporaries handed back to the kernel "
                f"and faulted in again, an allocator effect ({record.allocator} allocator), not arithmetic"
            )
    faulting = [r for r in records if r.page_faults >= FAULTS_WORTH_NOTING]
    if faulting and any(r.allocator == "default" for r in faulting):
        lines.append(
            "with --allocator tuned (glibc keeps freed blocks) or channels_last data those faults disappear; "
            "compare both before quoting a ratio"
        )
    backends = sorted({f"{r.impl}: {r.backend}" for r in records if r.impl.startswith("conv")})
    if backends:
        lines.append("conv backend selected by PyTorch: " + ", ".join(backends))
    lines += [roofline_line(record) for record in records]
    above = [r.impl for r in records if r.roofline_fraction > 1]
    if above:
        lines.append(
            f"{', '.join(above)} exceeded the roofline bound (shown, not clamped): the bound is this machine's "
            "measured copy bandwidth and peak, so a kernel that reuses data in a faster level, or a faster code "
            "path than the peak probes, can pass it; read the fraction as an estimate"
        )
    noisy = [r.impl for r in records if r.noise_warning]
    if noisy:
        lines.append(f"noisy measurements (IQR > {100 * NOISE_THRESHOLD:.0f}% of median): {', '.join(noisy)}")
    return lines
