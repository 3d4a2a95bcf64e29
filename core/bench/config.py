"""What to benchmark and how: parsed and checked in pure Python, before torch is imported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from core.errors import SpecError
from core.i18n import tr, tr_noop
from core.limits import (
    MAX_MIN_RUN_TIME_S,
    MAX_ROUNDS,
    MAX_SWEEP_POINTS,
    MAX_THREADS,
    bounded_int,
    bounded_number,
    shown,
)
from core.memory import DEFAULT_BUDGET_BYTES
from core.registry import DTYPES, IMPLEMENTATIONS
from core.spec import LayerSpec
from core.validation import validate

IMPLEMENTATION_NAMES = IMPLEMENTATIONS.names
SWEEP_VARIABLES = {
    "batch": "batch",
    "input": "input_size",
    "length": "input_size",
    "cin": "cin",
    "cout": "cout",
    "threads": "threads",
}
DEVICES = ("cpu", "cuda", "mps")
METHODS = ("blocked", "adaptive")
ISOLATIONS = ("process", "none")
MIN_RUN_TIME_S = 0.001
PLAIN_LINEAR_MODES = ("pointwise", "full")  # the mappings under which a conv is one plain Linear
_MODES_NEEDED = {"linear": PLAIN_LINEAR_MODES, "linear_permute": PLAIN_LINEAR_MODES, "unrolled": ("unrolled",)}


@dataclass(frozen=True)
class RunLength:
    """A timing budget: ``min_run_time`` seconds per implementation and point, split over ``rounds`` rounds."""

    name: str
    min_run_time: float
    rounds: int

    def shown_name(self) -> str:
        """The name as shown (``quick``, ``precise`` are identifiers), in the current language."""
        return tr("Bench config", self.name)


# The Speed panel's default: any preset in well under 20 s on 2 cores.
QUICK = RunLength(tr_noop("Bench config", "quick"), 0.25, 3)
# For figures you quote: 2 s per implementation, ~15 s for five.
PRECISE = RunLength(tr_noop("Bench config", "precise"), 2.0, 5)
RUN_LENGTHS = (QUICK, PRECISE)


@dataclass(frozen=True)
class Sweep:
    """One variable and the values it takes; ``variable`` is a key of :data:`SWEEP_VARIABLES`."""

    variable: str
    values: tuple[Any, ...]

    @property
    def spec_field(self) -> str:
        return SWEEP_VARIABLES[self.variable]


@dataclass(frozen=True)
class BenchConfig:
    """A benchmark run: the layer pair, the implementations, and the conditions of measurement.

    ``min_run_time`` is the timing budget per implementation and point, split over ``rounds`` interleaved
    rounds. ``threads`` None keeps PyTorch's current intra-op thread count. ``isolation="process"`` (default) measures
    each implementation in its own fresh worker process (see :mod:`core.bench.measurers`); ``"none"`` in this
    one, faster to start but with one allocator history shared by all.
    """

    spec: LayerSpec
    impls: tuple[str, ...] = IMPLEMENTATION_NAMES
    backward: bool = False
    threads: int | None = None
    device: str = "cpu"
    compile: bool = False
    tf32: bool = False
    allocator: str = "default"
    min_run_time: float = 1.0
    rounds: int = 5
    method: str = "blocked"
    isolation: str = "process"
    budget_bytes: int = DEFAULT_BUDGET_BYTES
    sweep: Sweep | None = None


def mode_applies(spec: LayerSpec, mode: str, budget_bytes: int) -> bool:
    """Whether ``spec`` maps to a Linear in ``mode`` within the memory budget (pure Python, no torch)."""
    try:
        validate(spec.replace(mode=mode, source="conv"), budget_bytes)
    except SpecError:
        return False
    return True


def impl_applies(spec: LayerSpec, name: str, budget_bytes: int) -> bool:
    """Whether implementation ``name`` can run ``spec`` at all (a plain Linear needs kernel 1 or kernel = input;
    the unrolled Toeplitz matrix must fit the budget); whether it agrees with the reference is checked later."""
    modes = _MODES_NEEDED.get(name)
    return modes is None or any(mode_applies(spec, mode, budget_bytes) for mode in modes)


def parse_impls(text: str | None) -> tuple[str, ...]:
    """``"linear,conv"`` -> ``("linear", "conv")``; None -> all."""
    if not text:
        return IMPLEMENTATION_NAMES
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    if not names:
        raise SpecError(
            "impl",
            tr("Bench config", "no implementation given"),
            tr("Bench config", "choose from {names}").format(names=", ".join(IMPLEMENTATION_NAMES)),
        )
    return tuple(dict.fromkeys(IMPLEMENTATIONS.parse(name) for name in names))


def parse_sweep(text: str | None) -> Sweep | None:
    """``"batch=1,8,64"`` -> Sweep; values are checked when applied to the spec."""
    if not text:
        return None
    name, sep, values = text.partition("=")
    name = name.strip()
    if not sep or name not in SWEEP_VARIABLES:
        raise SpecError(
            "sweep",
            tr("Bench config", "expected NAME=v1,v2,... with NAME one of {names}, got {text}").format(
                names=", ".join(SWEEP_VARIABLES), text=shown(text)
            ),
            tr("Bench config", "e.g. --sweep batch=1,16,128"),
        )
    items = tuple(v.strip() for v in values.split(","))
    if not any(items):
        raise SpecError(
            "sweep",
            tr("Bench config", "no values for {name}").format(name=name),
            tr("Bench config", "e.g. --sweep batch=1,16,128"),
        )
    if not all(items):
        raise SpecError(
            "sweep",
            tr("Bench config", "an empty value in {values}").format(values=shown(values)),
            tr("Bench config", "e.g. --sweep batch=1,16,128"),
        )
    if name == "threads":
        return Sweep(name, tuple(check_threads(v) for v in items))
    return Sweep(name, items)


def check_threads(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]{1,19}", value.strip()):
        value = int(value)
    return bounded_int("threads", value, 1, MAX_THREADS, tr("Bench config", "use e.g. 1 or 2"))


def check_config(config: BenchConfig) -> None:
    """Every rule that needs no torch: timing budget, rounds, method, device name, allocator name."""
    bounded_number(
        "min-time",
        config.min_run_time,
        MIN_RUN_TIME_S,
        MAX_MIN_RUN_TIME_S,
        tr("Bench config", "use e.g. 0.5 (seconds)"),
    )
    bounded_int("rounds", config.rounds, 1, MAX_ROUNDS, tr("Bench config", "use e.g. 5"))
    if config.sweep is not None and len(config.sweep.values) > MAX_SWEEP_POINTS:
        raise SpecError(
            "sweep",
            tr("Bench config", "at most {limit} values, got {count}").format(
                limit=MAX_SWEEP_POINTS, count=len(config.sweep.values)
            ),
            tr("Bench config", "sweep fewer values"),
        )
    if config.method not in METHODS:
        raise SpecError(
            "method",
            tr("Bench config", "unknown timing method {method!r}").format(method=config.method),
            tr("Bench config", "choose one of {names}").format(names=", ".join(METHODS)),
        )
    if config.device not in DEVICES:
        raise SpecError(
            "device",
            tr("Bench config", "unknown device {device!r}").format(device=config.device),
            tr("Bench config", "choose one of {names}").format(names=", ".join(DEVICES)),
        )
    if config.isolation == "none" and DTYPES[config.spec.dtype].crash_prone:
        raise SpecError(
            "isolation",
            tr(
                "Bench config",
                "{dtype} convolutions can crash PyTorch's CPU kernels (a PyTorch bug), which would take this process "
                "down with them",
            ).format(dtype=config.spec.dtype),
            tr("Bench config", "use isolation process (each implementation in a worker process of its own)"),
        )
    if config.isolation not in ISOLATIONS:
        raise SpecError(
            "isolation",
            tr("Bench config", "unknown isolation {isolation!r}").format(isolation=config.isolation),
            tr("Bench config", "choose one of {names}").format(names=", ".join(ISOLATIONS)),
        )
    if config.threads is not None:
        check_threads(config.threads)
