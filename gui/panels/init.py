"""Default-init histograms of both layers, their bounds, and the verdict in words."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.i18n import tr
from core.lab import LabResult
from gui.plots.palette import impl_color
from gui.theme import PlotStyle

# Base sizes in points at font scale 1, as the heatmaps use.
LEGEND_POINTS, LABEL_POINTS, TICK_POINTS = 12.0, 12.0, 11.0
SERIES = (("Linear", "linear"), ("conv", "conv"))


def legend_html(foreground: str) -> str:
    """The legend, for the plot's title row (above the data, so it never covers a bar)."""
    entries = [
        f"<span style='color:{impl_color(key)}'>■</span> "
        + html.escape(tr("Init panel", "{name} weights").format(name=name))
        for name, key in SERIES
    ]
    entries.append(f"<span style='color:{foreground}'>╎</span> ±1/√fan_in")
    return "&nbsp;&nbsp;&nbsp;".join(entries)


class InitPanel(QWidget):
    """Shows the ``init`` stage."""

    STAGES = ("init",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_style = PlotStyle()
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        # The legend is the title row, spanning the axis and the data: it never covers a bar, and a long one
        # does not widen the plot past its widget.
        self.plot.layout.removeItem(self.plot.titleLabel)
        self.plot.layout.addItem(self.plot.titleLabel, 0, 0, 1, 3)
        for side in ("left", "bottom"):
            # Real weight values on the ticks (0.02, -0.04), never pyqtgraph's "(x0.001)".
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.verdict)
        self.restyle(self.plot_style)

    def restyle(self, style: PlotStyle) -> None:
        """Follow the theme and font scale: background, axes, tick labels and the legend title."""
        self.plot_style = style
        self.plot_widget.setBackground(style.background)
        tick_font = style.font(TICK_POINTS)
        size = f"{style.points(LABEL_POINTS):.1f}pt"
        for side, text in (("bottom", tr("Init panel", "weight value")), ("left", tr("Init panel", "density"))):
            axis = self.plot.getAxis(side)
            axis.setPen(style.foreground)
            axis.setTextPen(style.foreground)
            axis.setStyle(tickFont=tick_font)
            axis.setLabel(text, color=style.foreground, **{"font-size": size})
        self.plot.setTitle(
            legend_html(style.foreground), color=style.foreground, size=f"{style.points(LEGEND_POINTS):.1f}pt"
        )

    def show_result(self, result: LabResult) -> None:
        init = result.init
        if init is None:
            return
        self.plot.clear()
        edges = np.asarray(init.bin_edges)
        for density, key in ((init.linear_density, "linear"), (init.conv_density, "conv")):
            colour = impl_color(key)
            self.plot.plot(
                edges,
                density,
                stepMode="center",
                fillLevel=0,
                pen=pg.mkPen(colour, width=2.5),
                brush=pg.mkBrush(colour + "40"),
            )
        for bound, key in ((init.linear_bound, "linear"), (init.conv_bound, "conv")):
            for sign in (-1, 1):
                pen = pg.mkPen(impl_color(key), width=1.5, style=Qt.PenStyle.DashLine)
                self.plot.addItem(pg.InfiniteLine(sign * bound, angle=90, pen=pen))
        self.summary.setText(
            tr(
                "Init panel",
                "Linear: fan_in {linear_fan_in}, bound 1/√fan_in = {linear_bound:.4g}, weight std "
                "{linear_weight_std:.4g}, output std {linear_output_std:.3f}   ·   "
                "conv: fan_in {conv_fan_in}, bound {conv_bound:.4g}, weight std {conv_weight_std:.4g}, "
                "output std {conv_output_std:.3f}   ·   KS D = {ks_statistic:.4f} (p = {ks_pvalue:.3g}), "
                "{draws} re-initialisations",
            ).format(
                linear_fan_in=init.linear_fan_in,
                linear_bound=init.linear_bound,
                linear_weight_std=init.linear_weight_std,
                linear_output_std=init.linear_output_std,
                conv_fan_in=init.conv_fan_in,
                conv_bound=init.conv_bound,
                conv_weight_std=init.conv_weight_std,
                conv_output_std=init.conv_output_std,
                ks_statistic=init.ks_statistic,
                ks_pvalue=init.ks_pvalue,
                draws=init.draws,
            )
        )
        self.verdict.setText(init.verdict)
