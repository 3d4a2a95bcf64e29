"""A legend that never covers data: a row of entries under the axes, inside the plot item (so exports carry it),
wrapping onto as many lines as the plot's width needs."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from gui.theme import PlotStyle

LEGEND_POINTS = 12
LEGEND_ROW = 4  # PlotItem's own layout: 0 title, 1 top axis, 2 view, 3 bottom axis
CAPTION_ROW = 5
_GAP = 1.2  # space between entries, in line heights
MIN_WIDTH = 100.0  # narrower offers keep the last arrangement


@dataclass(frozen=True)
class LegendEntry:
    """One entry: a sample drawn like the data (a line, a symbol, or both; hollow for noisy points) and its text."""

    label: str
    colour: str
    symbol: str | None = None
    line: bool = False
    dashed: bool = False
    hollow: bool = False


class _Sample(QtWidgets.QGraphicsObject):
    """The entry's sample, one line height tall and two wide."""

    def __init__(self, entry: LegendEntry, unit: float, style: PlotStyle, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.entry, self.unit, self.style = entry, unit, style

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, 2 * self.unit, self.unit)

    def paint(self, painter: QtGui.QPainter, *_args: object) -> None:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        entry, unit = self.entry, self.unit
        if entry.line:
            pen = pg.mkPen(entry.colour, width=max(2.0, unit / 8))
            if entry.dashed:
                pen.setStyle(QtCore.Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QtCore.QPointF(0, unit / 2), QtCore.QPointF(2 * unit, unit / 2))
        if entry.symbol:
            painter.translate(unit, unit / 2)
            brush = pg.mkBrush(self.style.background if entry.hollow else entry.colour)
            drawSymbol(painter, entry.symbol, 0.6 * unit, pg.mkPen(entry.colour, width=2), brush)


class WidthFollowingRow(pg.GraphicsWidget):
    """A row under the axes that lays its content out for the width the plot's layout gives it (never asking for
    more, so a long text cannot widen the plot) and takes the height that content needs."""

    def __init__(self) -> None:
        super().__init__()
        self._width = -1.0

    def arrange(self, width: float) -> float:
        """Lay the content out ``width`` wide; return the height it needs."""
        raise NotImplementedError

    def fit(self, width: float) -> None:
        """Arrange for ``width`` and take the height that needs (nothing changes for the same width)."""
        if width == self._width or width < MIN_WIDTH:  # a layout's first pass may offer no width at all
            return
        self._width = width
        height = self.arrange(width)
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)

    def setGeometry(self, rect: QtCore.QRectF) -> None:  # Qt's name
        super().setGeometry(rect)
        self.fit(rect.width())


class LegendRow(WidthFollowingRow):
    """Entries left to right, wrapped onto as many lines as the width needs."""

    def __init__(self, entries: list[LegendEntry], style: PlotStyle) -> None:
        super().__init__()
        font = style.font(LEGEND_POINTS)
        self.unit = QtGui.QFontMetricsF(font).height()
        self.entries: list[tuple[_Sample, QtWidgets.QGraphicsSimpleTextItem]] = []
        for entry in entries:
            text = QtWidgets.QGraphicsSimpleTextItem(entry.label, self)
            text.setFont(font)
            text.setBrush(pg.mkBrush(style.foreground))
            self.entries.append((_Sample(entry, self.unit, style, self), text))
        self.fit(600.0)

    def arrange(self, width: float) -> float:
        start = 0.4 * self.unit
        x, y = start, 0.0
        for sample, text in self.entries:
            needed = 2.4 * self.unit + text.boundingRect().width()
            if x > start and x + needed > width - self.unit:
                x, y = start, y + self.unit * 1.15
            sample.setPos(x, y)
            text.setPos(x + 2.4 * self.unit, y)
            x += needed + _GAP * self.unit
        return (y + self.unit * 1.3) if self.entries else 0.0


def item_below(plot: pg.PlotItem, row: int) -> QtWidgets.QGraphicsLayoutItem | None:
    """What ``row`` of the plot's own layout holds (None if nothing yet)."""
    return plot.layout.itemAt(row, 0) if row < plot.layout.rowCount() else None


def place_below(plot: pg.PlotItem, row: int, item: QtWidgets.QGraphicsLayoutItem | None) -> None:
    """Put ``item`` in ``row`` of the plot's own layout, across all its columns, replacing what was there."""
    old = item_below(plot, row)
    if old is not None:
        plot.layout.removeItem(old)
        graphics = old.graphicsItem()
        if graphics is not None and graphics.scene() is not None:
            graphics.scene().removeItem(graphics)
    if item is not None:
        if isinstance(item, WidthFollowingRow):
            item.fit(plot.width())  # laid out for the plot's width before the layout first asks its height
        plot.layout.addItem(item, row, 0, 1, 3)


def set_legend(plot: pg.PlotItem, entries: list[LegendEntry], style: PlotStyle) -> LegendRow:
    """Replace the plot's legend row with ``entries``; returns the row."""
    row = LegendRow(entries, style)
    place_below(plot, LEGEND_ROW, row)
    return row


def legend_of(plot: pg.PlotItem) -> LegendRow | None:
    """The plot's legend row, if it has one."""
    item = item_below(plot, LEGEND_ROW)
    return item if isinstance(item, LegendRow) else None
