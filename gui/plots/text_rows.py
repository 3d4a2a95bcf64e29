"""The text rows of a benchmark figure, inside the plot item so exports carry them: the title (with the measured
spec under it) above the axes and the caption (what was measured, on which machine, when) below. Both wrap at the
plot's width, so a long title or a large font never makes the figure wider than its window or slide."""

from __future__ import annotations

import html

import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from gui.plots.legend_row import CAPTION_ROW, WidthFollowingRow, item_below, place_below
from gui.theme import PlotStyle

TITLE_ROW = 0  # pyqtgraph's own title label is taken out of the layout
TITLE_POINTS = 13
SUBTITLE_POINTS = 10
CAPTION_POINTS = 9.5
_UNLIMITED = 16_777_215.0  # Qt's QWIDGETSIZE_MAX


class TextRow(WidthFollowingRow):
    """Rich text wrapped at the row's width; ``lines`` keeps the plain lines it shows."""

    def __init__(self, lines: list[str], markup: str, style: PlotStyle, points: float, centred: bool) -> None:
        super().__init__()
        self.lines = lines
        self.text = QtWidgets.QGraphicsTextItem(self)
        self.text.setFont(style.font(points))
        self.text.setDefaultTextColor(pg.mkColor(style.foreground))
        if centred:
            option = QtGui.QTextOption(QtCore.Qt.AlignmentFlag.AlignHCenter)
            option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
            self.text.document().setDefaultTextOption(option)
        self.text.setHtml(markup)
        self.fit(600.0)

    def arrange(self, width: float) -> float:
        self.text.setTextWidth(max(width, 50.0))
        return self.text.boundingRect().height()


def set_title(plot: pg.PlotItem, title: str, subtitle: str, style: PlotStyle) -> TextRow:
    """The plot's title, with what was measured on a second, smaller line; returns the row."""
    layout = plot.layout
    if any(layout.itemAt(index) is plot.titleLabel for index in range(layout.count())):
        layout.removeItem(plot.titleLabel)  # a hidden item still takes its cell in a graphics layout
        plot.titleLabel.hide()
    layout.setRowMinimumHeight(TITLE_ROW, 0)
    layout.setRowMaximumHeight(TITLE_ROW, _UNLIMITED)  # pyqtgraph fixed it at 0 or 30 px
    markup = html.escape(title)
    if subtitle:
        markup += f"<br><span style='font-size:{style.points(SUBTITLE_POINTS):.1f}pt'>{html.escape(subtitle)}</span>"
    row = TextRow([title, subtitle] if subtitle else [title], markup, style, TITLE_POINTS, centred=True)
    place_below(plot, TITLE_ROW, row)
    return row


def set_caption(plot: pg.PlotItem, lines: list[str], style: PlotStyle) -> TextRow:
    """Replace the plot's caption with ``lines`` (small, left-aligned); returns the row."""
    row = TextRow(lines, "<br>".join(html.escape(line) for line in lines), style, CAPTION_POINTS, centred=False)
    place_below(plot, CAPTION_ROW, row)
    return row


def _lines(plot: pg.PlotItem, row: int) -> list[str]:
    item = item_below(plot, row)
    return item.lines if isinstance(item, TextRow) else []


def title_of(plot: pg.PlotItem) -> list[str]:
    """The plot's title and subtitle, or none."""
    return _lines(plot, TITLE_ROW)


def caption_of(plot: pg.PlotItem) -> list[str]:
    """The plot's caption lines, or none."""
    return _lines(plot, CAPTION_ROW)
