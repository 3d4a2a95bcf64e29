"""What every benchmark figure says around its data: a title naming the measured spec, a legend row under the
axes and the caption computed in core."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from core.bench.caption import caption_lines
from core.bench.records import NOISE_THRESHOLD
from core.bench.runner import BenchResult
from core.i18n import tr
from gui.plots.legend_row import LegendEntry, set_legend
from gui.plots.text_rows import set_caption, set_title
from gui.theme import PlotStyle


def noisy_text() -> str:
    """What a hollow symbol means."""
    return tr("Benchmark plots", "hollow: noisy (IQR > {percent:.0f}% of median)").format(percent=100 * NOISE_THRESHOLD)


def noisy_entry(style: PlotStyle) -> LegendEntry:
    """The legend's note for hollow symbols."""
    return LegendEntry(noisy_text(), style.foreground, "o", hollow=True)


def annotate(
    plot: pg.PlotItem,
    result: BenchResult,
    style: PlotStyle,
    title: str,
    entries: list[LegendEntry],
    notes: Sequence[str] = (),
) -> None:
    """Title (with the measured spec under it), legend row (plus the noisy note when a point is noisy) and
    caption (plus ``notes``, e.g. how an interval was computed)."""
    set_title(plot, title, result.spec.describe() if result.spec else "", style)
    if any(record.noisy for record in result.records):
        entries = [*entries, noisy_entry(style)]
    set_legend(plot, entries, style)
    set_caption(plot, [*caption_lines(result), *notes], style)
