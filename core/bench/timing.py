"""Interleaved timing with torch.utils.benchmark, plus what each call costs in faults and memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from torch.utils import benchmark

from core.bench.process_stats import minor_faults, peak_rss, reset_peak_rss
from core.bench.records import NOISE_THRESHOLD
from core.i18n import tr, tr_noop

BOOTSTRAP_SAMPLES = 2000
_RATIO_CI = tr_noop(
    "Bench timing", "95% bootstrap CI of the ratio of medians ({samples} resamples of each side's per-run times)"
)
RATIO_CI = _RATIO_CI.format(samples=BOOTSTRAP_SAMPLES)
"""How a ratio's interval is computed, in English (data); a face shows :func:`ratio_ci_text`."""


def ratio_ci_text() -> str:
    """:data:`RATIO_CI` in the current language."""
    return tr("Bench timing", _RATIO_CI).format(samples=BOOTSTRAP_SAMPLES)


STATS_SECONDS = 0.2


class ImplementationFailed(Exception):
    """One implementation could not be measured (its worker died or raised); the others carry on."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


@dataclass(frozen=True)
class Timing:
    """The merged measurement of one implementation over all rounds: median, first and third quartiles of the
    per-run times (``iqr_s`` = ``q3_s - q1_s``), the times themselves, and a warning when they spread widely."""

    median_s: float
    iqr_s: float
    q1_s: float
    q3_s: float
    times: tuple[float, ...]
    noise_warning: str


@dataclass(frozen=True)
class CallCost:
    page_faults: float
    peak_rss_bytes: int


def make_timer(run: Callable[[], object], threads: int, label: str) -> benchmark.Timer:
    """The torch.utils.benchmark Timer every measurement of the engine goes through."""
    return benchmark.Timer(stmt="run()", globals={"run": run}, num_threads=threads, label=label, description=label)


def autorange(timer: benchmark.Timer, seconds: float, method: str) -> benchmark.Measurement:
    """One measurement of ``seconds``: blocked (fixed budget) or adaptive (until the IQR settles)."""
    if method == "adaptive":
        return timer.adaptive_autorange(threshold=NOISE_THRESHOLD, min_run_time=seconds / 4, max_run_time=seconds)
    return timer.blocked_autorange(min_run_time=seconds)


def summarize(parts: list[benchmark.Measurement]) -> Timing:
    """Merge one implementation's measurements from all rounds (times extrapolated to one call each)."""
    merged = benchmark.Measurement.merge(parts)[0]
    q1, q3 = (float(q) for q in np.quantile(merged.times, [0.25, 0.75]))  # as torch's Measurement computes them
    relative = (q3 - q1) / merged.median if merged.median > 0 else 0.0
    warning = ""
    if relative > NOISE_THRESHOLD:
        warning = tr(
            "Bench timing", "IQR is {percent:.0f}% of the median: the machine was noisy; treat with caution"
        ).format(percent=100 * relative)
    return Timing(merged.median, q3 - q1, q1, q3, tuple(merged.times), warning)


def measure_interleaved(
    names: list[str], measure: Callable[[str, float], benchmark.Measurement], min_run_time: float, rounds: int
) -> Iterator[tuple[str, int, Timing | ImplementationFailed | None]]:
    """Measure every implementation in ``rounds`` rounds, rotating the order each round so drift favours none.

    ``measure(name, seconds)`` takes one measurement. Yields ``(name, round, None)`` after each one (a
    cancellation point), then ``(name, rounds, Timing)`` per implementation, merged over rounds. An implementation
    whose measurement raises :class:`ImplementationFailed` yields that failure once and is left out from then on.
    """
    parts: dict[str, list[benchmark.Measurement]] = {name: [] for name in names}
    per_round = min_run_time / rounds
    for round_index in range(rounds):
        shift = round_index % max(len(names), 1)
        for name in names[shift:] + names[:shift]:
            if name not in parts:
                continue
            try:
                parts[name].append(measure(name, per_round))
            except ImplementationFailed as failure:
                del parts[name]
                yield name, round_index, failure
                continue
            yield name, round_index, None
    for name in names:
        if name in parts:
            yield name, rounds, summarize(parts[name])


def call_cost(run: Callable[[], object], threads: int, median_s: float) -> CallCost:
    """Minor page faults and resident-memory growth per call, over enough calls to fill ~0.2 s."""
    calls = int(max(1, min(200, STATS_SECONDS / max(median_s, 1e-9))))
    timer = make_timer(run, threads, "cost")
    run()
    base_rss = reset_peak_rss()
    before = minor_faults()
    timer.timeit(calls)
    faults = (minor_faults() - before) / calls
    top = peak_rss()
    growth = max(0, top - base_rss) if base_rss is not None and top is not None else -1
    return CallCost(page_faults=faults, peak_rss_bytes=growth)


def ratio_interval(times: tuple[float, ...], baseline: tuple[float, ...], seed: int = 0) -> tuple[float, float, float]:
    """Median ratio ``times / baseline`` and its 95% bootstrap interval (resampling both sets of runs)."""
    a, b = np.asarray(times), np.asarray(baseline)
    ratio = float(np.median(a) / np.median(b))
    rng = np.random.default_rng(seed)
    ra = np.median(rng.choice(a, size=(BOOTSTRAP_SAMPLES, a.size)), axis=1)
    rb = np.median(rng.choice(b, size=(BOOTSTRAP_SAMPLES, b.size)), axis=1)
    low, high = np.percentile(ra / rb, [2.5, 97.5])
    return ratio, float(low), float(high)
