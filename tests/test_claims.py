"""The popular claims, tested: every claim's numbers, its verdict, and cancellation (core only, no window)."""

from __future__ import annotations

import math
import multiprocessing
import time

import numpy as np
import pytest
import torch

from core.bench.runner import CancelToken
from core.claims import CLAIMS, VERDICTS, ClaimCancelled, ClaimResult, collect, run_claim
from core.claims.default_init import InitEvidence
from core.claims.factorised import FactorEvidence, formula_kernel, make_pair
from core.claims.params import ParamsEvidence
from core.claims.speed import SpeedEvidence, SpeedOptions
from core.claims.stride import StrideEvidence
from core.errors import SpecError
from core.spec import parse_spec

TINY = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)


def _result(name: str, **kwargs: object) -> ClaimResult:
    progress: list[float] = []
    result = collect(run_claim(name, **kwargs), on_progress=lambda p: progress.append(p.fraction))
    assert result is not None and result.name == name
    assert progress and all(0.0 <= f <= 1.0 for f in progress) and progress == sorted(progress)
    assert result.verdict in VERDICTS
    return result


@pytest.fixture(scope="module")
def results() -> dict[str, ClaimResult]:
    """The cheap claims, run once for the module (they are seeded: the same numbers every time)."""
    return {name: _result(name) for name in CLAIMS.names if CLAIMS[name].cheap}


def test_the_registry_names_every_claim_with_its_quote() -> None:
    assert CLAIMS.names == ("init", "speed", "stride", "factorised", "params")
    for claim in CLAIMS:
        assert claim.quote and claim.label and claim.description
    assert [c.name for c in CLAIMS if not c.cheap] == ["speed"]
    with pytest.raises(SpecError, match="choose one of init"):
        run_claim("faster")


def test_a_result_takes_only_a_known_verdict() -> None:
    with pytest.raises(ValueError, match="unknown verdict"):
        ClaimResult("init", "maybe", "", None)


def test_cheap_claims_are_reproducible(results: dict[str, ClaimResult]) -> None:
    for name in ("stride", "factorised", "params", "init"):
        assert _result(name).evidence == results[name].evidence


# ----- init ---------------------------------------------------------------------------------------------------------
def test_init_same_law_at_equal_fan_in_different_bounds_otherwise(results: dict[str, ClaimResult]) -> None:
    result = results["init"]
    data = result.data
    assert isinstance(data, InitEvidence)
    equal, toeplitz, depthwise = data.cases
    assert equal.report.linear_fan_in == equal.report.conv_fan_in == 144
    assert equal.report.ks_pvalue > 0.1 and equal.report.same_distribution
    assert min(data.uniform_pvalues) > 0.01  # each fits U(±1/sqrt(fan_in)) itself
    assert (toeplitz.report.linear_fan_in, toeplitz.report.conv_fan_in) == (3 * 8 * 8, 3 * 3 * 3)
    assert toeplitz.report.linear_bound == pytest.approx(1 / math.sqrt(192))
    assert toeplitz.report.conv_bound == pytest.approx(1 / math.sqrt(27))
    assert (depthwise.report.linear_fan_in, depthwise.report.conv_fan_in) == (144, 9)
    for case in (toeplitz, depthwise):
        assert case.report.linear_bound != case.report.conv_bound and not case.report.same_distribution
    assert result.verdict == "false"
    assert f"p = {equal.report.ks_pvalue:.2f}" in result.evidence and "±0.0722" in result.evidence


# ----- stride -------------------------------------------------------------------------------------------------------
def test_stride_two_rounds_up_equals_subsampling_and_keeps_a_quarter(results: dict[str, ClaimResult]) -> None:
    result = results["stride"]
    data = result.data
    assert isinstance(data, StrideEvidence)
    odd, even = data.cases
    assert odd.input_size == (7, 7) and odd.output_size == (4, 4) == odd.ceil_half
    assert even.output_size == (4, 4)
    assert max(c.max_abs_difference for c in data.cases) < 1e-12
    assert (even.used_count, even.total, even.kept_fraction) == (16, 64, 0.25)
    assert (odd.used_count, odd.total) == (16, 49)
    expected = np.zeros((8, 8), dtype=bool)
    expected[::2, ::2] = True
    assert (even.used == expected).all()
    assert result.verdict == "partly true"
    assert "7×7 → 4×4" in result.evidence and "16 of 64" in result.evidence


# ----- factorisation ------------------------------------------------------------------------------------------------
def test_factorised_sobel_exact_laplacian_rank_one_error(results: dict[str, ClaimResult]) -> None:
    result = results["factorised"]
    data = result.data
    assert isinstance(data, FactorEvidence)
    assert np.abs(data.sobel_effective - np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])).max() < 1e-6
    s = np.linalg.svd(np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float), compute_uv=False)
    assert data.svd_error == pytest.approx(math.sqrt(s[1] ** 2 + s[2] ** 2)) and data.svd_error > 0.1
    assert data.best_error == pytest.approx(data.svd_error, abs=1e-9)  # the pair built from the SVD reaches it
    assert data.fitted_error >= data.svd_error - 1e-9  # and no fit does better
    assert data.relative_error == pytest.approx(data.svd_error / math.sqrt(20))
    assert data.receptive_field == (3, 3)
    assert [row.by_formula == row.by_module for row in data.params] == [True] * 4
    assert [row.by_module for row in data.params] == [6, 9, 24_704, 36_928]
    assert result.verdict == "false"


def test_factorised_channels_in_between_compose_as_the_formula(results: dict[str, ClaimResult]) -> None:
    data = results["factorised"].data
    assert data.multi_formula_difference < 1e-12
    assert max(data.multi_ranks) <= data.multi_channels[1]
    # and independently: random pairs of other sizes, through real layers
    from core.claims.factorised import effective_kernel

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(3)
        pairs = [make_pair(cin, mid, cout, bias=True) for cin, mid, cout in ((1, 1, 1), (2, 4, 3), (4, 1, 2))]
    for first, second in pairs:
        composed = effective_kernel(first, second)
        assert composed.shape == (second.out_channels, first.in_channels, 3, 3)
        assert torch.allclose(composed, formula_kernel(first, second), atol=1e-12)


def test_factorised_bias_leaks_on_the_top_and_bottom_rows_only(results: dict[str, ClaimResult]) -> None:
    data = results["factorised"].data
    leak = data.leak_difference
    mask = np.abs(leak) > 1e-12
    expected = np.zeros_like(mask)
    expected[[0, -1], :] = True
    assert (mask == expected).all()
    assert data.leak_rows == (0, leak.shape[0] - 1)
    assert data.leak_max == pytest.approx(np.abs(leak).max()) and data.leak_max > 1e-3
    assert data.interior_max < 1e-12
    assert f"{data.leak_max:.3f}" in results["factorised"].evidence


# ----- params -------------------------------------------------------------------------------------------------------
def test_params_seed_table_and_groups_match_real_modules(results: dict[str, ClaimResult]) -> None:
    result = results["params"]
    data = result.data
    assert isinstance(data, ParamsEvidence)
    counts = {row.layer: row.module for row in data.rows}
    assert counts["Conv2d(3, 10, 5)"] == 760 and counts["Conv2d(3, 10, 5, bias=False)"] == 750
    assert counts["Conv2d(3, 10, 1)"] == 40 and counts["Conv2d(3, 10, 1, bias=False)"] == 30
    assert all(row.formula_holds for row in data.rows)
    depthwise = next(row for row in data.rows if row.groups == row.cin)
    assert depthwise.module == 32 * 9 + 32 and not depthwise.claim_holds
    assert all(row.claim_holds for row in data.rows if row.groups == 1 and row.bias)
    assert result.verdict == "partly true"
    assert "760" in result.evidence and "groups" in result.evidence


# ----- speed --------------------------------------------------------------------------------------------------------
def test_speed_with_a_tiny_config_gives_a_ratio_and_what_it_depends_on() -> None:
    options = SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1, fresh_isolation="none", thread_counts=(1, 2))
    result = _result("speed", options=options)
    data = result.data
    assert isinstance(data, SpeedEvidence)
    fresh, warm = data.condition("fresh"), data.condition("warm")
    assert fresh is not None and warm is not None
    conv = fresh.record("conv")
    assert conv is not None and math.isfinite(conv.ratio_to_linear) and conv.ratio_to_linear > 0
    assert {r.threads for r in warm.records} == {1, 2}
    assert warm.record("conv_channels_last", 1) is not None
    assert f"{conv.ratio_to_linear:.2f}×" in result.evidence
    for word in ("allocator", "page faults", "layout", "threads"):
        assert word in result.evidence
    assert result.verdict in ("true", "false", "depends")


def _new_children(before: list[multiprocessing.process.BaseProcess]) -> list[multiprocessing.process.BaseProcess]:
    """Child processes started since ``before`` (another test's warm isolation child is not this run's)."""
    return [child for child in multiprocessing.active_children() if child not in before]


def test_speed_cancelled_mid_run_stops_and_leaves_no_worker_process() -> None:
    before = multiprocessing.active_children()
    cancel = CancelToken()
    run = run_claim("speed", cancel, SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1))
    next(run)
    assert "prepared" in next(run).text  # the engine's worker processes are running now
    cancel.cancel()
    started = time.monotonic()
    with pytest.raises(ClaimCancelled):
        for _ in run:
            pass
    assert time.monotonic() - started < 10
    assert _new_children(before) == []


def test_speed_closed_between_yields_stops_the_engine() -> None:
    before = multiprocessing.active_children()
    run = run_claim("speed", None, SpeedOptions(spec=TINY, min_run_time=0.02, rounds=1))
    next(run)
    next(run)  # the fresh worker processes are running now
    run.close()
    assert _new_children(before) == []


@pytest.mark.parametrize("name", ["init", "stride", "factorised", "params"])
def test_a_cheap_claim_cancelled_stops_at_its_next_step(name: str) -> None:
    cancel = CancelToken()
    run = run_claim(name, cancel)
    next(run)
    cancel.cancel()
    with pytest.raises(ClaimCancelled):
        next(run)
    assert collect(run_claim(name), should_cancel=lambda: True) is None


def test_the_factorisation_claim_imports_nothing_heavy_in_its_worker() -> None:
    """Constructing a torch optimiser imports torch._dynamo (a second of imports); in the window's worker thread that
    raced PySide's import hook against the GUI thread's garbage collector and crashed the test run. The claim's
    L-BFGS fit is SciPy's, so a claim run leaves torch._dynamo unimported."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from core.claims import run_claim\n"
        "run = run_claim('factorised')\n"
        "try:\n"
        "    while True: next(run)\n"
        "except StopIteration as stop: result = stop.value\n"
        "print('torch._dynamo' in sys.modules, round(result.data.fitted_error, 6))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "0.44949"]
