from __future__ import annotations

import pytest
import torch

from core.equality import check_equality
from core.init_check import check_init
from core.mapping import build_mapping
from core.spec import parse_spec
from core.validation import validate


def equality(**values: object):
    return check_equality(build_mapping(validate(parse_spec(values))))


@pytest.mark.parametrize("dtype", ["float32", "float64", "bfloat16", "float16"])
@pytest.mark.parametrize("mode", ["pointwise", "unrolled", "unfold"])
def test_mapped_layers_agree_up_to_rounding_in_every_dtype(mode: str, dtype: str) -> None:
    kernel = 1 if mode == "pointwise" else 3
    report = equality(cin=4, cout=6, groups=2, kernel=kernel, input_size="6x5", batch=2, mode=mode, dtype=dtype)
    assert report.equal and report.grad_equal and report.roundtrip_exact
    assert report.max_abs_error <= report.rounding_bound
    assert 0 <= report.bitwise_equal_fraction <= 1
    assert set(report.grad_max_abs_error) == {"input", "weight", "bias"}


def test_float64_differences_are_orders_below_float32() -> None:
    values = {"cin": 16, "cout": 16, "kernel": 3, "input_size": 12, "batch": 4, "mode": "unfold", "seed": 3}
    r32, r64 = equality(dtype="float32", **values), equality(dtype="float64", **values)
    assert r64.max_abs_error < 1e-12 < r32.max_abs_error < 1e-4
    assert r64.rtol < r32.rtol


def test_a_wrong_mapping_is_caught() -> None:
    mapping = build_mapping(validate(parse_spec(cin=2, cout=3, kernel=3, input_size=5, mode="unfold")))
    with torch.no_grad():
        mapping.linear.weight[0, 0] += 0.1
    report = check_equality(mapping)
    assert not report.equal and report.max_abs_error > 1e-3 and not report.roundtrip_exact


def test_init_same_fan_in_gives_same_distribution() -> None:
    report = check_init(validate(parse_spec(dims=1, cin=8, cout=32, kernel=1, input_size=16, mode="pointwise")))
    assert report.linear_fan_in == report.conv_fan_in == 8
    assert report.linear_bound == pytest.approx(report.conv_bound) == pytest.approx(8**-0.5)
    assert report.same_distribution and report.ks_statistic < 0.05
    assert "no support" in report.verdict
    assert len(report.bin_edges) == len(report.linear_density) + 1
    assert report.linear_weight_std == pytest.approx(report.conv_bound / 3**0.5, rel=0.05)


def test_init_different_fan_in_is_detected_and_explained() -> None:
    report = check_init(validate(parse_spec(cin=3, cout=4, kernel=3, input_size=6, mode="unrolled")))
    assert report.linear_fan_in == 3 * 36 and report.conv_fan_in == 27
    assert not report.same_distribution and report.ks_statistic > 0.2
    assert "fan_in alone" in report.verdict
    # The same rule for both: output std for unit-variance input is close to 1/sqrt(3) for each.
    for std in (report.linear_output_std, report.conv_output_std):
        assert 0.45 < std < 0.75


def test_init_is_reproducible_for_a_seed() -> None:
    valid = validate(parse_spec(kernel=1, mode="pointwise", seed=7))
    assert check_init(valid, draws=5).ks_statistic == check_init(valid, draws=5).ks_statistic


def test_the_window_gets_fewer_init_draws_on_a_spec_too_large_for_its_24() -> None:
    from core.init_check import affordable_draws, init_work
    from core.lab import INIT_DRAWS, compute_stages
    from core.limits import MAX_INIT_WORK

    valid = validate(parse_spec(cin=64, cout=64, kernel=1, input_size=256))
    assert init_work(valid, INIT_DRAWS) > MAX_INIT_WORK  # the CLI would refuse 24 draws of it
    draws = affordable_draws(valid, INIT_DRAWS)
    assert 2 <= draws < INIT_DRAWS
    (stage, report), *_ = compute_stages(valid, ["init"])
    assert stage == "init" and report.draws == draws
