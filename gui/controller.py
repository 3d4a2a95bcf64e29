"""The lab's single owner of state: raw field values in, the valid spec, field errors and staged results out.

One-way flow: a widget edit goes to :meth:`LabController.set_field`; the controller parses and validates once (pure
Python, on the GUI thread, in the same event), publishes the instant part (formulas, code) at once, and runs the
torch stages in one worker it owns. Each stage is published as it lands; results of an older spec are dropped by
a generation counter. Leading-edge throttling: the first edit after a quiet moment starts computing at once; while
a value is being dragged at most one computation runs and the newest spec wins.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from superqt.utils import GeneratorWorker

from core.errors import SpecError
from core.lab import STAGES, LabResult, StageFailure, compute_stages, instant_result, stage_order
from core.memory import DEFAULT_BUDGET_BYTES
from core.spec import LayerSpec, parse_spec, values_for_dims, values_with_given_input
from core.validation import validate
from gui.workers import SHUTDOWN_WAIT_S, done_event, generator_worker, stop_and_wait


class LabController(QObject):
    """Owns the raw values, the last valid spec, the current error and the results of the current spec.

    Signals
    -------
    valuesChanged(dict)
        The raw values changed (an edit, a preset, a session, a menu): views show them.
    specChanged(LabResult)
        A new valid spec; the result holds its instant part, every stage pending.
    invalid(SpecError or None)
        The current raw values are invalid (the error names the field), or valid again (None).
    stageReady(str, LabResult)
        A stage of the current spec landed; the result holds every stage landed so far.
    stageFailed(str, str)
        A stage of the current spec failed, with a readable message.
    """

    valuesChanged = Signal(dict)
    specChanged = Signal(object)
    invalid = Signal(object)
    stageReady = Signal(str, object)
    stageFailed = Signal(str, str)

    def __init__(
        self,
        spec: LayerSpec | None = None,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.budget_bytes = budget_bytes
        self._values: dict[str, Any] = (spec or LayerSpec()).to_dict()
        self.spec: LayerSpec | None = None
        self.error: SpecError | None = None
        self.result: LabResult | None = None
        self.failures: dict[str, str] = {}
        self._first_stages: tuple[str, ...] = ()
        self._generation = 0
        self._worker: GeneratorWorker | None = None
        self._worker_done = threading.Event()
        self._worker_done.set()
        self._queued = False

    # ----- reading ----------------------------------------------------------------------------------------------
    @property
    def values(self) -> dict[str, Any]:
        """A copy of the raw values as the user gave them (possibly invalid)."""
        return dict(self._values)

    @property
    def generation(self) -> int:
        return self._generation

    def is_idle(self) -> bool:
        return self._worker is None

    # ----- editing ----------------------------------------------------------------------------------------------
    def set_field(self, name: str, value: Any) -> bool:
        """One field edited in the parameter panel; returns whether the values are now valid."""
        values = dict(self._values)
        values[name] = value
        if name == "dims":
            values = values_for_dims(values)
        elif name == "input_fill" and value == "values":
            values = values_with_given_input(values)
        self._values = values
        self.valuesChanged.emit(self.values)  # every view shows it (an edit may come from a menu, not the panel)
        return self._apply()

    def set_values(self, values: Mapping[str, Any]) -> bool:
        """Replace every value (a preset, a session, a restored setting)."""
        self._values = {**LayerSpec().to_dict(), **dict(values)}
        self.valuesChanged.emit(self.values)
        return self._apply()

    def set_spec(self, spec: LayerSpec) -> bool:
        return self.set_values(spec.to_dict())

    def set_visible_stages(self, stages: Iterable[str]) -> None:
        """The stages the visible panels need: computed first; a missing one starts computing now."""
        self._first_stages = tuple(stages)
        if self._worker is None and set(self._first_stages) & set(self._to_compute()):
            self._start()

    def _apply(self, compute: bool = True) -> bool:
        try:
            spec = parse_spec(self._values)
            valid = validate(spec, self.budget_bytes)
        except SpecError as error:
            self.error = error
            self.invalid.emit(error)
            return False
        was_invalid = self.error is not None
        self.error = None
        if was_invalid:
            self.invalid.emit(None)
        if spec == self.spec and self.result is not None:
            return True  # e.g. back to the last valid value: its results stand
        self.spec = spec
        self._generation += 1
        self.result = instant_result(valid)
        self.failures = {}
        self.specChanged.emit(self.result)
        if not compute:
            return True
        if self._worker is None:
            self._start()  # leading edge: compute at once
        else:
            self._queued = True  # trailing edge: the running stage finishes, then the newest spec starts
            self._worker.quit()
        return True

    # ----- computing --------------------------------------------------------------------------------------------
    def _to_compute(self) -> tuple[str, ...]:
        """Stages of the current spec not landed yet and not failed."""
        if self.result is None:
            return ()
        return tuple(s for s in self.result.pending() if s not in self.failures)

    def _start(self) -> None:
        if self.result is None:
            return
        self._queued = False
        generation, valid = self._generation, self.result.valid
        to_compute = self._to_compute()
        order = [s for s in stage_order(self._first_stages) if s in to_compute]
        if not order:
            return
        worker = generator_worker(compute_stages, valid, order)

        def landed(item: tuple[str, object]) -> None:
            self._landed(generation, *item)

        def errored(error: Exception) -> None:  # compute_stages reports failures itself; this is a last resort
            # The worker is gone: every stage it had not delivered fails, so no panel waits for it.
            for stage in order:
                if self.result is not None and not self.result.has(stage) and stage not in self.failures:
                    self._failed(generation, stage, str(error))

        # A slot must not hold the worker itself: Qt's connection would keep worker, generator and results alive.
        worker_ref = weakref.ref(worker)

        def finished() -> None:
            self._worker_finished(worker_ref())

        worker.yielded.connect(landed)
        worker.errored.connect(errored)
        worker.finished.connect(finished)  # type: ignore[arg-type]  # superqt's stub wants an argument
        self._worker, self._worker_done = worker, done_event(worker)
        worker.start()

    def _landed(self, generation: int, stage: str, value: object) -> None:
        if generation != self._generation or self.result is None:
            return  # a newer spec is on its way: drop the stale stage
        if isinstance(value, StageFailure):
            self._failed(generation, stage, value.message)
            return
        self.result = self.result.with_stage(stage, value)
        self.stageReady.emit(stage, self.result)

    def _failed(self, generation: int, stage: str, message: str) -> None:
        if generation != self._generation:
            return
        self.failures[stage] = message
        self.stageFailed.emit(stage, message)

    def _worker_finished(self, worker: GeneratorWorker | None) -> None:
        if worker is None or worker is not self._worker:
            return
        self._worker = None
        if self._queued:
            self._start()

    def compute_now(self, spec: LayerSpec | None = None) -> LabResult | None:
        """Synchronous path (screenshots, tests): take ``spec`` (or keep the current values) and compute every
        stage on this thread, publishing each as the worker would."""
        self._stop_worker()
        if spec is not None:
            self._values = spec.to_dict()
            self.valuesChanged.emit(self.values)
        self.spec = None
        self.result = None
        if not self._apply(compute=False):
            return None
        assert self.result is not None
        generation = self._generation
        for stage, value in compute_stages(self.result.valid, STAGES):
            self._landed(generation, stage, value)
        return self.result

    # ----- ending -----------------------------------------------------------------------------------------------
    def _stop_worker(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Ask this controller's worker to stop after its current stage and wait for it (not for anyone else's)."""
        worker, done = self._worker, self._worker_done
        self._queued = False
        if worker is None:
            return
        stop_and_wait(worker, done, timeout)
        self._worker = None

    def cancel(self) -> None:
        """Stop computing after the current stage, without waiting (results still on their way are dropped)."""
        self._generation += 1
        self._queued = False
        if self._worker is not None:
            self._worker.quit()

    def shutdown(self, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Stop computing; returns once this controller's worker has ended, or after ``timeout`` seconds."""
        self._generation += 1
        self._stop_worker(timeout)
