"""The renderer behind ``python main.py screenshot``: the real window, offscreen, saved as PNG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.atomic_write import make_folder


def take_screenshot(
    preset: str,
    out: Path,
    mode: str | None = None,
    panel: str = "weights",
    size: tuple[int, int] = (1920, 1080),
    theme: str = "light",
    step: int = 0,
    whole_window: bool = False,
) -> Path:
    """Render the window for ``preset`` (optionally in ``mode``) with ``panel`` in front and save that panel (or
    the whole window) to ``out``. A failed write raises :class:`~core.atomic_write.WriteError` (an ``OSError``
    naming ``out`` and the reason); a previous file at ``out`` stays as it was."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from core.presets import load_preset
    from gui.image_file import save_image
    from gui.launch import make_application
    from gui.main_window import MainWindow

    spec = load_preset(preset).spec
    if mode:
        spec = spec.replace(mode=mode)
    app = make_application()
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, restore=False)
        try:
            window.set_theme(theme)
            window.resize(*size)
            window.show()
            window.show_panel(panel)
            window.apply_spec(spec, synchronous=True)
            if window.controller.error is not None:  # never save a picture of a refused spec
                raise window.controller.error
            if step:
                window.panels["sliding"].position.setValue(step)
            for _ in range(3):
                app.processEvents()
            target = window if whole_window else window.panel_widget(panel)
            save_image(target.grab(), make_folder(out.parent) / out.name)
        finally:
            window.controller.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()
    return out
