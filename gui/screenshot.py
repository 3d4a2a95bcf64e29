"""``python main.py screenshot``: render the real window offscreen for a preset and save it as PNG."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from core.errors import SpecError
from core.modes import MAPPING_MODES

PANEL_CHOICES = ("weights", "sliding", "equality", "init", "code", "speed", "formulas", "parameters")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, like the other commands
        raise SpecError("screenshot", message, "see: python main.py screenshot --help")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SpecError("size", f"expected WxH, got {text!r}", "use e.g. 1920x1080") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise SpecError("size", f"{width}x{height} is outside 320x240 .. 7680x4320", "use e.g. 1920x1080")
    return width, height


def take_screenshot(
    preset: str,
    out: Path,
    mode: str | None = None,
    panel: str = "weights",
    size: tuple[int, int] = (1920, 1080),
    theme: str = "light",
    step: int = 0,
) -> Path:
    """Render the window for ``preset`` (optionally in ``mode``) with ``panel`` in front, save to ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from core.presets import load_preset
    from gui.launch import make_application
    from gui.main_window import MainWindow

    spec = load_preset(preset).spec
    if mode:
        spec = spec.replace(mode=mode)
    app = make_application()
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, restore=False)
        window.theme = theme
        window._apply_look()
        window.resize(*size)
        window.show()
        window.apply_spec(spec, synchronous=True)
        window.show_panel(panel)
        if step:
            window.panels["sliding"].position.setValue(step)
        for _ in range(3):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise SpecError("out", f"cannot write {out}", "choose a writable .png path")
        window.controller.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    return out


def main(argv: list[str]) -> int:
    parser = _Parser(prog="main.py screenshot", description="Render the window offscreen to a PNG.")
    parser.add_argument("--preset", required=True)
    parser.add_argument("--mode", choices=("auto", *MAPPING_MODES))
    parser.add_argument("--panel", choices=PANEL_CHOICES, default="weights")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--size", default="1920x1080", help="window size WxH")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--step", type=int, default=0, help="sliding-window position to show")
    try:
        args = parser.parse_args(argv)
        from core.presets import load_preset

        load_preset(args.preset)
        path = take_screenshot(
            args.preset, Path(args.out), args.mode, args.panel, _size(args.size), args.theme, args.step
        )
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0
