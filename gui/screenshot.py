"""The renderer behind ``python main.py screenshot``: the real window, offscreen, saved as PNG."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from core.atomic_write import make_folder

if TYPE_CHECKING:  # the window toolkit loads only when a screenshot is taken
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow


def take_screenshot(
    preset: str,
    out: Path,
    mode: str | None = None,
    panel: str = "weights",
    size: tuple[int, int] = (1920, 1080),
    theme: str = "light",
    step: int = 0,
    whole_window: bool = False,
    zoom: float = 1.0,
    presentation: bool = False,
    story_step: int = 0,
    timeout_s: float = 120.0,
    language: str = "en",
) -> Path:
    """Render the window for ``preset`` (optionally in ``mode``) with ``panel`` in front and save that panel (or
    the whole window) to ``out``. ``story_step`` (1-based) shows that step of the preset's story, as a class
    would see it after pressing → that many times; ``presentation`` renders presentation mode at ``size``.
    ``language`` is the interface language of the render (``"zh_CN"``); afterwards the language the caller had is
    back (English in the window's catalogues, or the caller's ``.ts`` translator), so it never leaks.
    A failed write raises :class:`~core.atomic_write.WriteError` (an ``OSError``
    naming ``out`` and the reason); a previous file at ``out`` stays as it was."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from core.i18n import check_language
    from core.presets import load_preset
    from gui.image_file import save_image
    from gui.launch import make_application
    from gui.offscreen import offscreen_window, speaking

    check_language(language)
    spec = load_preset(preset).spec
    if mode:
        spec = spec.replace(mode=mode)
    app = make_application()
    with (
        speaking(app, language),
        offscreen_window(app, spec, preset=preset, theme=theme, size=size, zoom=zoom, panel=panel) as window,
    ):
        if story_step:
            window.story.start(window.presets[preset], story_step - 1)
        if presentation:
            window.set_presentation(True, full_screen=False)  # offscreen, full screen is 800x800: keep ``size``
        if panel == "models":  # the Models tab shows the first built-in example's table
            window.panels["models"].open_chosen()
        _settle(app, window, timeout_s)
        if step:
            window.panels["sliding"].position.setValue(step)
        for _ in range(3):
            app.processEvents()
        shown = window.story.step.panel if window.story.step is not None else panel
        target = window if whole_window or presentation else window.panel_widget(shown)
        save_image(target.grab(), make_folder(out.parent) / out.name)
    return out


def _settle(app: QApplication, window: MainWindow, timeout_s: float) -> None:
    """Process events until every stage the story step asked for has landed (a step may change the mode) and
    every claim it runs has its verdict."""
    deadline = time.monotonic() + timeout_s

    def busy() -> bool:
        running = window.panels["claims"].is_running() or window.panels["models"].is_running()
        return not window.controller.is_idle() or running

    while busy() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
