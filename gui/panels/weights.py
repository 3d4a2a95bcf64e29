"""Both layers' weights as heatmaps, linked: hover a cell in one and its counterpart(s) light up in the other.

Unrolled mode shows the Toeplitz matrix (optionally coloured by the conv weight each entry shares); unfold mode
adds the patch matrix. Big matrices arrive from core already reduced by blocks.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from core.lab import ConvStage, LabResult, LinearStage
from core.registry import OKABE_ITO
from gui.widgets.heatmap import Heatmap

SOURCE_COLOURS = ("#dddddd", *OKABE_ITO[:7], "#7b3294", "#008837", "#a6611a", "#5e3c99", "#e66101")


def _source_colormap() -> pg.ColorMap:
    n = len(SOURCE_COLOURS)
    positions = np.linspace(0, 1, n)
    return pg.ColorMap(positions, [pg.mkColor(c) for c in SOURCE_COLOURS])


class WeightsPanel(QWidget):
    """Shows the ``weights`` stage."""

    STAGES = ("conv", "linear")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conv: ConvStage | None = None
        self.linear: LinearStage | None = None
        self.colour_by = QComboBox()
        self.colour_by.addItems(["value", "source conv weight"])
        self.colour_by.setToolTip("Colour the Linear matrix by value, or by which conv weight each entry shares")
        self.colour_by.currentIndexChanged.connect(self._draw_linear)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.linear_map = Heatmap("Linear.weight", "in feature", "out feature")
        self.conv_map = Heatmap("conv.weight", "cin/groups × kw", "cout × kh")
        self.kernel_lines = pg.PlotCurveItem(pen=pg.mkPen("#888888", width=1))
        self.conv_map.plot.addItem(self.kernel_lines)
        self.patch_map = Heatmap("patches (sample 0)", "output position", "cin × kh × kw")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.linear_map, self.conv_map, self.patch_map):
            splitter.addWidget(view)
        for index in range(3):
            splitter.setStretchFactor(index, 1)
        top = QHBoxLayout()
        top.addWidget(QLabel("Linear colour:"))
        top.addWidget(self.colour_by)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.linear_map.hovered.connect(self._hover_linear)
        self.conv_map.hovered.connect(self._hover_conv)

    def show_result(self, lab: LabResult) -> None:
        """Draw what has landed: the conv side first, the Linear side when its stage is in."""
        if lab.conv is not None and lab.conv is not self.conv:
            self.conv = lab.conv
            self.conv_map.set_data(lab.conv.conv_grid.values)
            self._draw_grid_lines()
            if lab.linear is None:  # the previous spec's Linear must not pass for this one's
                self.linear = None
                self.linear_map.image.clear()
                self.linear_map.plot.setTitle("Linear.weight: computing…")
                self.patch_map.image.clear()
            structure = lab.conv.structure
            self.note.setText(
                f"{100 * structure.sparsity:.1f}% structural zeros; {structure.distinct_weights} distinct weights, "
                f"each used {structure.reuse:.1f}× on average."
            )
        if lab.linear is not None and lab.linear is not self.linear:
            self.linear = result = lab.linear
            reduced = result.linear_matrix
            rows, cols = reduced.shape
            self.linear_map.plot.setTitle(f"Linear.weight {rows}×{cols}")
            if reduced.block > 1 and "blocks" not in self.note.text():
                self.note.setText(
                    self.note.text() + f" Shown in {reduced.block}×{reduced.block} blocks (largest entry of each)."
                )
            self.colour_by.setEnabled(True)
            self._draw_linear()
            self.patch_map.setVisible(result.patch_matrix is not None)
            if result.patch_matrix is not None:
                self.patch_map.set_data(result.patch_matrix)

    def _draw_grid_lines(self) -> None:
        """Lines between the kernels of the tiled conv weight, as one item (one line item each is slow)."""
        if self.conv is None:
            return
        grid = self.conv.conv_grid
        kh, kw = grid.kernel
        rows, cols = grid.cout * kh, grid.cin_per_group * kw
        xs: list[float] = []
        ys: list[float] = []
        if kh > 1:
            for r in range(kh, rows, kh):
                xs += [0, cols]
                ys += [r, r]
        if kw > 1:
            for c in range(kw, cols, kw):
                xs += [c, c]
                ys += [0, rows]
        self.kernel_lines.setData(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), connect="pairs")

    def _draw_linear(self) -> None:
        if self.linear is None:
            return
        reduced = self.linear.linear_matrix
        if self.colour_by.currentIndex() == 1:
            source = reduced.source
            palette_size = len(SOURCE_COLOURS) - 1
            values = np.where(source < 0, -1, source % palette_size).astype(float)
            self.linear_map.set_data(values, levels=(-1, palette_size - 1), scale=reduced.block)
            self.linear_map.set_colormap(_source_colormap(), (-1, palette_size - 1))
        else:
            self.linear_map.set_data(reduced.values, scale=reduced.block)

    def _hover_linear(self, row: int, col: int) -> None:
        if self.linear is None or self.conv is None or row < 0:
            self.conv_map.highlight([])
            self.linear_map.set_readout("")
            return
        grid = self.conv.conv_grid
        reduced = self.linear.linear_matrix
        r0, c0 = reduced.original_cell(row, col)
        source = int(reduced.source[row, col])
        value = reduced.values[row, col]
        where = f"Linear.weight[{r0}, {c0}]" if reduced.block == 1 else f"block at Linear.weight[{r0}, {c0}]"
        if source < 0:
            self.conv_map.highlight([])
            self.linear_map.set_readout(f"{where} = 0 (structural zero: no conv weight maps here)")
            return
        cell = grid.cell_of(source)
        self.conv_map.highlight([cell])
        self.linear_map.set_readout(f"{where} = {value:.5g}  ←  {grid.describe(source)}")
        self.conv_map.set_readout(f"{grid.describe(source)} = {grid.values[cell]:.5g}")

    def _hover_conv(self, row: int, col: int) -> None:
        if self.conv is None or row < 0:
            self.linear_map.highlight([])
            self.conv_map.set_readout("")
            return
        grid = self.conv.conv_grid
        flat = grid.index_at(row, col)
        if flat is None:
            return
        if self.linear is not None:
            self.linear_map.highlight(np.argwhere(self.linear.linear_matrix.source == flat))
        uses = int(grid.uses[flat])
        self.conv_map.set_readout(
            f"{grid.describe(flat)} = {grid.values[row, col]:.5g}  →  {uses} Linear entr{'y' if uses == 1 else 'ies'}"
        )
        self.linear_map.set_readout(f"highlighted: the Linear entries equal to {grid.describe(flat)}")
