"""The records as a table (the CLI prints it, the Speed panel shows it) and the findings per point: pure Python."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.bench.explain import explain, percent, term_text
from core.bench.records import NOISE_THRESHOLD, BenchRecord
from core.i18n import tr, tr_noop
from core.memory import format_bytes

COLUMN_TITLES = {
    "impl": tr_noop("Bench summary", "impl"),
    "median us": tr_noop("Bench summary", "median us"),
    "IQR us": tr_noop("Bench summary", "IQR us"),
    "runs": tr_noop("Bench summary", "runs"),
    "backend": tr_noop("Bench summary", "backend"),
    "faults/call": tr_noop("Bench summary", "faults/call"),
    "RSS/call": tr_noop("Bench summary", "RSS/call"),
    "roofline": tr_noop("Bench summary", "roofline"),
    "noise": tr_noop("Bench summary", "noise"),
}
"""How the columns whose key is a word are headed (the others: GFLOP/s, the swept variable, the ratio)."""


def noisy_text() -> str:
    """``noisy (IQR > 10% of median)``, in the current language."""
    return tr("Bench summary", "noisy (IQR > {threshold:.0f}% of median)").format(threshold=100 * NOISE_THRESHOLD)


def record_cells(r: Any) -> dict[str, str]:
    """One record's cells, by column key."""
    ratio = "" if math.isnan(r.ratio_to_linear) else f"{r.ratio_to_linear:.2f} [{r.ratio_low:.2f}-{r.ratio_high:.2f}]"
    return {
        "impl": r.impl,
        "value": r.value,
        "median us": f"{r.median_s * 1e6:.1f}",
        "IQR us": f"{r.iqr_s * 1e6:.1f}",
        "runs": str(r.runs),
        "GFLOP/s": f"{r.gflops:.1f}",
        "ratio": ratio,
        "backend": term_text(r.backend),
        "faults/call": f"{r.page_faults:.0f}",
        "RSS/call": tr("Bench summary", "n/a") if r.peak_rss_bytes < 0 else format_bytes(r.peak_rss_bytes),
        "roofline": tr("Bench summary", "{fraction} of {level}").format(
            fraction=percent(r.roofline_fraction), level=term_text(r.roofline_level)
        ),
        "noise": noisy_text() if r.noise_warning else "",
    }


def records_table(records: Sequence[Any], columns: Sequence[str] | None = None) -> tuple[list[str], list[list[str]]]:
    """``(header, rows)``: every column named for what it holds (the swept variable's name, no such column without
    a sweep; the ratio's baseline; a noise column only when a point was noisy). ``columns`` picks keys."""
    cells = [record_cells(r) for r in records]
    variable = next((r.variable for r in records if r.variable), "")
    baseline = next((r.baseline for r in records if r.baseline), "")
    ratio = (
        tr("Bench summary", "ratio to {baseline} [95% CI]").format(baseline=baseline)
        if baseline
        else tr("Bench summary", "ratio")
    )
    names = {"value": variable, "ratio": ratio}
    keys = list(columns) if columns else list(cells[0]) if cells else []
    keep = [k for k in keys if (k != "value" or variable) and (k != "noise" or any(c[k] for c in cells))]
    header = [names[k] if k in names else tr("Bench summary", COLUMN_TITLES.get(k, k)) for k in keep]
    return header, [[c[k] for k in keep] for c in cells]


def _unit(seconds: float) -> tuple[str, float]:
    """The unit that writes ``seconds`` in at most three digits before the point."""
    return next(((unit, scale) for unit, scale in (("us", 1e-6), ("ms", 1e-3)) if seconds < 999.5 * scale), ("s", 1.0))


def timing_line(r: BenchRecord) -> str:
    """E.g. ``conv: median 2.58 ms, Q1-Q3 2.56-2.62 ms over 120 runs`` (noisy ones say so)."""
    unit, scale = _unit(r.median_s)
    q1, median, q3 = (f"{value / scale:.3g}" for value in (r.q1_s, r.median_s, r.q3_s))
    line = tr("Bench summary", "{impl}: median {median} {unit}, Q1-Q3 {q1}-{q3} {unit} over {runs} runs").format(
        impl=r.impl, median=median, unit=unit, q1=q1, q3=q3, runs=r.runs
    )
    if r.noisy:
        line = tr("Bench summary", "{line}; {noisy}").format(line=line, noisy=noisy_text())
    return line


@dataclass(frozen=True)
class PointFindings:
    """One measured point: its name (``spec`` or ``batch=16``), its records and the sentences explaining them."""

    name: str
    records: list[BenchRecord]
    findings: list[str]


def findings_by_point(records: Sequence[BenchRecord]) -> list[PointFindings]:
    """:func:`~core.bench.explain.explain` for every point of a run, in measuring order."""
    points = []
    for value in dict.fromkeys(r.value for r in records):
        rows = [r for r in records if r.value == value]
        name = f"{rows[0].variable}={value}" if value else "spec"
        points.append(PointFindings(name, rows, explain(rows)))
    return points
