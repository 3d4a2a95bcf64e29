"""The data a plot or heatmap of the window draws, as CSV: read from the view itself, so it is exactly what is shown.

A heatmap gives its matrix (the values its cells stand for) with its axis names and, for a matrix shown by blocks,
each block's first row and column; a plot gives one row per point of each curve, bar or error bar, in long form
(``plot, series, x, x_end, y, y_low, y_high``; empty where a column does not apply).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pyqtgraph as pg

from core.i18n import tr
from core.panel_data import Table
from gui.widgets.heatmap import Heatmap

PLOT_COLUMNS = ("plot", "series", "x", "x_end", "y", "y_low", "y_high")
Row = tuple[str, str, float | None, float | None, float | None, float | None, float | None]


def heatmap_of(view: pg.GraphicsView) -> Heatmap | None:
    """The heatmap ``view`` draws, if it is one."""
    parent = view.parentWidget()
    return parent if isinstance(parent, Heatmap) else None


def heatmap_table(heatmap: Heatmap, name: str = "figure") -> Table:
    """The heatmap's matrix as a table: rows and columns named by its axes, indexed as its ticks are."""
    values = np.atleast_2d(np.asarray(heatmap.numbers, dtype=np.float64))
    scale = heatmap.scale
    rows, cols = values.shape

    def index(count: int) -> tuple[str, ...] | None:
        return tuple(str(i * scale) for i in range(count)) if scale > 1 else None

    x_label, y_label = heatmap.axis_labels
    note = tr("Figure data", "shown in {block}×{block} blocks").format(block=scale) if scale > 1 else ""
    return Table(
        name,
        heatmap.title,
        y_label or tr("Figure data", "row"),
        x_label or tr("Figure data", "column"),
        values,
        index(rows),
        index(cols),
        note,
    )


def plain_text(rich: str) -> str:
    """A title as text: pyqtgraph titles are HTML (line breaks, colour spans, entities)."""
    text = re.sub(r"<br\s*/?>", " ", rich)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(text).split())


def _numbers(values: Any) -> np.ndarray:
    return np.atleast_1d(np.asarray(values if values is not None else [], dtype=np.float64)).ravel()


def _series(item: Any, kind: str, count: int) -> str:
    name = item.name() if callable(getattr(item, "name", None)) else None
    return str(name) if name else f"{kind} {count}"


def _curve_rows(plot: str, series: str, x: Any, y: Any) -> Iterator[Row]:
    xs, ys = _numbers(x), _numbers(y)
    if len(xs) == len(ys) + 1:  # a histogram drawn in steps: bin edges around each value
        for start, end, value in zip(xs[:-1], xs[1:], ys, strict=True):
            yield plot, series, start, end, value, None, None
        return
    for xv, yv in zip(xs, ys, strict=False):
        yield plot, series, xv, None, yv, None, None


def _bar_rows(plot: str, series: str, item: pg.BarGraphItem) -> Iterator[Row]:
    opts = item.opts
    xs = _numbers(opts.get("x") if opts.get("x") is not None else opts.get("x0"))
    if opts.get("y1") is not None:
        tops = _numbers(opts.get("y1"))
    else:
        tops = _numbers(opts.get("height")) + (_numbers(opts.get("y0")) if opts.get("y0") is not None else 0.0)
    bottoms = _numbers(opts.get("y0")) if opts.get("y0") is not None else np.zeros_like(tops)
    xs, tops, bottoms = np.broadcast_arrays(xs, tops, bottoms)
    for xv, top, bottom in zip(xs, tops, bottoms, strict=True):
        yield plot, series, xv, None, top, bottom, None


def _error_rows(plot: str, series: str, item: pg.ErrorBarItem) -> Iterator[Row]:
    opts = item.opts
    xs, ys = _numbers(opts.get("x")), _numbers(opts.get("y"))
    top = _numbers(opts.get("top")) if opts.get("top") is not None else np.zeros_like(ys)
    bottom = _numbers(opts.get("bottom")) if opts.get("bottom") is not None else np.zeros_like(ys)
    xs, ys, top, bottom = np.broadcast_arrays(xs, ys, top, bottom)
    for xv, yv, up, down in zip(xs, ys, top, bottom, strict=True):
        yield plot, series, xv, None, yv, yv - down, yv + up


def _item_rows(plot: str, item: Any, count: int) -> Iterator[Row]:
    if isinstance(item, pg.PlotDataItem):
        dataset = item.getOriginalDataset()
        yield from _curve_rows(plot, _series(item, "curve", count), *dataset)
    elif isinstance(item, pg.PlotCurveItem | pg.ScatterPlotItem):
        yield from _curve_rows(plot, _series(item, "points", count), *item.getData())
    elif isinstance(item, pg.BarGraphItem):
        yield from _bar_rows(plot, f"bars {count}", item)
    elif isinstance(item, pg.ErrorBarItem):
        yield from _error_rows(plot, f"error bars {count}", item)
    elif isinstance(item, pg.InfiniteLine):
        value = float(item.value())
        vertical = item.angle % 180 == 90
        yield plot, f"line {count}", value if vertical else None, None, None if vertical else value, None, None


def plot_items(view: pg.GraphicsView) -> list[pg.PlotItem]:
    """The plots in ``view``, top to bottom, left to right."""
    plots = [item for item in view.scene().items() if isinstance(item, pg.PlotItem)]
    return sorted(plots, key=lambda p: (p.sceneBoundingRect().top(), p.sceneBoundingRect().left()))


def plot_rows(view: pg.GraphicsView) -> list[Row]:
    """Every data point the plots in ``view`` draw."""
    rows: list[Row] = []
    for number, plot in enumerate(plot_items(view), start=1):
        name = plain_text(plot.titleLabel.text) or f"plot {number}"
        for count, item in enumerate(plot.items, start=1):
            rows += _item_rows(name, item, count)
    return rows


def _cell(value: float | None) -> str:
    """A number as the shortest text that reads back as the same float64 (``nan``, ``inf`` included)."""
    return "" if value is None else repr(float(value))


def figure_csv(view: pg.GraphicsView) -> str:
    """What ``view`` draws as CSV: a heatmap's matrix, or a plot's points in long form."""
    heatmap = heatmap_of(view)
    if heatmap is not None:
        return heatmap_table(heatmap).to_csv()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PLOT_COLUMNS)
    for plot, series, *numbers in plot_rows(view):
        writer.writerow([plot, series, *(_cell(value) for value in numbers)])
    return buffer.getvalue()
