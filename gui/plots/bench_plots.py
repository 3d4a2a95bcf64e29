"""Draw benchmark records into pyqtgraph plots: time, ratio to Linear, and GFLOP/s against the roofline.

Used live by the window and headless by ``bench --format png,svg``. Log axes are drawn by plotting log10 values on
axes in log mode, so error bars (which pyqtgraph does not transform) stay exact.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtGui

from core.bench.records import BenchRecord
from core.bench.roofline import Roofline
from core.registry import IMPLEMENTATIONS
from gui.plots.palette import impl_color, impl_symbol

SYMBOL_SIZE = 11
LINE_WIDTH = 2.5
TICK_POINT_SIZE = 11
LABEL_SIZE = "12pt"
TITLE_SIZE = "13pt"
SUBTITLE_SIZE = "10pt"


def style_plot(plot: pg.PlotItem, foreground: str = "k") -> None:
    """Slide-readable fonts and colours on a plot (its background is the widget's)."""
    font = QtGui.QFont()
    font.setPointSize(TICK_POINT_SIZE)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setStyle(tickFont=font, tickTextOffset=6)
        # Ticks carry the real values (log axes are drawn as log10 with labelled ticks): a "(x0.001)" SI prefix
        # pyqtgraph derives from the log10 range would misstate the unit.
        axis.enableAutoSIPrefix(False)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
    plot.getAxis("bottom").setHeight(70)
    plot.getAxis("left").setWidth(80)


def _tick_label(name: str) -> str:
    """The implementation's registry label, wrapped to fit under one category."""
    label = IMPLEMENTATIONS[name].label if name in IMPLEMENTATIONS else name
    return textwrap.fill(label, 14)


def _title(plot: pg.PlotItem, title: str, subtitle: str, foreground: str) -> None:
    """The plot's title, with what was measured on a second, smaller line."""
    text = html.escape(title)
    if subtitle:
        text += f"<br><span style='font-size:{SUBTITLE_SIZE}'>{html.escape(subtitle)}</span>"
    plot.setTitle(text, size=TITLE_SIZE, color=foreground)


def _legend(plot: pg.PlotItem, foreground: str) -> None:
    dark_text = pg.mkColor(foreground).lightness() < 128
    plot.addLegend(
        offset=(10, 10),
        labelTextSize="13pt",
        labelTextColor=foreground,
        brush=pg.mkBrush(255, 255, 255, 200) if dark_text else pg.mkBrush(30, 30, 30, 200),
    )


def _nice(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def _log_ticks(plot: pg.PlotItem, side: str, values: Iterable[float]) -> None:
    """Ticks at 1, 2, 5 x 10^k over the data (positions in log10 units), labelled with plain numbers."""
    finite = [v for v in values if v > 0 and math.isfinite(v)]
    if not finite:
        return
    lo, hi = math.floor(math.log10(min(finite))), math.ceil(math.log10(max(finite)))
    major: list[tuple[float, str]] = []
    minor: list[tuple[float, str]] = []
    for exponent in range(lo, hi + 1):
        for mantissa in (1, 2, 5):
            value = mantissa * 10.0**exponent
            if min(finite) / 2.5 <= value <= max(finite) * 2.5:
                (major if mantissa == 1 else minor).append((math.log10(value), _nice(value)))
    crowded = len(major) > 3
    plot.getAxis(side).setTicks([major, [] if crowded else minor])
    span = (math.log10(min(finite)), math.log10(max(finite)))
    margin = max(0.08, 0.06 * (span[1] - span[0]))
    if side == "left":
        plot.setYRange(span[0] - margin, span[1] + margin, padding=0)
    else:
        plot.setXRange(span[0] - margin, span[1] + margin, padding=0)


def _values(records: Sequence[BenchRecord]) -> list[str]:
    return list(dict.fromkeys(r.value for r in records))


def _impls(records: Sequence[BenchRecord]) -> list[str]:
    return list(dict.fromkeys(r.impl for r in records))


def _categorical_axis(plot: pg.PlotItem, records: Sequence[BenchRecord]) -> tuple[dict[tuple[str, str], float], str]:
    """x positions: sweep values when there are several, else one slot per implementation."""
    values, impls = _values(records), _impls(records)
    if len(values) > 1:
        positions = {(r.impl, r.value): float(values.index(r.value)) for r in records}
        ticks = [(float(i), v) for i, v in enumerate(values)]
        label = records[0].variable or "value"
    else:
        positions = {(r.impl, r.value): float(impls.index(r.impl)) for r in records}
        ticks = [(float(i), _tick_label(name)) for i, name in enumerate(impls)]
        label = "implementation"
    plot.getAxis("bottom").setTicks([ticks])
    plot.setXRange(-0.5, len(ticks) - 0.5, padding=0.02)
    return positions, label


def _series(
    plot: pg.PlotItem, name: str, x: list[float], y: list[float], low: list[float], high: list[float], joined: bool
) -> None:
    """One implementation: points (joined for sweeps) with asymmetric error bars, all in log10 units."""
    color = impl_color(name)
    pen = pg.mkPen(color, width=LINE_WIDTH) if joined else None
    plot.addItem(
        pg.ErrorBarItem(
            x=np.array(x),
            y=np.array(y),
            top=np.array(high) - np.array(y),
            bottom=np.array(y) - np.array(low),
            beam=0.12,
            pen=pg.mkPen(color, width=2),
        )
    )
    plot.plot(
        x,
        y,
        pen=pen,
        symbol=impl_symbol(name),
        symbolSize=SYMBOL_SIZE,
        symbolBrush=color,
        symbolPen=pg.mkPen("w", width=1),
        name=name,
    )


def _log10(values: Iterable[float]) -> list[float]:
    return [math.log10(max(v, 1e-300)) for v in values]


def _start_categorical(
    plot: pg.PlotItem, records: Sequence[BenchRecord], foreground: str
) -> tuple[dict[tuple[str, str], float], str, bool]:
    """Clear ``plot`` for implementations along x: their positions, the x label, whether to join sweep points."""
    plot.clear()
    _legend(plot, foreground)
    positions, xlabel = _categorical_axis(plot, records)
    return positions, xlabel, len(_values(records)) > 1


def draw_time(
    plot: pg.PlotItem,
    records: Sequence[BenchRecord],
    title: str = "",
    foreground: str = "k",
    subtitle: str = "",
) -> None:
    """Median time per call with its interquartile range, log scale."""
    positions, xlabel, joined = _start_categorical(plot, records, foreground)
    shown: list[float] = []
    for name in _impls(records):
        rows = [r for r in records if r.impl == name]
        x = [positions[(r.impl, r.value)] for r in rows]
        median = [r.median_s * 1e3 for r in rows]
        low = [max(r.median_s - r.iqr_s / 2, r.median_s * 1e-3) * 1e3 for r in rows]
        high = [(r.median_s + r.iqr_s / 2) * 1e3 for r in rows]
        _series(plot, name, x, _log10(median), _log10(low), _log10(high), joined)
        shown += median + low + high
    _log_ticks(plot, "left", shown)
    plot.setLabel("left", "median time per call (ms)", size=LABEL_SIZE, color=foreground)
    plot.setLabel("bottom", xlabel, size=LABEL_SIZE, color=foreground)
    _title(plot, title or "median time per call (bars: interquartile range)", subtitle, foreground)
    plot.showGrid(y=True, alpha=0.25)


def draw_ratio(
    plot: pg.PlotItem,
    records: Sequence[BenchRecord],
    title: str = "",
    foreground: str = "k",
    subtitle: str = "",
) -> None:
    """Median ratio to the baseline with its 95% bootstrap interval; the baseline is the line at 1."""
    positions, xlabel, joined = _start_categorical(plot, records, foreground)
    baseline = next((r.baseline for r in records if r.baseline), "")
    shown: list[float] = [1.0]
    for name in _impls(records):
        rows = [r for r in records if r.impl == name and not math.isnan(r.ratio_to_linear)]
        if not rows:
            continue
        x = [positions[(r.impl, r.value)] for r in rows]
        _series(
            plot,
            name,
            x,
            _log10(r.ratio_to_linear for r in rows),
            _log10(r.ratio_low for r in rows),
            _log10(r.ratio_high for r in rows),
            joined,
        )
        shown += [v for r in rows for v in (r.ratio_low, r.ratio_high)]
    plot.addItem(
        pg.InfiniteLine(pos=0.0, angle=0, pen=pg.mkPen("#777777", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine))
    )
    _log_ticks(plot, "left", shown)
    plot.setLabel("left", f"time / time of {baseline or 'baseline'}", size=LABEL_SIZE, color=foreground)
    plot.setLabel("bottom", xlabel, size=LABEL_SIZE, color=foreground)
    _title(plot, title or f"ratio to {baseline or 'baseline'} (error bars: 95% bootstrap CI)", subtitle, foreground)
    plot.showGrid(y=True, alpha=0.25)


def draw_roofline(
    plot: pg.PlotItem,
    records: Sequence[BenchRecord],
    rooflines: Sequence[Roofline],
    title: str = "",
    foreground: str = "k",
    subtitle: str = "",
) -> None:
    """Executed GFLOP/s against arithmetic intensity, under this machine's roofline (log-log)."""
    plot.clear()
    _legend(plot, foreground)
    intensities = [r.arithmetic_intensity for r in records] or [1.0]
    lo, hi = min(intensities) / 4, max(intensities) * 4
    grid = np.logspace(math.log10(lo), math.log10(hi), 200)
    for roof in rooflines:
        bound = np.minimum(roof.peak_gflops, grid * roof.bandwidth_gbs)
        label = f"roofline, {roof.threads} thread{'s' if roof.threads > 1 else ''}"
        plot.plot(np.log10(grid), np.log10(bound), pen=pg.mkPen("#555555", width=2.5), name=label)
    for name in _impls(records):
        rows = [r for r in records if r.impl == name]
        color = impl_color(name)
        plot.plot(
            _log10(r.arithmetic_intensity for r in rows),
            _log10(r.executed_gflops for r in rows),
            pen=None,
            symbol=impl_symbol(name),
            symbolSize=SYMBOL_SIZE + 2,
            symbolBrush=color,
            symbolPen=pg.mkPen("w"),
            name=name,
        )
    gflops = [r.executed_gflops for r in records] + [roof.peak_gflops for roof in rooflines]
    _log_ticks(plot, "left", [*gflops, min(gflops) / 2])
    _log_ticks(plot, "bottom", [lo, hi])
    plot.setLabel("left", "executed GFLOP/s", size=LABEL_SIZE, color=foreground)
    plot.setLabel("bottom", "arithmetic intensity (FLOP per byte moved, minimum)", size=LABEL_SIZE, color=foreground)
    _title(plot, title or "GFLOP/s against this machine's roofline", subtitle, foreground)
    plot.showGrid(x=True, y=True, alpha=0.25)
