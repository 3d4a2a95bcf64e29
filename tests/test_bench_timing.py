"""Merging rounds into one timing: the quartiles are the records' own, for any shape of distribution."""

from __future__ import annotations

import numpy as np
import pytest
from torch.utils.benchmark.utils.common import Measurement, TaskSpec

from core.bench.timing import ratio_interval, summarize

TASK = TaskSpec(stmt="run()", setup="", label="x")
# Skewed like a layer that page-faults on some calls: most runs fast, a long tail of slow ones.
FAST, SLOW = [1e-4] * 9, [3e-4, 5e-4, 8e-4, 1.2e-3, 2e-3]


def _parts(*rounds: list[float]) -> list[Measurement]:
    return [Measurement(number_per_run=1, raw_times=list(times), task_spec=TASK) for times in rounds]


def test_quartiles_are_the_per_run_quartiles_not_median_plus_minus_half_the_iqr() -> None:
    timing = summarize(_parts(FAST[:5] + SLOW[:2], FAST[5:] + SLOW[2:]))
    times = FAST + SLOW
    q1, median, q3 = np.quantile(times, [0.25, 0.5, 0.75])
    assert (timing.q1_s, timing.median_s, timing.q3_s) == pytest.approx((q1, median, q3), rel=1e-12)
    assert timing.iqr_s == pytest.approx(q3 - q1, rel=1e-12)
    assert timing.q1_s > timing.median_s - timing.iqr_s / 2  # the symmetric bar would reach below Q1 ...
    assert timing.median_s - timing.iqr_s / 2 < 0  # ... even below zero, which a log axis cannot draw
    assert timing.noise_warning and sorted(timing.times) == sorted(times)


def test_a_tight_distribution_is_not_noisy() -> None:
    timing = summarize(_parts([1e-4, 1.01e-4, 0.99e-4, 1e-4]))
    assert timing.q1_s <= timing.median_s <= timing.q3_s and not timing.noise_warning


def test_times_of_blocks_are_per_call() -> None:
    timing = summarize([Measurement(number_per_run=10, raw_times=[1e-3, 2e-3, 3e-3], task_spec=TASK)])
    assert timing.median_s == pytest.approx(2e-4) and timing.q1_s == pytest.approx(1.5e-4)


def test_the_ratio_interval_brackets_the_ratio_of_medians() -> None:
    ratio, low, high = ratio_interval(tuple(FAST + SLOW), tuple(FAST))
    assert ratio == pytest.approx(np.median(FAST + SLOW) / 1e-4)
    assert low <= ratio <= high
