"""The renderer behind ``python main.py export``: the real window, offscreen, drawn and written in one go.

The steps of :func:`gui.export_render.render_export` run here in a loop that lets Qt process its events between
them, and :func:`core.export_writer.write_export` runs on the same thread after them (nothing else needs the
thread). An interrupt (Ctrl+C) leaves the folder as it was.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from core.errors import SpecError
from core.export_writer import ExportProgress
from core.i18n import tr
from core.spec import LayerSpec
from gui.sliding_animation import MAX_FRAMES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


WINDOW_SIZE = (1920, 1080)
WAIT_S = 0.02  # between looks at a lab that is still computing
T = TypeVar("T")


def drive(
    steps: Generator[ExportProgress, None, T],
    app: QApplication | None = None,
    on_progress: Callable[[Any], None] | None = None,
) -> T:
    """Run ``steps`` to the end on this thread, letting ``app`` process events between steps (and waiting a little
    when a step is ``waiting``); return its value."""
    while True:
        try:
            progress = next(steps)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(progress)
        if app is not None:
            app.processEvents()
        if progress.waiting:
            time.sleep(WAIT_S)


def export_headless(
    spec: LayerSpec,
    out: Path,
    *,
    preset: str | None = None,
    language: str = "en",
    theme: str = "light",
    width: int = 1920,
    max_frames: int = MAX_FRAMES,
    on_progress: Callable[[Any], None] | None = None,
) -> list[Path]:
    """Show ``spec`` in a window offscreen (in ``language`` and ``theme``; as preset ``preset`` if given) and export
    it into ``out``; returns the files written. A failed write raises :class:`~core.atomic_write.WriteError` and
    leaves ``out`` as it was."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from core.export_index import export_info
    from core.export_writer import write_export
    from core.panel_data import panel_tables
    from gui.export_render import preset_of, render_export
    from gui.language import MissingTranslation
    from gui.launch import make_application
    from gui.offscreen import offscreen_window, speaking
    from gui.png_encoder import PngEncoder

    app = make_application()
    try:  # the language before the window: every text is made in it; the caller's is back after
        with (
            speaking(app, language),
            offscreen_window(app, spec, preset=preset, theme=theme, size=WINDOW_SIZE) as window,
            PngEncoder() as encoder,
        ):
            rendered = drive(render_export(window, width, encoder, max_frames), app, on_progress)
            valid = rendered.result.valid
            info = export_info(
                valid,
                preset=preset_of(window, valid.spec),
                language=language,
                theme=theme,
                width=width,
                not_included=rendered.not_included,
            )
            paths = drive(
                write_export(out, rendered.items, panel_tables(rendered.result), valid, info), None, on_progress
            )
    except MissingTranslation as error:
        raise SpecError("lang", str(error), tr("Export", "or export in English: --lang en")) from None
    assert paths is not None  # only a cancelled export returns None, and nothing cancels this one
    return paths
