"""Numbers a student can read: cell values in small heatmaps, colour-bar labels, font scale, 1-D wording, highlights."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest

from core.presets import load_preset
from core.spec import parse_spec
from gui.launch import make_application
from gui.main_window import MainWindow
from gui.panels.equality import difference_levels
from gui.panels.init import InitPanel
from gui.theme import PlotStyle, plot_colours
from gui.widgets.heatmap import (
    CELL_POINTS,
    MIN_TEXT_POINTS,
    Heatmap,
    contrast_ratio,
    format_cell,
    readable_text_colour,
    region_outline,
)
from tests.gui.windows import lab_window

LECTURE = "fc-4x2-as-conv-2x2"
LINEAR_WEIGHTS = np.array([[-0.4525, 0.1935, -0.3702, 0.3160], [0.2698, 0.2885, 0.2830, -0.0791]])
OUTPUTS = np.array([0.2983, 1.4994])
DARK = PlotStyle(*plot_colours("dark"))


def _numbers(texts: list[list[str]]) -> np.ndarray:
    return np.array([[float(text) for text in row] for row in texts])


# ----- formatting and contrast ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (-0.45251, "-0.4525"),
        (0.193519, "0.1935"),
        (1.49941, "1.4994"),
        (-0.079049, "-0.0790"),
        (0.31601, "0.3160"),
        (0.00123456, "0.001235"),
        (1.2e-08, "1.2e-08"),
        (0.0, "0"),
        (-0.0, "0"),
        (4.0, "4"),
        (12345.6, "1.235e+04"),
        (123.456789, "123.4568"),
    ],
)
def test_cell_numbers_are_compact(value: float, text: str) -> None:
    assert format_cell(value) == text


@pytest.mark.parametrize(
    ("background", "text"),
    [((255, 255, 255), "#000000"), ((0, 0, 0), "#ffffff"), ((20, 30, 110), "#ffffff"), ((250, 230, 30), "#000000")],
)
def test_text_colour_is_black_on_light_and_white_on_dark(background: tuple[int, int, int], text: str) -> None:
    assert readable_text_colour(background) == text


@pytest.mark.parametrize("name", ["CET-D1A", "viridis"])
def test_text_colour_reads_on_every_colour_of_the_maps(name: str) -> None:
    """WCAG AA (4.5:1) on every colour the heatmaps draw, and never the worse of black and white."""
    colours = pg.colormap.get(name).map(np.linspace(0, 1, 256), mode=pg.ColorMap.BYTE)
    for rgb in colours:
        chosen = readable_text_colour(rgb)
        other = "#ffffff" if chosen == "#000000" else "#000000"
        as_rgb = {"#000000": (0, 0, 0), "#ffffff": (255, 255, 255)}
        assert contrast_ratio(rgb, as_rgb[chosen]) >= max(4.5, contrast_ratio(rgb, as_rgb[other]))


def test_a_highlighted_region_gets_one_outline_around_it() -> None:
    inside = np.zeros((5, 6), dtype=bool)
    inside[1:3, 1:3] = True  # a 2x2 block: its perimeter is 8 unit edges, none between its own cells
    inside[3, 4] = True  # a lone cell: 4 edges
    xs, ys = region_outline(inside, scale=2)
    segments = {tuple(map(float, (xs[i], ys[i], xs[i + 1], ys[i + 1]))) for i in range(0, len(xs), 2)}
    assert len(xs) == 2 * 12 and len(segments) == 12
    assert (0.0, 0.0, 2.0, 0.0) in segments and (2.0, 0.0, 2.0, 2.0) not in segments  # outer top; inner edge absent
    assert (6.0, 4.0, 6.0, 6.0) in segments and (8.0, 4.0, 8.0, 6.0) in segments  # the lone cell's sides, x2


@pytest.mark.parametrize(
    ("diff", "levels", "title"),
    [
        ([[0.0], [0.0]], (0.0, 1.0), "|difference| (all 0)"),
        ([[1.2e-08], [0.0]], (0.0, 1.2e-08), "|difference|"),
        ([[np.nan], [0.5]], (0.0, 0.5), "|difference| (some not finite)"),
    ],
)
def test_the_difference_map_always_has_a_scale(diff: list, levels: tuple[float, float], title: str) -> None:
    assert difference_levels(np.array(diff)) == (levels, title)


# ----- one heatmap ------------------------------------------------------------------------------------------------
@pytest.fixture
def heatmap(qtbot):
    make_application()
    widget = Heatmap("title", "x", "y")
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_small_grid_prints_its_values_as_text_items_in_the_scene(heatmap: Heatmap) -> None:
    values = np.array([[-0.45251, 0.0, 3.0], [1.2e-08, 7.5, -2.25]])
    heatmap.set_data(values)
    assert heatmap.cell_texts() == [["-0.4525", "0", "3"], ["1.2e-08", "7.5000", "-2.2500"]]
    items = heatmap.cell_text_items()
    assert len(items) == 6 and all(isinstance(item, pg.TextItem) for item in items)
    assert all(item.scene() is heatmap.plot.scene() for item in items)
    assert heatmap.texts_visible
    colours = heatmap.cell_colours().reshape(-1, 4)
    for item, rgb in zip(items, colours, strict=True):
        assert item.color.name() == readable_text_colour(rgb)
    # The largest value is dark red (white text), zero is near white (black text).
    assert items[4].color.name() == "#ffffff" and items[1].color.name() == "#000000"


def test_text_colour_follows_a_new_colour_map(heatmap: Heatmap) -> None:
    heatmap.set_data(np.array([[0.0, 1.0]]), levels=(0.0, 1.0), cmap="viridis")
    assert [item.color.name() for item in heatmap.cell_text_items()] == ["#ffffff", "#000000"]  # purple, yellow
    heatmap.set_colormap(pg.ColorMap([0.0, 1.0], ["#ffffff", "#000000"]), (0.0, 1.0))  # white to black
    assert [item.color.name() for item in heatmap.cell_text_items()] == ["#000000", "#ffffff"]


@pytest.mark.parametrize(("shape", "count"), [((16, 16), 256), ((17, 3), 0), ((3, 17), 0)])
def test_only_grids_of_at_most_16_by_16_get_text(heatmap: Heatmap, shape: tuple[int, int], count: int) -> None:
    heatmap.set_data(np.ones(shape))
    texts = [item for item in heatmap.plot.items if isinstance(item, pg.TextItem)]
    assert len(texts) == len(heatmap.cell_text_items()) == count


def test_a_block_reduced_or_replaced_grid_leaves_no_text_behind(heatmap: Heatmap) -> None:
    heatmap.set_data(np.ones((2, 2)))
    old = heatmap.cell_text_items()
    heatmap.set_data(np.ones((4, 4)), scale=8)  # blocks of a large matrix: never text
    assert heatmap.cell_texts() == [] and all(item.scene() is None for item in old)
    heatmap.set_data(np.ones((40, 40)))
    assert not [item for item in heatmap.plot.items if isinstance(item, pg.TextItem)]


def test_numbers_can_differ_from_what_the_colour_shows(heatmap: Heatmap) -> None:
    heatmap.set_data(np.array([[0.0, 3.0]]), levels=(-1, 11), numbers=np.array([[0.25, -0.5]]))
    assert heatmap.cell_texts() == [["0.2500", "-0.5000"]]


def test_texts_fit_the_cells_and_hide_when_too_small(qtbot, heatmap: Heatmap) -> None:
    heatmap.set_data(np.array([[-0.45251, 0.193519, -0.370211, 0.31603]]))
    big = heatmap.cell_text_items()[0].textItem.font().pointSizeF()
    assert heatmap.texts_visible and MIN_TEXT_POINTS <= big <= CELL_POINTS
    heatmap.resize(330, 600)
    qtbot.waitUntil(lambda: heatmap.cell_text_items()[0].textItem.font().pointSizeF() < big, timeout=2000)
    cell_width = heatmap.plot.vb.width() / 4.16  # the range has 2% padding each side
    for item in heatmap.cell_text_items():
        if item.isVisible():
            assert item.boundingRect().width() <= cell_width
    heatmap.resize(160, 600)
    qtbot.waitUntil(lambda: not heatmap.texts_visible, timeout=2000)
    assert heatmap.cell_texts()[0][0] == "-0.4525"  # still there for hover and accessibility, just not drawn


def test_font_scale_scales_title_axes_ticks_colour_bar_and_cells(heatmap: Heatmap) -> None:
    heatmap.set_data(np.array([[1.0, -2.0], [0.5, 3.0]]))

    def sizes() -> dict[str, float]:
        points = re.compile(r"font-size:\s*([\d.]+)pt")
        return {
            "title": float(points.findall(heatmap.plot.titleLabel.item.toHtml())[-1]),  # the span's, not the body's
            "label": float(points.findall(heatmap.plot.getAxis("bottom").labelString())[-1]),
            "ticks": heatmap.plot.getAxis("left").style["tickFont"].pointSizeF(),
            "bar": heatmap.colorbar.axis.style["tickFont"].pointSizeF(),
            "cell": heatmap.cell_text_items()[0].textItem.font().pointSizeF(),
        }

    heatmap.restyle(PlotStyle(font_scale=1.0))
    normal = sizes()
    assert normal == pytest.approx({"title": 13, "label": 12, "ticks": 11, "bar": 11, "cell": 12}, abs=0.11)
    heatmap.restyle(PlotStyle(font_scale=1.6))
    large = sizes()
    for name, size in normal.items():
        assert large[name] == pytest.approx(1.6 * size, rel=0.02), name


def test_colour_bar_labels_show_real_values_in_the_themes_colour(heatmap: Heatmap) -> None:
    heatmap.restyle(DARK)
    heatmap.set_data(np.array([[-0.0004, 0.0002]]))
    axis = heatmap.colorbar.axis
    labels = heatmap.colorbar_labels()
    assert labels == ["-0.0004", "-0.0002", "0", "0.0002", "0.0004"]  # not "-0.4 (x0.001)"
    assert not axis.autoSIPrefix
    assert axis.textPen().color().name() == DARK.foreground and axis.pen().color().name() == DARK.foreground
    assert heatmap.plot.getAxis("left").textPen().color().name() == DARK.foreground
    assert DARK.foreground in heatmap.plot.titleLabel.item.toHtml()


def test_a_short_colour_bar_keeps_its_ends_without_overlapping_labels(qtbot, heatmap: Heatmap) -> None:
    heatmap.set_data(np.array([[-2.0, 2.0]]))
    assert heatmap.colorbar_labels() == ["-2", "-1", "0", "1", "2"]
    heatmap.resize(700, 150)
    qtbot.waitUntil(lambda: len(heatmap.colorbar_labels()) < 5, timeout=2000)
    labels = heatmap.colorbar_labels()
    assert labels[0] == "-2" and labels[-1] == "2"
    line = heatmap.colorbar.axis.style["tickFont"].pointSizeF() * 96 / 72
    assert (len(labels) - 1) * line < heatmap.colorbar.vb.height()


# ----- the window ---------------------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = lab_window(qtbot, tmp_path / "settings.ini", size=(1600, 900))
    win.apply_spec(load_preset(LECTURE).spec, synchronous=True)
    yield win
    win.close()


def test_the_lecture_example_prints_its_weights_and_outputs(window: MainWindow) -> None:
    weights = window.panels["weights"]
    window.show_panel("weights")
    assert weights.linear_map.cell_texts()[0][:2] == ["-0.4525", "0.1935"]
    assert np.allclose(_numbers(weights.linear_map.cell_texts()), LINEAR_WEIGHTS, atol=1e-4)
    # conv.weight is cout x kh rows by kw columns: each output's 2x2 kernel is its Linear row, reshaped.
    assert np.allclose(_numbers(weights.conv_map.cell_texts()), LINEAR_WEIGHTS.reshape(4, 2), atol=1e-4)
    assert weights.linear_map.texts_visible and weights.conv_map.texts_visible
    window.show_panel("equality")
    equality = window.panels["equality"]
    for heatmap in (equality.conv_map, equality.linear_map):
        assert heatmap.cell_texts() == [["0.2983"], ["1.4994"]]
        assert np.allclose(_numbers(heatmap.cell_texts()).ravel(), OUTPUTS, atol=1e-3)
    assert equality.diff_map.cell_texts() == [["0"], ["0"]]
    assert equality.diff_map.title == "|difference| (all 0)"
    assert equality.diff_map.colorbar.levels() == (0.0, 1.0)
    window.show_panel("sliding")
    sliding = window.panels["sliding"]
    assert sliding.input_map.cell_texts() == [["1", "2"], ["3", "4"]]
    assert sliding.output_map.cell_texts() == [["0.2983"]]
    assert np.allclose(_numbers(sliding.matrix_map.cell_texts()), LINEAR_WEIGHTS, atol=1e-4)
    assert "= 0.0878 + 0.2104 = 0.2983" in sliding.where.text()  # the sum and the bias, each checkable by hand
    # one scale per tensor: the output cell is painted on the scale of both outputs, not saturated by itself
    assert sliding.output_map.colorbar.levels() == pytest.approx((-1.4994, 1.4994), abs=1e-3)


def test_source_colouring_keeps_printing_the_weights(window: MainWindow) -> None:
    weights = window.panels["weights"]
    window.show_panel("weights")
    weights.colour_by.setCurrentIndex(1)
    assert np.allclose(_numbers(weights.linear_map.cell_texts()), LINEAR_WEIGHTS, atol=1e-4)
    labels = weights.linear_map.colorbar_labels()
    assert labels[0] == "none"


def test_a_nonzero_difference_shows_its_scale(window: MainWindow) -> None:
    window.apply_spec(parse_spec(cin=3, cout=2, kernel=2, input_size=3, mode="unrolled"), synchronous=True)
    window.show_panel("equality")
    equality = window.panels["equality"]
    low, high = equality.diff_map.colorbar.levels()
    report = window.controller.result.equality
    if report.max_abs_error == 0:
        assert equality.diff_map.title == "|difference| (all 0)"
    else:
        assert equality.diff_map.title == "|difference|" and low == 0 and high == pytest.approx(report.max_abs_error)
        labels = equality.diff_map.colorbar_labels()
        assert labels[0] == "0" and float(labels[-1]) == pytest.approx(high, rel=0.01)


def test_a_1d_conv_reads_as_positions_and_taps_with_single_numbers(window: MainWindow) -> None:
    spec = parse_spec(dims=1, cin=1, cout=1, kernel=1, padding=1, input_size=5, mode="unrolled", input_fill="arange")
    window.apply_spec(spec, synchronous=True)
    window.show_panel("sliding")
    sliding = window.panels["sliding"]
    assert sliding.input_map.axis_labels[0] == "position l (padded)"
    assert sliding.kernel_map.axis_labels[0] == "tap k"
    assert not {"h", "w", "kh", "kw", "i", "j"} & {*sliding.input_map.axis_labels, *sliding.kernel_map.axis_labels}
    assert sliding.input_map.cell_texts() == [["0", "1", "2", "3", "4", "5", "0"]]  # padding prints its zeros
    text = sliding.where.text()  # position 0 of a kernel-1 conv with padding 1 reads the padding zero
    assert "0 taps on input, 1 tap on a padding zero" in text
    assert "stride 1," in text and "dilation 1," in text and text.endswith("padding 1")
    assert "(1, 1)" not in text and "input channel 0" in text and "channels" not in text
    sliding.step(1)
    assert "1 tap on input, 0 taps on padding zeros" in sliding.where.text()
    window.show_panel("weights")
    assert window.panels["weights"].conv_map.axis_labels == ("cin/groups × k", "cout")


def test_a_2d_conv_keeps_its_pairs(window: MainWindow) -> None:
    window.apply_spec(parse_spec(cin=2, cout=2, kernel=3, padding=1, input_size=4, stride=2), synchronous=True)
    window.show_panel("sliding")
    sliding = window.panels["sliding"]
    assert sliding.kernel_map.axis_labels == ("kw", "kh")
    assert "stride (2, 2)" in sliding.where.text() and "input channels 0–1" in sliding.where.text()
    assert "4 taps on input, 5 taps on padding zeros" in sliding.where.text()  # the top-left window
    assert sliding.input_map.cell_texts()[0] == ["0"] * 6  # the padded top row
    window.show_panel("weights")
    assert window.panels["weights"].conv_map.axis_labels == ("cin/groups × kw", "cout × kh")


def test_theme_and_font_scale_reach_every_heatmap_and_the_init_plot(window: MainWindow) -> None:
    window.show_panel("weights")
    conv_map = window.panels["weights"].conv_map
    before = conv_map.plot.getAxis("left").style["tickFont"].pointSizeF()
    window.set_zoom(1.5)
    window.toggle_theme()
    foreground = plot_colours("dark")[1]
    assert conv_map.plot.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(1.5 * before, rel=0.02)
    assert conv_map.colorbar.axis.textPen().color().name() == foreground
    assert foreground in conv_map.plot.titleLabel.item.toHtml()
    init = window.panels["init"]
    assert init.plot_style.font_scale == pytest.approx(1.5)
    assert init.plot.getAxis("bottom").style["tickFont"].pointSizeF() == pytest.approx(11 * 1.5, rel=0.02)
    window.set_zoom(1.0)


# ----- init panel ---------------------------------------------------------------------------------------------------
def test_init_axis_is_in_weight_units_and_its_legend_is_off_the_data(qtbot, window: MainWindow) -> None:
    window.apply_spec(parse_spec(cin=64, cout=64, kernel=3, input_size=6), synchronous=True)  # bounds ~0.04
    window.show_panel("init")
    init: InitPanel = window.panels["init"]
    qtbot.waitUntil(lambda: bool(init.verdict.text()), timeout=60_000)
    axis = init.plot.getAxis("bottom")
    assert not axis.autoSIPrefix and "x0.001" not in axis.labelString() and "×" not in axis.labelString()
    assert axis.tickStrings([-0.04, 0.0, 0.02], 1.0, 0.02) == ["-0.04", "0", "0.02"]
    assert init.plot.legend is None  # no legend box over the bars
    title = init.plot.titleLabel.item.toPlainText()
    assert "Linear weights" in title and "conv weights" in title


def test_init_restyle_scales_and_colours(qtbot) -> None:
    make_application()
    panel = InitPanel()
    qtbot.addWidget(panel)
    panel.restyle(PlotStyle(font_scale=1.0))
    base = panel.plot.getAxis("left").style["tickFont"].pointSizeF()
    panel.restyle(PlotStyle(DARK.background, DARK.foreground, font_scale=1.6))
    assert panel.plot.getAxis("left").style["tickFont"].pointSizeF() == pytest.approx(1.6 * base, rel=0.02)
    assert panel.plot.getAxis("bottom").textPen().color().name() == DARK.foreground
    assert panel.plot_widget.backgroundBrush().color().name() == DARK.background


# ----- highlights ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("panel", "targets"),
    [
        ("weights", ("linear", "conv", "patches")),
        ("sliding", ("input", "kernel", "output", "matrix")),
        ("equality", ("conv", "linear", "difference")),
    ],
)
def test_every_highlight_target_outlines_its_heatmap(window: MainWindow, panel: str, targets: tuple[str, ...]) -> None:
    window.show_panel(panel)
    widget = window.panels[panel]
    assert widget.highlight_targets == targets
    for target in targets:
        heatmap = widget.target_maps()[target]
        if heatmap.shape == (0, 0):
            continue  # the patch matrix exists in unfold mode only
        widget.show_highlight(target, [(0, 0)])
        assert heatmap.emphasized_cells() == [(0, 0)]
        widget.show_highlight(target, None)
        rows, cols = heatmap.shape
        assert len(heatmap.emphasized_cells()) == rows * cols
        widget.show_highlight(target, [])
        assert heatmap.emphasized_cells() == []
    with pytest.raises(ValueError, match="valid targets: " + ", ".join(targets)):
        widget.show_highlight("nonsense", None)


def test_a_highlight_survives_a_redraw_and_goes_with_a_new_spec(qtbot, window: MainWindow) -> None:
    window.show_panel("equality")
    equality = window.panels["equality"]
    equality.show_highlight("linear", [(1, 0)])
    window.show_panel("weights")
    weights = window.panels["weights"]
    weights.show_highlight("conv", [(2, 1), (3, 1)])
    window.toggle_theme()  # draws every panel again from the same result
    window.show_panel("equality")
    assert equality.linear_map.emphasized_cells() == [(1, 0)]
    assert weights.conv_map.emphasized_cells() == [(2, 1), (3, 1)]
    window.apply_spec(load_preset(LECTURE).spec.replace(seed=1), synchronous=True)
    window.show_panel("weights")
    assert weights.conv_map.emphasized_cells() == []
    window.show_panel("equality")
    assert equality.linear_map.emphasized_cells() == []
