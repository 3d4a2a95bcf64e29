"""The built-in example models: each builds, runs on its default input, is seeded, and has the advertised layers."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest
import torch
from torch import nn

from core.errors import SpecError
from core.models.examples import EXAMPLES, build_example, knobs

SMALL: dict[str, dict[str, Any]] = {"vgg-heads": {"width": 8}}
"""Knobs that keep the heavy examples fast in tests."""


T = TypeVar("T", bound=nn.Module)


def layer(model: nn.Module, name: str, kind: type[T]) -> T:
    """The submodule ``name`` of ``model``, checked to be a ``kind``."""
    module = model.get_submodule(name)
    assert isinstance(module, kind), (name, type(module))
    return module


def small(name: str) -> nn.Module:
    return build_example(name, **SMALL.get(name, {}))


def default_input(name: str) -> torch.Tensor:
    return torch.randn(
        EXAMPLES[name].input_shape_for(**SMALL.get(name, {})), generator=torch.Generator().manual_seed(1)
    )


def linear_inputs(model: nn.Module, x: torch.Tensor) -> dict[str, tuple[int, ...]]:
    """The input shape each Linear of ``model`` receives on ``x``."""
    seen: dict[str, tuple[int, ...]] = {}

    def record(name: str) -> Any:
        return lambda _module, args: seen.update({name: tuple(args[0].shape)})

    handles = [
        module.register_forward_pre_hook(record(name))
        for name, module in model.named_modules()
        if isinstance(module, nn.Linear)
    ]
    try:
        with torch.no_grad():
            model(x)
    finally:
        for handle in handles:
            handle.remove()
    return seen


def test_the_examples_are_the_five_of_the_issue_in_teaching_order() -> None:
    assert list(EXAMPLES) == ["vgg-heads", "multiscale-1d", "convnext-block", "mobilenet-block", "factorized-3x3"]
    for name, example in EXAMPLES.items():
        assert example.name == name
        assert example.title.strip() and len(example.description) > len(example.title)
    assert len({e.title for e in EXAMPLES.values()}) == len(EXAMPLES)


EXPECTED_OUTPUTS = {
    "vgg-heads": (1, 32),
    "multiscale-1d": (1, 10),
    "convnext-block": (1, 96, 56, 56),
    "mobilenet-block": (1, 128, 28, 28),
    "factorized-3x3": (1, 32, 32, 32),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_builds_in_eval_mode_and_runs_on_its_default_input(name: str) -> None:
    model = small(name)
    assert not any(module.training for module in model.modules())
    with torch.no_grad():
        output = model(default_input(name))
    assert tuple(output.shape) == EXPECTED_OUTPUTS[name]
    assert torch.isfinite(output).all() and output.abs().max() > 0


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_is_seeded_and_leaves_the_global_generator_alone(name: str) -> None:
    torch.manual_seed(123)
    before = torch.random.get_rng_state()
    first = small(name).state_dict()
    assert torch.equal(torch.random.get_rng_state(), before)
    torch.manual_seed(456)  # another global state: the build seeds itself
    second = small(name).state_dict()
    assert first.keys() == second.keys()
    for key in first:
        assert torch.equal(first[key], second[key]), key
    weights = [value for key, value in first.items() if key.endswith("weight") and value.dim() > 1]
    assert not torch.equal(weights[0].flatten()[:4], weights[1].flatten()[:4])  # random, not a constant fill


def test_multiscale_1d_flattens_three_branches_into_768_in_features() -> None:
    model = build_example("multiscale-1d")
    assert layer(model, "classifier", nn.Linear).in_features == 768 == 256 * 3
    assert linear_inputs(model, default_input("multiscale-1d")) == {"classifier": (1, 768)}


def test_multiscale_1d_with_in_features_256_fails_at_the_classifier() -> None:
    model = build_example("multiscale-1d", in_features=256)
    classifier = layer(model, "classifier", nn.Linear)
    assert classifier.in_features == 256
    reached: list[tuple[int, ...]] = []
    classifier.register_forward_pre_hook(lambda _m, args: reached.append(tuple(args[0].shape)))
    with pytest.raises(RuntimeError, match="cannot be multiplied"):
        model(default_input("multiscale-1d"))
    assert reached == [(1, 768)]  # every layer before the classifier ran


def test_vgg_heads_has_four_linear_196_to_1_heads_on_3d_input() -> None:
    model = small("vgg-heads")
    heads = {name: m for name, m in model.named_modules() if isinstance(m, nn.Linear)}
    assert len(heads) == 4
    assert all((m.in_features, m.out_features) == (196, 1) for m in heads.values())
    shapes = linear_inputs(model, default_input("vgg-heads"))
    assert sorted(shapes.values()) == [(1, 8, 196)] * 4  # (N, k, 14·14): a Linear on 3-D input
    conv_names = [name for name, m in model.named_modules() if isinstance(m, nn.Conv2d)]
    for tap in ("stage2.conv2_2", "stage3.conv3_4", "stage4.conv4_4", "stage5.conv5_4", "heads.conv2_2.conv"):
        assert tap in conv_names
    assert len([n for n in conv_names if n.startswith("stage")]) == 16  # VGG19: 16 convs


def test_vgg_heads_knobs_scale_channels_heads_and_size() -> None:
    model = build_example("vgg-heads", width=16, k=3, size=64)
    assert EXAMPLES["vgg-heads"].input_shape_for(size=64) == (1, 3, 64, 64)
    assert layer(model, "stage1.conv1_1", nn.Conv2d).out_channels == 16
    assert layer(model, "stage5.conv5_4", nn.Conv2d).out_channels == 128
    assert all(m.in_features == (64 // 16) ** 2 for m in model.modules() if isinstance(m, nn.Linear))
    with torch.no_grad():
        assert model(torch.randn(2, 3, 64, 64)).shape == (2, 12)


def test_convnext_block_owns_its_layer_scale_and_two_pointwise_convs() -> None:
    model = build_example("convnext-block", dim=8)
    own = dict(model.named_parameters(recurse=False))
    assert own.keys() == {"gamma"}
    assert own["gamma"].shape == (8, 1, 1) and bool(torch.all(own["gamma"] == 0.1))
    pwconv1, dwconv = layer(model, "pwconv1", nn.Conv2d), layer(model, "dwconv", nn.Conv2d)
    assert (pwconv1.in_channels, pwconv1.out_channels, pwconv1.kernel_size) == (8, 32, (1, 1))
    assert layer(model, "pwconv2", nn.Conv2d).kernel_size == (1, 1)
    assert dwconv.groups == 8 and dwconv.kernel_size == (7, 7)
    x = torch.randn(EXAMPLES["convnext-block"].input_shape_for(dim=8))
    with torch.no_grad():
        assert not torch.allclose(model(x), x)  # the residual branch contributes


def test_mobilenet_block_has_a_grouped_pointwise_conv_and_a_strided_shortcut() -> None:
    model = small("mobilenet-block")
    pw_conv, shortcut = layer(model, "block2.pw_conv", nn.Conv2d), layer(model, "shortcut", nn.Conv2d)
    assert (pw_conv.groups, pw_conv.kernel_size) == (2, (1, 1))
    assert layer(model, "block2.dw_conv", nn.Conv2d).stride == (2, 2)
    assert layer(model, "block1.dw_conv", nn.Conv2d).groups == 32
    assert shortcut.stride == (2, 2) and shortcut.kernel_size == (1, 1) and shortcut.bias is not None


def test_factorized_3x3_puts_a_row_and_column_pair_beside_a_full_kernel() -> None:
    model = small("factorized-3x3")
    kernels = {name: m.kernel_size for name, m in model.named_modules() if isinstance(m, nn.Conv2d)}
    assert kernels == {"full": (3, 3), "row": (1, 3), "column": (3, 1), "fuse": (1, 1)}
    assert layer(model, "fuse", nn.Conv2d).in_channels == 64


def test_an_unknown_example_is_a_spec_error_listing_the_names() -> None:
    with pytest.raises(SpecError) as caught:
        build_example("resnet-50")
    assert caught.value.parameter == "--example" and "resnet-50" in caught.value.rule
    assert all(name in caught.value.hint for name in EXAMPLES)


def test_an_unknown_knob_is_a_spec_error_listing_the_knobs() -> None:
    with pytest.raises(SpecError) as caught:
        build_example("vgg-heads", depth=3)
    assert caught.value.parameter == "--args" and "depth" in caught.value.rule
    assert "width, k, size" in caught.value.hint
    assert knobs("multiscale-1d") == ["in_features", "classes"]


@pytest.mark.parametrize(
    ("name", "kwargs", "words"),
    [
        ("vgg-heads", {"width": 0}, "width = 0"),
        ("vgg-heads", {"size": 100}, "size = 100"),
        ("multiscale-1d", {"in_features": "768"}, "in_features = 768"),
        ("convnext-block", {"dim": True}, "dim = True"),
    ],
)
def test_a_bad_knob_value_is_a_spec_error_naming_it(name: str, kwargs: dict[str, Any], words: str) -> None:
    with pytest.raises(SpecError) as caught:
        build_example(name, **kwargs)
    assert caught.value.parameter == "--args" and words in caught.value.rule
