"""The Speed panel: a live benchmark in a worker, plotted as points arrive, cancellable, exportable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.panels.speed import SpeedPanel
from tests.gui.conftest import BENCH_SPEC as SPEC


@pytest.fixture
def panel(speed_panel: SpeedPanel) -> SpeedPanel:
    return speed_panel


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


def test_export_after_a_spec_change_writes_the_measured_spec(qtbot, panel: SpeedPanel, tmp_path: Path) -> None:
    import json

    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.start()
    assert "measured on Conv1d(4, 8, kernel=1)" in panel.measured.text() and not panel.is_stale()
    title = panel.plots["time"].getPlotItem().titleLabel.text
    assert "Conv1d(4, 8, kernel=1) on 2x4x32" in title  # the plot says what was measured
    panel.set_spec(SPEC.replace(cout=16))
    assert panel.is_stale() and panel.measured.text().startswith("STALE")
    panel.export(tmp_path)
    meta = json.loads((tmp_path / "bench.json").read_text())
    assert meta["meta"]["spec"]["cout"] == 8


def test_a_run_that_fails_ends_cleanly_with_its_message(qtbot, panel: SpeedPanel, monkeypatch) -> None:
    import core.bench.runner

    def broken(*_args, **_kwargs):
        raise RuntimeError("measurement exploded")

    monkeypatch.setattr(core.bench.runner, "measure_interleaved", broken)
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.start()
    assert "measurement exploded" in panel.message.text()
    assert panel.run_button.isEnabled() and panel.worker is None


def _children() -> set[int]:
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children()}


def test_closing_during_a_process_isolated_benchmark_returns_within_a_second(qtbot, panel: SpeedPanel) -> None:
    import time

    panel.isolation.setCurrentText("process")
    panel.min_time.setValue(20.0)  # each measurement would take seconds
    panel.rounds.setValue(2)
    started: list[str] = []
    panel.start()
    panel.worker.yielded.connect(lambda progress: started.append(progress.message))
    qtbot.waitUntil(lambda: bool(started), timeout=120_000)  # workers prepared, measuring now
    assert _children()
    began = time.monotonic()
    panel.shutdown()
    assert time.monotonic() - began < 1.0
    qtbot.waitUntil(lambda: not _children(), timeout=2_000)  # no benchmark process outlives the panel


def test_a_run_replaced_by_a_new_one_does_not_end_the_new_one(qtbot, panel: SpeedPanel) -> None:
    panel.start()
    first = panel.worker
    panel.min_time.setValue(1.0)  # the second run takes a while
    panel.start()  # stops and waits for the first, then starts the second
    second = panel.worker
    assert first is not None and second is not None and first is not second
    qtbot.wait(150)  # the first run's queued "finished" has been delivered by now
    assert panel.worker is second and not panel.run_button.isEnabled()
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        pass
    assert panel.worker is None and panel.run_button.isEnabled()
