"""The window as the headless commands draw it (``screenshot``, ``export``): offscreen, with throw-away settings,
in a chosen language and theme, closed afterwards."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from core.spec import LayerSpec

if TYPE_CHECKING:  # the window toolkit loads only when a headless command draws
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow


@contextmanager
def speaking(app: QApplication, language: str) -> Iterator[None]:
    """The window's catalogues of ``language`` while the render runs; then English, with the translator the
    caller had (e.g. the CLI's, over the ``.ts`` files) installed again."""
    from core.catalogue import use_language
    from core.i18n import SOURCE_LANGUAGE, current_language
    from gui.language import install_language

    before = current_language()
    install_language(app, language)
    try:
        yield
    finally:
        install_language(app, SOURCE_LANGUAGE)
        use_language(before)


@contextmanager
def offscreen_window(
    app: QApplication,
    spec: LayerSpec,
    *,
    preset: str | None,
    theme: str,
    size: tuple[int, int],
    zoom: float = 1.0,
    panel: str | None = None,
) -> Iterator[MainWindow]:
    """A window of ``size`` showing ``spec`` with every stage computed (as preset ``preset``, which fills its
    Compare table and story, if given) and ``panel`` in front; a refused spec raises its SpecError."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, restore=False)
        try:
            window.set_theme(theme)
            window.set_zoom(zoom)
            window.resize(*size)
            window.show()
            window.resize(*size)  # again: a large zoom's docks may have widened the window before its first layout
            if panel is not None:
                window.show_panel(panel)
            if preset is not None:
                window.load_preset(preset, synchronous=True, story=False, spec=spec)
            else:
                window.apply_spec(spec, synchronous=True)
            if window.controller.error is not None:  # never a picture of a refused spec
                raise window.controller.error
            yield window
        finally:
            window.controller.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()
