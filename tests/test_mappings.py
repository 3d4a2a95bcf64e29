from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from core.errors import SpecError
from core.index_maps import weight_uses
from core.inspect_report import inspect_spec
from core.layers import make_input
from core.mapping import build_mapping
from core.spec import parse_spec
from core.validation import validate
from core.weight_transfer import NotAConvError, scatter_to_conv
from tests.strategies import raw_valid_values

MODES = ("pointwise", "full", "unrolled", "unfold")


def mapped(**values: object):
    return build_mapping(validate(parse_spec(dtype="float64", **values)))


def assert_same_function(mapping) -> None:
    x = make_input(mapping.valid.spec)
    with torch.no_grad():
        conv_out, linear_out = mapping.run_conv(x), mapping.run_linear(x)
    assert conv_out.shape == linear_out.shape
    torch.testing.assert_close(linear_out, conv_out, rtol=0, atol=1e-10)


@given(data=st.data())
@pytest.mark.parametrize("mode", MODES)
def test_every_mode_computes_the_conv(mode: str, data: st.DataObject) -> None:
    """float64 agreement to 1e-10 over random valid specs, for every mapping."""
    assert_same_function(build_mapping(validate(parse_spec(data.draw(raw_valid_values(mode))))))


@given(data=st.data())
@pytest.mark.parametrize("mode", MODES)
def test_linear_weights_map_back_exactly(mode: str, data: st.DataObject) -> None:
    mapping = build_mapping(validate(parse_spec(data.draw(raw_valid_values(mode)))))
    weight, bias = mapping.recover_conv_weights()
    used = torch.zeros(mapping.conv.weight.numel(), dtype=torch.bool)
    used[mapping.weight_index[mapping.weight_index >= 0]] = True
    used = used.reshape(mapping.conv.weight.shape)
    assert torch.equal(weight.values[used], mapping.conv.weight.detach()[used])
    assert not weight.values[~used].any() and weight.unconstrained == int((~used).sum())
    if bias is not None:
        assert torch.equal(bias.values, mapping.conv.bias.detach())


def test_pointwise_stride_is_subsample_then_linear() -> None:
    mapping = mapped(cin=3, cout=5, kernel=1, stride=2, input_size="7x6", mode="pointwise")
    x = make_input(mapping.valid.spec)
    expected = mapping.linear(x[:, :, ::2, ::2].permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
    torch.testing.assert_close(mapping.run_conv(x), expected, rtol=0, atol=1e-12)


def test_grouped_pointwise_is_block_diagonal() -> None:
    mapping = mapped(cin=4, cout=6, groups=2, kernel=1, mode="pointwise")
    weight = mapping.linear.weight.detach()
    assert torch.count_nonzero(weight[:3, 2:]) == 0 and torch.count_nonzero(weight[3:, :2]) == 0
    expected = torch.block_diag(*mapping.conv.weight.detach().reshape(2, 3, 2))
    assert torch.equal(weight, expected)


def test_toeplitz_matrix_equals_the_conv_applied_to_basis_inputs() -> None:
    """Column i of the unrolled matrix is conv(e_i): an independent construction of the same matrix."""
    mapping = mapped(
        cin=2,
        cout=4,
        groups=2,
        kernel="2x3",
        stride="2x1",
        padding="1x0",
        input_size="5x6",
        mode="unrolled",
        bias=False,
    )
    n_in = 2 * 5 * 6
    basis = torch.eye(n_in, dtype=torch.float64).reshape(n_in, 2, 5, 6)
    with torch.no_grad():
        columns = mapping.run_conv(basis).reshape(n_in, -1).T
    assert torch.equal(mapping.linear.weight.detach(), columns)


def test_toeplitz_structure_counts_match_the_formula() -> None:
    mapping = mapped(cin=3, cout=4, kernel=3, padding=1, stride=2, input_size="7x5", mode="unrolled")
    structure = mapping.structure()
    report = inspect_spec(mapping.valid)
    assert structure.nonzero_entries == report.linear_nonzero
    assert structure.distinct_weights == mapping.conv.weight.numel() == 4 * 3 * 9
    assert 0.8 < structure.sparsity < 1


def test_unused_kernel_taps_are_reported_not_invented() -> None:
    # A kernel tap that only ever sees padding never reaches the Linear; it cannot be recovered.
    mapping = mapped(dims=1, cin=1, cout=1, kernel=3, padding=2, stride=3, input_size=1, mode="unrolled")
    weight, _ = mapping.recover_conv_weights()
    assert weight.unconstrained == 2


def test_a_dense_linear_is_reported_as_not_a_conv() -> None:
    mapping = mapped(cin=2, cout=2, kernel=3, input_size=4, mode="unrolled")
    with torch.no_grad():
        mapping.linear.weight[0, -1] = 0.5  # outside output (0,0,0)'s receptive field
    with pytest.raises(NotAConvError, match="outside every receptive field"):
        mapping.recover_conv_weights()


def test_broken_weight_sharing_is_reported_as_not_a_conv() -> None:
    mapping = mapped(cin=1, cout=1, kernel=2, input_size=4, mode="unrolled", bias=False)
    with torch.no_grad():
        mapping.linear.weight[0, 0] += 0.25
    with pytest.raises(NotAConvError, match="weight sharing broken"):
        mapping.recover_conv_weights()


def test_linear_gradients_map_back_onto_conv_gradients() -> None:
    mapping = mapped(cin=2, cout=3, kernel=2, input_size=4, mode="unrolled")
    x = make_input(mapping.valid.spec)
    mapping.run_conv(x).square().sum().backward()
    mapping.run_linear(x).square().sum().backward()
    mapped_grad = scatter_to_conv(mapping.linear.weight.grad, mapping.weight_index, mapping.conv.weight.shape)
    torch.testing.assert_close(mapped_grad, mapping.conv.weight.grad, rtol=0, atol=1e-10)


@pytest.mark.parametrize("mode", MODES)
def test_mapping_code_runs_and_reproduces_the_linear_path(mode: str) -> None:
    values = {"cin": 4, "cout": 6, "groups": 2, "input_size": "5x4", "stride": 1, "dims": 2}
    values.update(
        {
            "pointwise": {"kernel": 1, "stride": 2},
            "full": {"kernel": "5x4"},
            "unrolled": {"kernel": 3, "padding": "same", "dilation": "1x2"},
            "unfold": {"kernel": 2, "padding": 1, "stride": "2x1"},
        }[mode]
    )
    mapping = mapped(mode=mode, **values)
    namespace: dict = {}
    exec(mapping.code, namespace)  # the text a user would paste
    x = make_input(mapping.valid.spec)
    with torch.no_grad():
        torch.testing.assert_close(namespace["y_linear"], mapping.run_linear(x), rtol=0, atol=0)
        torch.testing.assert_close(namespace["y_conv"], mapping.run_conv(x), rtol=0, atol=0)


def test_mapping_code_for_one_d_unfold_and_linear_source() -> None:
    mapping = build_mapping(
        validate(
            parse_spec(
                dims=1, cin=3, cout=2, kernel=2, input_size=6, padding="same", mode="unfold", source="linear", seed=5
            )
        )
    )
    namespace: dict = {}
    exec(mapping.code, namespace)
    torch.testing.assert_close(namespace["y_linear"], mapping.run_linear(make_input(mapping.valid.spec)))


def test_linear_source_reproduces_a_plain_pytorch_session() -> None:
    mapping = build_mapping(
        validate(
            parse_spec(
                cin=1, cout=2, kernel=2, input_size=2, mode="full", source="linear", seed=888, input_fill="arange"
            )
        )
    )
    torch.manual_seed(888)
    reference = torch.nn.Linear(4, 2)
    assert torch.equal(mapping.linear.weight, reference.weight)
    assert torch.equal(mapping.conv.weight.reshape(2, 4), reference.weight)
    with torch.no_grad():
        expected = reference(torch.tensor([[1.0, 2.0, 3.0, 4.0]]))
        got = mapping.run_conv(make_input(mapping.valid.spec)).reshape(1, 2)
    torch.testing.assert_close(got, expected)


def test_build_mapping_leaves_the_global_rng_alone() -> None:
    torch.manual_seed(123)
    before = torch.rand(1)
    torch.manual_seed(123)
    mapped(cin=2, cout=2, kernel=1, mode="pointwise")
    assert torch.equal(torch.rand(1), before)


def test_unfold_of_one_d_with_uneven_same_padding() -> None:
    mapping = mapped(dims=1, cin=2, cout=3, kernel=4, dilation=3, padding="same", input_size=11, mode="unfold")
    assert_same_function(mapping)
    x = make_input(mapping.valid.spec)
    assert mapping.run_conv(x).shape == (1, 3, 11)
    assert F.pad is not None


def test_mode_preconditions_apply_to_build_too() -> None:
    with pytest.raises(SpecError):
        mapped(kernel=3, mode="pointwise")


@given(data=st.data())
@pytest.mark.parametrize("mode", MODES)
def test_weight_uses_without_the_index_map_equal_counting_it(mode: str, data: st.DataObject) -> None:
    """The display's use counts (computed from the geometry alone) equal a count over the real index map."""
    from core.index_maps import weight_uses

    valid = validate(parse_spec(data.draw(raw_valid_values(mode))))
    mapping = build_mapping(valid)
    spec = valid.spec
    analytic = weight_uses(spec.cout, spec.cin, spec.groups, valid.geometry, valid.mode == "unrolled")
    assert torch.equal(analytic, mapping.weight_uses())


@given(data=st.data())
@pytest.mark.parametrize("mode", MODES)
def test_the_reported_round_trip_is_the_real_one(mode: str, data: st.DataObject) -> None:
    """check_equality's round-trip flag (computed without recovering the conv) equals recovering it and comparing."""
    from core.equality import check_equality

    valid = validate(parse_spec(data.draw(raw_valid_values(mode))))
    mapping = build_mapping(valid)
    weight, bias = mapping.recover_conv_weights()
    spec = valid.spec
    held = (
        weight_uses(spec.cout, spec.cin, spec.groups, valid.geometry, mode == "unrolled").reshape(weight.values.shape)
        > 0
    )
    real = torch.equal(weight.values[held], mapping.conv.weight.detach()[held]) and (
        bias is None or torch.equal(bias.values, mapping.conv.bias.detach())
    )
    report = check_equality(mapping)
    assert report.roundtrip_exact == real
    assert report.unreachable_weights == int((~held).sum())
