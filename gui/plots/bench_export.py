"""Headless export of the benchmark plots to PNG (slide width) and SVG."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from core.atomic_write import make_folder, write_bytes_atomic
from core.bench.runner import BenchResult

BASE_SIZE = (960, 540)  # drawn at this size, exported at the requested width: text scales with it


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import pyqtgraph as pg

    return pg.mkQApp()


def build_plot_widgets(result: BenchResult) -> dict[str, Any]:
    """One white-background plot widget per figure (:data:`gui.plots.figures.FIGURES`), drawn from ``result``."""
    import pyqtgraph as pg

    from gui.plots.axes import style_plot
    from gui.plots.figures import FIGURES, draw_figure
    from gui.theme import PlotStyle

    app = _application()
    style = PlotStyle()
    widgets = {}
    for name in FIGURES:
        widget = pg.PlotWidget(background=style.background)
        widget.resize(*BASE_SIZE)
        style_plot(widget.getPlotItem(), style)
        draw_figure(name, widget.getPlotItem(), result, style)
        widgets[name] = widget
    for widget in widgets.values():
        widget.show()  # offscreen: lays the plot out at its real size before export
    app.processEvents()
    return widgets


def write_bench_plots(result: BenchResult, out: Path, formats: set[str], width: int = 1920) -> list[Path]:
    """Write every figure (``bench_time``, ``bench_ratio_bars``, ``bench_ratio``, ``bench_roofline``) as PNG and/or
    SVG into ``out``.

    Each file is written atomically; a failure raises :class:`~core.atomic_write.WriteError` naming the file (the
    plot widgets are closed either way)."""
    import pyqtgraph.exporters

    from gui.image_file import save_image
    from gui.plots.svg_export import svg_bytes

    make_folder(out)
    written = []
    widgets = build_plot_widgets(result)
    try:
        for name, widget in widgets.items():
            item = widget.getPlotItem()
            if "png" in formats:
                exporter = pyqtgraph.exporters.ImageExporter(item)
                exporter.parameters()["width"] = width
                exporter.parameters()["antialias"] = True
                written.append(save_image(exporter.export(toBytes=True), out / f"bench_{name}.png"))
            if "svg" in formats:
                written.append(write_bytes_atomic(out / f"bench_{name}.svg", svg_bytes(item)))
    finally:
        for widget in widgets.values():
            widget.close()
            widget.deleteLater()
        _application().processEvents()
    return written
