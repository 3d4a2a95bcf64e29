"""What every owner of a superqt worker needs: a worker whose every error is reported, and an event that is set
the moment it ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import Qt
from superqt.utils import GeneratorWorker, WorkerBase, create_worker

SHUTDOWN_WAIT_S = 5.0


class WorkerFailed(Exception):
    """Any exception raised inside a worker, carried to ``errored``.

    superqt takes a ``RuntimeError`` from a worker's generator for a deleted C++ object: it warns and emits neither
    ``errored`` nor ``finished``, so the owner would wait forever (a status stuck at "computing…", a Run button
    disabled for good). Re-raised as this type, every error class is reported and the worker always finishes.
    """

    def __init__(self, error: BaseException) -> None:
        text = str(error).strip()
        super().__init__(f"{type(error).__name__}: {text.splitlines()[0][:300] if text else ''}".rstrip(": "))
        self.error = error


def _guarded(function: Callable[..., Generator[Any, Any, Any]]) -> Callable[..., Generator[Any, Any, Any]]:
    def run(*args: Any) -> Generator[Any, Any, Any]:
        try:
            return (yield from function(*args))
        except Exception as error:  # GeneratorExit and KeyboardInterrupt are not Exceptions: they pass
            raise WorkerFailed(error) from error

    return run


_gc_pauses = [0]  # how many jobs currently need the cyclic collector off


def pause_cyclic_gc() -> Callable[[], None]:
    """Collect cyclic garbage now, on the GUI thread, and keep the collector off until the returned ``resume`` is
    called (once per pause; it is off while any pause lasts).

    A collection runs in whichever thread happens to allocate. Run in a worker thread that builds a model, it can
    destroy a Qt object left over from a closed window; the QObject destructor then waits for the GIL while the
    GUI thread waits for Qt's lock: a deadlock, seen in a test run. Reference counting still frees everything
    else, and a cycle made meanwhile waits for the next collection.
    """
    gc.collect()
    if _gc_pauses[0] == 0:
        gc.disable()
    _gc_pauses[0] += 1
    resumed = threading.Event()

    def resume() -> None:
        if resumed.is_set():
            return
        resumed.set()
        _gc_pauses[0] -= 1
        if _gc_pauses[0] == 0:
            gc.enable()

    return resume


def generator_worker(function: Callable[..., Generator[Any, Any, Any]], *args: Any) -> GeneratorWorker:
    """An unstarted superqt worker running ``function(*args)`` whose errors all reach ``errored`` (which its owner
    connects; superqt would otherwise re-raise them in the event loop)."""
    worker = create_worker(_guarded(function), *args, _start_thread=False, _ignore_errors=True)
    assert isinstance(worker, GeneratorWorker)
    return worker


def stop_and_wait(worker: WorkerBase, done: threading.Event, timeout: float = SHUTDOWN_WAIT_S) -> None:
    """Ask ``worker`` to stop at its next yield and wait (at most ``timeout`` seconds) for it to end."""
    worker.quit()
    done.wait(timeout)


def done_event(worker: WorkerBase) -> threading.Event:
    """An event set in the worker's own thread as it finishes, so its owner can wait for that worker only
    (``await_workers`` would wait for every worker in the process) without running the event loop."""
    done = threading.Event()

    def set_done() -> None:
        done.set()

    # A closure, not ``done.set``: PySide keeps bound methods of plain objects only weakly, and the event must
    # outlive its owner's interest in it while the worker thread is still finishing. superqt's signal stubs know
    # neither argument-less slots nor connection types.
    worker.finished.connect(set_done, Qt.ConnectionType.DirectConnection)  # type: ignore[arg-type]
    return done
