"""The lab window as the GUI tests build it: its own settings file, registered with qtbot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from gui.launch import make_application
from gui.main_window import MainWindow


def lab_window(
    qtbot: Any, settings_file: Path, restore: bool = False, size: tuple[int, int] | None = None
) -> MainWindow:
    """A new main window reading and writing ``settings_file`` (never the user's settings). With ``size`` it is
    resized and shown; without, the caller shows it (e.g. maximised, or after choosing a theme)."""
    make_application()
    window = MainWindow(settings=QSettings(str(settings_file), QSettings.Format.IniFormat), restore=restore)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
        window.show()
    return window
