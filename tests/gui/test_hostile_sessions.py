"""Hostile session and settings files: one clear message, nothing half-applied, nothing bricked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.session import load_session
from core.spec import parse_spec
from gui.launch import make_application
from gui.main_window import MainWindow
from tests.test_sessions import HEAD, session_text

SMALL = parse_spec(cin=4, cout=6, kernel=3, input_size=6)
# name -> (file content, words the message must contain)
HOSTILE_FILES: dict[str, tuple[str | bytes, list[str]]] = {
    "infinity": (session_text('{"cin": Infinity}'), ["cin", "whole number"]),
    "nan": (session_text('{"cin": NaN}'), ["cin", "whole number"]),
    "1e400": (session_text('{"cin": 1e400}'), ["cin", "whole number"]),
    "5000 digits": (session_text('{"cin": ' + "9" * 5000 + "}"), ["thousands of digits"]),
    "superscript two": (session_text('{"cin": "²"}'), ["cin", "digits 0-9"]),
    "stride 1e19": (session_text('{"stride": 10000000000000000000}'), ["stride", "int64"]),
    "deep nesting": (HEAD + '"spec": ' + "[" * 200_000 + "]" * 200_000 + "}", ["nested too deeply"]),
    "binary junk": (bytes(range(256)) * 16, ["not UTF-8"]),
    "50 MB": (session_text(view='{"x": "' + "a" * (50 << 20) + '"}'), ["50.0 MiB", "at most"]),
    "a list": ("[1, 2, 3]", ["not a LinConv Lab session"]),
    "huge version": (HEAD.replace('"version": 1', '"version": ' + "7" * 300) + '"spec": {}}', ["version"]),
}


@pytest.fixture
def window(qtbot, tmp_path: Path):
    make_application()
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(win)
    win.apply_spec(SMALL, synchronous=True)
    yield win
    win.close()


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_a_hostile_session_is_one_message_and_changes_nothing(window: MainWindow, tmp_path: Path, name: str) -> None:
    content, words = HOSTILE_FILES[name]
    path = tmp_path / "hostile.json"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)  # type: ignore[operator]
    before = (window.controller.values, window.zoom, window.theme, window.tabs.currentIndex())
    assert not window.load_session_from(path)
    message = window.status.text()
    assert message.startswith("session not loaded: session: hostile.json")
    assert all(word in message for word in words), message
    assert len(message) < 400 and "\n" not in message
    assert (window.controller.values, window.zoom, window.theme, window.tabs.currentIndex()) == before


def test_bad_view_values_of_a_good_session_are_ignored_with_a_note(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "view.json"
    path.write_text(session_text('{"cin": 2, "cout": 4}', '{"zoom": 200, "theme": 5, "tab": [1]}'))
    assert window.load_session_from(path)
    assert window.zoom == 2.5  # clamped as Ctrl+/- clamps it (zoom 200 took 9.4 GB before)
    assert window.controller.spec is not None and window.controller.spec.cin == 2
    assert "ignored theme 5, tab [1]" in window.status.text().replace("'", "")


def test_the_largest_value_core_accepts_is_shown_and_saved_as_it_is(window: MainWindow, tmp_path: Path) -> None:
    spec = SMALL.replace(stride=2**63 - 1, kernel=1)
    path = tmp_path / "edge.json"
    path.write_text(session_text(json.dumps(spec.to_dict())))
    assert window.load_session_from(path)
    assert window.parameters.pairs["stride"].width_box.value() == 2**63 - 1
    saved = tmp_path / "saved.json"
    assert window.save_session_to(saved)
    assert load_session(saved).spec.stride == (2**63 - 1, 2**63 - 1)


HOSTILE_SETTINGS = {
    "spec": ['{"stride": 1e19}', '{"cin": "²"}', '{"cin": ' + "9" * 5000 + "}", "[" * 100_000],
    "zoom": ["abc", "nan", "1e400", "-inf"],
    "tab": ["abc", "99", "-1"],
    "theme": ["neon", ""],
}


@pytest.mark.parametrize(("key", "value"), [(k, v) for k, vs in HOSTILE_SETTINGS.items() for v in vs])
def test_hostile_settings_fall_back_to_defaults_and_are_never_saved_back(qtbot, tmp_path: Path, key, value) -> None:
    make_application()
    path = tmp_path / "hostile.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(key, value)
    settings.sync()
    win = MainWindow(settings=settings, restore=True)
    qtbot.addWidget(win)
    win.close()
    stored = QSettings(str(path), QSettings.Format.IniFormat).value(key)
    assert stored != value, (key, stored)  # removed, or replaced by a valid value
    if key == "spec" and stored is not None:
        parse_spec(json.loads(str(stored)))


def test_settings_survive_every_start_after_a_hostile_value(qtbot, tmp_path: Path) -> None:
    make_application()
    path = tmp_path / "twice.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("spec", '{"stride": 1e19}')
    settings.sync()
    for _ in range(2):  # the second start reads what the first one saved
        win = MainWindow(settings=QSettings(str(path), QSettings.Format.IniFormat), restore=True)
        qtbot.addWidget(win)
        win.start()
        assert win.controller.spec is not None and win.controller.error is None
        win.close()
    assert os.path.getsize(path) > 0
