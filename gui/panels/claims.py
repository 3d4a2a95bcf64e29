"""Claims: popular claims about Linear and conv layers, tested live with a verdict (:mod:`core.claims`).

A list of the claims on the left; for the selected one the claim as heard, a verdict badge (colour and word), the
evidence paragraph with its numbers, and the claim's own plots. Claims run in workers (:mod:`gui.workers`): the
cheap ones as soon as they are first selected, the timing claim only on Run. Each claim has at most one run at a
time; several claims may run at once, and Cancel (or :meth:`ClaimsPanel.shutdown`) stops them.
"""

from __future__ import annotations

import dataclasses
import html
import math
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import GeneratorWorker

from core.bench.records import BenchRecord
from core.bench.runner import CancelToken
from core.claims import (
    CLAIMS,
    VERDICTS,
    ClaimCancelled,
    ClaimProgress,
    ClaimResult,
    verdict_description,
    verdict_label,
)
from core.claims.default_init import InitCase, InitEvidence
from core.claims.factorised import FactorEvidence
from core.claims.params import CLAIMED, GENERAL, ParamsEvidence
from core.claims.speed import SpeedEvidence, SpeedOptions, condition_name
from core.claims.stride import StrideEvidence
from core.i18n import current_language, tr, tr_noop
from gui.plots.palette import impl_color
from gui.theme import PlotStyle
from gui.widgets.heatmap import Heatmap
from gui.workers import SHUTDOWN_WAIT_S, WorkerFailed, done_event, generator_worker, stop_and_wait

# Base sizes in points at font scale 1 (the window's zoom, times the presentation factor).
LIST_POINTS, QUOTE_POINTS, BADGE_POINTS, EVIDENCE_POINTS, STATUS_POINTS = 13.0, 16.0, 16.0, 12.5, 11.0
TITLE_POINTS, LABEL_POINTS, TICK_POINTS, LEGEND_POINTS, TABLE_POINTS = 13.0, 12.0, 11.0, 11.5, 13.0
SPLIT = {
    "params": (1, 2),
    "factorised": (1, 2),
}  # evidence : plots of the width beside the list (2 : 3 otherwise); the table is wide
EVIDENCE_MIN_WIDTH = 300  # points at scale 1: some 45 characters a line
COMPACT_BELOW = 1000  # panel width (points at scale 1) under which the evidence goes above the plots
NEUTRAL = "#5f6b76"  # the badge before a verdict: grey, with words
ORDER_COLOUR = "#c0392b"  # the 10x line: an order of magnitude
ERROR = "#c0392b"
BAR_WIDTH = 0.26
IMPL_LABELS = {"linear": "Linear", "conv": "Conv (NCL)", "conv_channels_last": "Conv channels_last"}


def _style_plot(plot: pg.PlotItem, style: PlotStyle, title: str, x_label: str = "", y_label: str = "") -> None:
    """Title, axis labels and ticks at the style's scale and colours."""
    size = f"{style.points(TITLE_POINTS):.1f}pt"
    plot.setTitle(html.escape(title).replace("\n", "<br>"), size=size, color=style.foreground)
    # pyqtgraph fixes the title row at 30 px: too little for large fonts or two lines.
    height = int((title.count("\n") + 1) * style.points(TITLE_POINTS) * 1.45 + 8)
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)
    for side, text in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(side)
        axis.setPen(style.foreground)
        axis.setTextPen(style.foreground)
        axis.setStyle(tickFont=style.font(TICK_POINTS), tickTextOffset=4)
        # Ticks carry the values themselves. pyqtgraph computes a scale from the current range even while turning
        # the prefix off (a stale 'x1000' on a later range), unless the label is hidden at that moment.
        axis.showLabel(False)
        axis.enableAutoSIPrefix(False)
        if text:
            axis.setLabel(text, **{"font-size": f"{style.points(LABEL_POINTS):.1f}pt", "color": style.foreground})
        else:
            axis.showLabel(False)
    plot.getAxis("left").setWidth(int(style.points(50)))


def _plot_widget() -> pg.PlotWidget:
    widget = pg.PlotWidget()
    widget.setMenuEnabled(False)
    plot = widget.getPlotItem()
    plot.hideButtons()
    # The title spans the axis and the data columns: over the data's column alone, a long title widened the plot
    # past its widget and cut off its right side.
    plot.layout.removeItem(plot.titleLabel)
    plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)
    return widget


# ----- pages: one per claim -----------------------------------------------------------------------------------------
class _Page(QWidget):
    """A claim's plots or table; ``show_data`` draws a result's data, ``restyle`` redraws at a new style."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_ = PlotStyle()
        self.data: Any = None

    def show_data(self, data: Any) -> None:
        self.data = data
        self.draw()

    def restyle(self, style: PlotStyle) -> None:
        self.style_ = style
        self.draw()

    def set_compact(self, compact: bool) -> None:
        """Arrange for a short, wide space (evidence above) or a tall one (evidence beside)."""

    def draw(self) -> None:
        raise NotImplementedError


def _place(layout: QGridLayout, widgets: Sequence[QWidget], one_row: bool, first_row: int = 0) -> None:
    """All ``widgets`` in one row, or the first across the top and the others in a row under it."""
    for widget in widgets:
        layout.removeWidget(widget)
    for index, widget in enumerate(widgets):
        if one_row:
            layout.addWidget(widget, first_row, index)
        elif index == 0:
            layout.addWidget(widget, first_row, 0, 1, len(widgets) - 1)
        else:
            layout.addWidget(widget, first_row + 1, index - 1)
    for row in range(first_row, first_row + 2):
        layout.setRowStretch(row, 1 if row == first_row or not one_row else 0)


class InitPage(_Page):
    """Histograms of both layers' default weights: the equal-fan_in case on top, the unequal ones below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots = [_plot_widget() for _ in range(3)]
        self.legend = QLabel()  # above the plots: a legend inside one would cover a histogram
        self.legend.setObjectName("init-legend")
        self.legend.setWordWrap(True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.addWidget(self.legend, 0, 0, 1, 3)
        self.compact = False
        _place(self.grid, self.plots, one_row=False, first_row=1)

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        _place(self.grid, self.plots, one_row=compact, first_row=1)
        self.draw()

    def draw(self) -> None:
        data = self.data
        self.legend.setFont(self.style_.font(LEGEND_POINTS))
        labels = (("linear", tr("Claims panel", "Linear weights")), ("conv", tr("Claims panel", "conv weights")))
        self.legend.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f"<span style='color:{impl_color(name)}'>■</span> {html.escape(label)}" for name, label in labels
            )
            + "&nbsp;&nbsp;&nbsp;"
            + html.escape(tr("Claims panel", "dashed: ±1/√fan_in"))
        )
        if not isinstance(data, InitEvidence):
            return
        for widget, case in zip(self.plots, data.cases, strict=False):
            widget.setBackground(self.style_.background)
            self._draw_case(widget.getPlotItem(), case)

    def _draw_case(self, plot: pg.PlotItem, case: InitCase) -> None:
        r = case.report
        plot.clear()
        edges = np.asarray(r.bin_edges)
        top = max(max(r.linear_density), max(r.conv_density))
        if r.linear_fan_in == r.conv_fan_in:
            head = tr("Claims panel", "equal fan_in {fan_in}:").format(fan_in=r.conv_fan_in)
            tail = tr("Claims panel", "±{bound:.3g} both, KS p = {p:.2f}").format(bound=r.conv_bound, p=r.ks_pvalue)
        else:
            head = tr("Claims panel", "depthwise:") if "groups" in case.conv else tr("Claims panel", "Toeplitz Linear:")
            tail = tr("Claims panel", "±{linear:.3g} vs conv ±{conv:.3g}").format(
                linear=r.linear_bound, conv=r.conv_bound
            )
        two_lines = self.compact or r.linear_fan_in != r.conv_fan_in  # the unequal cases share a row: half the width
        title = f"{head}\n{tail}" if two_lines else f"{head} {tail}"
        _style_plot(plot, self.style_, title, tr("Claims panel", "weight value"), "")
        for name, density, bound in (
            ("linear", r.linear_density, r.linear_bound),
            ("conv", r.conv_density, r.conv_bound),
        ):
            colour = impl_color(name)
            plot.plot(
                edges,
                density,
                stepMode="center",
                fillLevel=0,
                pen=pg.mkPen(colour, width=3 if name == "linear" else 2),
                brush=pg.mkBrush(colour + "40"),
            )
            for sign in (-1, 1):
                plot.addItem(
                    pg.InfiniteLine(sign * bound, angle=90, pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine))
                )
        plot.setYRange(0, top * 1.1, padding=0)
        plot.setXRange(edges[0], edges[-1], padding=0.04)


@dataclass(frozen=True)
class _Series:
    """One implementation's bars: values, whisker ends and the label printed above each bar (NaN: no bar)."""

    name: str
    values: list[float]
    lows: list[float]
    highs: list[float]
    labels: list[str]


def _grouped_bars(
    plot: pg.PlotItem,
    groups: Sequence[str],
    series: Sequence[_Series],
    style: PlotStyle,
    log: bool,
    base: float | None = None,
    suffix: str = "",
) -> None:
    """Bars per group (x) and series (colour), with whiskers from ``lows`` to ``highs`` and a label above each.

    ``log`` draws log10 values on a log axis; bars start at ``base`` (e.g. 1 for ratios: a bar below it means
    faster) or, without one, at the axis bottom. ``suffix`` follows each tick label (e.g. ``×``).
    """
    plot.clear()
    if plot.legend is not None and plot.legend.scene() is not None:
        plot.legend.scene().removeItem(plot.legend)
        plot.legend = None
    finite = [v for s in series for v in (*s.values, *s.lows, *s.highs) if math.isfinite(v) and (v > 0 or not log)]
    if base is not None:
        finite.append(base)

    def y(value: float) -> float:
        return math.log10(max(value, 1e-300)) if log else value

    lo = min((y(v) for v in finite), default=0.0)
    hi = max((y(v) for v in finite), default=1.0)
    if not log:
        lo = min(lo, 0.0)
    span = max(hi - lo, 1e-9)
    below = base is not None and any(v < base for s in series for v in s.values if math.isfinite(v))
    bottom = lo - ((0.25 if below else 0.08) * span if log else 0.0)  # room for labels under bars below base
    start = y(base) if base is not None else bottom
    count = max(len(series), 1)
    for index, bars in enumerate(series):
        offset = (index - (count - 1) / 2) * BAR_WIDTH
        keep = [i for i, v in enumerate(bars.values) if math.isfinite(v) and (v > 0 or not log)]
        if not keep:
            continue
        xs = [i + offset for i in keep]
        tops = [y(bars.values[i]) for i in keep]
        lows = [y(bars.lows[i]) if math.isfinite(bars.lows[i]) else y(bars.values[i]) for i in keep]
        highs = [y(bars.highs[i]) if math.isfinite(bars.highs[i]) else y(bars.values[i]) for i in keep]
        colour = impl_color(bars.name)
        plot.addItem(
            pg.BarGraphItem(
                x=xs,
                y0=[start] * len(keep),
                y1=tops,
                width=BAR_WIDTH * 0.92,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(style.foreground, width=1),
            )
        )
        plot.addItem(
            pg.ErrorBarItem(
                x=np.array(xs),
                y=np.array(tops),
                top=np.array(highs) - np.array(tops),
                bottom=np.array(tops) - np.array(lows),
                beam=BAR_WIDTH * 0.4,
                pen=pg.mkPen(style.foreground, width=2),
            )
        )
        for x, i, top, low, high in zip(xs, keep, tops, lows, highs, strict=True):
            if not bars.labels[i]:
                continue
            down = top < start  # a bar below its base (a ratio under 1): the label goes under it
            text = pg.TextItem(bars.labels[i], color=style.foreground, anchor=(0.5, 0.0 if down else 1.0))
            text.setFont(style.font(TICK_POINTS))
            text.setPos(x, min(top, low) if down else max(top, high, start))
            plot.addItem(text)
    plot.getAxis("bottom").setTicks([[(float(g), text) for g, text in enumerate(groups)]])
    lines = max((text.count("\n") + 1 for text in groups), default=1)
    plot.getAxis("bottom").setHeight(int(style.points(TICK_POINTS) * 1.5 * lines + 12))
    plot.setXRange(-0.6, len(groups) - 0.4, padding=0)
    top = hi + 0.18 * span + (0.1 if log else 0.0)  # room for the labels above the bars
    plot.getAxis("left").setTicks([_log_ticks(bottom, top, suffix), []] if log else None)
    plot.setYRange(bottom, top, padding=0)


def _log_ticks(low: float, high: float, suffix: str) -> list[tuple[float, str]]:
    """Ticks at 1, 2, 5 x 10^k between log10 positions ``low`` and ``high`` (only 1 x 10^k over more than a
    decade: labels must not crowd a short plot)."""
    mantissas = (1, 2, 5) if high - low <= 1.2 else (1,)
    ticks = []
    for exponent in range(math.floor(low), math.ceil(high) + 1):
        for mantissa in mantissas:
            value = mantissa * 10.0**exponent
            if low <= math.log10(value) <= high:
                ticks.append((math.log10(value), f"{value:g}{suffix}"))
    return ticks


def _quartiles_ms(record: BenchRecord) -> tuple[float, float]:
    """First and third quartiles of the per-run times in ms (from the record's quartiles when it has them, else
    median ± IQR/2, kept above zero for the log axis)."""
    q1, q3 = getattr(record, "q1_s", None), getattr(record, "q3_s", None)
    if isinstance(q1, float) and isinstance(q3, float) and q1 > 0:
        return q1 * 1e3, q3 * 1e3
    median, half = record.median_s * 1e3, record.iqr_s * 1e3 / 2
    return max(median - half, median * 1e-3), median + half


class SpeedPage(_Page):
    """Time per call (bars from 0, IQR whiskers), conv / Linear ratio (bars from 1 on a log axis, 95% CI, the 10x
    line) and page faults per call."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_plot, self.ratio_plot, self.fault_plot = _plot_widget(), _plot_widget(), _plot_widget()
        self.empty = QLabel(tr("Claims panel", "Not measured yet: press Run (about 10 s)."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.legend = QLabel()  # one legend for the three plots, above them: never over a bar
        self.legend.setObjectName("speed-legend")
        self.legend.setWordWrap(True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.addWidget(self.empty, 0, 0, 1, 3)
        self.grid.addWidget(self.legend, 0, 0, 1, 3)
        self.groups: list[str] = []
        self.set_compact(False)

        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """Compact: time and ratio side by side, the page faults per call in the legend line (three plots in a
        row would not be readable); otherwise time across the top, ratio and faults under it."""
        self.compact = compact
        plots = (self.time_plot, self.ratio_plot) if compact else (self.time_plot, self.ratio_plot, self.fault_plot)
        self.grid.removeWidget(self.fault_plot)
        self.fault_plot.setVisible(not compact and isinstance(self.data, SpeedEvidence))
        _place(self.grid, plots, one_row=compact, first_row=1)
        if self.data is not None:
            self.draw()

    def _columns(self, data: SpeedEvidence) -> list[tuple[str, str, int]]:
        """(group label, condition key, threads) per x position: fresh first, then warm per thread count."""
        columns: list[tuple[str, str, int]] = []
        for condition in data.conditions:
            counts = sorted({r.threads for r in condition.records})
            for threads in counts:
                count = (
                    tr("Claims panel", "{count} threads") if threads > 1 else tr("Claims panel", "{count} thread")
                ).format(count=threads)
                columns.append((f"{condition_name(condition.key)}\n{count}", condition.key, threads))
        return columns

    def _legend_entry(self, data: SpeedEvidence, impl: str, columns: list[tuple[str, str, int]]) -> str:
        entry = f"<span style='color:{impl_color(impl)}'>■</span> {html.escape(IMPL_LABELS.get(impl, impl))}"
        if self.compact:  # the faults plot is hidden: its numbers go here
            counts = [(key, r.page_faults) for _, key, t in columns if (r := self._record(data, impl, key, t))]
            faults = " / ".join(dict.fromkeys(f"{c:,.0f} {condition_name(key)}" for key, c in counts))
            if faults:
                entry += " <small>" + html.escape(tr("Claims panel", "({faults} faults/call)").format(faults=faults))
                entry += "</small>"
        return entry

    @staticmethod
    def _record(data: SpeedEvidence, impl: str, key: str, threads: int) -> BenchRecord | None:
        condition = data.condition(key)
        return condition.record(impl, threads) if condition else None

    def draw(self) -> None:
        data = self.data
        self.empty.setVisible(not isinstance(data, SpeedEvidence))
        self.legend.setVisible(isinstance(data, SpeedEvidence))
        self.empty.setFont(self.style_.font(LABEL_POINTS))
        for widget in (self.time_plot, self.ratio_plot, self.fault_plot):
            widget.setBackground(self.style_.background)
            widget.setVisible(isinstance(data, SpeedEvidence) and not (self.compact and widget is self.fault_plot))
        if not isinstance(data, SpeedEvidence):
            return
        columns = self._columns(data)
        self.groups = [label for label, _, _ in columns]
        impls = list(dict.fromkeys(r.impl for c in data.conditions for r in c.records))
        self.legend.setFont(self.style_.font(LEGEND_POINTS))
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(self._legend_entry(data, impl, columns) for impl in impls))
        self.legend.setToolTip("\n".join(f"{condition_name(c.key)}: {c.label}" for c in data.conditions))
        times: list[_Series] = []
        faults: list[_Series] = []
        ratios: list[_Series] = []
        for impl in impls:
            found = [self._record(data, impl, key, threads) for _, key, threads in columns]
            medians = [r.median_s * 1e3 if r else math.nan for r in found]
            quartiles = [_quartiles_ms(r) if r else (math.nan, math.nan) for r in found]
            times.append(
                _Series(
                    impl,
                    medians,
                    [q1 for q1, _ in quartiles],
                    [q3 for _, q3 in quartiles],
                    [f"{m:.3g}" if math.isfinite(m) else "" for m in medians],
                )
            )
            counts = [r.page_faults if r else math.nan for r in found]
            faults.append(
                _Series(impl, counts, counts, counts, [f"{c:,.0f}" if math.isfinite(c) else "" for c in counts])
            )
            if impl != "linear":
                ratios.append(
                    _Series(
                        impl,
                        [r.ratio_to_linear if r else math.nan for r in found],
                        [r.ratio_low if r else math.nan for r in found],
                        [r.ratio_high if r else math.nan for r in found],
                        [f"{r.ratio_to_linear:.1f}×" if r else "" for r in found],
                    )
                )
        style = self.style_
        plot = self.time_plot.getPlotItem()
        if self.compact:  # bars too narrow for their numbers: those are in the evidence
            times = [dataclasses.replace(t, labels=[""] * len(t.labels)) for t in times]
        # A linear axis from 0: a bar's length is the time (on a log axis a bar from an arbitrary floor is not).
        _grouped_bars(plot, self.groups, times, style, log=False)
        _style_plot(plot, style, tr("Claims panel", "ms per call (IQR)"), "", "")
        plot = self.ratio_plot.getPlotItem()
        _grouped_bars(plot, self.groups, ratios, style, log=True, base=1.0, suffix="×")
        plot.addItem(
            pg.InfiniteLine(
                1.0, angle=0, pen=pg.mkPen(ORDER_COLOUR, width=2, style=Qt.PenStyle.DashLine)
            )  # 10x, on the log axis: log10(10) = 1
        )
        _style_plot(plot, style, "conv ÷ Linear", "", "")
        plot = self.fault_plot.getPlotItem()
        _grouped_bars(plot, self.groups, faults, style, log=False)
        _style_plot(plot, style, tr("Claims panel", "page faults/call"), "", "")


class StridePage(_Page):
    """Which input positions a stride-2 1×1 conv reads, on an odd and an even input."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # 0/1 needs no colour bar: the read-out says what the colours mean.
        self.maps = [
            Heatmap("", tr("Claims panel", "input column"), tr("Claims panel", "input row"), colorbar=False)
            for _ in range(2)
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for heatmap in self.maps:
            layout.addWidget(heatmap)

    def draw(self) -> None:
        data = self.data
        if not isinstance(data, StrideEvidence):
            return
        for heatmap, case in zip(self.maps, data.cases, strict=False):
            heatmap.restyle(self.style_)
            heatmap.set_data(case.used.astype(float), levels=(-1.0, 1.0))
            h, w = case.input_size
            _set_heatmap_title(
                heatmap,
                tr("Claims panel", "{input} → {output}: {used} of {total} read").format(
                    input=f"{h}×{w}",
                    output=f"{case.output_size[0]}×{case.output_size[1]}",
                    used=case.used_count,
                    total=case.total,
                ),
            )
            heatmap.set_readout(tr("Claims panel", "1 (red) = read by the conv, 0 = never read"))


def _set_heatmap_title(heatmap: Heatmap, title: str) -> None:
    """The heatmap's title, through its own API when it has one (it then keeps it across restyles)."""
    setter = getattr(heatmap, "set_title", None)
    if setter is not None:
        setter(title)
    else:
        size = f"{heatmap_title_points(heatmap):.1f}pt"
        heatmap.plot.setTitle(html.escape(title), size=size)


def heatmap_title_points(heatmap: Heatmap) -> float:
    style = getattr(heatmap, "plot_style", None)
    return style.points(TITLE_POINTS) if isinstance(style, PlotStyle) else TITLE_POINTS


class FactorPage(_Page):
    """Sobel and the pair's kernel, the Laplacian, its best rank-1 pair and their difference, and the bias leak."""

    TITLES = (  # shown with tr("Claims panel", title)
        tr_noop("Claims panel", "Sobel (target)"),
        tr_noop("Claims panel", "the pair's kernel"),
        tr_noop("Claims panel", "Laplacian (target)"),
        tr_noop("Claims panel", "best pair (rank 1)"),
        tr_noop("Claims panel", "Laplacian − pair"),
        tr_noop("Claims panel", "bias leak"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maps = [
            Heatmap(tr("Claims panel", title), tr("Claims panel", "column"), tr("Claims panel", "row"))
            for title in self.TITLES
        ]
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """Six in one row when the space is short (a projector's large type), else two rows of three: two rows in
        the height left under a presentation caption squash every map to a line."""
        columns = len(self.maps) if compact else 3
        for heatmap in self.maps:
            self.grid.removeWidget(heatmap)
        for index, heatmap in enumerate(self.maps):
            self.grid.addWidget(heatmap, index // columns, index % columns)
        for row in range(2):
            self.grid.setRowStretch(row, 1 if row == 0 or not compact else 0)

    def draw(self) -> None:
        data = self.data
        if not isinstance(data, FactorEvidence):
            return
        arrays = (
            data.sobel_target,
            data.sobel_effective,
            data.laplacian,
            data.best_rank1,
            data.laplacian - data.best_rank1,
            data.leak_difference,
        )
        readouts = (
            tr("Claims panel", "[1,2,1]ᵀ [−1,0,1]: rank 1"),
            tr("Claims panel", "1×3 then 3×1 composed: max error {error:.2g}").format(error=data.sobel_error),
            tr("Claims panel", "singular values {values}").format(
                values=", ".join(f"{s:.2f}" for s in data.singular_values)
            ),
            tr("Claims panel", "error {error:.3f} = √(s₂²+s₃²)").format(error=data.best_error),
            tr("Claims panel", "{percent:.0f}% of the Laplacian's norm").format(percent=100 * data.relative_error),
            tr("Claims panel", "pair − best 3×3: non-zero on rows {rows} only, max {max:.3f}").format(
                rows=", ".join(str(r) for r in data.leak_rows), max=data.leak_max
            ),
        )
        shared = max(float(np.abs(a).max()) for a in arrays[:5])
        for index, (heatmap, values, readout) in enumerate(zip(self.maps, arrays, readouts, strict=True)):
            heatmap.restyle(self.style_)
            bound = shared if index < 5 else float(np.abs(values).max()) or 1.0
            # Two decimals in the cells: four digits do not fit a small cell and would hide every number.
            heatmap.set_data(values, levels=(-bound, bound), numbers=np.round(values, 2))
            _set_heatmap_title(heatmap, tr("Claims panel", self.TITLES[index]))
            heatmap.set_readout(readout)


class ParamsPage(_Page):
    """The table: each layer, the claim's count, the general formula with its numbers, the module's own count."""

    @staticmethod
    def headers() -> tuple[str, ...]:
        """The table's column headers, in the interface language (formulas and code as written)."""
        return (
            tr("Claims panel", "layer"),
            tr("Claims panel", "claim:\n{formula}").format(formula=CLAIMED),
            GENERAL.replace(" + ", "\n+ "),
            tr("Claims panel", "module:\n{code}").format(code="sum(p.numel())"),
        )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = self.headers()
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def draw(self) -> None:
        font = self.style_.font(TABLE_POINTS)
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(self.style_.font(TABLE_POINTS, bold=True))
        data = self.data
        if not isinstance(data, ParamsEvidence):
            return
        self.table.setRowCount(len(data.rows))
        for row, item in enumerate(data.rows):
            mark = tr("Claims panel", "✓ right") if item.claim_holds else f"✗ {item.claimed - item.module:+,}"
            cells = (item.layer, f"{item.claimed:,} {mark}", item.general_text, f"{item.module:,}")
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 1:
                    cell.setForeground(pg.mkColor(VERDICTS["true" if item.claim_holds else "false"].colour))
                    bold = QFont(font)
                    bold.setBold(True)
                    cell.setFont(bold)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()


PAGES: dict[str, type[_Page]] = {
    "init": InitPage,
    "speed": SpeedPage,
    "stride": StridePage,
    "factorised": FactorPage,
    "params": ParamsPage,
}


def evidence_html(text: str) -> str:
    """The evidence paragraph with its first sentence (the verdict in words) in bold (an English sentence ends at
    ". ", a Chinese one at "。")."""
    head, sep, rest = text.partition(". ")
    zh_head, zh_sep, zh_rest = text.partition("。")
    if zh_sep and zh_rest and (not sep or len(zh_head) < len(head)):
        return f"<b>{html.escape(zh_head)}。</b>{html.escape(zh_rest)}"
    if not sep:
        return html.escape(text)
    return f"<b>{html.escape(head)}.</b> {html.escape(rest)}"


# ----- the panel ----------------------------------------------------------------------------------------------------
@dataclass
class _Run:
    """One claim's run in progress."""

    worker: GeneratorWorker
    done: threading.Event
    token: CancelToken
    progress: ClaimProgress | None = None
    cancelled: bool = False


class ClaimsPanel(QWidget):
    """The claims, each tested live. ``claimFinished(name)`` fires whenever a claim's run ends (with a result,
    cancelled or failed); :attr:`results` holds the latest result of each claim."""

    claimFinished = Signal(str)
    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_style = PlotStyle()
        self.speed_options = SpeedOptions()
        self.results: dict[str, ClaimResult] = {}
        self.errors: dict[str, str] = {}  # a claim's last run failed or was cancelled: what to say
        self.cancelled: set[str] = set()  # the claims whose entry in errors says they were cancelled
        self.runs: dict[str, _Run] = {}
        self.current = CLAIMS.names[0]
        self.selector = QListWidget()
        self.selector.setObjectName("claims")
        self.selector.setAccessibleName("claims")
        self.selector.setWordWrap(True)
        self.selector.setSpacing(3)
        self.selector.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.selector.setResizeMode(QListWidget.ResizeMode.Adjust)  # items re-wrap when the width changes
        self.selector.setTextElideMode(Qt.TextElideMode.ElideNone)
        for claim in CLAIMS:
            item = QListWidgetItem(claim.shown_label())
            item.setToolTip(claim.shown_quote())
            item.setData(Qt.ItemDataRole.UserRole, claim.name)
            self.selector.addItem(item)
        self.chooser = QComboBox()  # the list's stand-in when the panel is too narrow for it (compact)
        self.chooser.setObjectName("claims-chooser")
        self.chooser.setAccessibleName("claims")
        for claim in CLAIMS:
            self.chooser.addItem(claim.shown_label(), claim.name)
        self.chooser.hide()
        self.quote = QLabel()
        self.quote.setObjectName("claim-quote")
        self.quote.setWordWrap(True)
        self.measures = QLabel()
        self.measures.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("verdict")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.run_button = QPushButton(tr("Claims panel", "&Run"))
        self.cancel_button = QPushButton(tr("Claims panel", "Cancel"))
        self.run_button.setObjectName("run-claim")
        self.cancel_button.setObjectName("cancel-claim")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.evidence = QLabel()
        self.evidence.setObjectName("evidence")
        self.evidence.setWordWrap(True)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence.setContentsMargins(4, 2, 10, 2)
        scroll = QScrollArea()
        scroll.setWidget(self.evidence)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence_scroll = scroll
        self.pages: dict[str, _Page] = {name: PAGES[name]() for name in CLAIMS.names}
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        # Until a claim has a result its plots are not drawn: empty axes would show made-up ranges.
        self.waiting = QLabel()
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.stack.addWidget(self.waiting)
        controls = QHBoxLayout()
        controls.addWidget(self.chooser)
        controls.addWidget(self.badge)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._split(self.current)
        right = QVBoxLayout()
        right.addWidget(self.quote)
        right.addWidget(self.measures)
        right.addLayout(controls)
        right.addWidget(self.status)
        right.addWidget(self.splitter, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.selector)
        layout.addLayout(right, 1)
        self.selector.currentRowChanged.connect(self._selected)
        self.chooser.currentIndexChanged.connect(self.selector.setCurrentRow)
        self.run_button.clicked.connect(lambda: self.start(self.current))
        self.cancel_button.clicked.connect(lambda: self.cancel(self.current))
        self.restyle(self.plot_style)
        self.selector.setCurrentRow(0)

    # ----- public API ---------------------------------------------------------------------------------------------
    @staticmethod
    def claim_names() -> tuple[str, ...]:
        """The claims' names, in the list's order (``core.claims.CLAIMS``)."""
        return CLAIMS.names

    def show_claim(self, name: str, run: bool = False) -> None:
        """Select claim ``name`` (a :class:`~core.errors.SpecError` names the known ones); ``run`` starts its
        measurement (again, if it has a result). A cheap claim not tested yet starts on its own once visible."""
        name = CLAIMS.parse(name)
        self.selector.setCurrentRow(CLAIMS.names.index(name))
        if run:
            self.start(name)

    def show_result(self, _result: object) -> None:
        """The lab's result for the current spec: the claims test fixed cases of their own, so nothing changes (a
        panel frame may hand every panel the lab's result)."""

    def is_running(self, name: str | None = None) -> bool:
        return bool(self.runs) if name is None else name in self.runs

    def start(self, name: str) -> None:
        """Run claim ``name`` in a worker, unless it is running already."""
        if name in self.runs:
            return
        token = CancelToken()
        args: tuple[Any, ...] = (token, self.speed_options) if name == "speed" else (token,)
        worker = generator_worker(CLAIMS[name].run, *args)
        worker_ref = weakref.ref(worker)  # a slot holding the worker would keep it (and its results) alive

        def progressed(progress: ClaimProgress) -> None:
            self._progressed(name, progress)

        def returned(result: ClaimResult) -> None:
            self._returned(name, result)

        def errored(error: Exception) -> None:
            self._errored(name, error)

        def finished() -> None:
            self._finished(name, worker_ref())

        worker.yielded.connect(progressed)
        worker.returned.connect(returned)
        worker.errored.connect(errored)
        worker.finished.connect(finished)  # type: ignore[arg-type]  # superqt's stub wants an argument
        self.runs[name] = _Run(worker, done_event(worker), token)
        self.errors.pop(name, None)
        self.cancelled.discard(name)
        self._show(name)
        worker.start()

    def cancel(self, name: str | None = None) -> None:
        """Cancel claim ``name``'s run (every run if None): benchmark worker processes are killed at once; what a
        claim showed before stays."""
        for claim, run in list(self.runs.items()):
            if name is None or claim == name:
                run.cancelled = True
                run.worker.quit()
                run.token.cancel()
        if name is None or name == self.current:
            self._show(self.current)

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel every run; returns once their workers have ended, or after ``timeout`` seconds in all."""
        runs = list(self.runs.values())
        self.cancel()
        for run in runs:
            stop_and_wait(run.worker, run.done, timeout)

    def restyle(self, style: PlotStyle) -> None:
        """Fonts scaled by ``style.font_scale``, plots in ``style``'s colours."""
        self.plot_style = style
        self.selector.setFont(style.font(LIST_POINTS))
        self.chooser.setFont(style.font(LIST_POINTS))
        # A combo box under an application style sheet draws in the sheet's font unless its own sheet says otherwise.
        self.chooser.setStyleSheet(f"QComboBox {{ font-size: {style.points(LIST_POINTS):.1f}pt; }}")
        quote = style.font(QUOTE_POINTS)
        quote.setItalic(current_language() == "en")  # slanted Chinese characters only look distorted
        self.quote.setFont(quote)
        self.measures.setFont(style.font(STATUS_POINTS))
        self.badge.setFont(style.font(BADGE_POINTS, bold=True))
        self.badge.setMinimumWidth(int(style.points(150)))
        self.evidence.setFont(style.font(EVIDENCE_POINTS))
        self.status.setFont(style.font(STATUS_POINTS))
        self._arrange()
        for page in self.pages.values():
            page.restyle(style)

    @property
    def compact(self) -> bool:
        """Too narrow for list, evidence and plots side by side at this font scale (presentation mode, or docks
        beside the panel): the evidence then goes above the plots."""
        return self.width() < self.plot_style.points(COMPACT_BELOW)

    def _arrange(self) -> None:
        """Side by side when wide enough, evidence above the plots when not; the list narrower when compact."""
        style, compact = self.plot_style, self.compact
        self.selector.setFixedWidth(int(style.points(230)))
        self.selector.setVisible(not compact)
        self.chooser.setVisible(compact)
        self.quote.setVisible(not compact)  # compact (a projector's large type): the chooser names the claim
        self.measures.setVisible(not compact)  # also the list's tooltips
        orientation = Qt.Orientation.Vertical if compact else Qt.Orientation.Horizontal
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
        if compact:
            self.evidence_scroll.setMinimumWidth(0)
            self.evidence_scroll.setMinimumHeight(int(style.points(70)))
        else:
            self.evidence_scroll.setMinimumHeight(0)
            self.evidence_scroll.setMinimumWidth(int(style.points(EVIDENCE_MIN_WIDTH)))
        for page in self.pages.values():
            page.set_compact(compact)
        self._split(self.current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.compact != (self.splitter.orientation() == Qt.Orientation.Vertical):
            self._arrange()

    # ----- worker slots -------------------------------------------------------------------------------------------
    def _progressed(self, name: str, progress: ClaimProgress) -> None:
        run = self.runs.get(name)
        if run is not None:
            run.progress = progress
        if name == self.current:
            self._show_progress(name)

    def _returned(self, name: str, result: ClaimResult | None) -> None:
        if isinstance(result, ClaimResult):
            self.results[name] = result
            self.pages[name].show_data(result.data)

    def _errored(self, name: str, error: Exception) -> None:
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, ClaimCancelled):
            return  # said by _finished
        self.errors[name] = str(error)
        self.cancelled.discard(name)

    def _finished(self, name: str, worker: GeneratorWorker | None) -> None:
        run = self.runs.get(name)
        if run is None or worker is None or run.worker is not worker:
            return
        del self.runs[name]
        if run.cancelled and name not in self.errors:
            self.errors[name] = (
                tr("Claims panel", "cancelled: the result shown is from the previous run")
                if name in self.results
                else tr("Claims panel", "cancelled")
            )
            self.cancelled.add(name)
        if name == self.current:
            self._show(name)
        self.claimFinished.emit(name)

    # ----- drawing ------------------------------------------------------------------------------------------------
    def _selected(self, row: int) -> None:
        if not 0 <= row < len(CLAIMS):
            return
        name = CLAIMS.names[row]
        self.current = name
        if self.chooser.currentIndex() != row:
            self.chooser.setCurrentIndex(row)
        self._split(name)
        self._show(name)
        self._start_if_cheap(name)

    def _split(self, name: str) -> None:
        evidence, plots = (1, 3) if self.compact else SPLIT.get(name, (2, 3))
        total = max(sum(self.splitter.sizes()), 1000)
        self.splitter.setSizes([total * evidence // (evidence + plots), total * plots // (evidence + plots)])

    def _start_if_cheap(self, name: str) -> None:
        """A cheap claim not yet tested runs as soon as it can be seen (never while the panel is hidden)."""
        claim_waits = name not in self.results and name not in self.runs and name not in self.errors
        if self.isVisible() and CLAIMS[name].cheap and claim_waits:
            self.start(name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start_if_cheap(self.current)

    def _set_badge(self, text: str, colour: str, tip: str) -> None:
        self.badge.setText(text)
        self.badge.setToolTip(tip)
        self.badge.setAccessibleName(tr("Claims panel", "verdict: {verdict}").format(verdict=text))
        pad = int(self.plot_style.points(5))
        self.badge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 6px; padding: {pad}px {2 * pad}px; }}"
        )

    def _show(self, name: str) -> None:
        claim = CLAIMS[name]
        quote = tr("Claims panel", "“{quote}”").format(quote=claim.shown_quote())
        self.quote.setText(quote)
        self.chooser.setToolTip(quote)
        self.measures.setText(
            tr("Claims panel", "Tested: {description}.").format(description=claim.shown_description())
        )
        result, run, error = self.results.get(name), self.runs.get(name), self.errors.get(name)
        if run is not None:
            busy = tr("Claims panel", "MEASURING…") if not claim.cheap else tr("Claims panel", "COMPUTING…")
            self._set_badge(busy, NEUTRAL, tr("Claims panel", "a run is in progress"))
        elif result is not None:
            verdict = VERDICTS[result.verdict]
            self._set_badge(verdict_label(result.verdict), verdict.colour, verdict_description(result.verdict))
        elif error is not None and name in self.cancelled:
            self._set_badge(tr("Claims panel", "CANCELLED"), NEUTRAL, tr("Claims panel", "the run was cancelled"))
        elif error is not None:
            self._set_badge(tr("Claims panel", "ERROR"), ERROR, error)
        else:
            self._set_badge(tr("Claims panel", "NOT RUN"), NEUTRAL, tr("Claims panel", "press Run to test the claim"))
        if result is not None:
            self.evidence.setText(evidence_html(result.evidence))
        elif run is not None:
            self.evidence.setText(tr("Claims panel", "Testing the claim…"))
        elif claim.cheap:
            self.evidence.setText(tr("Claims panel", "Not tested yet: press Run (a second)."))
        else:
            self.evidence.setText(tr("Claims panel", "Not tested yet: press Run (about 10 s, timed live)."))
        self.run_button.setEnabled(run is None)
        self.run_button.setText(tr("Claims panel", "&Run again") if result is not None else tr("Claims panel", "&Run"))
        self.cancel_button.setEnabled(run is not None)
        self._show_progress(name)
        page = self.pages[name]
        if result is not None and page.data is not result.data:
            page.show_data(result.data)
        self.waiting.setText(
            tr("Claims panel", "The plots appear when the measurement finishes.")
            if run
            else tr("Claims panel", "No measurement yet.")
        )
        self.stack.setCurrentWidget(page if page.data is not None else self.waiting)

    def _show_progress(self, name: str) -> None:
        run, error = self.runs.get(name), self.errors.get(name)
        if run is not None:
            fraction = run.progress.fraction if run.progress else 0.0
            self.progress.setValue(round(1000 * fraction))
            self.status.setText(run.progress.text if run.progress else tr("Claims panel", "starting…"))
        elif error is not None:
            self.progress.setValue(0)
            self.status.setText(
                error if name in self.cancelled else tr("Claims panel", "error: {error}").format(error=error)
            )
        else:
            self.progress.setValue(1000 if name in self.results else 0)
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        self.progress.setVisible(run is not None)  # a finished run's bar says nothing the badge does not
        self.cancel_button.setVisible(run is not None)
