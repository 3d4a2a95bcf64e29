"""One plot or heatmap of the window as a picture for slides: PNG at a given width and SVG, drawn by the view itself.

A view is laid out at :data:`BASE_SIZE` for the export (whatever its size in the window), so every figure has the
same proportions and its text the same size relative to the picture; the PNG is that drawing scaled to the width
asked for, the text drawn at that resolution. The view gets its own size back before anything repaints.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from gui.plots.bench_export import BASE_SIZE
from gui.plots.svg_export import svg_bytes


class _ImageExporter(pyqtgraph.exporters.ImageExporter):
    """pyqtgraph's PNG exporter, except that symbols sized in data units keep their size.

    pyqtgraph 0.14.0 multiplies every scatter symbol's size by the export's resolution scale; right for symbols
    sized in pixels, wrong for those sized in data units (``pxMode=False``: the heatmaps' hover and step outlines,
    the sliding window's padding marks), which the scaled painter already enlarges: they came out twice as large
    and off their cells.
    """

    def setExportMode(self, export: bool, opts: dict[str, Any] | None = None) -> None:  # pyqtgraph's name
        super().setExportMode(export, opts)
        if not export:
            return
        for item in self.getPaintItems():
            if isinstance(item, pg.ScatterPlotItem) and not item.opts["pxMode"] and item._exportOpts:
                item._exportOpts = {**item._exportOpts, "resolutionScale": 1.0}


@contextmanager
def laid_out(view: pg.GraphicsView, size: tuple[int, int] = BASE_SIZE) -> Iterator[None]:
    """``view`` laid out at ``size`` inside the block (items follow its resize at once), its own size after."""
    before = QSize(view.size())
    view.resize(*size)
    try:
        yield
    finally:
        view.resize(before)


def _image(view: pg.GraphicsView, width: int) -> QImage:
    exporter = _ImageExporter(view.scene())
    exporter.parameters()["width"] = width
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)
    assert isinstance(image, QImage)
    return image


def figure_image(view: pg.GraphicsView, width: int) -> QImage:
    """The view drawn at :data:`BASE_SIZE`, as an image ``width`` pixels wide (its background included)."""
    with laid_out(view):
        return _image(view, width)


def figure_svg(view: pg.GraphicsView) -> bytes:
    """The view drawn at :data:`BASE_SIZE`, as an SVG document."""
    with laid_out(view):
        return svg_bytes(view.scene())


def figure_pictures(view: pg.GraphicsView, width: int) -> tuple[QImage, bytes]:
    """PNG image and SVG of the view from one layout (what an export writes for each figure)."""
    with laid_out(view):
        return _image(view, width), svg_bytes(view.scene())
