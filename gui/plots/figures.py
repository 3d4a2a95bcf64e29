"""The benchmark figures, by name: what the Speed panel's tabs show and what ``bench --format png,svg`` writes."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg

from core.bench.runner import BenchResult
from core.i18n import tr_noop
from gui.plots.bench_plots import draw_ratio, draw_roofline, draw_time
from gui.plots.legend_row import CAPTION_ROW, place_below
from gui.plots.ratio_bars import draw_ratio_bars
from gui.theme import PlotStyle

Draw = Callable[[pg.PlotItem, BenchResult, PlotStyle], None]
# name -> (tab title, drawing function); files are bench_<name>.png / .svg. Show a title with
# tr("Benchmark plots", title).
FIGURES: dict[str, tuple[str, Draw]] = {
    "time": (tr_noop("Benchmark plots", "time per call"), draw_time),
    "ratio_bars": (tr_noop("Benchmark plots", "ratio (slide)"), draw_ratio_bars),
    "ratio": (tr_noop("Benchmark plots", "ratio per point"), draw_ratio),
    "roofline": (tr_noop("Benchmark plots", "roofline"), draw_roofline),
}


def draw_figure(name: str, plot: pg.PlotItem, result: BenchResult, style: PlotStyle, caption: bool = True) -> None:
    """Clear ``plot`` and draw figure ``name`` of ``result`` in ``style``; without ``caption`` (a small panel
    that shows the caption elsewhere) the data gets the caption's room."""
    plot.clear()
    FIGURES[name][1](plot, result, style)
    if not caption:
        place_below(plot, CAPTION_ROW, None)
