"""The one-way flow: a spec comes in, core computes off the GUI thread, the newest result goes out.

Validation is instant (pure Python) and runs on the GUI thread; the torch work runs as a superqt generator
worker. Every request gets a generation number; results of older generations are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from superqt.utils import GeneratorWorker, create_worker

from core.errors import SpecError
from core.lab import LabResult, compute_lab, run_lab
from core.memory import DEFAULT_BUDGET_BYTES
from core.spec import LayerSpec
from core.validation import validate

THROTTLE_MS = 120


class LabController(QObject):
    """Owns the current spec; emits ``resultReady`` with a :class:`LabResult` or ``invalid`` with a SpecError."""

    resultReady = Signal(object)
    invalid = Signal(object)
    busy = Signal(bool, str)

    def __init__(self, budget_bytes: int = DEFAULT_BUDGET_BYTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.budget_bytes = budget_bytes
        self.spec: LayerSpec | None = None
        self.result: LabResult | None = None
        self._generation = 0
        self._worker: GeneratorWorker | None = None
        self._timer = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._timer.timeout.connect(self._start)

    @property
    def generation(self) -> int:
        return self._generation

    def set_spec(self, spec: LayerSpec) -> bool:
        """Take a new spec: validate now, compute after a short pause (so dragging a value stays smooth).

        Returns whether the spec is valid.
        """
        self.spec = spec
        self._generation += 1
        try:
            validate(spec, self.budget_bytes)
        except SpecError as error:
            self._timer.stop()
            self._abort()
            self.invalid.emit(error)
            return False
        self._timer.start()
        return True

    def _abort(self) -> None:
        if self._worker is not None:
            self._worker.quit()
            self._worker = None

    def _start(self) -> None:
        self._abort()
        generation, spec = self._generation, self.spec
        if spec is None:
            return
        worker = create_worker(compute_lab, spec, self.budget_bytes, _start_thread=False)
        worker.yielded.connect(lambda stage, g=generation: self._stage(g, stage))
        worker.returned.connect(lambda result, g=generation: self._finished(g, result))
        worker.errored.connect(lambda error, g=generation: self._failed(g, error))
        self._worker = worker
        self.busy.emit(True, "computing")
        worker.start()

    def _stage(self, generation: int, stage: str) -> None:
        if generation == self._generation:
            self.busy.emit(True, stage)

    def _finished(self, generation: int, result: LabResult) -> None:
        if generation != self._generation:
            return  # a newer spec is on its way: drop the stale result
        self._worker = None
        self.result = result
        self.busy.emit(False, "")
        self.resultReady.emit(result)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._worker = None
        self.busy.emit(False, "")
        if isinstance(error, SpecError):
            self.invalid.emit(error)
        else:
            self.invalid.emit(SpecError("computation", f"{type(error).__name__}: {error}", "try a smaller spec"))

    def compute_now(self, spec: LayerSpec) -> LabResult:
        """Synchronous path (screenshots, tests): compute on this thread and publish the result."""
        self._timer.stop()
        self._abort()
        self._generation += 1
        self.spec = spec
        result = run_lab(spec, self.budget_bytes)
        self.result = result
        self.resultReady.emit(result)
        return result

    def is_idle(self) -> bool:
        return self._worker is None and not self._timer.isActive()

    def shutdown(self) -> None:
        self._timer.stop()
        self._abort()
        GeneratorWorker.await_workers(10_000)
