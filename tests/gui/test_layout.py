"""Nothing is clipped at the sizes a lecture hall's projector runs: every panel, in and out of presentation mode.

Checked on widget and plot-item geometry (text wider or taller than its widget, a widget partly hidden by its
parent, a tab bar that needs scroll buttons, a plot title or axis label longer than its axis), not by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from gui.launch import make_application
from tests.gui.layout_check import clipped_plot_text, clipped_widgets
from tests.gui.windows import lab_window

SIZES = [((1280, 720), False), ((1366, 768), False), ((1920, 1080), False), ((1280, 720), True), ((1920, 1080), True)]


@pytest.mark.parametrize(("size", "presenting"), SIZES)
def test_no_panel_is_clipped(qtbot, tmp_path: Path, size: tuple[int, int], presenting: bool) -> None:
    app = make_application()
    win = lab_window(qtbot, tmp_path / "s.ini")
    win.set_theme("light")  # the look of a first start, whatever an earlier test left in the application
    win.resize(*size)
    win.show()
    win.load_preset("fc-4x2-as-conv-2x2", synchronous=True)
    win.set_presentation(presenting, full_screen=False)
    problems = []
    for name in win.frames:
        win.show_panel(name)
        for _ in range(3):
            app.processEvents()
        problems += [f"{name}: {problem}" for problem in clipped_widgets(win) + clipped_plot_text(win)]
    win.set_presentation(False)
    win.close()
    assert problems == [], "\n".join(problems)


def test_the_checker_finds_a_clipped_label(qtbot) -> None:
    """The check above can fail: a label squeezed below its text's width is reported."""
    make_application()
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("a label much wider than ten pixels", host)
    host.show()
    label.setFixedWidth(10)
    QApplication.processEvents()
    assert any("a label much wider" in problem for problem in clipped_widgets(host))
