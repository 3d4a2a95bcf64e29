"""Time a model before and after a pointwise rewrite with the benchmark engine's rules, per layer and whole.

The same fairness rules as the layer benchmark: every measured thing (one layer in one form, or one variant of the
whole model) runs in a fresh worker process of its own (``isolation="process"``), measurements are interleaved in
rounds whose order rotates, the allocator setting is pinned in every worker and reported, and nothing is timed that
was not first verified: each worker sends its output, which the parent checks against a float64 reference.

``tune`` times every form a chosen layer can take (native conv, conv on channels-last memory, Linear), picks per
layer the fastest verified one when the 95% interval of its gain over the native conv lies wholly above 1 (else the
native conv stays: no change without evidence), then times the tuned model beside the original and the rewritten.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Protocol

import numpy as np
import torch
from torch import nn
from torch.utils import benchmark

from core.bench.allocator import ALLOCATORS, allocator_description, use_allocator
from core.bench.config import ISOLATIONS
from core.bench.runner import CancelToken, now
from core.bench.timing import ImplementationFailed, Timing, autorange, make_timer, measure_interleaved, ratio_interval
from core.bench.worker_pool import (
    WORKER_START_TIMEOUT_S,
    MeasurementCancelled,
    WorkerPool,
    answer_requests,
    worker_process,
)
from core.errors import SpecError
from core.i18n import SOURCE_LANGUAGE, current_language, tr
from core.limits import MAX_MIN_RUN_TIME_S, MAX_ROUNDS, MAX_THREADS
from core.models.forms import apply_forms, forms_for, in_form, native
from core.models.loading import ModelSource, build_model
from core.models.table import example_input
from core.registry import MODEL_FORMS, MODEL_VARIANTS

REPLICAS = 2  # worker processes per measured thing: one slow process must not pass for a slow form
REPLICA_SPREAD = 1.3  # replica medians further apart than this ratio make a result unsteady
FLOAT32_ATOL, FLOAT32_RTOL = 1e-5, 1.3e-6  # torch.testing.assert_close's float32 defaults
ERROR_MARGIN = 4.0  # a form may differ from float64 by this many times the native conv's own float32 error
WHOLE = ""  # the subject of whole-model results


@dataclass(frozen=True)
class ModelTimingConfig:
    """What to time: the model on ``input_shape``, the chosen ``layers`` (pointwise convs) in each form."""

    input_shape: tuple[int, ...]
    layers: tuple[str, ...]
    tune: bool = False
    min_run_time: float = 0.6  # seconds per measured thing, split over the rounds
    rounds: int = 3
    threads: int = 0  # 0: PyTorch's current intra-op thread count
    allocator: str = "default"
    isolation: str = "process"


@dataclass(frozen=True)
class FormResult:
    """One measured thing: ``subject`` (a layer name, or :data:`WHOLE`) in ``form`` (a form of a layer, or a
    variant of the whole model); ``timing`` None when it failed or was not verified (``failure`` says why)."""

    subject: str
    form: str
    timing: Timing | None
    max_abs_error: float
    tolerance: float
    failure: str = ""
    unsteady: str = ""  # why its worker processes disagree; such a result is shown, never used to tune

    @property
    def verified(self) -> bool:
        return not self.failure


@dataclass(frozen=True)
class Choice:
    """What tuning chose for one layer, and its gain over the native conv: ``ratio`` = conv median / chosen
    median (above 1: faster), with the 95% bootstrap interval ``low``-``high``."""

    layer: str
    form: str
    ratio: float
    low: float
    high: float
    fastest: str  # the fastest verified form, kept only when its interval clears 1


@dataclass
class ModelTiming:
    """Everything a timing run produced; a cancelled run keeps what finished."""

    config: ModelTimingConfig
    allocator: str
    threads: int
    started: str
    layers: list[FormResult] = field(default_factory=list)
    whole: list[FormResult] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    cancelled: bool = False
    error: str = ""

    def result(self, subject: str, form: str) -> FormResult | None:
        for item in self.layers + self.whole:
            if item.subject == subject and item.form == form:
                return item
        return None

    def gain(self, subject: str, form: str, baseline: str) -> tuple[float, float, float] | None:
        """``baseline``'s median / ``form``'s median for ``subject``, with its 95% interval (None if unmeasured)."""
        a, b = self.result(subject, form), self.result(subject, baseline)
        if a is None or b is None or a.timing is None or b.timing is None:
            return None
        return ratio_interval(b.timing.times, a.timing.times)


@dataclass
class ModelTimingProgress:
    done: int
    total: int
    message: str


# ----- what one worker times -----------------------------------------------------------------------------------
def _call(module: nn.Module, x: torch.Tensor) -> Callable[[], object]:
    def run() -> object:
        with torch.no_grad():
            return module(x)

    return run


def tensors_of(output: object) -> list[torch.Tensor]:
    """The tensors of a model's output (a tensor, or tuples, lists and dicts of them), in order."""
    if isinstance(output, torch.Tensor):
        return [output]
    if isinstance(output, Mapping):
        return [t for value in output.values() for t in tensors_of(value)]
    if isinstance(output, (tuple, list)):
        return [t for value in output for t in tensors_of(value)]
    return []


@dataclass(frozen=True)
class LayerJob:
    """One layer alone, in one form, on a seeded input of the shape it meets in the model."""

    layer: nn.Module  # the native conv (torch.nn classes only: it is pickled to the worker)
    input_shape: tuple[int, ...]
    form: str

    def build(self) -> Callable[[], object]:
        return _call(in_form(self.layer, self.form).eval(), example_input(self.input_shape))


@dataclass(frozen=True)
class ModelJob:
    """The whole model with some layers in other forms. The worker rebuilds the model from its source (a user's
    file is imported again, the one the user chose) and loads the parent's weights, so both hold the same model."""

    source: ModelSource
    state: dict[str, torch.Tensor]
    input_shape: tuple[int, ...]
    forms: tuple[tuple[str, str], ...]

    def build(self) -> Callable[[], object]:
        model = build_model(self.source)
        model.load_state_dict(self.state)
        return _call(apply_forms(model, dict(self.forms)).eval(), example_input(self.input_shape))


class Job(Protocol):
    def build(self) -> Callable[[], object]: ...


@dataclass(frozen=True)
class JobOptions:
    threads: int
    allocator: str
    language: str = SOURCE_LANGUAGE


def serve_job(conn: Connection, job: Job, options: JobOptions, app_pid: int) -> None:
    """Worker process body: build the job, send one output for the parent to check, then answer measurements."""
    with worker_process(conn, app_pid, options.language, options.threads, options.allocator):
        run = job.build()
        conn.send(("output", run()))
        if conn.recv() != "keep":
            return
        conn.send(("ready", None))
        answer_requests(conn, run, make_timer(run, options.threads, "job"), options.threads, "blocked")


class JobMeasurer(Protocol):
    def start(self, jobs: Mapping[str, Job]) -> dict[str, object]: ...
    def accept(self, name: str, keep: bool) -> None: ...
    def measure(self, name: str, seconds: float) -> benchmark.Measurement: ...
    def close(self) -> None: ...
    def kill(self) -> None: ...


class IsolatedJobs:
    """One fresh worker process per job."""

    def __init__(self, options: JobOptions) -> None:
        self.options = options
        self.pool = WorkerPool()

    def start(self, jobs: Mapping[str, Job]) -> dict[str, object]:
        """Start every job's worker; return each one's output, or the :class:`ImplementationFailed` it met."""
        for name, job in jobs.items():
            self.pool.spawn(name, serve_job, job, self.options)
        outputs: dict[str, object] = {}
        for name in jobs:
            try:
                outputs[name] = self.pool.receive(name, WORKER_START_TIMEOUT_S)[1]
            except ImplementationFailed as failure:
                outputs[name] = failure
                self.pool.stop(name)
        return outputs

    def accept(self, name: str, keep: bool) -> None:
        self.pool.send(name, "keep" if keep else "drop")
        if keep:
            self.pool.receive(name, WORKER_START_TIMEOUT_S)
        else:
            self.pool.stop(name)

    def measure(self, name: str, seconds: float) -> benchmark.Measurement:
        return self.pool.call(name, "measure", seconds)

    def close(self) -> None:
        self.pool.close()

    def kill(self) -> None:
        self.pool.kill()


class InProcessJobs:
    """Every job in this process: quicker to start, but they share one allocator history."""

    def __init__(self, options: JobOptions) -> None:
        self.options = options
        self.timers: dict[str, benchmark.Timer] = {}
        self.runs: dict[str, Callable[[], object]] = {}

    def start(self, jobs: Mapping[str, Job]) -> dict[str, object]:
        use_allocator(self.options.allocator)
        outputs: dict[str, object] = {}
        for name, job in jobs.items():
            try:
                self.runs[name] = job.build()
                outputs[name] = self.runs[name]()
            except Exception as error:  # a job that cannot run is that job's failure, as in a worker
                outputs[name] = ImplementationFailed(name, f"{type(error).__name__}: {error}")
        return outputs

    def accept(self, name: str, keep: bool) -> None:
        if keep:
            self.timers[name] = make_timer(self.runs[name], self.options.threads, name)
        else:
            self.runs.pop(name, None)

    def measure(self, name: str, seconds: float) -> benchmark.Measurement:
        return autorange(self.timers[name], seconds, "blocked")

    def close(self) -> None:
        self.timers.clear()
        self.runs.clear()

    def kill(self) -> None:
        """Nothing to kill: a measurement in progress ends after its budget."""


# ----- the run -------------------------------------------------------------------------------------------------
def check_timing_config(config: ModelTimingConfig) -> None:
    """SpecError for a setting out of range, before any work."""
    if not 0 < config.min_run_time <= MAX_MIN_RUN_TIME_S:
        raise SpecError(
            "min_run_time",
            tr("Model timing", "must be above 0 and at most {limit:g} s, got {value:g}").format(
                limit=MAX_MIN_RUN_TIME_S, value=config.min_run_time
            ),
            tr("Model timing", "use e.g. 0.6"),
        )
    if not 1 <= config.rounds <= MAX_ROUNDS:
        raise SpecError(
            "rounds",
            tr("Model timing", "must be 1 to {limit}, got {value}").format(limit=MAX_ROUNDS, value=config.rounds),
            tr("Model timing", "use e.g. 3"),
        )
    if not 0 <= config.threads <= MAX_THREADS:
        raise SpecError(
            "threads",
            tr("Model timing", "must be 0 (PyTorch's default) to {limit}, got {value}").format(
                limit=MAX_THREADS, value=config.threads
            ),
        )
    for value, names, parameter in (
        (config.allocator, ALLOCATORS, "allocator"),
        (config.isolation, ISOLATIONS, "isolation"),
    ):
        if value not in names:
            raise SpecError(
                parameter,
                tr("Model timing", "unknown setting {value!r}").format(value=value),
                tr("Model timing", "choose one of {names}").format(names=", ".join(names)),
            )


def layer_inputs(model: nn.Module, input_shape: tuple[int, ...], names: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """The shape of what each named layer receives when the model runs on ``input_shape`` (the first call's)."""
    shapes: dict[str, tuple[int, ...]] = {}
    handles = []
    for name in names:
        module = model.get_submodule(name)

        def record(_: nn.Module, args: tuple[Any, ...], name: str = name) -> None:
            if name not in shapes and args and isinstance(args[0], torch.Tensor):
                shapes[name] = tuple(args[0].shape)

        handles.append(module.register_forward_pre_hook(record))
    try:
        with torch.no_grad():
            model(example_input(input_shape))
    finally:
        for handle in handles:
            handle.remove()
    return shapes


class _Reference:
    """The float64 truth a job's output is checked against, and how far from it the native float32 result is."""

    def __init__(self, module: nn.Module, x: torch.Tensor) -> None:
        with torch.no_grad():
            self.truth = tensors_of(copy_double(module)(x.double()))
            native_error = self.error(module(x))
        scale = max((t.abs().max().item() for t in self.truth if t.numel()), default=0.0)
        self.tolerance = max(ERROR_MARGIN * native_error, FLOAT32_ATOL + FLOAT32_RTOL * scale)

    def error(self, output: object) -> float:
        got = tensors_of(output)
        if len(got) != len(self.truth) or any(a.shape != b.shape for a, b in zip(got, self.truth, strict=True)):
            return float("inf")
        return max(
            ((a.double() - b).abs().max().item() for a, b in zip(got, self.truth, strict=True) if b.numel()),
            default=0.0,
        )


def copy_double(module: nn.Module) -> nn.Module:
    return copy.deepcopy(module).double().eval()


def run_model_timing(
    model: nn.Module, source: ModelSource, config: ModelTimingConfig, cancel: CancelToken | None = None
) -> Generator[ModelTimingProgress, None, ModelTiming]:
    """Time ``model`` (built from ``source``) and its rewrites. A generator: each step is one measurement (a
    cancellation point); its return value is the :class:`ModelTiming`, with what finished when cancelled."""
    check_timing_config(config)
    for name in config.layers:
        try:
            layer = model.get_submodule(name)
        except AttributeError:
            raise SpecError("layer", tr("Model timing", "the model has no layer {name!r}").format(name=name)) from None
        if "linear" not in forms_for(layer):
            raise SpecError(
                "layer", tr("Model timing", "{name} is not a pointwise conv that can become a Linear").format(name=name)
            )
    threads = config.threads or torch.get_num_threads()
    result = ModelTiming(config, allocator_description(config.allocator), threads, now())
    token = cancel or CancelToken()
    options = JobOptions(threads, config.allocator, current_language())
    model = model.eval()
    shapes = layer_inputs(model, config.input_shape, config.layers)
    layer_jobs: dict[str, tuple[str, str, Job, _Reference]] = {}
    for name in config.layers:
        conv = native(model.get_submodule(name))
        forms = forms_for(conv) if config.tune else ("conv", "linear")
        reference = _Reference(conv, example_input(shapes[name]))
        for form in forms:
            layer_jobs[f"{name}:{form}"] = (name, form, LayerJob(conv, shapes[name], form), reference)
    rounds = config.rounds
    variants = 3 if config.tune else 2
    replicas = REPLICAS if config.isolation == "process" else 1
    total = (len(layer_jobs) + variants) * (rounds * replicas + 1)
    progress = [0]

    def step(message: str) -> ModelTimingProgress:
        progress[0] += 1
        return ModelTimingProgress(progress[0], total, message)

    try:
        yield ModelTimingProgress(
            0, total, tr("Model timing", "timing {count} layer forms").format(count=len(layer_jobs))
        )
        result.layers = yield from _measure(layer_jobs, config, options, token, step)
        if config.tune:
            result.choices = [_choose(result, name) for name in config.layers]
        whole_reference = _Reference(model, example_input(config.input_shape))
        state = {key: value.detach().clone() for key, value in model.state_dict().items()}
        forms_by_variant = {
            "original": (),
            "rewritten": tuple((name, "linear") for name in config.layers),
            "tuned": tuple((choice.layer, choice.form) for choice in result.choices if choice.form != "conv"),
        }
        whole_jobs = {
            variant: (
                WHOLE,
                variant,
                ModelJob(source, state, config.input_shape, forms_by_variant[variant]),
                whole_reference,
            )
            for variant in MODEL_VARIANTS.names[:variants]
        }
        if config.tune and not forms_by_variant["tuned"]:
            del whole_jobs["tuned"]  # every layer kept its native conv: the tuned model is the original
        result.whole = yield from _measure(whole_jobs, config, options, token, step)
        yield ModelTimingProgress(total, total, tr("Model timing", "done"))
    except MeasurementCancelled:
        result.cancelled = True
    except Exception as error:  # the run's boundary: keep what finished, say what failed
        if token.cancelled:
            result.cancelled = True
        else:
            text = str(error).strip()
            result.error = f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"
    if token.cancelled:
        result.cancelled = True
    return result


def replica_keys(key: str, replicas: int) -> list[str]:
    """The worker names of one measured thing's replicas."""
    return [f"{key}#{index}" for index in range(replicas)]


def merge_replicas(timings: list[Timing]) -> tuple[Timing, str]:
    """One timing from its replicas' (all their runs), and why it is unsteady when their medians disagree."""
    times = tuple(t for timing in timings for t in timing.times)
    q1, median, q3 = (float(q) for q in np.quantile(times, [0.25, 0.5, 0.75]))
    warning = next((timing.noise_warning for timing in timings if timing.noise_warning), "")
    medians = [timing.median_s for timing in timings]
    unsteady = ""
    if len(medians) > 1 and max(medians) > REPLICA_SPREAD * min(medians):
        unsteady = tr(
            "Model timing",
            "its worker processes disagree ({low:.3g} vs {high:.3g} ms): the machine was busy; not used to tune",
        ).format(low=1e3 * min(medians), high=1e3 * max(medians))
    return Timing(median, q3 - q1, q1, q3, times, warning), unsteady


def _measure(
    jobs: Mapping[str, tuple[str, str, Job, _Reference]],
    config: ModelTimingConfig,
    options: JobOptions,
    token: CancelToken,
    step: Callable[[str], ModelTimingProgress],
) -> Generator[ModelTimingProgress, None, list[FormResult]]:
    """Verify then time every job in :data:`REPLICAS` worker processes (one, in-process), interleaved."""
    replicas = REPLICAS if config.isolation == "process" else 1
    measurer: JobMeasurer = IsolatedJobs(options) if config.isolation == "process" else InProcessJobs(options)
    unhook = token.on_cancel(measurer.kill)
    results: dict[str, FormResult] = {}
    parts: dict[str, list[Timing]] = {key: [] for key in jobs}
    try:
        if token.cancelled:
            raise MeasurementCancelled
        outputs = measurer.start(
            {name: job for key, (_, _, job, _) in jobs.items() for name in replica_keys(key, replicas)}
        )
        verified = []
        for key, (subject, form, _, reference) in jobs.items():
            failure, error = "", float("nan")
            for name in replica_keys(key, replicas):
                output = outputs[name]
                if isinstance(output, ImplementationFailed):
                    failure = failure or output.reason
                    continue
                error = reference.error(output)
                if not error <= reference.tolerance:
                    failure = failure or tr(
                        "Model timing", "output differs from float64 by {error:.3g} (tolerance {tolerance:.3g})"
                    ).format(error=error, tolerance=reference.tolerance)
            for name in replica_keys(key, replicas):
                if not isinstance(outputs[name], ImplementationFailed):
                    measurer.accept(name, not failure)
            results[key] = FormResult(subject, form, None, error, reference.tolerance, failure)
            if not failure:
                verified += replica_keys(key, replicas)
            yield step(key)
        seconds = config.min_run_time / replicas
        for name, _, outcome in measure_interleaved(verified, measurer.measure, seconds, config.rounds):
            key = name.rpartition("#")[0]
            old = results[key]
            if outcome is None:
                yield step(key)
            elif isinstance(outcome, ImplementationFailed):
                results[key] = FormResult(old.subject, old.form, None, old.max_abs_error, old.tolerance, outcome.reason)
            elif old.verified:
                parts[key].append(outcome)
                if len(parts[key]) == replicas:
                    timing, unsteady = merge_replicas(parts[key])
                    results[key] = FormResult(
                        old.subject, old.form, timing, old.max_abs_error, old.tolerance, unsteady=unsteady
                    )
    finally:
        unhook()
        measurer.close()
    return [results[key] for key in jobs if key in results]


def _choose(result: ModelTiming, layer: str) -> Choice:
    """The fastest verified form of ``layer``, kept only when its gain over the native conv clearly exceeds 1."""
    measured = [r for r in result.layers if r.subject == layer and r.timing is not None and not r.unsteady]
    if not measured:
        return Choice(layer, "conv", 1.0, 1.0, 1.0, "conv")
    fastest = min(measured, key=lambda r: r.timing.median_s if r.timing else float("inf"))
    gain = result.gain(layer, fastest.form, "conv")
    if gain is None or fastest.form == "conv":
        return Choice(layer, "conv", 1.0, 1.0, 1.0, fastest.form)
    ratio, low, high = gain
    return Choice(layer, fastest.form if low > 1.0 else "conv", ratio, low, high, fastest.form)


def form_label(form: str) -> str:
    """A form or variant name as the interface shows it."""
    registry = MODEL_FORMS if form in MODEL_FORMS else MODEL_VARIANTS
    return registry[form].shown_label()
