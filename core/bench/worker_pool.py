"""Measurement worker processes, parent side and worker side: start them, talk to them, stop or kill them.

One worker holds one thing to time (an implementation of a layer, a form of a model layer, a whole model). The
parent waits for each answer in short polls, so a cancellation from another thread (:meth:`WorkerPool.kill`) ends a
wait within :data:`POLL_S`; a worker that dies or raises becomes an :class:`ImplementationFailed` for that worker
alone.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import torch
from torch.utils import benchmark

from core.bench.allocator import use_allocator
from core.bench.timing import ImplementationFailed, autorange, call_cost
from core.i18n import tr
from core.isolation import ORPHAN_CHECK_S, exit_reason, safe_import_path

WORKER_START_TIMEOUT_S = 300
POLL_S = 0.05  # how often a waiting parent checks for cancellation
PRELOAD = ["core.bench.measurers"]  # what the fork server imports once: torch and the layer benchmark


def worker_context() -> multiprocessing.context.SpawnContext | multiprocessing.context.ForkServerContext:
    """Where worker processes come from: the fork server (torch preloaded), or spawn where there is none."""
    safe_import_path()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # takes effect when the server starts
    return context


def warm_workers() -> None:
    """Start the fork server now, in the background (returns at once): the first run then finds torch imported."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        worker_context()
        forkserver.ensure_running()


def _nothing() -> None:
    """A worker that does nothing: its round trip waits until the fork server has imported torch."""


def await_workers(cancelled: Callable[[], bool]) -> None:
    """Return once a worker can start at once (the fork server is ready), or when ``cancelled()``; so the
    roofline is not measured while the server imports torch on the same cores."""
    process = worker_context().Process(target=_nothing, daemon=True, name="bench-ready")
    process.start()
    while process.is_alive():
        if cancelled():
            process.kill()
        process.join(POLL_S)


class MeasurementCancelled(Exception):
    """The run was cancelled while a measurer was starting or waiting for a worker."""


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def exit_with(app_pid: int) -> None:
    """Worker side: end this process as soon as the app is gone, even mid-measurement. (Not the parent: a fork
    server's children keep it alive, so it does not end with the app while they run.)"""

    def watch() -> None:
        while _alive(app_pid):
            time.sleep(ORPHAN_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="app-watch", daemon=True).start()


def speak(language: str) -> None:
    """Worker side: write messages in ``language``, as the app that started this worker does (a worker starts from
    a fork server or a spawn, with no translator of its own)."""
    from core.catalogue import use_language

    # A catalogue that cannot be read leaves the worker in English: words must never cost a measurement.
    with contextlib.suppress(OSError, ValueError, SyntaxError):
        use_language(language)


@contextlib.contextmanager
def worker_process(conn: Connection, app_pid: int, language: str, threads: int, allocator: str) -> Iterator[None]:
    """Worker side, around a worker's whole body: end with the app, speak its language, take its thread count and
    allocator setting; report any error to the parent as this worker's failure; then end the process at once
    (skipping the interpreter's teardown, seconds with torch loaded: the parent waits for nothing more)."""
    exit_with(app_pid)  # no benchmark process outlives the app by more than a moment
    try:
        speak(language)
        torch.set_num_threads(threads)
        use_allocator(allocator)
        yield
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        pass
    except Exception as error:  # reported to the parent as this worker's failure
        with contextlib.suppress(OSError):
            conn.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()
        os._exit(0)


def answer_requests(
    conn: Connection, run: Callable[[], object], timer: benchmark.Timer, threads: int, method: str
) -> None:
    """Worker side: answer ``measure`` and ``cost`` requests until told to quit."""
    while True:
        command, args = conn.recv()
        if command == "measure":
            conn.send(("ok", autorange(timer, args[0], method)))
        elif command == "cost":
            conn.send(("ok", call_cost(run, threads, args[0])))
        else:
            break


class WorkerPool:
    """The parent's side of a set of named worker processes."""

    def __init__(self) -> None:
        self.workers: dict[str, tuple[multiprocessing.process.BaseProcess, Connection]] = {}
        self._killed = threading.Event()
        self._lock = threading.Lock()

    def spawn(self, name: str, target: Callable[..., None], *args: Any) -> None:
        """Start worker ``name`` running ``target(connection, *args, app_pid)``."""
        context = worker_context()
        parent, child = context.Pipe()
        process = context.Process(
            target=target, args=(child, *args, os.getpid()), daemon=True, name=f"bench-{name}"[:60]
        )
        with self._lock:  # kill() from another thread sees every started worker, or stops the next start
            if self._killed.is_set():
                raise MeasurementCancelled
            process.start()
            self.workers[name] = (process, parent)
        child.close()

    def send(self, name: str, message: Any) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):  # a worker that is gone: receive() says how
            self.workers[name][1].send(message)

    def receive(self, name: str, timeout: float = float("inf")) -> tuple[str, Any]:
        """The worker's next message; waits in short polls so a cancellation (:meth:`kill`) ends the wait."""
        process, conn = self.workers[name]
        deadline = time.monotonic() + timeout
        while not conn.poll(POLL_S):
            if self._killed.is_set():
                raise MeasurementCancelled
            if time.monotonic() > deadline:
                raise ImplementationFailed(
                    name,
                    tr("Bench measurers", "its worker did not answer within {timeout:.0f} s").format(timeout=timeout),
                )
        try:
            status, payload = conn.recv()
        except (EOFError, OSError):
            if self._killed.is_set():
                raise MeasurementCancelled from None
            process.join(1.0)
            raise ImplementationFailed(
                name,
                tr("Bench measurers", "its worker process died ({reason})").format(
                    reason=exit_reason(process.exitcode)
                ),
            ) from None
        if status == "error":
            raise ImplementationFailed(
                name, tr("Bench measurers", "its worker failed: {error}").format(error=payload.splitlines()[0])
            )
        return status, payload

    def call(self, name: str, command: str, *args: Any) -> Any:
        """Send ``command`` and return the worker's answer."""
        self.send(name, (command, args))
        return self.receive(name)[1]

    def stop(self, name: str) -> None:
        process, conn = self.workers.pop(name)
        with contextlib.suppress(BrokenPipeError, OSError):
            conn.send(("quit", ()))
        conn.close()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()

    def close(self) -> None:
        for name in list(self.workers):
            self.stop(name)

    def kill(self) -> None:
        """Kill every worker process now and start no more (safe from another thread): a wait in progress
        ends with :class:`MeasurementCancelled` within :data:`POLL_S`."""
        with self._lock:
            self._killed.set()
            processes = [process for process, _ in self.workers.values()]
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.kill()
