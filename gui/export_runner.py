"""File → Export all: draw every figure on the GUI thread a step per event-loop turn, then write the folder in a
worker, with a progress dialog whose Cancel stops either phase (nothing is written then).

Drawing must happen on the GUI thread (Qt's widgets and scenes live there): a timer runs one step of
:func:`gui.export_render.render_export` per turn, so the window keeps repainting and Cancel is seen between steps.
Everything else (the GIF, the CSV and JSON, the script, the index, every write) runs in a worker this runner owns;
the worker checks Cancel between files. Closing the window cancels the export and waits briefly for the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressBar, QProgressDialog, QWidget
from superqt.utils import GeneratorWorker

from core.atomic_write import describe_write_error
from core.export_folder import probe_folder
from core.export_index import export_info
from core.export_writer import ExportProgress, write_export
from core.i18n import current_language, tr
from core.panel_data import panel_tables
from gui.export_render import Rendered, export_problem, preset_of, render_export
from gui.png_encoder import PngEncoder
from gui.sliding_animation import MAX_FRAMES
from gui.workers import SHUTDOWN_WAIT_S, WorkerFailed, done_event, generator_worker, stop_and_wait

if TYPE_CHECKING:
    from gui.main_window import MainWindow

DEFAULT_WIDTH = 1920
WAIT_MS = 20  # between looks at something a step waits for (the lab computing, the PNG encoder)
PROGRESS_STEPS = 1000
SHORTCUT = "Ctrl+Shift+E"


class ExportRunner(QObject):
    """One export of ``window`` into ``folder``. ``progressed(fraction, text)`` while it runs; then ``finished``
    with the files written, or None when cancelled; ``failed(message)`` if it could not be written (the folder is
    then as it was)."""

    progressed = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, window: MainWindow, folder: Path, width: int = DEFAULT_WIDTH, max_frames: int = MAX_FRAMES
    ) -> None:
        super().__init__(window)
        self.window, self.folder, self.width = window, Path(folder), width
        self._cancel = threading.Event()
        self._encoder = PngEncoder()
        self._steps: Generator[ExportProgress, None, Rendered] = render_export(
            window, width, self._encoder, max_frames, self._cancel.is_set
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self.worker: GeneratorWorker | None = None
        self._worker_done = threading.Event()
        self._outcome: tuple[str, Any] = ("cancelled", None)
        self.running = False
        window.installEventFilter(self)

    def start(self) -> None:
        self.running = True
        self._timer.start(0)

    def cancel(self) -> None:
        """Stop at the next step or file; nothing is written."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel, and wait (at most ``timeout`` seconds) for the worker to remove what it staged."""
        self.cancel()
        if self.worker is not None:
            stop_and_wait(self.worker, self._worker_done, timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close and self.running:
            self.shutdown()
        return False

    # ----- on the GUI thread: one drawing step per turn -----------------------------------------------------------
    def _step(self) -> None:
        if self.cancelled:
            self._steps.close()  # restores the tab and the sliding-window position
            self._end("cancelled", None)
            return
        try:
            progress = next(self._steps)
        except StopIteration as stop:
            self._write(stop.value)
            return
        except Exception as error:  # e.g. a figure Qt could not encode: said, never raised into the event loop
            self._end("failed", str(error))
            return
        self.progressed.emit(0.5 * progress.fraction, progress.message)
        self._timer.start(WAIT_MS if progress.waiting else 0)

    # ----- in the worker: encoding and writing ---------------------------------------------------------------------
    def _write(self, rendered: Rendered) -> None:
        valid = rendered.result.valid
        info = export_info(
            valid,
            preset=preset_of(self.window, valid.spec),
            language=current_language(),
            theme=self.window.theme,
            width=self.width,
            not_included=rendered.not_included,
        )
        worker = generator_worker(
            write_export, self.folder, rendered.items, panel_tables(rendered.result), valid, info, self._cancel.is_set
        )
        worker.yielded.connect(self._written)
        worker.returned.connect(self._returned)
        worker.errored.connect(self._errored)
        worker.finished.connect(self._worker_finished)  # type: ignore[arg-type]  # superqt's stub wants an argument
        self.worker, self._worker_done = worker, done_event(worker)
        worker.start()

    def _written(self, progress: ExportProgress) -> None:
        self.progressed.emit(0.5 + 0.5 * progress.fraction, progress.message)

    def _returned(self, paths: list[Path] | None) -> None:
        self._outcome = ("finished", paths) if paths is not None else ("cancelled", None)

    def _errored(self, error: Exception) -> None:
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, OSError):
            self._outcome = ("failed", describe_write_error(self.folder, cause))
        else:
            self._outcome = ("failed", str(error))

    def _worker_finished(self) -> None:
        self.worker = None
        self._end(*self._outcome)

    def _end(self, outcome: str, value: Any) -> None:
        self.running = False
        self._encoder.close()
        self.window.removeEventFilter(self)
        if outcome == "failed":
            self.failed.emit(value)
        else:
            self.finished.emit(value)


# ----- the window's side: menu action, folder dialog, progress dialog, messages ------------------------------------
def show_warning(window: QWidget, title: str, text: str) -> None:
    """A message box that does not block the window (shown only when the window is)."""
    if window.isVisible():
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _status(window: MainWindow, text: str) -> None:
    window.status.setText(text)


def running_export(window: MainWindow) -> ExportRunner | None:
    """The export of ``window`` in progress, if any."""
    return next((runner for runner in window.findChildren(ExportRunner) if runner.running), None)


def export_all_to(window: MainWindow, folder: Path, width: int = DEFAULT_WIDTH) -> ExportRunner | None:
    """Start exporting ``window`` into ``folder`` with a progress dialog; None (and a message) if it cannot start:
    a field is invalid, an export is running, or the folder cannot be written."""
    title = tr("Export", "Not exported")
    problem = export_problem(window)
    if problem is None and running_export(window) is not None:
        problem = tr("Export", "an export is already running")
    if problem is None:
        try:
            probe_folder(folder)
        except OSError as error:
            problem = describe_write_error(folder, error)
    if problem is not None:
        _status(window, tr("Export", "not exported: {reason}").format(reason=problem))
        show_warning(window, title, problem)
        return None
    runner = ExportRunner(window, folder, width)
    dialog = QProgressDialog(tr("Export", "Exporting…"), tr("Export", "Cancel"), 0, PROGRESS_STEPS, window)
    # A bar of our own: a modal QProgressDialog's setValue processes events, so a worker's next progress would be
    # handled inside the handling of the previous one.
    bar = QProgressBar(dialog)
    bar.setRange(0, PROGRESS_STEPS)
    dialog.setBar(bar)
    dialog.setWindowTitle(tr("Export", "Export all"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(480)
    dialog.canceled.connect(runner.cancel)

    def progressed(fraction: float, text: str) -> None:
        bar.setValue(int(PROGRESS_STEPS * fraction))
        dialog.setLabelText(text)

    def finished(paths: list[Path] | None) -> None:
        dialog.close()
        dialog.deleteLater()
        runner.deleteLater()
        if paths is None:
            _status(window, tr("Export", "export cancelled: nothing was written to {folder}").format(folder=folder))
        else:
            text = tr("Export", "exported {count} files to {folder} (index.md lists them)")
            _status(window, text.format(count=len(paths), folder=folder))

    def failed(message: str) -> None:
        dialog.close()
        dialog.deleteLater()
        runner.deleteLater()
        _status(window, tr("Export", "not exported: {reason}").format(reason=message))
        show_warning(window, title, tr("Export", "{reason}\n\nNothing was written.").format(reason=message))

    runner.progressed.connect(progressed)
    runner.finished.connect(finished)
    runner.failed.connect(failed)
    dialog.show()
    runner.start()
    return runner


def export_all_dialog(window: MainWindow) -> None:
    """Ask for a folder, then export into it."""
    problem = export_problem(window)
    if problem is not None:
        _status(window, tr("Export", "not exported: {reason}").format(reason=problem))
        show_warning(window, tr("Export", "Not exported"), problem)
        return
    folder = QFileDialog.getExistingDirectory(window, tr("Export", "Export every figure, the data and a script to"))
    if folder:
        export_all_to(window, Path(folder))


def add_export_action(window: MainWindow, menu: QMenu) -> QAction:
    """File → Export all… (Ctrl+Shift+E), working with the menu bar hidden too."""
    action = QAction(tr("Export", "Export &all (figures, animation, data, script)…"), window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.triggered.connect(lambda: export_all_dialog(window))
    menu.addAction(action)
    window.addAction(action)
    return action
