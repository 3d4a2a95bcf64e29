from __future__ import annotations

import pytest
import torch
from hypothesis import given

from core.errors import SpecError
from core.geometry import spec_output_size
from core.layers import make_conv, make_input, quiet_same_padding
from core.spec import parse_spec
from core.validation import validate
from tests.strategies import raw_any_values


def test_groups_must_divide_channels_and_the_hint_lists_valid_groups() -> None:
    with pytest.raises(SpecError) as caught:
        validate(parse_spec(cin=6, cout=9, groups=2))
    error = caught.value
    assert error.parameter == "groups"
    assert "cout=9 is not divisible by groups=2" in error.rule
    assert "use one of 1, 3" in error.hint


def test_empty_output_shows_the_formula_with_numbers() -> None:
    with pytest.raises(SpecError) as caught:
        validate(parse_spec(kernel=5, dilation=2, input_size=8))
    text = str(caught.value)
    assert caught.value.parameter == "kernel"
    assert "floor((8 + 2*0 - 2*(5-1) - 1)/1 + 1) = 0" in text
    assert "kernel H <= 4" in text


def test_same_padding_needs_stride_one() -> None:
    with pytest.raises(SpecError, match="padding='same' needs stride 1"):
        validate(parse_spec(padding="same", stride=2))


@pytest.mark.parametrize(
    ("values", "parameter"),
    [
        ({"mode": "pointwise", "kernel": 3}, "kernel"),
        ({"mode": "pointwise", "kernel": 1, "padding": 1}, "padding"),
        ({"mode": "full", "kernel": 3, "input_size": 8}, "kernel"),
        ({"mode": "full", "kernel": 8, "input_size": 8, "padding": 1}, "padding"),
        ({"mode": "unrolled", "source": "linear"}, "source"),
        ({"mode": "unfold", "source": "linear", "groups": 2, "cin": 4, "cout": 4}, "groups"),
    ],
)
def test_mode_preconditions(values: dict, parameter: str) -> None:
    with pytest.raises(SpecError) as caught:
        validate(parse_spec(values))
    assert caught.value.parameter == parameter
    assert caught.value.hint


def test_memory_budget_refuses_before_allocating_with_the_estimate() -> None:
    spec = parse_spec(cin=64, cout=64, kernel=3, input_size=128, mode="unrolled")
    with pytest.raises(SpecError) as caught:
        validate(spec)
    assert caught.value.parameter == "memory"
    assert "TiB" in caught.value.rule and "mode unfold" in caught.value.hint
    assert validate(spec.replace(mode="unfold")).mode == "unfold"


def test_auto_mode_picks_the_most_specific_mapping() -> None:
    assert validate(parse_spec(kernel=1)).mode == "pointwise"
    assert validate(parse_spec(kernel=8, input_size=8)).mode == "full"
    assert validate(parse_spec(kernel=3, input_size=8)).mode == "unrolled"
    assert validate(parse_spec(cin=64, cout=64, kernel=3, input_size=128)).mode == "unfold"


@given(raw_any_values())
def test_any_input_gives_a_valid_spec_or_a_clear_error_never_a_crash(values: dict) -> None:
    """Whatever is typed: SpecError naming a parameter, or a spec PyTorch accepts with the output we predict."""
    try:
        valid = validate(parse_spec({k: v for k, v in values.items() if v is not None}), budget_bytes=64 << 20)
    except SpecError as error:
        assert error.parameter and error.rule
        return
    spec = valid.spec
    conv = make_conv(spec).double()
    with torch.no_grad(), quiet_same_padding():
        out = conv(make_input(spec, torch.float64))
    assert tuple(out.shape[2:]) == spec_output_size(spec)


@given(raw_any_values())
def test_pytorch_rejections_are_ours_first(values: dict) -> None:
    """A spec PyTorch rejects (building or running the conv) is one we reject too, with our own message."""
    try:
        spec = parse_spec({k: v for k, v in values.items() if v is not None})
    except SpecError:
        return
    try:
        with torch.no_grad(), quiet_same_padding():
            make_conv(spec)(make_input(spec, torch.float32))
    except (RuntimeError, ValueError):
        with pytest.raises(SpecError):
            validate(spec)
