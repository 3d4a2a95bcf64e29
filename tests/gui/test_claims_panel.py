"""The Claims panel: each claim runs in a worker, its verdict and evidence show, plots fill, runs can be cancelled."""

from __future__ import annotations

import dataclasses
import multiprocessing

import pytest
from PySide6.QtCore import Qt

from core.claims import CLAIMS, ClaimProgress, ClaimRun
from core.claims.speed import SpeedOptions
from core.errors import SpecError
from core.registry import Registry
from core.spec import parse_spec
from gui.launch import make_application
from gui.panels.claims import ClaimsPanel, FactorPage, ParamsPage, SpeedPage, StridePage
from gui.theme import PlotStyle

TINY = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)
QUICK = SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1, fresh_isolation="none", thread_counts=(1,))


@pytest.fixture
def panel(qtbot):
    make_application()
    widget = ClaimsPanel()
    qtbot.addWidget(widget)
    widget.speed_options = QUICK
    widget.resize(1280, 720)
    yield widget
    widget.shutdown()


def _finished(qtbot, panel: ClaimsPanel, name: str, timeout: int = 30_000):
    return qtbot.waitSignal(panel.claimFinished, timeout=timeout, check_params_cb=lambda finished: finished == name)


def test_the_panel_lists_every_claim_and_refuses_an_unknown_one(panel: ClaimsPanel) -> None:
    assert panel.claim_names() == CLAIMS.names
    assert panel.selector.count() == len(CLAIMS) == panel.chooser.count()
    with pytest.raises(SpecError, match="unknown value"):
        panel.show_claim("faster")


def test_selecting_a_cheap_claim_shows_its_verdict_and_plot(qtbot, panel: ClaimsPanel) -> None:
    panel.show()
    with _finished(qtbot, panel, "stride"):
        panel.show_claim("stride")
    assert panel.current == "stride" and "stride-2" in panel.quote.text()
    assert panel.badge.text() == "PARTLY TRUE"
    assert "7×7 → 4×4" in panel.evidence.text() and "16 of 64" in panel.evidence.text()
    page = panel.pages["stride"]
    assert isinstance(page, StridePage) and [m.shape for m in page.maps] == [(7, 7), (8, 8)]
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_a_hidden_panel_runs_nothing_until_asked(qtbot, panel: ClaimsPanel) -> None:
    panel.show_claim("params")
    assert not panel.is_running() and panel.badge.text() == "NOT RUN"
    with _finished(qtbot, panel, "params"):
        panel.show_claim("params", run=True)
    page = panel.pages["params"]
    assert isinstance(page, ParamsPage) and page.table.rowCount() == len(panel.results["params"].data.rows)
    count = page.table.item(0, 3)
    assert count is not None and count.text() == "760"
    assert panel.badge.text() == "PARTLY TRUE"


def test_the_factorisation_claim_draws_kernels_and_the_border_leak(qtbot, panel: ClaimsPanel) -> None:
    with _finished(qtbot, panel, "factorised"):
        panel.show_claim("factorised", run=True)
    page = panel.pages["factorised"]
    assert isinstance(page, FactorPage)
    assert [m.shape for m in page.maps] == [(3, 3)] * 5 + [(8, 8)]
    assert panel.badge.text() == "FALSE"


def test_the_speed_claim_runs_only_on_request_and_finishes(qtbot, panel: ClaimsPanel) -> None:
    panel.show()
    panel.show_claim("speed")
    assert not panel.is_running("speed") and panel.badge.text() == "NOT RUN"
    progress: list[ClaimProgress] = []
    with _finished(qtbot, panel, "speed", timeout=60_000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        panel.runs["speed"].worker.yielded.connect(progress.append)
    assert progress and panel.progress.value() == panel.progress.maximum()
    result = panel.results["speed"]
    assert panel.badge.text() in ("TRUE", "FALSE", "DEPENDS") and result.verdict.upper() == panel.badge.text()
    assert "allocator" in panel.evidence.text()
    page = panel.pages["speed"]
    assert isinstance(page, SpeedPage) and page.time_plot.isVisible()
    assert page.time_plot.getPlotItem().items and page.ratio_plot.getPlotItem().items
    assert page.groups == ["fresh\n1 thread", "warm\n1 thread"]


def test_cancel_stops_a_measurement_and_says_so(qtbot, panel: ClaimsPanel) -> None:
    panel.speed_options = SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1)  # worker processes, killed on cancel
    panel.show()
    panel.show_claim("speed", run=True)
    assert panel.cancel_button.isEnabled() and panel.badge.text() == "MEASURING…"

    def measuring() -> bool:  # the engine's worker processes are up and measuring
        progress = panel.runs["speed"].progress
        return progress is not None and "prepared" in progress.text

    qtbot.waitUntil(measuring, timeout=30_000)
    with _finished(qtbot, panel, "speed", timeout=10_000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not multiprocessing.active_children()
    assert not panel.is_running("speed") and "speed" not in panel.results
    assert panel.badge.text() == "CANCELLED" and panel.status.text().startswith("cancelled")
    assert panel.run_button.isEnabled()


def test_a_claim_that_fails_reports_and_ends(qtbot, panel: ClaimsPanel, monkeypatch) -> None:
    def broken(*_args: object) -> ClaimRun:
        yield ClaimProgress(0.0, "starting")
        raise RuntimeError("exploded")

    claims = Registry("claim", [dataclasses.replace(c, run=broken) if c.name == "params" else c for c in CLAIMS])
    monkeypatch.setattr("gui.panels.claims.CLAIMS", claims)
    with _finished(qtbot, panel, "params"):
        panel.show_claim("params", run=True)
    assert panel.badge.text() == "ERROR" and "exploded" in panel.status.text()
    assert panel.run_button.isEnabled()


def test_restyle_scales_fonts_and_a_narrow_panel_goes_compact(qtbot, panel: ClaimsPanel) -> None:
    panel.show()
    base = panel.evidence.font().pointSizeF()
    panel.restyle(PlotStyle("#000000", "#ffffff", 2.0))
    assert panel.evidence.font().pointSizeF() == pytest.approx(2 * base)
    assert panel.quote.font().italic() and panel.badge.font().bold()
    assert panel.compact and panel.chooser.isVisible() and not panel.selector.isVisible()
    assert panel.splitter.orientation() == Qt.Orientation.Vertical
    panel.restyle(PlotStyle())
    assert not panel.compact and panel.selector.isVisible() and not panel.chooser.isVisible()
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal
    panel.chooser.setCurrentIndex(CLAIMS.names.index("params"))
    assert panel.current == "params" and panel.selector.currentRow() == panel.chooser.currentIndex()


def test_shutdown_during_a_run_returns_promptly(qtbot, panel: ClaimsPanel) -> None:
    import time

    panel.speed_options = SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1)
    panel.show_claim("speed", run=True)
    started = time.monotonic()
    panel.shutdown(timeout=10)
    assert time.monotonic() - started < 10
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5_000)


@pytest.mark.parametrize(("compact", "rows"), [(True, 1), (False, 2)])
def test_factor_maps_keep_their_height_in_a_short_projector_space(qtbot, compact: bool, rows: int) -> None:
    """Under a presentation caption at 1280x720 the page gets a short, wide strip: one row of six maps, each
    as tall as the strip, instead of two rows squashed to lines."""
    make_application()
    page = FactorPage()
    qtbot.addWidget(page)
    page.set_compact(compact)
    page.resize(1200, 260)
    page.show()
    qtbot.waitExposed(page)
    tops = {heatmap.geometry().top() for heatmap in page.maps}
    assert len(tops) == rows
    assert all(heatmap.height() > (200 if compact else 100) for heatmap in page.maps)
    assert compact or all(heatmap.height() < 140 for heatmap in page.maps)
