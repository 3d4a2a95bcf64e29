"""Pointwise conv ⇄ Linear rewrites: exact per layer and per model, restorable, verifiable, saved and reloaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
from torch import nn

from core.errors import SpecError
from core.models.examples import EXAMPLES, build_example
from core.models.pointwise import PointwiseLinear
from core.models.rewrite import (
    load_rewritten,
    pointwise_names,
    restore,
    rewrite,
    rewrite_reason,
    rewritten_names,
    save_rewritten,
    to_conv,
    to_linear,
    verify,
)

REPO = Path(__file__).resolve().parents[2]
SMALL: dict[str, dict[str, Any]] = {"vgg-heads": {"width": 8}}

POINTWISE = {
    "vgg-heads": ["heads.conv2_2.conv", "heads.conv3_4.conv", "heads.conv4_4.conv", "heads.conv5_4.conv"],
    "multiscale-1d": [],
    "convnext-block": ["pwconv1", "pwconv2"],
    "mobilenet-block": ["block1.pw_conv", "block2.pw_conv", "shortcut"],
    "factorized-3x3": ["fuse"],
}


def small(name: str) -> nn.Module:
    return build_example(name, **SMALL.get(name, {}))


def example_input(name: str) -> torch.Tensor:
    shape = EXAMPLES[name].input_shape_for(**SMALL.get(name, {}))
    return torch.randn(shape, generator=torch.Generator().manual_seed(2))


def run(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        output: torch.Tensor = model(x)
    return output


def assert_same_weights(a: nn.Module, b: nn.Module) -> None:
    first, second = a.state_dict(), b.state_dict()
    assert first.keys() == second.keys()
    for key in first:
        assert torch.equal(first[key], second[key]), key


# ------------------------------------------------------------------------------------------------ whole examples


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_rewriting_every_pointwise_conv_of_an_example_agrees_in_float64(name: str) -> None:
    model = small(name)
    names = pointwise_names(model)
    assert names == POINTWISE[name]
    rewritten = rewrite(model, names)
    assert rewritten_names(rewritten) == names and pointwise_names(rewritten) == []
    assert rewritten_names(model) == [] and pointwise_names(model) == names  # the original is untouched
    result = verify(model, rewritten, example_input(name))
    print(f"{name}: {len(names)} rewritten, float64 max abs error {result.max_abs_error:.3g}")
    assert result.equal and result.dtype == "float64" and result.tolerance == 1e-10
    assert result.max_abs_error <= 1e-10


@pytest.mark.parametrize("name", [name for name, names in POINTWISE.items() if names])
def test_rewriting_back_restores_the_original_exactly(name: str) -> None:
    model = small(name)
    x = example_input(name)
    restored = restore(rewrite(model, pointwise_names(model)))
    assert repr(restored) == repr(model)
    assert_same_weights(restored, model)
    assert torch.equal(run(restored, x), run(model, x))
    assert not any(module.training for module in restored.modules())


def test_verify_sees_a_changed_weight() -> None:
    model = small("convnext-block")
    rewritten = rewrite(model, ["pwconv2"])
    linear = rewritten.get_submodule("pwconv2.linear")
    assert isinstance(linear, nn.Linear)
    with torch.no_grad():
        linear.weight[0, 0] += 1e-6
    result = verify(model, rewritten, example_input("convnext-block"))
    assert not result.equal and 1e-10 < result.max_abs_error < 1e-3 and result.max_rel_error > 0


def test_verify_compares_tuples_and_dicts_and_their_structure() -> None:
    class Pair(nn.Module):
        def __init__(self, as_dict: bool) -> None:
            super().__init__()
            self.conv = nn.Conv1d(3, 4, 1)
            self.as_dict = as_dict

        def forward(self, x: torch.Tensor) -> Any:
            y = self.conv(x)
            return {"y": y, "parts": (y, x)} if self.as_dict else (y, [x])

    x = torch.randn(2, 3, 5)
    for as_dict in (False, True):
        model = Pair(as_dict)
        assert verify(model, rewrite(model, ["conv"]), x).equal
    different = verify(Pair(False), Pair(True), x)
    assert not different.equal and different.max_abs_error == float("inf")


def test_verify_in_float32_uses_assert_close_tolerances() -> None:
    model = small("factorized-3x3")
    result = verify(model, rewrite(model, ["fuse"]), example_input("factorized-3x3"), dtype=torch.float32)
    assert result.equal and result.dtype == "float32" and (result.tolerance, result.rel_tolerance) == (1e-5, 1.3e-6)
    with pytest.raises(SpecError, match="int8"):
        verify(model, model, example_input("factorized-3x3"), dtype=torch.int8)


def test_verify_turns_a_failing_forward_into_a_spec_error() -> None:
    model = small("factorized-3x3")
    with pytest.raises(SpecError) as caught:
        verify(model, model, torch.randn(1, 5, 8, 8))
    assert caught.value.parameter == "--input" and "1x5x8x8" in caught.value.hint


# -------------------------------------------------------------------------------------------------- one layer

CONVS = {1: nn.Conv1d, 2: nn.Conv2d, 3: nn.Conv3d}
SIZES = {1: (9,), 2: (7, 6), 3: (5, 4, 3)}


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("groups", [1, 3])
@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("bias", [True, False])
def test_to_linear_and_to_conv_are_exact(dims: int, groups: int, stride: int, bias: bool) -> None:
    torch.manual_seed(dims * 100 + groups * 10 + stride)
    conv = CONVS[dims](6, 9, 1, stride=stride, groups=groups, bias=bias).double()
    pw = to_linear(conv)
    assert (pw.spatial_dims, pw.stride, pw.groups) == (dims, (stride,) * dims, groups)
    assert (pw.linear.bias is not None) == bias and pw.linear.weight.dtype == torch.float64
    x = torch.randn(2, 6, *SIZES[dims], dtype=torch.float64)  # odd sizes: stride 2 keeps the last position
    expected = run(conv, x)
    assert run(pw, x).shape == expected.shape
    assert (run(pw, x) - expected).abs().max() <= 1e-12
    assert (run(pw, x[0]) - expected[0]).abs().max() <= 1e-12  # unbatched input, as convs accept
    back = to_conv(pw)
    assert type(back) is type(conv) and repr(back) == repr(conv)
    assert_same_weights(back, conv)


def test_a_grouped_conv_becomes_a_block_diagonal_weight() -> None:
    conv = nn.Conv2d(6, 4, 1, groups=2)
    weight = to_linear(conv).linear.weight
    assert weight.shape == (4, 6)
    assert torch.equal(weight[:2, :3], conv.weight[:2, :, 0, 0]) and torch.equal(
        weight[2:, 3:], conv.weight[2:, :, 0, 0]
    )
    assert torch.count_nonzero(weight[:2, 3:]) == 0 and torch.count_nonzero(weight[2:, :3]) == 0
    assert torch.equal(PointwiseLinear(6, 4, 2, (1, 1), 2, True).linear.weight[:2, 3:], torch.zeros(2, 3))


def test_a_grouped_linear_with_weights_off_its_blocks_does_not_convert_back() -> None:
    pw = to_linear(nn.Conv1d(4, 4, 1, groups=2))
    with torch.no_grad():
        pw.linear.weight[0, 3] = 0.5
    with pytest.raises(SpecError, match="outside its 2 diagonal blocks"):
        to_conv(pw)


def test_the_replacement_keeps_requires_grad_and_training_mode() -> None:
    conv = nn.Conv2d(2, 2, 1).train()
    conv.requires_grad_(False)
    pw = to_linear(conv)
    assert pw.training and not any(p.requires_grad for p in pw.parameters())
    assert "in_channels=2, out_channels=2, spatial_dims=2, stride=(1, 1), groups=1" in repr(pw)


def hooked(module: nn.Module) -> nn.Module:
    module.register_forward_pre_hook(lambda _m, args: None)
    return module


REFUSED: dict[str, tuple[Any, str]] = {
    "kernel 3": (lambda: nn.Conv2d(4, 4, 3), "kernel size 3×3 is not 1"),
    "padding 1": (lambda: nn.Conv1d(4, 4, 1, padding=1), "padding 1 is not 0"),
    "reflect": (lambda: nn.Conv2d(4, 4, 1, padding_mode="reflect"), "padding_mode is reflect"),
    "linear": (lambda: nn.Linear(4, 4), "not a Conv1d, Conv2d or Conv3d (it is Linear)"),
    "transposed": (lambda: nn.ConvTranspose2d(4, 4, 1), "it is ConvTranspose2d"),
    "subclass": (lambda: type("MyConv", (nn.Conv2d,), {})(4, 4, 1), "MyConv is a subclass"),
    "parametrized": (
        lambda: nn.utils.parametrizations.weight_norm(nn.Conv2d(4, 4, 1)),
        "ParametrizedConv2d is a subclass",
    ),
    "hooks": (lambda: hooked(nn.Conv2d(4, 4, 1)), "forward hooks"),
}


@pytest.mark.filterwarnings("ignore:Lazy modules")
@pytest.mark.parametrize("case", [*REFUSED, "lazy"])
def test_rewrite_reason_refuses_what_a_linear_cannot_copy_exactly(case: str) -> None:
    make, words = REFUSED.get(case, (lambda: nn.LazyConv2d(4, 1), "lazy"))
    module = make()
    reason = rewrite_reason(module)
    assert reason is not None and words in reason
    with pytest.raises(SpecError, match="only 1×1 convs"):
        to_linear(module)


@pytest.mark.parametrize(
    "conv",
    [nn.Conv2d(4, 4, 1), nn.Conv3d(4, 2, 1, stride=(1, 2, 3)), nn.Conv1d(4, 4, 1, padding="same", dilation=2)],
)
def test_rewrite_reason_accepts_pointwise_convs(conv: nn.Module) -> None:
    assert rewrite_reason(conv) is None


@pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated")
def test_a_torchscript_layer_is_refused() -> None:
    scripted = torch.jit.script(nn.Sequential(nn.Conv2d(2, 2, 1)))
    reason = rewrite_reason(dict(scripted.named_modules())["0"])
    assert reason is not None and "TorchScript" in reason
    assert pointwise_names(scripted) == []
    with pytest.raises(SpecError, match="TorchScript"):
        rewrite(scripted, ["0"])


# ----------------------------------------------------------------------------------------------- bad names


def test_an_unknown_layer_name_is_a_spec_error_listing_valid_names() -> None:
    model = small("vgg-heads")
    with pytest.raises(SpecError) as caught:
        rewrite(model, ["heads.conv2_2.conv", "heads.conv9_9.conv"])
    error = caught.value
    assert error.parameter == "layer heads.conv9_9.conv" and "no layer of that name" in error.rule
    assert "valid layers (4): heads.conv2_2.conv, heads.conv3_4.conv" in error.hint


def test_a_layer_that_is_not_pointwise_is_a_spec_error_saying_why() -> None:
    with pytest.raises(SpecError) as caught:
        rewrite(small("factorized-3x3"), ["row"])
    assert caught.value.parameter == "layer row" and "kernel size 1×3 is not 1" in caught.value.rule
    assert "fuse" in caught.value.hint


def test_the_list_of_valid_names_is_cut_short_for_big_models() -> None:
    model = nn.Sequential(*(nn.Conv1d(2, 2, 1) for _ in range(20)))
    with pytest.raises(SpecError) as caught:
        rewrite(model, ["20"])
    assert "valid layers (20): 0, 1, 2, 3, 4, 5, 6, 7, …" in caught.value.hint


def test_restoring_a_layer_that_was_not_rewritten_is_a_spec_error() -> None:
    rewritten = rewrite(small("convnext-block"), ["pwconv1"])
    with pytest.raises(SpecError) as caught:
        restore(rewritten, ["pwconv2"])
    assert "was not rewritten" in caught.value.rule and "pwconv1" in caught.value.hint
    partly = restore(rewrite(small("convnext-block"), ["pwconv1", "pwconv2"]), ["pwconv2"])
    assert rewritten_names(partly) == ["pwconv1"]


def test_a_model_that_is_itself_a_pointwise_conv_can_be_rewritten() -> None:
    conv = nn.Conv2d(3, 5, 1)
    assert pointwise_names(conv) == [""]
    rewritten = rewrite(conv, [""])
    assert isinstance(rewritten, PointwiseLinear)
    assert isinstance(restore(rewritten), nn.Conv2d)


# ------------------------------------------------------------------------------------------------- save / load


def saved_mobilenet(folder: Path) -> tuple[nn.Module, list[Path]]:
    model = small("mobilenet-block")
    rewritten = rewrite(model, pointwise_names(model))
    generator = torch.Generator().manual_seed(4)
    with torch.no_grad():  # as if trained: the saved weights differ from a fresh build's
        for parameter in rewritten.parameters():  # zeros off a grouped weight's blocks stay zero
            parameter.mul_(1 + 0.1 * torch.randn(parameter.shape, generator=generator))
    paths = save_rewritten(
        rewritten, rewritten_names(rewritten), {"kind": "example", "name": "mobilenet-block"}, folder
    )
    return rewritten, paths


def build_from(description: dict[str, Any]) -> nn.Module:
    return build_example(description["name"], **description.get("args", {}))


def test_a_saved_rewritten_model_loads_back_to_the_same_outputs(tmp_path: Path) -> None:
    rewritten, paths = saved_mobilenet(tmp_path / "saved")
    assert [p.name for p in paths] == ["state_dict.pt", "pointwise_linear.py", "rewrite.json"]
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == sorted(p.name for p in paths)  # no temp left
    loaded = load_rewritten(tmp_path / "saved", build_from)
    assert rewritten_names(loaded) == ["block1.pw_conv", "block2.pw_conv", "shortcut"]
    x = example_input("mobilenet-block")
    assert torch.equal(run(loaded, x), run(rewritten, x))


def test_the_saved_module_source_rebuilds_the_layer_without_the_repository(tmp_path: Path) -> None:
    rewritten, _ = saved_mobilenet(tmp_path)
    x = torch.randn(1, 64, 15, 15, generator=torch.Generator().manual_seed(3))  # what block1 gives the shortcut
    torch.save(x, tmp_path / "input.pt")
    script = """
import os, sys
sys.path.insert(0, os.getcwd())
assert not any(p and os.path.samefile(p, sys.argv[1]) for p in sys.path if os.path.isdir(p)), sys.path
import torch
from pointwise_linear import PointwiseLinear
assert "core" not in sys.modules
state = torch.load("state_dict.pt", weights_only=True)
layer = PointwiseLinear(64, 128, 2, (2, 2), 1, True)
layer.load_state_dict({k.removeprefix("shortcut."): v for k, v in state.items() if k.startswith("shortcut.")})
torch.save(layer(torch.load("input.pt", weights_only=True)), "output.pt")
"""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-I", "-c", script, str(REPO)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    output = torch.load(tmp_path / "output.pt", weights_only=True)
    assert torch.equal(output, run(rewritten.get_submodule("shortcut"), x))


def test_saving_a_layer_that_was_not_rewritten_is_a_spec_error(tmp_path: Path) -> None:
    model = small("convnext-block")
    with pytest.raises(SpecError, match="was not rewritten"):
        save_rewritten(rewrite(model, ["pwconv1"]), ["pwconv2"], {}, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda folder: (folder / "rewrite.json").unlink(), "rewrite.json: the file is missing"),
        (lambda folder: (folder / "rewrite.json").write_text("{"), "cannot read JSON"),
        (lambda folder: (folder / "rewrite.json").write_text('{"source": 1}'), '"rewritten" list'),
        (lambda folder: (folder / "state_dict.pt").unlink(), "state_dict.pt: the file is missing"),
        (lambda folder: (folder / "state_dict.pt").write_bytes(b"not a zip"), "not a readable state dict"),
        (
            lambda folder: torch.save({"x": torch.zeros(1)}, folder / "state_dict.pt"),
            "missing 26 (block1.dw_conv.weight, block1.dw_bn.weight, block1.dw_bn.bias, …); unexpected 1 (x)",
        ),
        (lambda folder: torch.save([1, 2], folder / "state_dict.pt"), "not a dict of tensors"),
    ],
)
def test_a_damaged_folder_is_a_clear_spec_error(tmp_path: Path, damage: Any, words: str) -> None:
    saved_mobilenet(tmp_path)
    damage(tmp_path)
    with pytest.raises(SpecError) as caught:
        load_rewritten(tmp_path, build_from)
    assert words in str(caught.value)


def test_weights_for_other_knobs_are_listed_as_mis_shaped(tmp_path: Path) -> None:
    saved_mobilenet(tmp_path)
    wider = {"kind": "example", "name": "mobilenet-block", "args": {"channels": 16}}
    with pytest.raises(SpecError) as caught:
        load_rewritten(tmp_path, lambda _source: build_from(wider))
    assert "mis-shaped (saved ≠ model) 22 (block1.dw_conv.weight (32, 1, 3, 3) ≠ (16, 1, 3, 3)" in str(caught.value)


class _Marker:
    """Unpickling this would create a file: a weights_only load must refuse it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (Path.touch, (self.path,))


def test_a_state_dict_that_would_run_code_is_refused_unexecuted(tmp_path: Path) -> None:
    saved_mobilenet(tmp_path)
    marker = tmp_path / "executed"
    torch.save({"x": _Marker(marker)}, tmp_path / "state_dict.pt")
    with pytest.raises(SpecError, match="not a readable state dict"):
        load_rewritten(tmp_path, build_from)
    assert not marker.exists()
