"""Axes and titles of the benchmark plots: slide-sized fonts that follow the window's font scale, log ticks with
plain numbers, one slot per implementation or sweep value."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

import pyqtgraph as pg
from pyqtgraph.Qt import QtGui

from core.bench.records import BenchRecord
from core.i18n import tr
from gui.plots.palette import impl_label
from gui.theme import PlotStyle

TICK_POINTS = 11
LABEL_POINTS = 12
AXIS_GAP = 14  # pixels at font scale 1 between the bottom axis's parts
LEFT_AXIS_WIDTH = 80
RIGHT_MARGIN = 24
DODGE = 0.05  # category widths between neighbouring series of a sweep


def style_plot(plot: pg.PlotItem, style: PlotStyle) -> None:
    """Fonts at ``style``'s scale and its foreground colour on both axes (the background is the widget's)."""
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setStyle(tickFont=style.font(TICK_POINTS), tickTextOffset=round(6 * style.font_scale))
        # Ticks carry the real values (log axes are drawn as log10 with labelled ticks): a "(x0.001)" SI prefix
        # pyqtgraph derives from the log10 range would misstate the unit.
        axis.enableAutoSIPrefix(False)
        axis.setPen(style.foreground)
        axis.setTextPen(style.foreground)
    fit_bottom_axis(plot, style, 1)
    plot.getAxis("left").setWidth(round(LEFT_AXIS_WIDTH * style.font_scale))
    plot.layout.setColumnFixedWidth(2, round(RIGHT_MARGIN * style.font_scale))  # room for the last tick label


def fit_bottom_axis(plot: pg.PlotItem, style: PlotStyle, tick_lines: int) -> None:
    """Make the bottom axis just tall enough for ``tick_lines`` lines of tick labels and the axis label."""
    tick = QtGui.QFontMetricsF(style.font(TICK_POINTS)).height()
    label = QtGui.QFontMetricsF(style.font(LABEL_POINTS)).height()
    plot.getAxis("bottom").setHeight(round(tick_lines * tick + label + AXIS_GAP * style.font_scale))


def set_labels(plot: pg.PlotItem, left: str, bottom: str, style: PlotStyle) -> None:
    """Axis labels at ``style``'s scale (pyqtgraph takes CSS: ``font-size``, not ``size``)."""
    css = {"font-size": f"{style.points(LABEL_POINTS):.1f}pt", "color": style.foreground}
    plot.setLabel("left", left, **css)
    plot.setLabel("bottom", bottom, **css)


def tick_label(name: str) -> str:
    """The implementation's registry label, wrapped to fit under one category."""
    return textwrap.fill(impl_label(name), 14)


def _nice(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def log_ticks(plot: pg.PlotItem, side: str, values: Iterable[float], margin_decades: float = 0.08) -> None:
    """Ticks at 1, 2, 5 x 10^k over ``values`` (positions in log10 units), labelled with plain numbers; the axis
    spans the values with a margin."""
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
    margin = max(margin_decades, 0.06 * (span[1] - span[0]))
    if side == "left":
        plot.setYRange(span[0] - margin, span[1] + margin, padding=0)
    else:
        plot.setXRange(span[0] - margin, span[1] + margin, padding=0)


def log10(values: Iterable[float]) -> list[float]:
    return [math.log10(max(v, 1e-300)) for v in values]


def sweep_values(records: Sequence[BenchRecord]) -> list[str]:
    return list(dict.fromkeys(r.value for r in records))


def impl_names(records: Sequence[BenchRecord]) -> list[str]:
    return list(dict.fromkeys(r.impl for r in records))


def categorical_axis(
    plot: pg.PlotItem, records: Sequence[BenchRecord], style: PlotStyle
) -> tuple[dict[tuple[str, str], float], str]:
    """x positions: sweep values when there are several, else one slot per implementation; and the x label."""
    values, impls = sweep_values(records), impl_names(records)
    if len(values) > 1:
        positions = {(r.impl, r.value): float(values.index(r.value)) for r in records}
        category_ticks(plot, values, style)
        return positions, records[0].variable or tr("Benchmark plots", "value")
    positions = {(r.impl, r.value): float(impls.index(r.impl)) for r in records}
    category_ticks(plot, [tick_label(name) for name in impls], style)
    return positions, tr("Benchmark plots", "implementation")


def dodge(index: int, count: int) -> float:
    """A series' small shift along a sweep's x axis, so equal values of different implementations stay apart."""
    return (index - (count - 1) / 2) * DODGE


def category_ticks(plot: pg.PlotItem, labels: list[str], style: PlotStyle) -> None:
    """One tick per category at 0, 1, 2, ...; the bottom axis as tall as the longest label needs."""
    plot.getAxis("bottom").setTicks([[(float(i), label) for i, label in enumerate(labels)]])
    plot.setXRange(-0.5, len(labels) - 0.5, padding=0.02)
    fit_bottom_axis(plot, style, max((label.count("\n") + 1 for label in labels), default=1))
