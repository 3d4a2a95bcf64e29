"""The model timing figure: each chosen layer and the whole model, the time of every form (before: native conv or
the original model; after: Linear, channels-last, rewritten, tuned) as a median dot with its IQR whiskers.

The time axis is logarithmic (a layer takes microseconds, the model milliseconds) and carries plain numbers; dots,
not bars, since a bar's length on a log axis depends on where the axis starts.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtGui

from core.atomic_write import make_folder, write_bytes_atomic
from core.i18n import tr
from core.models.report import timing_caption
from core.models.timing import ModelTiming, form_label
from core.registry import MODEL_FORMS, MODEL_VARIANTS
from gui.plots.axes import AXIS_GAP, TICK_POINTS, category_ticks, log_ticks, set_labels, style_plot
from gui.plots.legend_row import LegendEntry, set_legend
from gui.plots.text_rows import set_caption, set_title
from gui.theme import PlotStyle

DOT_SIZE = 14
SPREAD = 0.5  # share of a category's width the forms of one subject spread over
PLOT_NAME = "model-timing"


def _colour(form: str) -> str:
    registry = MODEL_FORMS if form in MODEL_FORMS else MODEL_VARIANTS
    return registry[form].colour


def draw_model_timing(plot: pg.PlotItem, timing: ModelTiming, style: PlotStyle, compact: bool = False) -> None:
    """Median dots with IQR whiskers per subject (layer or whole model) and form. ``compact`` (the window, which
    says how it was measured beside the plot) leaves out the caption, the input line and the x-axis name, so the
    data keeps its height on a 720-pixel projector."""
    plot.clear()
    measured = [item for item in timing.layers + timing.whole if item.timing is not None]
    subjects = list(dict.fromkeys(item.subject for item in timing.layers + timing.whole))
    forms = list(dict.fromkeys(item.form for item in measured))
    for form in forms:
        items = [item for item in measured if item.form == form]
        if not items:
            continue
        x = np.array([subjects.index(item.subject) + _offset(item.form, item.subject, timing) for item in items])
        medians = np.array([math.log10(item.timing.median_s * 1e3) for item in items if item.timing])
        q1 = np.array([math.log10(max(item.timing.q1_s, 1e-12) * 1e3) for item in items if item.timing])
        q3 = np.array([math.log10(max(item.timing.q3_s, 1e-12) * 1e3) for item in items if item.timing])
        colour = _colour(form)
        plot.addItem(
            pg.ErrorBarItem(
                x=x, y=medians, top=q3 - medians, bottom=medians - q1, beam=0.06, pen=pg.mkPen(colour, width=2)
            )
        )
        plot.addItem(
            pg.ScatterPlotItem(x=x, y=medians, size=DOT_SIZE, brush=pg.mkBrush(colour), pen=pg.mkPen(style.foreground))
        )
    labels = [subject or tr("Model plots", "whole model") for subject in short_names(subjects)]
    category_ticks(plot, labels, style)
    ends = [t for item in measured if item.timing for t in (item.timing.q1_s * 1e3, item.timing.q3_s * 1e3)]
    log_ticks(plot, "left", ends)
    set_labels(plot, tr("Model plots", "ms per call (log scale)"), tr("Model plots", "layer"), style)
    plot.getAxis("left").showLabel(not compact)  # compact: the title names the unit
    if compact:  # the axis as tall as its tick labels: no room kept for the hidden name
        axis = plot.getAxis("bottom")
        axis.showLabel(False)
        axis.setHeight(round(QtGui.QFontMetricsF(style.font(TICK_POINTS)).height() + AXIS_GAP * style.font_scale))
    set_legend(plot, [LegendEntry(form_label(form), _colour(form), "o") for form in forms], style)
    set_title(
        plot,
        tr("Model plots", "ms per call, log scale (dot: median; whiskers: IQR)")
        if compact
        else tr("Model plots", "Time before and after the rewrite (dot: median; whiskers: IQR)"),
        ""
        if compact
        else tr("Model plots", "input {shape}").format(shape="×".join(map(str, timing.config.input_shape))),
        style,
    )
    if not compact:  # an empty caption row would still take a line
        set_caption(plot, [timing_caption(timing)], style)
    plot.showGrid(y=True, alpha=0.25)


def short_names(names: list[str]) -> list[str]:
    """Layer names without the dotted parts they all share at the start and at the end (``heads.conv2_2.conv``,
    ``heads.conv3_4.conv`` → ``conv2_2``, ``conv3_4``), so they fit under their category; "" stays ""."""
    parts = [name.split(".") for name in names if name]
    if len(parts) < 2:
        return names
    head = 0
    while all(len(p) > head + 1 for p in parts) and len({p[head] for p in parts}) == 1:
        head += 1
    tail = 0
    while all(len(p) > head + tail + 1 for p in parts) and len({p[-1 - tail] for p in parts}) == 1:
        tail += 1
    short = iter(".".join(p[head : len(p) - tail]) for p in parts)
    return [next(short) if name else "" for name in names]


def _offset(form: str, subject: str, timing: ModelTiming) -> float:
    forms = [item.form for item in timing.layers + timing.whole if item.subject == subject]
    if len(forms) < 2:
        return 0.0
    return (forms.index(form) / (len(forms) - 1) - 0.5) * SPREAD


def write_model_plot(timing: ModelTiming, out: Path, width: int = 1920) -> list[Path]:
    """The figure as ``model-timing.png`` (``width`` pixels) and ``.svg`` in ``out``, drawn offscreen."""
    import pyqtgraph.exporters

    from gui.image_file import save_image
    from gui.plots.bench_export import BASE_SIZE, _application
    from gui.plots.svg_export import svg_bytes

    app = _application()
    make_folder(out)
    style = PlotStyle()
    widget = pg.PlotWidget(background=style.background)
    widget.resize(*BASE_SIZE)
    try:
        style_plot(widget.getPlotItem(), style)
        draw_model_timing(widget.getPlotItem(), timing, style)
        widget.show()
        app.processEvents()
        item = widget.getPlotItem()
        exporter = pyqtgraph.exporters.ImageExporter(item)
        exporter.parameters()["width"] = width
        exporter.parameters()["antialias"] = True
        written = [save_image(exporter.export(toBytes=True), out / f"{PLOT_NAME}.png")]
        written.append(write_bytes_atomic(out / f"{PLOT_NAME}.svg", svg_bytes(item)))
    finally:
        widget.close()
        widget.deleteLater()
        app.processEvents()
    return written
