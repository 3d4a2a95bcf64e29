"""What every owner of a superqt worker needs: an event that is set the moment its worker ends."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from superqt.utils import WorkerBase

SHUTDOWN_WAIT_S = 5.0


def stop_and_wait(worker: WorkerBase, done: threading.Event) -> None:
    """Ask ``worker`` to stop at its next yield and wait (at most :data:`SHUTDOWN_WAIT_S`) for it to end."""
    worker.quit()
    done.wait(SHUTDOWN_WAIT_S)


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
