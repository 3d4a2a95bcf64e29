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
from core.bench.worker_pool import (
    WORKER_START_TIMEOUT_S,
    MeasurementCancelled,
    WorkerPool,
    answer_requests,
    await_workers,
    warm_workers,
    worker_process,
)
from core.i18n import SOURCE_LANGUAGE
from core.spec import LayerSpec, parse_spec

__all__ = ["MeasurementCancelled", "await_workers", "warm_workers"]  # re-exported: the runner and Speed use them


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


def serve(conn: Connection, spec_values: dict[str, Any], name: str, options: PointOptions, app_pid: int) -> None:
    """Worker process body: build one implementation with as little allocation as possible (so ``default``
    keeps glibc's fresh-process state), send its output for the parent to check, then answer measure/cost
    requests until told to quit (or until the parent is gone)."""
    with worker_process(conn, app_pid, options.language, options.threads, options.allocator):
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
        answer_requests(conn, prepared.run, timer, options.threads, options.method)


class IsolatedMeasurer:
    """One fresh worker process per implementation; the parent checks outputs, schedules and collects."""

    def __init__(self, spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> None:
        self.spec, self.names, self.options = spec, names, options
        self.pool = WorkerPool()

    def start(self) -> tuple[list[ImplInfo], list[Exclusion]]:
        for name in self.names:
            self.pool.spawn(name, serve, self.spec.to_dict(), name, self.options)
        reference = make_reference(self.spec, self.options.budget_bytes)
        infos, excluded = [], []
        for name in self.names:
            try:
                status, payload = self.pool.receive(name, WORKER_START_TIMEOUT_S)
                if status == "output":
                    problem, error = reference.check(name, payload)
                    if problem is None:
                        self.pool.send(name, ("keep", error))
                        status, payload = self.pool.receive(name, WORKER_START_TIMEOUT_S)
                    else:
                        status, payload = "excluded", problem
            except ImplementationFailed as failure:
                status, payload = "excluded", Exclusion(name, failure.reason)
            if status == "ready":
                infos.append(payload)
            else:
                excluded.append(payload)
                self.pool.stop(name)
        return infos, excluded

    def measure(self, name: str, seconds: float) -> benchmark.Measurement:
        return self.pool.call(name, "measure", seconds)

    def cost(self, name: str, median_s: float) -> CallCost:
        return self.pool.call(name, "cost", median_s)

    def close(self) -> None:
        self.pool.close()

    def kill(self) -> None:
        """Kill every worker process now and start no more (safe from another thread)."""
        self.pool.kill()


def make_measurer(isolation: str, spec: LayerSpec, names: tuple[str, ...], options: PointOptions) -> Measurer:
    if isolation == "process":
        return IsolatedMeasurer(spec, names, options)
    return InProcessMeasurer(spec, names, options)
