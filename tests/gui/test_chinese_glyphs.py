"""Chinese is drawn with real glyphs on a machine that has no Chinese font: the window falls back to the shipped
subset of Noto Sans CJK SC. Each test runs a fresh process whose fontconfig sees only DejaVu (or no system font at
all), as on a fresh Debian machine, and checks every character of the text the Chinese window shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import json, os, sys
    from PySide6.QtGui import QFontDatabase, QFontMetrics
    from PySide6.QtWidgets import QAbstractButton, QGraphicsTextItem, QGraphicsView, QLabel, QMenu, QTabBar
    from gui.launch import make_application
    from gui.language import install_language
    app = make_application()
    install_language(app, "zh_CN")
    from gui.main_window import MainWindow
    from PySide6.QtCore import QSettings
    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat), restore=False)
    window.resize(1920, 1080)
    window.show()
    window.load_preset("conv2d-doc-example", synchronous=True, story=False)
    for _ in range(20):
        app.processEvents()
    shown = []  # (text, font) of everything the window draws as text
    for widget in window.findChildren(QLabel):
        shown.append((widget.text(), widget.font()))
    for widget in window.findChildren(QAbstractButton):
        shown.append((widget.text(), widget.font()))
    for bar in window.findChildren(QTabBar):
        shown += [(bar.tabText(i), bar.font()) for i in range(bar.count())]
    for menu in window.findChildren(QMenu):
        shown += [(action.text(), menu.font()) for action in menu.actions()] + [(menu.title(), menu.font())]
    for view in window.findChildren(QGraphicsView):
        for item in view.scene().items():
            if isinstance(item, QGraphicsTextItem):
                shown.append((item.toPlainText(), item.font()))
    chinese = [(t, f) for t, f in shown if any("\\u4e00" <= c <= "\\u9fff" for c in t)]
    missing = sorted({c for t, f in chinese for c in t if ord(c) > 0x7f and not QFontMetrics(f).inFontUcs4(ord(c))})
    control = QFontMetrics(app.font()).inFontUcs4(ord("\\u9f98"))  # 龘: in no translation, so not in the subset
    families = [f for f in QFontDatabase.families() if "CJK" in f and "LinConv" not in f]
    print(json.dumps({"texts": len(chinese), "missing": missing, "control": control, "system_cjk": families}))
    window.controller.shutdown()
    """
)


def fonts_conf(folder: Path, font_dirs: list[str]) -> Path:
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig>{dirs}<cachedir>{folder / "cache"}</cachedir></fontconfig>')
    return conf


@pytest.mark.parametrize("system_fonts", [["/usr/share/fonts/truetype/dejavu"], []], ids=["dejavu-only", "none"])
def test_chinese_window_text_has_glyphs_without_a_system_chinese_font(tmp_path: Path, system_fonts) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(fonts_conf(tmp_path, system_fonts))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "settings.ini")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["system_cjk"] == []  # the probe really has no Chinese system font
    assert result["texts"] > 20  # menus, tabs, docks and plots are in Chinese
    assert result["missing"] == []
    assert result["control"] is False  # a character outside the subset is reported missing: the check can fail
