"""Responsiveness of the window (measured by ``make bench``, never asserted): time from a parameter change to all
panels updated, and the longest event-loop stall while core recomputes off the GUI thread."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.presets import load_preset
from gui.launch import make_application
from gui.main_window import MainWindow

TICK_MS = 2
CASES = {
    "default (conv2d-doc-example, unfold)": load_preset("conv2d-doc-example").spec,
    "large (Conv2d(3,10,5) on 32x32, unrolled 9000x3072 Toeplitz)": load_preset("params-3to10-k5").spec.replace(
        mode="unrolled"
    ),
}


def _measure(window: MainWindow, app: QApplication, repeats: int) -> dict:
    latencies, stalls = [], []
    clock = QElapsedTimer()
    for repeat in range(repeats):
        state = {"done": None, "last": 0.0, "stall": 0.0}
        ticker = QTimer()
        ticker.setInterval(TICK_MS)

        def tick(state=state) -> None:
            now = clock.nsecsElapsed() / 1e6
            state["stall"] = max(state["stall"], now - state["last"])
            state["last"] = now

        def finished(_result, state=state) -> None:  # connected after the window's own slot: panels are updated
            state["done"] = clock.nsecsElapsed() / 1e6

        ticker.timeout.connect(tick)
        window.controller.resultReady.connect(finished)
        clock.start()
        ticker.start()
        box = window.parameters.cout
        box.setValue(box.value() + (1 if repeat % 2 == 0 else -1))
        deadline = time.monotonic() + 300
        while state["done"] is None and time.monotonic() < deadline:
            app.processEvents()
        ticker.stop()
        window.controller.resultReady.disconnect(finished)
        latencies.append(state["done"])
        stalls.append(state["stall"])
    return {
        "change_to_all_panels_ms": statistics.median(latencies),
        "longest_event_loop_stall_ms": max(stalls),
        "throttle_ms": 120,
        "runs": repeats,
    }


def measure(repeats: int = 3) -> dict:
    app = make_application()
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(settings=QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat), restore=False)
        window.resize(1920, 1080)
        window.show()
        for name, spec in CASES.items():
            window.apply_spec(spec, synchronous=True)
            results[name] = _measure(window, app, repeats)
        window.controller.shutdown()
        window.close()
    return results


if __name__ == "__main__":
    for case, figures in measure().items():
        print(case, figures)
