from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.launch import NO_DISPLAY, display_problem

ROOT = Path(__file__).resolve().parent.parent


def test_without_a_display_main_says_why_and_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY


def test_display_problem_trusts_an_explicit_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert display_problem() == NO_DISPLAY
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_problem() is None


def test_main_window_shows_each_preset(qtbot) -> None:
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.preset_box.setCurrentText("conv2d-doc-example")
    assert "floor((50 + 2*4 - 3*(3-1) - 1)/2 + 1)" in window.report.toPlainText()
    window.preset_box.setCurrentText("params-3to10-k5")
    assert "3/1*5*5*10 + 10" in window.report.toPlainText()
