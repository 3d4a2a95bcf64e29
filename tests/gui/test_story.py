"""Stories, presentation mode, variants side by side and user presets, driven as a lecturer would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from gui.main_window import MainWindow
from gui.theme import BASE_POINT_SIZE, PRESENTATION_SCALE
from gui.widgets.preset_dialog import PresetDialog
from tests.gui.windows import lab_window


def settle(qtbot, win: MainWindow, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: win.controller.is_idle(), timeout=timeout)


def _window(qtbot, settings_file: Path) -> MainWindow:
    win = lab_window(qtbot, settings_file, restore=True, size=(1600, 900))
    win.start()
    settle(qtbot, win)
    return win


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = _window(qtbot, tmp_path / "settings.ini")
    yield win
    win.set_presentation(False)
    win.close()


def _press(qtbot, win: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(win, key)
    settle(qtbot, win)


def test_the_first_start_plays_the_linear_4_2_story(window: MainWindow) -> None:
    assert window.controller.spec == window.presets["fc-4x2-as-conv-2x2"].spec
    assert window.story_bar.isVisible() and window.story_bar.counter.text() == "1 / 5"
    assert "8 numbers" in window.story_bar.caption.text()
    assert window.tabs.currentWidget() is window.frames["weights"]
    assert not window.story_bar.previous.isEnabled() and window.story_bar.next.isEnabled()


def test_keys_step_the_story_forward_and_back_changing_panel_and_caption(qtbot, window: MainWindow) -> None:
    window.parameters.cin.setFocus()  # a spin box had focus: the clicker must still step the story
    seen = []
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Right):
        _press(qtbot, window, key)
        seen.append((window.story_bar.counter.text(), window.tabs.currentWidget(), window.story_bar.caption.text()))
    assert [s[0] for s in seen] == ["2 / 5", "3 / 5", "4 / 5", "5 / 5", "5 / 5"]  # the last step stays
    frames = window.frames
    assert [s[1] for s in seen[:4]] == [frames["weights"], frames["sliding"], frames["equality"], frames["code"]]
    assert len({s[2] for s in seen[:4]}) == 4
    assert not window.story_bar.next.isEnabled()
    _press(qtbot, window, Qt.Key.Key_Left)
    _press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.story_bar.counter.text() == "3 / 5" and window.tabs.currentWidget() is frames["sliding"]
    window.story_bar.previous.click()
    assert window.story_bar.counter.text() == "2 / 5" and "reshaped to 2×2" in window.story_bar.caption.text()


def test_a_step_outlines_its_cells_and_the_next_step_clears_them(qtbot, window: MainWindow) -> None:
    weights = window.panels["weights"]
    assert len(weights.linear_map.emphasized_cells()) == 8  # step 1: the Linear's 8 weights
    _press(qtbot, window, Qt.Key.Key_Right)
    assert len(weights.conv_map.emphasized_cells()) == 8 and weights.linear_map.emphasized_cells() == []


def test_a_step_places_the_sliding_window(qtbot, window: MainWindow) -> None:
    window.load_preset("stride2-1x1-downsample")
    settle(qtbot, window)
    _press(qtbot, window, Qt.Key.Key_Right)
    assert window.tabs.currentWidget() is window.frames["sliding"]
    assert window.panels["sliding"].position.value() == 1


def test_editing_a_parameter_leaves_the_story_and_keeps_the_state(qtbot, window: MainWindow) -> None:
    _press(qtbot, window, Qt.Key.Key_Right)
    _press(qtbot, window, Qt.Key.Key_Right)
    window.parameters.cout.setValue(3)
    settle(qtbot, window)
    assert not window.story.active and not window.story_bar.isVisible()
    assert window.tabs.currentWidget() is window.frames["sliding"] and window.controller.spec.cout == 3
    window.tabs.setFocus()
    _press(qtbot, window, Qt.Key.Key_Right)  # outside a story the arrow keys do not step anything
    assert window.tabs.currentWidget() is window.frames["sliding"] and not window.story.active


def test_presets_are_in_teaching_order_and_each_starts_its_story(qtbot, window: MainWindow) -> None:
    names = list(window.presets)
    assert names[0] == "fc-4x2-as-conv-2x2" and names.index("params-3to10-k1") < names.index("conv2d-doc-example")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert window.controller.spec == window.presets[names[3]].spec
    assert window.story.active and window.story_bar.counter.text().startswith("1 / ")


def test_presentation_mode_scales_every_font_and_collapses_the_docks(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    heatmap = window.panels["weights"].linear_map
    tick_before = heatmap.plot.getAxis("left").style["tickFont"].pointSizeF()
    QTest.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting and window.presentation_action.isChecked()
    assert app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * PRESENTATION_SCALE)
    assert window.plot_style().font_scale == pytest.approx(PRESENTATION_SCALE)
    tick_after = heatmap.plot.getAxis("left").style["tickFont"].pointSizeF()
    assert tick_after == pytest.approx(tick_before * PRESENTATION_SCALE, rel=0.05)
    assert window.plot_style().background in ("#ffffff", "#000000")  # high contrast
    assert not window.parameter_dock.isVisible() and not window.formulas_dock.isVisible()
    assert window.story_bar.isVisible()  # the caption line stays
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenting and app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)
    assert window.parameter_dock.isVisible()


def test_a_presentation_step_that_needs_the_formulas_shows_that_dock(qtbot, window: MainWindow) -> None:
    window.set_presentation(True, full_screen=False)
    window.load_preset("params-3to10-k1")
    settle(qtbot, window)
    for _ in range(3):
        _press(qtbot, window, Qt.Key.Key_Right)
    assert window.story.step is not None and window.story.step.docks == ("formulas",)
    assert window.formulas_dock.isVisible() and not window.parameter_dock.isVisible()


def test_compare_shows_the_variants_side_by_side(qtbot, window: MainWindow) -> None:
    window.load_preset("params-3to10-k5")
    settle(qtbot, window)
    assert window.tabs.currentWidget() is window.frames["compare"]  # the story's first step
    table = window.panels["compare"].table()
    assert [row[1] for row in table] == ["760", "750"]
    window.load_preset("factorized-1x3-3x1-vs-3x3")
    settle(qtbot, window)
    table = window.panels["compare"].table()
    assert [row[1] for row in table] == ["36,928", "12,352", "12,352", "24,704"]
    assert table[-1][0].startswith("1x3 then 3x1") and table[-1][4] == table[0][4] == "3 × 3"


def test_a_saved_user_preset_reloads_to_the_same_spec(qtbot, tmp_path: Path) -> None:
    win = _window(qtbot, tmp_path / "settings.ini")
    win.parameters.cin.setValue(7)
    settle(qtbot, win)
    spec = win.controller.spec
    dialog_seen = []

    def fill_dialog() -> None:
        dialog = win.findChild(PresetDialog)
        dialog_seen.append(dialog)
        QTest.keyClicks(dialog.name, "seven-in")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, fill_dialog)
    win.save_user_preset_dialog()
    assert dialog_seen and (tmp_path / "presets" / "seven-in.json").is_file()
    shared = tmp_path / "shared.json"
    assert win.export_preset(shared, "Seven channels in")
    win.close()
    again = _window(qtbot, tmp_path / "settings.ini")  # a new start finds it under Presets → My presets
    titles = [a.text() for a in again.user_preset_menu.actions()]
    assert any("(seven-in)" in t for t in titles)
    again.parameters.cin.setValue(2)
    settle(qtbot, again)
    next(a for a in again.user_preset_menu.actions() if "(seven-in)" in a.text()).trigger()
    settle(qtbot, again)
    assert again.controller.spec == spec
    (tmp_path / "presets" / "seven-in.json").unlink()
    shared.rename(tmp_path / "from-a-colleague.json")
    assert again.import_preset(tmp_path / "from-a-colleague.json")
    settle(qtbot, again)
    assert again.controller.spec == spec and (tmp_path / "presets" / "from-a-colleague.json").is_file()
    assert not again.save_user_preset("Bad Name", "t", "")
    assert "preset name" in again.status.text()
    again.close()


def test_the_window_opens_maximised_the_first_time_and_as_left_afterwards(qtbot, tmp_path: Path) -> None:
    first = lab_window(qtbot, tmp_path / "settings.ini", restore=True)
    first.show_first()
    assert first.isMaximized()
    first.showNormal()
    first.resize(1000, 700)
    first.close()  # saves the geometry
    second = lab_window(qtbot, tmp_path / "settings.ini", restore=True)
    second.show_first()
    assert not second.isMaximized()
    second.close()


def test_the_claims_story_runs_each_claim_live_and_shows_its_verdict(qtbot, window: MainWindow) -> None:
    window.load_preset("claims")
    claims = window.panels["claims"]
    assert window.tabs.currentWidget() is window.frames["claims"]
    assert "better default initialisation" in window.story_bar.caption.text()
    qtbot.waitUntil(lambda: "init" in claims.results, timeout=60_000)
    assert claims.results["init"].verdict == "false"
    window.story.go(2)  # the stride claim (the timing claim, step 2, is left to the Speed tests: it takes seconds)
    assert claims.current == "stride" and "ceil(H/2)" in window.story_bar.caption.text()
    qtbot.waitUntil(lambda: "stride" in claims.results, timeout=60_000)
    assert claims.results["stride"].verdict == "partly true"
    window.story.leave()
