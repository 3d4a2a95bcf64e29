"""Speed: benchmark the current spec's implementations live (the engine runs in a worker), plot as points
arrive, cancel at any time keeping what finished, export the plots for slides.

Before the first run the panel says what Run will measure and how long that should take (core's estimate); the
default run length is quick (any preset in well under 20 s on two cores), precise is a deliberate choice."""

from __future__ import annotations

import dataclasses
import threading
import time
import weakref
from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import GeneratorWorker

from core.atomic_write import describe_write_error
from core.bench.allocator import ALLOCATORS
from core.bench.config import ISOLATIONS, QUICK, RUN_LENGTHS, SWEEP_VARIABLES, BenchConfig, parse_sweep
from core.bench.duration import Estimate, estimate
from core.bench.measurers import warm_workers
from core.bench.records import write_records
from core.bench.runner import BenchProgress, BenchResult, CancelToken, now, run_bench
from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.lab import LabResult
from core.registry import IMPLEMENTATIONS
from core.spec import LayerSpec
from gui.plots.axes import style_plot
from gui.plots.figures import FIGURES, draw_figure
from gui.plots.summary_html import summary_html
from gui.theme import PlotStyle
from gui.workers import SHUTDOWN_WAIT_S, done_event, generator_worker, stop_and_wait

DEFAULT_IMPLS = ("linear", "linear_permute", "conv", "conv_channels_last", "unfold_matmul")
CUSTOM = "custom"
HINT_POINTS = 13
# What the option combos show for each identifier (the item's data; the CLI spells the same options so). The run
# lengths' names are core's (RunLength.shown_name).
OPTION_LABELS = {
    CUSTOM: tr_noop("Speed panel", "custom"),
    "default": tr_noop("Speed panel", "default"),
    "tuned": tr_noop("Speed panel", "tuned"),
    "process": tr_noop("Speed panel", "process"),
    "none": tr_noop("Speed panel", "none"),
}


def run_length_tip() -> str:
    """The run length combo's tooltip: what quick and precise mean."""
    precise = RUN_LENGTHS[-1]
    return tr(
        "Speed panel",
        "{quick}: {quick_time:g} s per implementation and point in {quick_rounds} rounds (the default); "
        "{precise}: {precise_time:g} s in {precise_rounds} rounds, tighter intervals for figures you quote",
    ).format(
        quick=QUICK.shown_name(),
        precise=precise.shown_name(),
        quick_time=QUICK.min_run_time,
        quick_rounds=QUICK.rounds,
        precise_time=precise.min_run_time,
        precise_rounds=precise.rounds,
    )


def _option_combo(names: Sequence[str]) -> QComboBox:
    """A combo of option identifiers (its items' data), each shown in the interface's language."""
    box = QComboBox()
    for name in names:
        box.addItem(tr("Speed panel", OPTION_LABELS.get(name, name)), name)
    return box


def excluded_lines(result: BenchResult, width: int = 80) -> list[str]:
    """One short line per reason, naming every implementation it excluded (the summary has the whole reasons)."""
    by_reason: dict[str, list[str]] = {}
    for _, exclusion in result.excluded:
        by_reason.setdefault(exclusion.reason, []).append(exclusion.name)
    lines = []
    for reason, names in by_reason.items():
        short = reason if len(reason) <= width else reason[: width - 1].rstrip() + "…"
        lines.append(
            tr("Speed panel", "excluded {names}: {reason}").format(names=", ".join(dict.fromkeys(names)), reason=short)
        )
    return lines


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
        self.impls = QListWidget()  # checkable names laid out in rows, wrapping: two rows instead of six
        self.impls.setFlow(QListView.Flow.LeftToRight)
        self.impls.setWrapping(True)
        self.impls.setResizeMode(QListView.ResizeMode.Adjust)
        self.impls.setSpacing(2)
        for term in IMPLEMENTATIONS:
            item = QListWidgetItem(term.name)
            item.setToolTip(term.shown_description())
            item.setCheckState(Qt.CheckState.Checked if term.name in DEFAULT_IMPLS else Qt.CheckState.Unchecked)
            self.impls.addItem(item)
        self.sweep_variable = QComboBox()
        self.sweep_variable.addItem(tr("Speed panel", "(no sweep)"), "")
        for variable in SWEEP_VARIABLES:  # spec field names, as the CLI's --sweep writes them
            self.sweep_variable.addItem(variable, variable)
        self.sweep_values = QLineEdit(placeholderText=tr("Speed panel", "e.g. 1,16,128"))
        self.min_time = QDoubleSpinBox(
            minimum=0.01, maximum=30.0, value=QUICK.min_run_time, singleStep=0.05, suffix=" s"
        )
        self.rounds = QSpinBox(minimum=1, maximum=20, value=QUICK.rounds)
        self.rounds.setMaximumWidth(self.rounds.sizeHint().width() * 2)
        self.run_length = QComboBox()
        for length in RUN_LENGTHS:
            self.run_length.addItem(length.shown_name(), length.name)
        self.run_length.addItem(tr("Speed panel", OPTION_LABELS[CUSTOM]), CUSTOM)
        self.run_length.setToolTip(run_length_tip())
        self.allocator = _option_combo(ALLOCATORS)
        self.isolation = _option_combo(ISOLATIONS)
        self.backward = QCheckBox(tr("Speed panel", "forward + backward"))
        self.run_button = QPushButton(tr("Speed panel", "&Run benchmark"))
        self.cancel_button = QPushButton(tr("Speed panel", "Cancel"))
        self.export_button = QPushButton(tr("Speed panel", "Export plots…"))
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self.expected = QLabel()
        self.progress = QProgressBar()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(12)
        self.hint_area = QScrollArea()  # a short window or a large font scrolls the hint instead of cutting it
        self.hint_area.setWidgetResizable(True)
        self.hint_area.setFrameShape(QFrame.Shape.NoFrame)
        self.hint_area.setWidget(self.hint)
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.summary.setAccessibleName("benchmark summary")
        self._roofline_measured = False
        self._started_at = 0.0
        self.plots = {name: pg.PlotWidget() for name in FIGURES}
        options = QGridLayout()
        options.addWidget(QLabel(tr("Speed panel", "implementations")), 0, 0)
        options.addWidget(self.impls, 0, 1, 1, 7)
        rows = (
            (
                (tr("Speed panel", "sweep"), self.sweep_variable),
                (tr("Speed panel", "values"), self.sweep_values),
                (tr("Speed panel", "run length"), self.run_length),
            ),
            (
                (tr("Speed panel", "time per point"), self.min_time),
                (tr("Speed panel", "rounds"), self.rounds),
                (tr("Speed panel", "allocator"), self.allocator),
            ),
            ((tr("Speed panel", "isolation"), self.isolation), ("", self.backward)),
        )
        for row, fields in enumerate(rows, start=1):
            for column, (label, widget) in enumerate(fields):
                if label:
                    options.addWidget(QLabel(label), row, 2 * column)
                options.addWidget(widget, row, 2 * column + 1)
        options.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        for widget in (self.run_button, self.cancel_button, self.export_button, self.expected):
            buttons.addWidget(widget)
        buttons.addWidget(self.progress, 1)
        self.plot_tabs = QTabWidget()
        for name, widget in self.plots.items():
            style_plot(widget.getPlotItem(), self.plot_style)
            self.plot_tabs.addTab(widget, tr("Benchmark plots", FIGURES[name][0]))
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.measured)
        self.results = QSplitter(Qt.Orientation.Horizontal)  # the plots keep the panel's height
        self.results.addWidget(self.plot_tabs)
        self.results.addWidget(self.summary)
        self.results.setStretchFactor(0, 2)
        self.results.setStretchFactor(1, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint_area)  # before the first result: what Run measures, and how long it takes
        self.pages.addWidget(self.results)
        layout.addWidget(self.pages, 1)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export_dialog)
        self.run_length.currentIndexChanged.connect(self._apply_run_length)
        for signal in (self.min_time.valueChanged, self.rounds.valueChanged):
            signal.connect(self._sync_run_length)
        for signal in (
            self.impls.itemChanged,
            self.sweep_variable.currentIndexChanged,
            self.sweep_values.textChanged,
            self.isolation.currentIndexChanged,
            self.backward.toggled,
        ):
            signal.connect(self._update_estimate)
        self._fit_impls()
        self._update_estimate()

    def _fit_impls(self) -> None:
        """The implementation list as tall as two rows of its items (it wraps to the panel's width)."""
        text = self.impls.fontMetrics().height() + 6  # the font may have changed before the items' size hints
        row = max(self.impls.sizeHintForRow(0), text) + 2 * self.impls.spacing()
        self.impls.setFixedHeight(2 * row + 2 * self.impls.frameWidth() + 4)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        warm_workers()  # the fork server imports torch while the user reads the hint, not after Run

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_impls()

    def set_spec(self, spec: LayerSpec) -> None:
        """The lab's current spec (what Run measures next); results of another spec are marked stale."""
        self.spec = spec
        self._show_measured()
        self._update_estimate()

    def _apply_run_length(self, index: int) -> None:
        """A named run length sets the time per point and the rounds; "custom" leaves them as they are."""
        if index < len(RUN_LENGTHS):
            length = RUN_LENGTHS[index]
            self.min_time.setValue(length.min_run_time)
            self.rounds.setValue(length.rounds)

    def _sync_run_length(self) -> None:
        """Edited fields that match a named run length select it; others select "custom"."""
        current = (self.min_time.value(), self.rounds.value())
        names = [length.name for length in RUN_LENGTHS if (length.min_run_time, length.rounds) == current]
        self.run_length.blockSignals(True)
        self.run_length.setCurrentIndex(self.run_length.findData(names[0] if names else CUSTOM))
        self.run_length.blockSignals(False)
        self._update_estimate()

    def expected_duration(self) -> Estimate:
        """How long Run should take with the current controls (raises SpecError if they describe no run)."""
        return estimate(self.config(), roofline_measured=self._roofline_measured)

    def _update_estimate(self) -> None:
        """Show the expected duration beside Run, and in the hint until the first result."""
        try:
            config = self.config()
            guess = self.expected_duration()
        except SpecError as error:
            self.expected.setText("")
            self.hint.setText(tr("Speed panel", "Run needs: {error}").format(error=error))
            return
        self.expected.setText(guess.about())
        self.expected.setToolTip(tr("Speed panel", "expected: {estimate}").format(estimate=guess.describe()))
        if config.sweep:
            points = tr("Speed panel", " at {count} {variable} values").format(
                count=len(config.sweep.values), variable=config.sweep.variable
            )
        else:
            points = ""
        if config.isolation == "process":
            where = tr("Speed panel", "each in its own worker process")
        else:
            where = tr("Speed panel", "all in this process")
        self.hint.setText(
            tr(
                "Speed panel",
                "Press Run to measure {spec}: {estimate}.\n\n"
                "{count} implementations{points}, {seconds:g} s each in {rounds} "
                "interleaved rounds, {where}. Choose the precise run length for figures you quote.",
            ).format(
                spec=config.spec.describe(),
                estimate=guess.describe(),
                count=len(config.impls),
                points=points,
                seconds=config.min_run_time,
                rounds=config.rounds,
                where=where,
            )
        )

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
        spec = self.measured_spec.describe()
        running = self.worker is not None
        if self.is_stale() and running:
            text = tr("Speed panel", "STALE · measuring {spec} · Run to measure the current spec")
        elif self.is_stale():
            text = tr("Speed panel", "STALE · measured on {spec} · Run to measure the current spec")
        elif running:
            text = tr("Speed panel", "measuring {spec}")
        else:
            text = tr("Speed panel", "measured on {spec}")
        self.measured.setText(text.format(spec=spec))

    def restyle(self, style: PlotStyle) -> None:
        self.plot_style = style
        self.hint.setFont(style.font(HINT_POINTS))
        self._fit_impls()
        for widget in self.plots.values():
            widget.setBackground(style.background)
            style_plot(widget.getPlotItem(), style)
        self._draw()

    def config(self) -> BenchConfig:
        """The run the controls describe (core checks it; a bad value raises SpecError)."""
        if self.spec is None:
            raise SpecError(
                "spec",
                tr("Speed panel", "no valid spec to benchmark yet"),
                tr("Speed panel", "fix the parameters first"),
            )
        impls = tuple(
            self.impls.item(i).text()
            for i in range(self.impls.count())
            if self.impls.item(i).checkState() == Qt.CheckState.Checked
        )
        if not impls:
            raise SpecError(
                "impl",
                tr("Speed panel", "no implementation chosen"),
                tr("Speed panel", "tick at least one implementation"),
            )
        sweep = None
        if self.sweep_variable.currentIndex() > 0:
            sweep = parse_sweep(f"{self.sweep_variable.currentData()}={self.sweep_values.text()}")
        return BenchConfig(
            spec=self.spec,
            impls=impls,
            backward=self.backward.isChecked(),
            allocator=self.allocator.currentData(),
            isolation=self.isolation.currentData(),
            min_run_time=self.min_time.value(),
            rounds=self.rounds.value(),
            sweep=sweep,
        )

    def start(self) -> None:
        try:
            config = self.config()
        except SpecError as error:
            self.message.setText(tr("Speed panel", "error: {error}").format(error=error))
            return
        self._stop_worker()
        self.result = BenchResult(spec=config.spec, started=now())
        self._started_at = time.monotonic()
        self.measured_spec = config.spec
        self._show_measured()
        self.progress.setValue(0)
        self.message.setText(
            tr("Speed panel", "preparing: each implementation is checked against the float64 reference first…")
        )
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
            self.message.setText(tr("Speed panel", "cancelling…"))

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
        self.message.setText(tr("Speed panel", "error: {error}").format(error=error))

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
        self._roofline_measured = self._roofline_measured or bool(self.result.rooflines)
        head = tr("Speed panel", "cancelled: partial results kept. ") if cancelled or self.result.cancelled else ""
        if self.result.error:
            head += tr("Speed panel", "error: {error}. ").format(error=self.result.error)
        took = tr("Speed panel", "{count} results in {seconds:.1f} s").format(
            count=len(self.result.records), seconds=time.monotonic() - self._started_at
        )
        self.message.setText(head + " · ".join([took, *excluded_lines(self.result)]))
        self.summary.setHtml(summary_html(self.result))
        self._update_estimate()
        self.finished.emit()

    def _draw(self) -> None:
        """Draw every figure and the summary; the hint stays until there is a result to show."""
        if not self.result.records:
            self.pages.setCurrentWidget(self.hint_area)
            return
        if self.pages.currentWidget() is not self.results:  # first results: the summary takes a third
            self.pages.setCurrentWidget(self.results)
            width = max(self.results.width(), 3)
            self.results.setSizes([2 * width // 3, width // 3])
        for name, widget in self.plots.items():
            draw_figure(name, widget.getPlotItem(), self.result, self.plot_style, caption=False)  # in the summary
        self.summary.setHtml(summary_html(self.result))

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
        directory = QFileDialog.getExistingDirectory(self, tr("Speed panel", "Export benchmark plots to"))
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> bool:
        """Export into ``directory`` and say what happened; a write error is a message, never an exception."""
        try:
            paths = self.export(directory)
        except OSError as error:
            self.message.setText(
                tr("Speed panel", "error: export failed: {reason}").format(
                    reason=describe_write_error(directory, error)
                )
            )
            return False
        self.message.setText(
            tr("Speed panel", "wrote {count} files to {directory}").format(count=len(paths), directory=directory)
        )
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
