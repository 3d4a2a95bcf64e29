"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.spec import parse_spec
from gui.launch import make_application
from gui.panels.speed import SpeedPanel

BENCH_SPEC = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)


@pytest.fixture
def speed_panel(qtbot):
    """A Speed panel on a small pointwise spec, set for quick runs: linear and conv, in this process, 20 ms."""
    make_application()
    widget = SpeedPanel()
    qtbot.addWidget(widget)
    widget.set_spec(BENCH_SPEC)
    for i in range(widget.impls.count()):
        item = widget.impls.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ("linear", "conv") else Qt.CheckState.Unchecked)
    widget.isolation.setCurrentText("none")
    widget.min_time.setValue(0.02)
    widget.rounds.setValue(1)
    yield widget
    widget.shutdown()
