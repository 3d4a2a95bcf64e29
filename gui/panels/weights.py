"""Both layers' weights as heatmaps, linked: hover a cell in one and its counterpart(s) light up in the other.

Unrolled mode shows the Toeplitz matrix (optionally coloured by the conv weight each entry shares); unfold mode
adds the patch matrix. Big matrices arrive from core already reduced by blocks.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from core.axis_labels import CONV_GRID_AXES, PATCH_AXES, axis_label
from core.i18n import tr
from core.lab import ConvStage, LabResult, LinearStage
from core.registry import OKABE_ITO
from core.window_names import HIGHLIGHT_TARGETS
from gui.widgets.heatmap import Heatmap, HighlightTargets, shows_cell_texts

# Splitting the width: what a heatmap's axis and colour bar take, and what a cell that prints its number wants
# (a large grid, which prints none, counts as this many cells).
MAP_OVERHEAD_PX, NUMBER_CELL_PX, LARGE_GRID_CELLS = 120, 64, 6
SOURCE_COLOURS = ("#dddddd", *OKABE_ITO[:7], "#7b3294", "#008837", "#a6611a", "#5e3c99", "#e66101")


def _shown(labels: tuple[str, str]) -> tuple[str, str]:
    """A heatmap's (x, y) axis labels from core.axis_labels, in the interface language."""
    return axis_label(labels[0]), axis_label(labels[1])


def _source_colormap() -> pg.ColorMap:
    n = len(SOURCE_COLOURS)
    positions = np.linspace(0, 1, n)
    return pg.ColorMap(positions, [pg.mkColor(c) for c in SOURCE_COLOURS])


def _wanted_width(heatmap: Heatmap) -> int:
    if heatmap.isHidden():
        return 0
    rows, cols = heatmap.shape[:2] if len(heatmap.shape) == 2 else (0, 0)
    cells = cols if shows_cell_texts((rows, cols), heatmap.scale) else LARGE_GRID_CELLS
    return MAP_OVERHEAD_PX + NUMBER_CELL_PX * cells


class WeightsPanel(HighlightTargets, QWidget):
    """Shows the ``weights`` stage."""

    STAGES = ("conv", "linear")
    highlight_targets = HIGHLIGHT_TARGETS["weights"]  # the names a story step may use

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conv: ConvStage | None = None
        self.linear: LinearStage | None = None
        self.colour_by = QComboBox()
        self.colour_by.addItems([tr("Weights panel", "value"), tr("Weights panel", "source conv weight")])
        self.colour_by.setToolTip(
            tr("Weights panel", "Colour the Linear matrix by value, or by which conv weight each entry shares")
        )
        self.colour_by.currentIndexChanged.connect(self._draw_linear)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.linear_map = Heatmap(
            "Linear.weight", tr("Weights panel", "in feature"), tr("Weights panel", "out feature")
        )
        self.conv_map = Heatmap("conv.weight", *_shown(CONV_GRID_AXES[2]))
        self.kernel_lines = pg.PlotCurveItem(pen=pg.mkPen("#888888", width=3))  # where one kernel ends
        self.conv_map.plot.addItem(self.kernel_lines)
        self.patch_map = Heatmap(tr("Weights panel", "patches (sample 0)"), *_shown(PATCH_AXES[2]))
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.linear_map, self.conv_map, self.patch_map):
            splitter.addWidget(view)
        for index in range(3):
            splitter.setStretchFactor(index, 1)
        self._widths: list[int] = []
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Weights panel", "Linear colour:")))
        top.addWidget(self.colour_by)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.linear_map.hovered.connect(self._hover_linear)
        self.conv_map.hovered.connect(self._hover_conv)

    def target_maps(self) -> dict[str, Heatmap]:
        return {"linear": self.linear_map, "conv": self.conv_map, "patches": self.patch_map}

    def show_result(self, lab: LabResult) -> None:
        """Draw what has landed: the conv side first, the Linear side when its stage is in."""
        if lab.conv is not None and lab.conv is not self.conv:
            self.conv = lab.conv
            self.clear_highlights()
            dims = lab.valid.spec.dims
            self.conv_map.set_axis_labels(*_shown(CONV_GRID_AXES[dims]))
            self.patch_map.set_axis_labels(*_shown(PATCH_AXES[dims]))
            self.conv_map.set_data(lab.conv.conv_grid.values)
            shape = "×".join(str(n) for n in lab.conv.conv.weight.shape)
            self.conv_map.set_title(f"conv.weight {shape}")  # e.g. 2×1×2×2: two kernels, drawn one under the other
            self._draw_grid_lines()
            if lab.linear is None:  # the previous spec's Linear must not pass for this one's
                self.linear = None
                self.linear_map.clear(tr("Weights panel", "Linear.weight: computing…"))
                self.patch_map.clear()
            structure = lab.conv.structure
            self.note.setText(
                tr(
                    "Weights panel",
                    "{percent:.1f}% structural zeros; {distinct} distinct weights, each used {reuse:.1f}× on average.",
                ).format(percent=100 * structure.sparsity, distinct=structure.distinct_weights, reuse=structure.reuse)
            )
        if lab.linear is not None and lab.linear is not self.linear:
            self.linear = result = lab.linear
            reduced = result.linear_matrix
            rows, cols = reduced.shape
            self.linear_map.set_title(f"Linear.weight {rows}×{cols}")
            blocks = tr("Weights panel", " Shown in {block}×{block} blocks (largest entry of each).").format(
                block=reduced.block
            )
            if reduced.block > 1 and blocks not in self.note.text():
                self.note.setText(self.note.text() + blocks)
            self.colour_by.setEnabled(True)
            self._draw_linear()
            self.patch_map.setVisible(result.patch_matrix is not None)
            if result.patch_matrix is not None:
                self.patch_map.set_data(result.patch_matrix)
        self._share_width()

    def _share_width(self) -> None:
        """Give each heatmap width by what it prints (a 4-column Linear beside a 2-column kernel gets more), so
        small grids' numbers fit. Only when the grids change shape: a splitter a person dragged stays put."""
        widths = [_wanted_width(heatmap) for heatmap in (self.linear_map, self.conv_map, self.patch_map)]
        if widths != self._widths:
            self._widths = widths
            self.splitter.setSizes(widths)

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
            levels = (-1.0, float(palette_size - 1))
            self.linear_map.set_data(values, levels=levels, scale=reduced.block, numbers=reduced.values)
            ticks = [(-1.0, tr("Weights panel", "none")), (0.0, "0"), (levels[1], str(palette_size - 1))]
            self.linear_map.set_colormap(_source_colormap(), levels, ticks)
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
        where = f"Linear.weight[{r0}, {c0}]"
        if reduced.block > 1:
            where = tr("Weights panel", "block at {entry}").format(entry=where)
        if source < 0:
            self.conv_map.highlight([])
            self.linear_map.set_readout(
                tr("Weights panel", "{entry} = 0 (structural zero: no conv weight maps here)").format(entry=where)
            )
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
        entries = (
            tr("Weights panel", "{count} Linear entry") if uses == 1 else tr("Weights panel", "{count} Linear entries")
        ).format(count=uses)
        self.conv_map.set_readout(f"{grid.describe(flat)} = {grid.values[row, col]:.5g}  →  {entries}")
        self.linear_map.set_readout(
            tr("Weights panel", "highlighted: the Linear entries equal to {weight}").format(weight=grid.describe(flat))
        )
