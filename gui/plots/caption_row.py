"""The caption under every benchmark plot (what was measured, on which machine, when), inside the plot item so
the window's export and ``bench --format png,svg`` carry it; it wraps to the plot's width."""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.Qt import QtWidgets

from gui.plots.legend_row import CAPTION_ROW, WidthFollowingRow, item_below, place_below
from gui.theme import PlotStyle

CAPTION_POINTS = 9.5


class CaptionRow(WidthFollowingRow):
    """Lines of small text, each wrapped at the row's width."""

    def __init__(self, lines: list[str], style: PlotStyle) -> None:
        super().__init__()
        self.lines = lines
        self.text = QtWidgets.QGraphicsTextItem(self)
        self.text.setPlainText("\n".join(lines))
        self.text.setFont(style.font(CAPTION_POINTS))
        self.text.setDefaultTextColor(pg.mkColor(style.foreground))
        self._fit(600.0)

    def arrange(self, width: float) -> float:
        self.text.setTextWidth(max(width, 50.0))
        return self.text.boundingRect().height()


def set_caption(plot: pg.PlotItem, lines: list[str], style: PlotStyle) -> CaptionRow:
    """Replace the plot's caption with ``lines``; returns the row."""
    row = CaptionRow(lines, style)
    place_below(plot, CAPTION_ROW, row)
    return row


def caption_of(plot: pg.PlotItem) -> list[str]:
    """The plot's caption lines, or none."""
    item = item_below(plot, CAPTION_ROW)
    return item.lines if isinstance(item, CaptionRow) else []
