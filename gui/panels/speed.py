"""Speed: benchmark the current spec's implementations live (the engine runs in a worker), plot as points
arrive, cancel at any time keeping what finished, export the plots for slides."""

from __future__ import annotations

import dataclasses
import threading
import weakref
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import GeneratorWorker

from core.atomic_write import describe_write_error
from core.bench.allocator import ALLOCATORS
from core.bench.config import ISOLATIONS, SWEEP_VARIABLES, BenchConfig, parse_sweep
from core.bench.explain import explain
from core.bench.records import write_records
from core.bench.runner import BenchProgress, BenchResult, CancelToken, now, run_bench
from core.errors import SpecError
from core.lab import LabResult
from core.registry import IMPLEMENTATIONS
from core.spec import LayerSpec
from gui.plots.axes import style_plot
from gui.plots.figures import FIGURES, draw_figure
from gui.theme import PlotStyle
from gui.workers import SHUTDOWN_WAIT_S, done_event, generator_worker, stop_and_wait

DEFAULT_IMPLS = ("linear", "linear_permute", "conv", "conv_channels_last", "unfold_matmul")


class SpeedPanel(QWidget):
    """Benchmarks on demand (Run), never on every edit. ``finished`` fires when a run ends (completed or
    cancelled).

    ``spec`` is the lab's current spec; ``measured_spec`` the one the shown records were measured on (shown on
    the plots, written by Export). Once they differ the results are marked stale.
    """

    finished = Signal()
    STAGES: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: LayerSpec | None = None
        self.measured_spec: LayerSpec | None = None
        self.result = BenchResult()
        self.worker: GeneratorWorker | None = None
        self._worker_done = threading.Event()
        self._worker_done.set()
        self._cancel: CancelToken | None = None
        self.plot_style = PlotStyle()
        self.measured = QLabel()
        self.measured.setWordWrap(True)
        self.measured.setProperty("role", "banner")
        self.measured.hide()
        self.impls = QListWidget()
        self.impls.setMaximumHeight(130)
        for term in IMPLEMENTATIONS:
            item = QListWidgetItem(term.name)
            item.setToolTip(term.description)
            item.setCheckState(Qt.CheckState.Checked if term.name in DEFAULT_IMPLS else Qt.CheckState.Unchecked)
            self.impls.addItem(item)
        self.sweep_variable = QComboBox()
        self.sweep_variable.addItems(["(no sweep)", *SWEEP_VARIABLES])
        self.sweep_values = QLineEdit(placeholderText="e.g. 1,16,128")
        self.min_time = QDoubleSpinBox(minimum=0.01, maximum=30.0, value=0.5, singleStep=0.1, suffix=" s")
        self.rounds = QSpinBox(minimum=1, maximum=20, value=3)
        self.allocator = QComboBox()
        self.allocator.addItems(ALLOCATORS)
        self.isolation = QComboBox()
        self.isolation.addItems(ISOLATIONS)
        self.backward = QCheckBox("forward + backward")
        self.run_button, self.cancel_button = QPushButton("&Run benchmark"), QPushButton("Cancel")
        self.export_button = QPushButton("Export plots…")
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress = QProgressBar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.plots = {name: pg.PlotWidget() for name in FIGURES}
        options = QGridLayout()
        options.addWidget(QLabel("implementations"), 0, 0)
        options.addWidget(self.impls, 1, 0, 4, 1)
        for row, (label, widget) in enumerate(
            (
                ("sweep", self.sweep_variable),
                ("values", self.sweep_values),
                ("time per point", self.min_time),
                ("rounds", self.rounds),
            )
        ):
            options.addWidget(QLabel(label), row, 1)
            options.addWidget(widget, row, 2)
        for row, (label, widget) in enumerate((("allocator", self.allocator), ("isolation", self.isolation))):
            options.addWidget(QLabel(label), row, 3)
            options.addWidget(widget, row, 4)
        options.addWidget(self.backward, 2, 3, 1, 2)
        buttons = QHBoxLayout()
        for widget in (self.run_button, self.cancel_button, self.export_button):
            buttons.addWidget(widget)
        buttons.addWidget(self.progress, 1)
        self.plot_tabs = QTabWidget()
        for name, widget in self.plots.items():
            style_plot(widget.getPlotItem(), self.plot_style)
            self.plot_tabs.addTab(widget, FIGURES[name][0])
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.measured)
        layout.addWidget(self.plot_tabs, 1)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export_dialog)

    def set_spec(self, spec: LayerSpec) -> None:
        """The lab's current spec (what Run measures next); results of another spec are marked stale."""
        self.spec = spec
        self._show_measured()

    def show_result(self, result: LabResult) -> None:
        self.set_spec(result.spec)

    def is_stale(self) -> bool:
        return self.measured_spec is not None and self.spec != self.measured_spec

    def _show_measured(self) -> None:
        if self.measured_spec is None:
            self.measured.hide()
            return
        self.measured.show()
        self.measured.setProperty("state", "stale" if self.is_stale() else "current")
        self.measured.style().unpolish(self.measured)
        self.measured.style().polish(self.measured)
        verb = "measuring" if self.worker is not None else "measured on"
        if self.is_stale():
            self.measured.setText(f"STALE · {verb} {self.measured_spec.describe()} · Run to measure the current spec")
        else:
            self.measured.setText(f"{verb} {self.measured_spec.describe()}")

    def restyle(self, style: PlotStyle) -> None:
        self.plot_style = style
        for widget in self.plots.values():
            widget.setBackground(style.background)
            style_plot(widget.getPlotItem(), style)
        self._draw()

    def config(self) -> BenchConfig:
        """The run the controls describe (core checks it; a bad value raises SpecError)."""
        if self.spec is None:
            raise SpecError("spec", "no valid spec to benchmark yet", "fix the parameters first")
        impls = tuple(
            self.impls.item(i).text()
            for i in range(self.impls.count())
            if self.impls.item(i).checkState() == Qt.CheckState.Checked
        )
        if not impls:
            raise SpecError("impl", "no implementation chosen", "tick at least one implementation")
        sweep = None
        if self.sweep_variable.currentIndex() > 0:
            sweep = parse_sweep(f"{self.sweep_variable.currentText()}={self.sweep_values.text()}")
        return BenchConfig(
            spec=self.spec,
            impls=impls,
            backward=self.backward.isChecked(),
            allocator=self.allocator.currentText(),
            isolation=self.isolation.currentText(),
            min_run_time=self.min_time.value(),
            rounds=self.rounds.value(),
            sweep=sweep,
        )

    def start(self) -> None:
        try:
            config = self.config()
        except SpecError as error:
            self.message.setText(f"error: {error}")
            return
        self._stop_worker()
        self.result = BenchResult(spec=config.spec, started=now())
        self.measured_spec = config.spec
        self._show_measured()
        self.progress.setValue(0)
        self.message.setText("preparing: each implementation is checked against the float64 reference first…")
        self._cancel = CancelToken()
        worker = generator_worker(run_bench, config, self._cancel)
        worker.yielded.connect(self._progress)
        worker.returned.connect(self._returned)
        worker.errored.connect(self._errored)
        worker_ref = weakref.ref(worker)  # a slot holding the worker would keep it (and its results) alive

        def finished() -> None:
            self._finished(worker_ref())

        worker.finished.connect(finished)  # type: ignore[arg-type]  # superqt's stub wants an argument
        self.worker, self._worker_done = worker, done_event(worker)
        self._show_measured()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        worker.start()

    def cancel(self) -> None:
        """Stop now (worker processes are killed); everything finished so far stays."""
        if self.worker is not None:
            self.worker.quit()
            if self._cancel is not None:
                self._cancel.cancel()
            self.message.setText("cancelling…")

    def _progress(self, progress: BenchProgress) -> None:
        if progress.total:
            self.progress.setMaximum(progress.total)
            self.progress.setValue(progress.done)
        self.result.add(progress)
        if progress.records:
            self._draw()
        self.message.setText(progress.message)

    def _errored(self, error: Exception) -> None:
        self.result.error = str(error)  # shown when the worker finishes, with whatever finished before
        self.message.setText(f"error: {error}")

    def _returned(self, result: BenchResult) -> None:
        self.result = result
        self._draw()

    def _finished(self, worker: GeneratorWorker | None) -> None:
        if worker is None or worker is not self.worker:
            return  # a run replaced by a newer one: the newer one reports
        cancelled = worker.abort_requested
        self.worker = None
        self._show_measured()
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(self.result.records))
        values = list(dict.fromkeys(r.value for r in self.result.records))
        lines = explain([r for r in self.result.records if r.value == values[-1]]) if values else []
        excluded = [f"excluded {e.name}: {e.reason}" for _, e in self.result.excluded]
        head = "cancelled: partial results kept. " if cancelled or self.result.cancelled else ""
        if self.result.error:
            head += f"error: {self.result.error}. "
        self.message.setText(head + " · ".join(lines[:4] + excluded[:3]))
        self.finished.emit()

    def _draw(self) -> None:
        if not self.result.records:
            return
        for name, widget in self.plots.items():
            draw_figure(name, widget.getPlotItem(), self.result, self.plot_style)

    def export(self, directory: Path) -> list[Path]:
        """PNG (1920 px), SVG, CSV and JSON of the current results into ``directory`` (each file atomically; a
        failure raises :class:`~core.atomic_write.WriteError` naming the file and the reason)."""
        from gui.plots.bench_export import write_bench_plots

        meta = {
            "spec": self.measured_spec.to_dict() if self.measured_spec else {},
            "excluded": [dataclasses.asdict(e) for _, e in self.result.excluded],
        }
        paths = write_records(self.result.records, directory, {"csv", "json"}, meta)
        return paths + write_bench_plots(self.result, directory, {"png", "svg"}, 1920)

    def export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, "Export benchmark plots to")
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> bool:
        """Export into ``directory`` and say what happened; a write error is a message, never an exception."""
        try:
            paths = self.export(directory)
        except OSError as error:
            self.message.setText(f"error: export failed: {describe_write_error(directory, error)}")
            return False
        self.message.setText(f"wrote {len(paths)} files to {directory}")
        return True

    def _stop_worker(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel this panel's run and wait for its worker (never for anyone else's)."""
        worker, done = self.worker, self._worker_done
        self.cancel()  # kills the worker processes, so the worker's blocked measurement returns at once
        if worker is not None:
            stop_and_wait(worker, done, timeout)

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel any run; returns once its worker has ended, or after ``timeout`` seconds."""
        self._stop_worker(timeout)
