"""Draw benchmark results into pyqtgraph plots: time per call, ratio to the baseline, GFLOP/s under the roofline.

Used live by the window and headless by ``bench --format png,svg``. Log axes are drawn by plotting log10 values on
axes with labelled ticks, so error bars (which pyqtgraph does not transform) are exact: a bar from Q1 to Q3 is
drawn from log10(Q1) to log10(Q3).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

from core.bench.explain import percent, term_text
from core.bench.records import BenchRecord
from core.bench.roofline import Roofline
from core.bench.runner import BenchResult
from core.bench.timing import ratio_ci_text
from core.i18n import tr
from core.memory import format_bytes
from gui.plots.annotate import annotate
from gui.plots.axes import (
    categorical_axis,
    dodge,
    fit_bottom_axis,
    impl_names,
    log10,
    log_ticks,
    set_labels,
    sweep_values,
)
from gui.plots.legend_row import LegendEntry
from gui.plots.palette import impl_color, impl_label, impl_symbol
from gui.theme import PlotStyle

SYMBOL_SIZE = 11
LINE_WIDTH = 2.5
_PEN = pg.QtCore.Qt.PenStyle
ROOF_STYLES = (_PEN.SolidLine, _PEN.DashLine, _PEN.DotLine, _PEN.DashDotLine)
ROOF_ALPHAS = (255, 210, 170, 140)  # the theme's foreground, fading from the fastest level to the slowest


def symbol_brushes(records: Sequence[BenchRecord], colour: str, style: PlotStyle) -> list[object]:
    """Filled symbols, hollow (the background showing through) where the record is noisy."""
    return [pg.mkBrush(style.background if r.noisy else colour) for r in records]


def _series(
    plot: pg.PlotItem,
    rows: Sequence[BenchRecord],
    x: list[float],
    y: list[float],
    ends: tuple[list[float], list[float]],
    joined: bool,
    style: PlotStyle,
) -> None:
    """One implementation: points (joined for sweeps) with error bars from ``ends[0]`` to ``ends[1]``, in log10
    units; noisy points hollow."""
    name = rows[0].impl
    colour = impl_color(name)
    low, high = np.array(ends[0]), np.array(ends[1])
    plot.addItem(
        pg.ErrorBarItem(
            x=np.array(x), y=np.array(y), top=high - y, bottom=y - low, beam=0.12, pen=pg.mkPen(colour, width=2)
        )
    )
    plot.plot(
        x,
        y,
        pen=pg.mkPen(colour, width=LINE_WIDTH) if joined else None,
        symbol=impl_symbol(name),
        symbolSize=SYMBOL_SIZE * style.font_scale,
        symbolBrush=symbol_brushes(rows, colour, style),
        symbolPen=pg.mkPen(colour, width=2),
        name=name,
    )


def _entries(records: Sequence[BenchRecord], joined: bool) -> list[LegendEntry]:
    """Implementations by their labels, for sweeps only: otherwise the x axis already names each one."""
    if not joined:
        return []
    return [
        LegendEntry(impl_label(name), impl_color(name), impl_symbol(name), line=True) for name in impl_names(records)
    ]


def draw_time(plot: pg.PlotItem, result: BenchResult, style: PlotStyle) -> None:
    """Median time per call with bars from the first to the third quartile of the runs, log scale."""
    records = result.records
    positions, xlabel = categorical_axis(plot, records, style)
    joined = len(sweep_values(records)) > 1
    shown: list[float] = []
    names = impl_names(records)
    for index, name in enumerate(names):
        rows = [r for r in records if r.impl == name]
        median, q1, q3 = ([getattr(r, key) * 1e3 for r in rows] for key in ("median_s", "q1_s", "q3_s"))
        shift = dodge(index, len(names)) if joined else 0.0
        x = [positions[(r.impl, r.value)] + shift for r in rows]
        _series(plot, rows, x, log10(median), (log10(q1), log10(q3)), joined, style)
        shown += median + q1 + q3
    log_ticks(plot, "left", shown)
    set_labels(plot, tr("Benchmark plots", "median time per call (ms)"), xlabel, style)
    title = tr("Benchmark plots", "median time per call (bars: first to third quartile of the runs)")
    annotate(plot, result, style, title, _entries(records, joined))
    plot.showGrid(y=True, alpha=0.25)


def draw_ratio(plot: pg.PlotItem, result: BenchResult, style: PlotStyle) -> None:
    """Median ratio to the baseline with its 95% bootstrap interval, log scale; the baseline is the line at 1."""
    records = result.records
    positions, xlabel = categorical_axis(plot, records, style)
    joined = len(sweep_values(records)) > 1
    baseline = next((r.baseline for r in records if r.baseline), "") or tr("Benchmark plots", "baseline")
    shown: list[float] = [1.0]
    names = impl_names(records)
    for index, name in enumerate(names):
        rows = [r for r in records if r.impl == name and not math.isnan(r.ratio_to_linear)]
        if not rows:
            continue
        shift = dodge(index, len(names)) if joined else 0.0
        x = [positions[(r.impl, r.value)] + shift for r in rows]
        y = log10(r.ratio_to_linear for r in rows)
        _series(plot, rows, x, y, (log10(r.ratio_low for r in rows), log10(r.ratio_high for r in rows)), joined, style)
        shown += [v for r in rows for v in (r.ratio_low, r.ratio_high)]
    plot.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen(style.foreground, width=1.5, style=ROOF_STYLES[1])))
    log_ticks(plot, "left", shown)
    set_labels(plot, tr("Benchmark plots", "ratio to {baseline}").format(baseline=baseline), xlabel, style)
    entries = [*_entries(records, joined), LegendEntry(f"1 = {baseline}", style.foreground, line=True, dashed=True)]
    title = tr("Benchmark plots", "time relative to {baseline} (bars: 95% CI)").format(baseline=baseline)
    annotate(plot, result, style, title, entries, [ci_note()])
    plot.showGrid(y=True, alpha=0.25)


def ci_note() -> str:
    """How the ratios' intervals were computed, for a caption."""
    return tr("Benchmark plots", "CI: {method}").format(method=ratio_ci_text())


def _roof_colour(style: PlotStyle, index: int) -> str:
    """The foreground with less opacity for slower levels, as ``#RRGGBBAA`` (pyqtgraph's order)."""
    colour = pg.mkColor(style.foreground)
    return f"{colour.name()}{ROOF_ALPHAS[index % len(ROOF_ALPHAS)]:02x}"


def _draw_roofs(
    plot: pg.PlotItem, rooflines: Sequence[Roofline], grid: np.ndarray, style: PlotStyle
) -> list[LegendEntry]:
    """One roof per memory level (and thread count): min(peak, intensity x that level's bandwidth)."""
    entries = []
    for roof in rooflines:
        prefix = tr("Benchmark plots", "{threads} threads: ").format(threads=roof.threads) if len(rooflines) > 1 else ""
        for index, level in enumerate(roof.levels):
            colour, dash = _roof_colour(style, index), ROOF_STYLES[index % 4]
            bound = np.minimum(roof.peak_gflops, grid * level.bandwidth_gbs)
            plot.plot(np.log10(grid), np.log10(bound), pen=pg.mkPen(colour, width=2.5, style=dash))
            label = prefix + tr("Benchmark plots", "{level} roof {bandwidth:.0f} GB/s").format(
                level=level.shown_name, bandwidth=level.bandwidth_gbs
            )
            entries.append(LegendEntry(label, colour, line=True, dashed=index % 4 != 0))
    return entries


def roof_notes(rooflines: Sequence[Roofline]) -> list[str]:
    """How each roof was measured: the peak's source and the size of each level's copy."""
    return [
        tr(
            "Benchmark plots",
            "roofs ({threads} threads): peak {peak:.0f} GFLOP/s ({source}); bandwidth from copies of {sizes}",
        ).format(
            threads=roof.threads,
            peak=roof.peak_gflops,
            source=roof.shown_peak_source,
            sizes=", ".join(format_bytes(level.probe_bytes) for level in roof.levels),
        )
        for roof in rooflines
    ]


def _fractions(rows: Sequence[BenchRecord]) -> str:
    """E.g. ``54% of L3 roof`` (a range over sweep points); past 100% it says the bound was exceeded."""
    low, high = percent(min(r.roofline_fraction for r in rows)), percent(max(r.roofline_fraction for r in rows))
    share = low if low == high else f"{low.removesuffix('%')}-{high}"
    levels = "/".join(dict.fromkeys(term_text(r.roofline_level) for r in rows))
    exceeded = any(r.roofline_fraction > 1 for r in rows)
    text = tr("Benchmark plots", "{share} of {levels} roof").format(share=share, levels=levels)
    return text + (tr("Benchmark plots", ", bound exceeded") if exceeded else "")


def draw_roofline(plot: pg.PlotItem, result: BenchResult, style: PlotStyle) -> None:
    """Executed GFLOP/s against arithmetic intensity, under one roof per memory level (log-log); a dotted line
    rises from each point to the roof of the level its working set lives in."""
    records, rooflines = result.records, list(result.rooflines.values())
    intensities = [r.arithmetic_intensity for r in records] or [1.0]
    lo, hi = min(intensities) / 4, max(intensities) * 4
    entries = _draw_roofs(plot, rooflines, np.logspace(math.log10(lo), math.log10(hi), 200), style)
    for name in impl_names(records):
        rows = [r for r in records if r.impl == name]
        colour = impl_color(name)
        x, y = log10(r.arithmetic_intensity for r in rows), log10(r.executed_gflops for r in rows)
        for xi, yi, record in zip(x, y, rows, strict=True):
            up = [yi, math.log10(record.roofline_bound_gflops)]
            plot.plot([xi, xi], up, pen=pg.mkPen(colour, width=1.5, style=ROOF_STYLES[2]))
        plot.plot(
            x,
            y,
            pen=None,
            symbol=impl_symbol(name),
            symbolSize=(SYMBOL_SIZE + 2) * style.font_scale,
            symbolBrush=symbol_brushes(rows, colour, style),
            symbolPen=pg.mkPen(colour, width=2),
            name=name,
        )
        label = tr("Benchmark plots", "{implementation}: {fractions}").format(
            implementation=impl_label(name), fractions=_fractions(rows)
        )
        entries.append(LegendEntry(label, colour, impl_symbol(name)))
    gflops = [r.executed_gflops for r in records] + [roof.peak_gflops for roof in rooflines]
    log_ticks(plot, "left", [*gflops, min(gflops) / 2])
    log_ticks(plot, "bottom", [lo, hi])
    fit_bottom_axis(plot, style, 1)
    set_labels(
        plot,
        tr("Benchmark plots", "executed GFLOP/s"),
        tr("Benchmark plots", "arithmetic intensity (FLOP per byte moved, minimum)"),
        style,
    )
    fits = tr(
        "Benchmark plots",
        "a point's bound is the roof of the level that holds its working set (bytes read and written per call)",
    )
    notes = [*roof_notes(rooflines), fits]
    annotate(plot, result, style, tr("Benchmark plots", "GFLOP/s under this machine's roofline"), entries, notes)
    plot.showGrid(x=True, y=True, alpha=0.25)
