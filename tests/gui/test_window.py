"""The window driven as a person would: type values, hover, step, save and load."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from core.spec import parse_spec
from gui.launch import make_application
from gui.main_window import MainWindow

SMALL = parse_spec(dims=2, cin=4, cout=6, kernel=3, padding=1, input_size=6, mode="unrolled")


@pytest.fixture
def window(qtbot, tmp_path: Path):
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, restore=False)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    win.apply_spec(SMALL, synchronous=True)
    yield win
    win.close()


def wait_result(qtbot, win: MainWindow, timeout: int = 30_000) -> None:
    with qtbot.waitSignal(win.controller.resultReady, timeout=timeout):
        pass


def edit(qtbot, win: MainWindow, action) -> None:
    with qtbot.waitSignal(win.controller.resultReady, timeout=30_000):
        action()


def test_changing_spin_boxes_updates_every_panel(qtbot, window: MainWindow) -> None:
    panel = window.parameters
    edit(qtbot, window, lambda: panel.cin.setValue(5))
    result = window.controller.result
    assert result.spec.cin == 5
    assert "5/1*3*3*6 + 6" in window.formulas.text()
    assert window.panels["weights"].result is result
    assert result.conv_grid.values.shape == (6 * 3, 5 * 3)
    assert window.panels["equality"].badge.text().startswith("PASS")
    assert window.panels["init"].verdict.text()
    assert "nn.Conv2d(5, 6" in window.panels["code"].editor.toPlainText()
    assert window.panels["sliding"].position.maximum() == 6 * 6 - 1
    edit(qtbot, window, lambda: panel.pairs["kernel"].width_box.setValue(5))
    assert window.controller.result.spec.kernel == (3, 5)
    assert "unrolled" in window.status.text()


def test_typing_into_a_spin_box(qtbot, window: MainWindow) -> None:
    box = window.parameters.cout
    box.selectAll()
    with qtbot.waitSignal(window.controller.resultReady, timeout=30_000):
        qtbot.keyClicks(box, "12")
    assert window.controller.result.spec.cout == 12


def test_an_invalid_value_marks_the_field_and_keeps_the_last_result_dimmed(qtbot, window: MainWindow) -> None:
    before = window.controller.result
    window.parameters.groups.setValue(3)  # cin=4 is not divisible by 3
    assert window.parameters.error.isVisible()
    assert "groups" in window.parameters.error.text() and "use one of 1, 2" in window.parameters.error.text()
    assert window.parameters.fields["groups"].property("invalid") is True
    assert window.tabs.graphicsEffect() is not None  # dimmed, still showing the last valid result
    assert window.controller.result is before
    edit(qtbot, window, lambda: window.parameters.groups.setValue(2))
    assert not window.parameters.error.isVisible()
    assert window.parameters.fields["groups"].property("invalid") is False
    assert window.tabs.graphicsEffect() is None


def test_every_rule_shows_in_the_panel_without_raising(qtbot, window: MainWindow) -> None:
    panel = window.parameters
    panel.pairs["kernel"].width_box.setValue(40)  # output would be empty
    assert "output W would be empty" in panel.error.text()
    assert panel.fields["kernel"].property("invalid") is True
    panel.pairs["kernel"].width_box.setValue(3)
    panel.mode.setCurrentIndex(panel.mode.findData("pointwise"))
    assert "pointwise mode needs kernel 1" in panel.error.text()
    panel.mode.setCurrentIndex(panel.mode.findData("unrolled"))
    panel.pairs["input_size"].width_box.setValue(4000)
    panel.pairs["input_size"].height_box.setValue(4000)
    assert "memory" in panel.error.text() and "budget" in panel.error.text()
    assert panel.fields["input_size"].property("invalid") is True


def _hover(qtbot, heatmap, row: int, col: int) -> None:
    """Move the mouse over a heatmap cell, as a person would."""
    scale = heatmap._scale
    scene_point = heatmap.plot.vb.mapViewToScene(QPointF((col + 0.5) * scale, (row + 0.5) * scale))
    view_point = heatmap.view.mapFromScene(scene_point)
    QTest.mouseMove(heatmap.view.viewport(), QPoint(int(view_point.x()), int(view_point.y())))
    qtbot.waitUntil(lambda: heatmap._last == (row, col), timeout=2000)


def test_hovering_a_linear_cell_highlights_its_conv_weight_and_back(qtbot, window: MainWindow) -> None:
    weights = window.panels["weights"]
    window.show_panel("weights")
    result = window.controller.result
    rows, cols = np.nonzero(result.linear_matrix.source >= 0)
    row, col = int(rows[5]), int(cols[5])
    _hover(qtbot, weights.linear_map, row, col)
    source = int(result.linear_matrix.source[row, col])
    expected = result.conv_grid.cell_of(source)
    marks = weights.conv_map.marks.data
    assert len(marks) == 1
    assert (int(marks["y"][0] - 0.5), int(marks["x"][0] - 0.5)) == expected
    assert "conv.weight[" in weights.linear_map.readout.text()
    conv_row, conv_col = expected
    _hover(qtbot, weights.conv_map, conv_row, conv_col)
    uses = int((result.mapping.weight_index == source).sum())
    assert len(weights.linear_map.marks.data) == uses > 1  # a shared weight: many Toeplitz entries
    assert f"{uses} Linear entries" in weights.conv_map.readout.text()


def test_source_colouring_shows_the_structure(qtbot, window: MainWindow) -> None:
    weights = window.panels["weights"]
    weights.colour_by.setCurrentIndex(1)
    image = weights.linear_map.image.image
    assert image.min() == -1 and image.max() >= 1  # structural zeros vs. source weights


def test_sliding_window_steps_and_plays(qtbot, window: MainWindow) -> None:
    sliding = window.panels["sliding"]
    window.show_panel("sliding")
    qtbot.mouseClick(sliding.next_button, Qt.MouseButton.LeftButton)
    assert sliding.position.value() == 1
    assert "output[0, 0, (0, 1)]" in sliding.where.text()
    taps = len(sliding.kernel_map.marks.data)
    assert taps == 9
    assert "padding zeros" in sliding.where.text()
    sliding.speed.setValue(20)
    qtbot.mouseClick(sliding.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sliding.position.value() >= 3, timeout=3000)
    qtbot.mouseClick(sliding.play_button, Qt.MouseButton.LeftButton)
    assert not sliding.timer.isActive()
    sliding.channel.setValue(5)
    assert "output[0, 5," in sliding.where.text()


def test_precision_switch_shows_differences_are_rounding(qtbot, window: MainWindow) -> None:
    equality = window.panels["equality"]
    first = window.controller.result.equality
    edit(qtbot, window, lambda: equality.dtype.textActivated.emit("float64"))
    second = window.controller.result.equality
    assert second.dtype == "float64" and first.dtype == "float32"
    assert second.max_abs_error < 1e-12 and equality.badge.text().startswith("PASS")


def test_session_round_trip(qtbot, window: MainWindow, tmp_path: Path) -> None:
    edit(qtbot, window, lambda: window.parameters.cout.setValue(8))
    window.tabs.setCurrentIndex(2)
    path = tmp_path / "lecture.json"
    window.save_session_to(path)
    other = MainWindow(settings=QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.controller.resultReady, timeout=30_000):
        assert other.load_session_from(path)
    assert other.current_spec == window.current_spec
    assert other.parameters.cout.value() == 8 and other.tabs.currentIndex() == 2
    other.close()


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        json.dumps({"format": "other"}),
        json.dumps({"format": "linconv-lab-session", "version": 1, "spec": {"cin": 4, "groups": 3}}),
    ],
)
def test_a_broken_session_file_is_refused_and_changes_nothing(
    qtbot, window: MainWindow, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    before = window.current_spec
    assert not window.load_session_from(path)
    assert window.current_spec == before
    assert "session refused" in window.status.text()


def test_settings_persist_geometry_spec_and_panel(qtbot, tmp_path: Path) -> None:
    make_application()
    settings_path = str(tmp_path / "persist.ini")
    first = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(first)
    first.apply_spec(SMALL.replace(cout=7), synchronous=True)
    first.tabs.setCurrentIndex(3)
    first.close()
    second = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat), restore=True)
    qtbot.addWidget(second)
    assert second.current_spec.cout == 7 and second.tabs.currentIndex() == 3
    second.close()


def test_presets_menu_shortcut_and_mode_shortcut(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    with qtbot.waitSignal(window.controller.resultReady, timeout=30_000):
        QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    names = list(window.presets)
    assert window.current_spec == window.presets[names[0]].spec
    with qtbot.waitSignal(window.controller.resultReady, timeout=30_000):
        QTest.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_spec.mode == "unfold"


def test_theme_and_zoom(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    size = QApplication.instance().font().pointSizeF()
    window.set_zoom(1.5)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(size * 1.5, rel=0.05)
    window.toggle_theme()
    assert window.theme == "dark"
    window.toggle_theme()
    window.set_zoom(1.0)


def test_screenshots_are_not_blank(qtbot, window: MainWindow) -> None:
    for name in ("weights", "sliding", "equality", "init", "code"):
        window.show_panel(name)
        qtbot.wait(20)
        image: QImage = window.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
        assert len(colours) > 20, name


def test_keyboard_reaches_every_parameter(window: MainWindow) -> None:
    """Every parameter widget takes focus from the keyboard (tab order follows the form)."""
    panel = window.parameters
    for widget in (panel.dims, panel.cin, panel.cout, panel.groups, panel.batch, panel.seed, panel.mode):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
