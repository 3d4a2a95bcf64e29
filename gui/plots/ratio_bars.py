"""The slide figure: one bar per implementation, its median time over the baseline's, with the 95% interval of
that ratio (computed in core) and the value written on it.

The axis is logarithmic and every bar starts at 1 (the baseline), so "2x slower" and "2x faster" are bars of the
same length in opposite directions. A sweep shows its last point (named in the title).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from core.bench.runner import BenchResult
from core.i18n import tr
from gui.plots.annotate import annotate
from gui.plots.axes import LABEL_POINTS, category_ticks, log10, log_ticks, set_labels, sweep_values, tick_label
from gui.plots.bench_plots import ci_note
from gui.plots.legend_row import LegendEntry
from gui.plots.palette import impl_color
from gui.theme import PlotStyle

BAR_WIDTH = 0.6
LABEL_ROOM = 0.25  # space above (below) the highest (lowest) whisker for its value: this share of the span


def ratio_text(ratio: float) -> str:
    """E.g. ``25.3x``, ``1.81x``, ``0.754x``."""
    return f"{ratio:.3g}\u00d7"


def draw_ratio_bars(plot: pg.PlotItem, result: BenchResult, style: PlotStyle) -> None:
    """Bars from 1 to each implementation's median ratio, whiskers over its 95% CI, the ratio written beyond."""
    values = sweep_values(result.records)
    point = values[-1] if values else ""
    rows = [r for r in result.records if r.value == point and not math.isnan(r.ratio_to_linear)]
    baseline = next((r.baseline for r in rows if r.baseline), "") or tr("Benchmark plots", "baseline")
    x = np.arange(len(rows), dtype=float)
    heights = np.array(log10(r.ratio_to_linear for r in rows))
    low, high = np.array(log10(r.ratio_low for r in rows)), np.array(log10(r.ratio_high for r in rows))
    colours = [impl_color(r.impl) for r in rows]
    plot.addItem(
        pg.BarGraphItem(
            x=x,
            y0=np.zeros(len(rows)),
            height=heights,
            width=BAR_WIDTH,
            brushes=[pg.mkBrush(style.background if r.noisy else c) for r, c in zip(rows, colours, strict=True)],
            pens=[pg.mkPen(c, width=2) for c in colours],
        )
    )
    whisker = pg.mkPen(style.foreground, width=2.5)
    plot.addItem(pg.ErrorBarItem(x=x, y=heights, top=high - heights, bottom=heights - low, beam=0.2, pen=whisker))
    dashed = pg.mkPen(style.foreground, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
    plot.addItem(pg.InfiniteLine(pos=0.0, angle=0, pen=dashed))
    for xi, record, top, bottom in zip(x, rows, high, low, strict=True):
        above = record.ratio_to_linear >= 1
        label = pg.TextItem(ratio_text(record.ratio_to_linear), color=style.foreground, anchor=(0.5, 1 if above else 0))
        label.setFont(style.font(LABEL_POINTS, bold=True))
        label.setPos(xi, top if above else bottom)
        plot.addItem(label)
    category_ticks(plot, [tick_label(r.impl) for r in rows], style)
    ends = [1.0, *(r.ratio_low for r in rows), *(r.ratio_high for r in rows)]
    span = math.log10(max(ends)) - math.log10(min(ends))
    log_ticks(plot, "left", ends, max(0.3, LABEL_ROOM * span))
    ratio_label = tr("Benchmark plots", "ratio to {baseline}").format(baseline=baseline)
    set_labels(plot, ratio_label, tr("Benchmark plots", "implementation"), style)
    entries = [LegendEntry(f"1 = {baseline}", style.foreground, line=True, dashed=True)]
    if point and rows:
        title = tr("Benchmark plots", "time relative to {baseline} at {variable}={value} (whiskers: 95% CI)").format(
            baseline=baseline, variable=rows[0].variable, value=point
        )
    else:
        title = tr("Benchmark plots", "time relative to {baseline} (whiskers: 95% CI)").format(baseline=baseline)
    annotate(plot, result, style, title, entries, [ci_note()])
    plot.showGrid(y=True, alpha=0.25)
