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


def settle(qtbot, win: MainWindow, timeout: int = 60_000) -> None:
    """Wait until every stage of the current spec has landed (or failed)."""
    qtbot.waitUntil(lambda: win.controller.is_idle(), timeout=timeout)


def edit(qtbot, win: MainWindow, action) -> None:
    action()
    settle(qtbot, win)


def test_changing_spin_boxes_updates_every_panel(qtbot, window: MainWindow) -> None:
    panel = window.parameters
    edit(qtbot, window, lambda: panel.cin.setValue(5))
    result = window.controller.result
    assert result.spec.cin == 5 and result.pending() == ()
    assert "5/1*3*3*6 + 6" in window.formulas.text()
    assert window.panels["weights"].conv is result.conv and window.panels["weights"].linear is result.linear
    assert result.conv.conv_grid.values.shape == (6 * 3, 5 * 3)
    assert not window.panels["equality"].badge.text().startswith("PASS")  # hidden panels draw when shown
    for name in ("equality", "init", "code", "sliding"):
        window.show_panel(name)
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
    qtbot.keyClicks(box, "99999")  # beyond any old widget range: shown and judged by core, never clamped
    settle(qtbot, window)
    assert box.value() == 99999 and window.controller.values["cout"] == 99999
    box.selectAll()
    qtbot.keyClicks(box, "12")
    settle(qtbot, window)
    assert window.controller.result.spec.cout == 12


def test_an_invalid_value_marks_the_field_and_keeps_the_last_result_dimmed(qtbot, window: MainWindow) -> None:
    before = window.controller.result
    window.parameters.groups.setValue(3)  # cin=4 is not divisible by 3
    assert window.parameters.error.isVisible()
    assert "groups" in window.parameters.error.text() and "use one of 1, 2" in window.parameters.error.text()
    assert window.parameters.fields["groups"].property("invalid") is True
    # Everything that shows the last valid spec says it is stale and is dimmed: panels and formulas alike.
    for frame in [*window.frames.values(), window.formulas_frame]:
        assert frame.state == "stale" and frame.dim.isVisibleTo(frame)
        assert "groups is invalid" in frame.banner.text() and frame.banner.isVisibleTo(frame)
    window.show_panel("equality")
    assert window.panels["equality"].badge.text() == "stale"  # never PASS over data that is not current
    assert window.controller.result is before
    edit(qtbot, window, lambda: window.parameters.groups.setValue(2))
    assert not window.parameters.error.isVisible()
    assert window.parameters.fields["groups"].property("invalid") is False
    assert all(frame.state == "current" and not frame.dim.isVisibleTo(frame) for frame in window.frames.values())


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
    linear, conv = window.controller.result.linear, window.controller.result.conv
    rows, cols = np.nonzero(linear.linear_matrix.source >= 0)
    row, col = int(rows[5]), int(cols[5])
    _hover(qtbot, weights.linear_map, row, col)
    source = int(linear.linear_matrix.source[row, col])
    expected = conv.conv_grid.cell_of(source)
    marks = weights.conv_map.marks.data
    assert len(marks) == 1
    assert (int(marks["y"][0] - 0.5), int(marks["x"][0] - 0.5)) == expected
    assert "conv.weight[" in weights.linear_map.readout.text()
    conv_row, conv_col = expected
    _hover(qtbot, weights.conv_map, conv_row, conv_col)
    uses = int((linear.mapping.weight_index == source).sum())
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
    assert len(sliding.pad_marks.data) == 8 * 8 - 6 * 6  # padding 1 around 6x6
    window.apply_spec(SMALL.replace(padding=0), synchronous=True)
    assert len(sliding.pad_marks.data) == 0  # no stale padding marks from the padded spec


def test_precision_switch_shows_differences_are_rounding(qtbot, window: MainWindow) -> None:
    equality = window.panels["equality"]
    window.show_panel("equality")
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
    assert other.load_session_from(path)
    settle(qtbot, other)
    assert other.controller.spec == window.controller.spec
    assert other.parameters.cout.value() == 8 and other.tabs.currentIndex() == 2
    other.close()


def test_saving_while_a_field_is_invalid_saves_the_last_valid_spec_and_says_so(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.parameters.groups.setValue(3)  # invalid: cin=4
    path = tmp_path / "while-invalid.json"
    assert window.save_session_to(path)
    assert "last valid spec" in window.status.text() and "groups" in window.status.text()
    from core.session import load_session

    assert load_session(path).spec == SMALL  # a file the app accepts, with the last valid spec


def test_a_huge_zoom_from_settings_is_clamped_like_the_zoom_keys(qtbot, tmp_path: Path) -> None:
    make_application()
    settings = QSettings(str(tmp_path / "zoom.ini"), QSettings.Format.IniFormat)
    settings.setValue("zoom", "200")
    win = MainWindow(settings=settings, restore=True)
    qtbot.addWidget(win)
    assert win.zoom == 2.5
    win.close()


def test_saving_to_an_impossible_path_is_a_message(window: MainWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not window.save_session_to(blocker / "session.json")
    assert "not saved" in window.status.text()


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
    before = window.controller.spec
    assert not window.load_session_from(path)
    assert window.controller.spec == before
    assert "session not loaded" in window.status.text()


def test_settings_persist_geometry_spec_and_panel(qtbot, tmp_path: Path) -> None:
    make_application()
    settings_path = str(tmp_path / "persist.ini")
    first = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(first)
    first.apply_spec(SMALL.replace(cout=7), synchronous=True)
    first.tabs.setCurrentIndex(3)
    first.parameters.groups.setValue(5)  # invalid at close: the last valid spec is what is stored
    first.close()
    second = MainWindow(settings=QSettings(settings_path, QSettings.Format.IniFormat), restore=True)
    qtbot.addWidget(second)
    assert second.controller.spec == SMALL.replace(cout=7) and second.tabs.currentIndex() == 3
    second.close()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("zoom", "abc"),
        ("zoom", "nan"),
        ("tab", "abc"),
        ("theme", "neon"),
        ("spec", "[1, 2]"),
        ("spec", '{"cin": Infinity}'),
        ("spec", '{"cin": 4, "groups": 3}'),
        ("spec", "{" * 5000),
    ],
)
def test_corrupt_settings_fall_back_to_defaults_and_say_so_once(qtbot, tmp_path: Path, key: str, value: str) -> None:
    make_application()
    settings = QSettings(str(tmp_path / "corrupt.ini"), QSettings.Format.IniFormat)
    settings.setValue(key, value)
    settings.sync()
    win = MainWindow(settings=settings, restore=True)
    qtbot.addWidget(win)
    note = win.statusBar().currentMessage()
    assert note.startswith("settings: ignored") and note.count("settings:") == 1
    assert 0.8 <= win.zoom <= 2.5 and win.theme in ("light", "dark")
    assert win.controller.spec is None or win.controller.error is None
    win.start()
    settle(qtbot, win)
    assert win.statusBar().currentMessage() == note  # still there once the first computation has run
    assert win.controller.spec == win.presets["fc-4x2-as-conv-2x2"].spec  # the first story, simplest first
    win.close()


def test_presets_menu_shortcut_and_mode_shortcut(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    names = list(window.presets)
    assert window.controller.spec == window.presets[names[0]].spec
    QTest.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, window)
    assert window.controller.spec.mode == "unfold"
    assert window.mode_actions["unfold"].isChecked()  # the menu shows the mode it just set
    assert window.parameters.mode.currentData() == "unfold"
    window.parameters.mode.setCurrentIndex(window.parameters.mode.findData("auto"))  # and follows the panel
    assert window.mode_actions["auto"].isChecked()


def test_theme_and_zoom_restyle_plots(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.theme import plot_colours

    size = QApplication.instance().font().pointSizeF()
    window.set_zoom(1.5)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(size * 1.5, rel=0.05)
    heatmap = window.panels["weights"].linear_map
    speed_plot = window.panels["speed"].plots["time"]
    window.toggle_theme()
    assert window.theme == "dark"
    background, foreground = plot_colours("dark")
    assert heatmap.view.backgroundBrush().color().name() == background
    assert heatmap.plot.getAxis("left").pen().color().name() == foreground
    assert speed_plot.backgroundBrush().color().name() == background
    assert window.panels["init"].plot.getAxis("bottom").textPen().color().name() == foreground
    window.toggle_theme()
    assert heatmap.view.backgroundBrush().color().name() == plot_colours("light")[0]
    window.set_zoom(1.0)


def test_panel_grabs_are_not_blank(qtbot, window: MainWindow) -> None:
    """Each panel's own pixels (not the window's menus and docks) show many colours."""
    for name in ("weights", "sliding", "equality", "init", "code"):
        window.show_panel(name)
        qtbot.wait(20)
        image: QImage = window.panel_widget(name).grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, name


def test_every_parameter_widget_is_named_after_its_spec_field(window: MainWindow) -> None:
    from PySide6.QtWidgets import QWidget

    from core.spec import FIELD_NAMES

    for name in FIELD_NAMES:
        widget = window.parameters.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName() == name


def test_seed_beyond_32_bits_survives_edits(qtbot, window: MainWindow) -> None:
    window.apply_spec(SMALL.replace(seed=2**40 + 3), synchronous=True)
    assert window.parameters.seed.value() == 2**40 + 3
    edit(qtbot, window, lambda: window.parameters.cout.setValue(5))
    assert window.controller.spec.seed == 2**40 + 3


def test_tab_moves_through_the_parameters_in_form_order(qtbot, window: MainWindow) -> None:
    panel = window.parameters
    window.activateWindow()
    panel.dims.setFocus()
    qtbot.waitUntil(panel.dims.hasFocus, timeout=2000)
    order = []
    from PySide6.QtWidgets import QApplication

    for _ in range(14):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        while focused is not None and not focused.objectName():
            focused = focused.parentWidget()  # a spin box's line edit belongs to its spin box
        order.append(focused.objectName() if focused else "")
    assert order == [
        "cin",
        "cout",
        "kernel_h",
        "kernel_w",
        "stride_h",
        "stride_w",
        "padding_kind",
        "padding_h",
        "padding_w",
        "dilation_h",
        "dilation_w",
        "groups",
        "input_size_h",
        "input_size_w",
    ]


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else None


def test_alt_mnemonics_are_unique_and_reach_the_promised_tabs(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QFormLayout

    letters = [_mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())]
    letters += [_mnemonic(action.text()) for action in window.menuBar().actions()]
    form = window.parameters.findChild(QFormLayout)
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if label is not None and label.widget() is not None:
            letters.append(_mnemonic(label.widget().text()))
    used = [letter for letter in letters if letter]
    assert len(used) == len(set(used)), sorted(used)
    window.activateWindow()
    for key, panel in ((Qt.Key.Key_E, "equality"), (Qt.Key.Key_L, "sliding"), (Qt.Key.Key_P, "speed")):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.frames[panel], panel


def test_a_pending_stage_says_so_instead_of_showing_old_data_as_current(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import core.lab

    release = threading.Event()
    original = core.lab.check_equality

    def slow(*args):
        release.wait(20)
        return original(*args)

    monkeypatch.setattr(core.lab, "check_equality", slow)
    window.show_panel("equality")
    window.parameters.cout.setValue(5)
    assert "4/1*3*3*5 + 5" in window.formulas.text()  # formulas: same event as the edit
    frame = window.frames["equality"]
    assert frame.state == "pending"
    qtbot.waitUntil(lambda: bool(frame.banner.text()), timeout=2_000)  # once the wait is long enough to notice
    assert "equality check" in frame.banner.text() and frame.dim.isVisibleTo(frame)
    from gui.main_window import PENDING_TAB_COLOUR

    index = window.tabs.indexOf(frame)
    assert window.tabs.tabBar().tabTextColor(index).name() == PENDING_TAB_COLOUR  # the tab says it too
    assert "equality check" in window.tabs.tabBar().tabToolTip(index)
    assert window.frames["code"].state == "current"
    release.set()
    settle(qtbot, window)
    assert frame.state == "current" and not frame.banner.text()
    assert window.tabs.tabBar().tabTextColor(index).name() != PENDING_TAB_COLOUR


def test_the_input_source_is_part_of_the_spec_and_given_values_start_editable(qtbot, window: MainWindow) -> None:
    panel = window.parameters
    window.apply_spec(parse_spec(cin=1, cout=2, kernel=2, input_size=2), synchronous=True)
    panel.input_fill.setCurrentIndex(panel.input_fill.findData("values"))
    settle(qtbot, window)
    assert window.controller.error is None  # prefilled, not an empty (invalid) list
    assert window.controller.spec.input_values == (1.0, 2.0, 3.0, 4.0)
    assert panel.input_values.isVisibleTo(panel) and panel.input_values.text() == "1, 2, 3, 4"
    panel.input_values.selectAll()
    qtbot.keyClicks(panel.input_values, "0.5, -1, 2, 7")
    settle(qtbot, window)
    assert window.controller.spec.input_values == (0.5, -1.0, 2.0, 7.0)
    assert "torch.tensor([0.5, -1.0, 2.0, 7.0]" in window.controller.result.code
    panel.input_values.selectAll()
    qtbot.keyClicks(panel.input_values, "1, 2")
    assert "input_values" in panel.error.text() and "needs 4 numbers" in panel.error.text()


def test_closing_the_window_during_a_benchmark_returns_at_once_and_leaves_no_process(qtbot, tmp_path: Path) -> None:
    import multiprocessing
    import time

    make_application()
    win = MainWindow(settings=QSettings(str(tmp_path / "close.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(win)
    win.show()
    win.apply_spec(parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=64, batch=4), synchronous=True)
    win.show_panel("speed")
    speed = win.panels["speed"]
    speed.min_time.setValue(20.0)  # each measurement would take seconds
    speed.rounds.setValue(2)
    measuring: list[str] = []
    speed.start()
    speed.worker.yielded.connect(lambda progress: measuring.append(progress.message))
    qtbot.waitUntil(lambda: bool(measuring), timeout=120_000)
    assert multiprocessing.active_children()
    began = time.monotonic()
    win.close()
    assert time.monotonic() - began < 1.0
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=2_000)
