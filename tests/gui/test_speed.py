"""The Speed panel: a live benchmark in a worker, plotted as points arrive, cancellable, exportable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.spec import parse_spec
from gui.launch import make_application
from gui.panels.speed import SpeedPanel

SPEC = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)


@pytest.fixture
def panel(qtbot):
    make_application()
    widget = SpeedPanel()
    qtbot.addWidget(widget)
    widget.set_spec(SPEC)
    for i in range(widget.impls.count()):
        item = widget.impls.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in ("linear", "conv") else Qt.CheckState.Unchecked)
    widget.isolation.setCurrentText("none")
    widget.min_time.setValue(0.02)
    widget.rounds.setValue(1)
    yield widget
    widget.shutdown()


def test_run_plots_every_implementation_and_exports(qtbot, panel: SpeedPanel, tmp_path: Path) -> None:
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert [r.impl for r in panel.result.records] == ["linear", "conv"]
    assert panel.progress.value() == panel.progress.maximum()
    curves = [item for item in panel.plots["time"].getPlotItem().listDataItems()]
    assert len(curves) == 2
    assert panel.export_button.isEnabled()
    paths = panel.export(tmp_path)
    assert {p.name for p in paths} >= {"bench.csv", "bench.json", "bench_time.png", "bench_ratio.svg"}
    ET.fromstring((tmp_path / "bench_time.svg").read_text())


def test_a_sweep_can_be_cancelled_keeping_finished_points(qtbot, panel: SpeedPanel) -> None:
    panel.sweep_variable.setCurrentText("batch")
    panel.sweep_values.setText("1,2,4,8,16,32")
    points: list[str] = []

    def cancel_after_first(progress) -> None:
        if progress.records and not points:
            points.extend(r.value for r in progress.records)
            panel.cancel()

    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.start()
        panel.worker.yielded.connect(cancel_after_first)
    values = {r.value for r in panel.result.records}
    assert values and values < {"1", "2", "4", "8", "16", "32"}
    assert "cancelled" in panel.message.text()


def test_bad_sweep_values_are_reported_not_raised(panel: SpeedPanel) -> None:
    panel.sweep_variable.setCurrentText("cin")
    panel.sweep_values.setText("")
    panel.start()
    assert panel.message.text().startswith("error: sweep")
    assert panel.worker is None
