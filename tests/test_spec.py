from __future__ import annotations

import pytest

from core.errors import SpecError
from core.spec import LayerSpec, parse_spec


def test_sizes_accept_every_written_form() -> None:
    assert parse_spec(kernel="3x5").kernel == (3, 5)
    assert parse_spec(kernel="3×5").kernel == (3, 5)
    assert parse_spec(kernel=3).kernel == (3, 3)
    assert parse_spec(kernel=[2, 4], stride="2").stride == (2, 2)
    assert parse_spec(dims=1, kernel="7", input_size=50).input_size == (50,)
    assert parse_spec(padding="SAME").padding == "same"


def test_one_d_defaults_take_one_value_per_dimension() -> None:
    spec = parse_spec(dims=1)
    assert spec.kernel == (3,) and spec.input_size == (8,) and spec.padding == (0,)


def test_round_trip_through_dict() -> None:
    spec = parse_spec(dims=2, kernel="3x5", padding="same", bias=False, dtype="float64")
    assert parse_spec(spec.to_dict()) == spec
    assert spec.replace(cin=5) == LayerSpec(**{**spec.__dict__, "cin": 5})


@pytest.mark.parametrize(
    ("values", "parameter", "fragment"),
    [
        ({"cin": 0}, "cin", ">= 1"),
        ({"cin": "abc"}, "cin", "whole number"),
        ({"cout": 2.5}, "cout", "whole number"),
        ({"kernel": "3x3x3"}, "kernel", "2-D layers take 2 values"),
        ({"dims": 1, "kernel": "3x3"}, "kernel", "1-D layers take 1 value"),
        ({"dims": 3}, "dims", "<= 2"),
        ({"padding": -1}, "padding", ">= 0"),
        ({"padding": "full"}, "padding", "whole number"),
        ({"dtype": "int8"}, "dtype", "choose one of"),
        ({"mode": "diagonal"}, "mode", "pointwise"),
        ({"bias": "maybe"}, "bias", "true or false"),
        ({"seed": -1}, "seed", ">= 0"),
        ({"colour": 3}, "colour", "not a spec field"),
        ({"groups": True}, "groups", "whole number"),
    ],
)
def test_bad_values_name_the_parameter_and_rule(values: dict, parameter: str, fragment: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse_spec(values)
    assert caught.value.parameter == parameter
    assert fragment in str(caught.value)
