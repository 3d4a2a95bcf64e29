"""Responsiveness of the window (measured by ``make bench``, never asserted in tests).

For each case, a person changes Cout with the Weights tab in front (then with the Equality tab in front):

- ``first_heatmap_ms``: from the edit to the Weights panel's conv heatmap redrawn (painted) with the new spec;
- ``visible_panels_ms``: from the edit to every visible panel (formulas dock + the tab in front) current;
- ``all_stages_ms``: from the edit to every stage landed (the hidden panels' data included);
- ``longest_stall_ms``: the longest the event loop went without running a 2 ms timer, over the whole run.

Then 1,000 edits are made as a dragged value would make them (Cout up and down, the event loop running between
edits) and resident memory is read before, half-way and after.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.lab import LabResult
from core.presets import load_preset
from gui.launch import make_application
from gui.main_window import MainWindow
from gui.widgets.panel_frame import PanelFrame

TICK_MS = 2
CASES = {
    "the docs' Conv2d example (unfold)": load_preset("conv2d-doc-example").spec,
    "large (Conv2d(3,10,5) on 32x32, unrolled 9000x3072 Toeplitz)": load_preset("params-3to10-k5").spec.replace(
        mode="unrolled"
    ),
}
DRAG_EDITS = 1000
WAIT = QEventLoop.ProcessEventsFlag.WaitForMoreEvents


def _rss_mib() -> float:
    """Current resident set size (Linux /proc), in MiB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


class _Probe:
    """Records, for one edit, when each milestone happened (ms since the edit)."""

    def __init__(self, window: MainWindow, clock: QElapsedTimer) -> None:
        self.window, self.clock = window, clock
        self.marks: dict[str, float] = {}
        self.stall, self.last = 0.0, 0.0

    def tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.stall = max(self.stall, now - self.last)
        self.last = now

    def stage(self, stage: str, result: LabResult) -> None:  # connected after the window's slot: panels drew
        if stage == "conv":
            self._after_paint("first_heatmap_ms")
        frame = self.window.tabs.currentWidget()
        visible = frame.stages if isinstance(frame, PanelFrame) else ()
        if stage in visible and all(result.has(s) for s in visible):
            self._after_paint("visible_panels_ms")
        if not result.pending():
            self._after_paint("all_stages_ms")

    def _after_paint(self, mark: str) -> None:
        """Record ``mark`` once the repaint the panels asked for has run: a zero timer posted now fires after
        the update requests already in the queue."""
        QTimer.singleShot(0, lambda: self.marks.setdefault(mark, self.clock.nsecsElapsed() / 1e6))


def _one_edit(window: MainWindow, app: QApplication, step: int) -> _Probe:
    clock = QElapsedTimer()
    probe = _Probe(window, clock)
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(probe.tick)
    window.controller.stageReady.connect(probe.stage)
    clock.start()
    ticker.start()
    box = window.parameters.cout
    box.setValue(box.value() + step)
    deadline = time.monotonic() + 300
    while not window.controller.is_idle() and time.monotonic() < deadline:
        app.processEvents(WAIT)  # sleeps until an event comes (the ticker's, at least), as a real event loop does
    for _ in range(5):  # the last repaint and its mark
        app.processEvents(WAIT)
    ticker.stop()
    window.controller.stageReady.disconnect(probe.stage)
    return probe


def _edits(window: MainWindow, app: QApplication, tab: str, repeats: int) -> dict[str, Any]:
    window.show_panel(tab)
    _one_edit(window, app, 1)  # warm-up: the tab's first draw at this size is not an edit's cost
    probes = [_one_edit(window, app, -1 if i % 2 == 0 else 1) for i in range(repeats)]
    figures: dict[str, Any] = {
        key: statistics.median(p.marks[key] for p in probes)
        for key in ("first_heatmap_ms", "visible_panels_ms", "all_stages_ms")
    }
    figures["longest_stall_ms"] = max(p.stall for p in probes)
    figures["median_longest_stall_ms"] = statistics.median(p.stall for p in probes)
    figures["edits"] = repeats
    return figures


def _drag(window: MainWindow, app: QApplication, edits: int) -> dict[str, Any]:
    """Many edits in a row, as a dragged spin box makes them; resident memory along the way."""
    window.show_panel("weights")
    box = window.parameters.cout
    start_value = box.value()
    samples = {}
    began = time.monotonic()
    for index in range(edits):
        box.setValue(start_value + (index % 8))
        app.processEvents()
        if index == 0 or (index + 1) % (edits // 4) == 0:
            while not window.controller.is_idle():
                app.processEvents()
            samples[str(index + 1)] = round(_rss_mib())
    return {"rss_mib_after_edits": samples, "seconds": round(time.monotonic() - began, 1)}


def measure(repeats: int = 5) -> dict[str, Any]:
    app = make_application()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(settings=QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat), restore=False)
        window.resize(1920, 1080)
        window.show()
        for name, spec in CASES.items():
            window.apply_spec(spec, synchronous=True)
            results[name] = {
                "weights tab": _edits(window, app, "weights", repeats),
                "equality tab": _edits(window, app, "equality", repeats),
            }
        window.apply_spec(CASES["the docs' Conv2d example (unfold)"], synchronous=True)
        results["memory over 1,000 edits (the docs' example, dragged)"] = _drag(window, app, DRAG_EDITS)
        window.close()
    return results


if __name__ == "__main__":
    for case, figures in measure().items():
        print(case, figures)
