"""Default-init histograms of both layers, their bounds, and the verdict in words."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.lab import LabResult
from gui.plots.palette import impl_color


class InitPanel(QWidget):
    """Shows the ``init`` stage."""

    STAGES = ("init",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setLabel("bottom", "weight value")
        self.plot.setLabel("left", "density")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.verdict)

    def show_result(self, result: LabResult) -> None:
        init = result.init
        if init is None:
            return
        self.plot.clear()
        self.plot.addLegend(offset=(10, 10))
        edges = np.asarray(init.bin_edges)
        for name, density, colour in (
            ("Linear", init.linear_density, impl_color("linear")),
            ("conv", init.conv_density, impl_color("conv")),
        ):
            self.plot.plot(
                edges,
                density,
                stepMode="center",
                fillLevel=0,
                pen=pg.mkPen(colour, width=2.5),
                brush=pg.mkBrush(colour + "40"),
                name=f"{name} weights",
            )
        for bound, colour in ((init.linear_bound, impl_color("linear")), (init.conv_bound, impl_color("conv"))):
            for sign in (-1, 1):
                self.plot.addItem(
                    pg.InfiniteLine(
                        sign * bound, angle=90, pen=pg.mkPen(colour, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
                    )
                )
        self.summary.setText(
            f"Linear: fan_in {init.linear_fan_in}, bound 1/√fan_in = {init.linear_bound:.4g}, weight std "
            f"{init.linear_weight_std:.4g}, output std {init.linear_output_std:.3f}   ·   "
            f"conv: fan_in {init.conv_fan_in}, bound {init.conv_bound:.4g}, weight std {init.conv_weight_std:.4g}, "
            f"output std {init.conv_output_std:.3f}   ·   KS D = {init.ks_statistic:.4f} (p = {init.ks_pvalue:.3g}), "
            f"{init.draws} re-initialisations"
        )
        self.verdict.setText(init.verdict)
