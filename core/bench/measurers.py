"""Where measurements run: one fresh worker process per implementation (default), or all in this process.

Isolation matters on CPU: glibc's malloc adapts to what a process has freed before, so an implementation timed
after another (or after the engine's own set-up) that freed a large block no longer pays the page faults it pays
in a program that runs only it. Each worker builds its implementation with minimal allocation and sends one
output to the parent, which checks it against the float64 reference; the parent then interleaves the workers'
measurements in rounds.

Workers start from a fork server that imported torch once (where the platform has one; else each is spawned and
imports torch itself): a forked worker is as fresh as a spawned one after its imports, the same allocator
history, but five of them start in milliseconds instead of five torch imports competing for the cores.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Protocol

import torch
from torch.utils import benchmark

from core.bench.allocator import use_allocator
from core.bench.implementations import (
    RUN_ERRORS,
    Exclusion,
    Prepared,
    build,
    conv_flops,
    make_reference,
    prepare,
    run_error,
)
from core.bench.timing import CallCost, ImplementationFailed, autorange, call_cost, make_timer
from core.i18n import SOURCE_LANGUAGE, tr
from core.isolation import ORPHAN_CHECK_S, exit_reason
from core.spec import LayerSpec, parse_spec

WORKER_START_TIMEOUT_S = 300
POLL_S = 0.05  # how often a waiting parent checks for cancellation
PRELOAD = ["core.bench.measurers"]  # what the fork server imports once: torch and this module


def worker_context() -> multiprocessing.context.SpawnContext | multiprocessing.context.ForkServerContext:
    """Where worker processes come from: the fork server (torch preloaded), or spawn where there is none."""
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
    """The run was cancelled while this measurer was starting or waiting for a worker."""


@dataclass(frozen=True)
class PointOptions:
    """How one sweep point is measured (picklable, sent to worker processes)."""

    backward: bool
    device: str
    budget_bytes: int
    compile: bool
    threads: int
    method: str
    allocator: str
    language: str = SOURCE_LANGUAGE  # what a worker's messages (exclusion reasons) are written in


@dataclass(frozen=True)
class ImplInfo:
    """What the runner needs to know of a prepared implementation, without its tensors."""

    name: str
    backend: str
    flops_useful: int
    flops_executed: int
    bytes_min: int
    max_abs_error: float

    @staticmethod
    def of(prepared: Prepared) -> ImplInfo:
        return ImplInfo(
            prepared.name,
            prepared.backend,
            prepared.flops_useful,
            prepared.flops_executed,
            prepared.bytes_min,
            prepared.max_abs_error,
        )


class Measurer(Protocol):
    def start(self) -> tuple[list[ImplInfo], list[Exclusion]]: ...
    def measure(self, name: str, seconds: float) -> benchmark.Measurement: ...
    def cost(self, name: str, median_s: float) -> CallCost: ...
    def close(self) -> None: ...
    def kill(self) -> None: ...


def _compile_fn(options: PointOptions) -> Callable[[Callable], Callable] | None:
    return (lambda fn: torch.compile(fn)) if options.compile else None


def _prepare(spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> tuple[list[Prepared], list[Exclusion]]:
    return prepare(
        spec,
        names,
        backward=options.backward,
        device=options.device,
        budget_bytes=options.budget_bytes,
        compile_fn=_compile_fn(options),
    )


class InProcessMeasurer:
    """Everything in this process: fastest to start, but implementations share one allocator history, so
    ``default`` here means glibc as this process has adapted it."""

    def __init__(self, spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> None:
        self.spec, self.names, self.options = spec, names, options
        self.prepared: dict[str, Prepared] = {}
        self.timers: dict[str, benchmark.Timer] = {}

    def start(self) -> tuple[list[ImplInfo], list[Exclusion]]:
        use_allocator(self.options.allocator)
        prepared, excluded = _prepare(self.spec, self.names, self.options)
        self.prepared = {p.name: p for p in prepared}
        self.timers = {p.name: make_timer(p.run, self.options.threads, p.name) for p in prepared}
        return [ImplInfo.of(p) for p in prepared], excluded

    def measure(self, name: str, seconds: float) -> benchmark.Measurement:
        return autorange(self.timers[name], seconds, self.options.method)

    def cost(self, name: str, median_s: float) -> CallCost:
        return call_cost(self.prepared[name].run, self.options.threads, median_s)

    def close(self) -> None:
        self.prepared.clear()
        self.timers.clear()

    def kill(self) -> None:
        """Nothing to kill in this process: a measurement in progress ends after its timing budget."""


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


def _speak(language: str) -> None:
    """Worker side: write messages in ``language``, as the app that started this worker does (a worker starts from
    a fork server or a spawn, with no translator of its own)."""
    from core.catalogue import use_language

    # A catalogue that cannot be read leaves the worker in English: words must never cost a measurement.
    with contextlib.suppress(OSError, ValueError, SyntaxError):
        use_language(language)


def serve(conn: Connection, spec_values: dict[str, Any], name: str, options: PointOptions, app_pid: int) -> None:
    """Worker process body: build one implementation with as little allocation as possible (so ``default``
    keeps glibc's fresh-process state), send its output for the parent to check, then answer measure/cost
    requests until told to quit (or until the parent is gone)."""
    exit_with(app_pid)  # no benchmark process outlives the app by more than a moment
    try:
        _speak(options.language)
        torch.set_num_threads(options.threads)
        use_allocator(options.allocator)
        spec = parse_spec(spec_values)
        built, excluded = build(
            spec,
            (name,),
            backward=options.backward,
            device=options.device,
            budget_bytes=options.budget_bytes,
            compile_fn=_compile_fn(options),
        )
        if excluded:
            conn.send(("excluded", excluded[0]))
            return
        try:
            output = built[0].sample_output()
        except RUN_ERRORS as error:
            conn.send(("excluded", run_error(name, error)))
            return
        conn.send(("output", output))
        del output
        verdict, max_error = conn.recv()
        if verdict != "keep":
            return
        prepared = built[0].finalize(options.backward, conv_flops(spec, options.budget_bytes), max_error)
        timer = make_timer(prepared.run, options.threads, name)
        conn.send(("ready", ImplInfo.of(prepared)))
        while True:
            command, args = conn.recv()
            if command == "measure":
                conn.send(("ok", autorange(timer, args[0], options.method)))
            elif command == "cost":
                conn.send(("ok", call_cost(prepared.run, options.threads, args[0])))
            else:
                break
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        pass
    except Exception as error:  # reported to the parent as this implementation's failure
        with contextlib.suppress(OSError):
            conn.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()
        # Skip the interpreter's teardown (seconds with torch loaded): the parent may be gone and waits for nothing.
        os._exit(0)


class IsolatedMeasurer:
    """One fresh worker process per implementation; the parent checks outputs, schedules and collects."""

    def __init__(self, spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> None:
        self.spec, self.names, self.options = spec, names, options
        self.workers: dict[str, tuple[multiprocessing.process.BaseProcess, Connection]] = {}
        self._killed = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> tuple[list[ImplInfo], list[Exclusion]]:
        context = worker_context()
        for name in self.names:
            parent, child = context.Pipe()
            process = context.Process(
                target=serve,
                args=(child, self.spec.to_dict(), name, self.options, os.getpid()),
                daemon=True,
                name=f"bench-{name}",
            )
            with self._lock:  # kill() from another thread sees every started worker, or stops the next start
                if self._killed.is_set():
                    raise MeasurementCancelled
                process.start()
                self.workers[name] = (process, parent)
            child.close()
        reference = make_reference(self.spec, self.options.budget_bytes)
        infos, excluded = [], []
        for name in self.names:
            try:
                status, payload = self._receive(name, WORKER_START_TIMEOUT_S)
                if status == "output":
                    problem, error = reference.check(name, payload)
                    if problem is None:
                        self.workers[name][1].send(("keep", error))
                        status, payload = self._receive(name, WORKER_START_TIMEOUT_S)
                    else:
                        status, payload = "excluded", problem
            except ImplementationFailed as failure:
                status, payload = "excluded", Exclusion(name, failure.reason)
            if status == "ready":
                infos.append(payload)
            else:
                excluded.append(payload)
                self._stop(name)
        return infos, excluded

    def _receive(self, name: str, timeout: float = float("inf")) -> tuple[str, Any]:
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

    def _call(self, name: str, command: str, *args: Any) -> Any:
        with contextlib.suppress(BrokenPipeError, OSError):  # a worker that is gone: _receive says how
            self.workers[name][1].send((command, args))
        return self._receive(name)[1]

    def measure(self, name: str, seconds: float) -> benchmark.Measurement:
        return self._call(name, "measure", seconds)

    def cost(self, name: str, median_s: float) -> CallCost:
        return self._call(name, "cost", median_s)

    def _stop(self, name: str) -> None:
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
            self._stop(name)

    def kill(self) -> None:
        """Kill every worker process now and start no more (safe from another thread): a wait in progress
        ends with :class:`MeasurementCancelled` within :data:`POLL_S`."""
        with self._lock:
            self._killed.set()
            processes = [process for process, _ in self.workers.values()]
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.kill()


def make_measurer(isolation: str, spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> Measurer:
    if isolation == "process":
        return IsolatedMeasurer(spec, names, options)
    return InProcessMeasurer(spec, names, options)
