"""Run a benchmark or a sweep as a generator: progress after every measurement, cancellable, partial results kept."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import torch

from core.bench.allocator import allocator_description
from core.bench.config import BenchConfig, Sweep, check_config
from core.bench.implementations import Exclusion
from core.bench.measurers import ImplInfo, PointOptions, await_workers, make_measurer
from core.bench.records import BenchRecord
from core.bench.roofline import Roofline, measure_roofline
from core.bench.timing import CallCost, ImplementationFailed, Timing, measure_interleaved, ratio_interval
from core.errors import SpecError
from core.i18n import current_language, tr
from core.layers import torch_dtype
from core.spec import LayerSpec, format_sizes
from core.validation import validate

BASELINES = ("linear", "linear_permute", "unfold_matmul", "conv")


class CancelToken:
    """Cancels a run from another thread at once: measurement worker processes are killed, so a blocked
    measurement returns instead of finishing its timing budget."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._hooks: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            hooks = list(self._hooks)
        for hook in hooks:
            hook()

    def on_cancel(self, hook: Callable[[], None]) -> Callable[[], None]:
        """Call ``hook`` on cancellation (now, if already cancelled); returns a function that unregisters it."""
        with self._lock:
            if not self._event.is_set():
                self._hooks.append(hook)
                return lambda: self._hooks.remove(hook) if hook in self._hooks else None
        hook()
        return lambda: None


@dataclass
class BenchProgress:
    """One step of a run: ``done`` of ``total`` measurements, the records finished by this step, and the roofline
    they were placed under."""

    done: int
    total: int
    message: str
    records: list[BenchRecord] = field(default_factory=list)
    excluded: list[tuple[str, Exclusion]] = field(default_factory=list)
    roofline: Roofline | None = None


@dataclass
class BenchResult:
    """Everything a run produced; ``cancelled`` runs keep the points finished before cancellation. ``spec`` is
    the measured spec (a sweep's base), ``started`` the local date and time the run began."""

    records: list[BenchRecord] = field(default_factory=list)
    excluded: list[tuple[str, Exclusion]] = field(default_factory=list)
    rooflines: dict[int, Roofline] = field(default_factory=dict)
    allocator: str = ""
    tf32: str = "n/a"
    cancelled: bool = False
    error: str = ""
    spec: LayerSpec | None = None
    started: str = ""

    def add(self, progress: BenchProgress) -> None:
        self.records += progress.records
        self.excluded += progress.excluded
        if progress.roofline is not None:
            self.rooflines[progress.roofline.threads] = progress.roofline


def now() -> str:
    """The local date and time, as plots and files state when a run began."""
    return time.strftime("%Y-%m-%d %H:%M")


def sweep_points(config: BenchConfig) -> list[tuple[str, LayerSpec, int]]:
    """``(value label, spec, threads)`` per point, each spec validated (a bad value names itself)."""
    threads = config.threads or torch.get_num_threads()
    sweep: Sweep | None = config.sweep
    if sweep is None:
        return [("", validate(config.spec, config.budget_bytes).spec, threads)]
    points = []
    for value in sweep.values:
        if sweep.variable == "threads":
            points.append((str(value), validate(config.spec, config.budget_bytes).spec, int(value)))
            continue
        try:
            spec = config.spec.replace(**{sweep.spec_field: value})
            validate(spec, config.budget_bytes)
        except SpecError as error:
            raise SpecError("sweep", f"{sweep.variable}={value}: {error.parameter}: {error.rule}", error.hint) from None
        points.append((format_sizes(value) if isinstance(value, tuple) else str(value), spec, threads))
    return points


@contextmanager
def _torch_settings(config: BenchConfig, threads: int) -> Iterator[str]:
    """Pin threads (and TF32 on CUDA, where cuDNN convs allow it by default and matmuls do not)."""
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    tf32 = tr("Bench runner", "n/a")
    saved = None
    if config.device == "cuda":
        saved = (torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32)
        torch.backends.cuda.matmul.allow_tf32 = config.tf32
        torch.backends.cudnn.allow_tf32 = config.tf32
        tf32 = (
            tr("Bench runner", "on for both matmul and cuDNN")
            if config.tf32
            else tr("Bench runner", "off for both matmul and cuDNN")
        )
    try:
        yield tf32
    finally:
        torch.set_num_threads(previous_threads)
        if saved is not None:
            torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


def _check_device(device: str) -> None:
    available = {"cpu": True, "cuda": torch.cuda.is_available(), "mps": torch.backends.mps.is_available()}
    if not available.get(device, False):
        usable = ", ".join(name for name, ok in available.items() if ok)
        raise SpecError(
            "device",
            tr("Bench runner", "{device} is not available on this machine").format(device=device),
            tr("Bench runner", "use one of {devices}").format(devices=usable),
        )


def _record(
    prepared: ImplInfo,
    timing: Timing,
    cost: CallCost,
    baseline: tuple[str, Timing] | None,
    roof: Roofline,
    config: BenchConfig,
    spec: LayerSpec,
    label: str,
    threads: int,
) -> BenchRecord:
    if baseline is None:
        ratio = low = high = float("nan")
        base_name = ""
    else:
        base_name, base_timing = baseline
        ratio, low, high = ratio_interval(timing.times, base_timing.times)
    executed = prepared.flops_executed / timing.median_s / 1e9
    intensity = prepared.flops_executed / max(prepared.bytes_min, 1)
    level = roof.level_for(prepared.bytes_min)
    bound = roof.bound_gflops(intensity, level)
    return BenchRecord(
        impl=prepared.name,
        variable=config.sweep.variable if config.sweep else "",
        value=label,
        median_s=timing.median_s,
        q1_s=timing.q1_s,
        q3_s=timing.q3_s,
        iqr_s=timing.iqr_s,
        runs=len(timing.times),
        gflops=prepared.flops_useful / timing.median_s / 1e9,
        executed_gflops=executed,
        ratio_to_linear=ratio,
        ratio_low=low,
        ratio_high=high,
        baseline=base_name,
        backend=prepared.backend,
        page_faults=cost.page_faults,
        peak_rss_bytes=cost.peak_rss_bytes,
        arithmetic_intensity=intensity,
        working_set_bytes=prepared.bytes_min,
        roofline_level=level.name,
        roofline_bandwidth_gbs=level.bandwidth_gbs,
        roofline_bound_gflops=bound,
        roofline_fraction=executed / bound if bound > 0 else float("nan"),
        noise_warning=timing.noise_warning,
        max_abs_error=prepared.max_abs_error,
        dtype=spec.dtype,
        threads=threads,
        backward=config.backward,
        allocator=config.allocator,
        device=config.device,
    )


def _excluded(failure: ImplementationFailed) -> Exclusion:
    return Exclusion(failure.name, tr("Bench runner", "failed while measuring: {reason}").format(reason=failure.reason))


def run_bench(config: BenchConfig, cancel: CancelToken | None = None) -> Generator[BenchProgress, None, BenchResult]:
    """Measure every implementation at every point of the sweep (or the one point without a sweep).

    A generator: each ``next`` does one measurement and yields a :class:`BenchProgress`; closing it between
    yields cancels the run (worker processes are stopped), and so does ``cancel`` from any thread, at once. Its
    return value (``StopIteration.value``) is the :class:`BenchResult`, with the points finished so far;
    :func:`collect` drives it with a progress callback and a cancel flag.

    An invalid configuration raises :class:`SpecError` before any work. A failure while measuring (a worker
    process that died, an error inside PyTorch) ends the run cleanly: the result keeps the finished points and
    says what failed in ``error``.
    """
    check_config(config)
    _check_device(config.device)
    points = sweep_points(config)
    result = BenchResult(allocator=allocator_description(config.allocator), spec=config.spec, started=now())
    token = cancel or CancelToken()
    try:
        yield from _measure_points(config, points, result, token)
    except Exception as error:  # the run's boundary: report, keep what finished
        if token.cancelled:
            result.cancelled = True
        else:
            result.error = f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"
            yield BenchProgress(0, 0, tr("Bench runner", "error: {error}").format(error=result.error))
    if token.cancelled:
        result.cancelled = True
    return result


def _measure_points(
    config: BenchConfig, points: list[tuple[str, LayerSpec, int]], result: BenchResult, token: CancelToken
) -> Generator[BenchProgress, None, None]:
    per_point = len(config.impls) * config.rounds + 1
    total = len(points) * per_point
    done = 0
    for label, spec, threads in points:
        where = f"{config.sweep.variable}={label}" if config.sweep else tr("Bench runner", "spec")
        options = PointOptions(
            config.backward,
            config.device,
            config.budget_bytes,
            config.compile,
            threads,
            config.method,
            config.allocator,
            current_language(),  # worker processes answer in the language of this one
        )
        if token.cancelled:
            return
        measurer = make_measurer(config.isolation, spec, config.impls, options)
        unregister = token.on_cancel(measurer.kill)
        with _torch_settings(config, threads) as tf32:
            try:
                result.tf32 = tf32
                if config.isolation == "process":
                    await_workers(lambda: token.cancelled)  # the roofline needs the cores to itself
                roof = measure_roofline(config.device, torch_dtype(spec.dtype), threads)
                result.rooflines[threads] = roof
                infos, excluded = measurer.start()
                done += 1 + config.rounds * (len(config.impls) - len(infos))
                step = BenchProgress(
                    done,
                    total,
                    tr("Bench runner", "{point}: prepared {count} implementations").format(
                        point=where, count=len(infos)
                    ),
                    excluded=[(label, e) for e in excluded],
                )
                result.add(step)
                yield step
                timings: dict[str, Timing] = {}
                names = [info.name for info in infos]
                for name, round_index, outcome in measure_interleaved(
                    names, measurer.measure, config.min_run_time, config.rounds
                ):
                    if isinstance(outcome, ImplementationFailed):
                        failed = BenchProgress(
                            done,
                            total,
                            tr("Bench runner", "{point}: {impl} failed: {reason}").format(
                                point=where, impl=name, reason=outcome.reason
                            ),
                            excluded=[(label, _excluded(outcome))],
                        )
                        result.add(failed)
                        yield failed
                    elif outcome is None:
                        done += 1
                        yield BenchProgress(
                            done,
                            total,
                            tr("Bench runner", "{point}: {impl}, round {round}/{rounds}").format(
                                point=where, impl=name, round=round_index + 1, rounds=config.rounds
                            ),
                        )
                    else:
                        timings[name] = outcome
                base = next((b for b in BASELINES if b in timings), None)
                baseline = (base, timings[base]) if base else None
                records = []
                for info in infos:
                    if info.name not in timings:
                        continue
                    try:
                        cost = measurer.cost(info.name, timings[info.name].median_s)
                    except ImplementationFailed as failure:
                        result.excluded.append((label, _excluded(failure)))
                        continue
                    records.append(
                        _record(info, timings[info.name], cost, baseline, roof, config, spec, label, threads)
                    )
            finally:
                unregister()
                measurer.close()
        step = BenchProgress(
            done, total, tr("Bench runner", "{point}: done").format(point=where), records=records, roofline=roof
        )
        result.add(step)
        yield step


def collect(
    run: Generator[BenchProgress, None, BenchResult],
    on_progress: Callable[[BenchProgress], Any] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> BenchResult:
    """Drive a run to the end (or until ``should_cancel()``), keeping every finished record."""
    partial = BenchResult()
    try:
        while True:
            progress = next(run)
            partial.add(progress)
            if on_progress:
                on_progress(progress)
            if should_cancel and should_cancel():
                run.close()
                partial.cancelled = True
                return partial
    except StopIteration as stop:
        return stop.value
