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
    """One white-background plot widget per figure, drawn from ``result``."""
    import pyqtgraph as pg

    from gui.plots.bench_plots import draw_ratio, draw_roofline, draw_time, style_plot

    app = _application()
    widgets = {}
    for name in ("time", "ratio", "roofline"):
        widget = pg.PlotWidget(background="w")
        widget.resize(*BASE_SIZE)
        style_plot(widget.getPlotItem(), "k")
        widgets[name] = widget
    draw_time(widgets["time"].getPlotItem(), result.records)
    draw_ratio(widgets["ratio"].getPlotItem(), result.records)
    draw_roofline(widgets["roofline"].getPlotItem(), result.records, list(result.rooflines.values()))
    for widget in widgets.values():
        widget.show()  # offscreen: lays the plot out at its real size before export
    app.processEvents()
    return widgets


def write_bench_plots(result: BenchResult, out: Path, formats: set[str], width: int = 1920) -> list[Path]:
    """Write ``bench_time``, ``bench_ratio`` and ``bench_roofline`` as PNG and/or SVG into ``out``.

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
