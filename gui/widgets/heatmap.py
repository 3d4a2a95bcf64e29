"""A heatmap with a diverging colour bar centred on 0, labelled axes, hover read-out and cell highlights."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.theme import PlotStyle

DIVERGING = "CET-D1A"
HIGHLIGHT = "#ffb000"
MAX_HIGHLIGHTS = 4000


class Heatmap(QWidget):
    """Shows a 2-D array (row-major, row 0 at the top). Emits ``hovered(row, col)`` (-1, -1 when leaving)."""

    hovered = Signal(int, int)

    def __init__(
        self, title: str, x_label: str, y_label: str, parent: QWidget | None = None, colorbar: bool = True
    ) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.plot = self.view.addPlot(title=title)
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.plot.setLabel("bottom", x_label)
        self.plot.setLabel("left", y_label)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=pg.colormap.get(DIVERGING), interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot if colorbar else None)
        self.marks = pg.ScatterPlotItem(symbol="s", brush=None, pen=pg.mkPen(HIGHLIGHT, width=2.5), pxMode=False)
        self.plot.addItem(self.marks)
        self.readout = QLabel(" ")
        self.readout.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        self._shape = (0, 0)
        self._scale = 1
        self._last = (-1, -1)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    @property
    def shape(self) -> tuple[int, ...]:
        """Shape of the array shown (a block-reduced matrix counts its blocks)."""
        return self._shape

    def set_data(
        self, values: np.ndarray, levels: tuple[float, float] | None = None, cmap: str = DIVERGING, scale: int = 1
    ) -> None:
        """Show ``values``; a diverging map is centred on 0 unless ``levels`` are given. ``scale`` > 1 draws a
        block-reduced matrix at its original size (each cell covers ``scale`` x ``scale`` entries)."""
        values = np.asarray(values, dtype=float)
        self._shape = values.shape
        self._scale = scale
        if levels is None:
            bound = float(np.nanmax(np.abs(values))) if values.size else 1.0
            levels = (-(bound or 1.0), bound or 1.0)
        self.colorbar.setColorMap(pg.colormap.get(cmap))
        self.image.setImage(values, autoLevels=False)
        self.colorbar.setLevels(levels)
        self.image.setRect(0, 0, values.shape[1] * scale, values.shape[0] * scale)
        self._cell_ticks(values.shape, scale)
        self.plot.setRange(xRange=(0, values.shape[1] * scale), yRange=(0, values.shape[0] * scale), padding=0.02)
        self.marks.clear()

    def _cell_ticks(self, shape: tuple[int, ...], scale: int) -> None:
        """Small grids get one integer tick per cell, at the cell's centre; big ones pyqtgraph's ticks."""
        for axis, count in (("left", shape[0]), ("bottom", shape[1])):
            ticks = [[((i + 0.5) * scale, str(i * scale)) for i in range(count)]] if count * scale <= 16 else None
            self.plot.getAxis(axis).setTicks(ticks)

    def restyle(self, style: PlotStyle) -> None:
        """Follow the theme: background, axes, title and read-out colours."""
        self.view.setBackground(style.background)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setPen(style.foreground)
            self.plot.getAxis(side).setTextPen(style.foreground)
        self.plot.titleLabel.setText(self.plot.titleLabel.text, color=style.foreground)

    def set_colormap(self, colormap: pg.ColorMap, levels: tuple[float, float]) -> None:
        self.colorbar.setColorMap(colormap)
        self.colorbar.setLevels(levels)

    def highlight(self, cells: list[tuple[int, int]] | np.ndarray) -> None:
        """Outline the given (row, col) cells (at most a few thousand)."""
        cells = np.asarray(cells, dtype=float).reshape(-1, 2)[:MAX_HIGHLIGHTS]
        if not len(cells):
            self.marks.clear()
            return
        s = self._scale
        self.marks.setData(x=(cells[:, 1] + 0.5) * s, y=(cells[:, 0] + 0.5) * s, size=0.92 * s)

    def set_readout(self, text: str) -> None:
        self.readout.setText(text or " ")

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int]:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return -1, -1
        point = self.plot.vb.mapSceneToView(scene_pos)
        row, col = int(np.floor(point.y() / self._scale)), int(np.floor(point.x() / self._scale))
        if 0 <= row < self._shape[0] and 0 <= col < self._shape[1]:
            return row, col
        return -1, -1

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        cell = self.cell_at(scene_pos)
        if cell != self._last:
            self._last = cell
            self.hovered.emit(*cell)
