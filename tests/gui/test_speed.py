"""The Speed panel: a live benchmark in a worker, plotted as points arrive, cancellable, exportable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.panels.speed import SpeedPanel
from gui.plots.text_rows import TITLE_ROW, title_of
from tests.gui.conftest import BENCH_SPEC as SPEC

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


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
    assert {"bench_ratio_bars.png", "bench_ratio_bars.svg"} <= {p.name for p in paths}
    texts = " ".join(t.text or "" for t in ET.fromstring((tmp_path / "bench_time.svg").read_text()).iter(SVG_TEXT))
    assert "Conv1d(4, 8, kernel=1)" in texts and "torch " in texts  # the export carries the caption


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
    title = " ".join(title_of(panel.plots["time"].getPlotItem()))
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


def test_before_the_first_run_a_hint_says_what_run_measures_and_how_long(panel: SpeedPanel) -> None:
    assert panel.pages.currentWidget() is panel.hint_area  # no empty 0..1 axes
    text = panel.hint.text()
    assert text.startswith(f"Press Run to measure {SPEC.describe()}: about ") and " s (" in text
    assert panel.expected.text() == panel.expected_duration().about()
    before = panel.expected_duration().total_s
    panel.min_time.setValue(5.0)
    assert panel.expected_duration().total_s > before + 2 * 5.0 * 0.9  # two implementations
    assert panel.expected.text() == panel.expected_duration().about() and "5 s each" in panel.hint.text()


def test_the_summary_lists_every_implementation_and_the_findings_in_a_scrollable_view(qtbot, panel: SpeedPanel) -> None:
    from PySide6.QtWidgets import QAbstractScrollArea

    for i in range(panel.impls.count()):  # four implementations, and one that cannot run a 1-tap kernel: all named
        item = panel.impls.item(i)
        checked = item.text() in ("linear", "conv", "conv_channels_last", "unfold_matmul", "unrolled")
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    panel.set_spec(SPEC.replace(kernel=3, input_size=8))
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.start()
    assert panel.pages.currentWidget() is panel.results
    summary = panel.summary.toPlainText()
    assert isinstance(panel.summary, QAbstractScrollArea) and panel.summary.isReadOnly()
    measured = [r.impl for r in panel.result.records]
    assert len(measured) == 4 and "linear" not in measured
    for record in panel.result.records:
        if record.impl != record.baseline:
            assert f"{record.impl}: {record.ratio_to_linear:.2f}x {record.baseline}" in summary
        assert f"{record.impl}: median " in summary  # its times, Q1 and Q3
        assert f"{record.impl}: {record.executed_gflops:.1f} GFLOP/s" in summary  # and its roofline, by level
    assert "excluded" in summary and "linear: no plain Linear" in summary
    assert "excluded linear: no plain Linear" in panel.message.text()  # the status line names it, shortened
    assert "torch " in summary  # the caption: the plots in the panel leave it to the summary


def test_run_length_presets_set_the_fields_and_edits_make_it_custom(panel: SpeedPanel) -> None:
    from core.bench.config import PRECISE, QUICK

    panel.run_length.setCurrentText("precise")
    assert (panel.min_time.value(), panel.rounds.value()) == (PRECISE.min_run_time, PRECISE.rounds)
    panel.rounds.setValue(4)
    assert panel.run_length.currentText() == "custom"
    panel.min_time.setValue(QUICK.min_run_time)
    panel.rounds.setValue(QUICK.rounds)
    assert panel.run_length.currentText() == "quick"


def test_plot_fonts_and_the_hint_follow_the_font_scale(qtbot, panel: SpeedPanel) -> None:
    from gui.theme import PlotStyle

    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.start()
    sizes = {}
    for scale in (1.0, 1.5):
        panel.restyle(PlotStyle(font_scale=scale))
        plot = panel.plots["time"].getPlotItem()
        sizes[scale] = (
            plot.layout.itemAt(TITLE_ROW, 0).text.font().pointSizeF(),
            plot.getAxis("bottom").style["tickFont"].pointSizeF(),
            panel.hint.font().pointSizeF(),
        )
    assert sizes[1.5] == pytest.approx(tuple(1.5 * v for v in sizes[1.0]))


def test_the_status_line_groups_exclusions_by_reason_and_keeps_them_short() -> None:
    from core.bench.implementations import Exclusion
    from core.bench.runner import BenchResult
    from gui.panels.speed import excluded_lines

    long = "no plain Linear: needs kernel 1 (pointwise) or kernel = input, both with padding 0; see unfold_matmul"
    died = "failed while measuring: its worker process died (killed by SIGKILL)"
    result = BenchResult(excluded=[("", Exclusion("linear", long)), ("", Exclusion("linear_permute", long))])
    result.excluded.append(("", Exclusion("conv", died)))
    first, second = excluded_lines(result)
    assert first.startswith("excluded linear, linear_permute: no plain Linear") and first.endswith("…")
    assert len(first) <= len("excluded linear, linear_permute: ") + 80
    assert second == f"excluded conv: {died}"  # short reasons stay whole
