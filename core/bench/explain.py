"""Turn benchmark records into the sentences a lecture needs: who is faster, by how much, and why."""

from __future__ import annotations

import math

from core.bench.records import BenchRecord
from core.memory import format_bytes

FAULTS_WORTH_NOTING = 64  # minor faults per call (256 KiB of 4 KiB pages)


def _ratio_text(record: BenchRecord) -> str:
    if math.isnan(record.ratio_to_linear):
        return ""
    return f"{record.ratio_to_linear:.2f}x {record.baseline} (95% CI {record.ratio_low:.2f}-{record.ratio_high:.2f})"


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
    for record in records:
        lines.append(
            f"{record.impl}: {record.executed_gflops:.1f} GFLOP/s executed at {record.arithmetic_intensity:.2f} "
            f"FLOP/byte = {100 * record.roofline_fraction:.0f}% of its roofline bound "
            f"({record.roofline_bound_gflops:.0f} GFLOP/s)"
        )
    above = [r.impl for r in records if r.roofline_fraction > 1]
    if above:
        lines.append(
            f"{', '.join(above)} beat the DRAM roofline: their working set fits in cache, where bandwidth is higher "
            "than the 256 MiB copy measures"
        )
    noisy = [r.impl for r in records if r.noise_warning]
    if noisy:
        lines.append(f"noisy measurements (IQR > 10% of median): {', '.join(noisy)}")
    return lines
