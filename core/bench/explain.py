"""Turn benchmark records into the sentences a lecture needs: who is faster, by how much, and why."""

from __future__ import annotations

import math

from core.bench.records import NOISE_THRESHOLD, BenchRecord
from core.i18n import tr
from core.memory import format_bytes

FAULTS_WORTH_NOTING = 64  # minor faults per call (256 KiB of 4 KiB pages)


def term_text(term: str) -> str:
    """A backend or memory-level name stored in the records (an identifier in CSV/JSON), as shown: the ones that
    are words are marked with ``tr_noop("Bench terms", ...)`` where they are made (implementations, roofline)."""
    base, sep, suffix = term.partition(" + torch.compile")
    return tr("Bench terms", base) + sep + suffix


def _ratio_text(record: BenchRecord) -> str:
    if math.isnan(record.ratio_to_linear):
        return ""
    return tr("Bench explanation", "{ratio:.2f}x {baseline} (95% CI {low:.2f}-{high:.2f})").format(
        ratio=record.ratio_to_linear, baseline=record.baseline, low=record.ratio_low, high=record.ratio_high
    )


def percent(fraction: float) -> str:
    """``0.283`` -> ``28%``, ``0.0312`` -> ``3.1%``, ``0.0004`` -> ``0.04%``: two significant digits below 10%."""
    value = 100 * fraction
    if value >= 10 or value == 0 or not math.isfinite(value):
        return f"{value:.0f}%"
    return f"{value:.2g}%" if value < 1 else f"{value:.1f}%"


def roofline_line(record: BenchRecord) -> str:
    """Where one implementation sits under its roofline, naming the memory level that bounds it."""
    memory = tr("Bench explanation", "{level} bandwidth {bandwidth:.0f} GB/s").format(
        level=term_text(record.roofline_level), bandwidth=record.roofline_bandwidth_gbs
    )
    working_set = tr("Bench explanation", "working set {size}").format(size=format_bytes(record.working_set_bytes))
    compute_bound = record.roofline_bound_gflops < record.arithmetic_intensity * record.roofline_bandwidth_gbs
    if compute_bound:
        why = tr("Bench explanation", "the compute peak; {working_set} in {memory}")
    else:
        why = tr("Bench explanation", "bound: {memory}; {working_set}")
    return tr(
        "Bench explanation",
        "{impl}: {executed:.1f} GFLOP/s executed at {intensity:.2f} FLOP/byte = {fraction} of its bound "
        "{bound:.0f} GFLOP/s ({why})",
    ).format(
        impl=record.impl,
        executed=record.executed_gflops,
        intensity=record.arithmetic_intensity,
        fraction=percent(record.roofline_fraction),
        bound=record.roofline_bound_gflops,
        why=why.format(working_set=working_set, memory=memory),
    )


def explain(records: list[BenchRecord]) -> list[str]:
    """Findings for one point's records (all with the same ``value``), most important first."""
    if not records:
        return [tr("Bench explanation", "nothing was measured")]
    lines: list[str] = []
    fastest = min(records, key=lambda r: r.median_s)
    lines.append(
        tr("Bench explanation", "fastest: {impl} at {time:.1f} us per call").format(
            impl=fastest.impl, time=fastest.median_s * 1e6
        )
    )
    for record in records:
        if record.impl != record.baseline and record.baseline:
            lines.append(tr("Bench explanation", "{impl}: {ratio}").format(impl=record.impl, ratio=_ratio_text(record)))
    for record in records:
        if record.page_faults >= FAULTS_WORTH_NOTING:
            lines.append(
                tr(
                    "Bench explanation",
                    "{impl} pays {faults:.0f} minor page faults per call (~{mapped} of memory mapped fresh each call; "
                    "resident memory grows {growth} per call): temporaries handed back to the kernel and faulted in "
                    "again, an allocator effect ({allocator} allocator), not arithmetic",
                ).format(
                    impl=record.impl,
                    faults=record.page_faults,
                    mapped=format_bytes(record.page_faults * 4096),
                    growth=format_bytes(max(record.peak_rss_bytes, 0)),
                    allocator=record.allocator,
                )
            )
    faulting = [r for r in records if r.page_faults >= FAULTS_WORTH_NOTING]
    if faulting and any(r.allocator == "default" for r in faulting):
        lines.append(
            tr(
                "Bench explanation",
                "with --allocator tuned (glibc keeps freed blocks) or channels_last data those faults disappear; "
                "compare both before quoting a ratio",
            )
        )
    backends = sorted({f"{r.impl}: {term_text(r.backend)}" for r in records if r.impl.startswith("conv")})
    if backends:
        lines.append(
            tr("Bench explanation", "conv backend selected by PyTorch: {backends}").format(backends=", ".join(backends))
        )
    lines += [roofline_line(record) for record in records]
    above = [r.impl for r in records if r.roofline_fraction > 1]
    if above:
        lines.append(
            tr(
                "Bench explanation",
                "{impls} exceeded the roofline bound (shown, not clamped): the bound is this machine's measured copy "
                "bandwidth and peak, so a kernel that reuses data in a faster level, or a faster code path than the "
                "peak probes, can pass it; read the fraction as an estimate",
            ).format(impls=", ".join(above))
        )
    noisy = [r.impl for r in records if r.noise_warning]
    if noisy:
        lines.append(
            tr("Bench explanation", "noisy measurements (IQR > {threshold:.0f}% of median): {impls}").format(
                threshold=100 * NOISE_THRESHOLD, impls=", ".join(noisy)
            )
        )
    return lines
