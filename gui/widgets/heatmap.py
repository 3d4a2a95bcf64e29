"""A heatmap with a colour bar, labelled axes, hover read-out, cell highlights and, when small, each cell's number.

Small grids (at most :data:`MAX_TEXT_SIDE` cells a side, not block-reduced) print every value in its cell as a
``pg.TextItem`` in the plot's scene, in black or white, whichever contrasts more with the colour under it. The
font follows the cell's size on screen (never above the style's cell font) and the texts hide when a cell is too
small to hold readable text; larger grids never create text items and rely on the hover read-out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.theme import PlotStyle

DIVERGING = "CET-D1A"
HIGHLIGHT = "#ffb000"
MAX_HIGHLIGHTS = 4000
MAX_TEXT_SIDE = 16
MIN_TEXT_POINTS = 6.5
# Base sizes in points at font scale 1.
TITLE_POINTS, LABEL_POINTS, TICK_POINTS, CELL_POINTS = 13.0, 12.0, 11.0, 12.0
# Colour-bar ticks: as many of these counts as fit the bar's height (odd ones keep 0 on a diverging bar).
COLORBAR_TICKS = (5, 3, 2)
# The text takes at most this share of a cell's width; the hover outline (MARK_SIZE of the cell) stays clear of it.
TEXT_WIDTH, MARK_SIZE = 0.9, 0.97
# Story highlights: a cyan outline on a black halo around the highlighted region, visible on every colour map and
# distinct from the amber hover and step marks.
EMPHASIS_HALO, EMPHASIS_CORE = "#000000", "#00e5ff"
TEXT_DARK, TEXT_LIGHT = "#000000", "#ffffff"

Cells = Sequence[tuple[int, int]] | np.ndarray


def format_cell(value: float) -> str:
    """A cell's number as a lecture writes it: whole numbers as such; 4 decimals between 0.01 and 10,000
    (``1.4994``, ``0.3160``, ``-0.0791``, as ``print(tensor)`` shows them); 4 significant digits (exponent form)
    beyond; exact zero as "0"."""
    if value == 0:
        return "0"
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))  # 1, 2, 3, 4: an input written as the lecture typed it
    if 0.01 <= abs(value) < 1e4:
        return f"{value:.4f}"
    return f"{value:.4g}"


def format_tick(value: float, span: float) -> str:
    """A colour-bar tick: 3 significant digits, and "0" for a value that is zero up to rounding of the span."""
    if abs(value) <= 1e-9 * span:
        return "0"
    return f"{value:.3g}"


def relative_luminance(rgb: Sequence[float]) -> float:
    """WCAG relative luminance of an sRGB colour given as 0-255 channels."""
    linear = []
    for channel in rgb[:3]:
        c = channel / 255.0
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: Sequence[float], second: Sequence[float]) -> float:
    """WCAG contrast ratio (1 to 21) of two 0-255 RGB colours."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable_text_colour(rgb: Sequence[float]) -> str:
    """Black or white, whichever contrasts more with the background colour ``rgb`` (0-255 channels)."""
    on_dark = contrast_ratio(rgb, (255, 255, 255))
    on_light = contrast_ratio(rgb, (0, 0, 0))
    return TEXT_LIGHT if on_dark > on_light else TEXT_DARK


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """Colour levels centred on 0 that hold every value (-1..1 for an empty or all-zero array)."""
    bound = float(np.nanmax(np.abs(values))) if np.size(values) else 1.0
    return (-(bound or 1.0), bound or 1.0)


def shows_cell_texts(shape: tuple[int, ...], scale: int) -> bool:
    """Whether a grid of ``shape`` drawn at block ``scale`` is small enough to print its values."""
    return scale == 1 and len(shape) == 2 and 0 < shape[0] <= MAX_TEXT_SIDE and 0 < shape[1] <= MAX_TEXT_SIDE


def region_outline(inside: np.ndarray, scale: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Line segments (x, y pairs, for ``connect="pairs"``) around the cells marked in ``inside``, a grid with a
    one-cell False border: every cell edge whose neighbour across it is outside."""
    core = inside[1:-1, 1:-1]
    segments = []
    for (dr, dc), (x0, y0, x1, y1) in (
        ((-1, 0), (0, 0, 1, 0)),  # top edge
        ((1, 0), (0, 1, 1, 1)),  # bottom edge
        ((0, -1), (0, 0, 0, 1)),  # left edge
        ((0, 1), (1, 0, 1, 1)),  # right edge
    ):
        rows, cols = core.shape
        neighbour = inside[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
        r, c = np.nonzero(core & ~neighbour)
        segments.append(np.stack([c + x0, r + y0, c + x1, r + y1], axis=1))
    edges = np.concatenate(segments).astype(float) * scale
    return edges[:, [0, 2]].ravel(), edges[:, [1, 3]].ravel()


class CellTexts:
    """The numbers printed in a small grid's cells: one ``pg.TextItem`` per cell, row-major, in ``plot``."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.items: list[list[pg.TextItem]] = []
        self.points = 0.0

    def set_texts(self, labels: list[list[str]]) -> None:
        """Show ``labels`` (row-major); reuses the items when the shape is unchanged."""
        shape = (len(labels), len(labels[0]) if labels else 0)
        if shape != (len(self.items), len(self.items[0]) if self.items else 0):
            self.clear()
            self.items = [[self._new_item(r, c) for c in range(shape[1])] for r in range(shape[0])]
        for row, texts in zip(self.items, labels, strict=True):
            for item, text in zip(row, texts, strict=True):
                item.setPlainText(text)

    def _new_item(self, row: int, col: int) -> pg.TextItem:
        item = pg.TextItem(anchor=(0.5, 0.5))
        item.textItem.document().setDocumentMargin(0)
        item.setPos(col + 0.5, row + 0.5)
        item.setZValue(5)
        self.plot.addItem(item, ignoreBounds=True)
        return item

    def clear(self) -> None:
        for item in self.flat():
            self.plot.removeItem(item)
        self.items = []

    def flat(self) -> list[pg.TextItem]:
        return [item for row in self.items for item in row]

    def texts(self) -> list[list[str]]:
        return [[item.toPlainText() for item in row] for row in self.items]

    def set_colours(self, colours: list[list[str]]) -> None:
        for row, row_colours in zip(self.items, colours, strict=True):
            for item, colour in zip(row, row_colours, strict=True):
                item.setColor(colour)

    def fit(self, cell_size: tuple[float, float], max_points: float) -> None:
        """The largest font up to ``max_points`` that fits every text in a cell of ``cell_size`` pixels; hidden
        when that is below :data:`MIN_TEXT_POINTS`."""
        items = self.flat()
        if not items:
            return
        font = QFont()
        font.setPointSizeF(max_points)
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(item.toPlainText()) for item in items) or 1.0
        factor = min(1.0, TEXT_WIDTH * cell_size[0] / widest, 0.8 * cell_size[1] / metrics.height())
        self.points = max_points * factor
        visible = self.points >= MIN_TEXT_POINTS
        if visible:
            font.setPointSizeF(self.points)
        for item in items:
            item.setVisible(visible)
            if visible:
                item.setFont(font)


class Heatmap(QWidget):
    """Shows a 2-D array (row-major, row 0 at the top). Emits ``hovered(row, col)`` (-1, -1 when leaving)."""

    hovered = Signal(int, int)

    def __init__(
        self, title: str, x_label: str, y_label: str, parent: QWidget | None = None, colorbar: bool = True
    ) -> None:
        super().__init__(parent)
        self.plot_style = PlotStyle()
        self._title = title
        self._axis_labels = (x_label, y_label)
        self.view = pg.GraphicsLayoutWidget()
        self.view.ci.setContentsMargins(3, 3, 3, 3)  # every pixel of a small panel goes to the cells
        self.plot = self.view.addPlot()
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=pg.colormap.get(DIVERGING), interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot if colorbar else None)
        self.colorbar.axis.enableAutoSIPrefix(False)
        self.colorbar.axis.setWidth(None)  # as wide as its tick labels
        # The title spans axis, data and colour bar: in the data's column alone, a long title widened the plot past
        # its widget and pushed the colour bar's labels out of view.
        self.plot.layout.removeItem(self.plot.titleLabel)
        self.plot.layout.addItem(self.plot.titleLabel, 0, 0, 1, 6)
        self.marks = pg.ScatterPlotItem(symbol="s", brush=None, pen=pg.mkPen(HIGHLIGHT, width=2.5), pxMode=False)
        self.marks.setZValue(10)
        self.plot.addItem(self.marks)
        self.emphasis_halo = pg.PlotCurveItem(pen=pg.mkPen(EMPHASIS_HALO, width=5))
        self.emphasis = pg.PlotCurveItem(pen=pg.mkPen(EMPHASIS_CORE, width=2.5))
        for z, item in enumerate((self.emphasis_halo, self.emphasis)):
            item.setZValue(11 + z)
            self.plot.addItem(item, ignoreBounds=True)
        self.texts = CellTexts(self.plot)
        self.readout = QLabel(" ")
        self.readout.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        self._values = np.zeros((0, 0))
        self._numbers = self._values
        self._shape: tuple[int, ...] = (0, 0)
        self._scale = 1
        self._last = (-1, -1)
        self._emphasis: np.ndarray | None = np.zeros((0, 2), dtype=int)  # None: every cell
        self._emphasized = np.zeros((0, 2), dtype=int)
        self._colorbar_ticks: list[tuple[float, str]] | None = None
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.plot.vb.sigResized.connect(self._fit_texts)
        self.plot.vb.sigRangeChanged.connect(self._fit_texts)
        self.colorbar.vb.sigResized.connect(self._draw_colorbar_ticks)
        self.restyle(self.plot_style)

    # ----- data ---------------------------------------------------------------------------------------------------
    @property
    def shape(self) -> tuple[int, ...]:
        """Shape of the array shown (a block-reduced matrix counts its blocks)."""
        return self._shape

    @property
    def scale(self) -> int:
        """Entries per cell side: 1, or the block size of a block-reduced matrix."""
        return self._scale

    @property
    def numbers(self) -> np.ndarray:
        """The values the cells stand for (printed in small grids, read out on hover): the data behind the map."""
        return self._numbers

    def set_data(
        self,
        values: np.ndarray,
        levels: tuple[float, float] | None = None,
        cmap: str = DIVERGING,
        scale: int = 1,
        numbers: np.ndarray | None = None,
    ) -> None:
        """Show ``values``; a diverging map is centred on 0 unless ``levels`` are given. ``scale`` > 1 draws a
        block-reduced matrix at its original size (each cell covers ``scale`` x ``scale`` entries). A small grid
        prints ``numbers`` in its cells (default: ``values``; e.g. the weights when colour shows something else)."""
        values = np.asarray(values, dtype=float)
        self._values = values
        self._numbers = values if numbers is None else np.asarray(numbers, dtype=float)
        self._shape = values.shape
        self._scale = scale
        if levels is None:
            levels = symmetric_levels(values)
        self.colorbar.setColorMap(pg.colormap.get(cmap))
        self.image.setImage(values, autoLevels=False)
        self._set_levels(levels, None)
        self.image.setRect(0, 0, values.shape[1] * scale, values.shape[0] * scale)
        self._cell_ticks(values.shape, scale)
        self.plot.setRange(xRange=(0, values.shape[1] * scale), yRange=(0, values.shape[0] * scale), padding=0.02)
        self.marks.clear()
        self._draw_texts()
        self._draw_emphasis()

    def clear(self, title: str | None = None) -> None:
        """Show nothing (e.g. while the data is computing), optionally under a new title."""
        self.image.clear()
        self._values = self._numbers = np.zeros((0, 0))
        self._shape = (0, 0)
        self.texts.clear()
        self.marks.clear()
        self._draw_emphasis()
        if title is not None:
            self.set_title(title)

    def set_colormap(
        self, colormap: pg.ColorMap, levels: tuple[float, float], ticks: list[tuple[float, str]] | None = None
    ) -> None:
        """Colour by ``colormap`` over ``levels``; ``ticks`` (value, label) replace the colour bar's numbers."""
        self.colorbar.setColorMap(colormap)
        self._set_levels(levels, ticks)
        self._colour_texts()

    def _set_levels(self, levels: tuple[float, float], ticks: list[tuple[float, str]] | None) -> None:
        self.colorbar.setLevels(levels)
        self._colorbar_ticks = ticks
        self._draw_colorbar_ticks()

    def _draw_colorbar_ticks(self, *_: object) -> None:
        """Real values at evenly spaced levels, ends included (no "(x0.001)" SI prefix)."""
        self.colorbar.axis.setTicks([self._colorbar_ticks or self._default_colorbar_ticks(), []])

    def colorbar_labels(self) -> list[str]:
        """The colour bar's tick labels, bottom to top."""
        return [label for _, label in self._colorbar_ticks or self._default_colorbar_ticks()]

    def _default_colorbar_ticks(self) -> list[tuple[float, str]]:
        low, high = self.colorbar.levels()
        span = abs(high - low) or 1.0
        return [(float(v), format_tick(float(v), span)) for v in np.linspace(low, high, self._colorbar_tick_count())]

    def _colorbar_tick_count(self) -> int:
        """The most ticks whose labels do not overlap on the bar as drawn now (all of them before layout)."""
        height = self.colorbar.vb.height()
        line = 1.4 * QFontMetricsF(self.plot_style.font(TICK_POINTS)).height()
        fitting = [count for count in COLORBAR_TICKS if height <= 0 or (count - 1) * line <= height]
        return fitting[0] if fitting else COLORBAR_TICKS[-1]

    def _cell_ticks(self, shape: tuple[int, ...], scale: int) -> None:
        """Small grids get one integer tick per cell, at the cell's centre; big ones pyqtgraph's ticks."""
        for axis, count in (("left", shape[0]), ("bottom", shape[1])):
            ticks = [[((i + 0.5) * scale, str(i * scale)) for i in range(count)]] if count * scale <= 16 else None
            self.plot.getAxis(axis).setTicks(ticks)

    # ----- cell texts ---------------------------------------------------------------------------------------------
    def cell_texts(self) -> list[list[str]]:
        """The numbers printed in the cells, row-major, read from the text items (empty for a large grid)."""
        return self.texts.texts()

    def cell_text_items(self) -> list[pg.TextItem]:
        """The text items, row-major (for tests and accessibility tools)."""
        return self.texts.flat()

    @property
    def texts_visible(self) -> bool:
        """Whether the cell texts are drawn (a grid too small on screen hides them and relies on hover)."""
        items = self.texts.flat()
        return bool(items) and items[0].isVisible()

    def _draw_texts(self) -> None:
        if not shows_cell_texts(self._shape, self._scale) or self._numbers.shape != self._shape:
            self.texts.clear()
            return
        self.texts.set_texts([[format_cell(float(v)) for v in row] for row in self._numbers])
        self._colour_texts()
        self._fit_texts()

    def _colour_texts(self) -> None:
        if not self.texts.items:
            return
        self.texts.set_colours([[readable_text_colour(rgb) for rgb in row] for row in self.cell_colours()])

    def cell_colours(self) -> np.ndarray:
        """Each cell's colour (rows x cols x 4 bytes) under the current colour map and levels."""
        low, high = self.colorbar.levels()
        span = (high - low) or 1.0
        positions = np.clip(np.nan_to_num((self._values - low) / span, nan=0.5), 0.0, 1.0)
        colours: np.ndarray = self.colorbar.colorMap().map(positions, mode=pg.ColorMap.BYTE)
        return colours

    def _fit_texts(self, *_: object) -> None:
        """Size the texts to the cells as drawn now (called on resize and view range changes)."""
        if not self.texts.items:
            return
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        width, height = self.plot.vb.width(), self.plot.vb.height()
        cell = (width / max(x1 - x0, 1e-9) * self._scale, height / max(y1 - y0, 1e-9) * self._scale)
        self.texts.fit(cell, self.plot_style.points(CELL_POINTS))

    # ----- look ---------------------------------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        """The plot's title, in the current style's colour and size."""
        self._title = title
        self.plot.setTitle(
            title, color=self.plot_style.foreground, size=f"{self.plot_style.points(TITLE_POINTS):.1f}pt"
        )

    def set_axis_labels(self, x_label: str, y_label: str) -> None:
        """Axis labels in the current style (an empty label hides that axis's label)."""
        self._axis_labels = (x_label, y_label)
        size = f"{self.plot_style.points(LABEL_POINTS):.1f}pt"
        for side, text in (("bottom", x_label), ("left", y_label)):
            axis = self.plot.getAxis(side)
            axis.setLabel(text, color=self.plot_style.foreground, **{"font-size": size})
            axis.showLabel(bool(text))

    @property
    def title(self) -> str:
        return self._title

    @property
    def axis_labels(self) -> tuple[str, str]:
        return self._axis_labels

    def restyle(self, style: PlotStyle) -> None:
        """Follow the theme and font scale: background, title, axes, tick labels, colour bar and cell texts."""
        self.plot_style = style
        self.view.setBackground(style.background)
        tick_font = style.font(TICK_POINTS)
        axes = [self.plot.getAxis(side) for side in ("left", "bottom")]
        axes += [self.colorbar.getAxis(side) for side in ("left", "right", "top", "bottom")]
        for axis in axes:
            axis.setPen(style.foreground)
            axis.setTextPen(style.foreground)
            axis.setStyle(tickFont=tick_font)
        self.set_title(self._title)
        self.set_axis_labels(*self._axis_labels)
        self._draw_colorbar_ticks()
        self._fit_texts()

    # ----- highlights ---------------------------------------------------------------------------------------------
    def highlight(self, cells: list[tuple[int, int]] | np.ndarray) -> None:
        """Outline the given (row, col) cells (at most a few thousand): the hover and step marks."""
        cells = np.asarray(cells, dtype=float).reshape(-1, 2)[:MAX_HIGHLIGHTS]
        if not len(cells):
            self.marks.clear()
            return
        s = self._scale
        self.marks.setData(x=(cells[:, 1] + 0.5) * s, y=(cells[:, 0] + 0.5) * s, size=MARK_SIZE * s)

    def emphasize(self, cells: Cells | None) -> None:
        """Outline ``cells`` (row, col in the grid shown) for a story step: ``None`` every cell, empty none.

        Kept across redraws (``set_data``) until changed; independent of the hover marks."""
        self._emphasis = None if cells is None else np.asarray(cells, dtype=int).reshape(-1, 2)
        self._draw_emphasis()

    def emphasized_cells(self) -> list[tuple[int, int]]:
        """The cells inside the outline :meth:`emphasize` draws (those of the grid shown)."""
        return [(int(r), int(c)) for r, c in self._emphasized]

    def _draw_emphasis(self) -> None:
        """One outline around the region the cells make (a 3x3 patch is one box, every cell the whole grid)."""
        rows, cols = self._shape[:2] if len(self._shape) == 2 else (0, 0)
        inside = np.zeros((rows + 2, cols + 2), dtype=bool)
        if self._emphasis is None:
            inside[1:-1, 1:-1] = True
        else:
            cells = self._emphasis
            cells = cells[(cells[:, 0] >= 0) & (cells[:, 0] < rows) & (cells[:, 1] >= 0) & (cells[:, 1] < cols)]
            inside[cells[:, 0] + 1, cells[:, 1] + 1] = True
        self._emphasized = np.argwhere(inside[1:-1, 1:-1])
        xs, ys = region_outline(inside, self._scale)
        for item in (self.emphasis_halo, self.emphasis):
            item.setData(xs, ys, connect="pairs")

    # ----- hover --------------------------------------------------------------------------------------------------
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


class HighlightTargets:
    """Mixin for panels whose heatmaps a story can outline: ``show_highlight(target, cells)``.

    A panel sets ``highlight_targets`` (class attribute) and returns its heatmaps by those names from
    :meth:`target_maps`; it calls :meth:`clear_highlights` when a new spec's result arrives.
    """

    highlight_targets: tuple[str, ...] = ()

    def target_maps(self) -> Mapping[str, Heatmap]:
        raise NotImplementedError

    def show_highlight(self, target: str, cells: Cells | None) -> None:
        """Outline ``cells`` (row, col) on heatmap ``target``: ``None`` every cell, empty clears. The outline
        survives redraws of the same result and is cleared when a new spec's result arrives, so call this once
        the panel shows the spec it is about."""
        if target not in self.highlight_targets:
            raise ValueError(f"unknown highlight target {target!r}; valid targets: {', '.join(self.highlight_targets)}")
        self.target_maps()[target].emphasize(cells)

    def clear_highlights(self) -> None:
        for heatmap in self.target_maps().values():
            heatmap.emphasize(())
