"""Models: a whole model's layer table with exact counts, its flatten sizes, and pointwise conv ⇄ Linear rewrites
that are verified and timed.

The panel owns the open model, its rewrite and its timing; core computes each (:mod:`core.models.workflow`,
:mod:`core.models.timing`) in one worker the panel owns, so the window stays responsive while a VGG runs. A user's
Python file is imported on the GUI thread, when the user opens it: importing runs its code, and the panel says so.
"""

from __future__ import annotations

import html
import threading
import time
import weakref
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import GeneratorWorker

# Imported here, on the GUI thread, never first in a worker: a lazy import there can race PySide's import hook.
import core.models.report_files  # noqa: F401
from core.atomic_write import describe_write_error
from core.bench.runner import CancelToken
from core.errors import SpecError
from core.i18n import tr
from core.limits import MAX_MIN_RUN_TIME_S
from core.models.examples import EXAMPLES
from core.models.loading import ModelSource, build_model, parse_args_json, parse_input_shape
from core.models.report import (
    choice_lines,
    flatten_lines,
    headers,
    restored_line,
    rewrite_line,
    row_cells,
    timing_caption,
    timing_cells,
    timing_headers,
    timing_rows,
    totals_line,
    verification_line,
)
from core.models.table import Counting
from core.models.timing import ModelTiming, ModelTimingConfig, ModelTimingProgress, run_model_timing
from core.models.workflow import OpenModel, Rewritten, default_input, open_model, rewrite_checked, save
from gui.plots.axes import style_plot
from gui.plots.model_plots import draw_model_timing
from gui.theme import PlotStyle
from gui.workers import SHUTDOWN_WAIT_S, done_event, generator_worker, pause_cyclic_gc, stop_and_wait

PYTHON_FILE, SCRIPT_FILE = "python", "torchscript"
TICK_COLUMN = 0


class ModelsPanel(QWidget):
    """Pick a built-in example or a file, see its layer table, tick layers, rewrite + verify, time, tune, export.

    ``finished`` fires when a job (open, rewrite, timing) ends.
    """

    finished = Signal()
    STAGES: tuple[str, ...] = ()
    DOCKS_ASIDE = True  # the layer's parameters and formulas have nothing to say about a whole model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened: OpenModel | None = None
        self.rewritten: Rewritten | None = None
        self.timing: ModelTiming | None = None
        self.worker: GeneratorWorker | None = None
        self._worker_done = threading.Event()
        self._worker_done.set()
        self._cancel: CancelToken | None = None
        self._started_at = 0.0
        self.plot_style = PlotStyle()
        self.source_kind = QComboBox()
        for name, example in EXAMPLES.items():
            self.source_kind.addItem(tr("Model examples", example.title), name)
        self.source_kind.addItem(tr("Models panel", "Python file (.py)…"), PYTHON_FILE)
        self.source_kind.addItem(tr("Models panel", "TorchScript file…"), SCRIPT_FILE)
        self.path = QLineEdit(placeholderText=tr("Models panel", "model file"))
        self.browse = QPushButton(tr("Models panel", "Browse…"))
        self.class_name = QLineEdit(placeholderText=tr("Models panel", "class name"))
        self.args = QLineEdit(placeholderText=tr("Models panel", 'constructor arguments as JSON, e.g. {"width": 16}'))
        self.weights = QLineEdit(placeholderText=tr("Models panel", "state dict (optional)"))
        self.input_shape = QLineEdit(placeholderText=tr("Models panel", "input shape, e.g. 2x24x16x16"))
        self.open_button = QPushButton(tr("Models panel", "Open"))
        self.warning = QLabel(
            tr(
                "Models panel",
                "Opening a Python file runs its code, as importing it would: open only files you trust. "
                "Weights are read as plain tensors (weights_only), never as code.",
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.addItem(tr("Models panel", "MACs"), "macs")
        self.unit.addItem(tr("Models panel", "FLOPs = 2·MACs"), "flops")
        self.bias = QCheckBox(tr("Models panel", "count bias adds"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "heading")
        self.convention = QLabel()
        self.convention.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.rewrite_button = QPushButton(tr("Models panel", "Rewrite ticked as Linear && verify"))
        self.time_button = QPushButton(tr("Models panel", "Time before && after"))
        self.tune = QCheckBox(tr("Models panel", "tune: try every form"))
        self.tune.setToolTip(
            tr(
                "Models panel",
                "time native conv, channels-last conv and Linear for each ticked layer; keep a form only when its "
                "gain's 95% interval lies above 1",
            )
        )
        self.min_time = QDoubleSpinBox(minimum=0.02, maximum=MAX_MIN_RUN_TIME_S, value=0.6, singleStep=0.1, suffix=" s")
        self.min_time.setToolTip(tr("Models panel", "timing budget of each layer form and of each model variant"))
        self.cancel_button = QPushButton(tr("Models panel", "Cancel"))
        self.save_button = QPushButton(tr("Models panel", "Save rewritten…"))
        self.export_button = QPushButton(tr("Models panel", "Export report…"))
        self.progress = QProgressBar()
        self.message = QLabel(tr("Models panel", "Choose a model and press Open."))
        self.message.setWordWrap(True)
        self.flatten = QLabel()  # where each flattened Linear's in_features comes from: the question of every forum
        self.flatten.setWordWrap(True)
        self.flatten.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QTextBrowser()
        self.details.setAccessibleName("model details")
        self.plot = pg.PlotWidget()
        style_plot(self.plot.getPlotItem(), self.plot_style)
        self._layout()
        self._connect()
        self._source_changed()
        self._sync_buttons()

    # ----- construction -----------------------------------------------------------------------------------------
    def _layout(self) -> None:
        source = QHBoxLayout()
        source.addWidget(QLabel(tr("Models panel", "model")))
        source.addWidget(self.source_kind)
        for widget in (self.path, self.browse, self.class_name, self.args, self.weights):
            source.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        source.addWidget(QLabel(tr("Models panel", "input")))
        source.addWidget(self.input_shape)
        source.addWidget(self.open_button)
        counting = QHBoxLayout()
        summary = QVBoxLayout()
        summary.setSpacing(0)
        summary.addWidget(self.summary)
        summary.addWidget(self.convention)
        counting.addLayout(summary, 1)
        counting.addWidget(QLabel(tr("Models panel", "count")))
        counting.addWidget(self.unit)
        counting.addWidget(self.bias)
        actions = QHBoxLayout()
        for button in (self.rewrite_button, self.time_button, self.tune):
            actions.addWidget(button)
        actions.addWidget(QLabel(tr("Models panel", "time each")))
        actions.addWidget(self.min_time)
        actions.addStretch(1)
        status = QHBoxLayout()  # a second row: at presentation size one row cannot hold every button
        for button in (self.cancel_button, self.save_button, self.export_button):
            status.addWidget(button)
        status.addWidget(self.message, 1)  # beside the buttons: every line saved is plot at 1280x720
        status.addWidget(self.progress)
        # Two pages, not a split: at 1280x720 in presentation mode a split leaves neither readable.
        self.pages = QTabWidget()
        self.pages.addTab(self.table, tr("Models panel", "Layers"))
        self.pages.addTab(self.details, tr("Models panel", "Rewrite and timing"))
        self.pages.addTab(self.plot, tr("Models panel", "Time plot"))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(self.warning)
        layout.addWidget(self.description)
        layout.addLayout(counting)
        layout.addWidget(self.flatten)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)
        layout.addLayout(status)

    def _connect(self) -> None:
        self.source_kind.currentIndexChanged.connect(self._source_changed)
        self.browse.clicked.connect(self._browse)
        self.open_button.clicked.connect(self.open_chosen)
        self.input_shape.returnPressed.connect(self.open_chosen)
        self.unit.currentIndexChanged.connect(self._show_table)
        self.bias.toggled.connect(self._show_table)
        self.rewrite_button.clicked.connect(self.rewrite)
        self.time_button.clicked.connect(self.time_model)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self._save_dialog)
        self.export_button.clicked.connect(self._export_dialog)
        self.table.itemChanged.connect(lambda _: self._sync_buttons())

    # ----- what the person chose --------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        value = self.source_kind.currentData()
        return value if value in (PYTHON_FILE, SCRIPT_FILE) else "example"

    def _source_changed(self) -> None:
        kind = self.kind
        from_file = kind != "example"
        for widget in (self.path, self.browse, self.weights):
            widget.setVisible(from_file)
        self.class_name.setVisible(kind == PYTHON_FILE)
        self.warning.setVisible(kind == PYTHON_FILE)
        if kind == "example":
            example = EXAMPLES[self.source_kind.currentData()]
            self.description.setText(tr("Model examples", example.description))
            self.input_shape.setText("x".join(map(str, example.input_shape)))
        else:
            self.description.setText("")

    def _browse(self) -> None:
        pattern = (
            tr("Models panel", "Python files (*.py)")
            if self.kind == PYTHON_FILE
            else tr("Models panel", "All files (*)")
        )
        path, _ = QFileDialog.getOpenFileName(self, tr("Models panel", "Open a model file"), "", pattern)
        if path:
            self.path.setText(path)

    def source(self) -> ModelSource:
        """The model the fields describe; SpecError naming the field at fault."""
        arguments = parse_args_json(self.args.text()) if self.args.text().strip() else ()
        if self.kind == "example":
            return ModelSource("example", name=str(self.source_kind.currentData()), args=arguments)
        if not self.path.text().strip():
            raise SpecError(
                "--file", tr("Models panel", "no file chosen"), tr("Models panel", "press Browse… to choose one")
            )
        return ModelSource(
            self.kind,
            path=self.path.text().strip(),
            class_name=self.class_name.text().strip() if self.kind == PYTHON_FILE else "",
            args=arguments,
            weights=self.weights.text().strip(),
        )

    def counting(self) -> Counting:
        return Counting(unit=str(self.unit.currentData()), bias=self.bias.isChecked())

    def ticked(self) -> tuple[str, ...]:
        """The layers ticked for rewriting, in table order."""
        names = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, TICK_COLUMN)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                names.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(dict.fromkeys(names))

    # ----- jobs ---------------------------------------------------------------------------------------------------
    def open_chosen(self) -> None:
        """Build the chosen model and compute its table in the worker (a user's file is imported here first)."""
        try:
            source = self.source()
            text = self.input_shape.text().strip()
            shape = parse_input_shape(text) if text else default_input(source)
            if shape is None:
                raise SpecError(
                    "--input", tr("Models panel", "a model from a file needs an input shape"), "e.g. 2x24x16x16"
                )
            model = None if source.kind == "example" else build_model(source)  # runs the user's file, on this thread
        except SpecError as error:
            self._say_error(error)
            return
        self.opened, self.rewritten, self.timing = None, None, None
        self._show_table()
        self._show_details()
        self.pages.setCurrentIndex(0)
        self._start(open_model(source, shape, model=model), self._opened)

    def rewrite(self) -> None:
        """Rewrite the ticked layers and verify the whole model in float64 and float32."""
        if self.opened is None or not self.ticked():
            return
        self.timing = None
        self._start(rewrite_checked(self.opened, self.ticked()), self._rewrote)

    def time_model(self) -> None:
        """Time the ticked layers in each form and the whole model before and after (in worker processes)."""
        if self.opened is None or not self.ticked():
            return
        config = ModelTimingConfig(
            self.opened.input_shape, self.ticked(), tune=self.tune.isChecked(), min_run_time=self.min_time.value()
        )
        self._cancel = CancelToken()
        self._start(run_model_timing(self.opened.model, self.opened.source, config, self._cancel), self._timed)

    def _start(self, steps: Generator[Any, None, Any], done: Callable[[Any], None]) -> None:
        self._stop_worker()
        self._started_at = time.monotonic()
        self.progress.setRange(0, 0)
        resume_gc = pause_cyclic_gc()  # until this worker ends: building models, it must never collect Qt objects
        worker = generator_worker(_passing, steps)
        worker.yielded.connect(self._progress)
        worker.returned.connect(done)
        worker.errored.connect(self._errored)
        worker_ref = weakref.ref(worker)

        def finished() -> None:
            resume_gc()
            self._finished(worker_ref())

        worker.finished.connect(finished)  # type: ignore[arg-type]  # superqt's stub wants an argument
        self.worker, self._worker_done = worker, done_event(worker)
        self._sync_buttons()
        worker.start()

    def is_running(self) -> bool:
        """Whether a job (open, rewrite, timing) is under way."""
        return self.worker is not None

    def cancel(self) -> None:
        """Stop the running job (timing worker processes are killed); what finished stays."""
        if self.worker is not None:
            self.worker.quit()
            if self._cancel is not None:
                self._cancel.cancel()
            self.message.setText(tr("Models panel", "cancelling…"))

    def _progress(self, progress: str | ModelTimingProgress) -> None:
        if isinstance(progress, ModelTimingProgress):
            self.progress.setRange(0, max(progress.total, 1))
            self.progress.setValue(progress.done)
            self.message.setText(tr("Models panel", "timing: {message}").format(message=progress.message))
        else:
            self.message.setText(progress)

    def _errored(self, error: Exception) -> None:
        cause = getattr(error, "error", error)
        self._say_error(cause if isinstance(cause, SpecError) else error)

    def _opened(self, opened: OpenModel) -> None:
        self.opened = opened
        self._show_table()
        self._show_details()
        self.message.setText(
            tr("Models panel", "{label}: {rows} layers in {seconds:.1f} s").format(
                label=opened.source.label(), rows=len(opened.table.rows), seconds=time.monotonic() - self._started_at
            )
        )

    def _rewrote(self, rewritten: Rewritten) -> None:
        self.rewritten = rewritten
        self._show_details()
        self.pages.setCurrentIndex(1)
        verdict = tr("Models panel", "outputs equal") if rewritten.equal else tr("Models panel", "outputs DIFFER")
        self.message.setText(
            tr("Models panel", "{count} layers rewritten as Linear: {verdict}").format(
                count=len(rewritten.names), verdict=verdict
            )
        )

    def _timed(self, timing: ModelTiming) -> None:
        self.timing = timing
        self._show_details()
        self.pages.setCurrentIndex(2)
        draw_model_timing(self.plot.getPlotItem(), timing, self.plot_style, compact=True)
        head = tr("Models panel", "cancelled: partial results kept. ") if timing.cancelled else ""
        if timing.error:
            head += tr("Models panel", "error: {error}. ").format(error=timing.error)
        self.message.setText(
            head + tr("Models panel", "timed in {seconds:.1f} s").format(seconds=time.monotonic() - self._started_at)
        )

    def _finished(self, worker: GeneratorWorker | None) -> None:
        if worker is None or worker is not self.worker:
            return  # replaced by a newer job: that one reports
        self.worker = None
        self._cancel = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._sync_buttons()
        self.finished.emit()

    def _say_error(self, error: Exception) -> None:
        self.message.setText(tr("Models panel", "error: {error}").format(error=error))
        self.message.setProperty("role", "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _sync_buttons(self) -> None:
        busy = self.worker is not None
        ticked = bool(self.opened is not None and self.ticked())
        self.open_button.setEnabled(not busy)
        self.rewrite_button.setEnabled(ticked and not busy)
        self.time_button.setEnabled(ticked and not busy)
        self.cancel_button.setEnabled(busy)
        self.save_button.setEnabled(self.rewritten is not None and not busy)
        self.export_button.setEnabled(self.opened is not None and not busy)
        if not busy and self.message.property("role") == "error":
            return
        self.message.setProperty("role", None)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # ----- drawing -------------------------------------------------------------------------------------------------
    def _show_table(self) -> None:
        """The layer table in the chosen counting convention; rewritable layers get a tick box (ticked)."""
        self.table.blockSignals(True)
        try:
            self.table.clear()
            if self.opened is None:
                self.table.setRowCount(0)
                self.summary.setText("")
                self.convention.setText("")
                return
            counting = self.counting()
            table = self.opened.table
            self.summary.setText(f"{self.opened.source.label()} · {totals_line(table, counting)}")
            self.convention.setText(counting.describe())
            columns = [tr("Models panel", "rewrite"), *headers(counting)]
            self.table.setColumnCount(len(columns))
            self.table.setHorizontalHeaderLabels(columns)
            self.table.setRowCount(len(table.rows))
            for row, layer in enumerate(table.rows):
                tick = QTableWidgetItem()
                tick.setData(Qt.ItemDataRole.UserRole, layer.name)
                if layer.rewritable:
                    tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                    tick.setCheckState(Qt.CheckState.Checked)
                else:
                    tick.setFlags(Qt.ItemFlag.NoItemFlags)
                self.table.setItem(row, TICK_COLUMN, tick)
                for column, text in enumerate(row_cells(layer, counting), start=1):
                    item = QTableWidgetItem(text)
                    if text and (text[0].isdigit() or text[0] == "–"):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.table.horizontalHeader().setStretchLastSection(True)
        finally:
            self.table.blockSignals(False)
            self._sync_buttons()

    def _show_details(self) -> None:
        """Flatten sizes, the rewrite's checks, the timings and the tuning choices, as HTML."""
        parts: list[str] = []
        lines = flatten_lines(self.opened.table) if self.opened is not None else []
        title = tr("Models panel", "Flatten sizes")
        self.flatten.setText("<br>".join([f"<b>{html.escape(title)}</b>", *map(html.escape, lines)]) if lines else "")
        self.flatten.setVisible(bool(lines) and self.pages.currentIndex() == 0)
        if self.rewritten is not None:
            parts.append(f"<h3>{html.escape(tr('Models panel', 'Rewrite'))}</h3>")
            parts.append(f"<p>{html.escape(rewrite_line(self.rewritten.names))}</p>")
            parts += [f"<p>{html.escape(verification_line(check))}</p>" for check in self.rewritten.checks]
            parts.append(f"<p>{html.escape(restored_line(self.rewritten.restored_exact))}</p>")
        if self.timing is not None:
            parts.append(f"<h3>{html.escape(tr('Models panel', 'Timing'))}</h3>")
            parts.append(f"<p>{html.escape(timing_caption(self.timing))}</p>")
            cells = [timing_headers(), *(timing_cells(row) for row in timing_rows(self.timing))]
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in cells)
            parts.append(f"<table cellpadding='3'>{rows}</table>")
            parts += [f"<p>{html.escape(line)}</p>" for line in choice_lines(self.timing)]
        if not parts and self.opened is not None:
            if self.opened.rewritable:
                hint = tr("Models panel", "Tick pointwise convs on the Layers page, then Rewrite, then Time.")
            else:
                hint = tr("Models panel", "This model has no pointwise conv that can become a Linear.")
            parts.append(f"<p>{html.escape(hint)}</p>")
        self.details.setHtml("".join(parts))
        if self.timing is None:
            self.plot.getPlotItem().clear()

    def _page_changed(self, index: int) -> None:
        """The model's description and flatten sizes go with the Layers page: the other pages need the height."""
        self.description.setVisible(index == 0 and bool(self.description.text()))
        self.flatten.setVisible(index == 0 and bool(self.flatten.text()))

    def restyle(self, style: PlotStyle) -> None:
        """Plot colours and fonts at ``style``'s scale."""
        self.plot_style = style
        style_plot(self.plot.getPlotItem(), style)
        if self.timing is not None:
            draw_model_timing(self.plot.getPlotItem(), self.timing, style, compact=True)

    def show_result(self, result: Any) -> None:
        """The lab's layer result: not this panel's business (it works on whole models)."""

    # ----- files ------------------------------------------------------------------------------------------------
    def _save_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, tr("Models panel", "Save the rewritten model to"))
        if directory:
            self.save_to(Path(directory))

    def save_to(self, directory: Path) -> bool:
        """The rewritten model (state dict, module source, how to rebuild) into ``directory``."""
        if self.opened is None or self.rewritten is None:
            return False
        return self._write(directory, lambda: save(self.opened, self.rewritten, directory))  # type: ignore[arg-type]

    def _export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, tr("Models panel", "Export the model report to"))
        if directory:
            self.export_to(Path(directory))

    def export_to(self, directory: Path) -> bool:
        """The report (Markdown, CSV, JSON, and the timing plot as PNG and SVG) into ``directory``."""
        if self.opened is None:
            return False
        from core.models.report_files import write_report
        from gui.plots.model_plots import PLOT_NAME, write_model_plot

        opened, rewritten, timing, counting = self.opened, self.rewritten, self.timing, self.counting()

        def write() -> list[Path]:
            plots = write_model_plot(timing, directory) if timing is not None else []
            plot_name = f"{PLOT_NAME}.png" if plots else ""
            return plots + write_report(opened, counting, rewritten, timing, directory, plot_name)

        return self._write(directory, write)

    def _write(self, directory: Path, write: Callable[[], list[Path]]) -> bool:
        try:
            paths = write()
        except OSError as error:
            self._say_error(OSError(describe_write_error(directory, error)))
            return False
        self.message.setText(
            tr("Models panel", "wrote {count} files to {directory}").format(count=len(paths), directory=directory)
        )
        return True

    # ----- shutdown -----------------------------------------------------------------------------------------------
    def _stop_worker(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        worker, done = self.worker, self._worker_done
        self.cancel()
        if worker is not None:
            stop_and_wait(worker, done, timeout)

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel any job; returns once its worker has ended, or after ``timeout`` seconds."""
        self._stop_worker(timeout)


def _passing(steps: Generator[Any, None, Any]) -> Generator[Any, None, Any]:
    """The worker's body: the core generator itself (its yields are progress, its return the result)."""
    return (yield from steps)
