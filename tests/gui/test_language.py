"""The window in another language, driven as a person would: started with --lang, switched in the Language menu,
rendered as a screenshot. Needs the compiled catalogues (`make translations`, which `make` runs before the tests)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import gui.launch
import main
from core.catalogue import catalogue_translator
from core.i18n import LANGUAGES, current_language, install_translator, tr
from gui.language import LANGUAGE_KEY, install_language, startup_language
from gui.launch import make_application
from gui.main_window import MainWindow
from gui.screenshot import take_screenshot
from tests.gui.windows import lab_window

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ZH = catalogue_translator("zh_CN")  # what the .ts catalogue says: the window reads the same text from the .qm


def chinese(context: str, text: str) -> str:
    """The catalogue's Chinese for ``text``; fails if the catalogue has none (so a test cannot pass on English)."""
    translation = ZH(context, text)
    assert translation != text and CHINESE.search(translation), (context, text, translation)
    return translation


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_chinese_window_shows_the_catalogues_translations(qtbot, tmp_path: Path) -> None:
    install_language(make_application(), "zh_CN")
    window = lab_window(qtbot, tmp_path / "settings.ini", size=(1280, 720))
    assert menu_titles(window) == [
        chinese("Main window", "&File"),
        chinese("Main window", "P&resets"),
        chinese("Main window", "&View"),
        chinese("Main window", "Language"),
        chinese("Main window", "&Help"),
    ]
    assert window.tabs.tabText(0) == chinese("Main window", "&Weights")
    assert window.tabs.tabText(1) == chinese("Main window", "S&liding window")
    assert window.parameter_dock.windowTitle() == chinese("Main window", "Parameters")
    assert window.story_bar.leave.text() == chinese("Story bar", "Leave story")
    assert window.status.text() == chinese("Main window", "ready")
    # The same Alt letters as in English: the help's Alt+E, Alt+L, Alt+P still reach their tabs.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    for key, panel in ((Qt.Key.Key_E, "equality"), (Qt.Key.Key_L, "sliding"), (Qt.Key.Key_P, "speed")):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.frames[panel], panel
    # Preset titles come from the presets catalogue; the menu entry keeps the preset's name for the CLI.
    first = window.presets[window.first_preset.name]
    entry = window.menuBar().actions()[1].menu().actions()[0].text()
    assert chinese("Presets", first.title) in entry and f"({first.name}" in entry.replace("（", "(")
    window.close()


def _open_menu(qtbot, window: MainWindow, title: str):
    """Click a menu bar title, as a person does, and return the menu that opened."""
    bar = window.menuBar()
    (action,) = [a for a in bar.actions() if a.text() == title]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    qtbot.waitUntil(action.menu().isVisible, timeout=2_000)
    return action.menu()


def test_choosing_a_language_saves_it_and_says_it_takes_effect_after_restart(qtbot, tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.ini"
    window = lab_window(qtbot, settings_file, size=(1280, 720))
    menu = _open_menu(qtbot, window, "Language")
    entries = [action for action in menu.actions() if not action.isSeparator()]
    assert [action.text() for action in entries[:-1]] == list(LANGUAGES.values())  # each in its own language
    note = entries[-1]
    assert note.text() == "Takes effect after restart" and not note.isEnabled()
    assert window.language_actions["en"].isChecked() and not window.language_actions["zh_CN"].isChecked()
    chinese_entry = window.language_actions["zh_CN"]
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(chinese_entry).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2_000)
    assert chinese_entry.isChecked() and not window.language_actions["en"].isChecked()
    assert window.status.text() == "Language: 简体中文, takes effect after restart"
    saved = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert saved.value(LANGUAGE_KEY) == "zh_CN"
    assert startup_language(saved) == "zh_CN"  # what the next start opens in
    assert current_language() == "en" and menu_titles(window)[0] == "&File"  # this window stays as it was
    # Back to the language in use: nothing waits for a restart any more.
    menu = _open_menu(qtbot, window, "Language")
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(window.language_actions["en"]).center())
    qtbot.waitUntil(lambda: "English" in window.status.text(), timeout=2_000)
    assert window.status.text() == "Language: English (in use)"
    assert QSettings(str(settings_file), QSettings.Format.IniFormat).value(LANGUAGE_KEY) == "en"
    window.close()


def test_a_chinese_screenshot_differs_from_the_english_one_and_leaves_no_language_behind(qtbot, tmp_path: Path) -> None:
    def shot(name: str, language: str) -> QImage:
        path = take_screenshot(
            "fc-4x2-as-conv-2x2", tmp_path / name, size=(1280, 720), whole_window=True, language=language
        )
        return QImage(str(path))

    zh = shot("zh.png", "zh_CN")
    assert current_language() == "en" and tr("Main window", "ready") == "ready"  # the render did not leak
    install_translator(catalogue_translator("zh_CN"), "zh_CN")  # as the CLI does for its own messages
    en = shot("en.png", "en")
    assert current_language() == "zh_CN" and tr("Main window", "ready") == "就绪"  # the caller's language is back
    assert (zh.width(), zh.height()) == (en.width(), en.height()) == (1280, 720)
    assert zh != en
    menu_bar = 24  # the top rows: the menu bar's titles
    assert zh.copy(0, 0, 400, menu_bar) != en.copy(0, 0, 400, menu_bar)


def test_lang_with_an_unknown_language_says_so_in_one_line_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        gui.launch, "user_settings", lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    for argv in (["--lang", "xx"], ["--lang=xx"], ["--lang"]):
        assert main.main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1, (argv, err)
        assert err.startswith("error: unknown language") and "en, zh_CN" in err, err
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_lang_zh_cn_opens_the_window_in_chinese(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`python main.py --lang zh_CN`: main dispatches to the window, which starts in Chinese."""
    settings_file = tmp_path / "settings.ini"
    monkeypatch.setattr(gui.launch, "user_settings", lambda: QSettings(str(settings_file), QSettings.Format.IniFormat))
    monkeypatch.setattr(gui.launch, "_exit_without_waiting_for_torch", lambda status: status)
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["menus"], seen["language"] = menu_titles(window), current_language()
        window.close()
        window.deleteLater()

    make_application()
    QTimer.singleShot(0, look_and_close)
    assert main.main(["--lang", "zh_CN"]) == 0
    assert seen["language"] == "zh_CN"
    assert seen["menus"] == [
        chinese("Main window", text) for text in ("&File", "P&resets", "&View", "Language", "&Help")
    ]


def test_lang_without_a_display_says_why_in_that_language() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "main.py", "--lang=zh_CN"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and CHINESE.search(line) and "xvfb-run python main.py" in line, line
