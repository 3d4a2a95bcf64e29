"""What the benchmark plots draw, read back from the plot items: exact quartile bars, hollow noisy points, legends
outside the data, captions, the ratio bars and the roofline's levels, fonts that follow the font scale."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pyqtgraph as pg
import pytest

from core.bench.caption import caption_lines
from core.bench.runner import BenchResult
from core.bench.timing import RATIO_CI
from gui.plots.axes import style_plot
from gui.plots.figures import FIGURES, draw_figure
from gui.plots.legend_row import legend_of
from gui.plots.text_rows import TITLE_ROW, caption_of, title_of
from gui.theme import PlotStyle
from tests.test_bench_export import sweep_result
from tests.test_bench_records import sample

DARK = PlotStyle(background="#1b1d20", foreground="#e8e8e8")


@pytest.fixture
def plot(qapp):
    widget = pg.PlotWidget()
    widget.resize(960, 540)
    widget.show()
    yield widget.getPlotItem()
    widget.close()
    widget.deleteLater()
    qapp.processEvents()


def one_point(*records) -> BenchResult:
    return BenchResult(records=[dataclasses.replace(r, value="", variable="") for r in records], spec=None)


def skewed(impl: str = "conv") -> object:
    """A layer that page-faults on some calls: Q1 near the median, a long slow tail above it."""
    return dataclasses.replace(sample(impl), median_s=1e-4, q1_s=0.9e-4, q3_s=5e-4, iqr_s=4.1e-4)


def _error_bars(plot: pg.PlotItem) -> list[pg.ErrorBarItem]:
    return [item for item in plot.items if isinstance(item, pg.ErrorBarItem)]


def test_time_bars_run_from_log10_q1_to_log10_q3_of_the_records(plot: pg.PlotItem) -> None:
    record = skewed()
    draw_figure("time", plot, one_point(sample("linear"), record), PlotStyle())
    bars = _error_bars(plot)[1].opts  # linear's first, then conv's
    low, high = bars["y"] - bars["bottom"], bars["y"] + bars["top"]
    assert low[0] == pytest.approx(math.log10(record.q1_s * 1e3), abs=1e-12)
    assert high[0] == pytest.approx(math.log10(record.q3_s * 1e3), abs=1e-12)
    assert bars["y"][0] == pytest.approx(math.log10(record.median_s * 1e3), abs=1e-12)
    # median +- IQR/2 would have drawn something else: below zero at the bottom (no log exists), short at the top.
    assert record.median_s - record.iqr_s / 2 < 0 and record.median_s + record.iqr_s / 2 < record.q3_s


def test_noisy_points_are_hollow_and_the_legend_says_what_hollow_means(plot: pg.PlotItem) -> None:
    quiet = dataclasses.replace(sample("linear"), noise_warning="")
    draw_figure("time", plot, one_point(quiet, skewed()), DARK)
    scatters = [item.scatter for item in plot.listDataItems()]
    brushes = [s.data["brush"][0].color().name() for s in scatters]
    assert brushes[0] != DARK.background and brushes[1] == DARK.background
    legend = legend_of(plot)
    assert legend is not None
    labels = [text.text() for _, text in legend.entries]
    assert labels == ["hollow: noisy (IQR > 10% of median)"]  # implementations are named on the x axis
    draw_figure("time", plot, one_point(quiet), DARK)
    assert [text.text() for _, text in legend_of(plot).entries] == []  # nothing noisy, no note


@pytest.mark.parametrize("name", list(FIGURES))
@pytest.mark.parametrize("style", [PlotStyle(), PlotStyle(font_scale=2.0)], ids=["zoom 1", "zoom 2"])
def test_the_legend_lies_outside_the_data_area_and_covers_no_point(
    qapp, plot: pg.PlotItem, name: str, style: PlotStyle
) -> None:
    draw_figure(name, plot, sweep_result(), style)
    qapp.processEvents()  # one layout pass: the rows are laid out for the plot's width from the start
    legend = legend_of(plot)
    assert legend is not None and legend.entries
    area = legend.sceneBoundingRect()
    assert area.height() > 0 and not area.intersects(plot.vb.sceneBoundingRect())
    for item in plot.listDataItems():
        xs, ys = item.getData()
        for x, y in zip(xs, ys, strict=True):
            assert not area.contains(plot.vb.mapViewToScene(pg.Point(x, y)))
    assert area.bottom() <= plot.sceneBoundingRect().bottom() + 0.5  # inside the exported item


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_figure_carries_the_caption_computed_in_core(plot: pg.PlotItem, name: str) -> None:
    result = sweep_result()
    draw_figure(name, plot, result, PlotStyle())
    lines = caption_of(plot)
    assert lines[:2] == caption_lines(result)
    assert (f"CI: {RATIO_CI}" in lines) == name.startswith("ratio")


def test_ratio_bars_start_at_one_reach_the_ratio_and_carry_its_interval(plot: pg.PlotItem) -> None:
    result = sweep_result()
    draw_figure("ratio_bars", plot, result, PlotStyle())
    last = [r for r in result.records if r.value == "16"]  # a sweep shows its last point
    bars = next(item for item in plot.items if isinstance(item, pg.BarGraphItem)).opts
    assert list(bars["y0"]) == [0.0, 0.0]  # log10(1): every bar starts at the baseline
    assert list(bars["height"]) == pytest.approx([math.log10(r.ratio_to_linear) for r in last])
    whiskers = _error_bars(plot)[0].opts
    assert list(whiskers["y"] - whiskers["bottom"]) == pytest.approx([math.log10(r.ratio_low) for r in last])
    assert list(whiskers["y"] + whiskers["top"]) == pytest.approx([math.log10(r.ratio_high) for r in last])
    labels = [item.textItem.toPlainText() for item in plot.items if isinstance(item, pg.TextItem)]
    assert labels == [f"{r.ratio_to_linear:.3g}\u00d7" for r in last]
    assert any(isinstance(item, pg.InfiniteLine) and item.value() == 0.0 for item in plot.items)
    assert "at batch=16" in title_of(plot)[0]


def test_the_roofline_names_each_points_level_and_shows_an_exceeded_bound_unclamped(plot: pg.PlotItem) -> None:
    result = sweep_result()
    over = dataclasses.replace(result.records[-1], executed_gflops=250.0, roofline_fraction=250.0 / 170.0)
    result.records[-1] = over
    draw_figure("roofline", plot, result, PlotStyle())
    labels = [text.text() for _, text in legend_of(plot).entries]
    assert {"L2 roof 300 GB/s", "L3 roof 200 GB/s", "DRAM roof 35 GB/s"} <= set(labels)
    roofs = [item for item in plot.listDataItems() if len(item.getData()[0]) == 200]
    assert len(roofs) == 3 and all(roof.opts["pen"].color().name() == PlotStyle().foreground for roof in roofs)
    assert "Conv (NCHW): 31-147% of L2 roof, bound exceeded" in labels, labels
    conv = next(item for item in plot.listDataItems() if item.name() == "conv")
    assert np.max(conv.getData()[1]) == pytest.approx(math.log10(250.0))  # drawn where it was measured
    (_, top) = plot.vb.viewRange()[1]
    assert top >= math.log10(250.0)


def test_fonts_follow_the_font_scale(qapp, plot: pg.PlotItem) -> None:
    sizes = {}
    for scale in (1.0, 2.0):
        style = PlotStyle(font_scale=scale)
        style_plot(plot, style)
        draw_figure("roofline", plot, sweep_result(), style)
        legend = legend_of(plot)
        sizes[scale] = (
            plot.layout.itemAt(TITLE_ROW, 0).text.font().pointSizeF(),
            plot.getAxis("left").style["tickFont"].pointSizeF(),
            plot.getAxis("left").labelStyle["font-size"],
            legend.entries[0][1].font().pointSizeF(),
            legend.unit,
        )
    one, two = sizes[1.0], sizes[2.0]
    assert two[0] == pytest.approx(2 * one[0]) and two[1] == pytest.approx(2 * one[1])
    assert float(two[2].removesuffix("pt")) == pytest.approx(2 * float(one[2].removesuffix("pt")))
    assert two[3] == pytest.approx(2 * one[3]) and two[4] > 1.8 * one[4]
