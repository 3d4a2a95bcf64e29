"""How long a run will take, worked out before it starts (pure Python: no torch, nothing measured).

The arithmetic: for each point, start-up (a worker process per implementation imports torch and builds it, the
float64 reference runs), then ``rounds`` measurements per applicable implementation (each at least its share of
``min_run_time``, plus torch.utils.benchmark's block-size estimate and at least one call), then the fault and
memory count per implementation; plus the roofline once per process. A call's time is guessed from its FLOPs at
a deliberately low rate, so slow layers are not underestimated. The constants were calibrated on a 2-core machine
(AMD EPYC, torch 2.13): the default run of every preset took 3.0-6.4 s there with other work light, 5.7-8.8 s
with two other processes busy, against estimates of 5-7 s.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from core.bench.config import BenchConfig, impl_applies
from core.geometry import spec_output_size
from core.i18n import tr
from core.spec import LayerSpec

ROOFLINE_S = 1.0  # the roofline's probes (core.bench.roofline, 0.8 s measured), once per process
WORKER_START_CPU_S = 0.6  # CPU seconds a worker needs to fork, build its implementation and run it once
START_S = 0.5  # fixed part of a point's start-up: spawning, pipes, checking outputs
IN_PROCESS_START_S = 0.2
MEASUREMENT_OVERHEAD_S = 0.06  # per measurement: the block-size estimate and the pipe round trip
COST_S = 0.25  # per implementation and point: faults and memory per call over ~0.2 s (core.bench.timing)
ASSUMED_GFLOPS = 20.0  # a pessimistic rate for guessing one call's time from its FLOPs
BACKWARD_FACTOR = 3


@dataclass(frozen=True)
class Estimate:
    """Expected wall-clock seconds of a run: measuring, and everything else (start-up, checks, roofline)."""

    measuring_s: float
    overhead_s: float

    @property
    def total_s(self) -> float:
        return self.measuring_s + self.overhead_s

    def about(self) -> str:
        """E.g. ``about 8 s``."""
        return tr("Bench duration", "about {duration}").format(duration=_seconds(self.total_s))

    def describe(self) -> str:
        """E.g. ``about 8 s (3 s timing, 5 s start-up and checks)``."""
        return tr("Bench duration", "{about} ({timing} timing, {overhead} start-up and checks)").format(
            about=self.about(), timing=_seconds(self.measuring_s), overhead=_seconds(self.overhead_s)
        )


def _seconds(value: float) -> str:
    if value >= 90:
        return f"{value / 60:.0f} min"
    return f"{max(1, round(value))} s"


def call_flops(spec: LayerSpec, name: str, backward: bool) -> int:
    """FLOPs one call of ``name`` executes (the dense Toeplitz product for ``unrolled``, else the conv's)."""
    positions = math.prod(spec_output_size(spec))
    if name == "unrolled":
        flops = 2 * spec.batch * spec.cin * math.prod(spec.input_size) * spec.cout * positions
    else:
        flops = 2 * spec.batch * spec.cout * positions * (spec.cin // spec.groups) * math.prod(spec.kernel)
    return flops * (BACKWARD_FACTOR if backward else 1)


def _points(config: BenchConfig) -> list[LayerSpec]:
    sweep = config.sweep
    if sweep is None or sweep.variable == "threads":
        return [config.spec] * (len(sweep.values) if sweep else 1)
    return [config.spec.replace(**{sweep.spec_field: value}) for value in sweep.values]


def estimate(config: BenchConfig, roofline_measured: bool = False, cpus: int | None = None) -> Estimate:
    """The expected duration of ``config`` (call with a checked config; sweep values are assumed valid)."""
    cpus = cpus or os.cpu_count() or 1
    per_round = config.min_run_time / config.rounds
    measuring = 0.0
    overhead = 0.0 if roofline_measured else ROOFLINE_S
    for spec in _points(config):
        names = [name for name in config.impls if impl_applies(spec, name, config.budget_bytes)]
        calls = {name: call_flops(spec, name, config.backward) / (ASSUMED_GFLOPS * 1e9) for name in names}
        if config.isolation == "process":
            overhead += START_S + WORKER_START_CPU_S * len(config.impls) / cpus
        else:
            overhead += IN_PROCESS_START_S
        overhead += 2 * max(calls.values(), default=0.0)  # the float64 reference and a first call
        for call in calls.values():
            measuring += config.rounds * (max(per_round, call) + call + MEASUREMENT_OVERHEAD_S)
            overhead += COST_S + 2 * call
    return Estimate(measuring, overhead)
