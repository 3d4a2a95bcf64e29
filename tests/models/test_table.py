"""The layer table: shapes, counts and parameters against a real forward pass, FlopCounterMode and numel; receptive
fields; marks; the flatten-size calculator; diagnosis of inputs a model rejects; the memory budget."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from core.errors import SpecError
from core.models.examples import EXAMPLES, build_example
from core.models.rewrite import pointwise_names
from core.models.table import MARKS, Counting, LayerRow, ModelTable, analyse

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"vgg-heads": {"width": 8}}  # VGG19 at full width is heavy on 2 cores; the structure is the same


def example(name: str, **kwargs: Any) -> tuple[nn.Module, tuple[int, ...]]:
    return build_example(name, **{**SMALL.get(name, {}), **kwargs}), EXAMPLES[name].input_shape


def row(table: ModelTable, name: str) -> LayerRow:
    return next(r for r in table.rows if r.name == name)


def fields(model: nn.Module, shape: tuple[int, ...]) -> list[tuple[int, ...] | None]:
    return [r.receptive_field for r in analyse(model.eval(), shape).rows]


class Lambda(nn.Module):
    """A model whose forward is a function of the input and its ``layers`` (for small functional test models)."""

    def __init__(self, forward: Callable[..., torch.Tensor], **layers: nn.Module) -> None:
        super().__init__()
        self.run = forward
        for name, layer in layers.items():
            self.add_module(name, layer)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.run(self, x)


# ----------------------------------------------------------------------------------- every example, independently


def recorded_calls(model: nn.Module, shape: tuple[int, ...]) -> tuple[list[tuple[str, tuple, tuple]], Any]:
    """(name, input shape, output shape) of every leaf or parameter-owning module call, by our own hooks."""
    calls: list[tuple[str, tuple, tuple]] = []
    handles = []
    for name, module in model.named_modules():
        if next(module.children(), None) is None or next(module.parameters(recurse=False), None) is not None:

            def hook(_m: nn.Module, args: tuple, out: Any, name: str = name) -> None:
                calls.append((name, tuple(args[0].shape), tuple(out.shape)))

            handles.append(module.register_forward_hook(hook))
    with torch.no_grad():
        output = model(torch.randn(shape))
    for handle in handles:
        handle.remove()
    return calls, output


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_table_matches_a_real_forward_pass_flop_counter_and_numel(name: str) -> None:
    model, shape = example(name)
    table = analyse(model, shape)
    calls, output = recorded_calls(model, shape)
    assert [(r.name, r.input_shape, r.output_shape) for r in table.rows] == calls
    assert table.output_shapes == (tuple(output.shape),)
    assert table.input_shape == shape
    assert [r.index for r in table.rows] == list(range(len(table.rows)))

    with FlopCounterMode(display=False) as counter, torch.no_grad():
        model(torch.randn(shape))
    counts = counter.get_flop_counts()
    prefix = type(model).__name__
    counted = [r for r in table.rows if isinstance(model.get_submodule(r.name), nn.Linear | nn.Conv1d | nn.Conv2d)]
    assert counted
    for r in counted:
        assert 2 * r.macs == sum(counts[f"{prefix}.{r.name}"].values()), r.name
        assert r.macs > 0
    assert 2 * sum(r.macs for r in table.rows) == counter.get_total_flops()

    assert sum(r.params for r in table.rows) == table.total_params == sum(p.numel() for p in model.parameters())
    assert {r.name for r in table.rows if r.rewritable} == set(pointwise_names(model))


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_analyse_leaves_the_model_as_it_was(name: str) -> None:
    model, shape = example(name)
    model.train()
    before = {key: value.clone() for key, value in model.state_dict().items()}
    analyse(model, shape)
    assert all(module.training for module in model.modules())
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in model.modules())
    for key, value in model.state_dict().items():
        assert torch.equal(value, before[key]), key  # BN running stats untouched: the table runs in eval mode


def test_the_model_itself_is_never_hooked_or_switched_to_eval() -> None:
    """Another thread may be running the same model: the table hooks a copy that shares the parameters."""
    seen: list[tuple[nn.Module, bool, bool]] = []

    class Probe(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.weight = nn.Parameter(torch.ones(3))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            seen.append((self, self.training, bool(self._forward_hooks)))
            return x * self.weight

    model = nn.Sequential(Probe()).train()
    analyse(model, (1, 3))
    ((module, training, hooked),) = seen
    assert module is not model[0] and module.weight is model[0].weight
    assert not training and hooked
    assert model[0].training and not model[0]._forward_hooks


def test_a_model_that_cannot_be_copied_is_analysed_in_place_and_restored() -> None:
    model = nn.Sequential(nn.Conv1d(2, 2, 3), nn.BatchNorm1d(2)).train()
    model.lock = threading.Lock()  # deepcopy refuses a lock
    before = model[1].running_mean.clone()
    table = analyse(model, (1, 2, 8))
    assert [r.receptive_field for r in table.rows] == [(3,), (3,)]
    assert model.training and model[1].training and not model[0]._forward_hooks
    assert torch.equal(model[1].running_mean, before)


def test_a_linear_on_nd_input_counts_every_leading_dim() -> None:
    """vgg-heads' heads: Linear(196, 1) on (N, k, 196) is N·k·196·1 MACs (torchinfo #77 counted only 196·1)."""
    model, _ = example("vgg-heads", k=8, size=64)
    table = analyse(model, (2, 3, 64, 64))
    head = row(table, "heads.conv3_4.linear")
    assert head.input_shape == (2, 8, 16)
    assert head.macs == 2 * 8 * 16 * 1
    assert head.bias_adds == 2 * 8
    assert head.detail == "in=16 out=1"


# ------------------------------------------------------------------------------------------------ receptive field


def test_receptive_fields_of_known_stacks() -> None:
    conv = nn.Conv2d
    two = nn.Sequential(conv(1, 1, 3, padding=1), conv(1, 1, 3, padding=1))
    assert fields(two, (1, 1, 9, 9)) == [(3, 3), (5, 5)]
    strided = nn.Sequential(conv(1, 1, 3, stride=2), conv(1, 1, 3))
    assert fields(strided, (1, 1, 15, 15)) == [(3, 3), (7, 7)]
    dilated = nn.Sequential(conv(1, 1, 3, dilation=2), nn.MaxPool2d(2), conv(1, 1, (1, 3)))
    assert fields(dilated, (1, 1, 16, 16)) == [(5, 5), (6, 6), (6, 10)]
    one_d = nn.Sequential(nn.Conv1d(1, 2, 4, stride=2), nn.AvgPool1d(3, stride=1), nn.Identity())
    assert fields(one_d, (1, 1, 40)) == [(4,), (8,), (8,)]


def test_multiscale_stem_receptive_field_and_the_flattened_classifier_sees_everything() -> None:
    table = analyse(*example("multiscale-1d"))
    assert row(table, "stem.conv").receptive_field == (32,)
    assert row(table, "stem.pool").receptive_field == (40,)
    assert row(table, "branch3.stage1.conv").receptive_field == (40 + 2 * 16,)  # k3 at jump 16
    assert not row(table, "branch3.stage3.pool").whole_input
    assert row(table, "branch7.pool").whole_input  # a max-pool over the last 8 positions
    assert row(table, "classifier").whole_input


def test_factorized_pair_reaches_the_3x3_field_and_the_cat_keeps_it() -> None:
    table = analyse(*example("factorized-3x3"))
    assert row(table, "full").receptive_field == (3, 3)
    assert row(table, "row").receptive_field == (1, 3)
    assert row(table, "column").receptive_field == (3, 3)
    assert row(table, "fuse").receptive_field == (3, 3)


def test_receptive_field_survives_permutes_reshapes_slices_and_adds() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        y = m.a(x)  # 3
        y = m.ln(y.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)  # channels-last LayerNorm: no change
        n, c, h, w = y.shape
        y = y.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)  # channel shuffle: no change
        y = m.b(y[..., ::2, ::2])  # subsample then 3x3: like a stride-2 conv, 3 + 2·2 = 7
        return m.c(y + y[:, :1])  # add with a broadcast channel slice: 7; then 1x1: 7

    model = Lambda(
        forward, a=nn.Conv2d(4, 4, 3, padding=1), ln=nn.LayerNorm(4), b=nn.Conv2d(4, 4, 3), c=nn.Conv2d(4, 2, 1)
    )
    table = analyse(model.eval(), (1, 4, 16, 16))
    assert [r.receptive_field for r in table.rows] == [(3, 3), (3, 3), (7, 7), (7, 7)]


def test_global_pooling_and_a_broadcast_gate_see_the_whole_input() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        y = m.conv(x)
        gate = torch.sigmoid(m.fc(m.pool(y).flatten(1)))[:, :, None, None]
        return m.out(y * gate)

    layers = {"conv": nn.Conv2d(3, 4, 3), "pool": nn.AdaptiveAvgPool2d(1), "fc": nn.Linear(4, 4)}
    model = Lambda(forward, **layers, out=nn.Conv2d(4, 2, 1))
    table = analyse(model.eval(), (1, 3, 10, 12))
    assert [(r.name, r.receptive_field, r.whole_input) for r in table.rows] == [
        ("conv", (3, 3), False),
        ("pool", (10, 12), True),
        ("fc", (10, 12), True),
        ("out", (10, 12), True),  # every position is scaled by a gate computed from the whole input
    ]


def test_unknown_resampling_gives_no_receptive_field_but_keeps_the_flatten_explanation() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        y = m.conv(F.interpolate(x, scale_factor=2))
        return m.fc(torch.flatten(m.pool(y), 1))

    model = Lambda(forward, conv=nn.Conv2d(2, 3, 3), pool=nn.AdaptiveMaxPool2d(2), fc=nn.Linear(12, 5))
    table = analyse(model.eval(), (1, 2, 8, 8))
    assert [r.receptive_field for r in table.rows] == [None, None, None]
    assert [(f.layer, f.formula) for f in table.flatten] == [("fc", "3 channels × 4 positions (2×2) = 12")]


def test_without_spatial_dims_there_is_no_receptive_field() -> None:
    table = analyse(nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 2)), (3, 6))
    assert [r.receptive_field for r in table.rows] == [None, None, None]
    assert not any(r.whole_input for r in table.rows)
    assert table.flatten == ()  # no Linear here follows a flatten


# --------------------------------------------------------------------------------------------------------- marks


def test_marks_and_rewritable() -> None:
    model = nn.Sequential(
        nn.Conv2d(3, 8, 1),  # pointwise
        nn.Conv2d(8, 8, 3, padding=1),  # neither
        nn.Conv2d(8, 8, 1, padding=1),  # pointwise, but padded: not rewritable
        nn.Conv2d(8, 4, 9),  # full-kernel: 9x9 on the 9x9 it gets
        nn.Conv2d(4, 4, 1),  # pointwise and full-kernel: 1x1 on 1x1
        nn.Flatten(),
        nn.Linear(4, 2),
    )
    table = analyse(model.eval(), (1, 3, 7, 7))
    assert [r.marks for r in table.rows] == [
        ("pointwise",),
        (),
        ("pointwise",),
        ("full-kernel",),
        ("pointwise", "full-kernel"),
        (),
        ("linear-as-conv",),
    ]
    assert [r.rewritable for r in table.rows] == [True, False, False, False, True, False, False]
    assert {mark for r in table.rows for mark in r.marks} <= set(MARKS)
    assert table.rows[1].detail == "k=3 s=1 p=1 g=1"
    assert table.rows[3].output_shape == (1, 4, 1, 1)


def test_a_padded_conv_as_large_as_its_input_is_not_full_kernel() -> None:
    table = analyse(nn.Sequential(nn.Conv2d(2, 2, 5, padding=2)).eval(), (1, 2, 5, 5))
    assert table.rows[0].marks == ()
    assert table.rows[0].detail == "k=5 s=1 p=2 g=1"


# -------------------------------------------------------------------------------------------------------- counting


def test_counting_conventions() -> None:
    model = nn.Sequential(nn.Conv2d(2, 3, 3, bias=True), nn.Conv2d(3, 4, 1, bias=False), nn.Flatten(), nn.Linear(36, 5))
    table = analyse(model.eval(), (2, 2, 5, 5))
    conv, pointwise, _, linear = table.rows
    assert conv.macs == 2 * 3 * 3 * 3 * (2 * 3 * 3)  # N·Cout·positions·(Cin/groups)·kernel
    assert conv.bias_adds == 2 * 3 * 3 * 3
    assert pointwise.bias_adds == 0
    assert linear.macs == 2 * 36 * 5 and linear.bias_adds == 2 * 5
    macs = sum(r.macs for r in table.rows)
    adds = conv.bias_adds + linear.bias_adds
    assert table.total(Counting()) == macs
    assert table.total(Counting("flops")) == 2 * macs
    assert table.total(Counting("macs", bias=True)) == macs + adds
    assert table.total(Counting("flops", bias=True)) == 2 * macs + adds
    assert conv.count(Counting("flops", bias=True)) == 2 * conv.macs + conv.bias_adds


def test_each_convention_is_stated() -> None:
    texts = {Counting(unit, bias).describe() for unit in ("macs", "flops") for bias in (False, True)}
    assert len(texts) == 4
    assert "FLOPs = 2 × MACs" in Counting("flops").describe()
    assert "bias" in Counting().describe()
    with pytest.raises(SpecError, match="macs, flops"):
        Counting("gflops")


# ------------------------------------------------------------------------------------------- parameters per call


def test_a_shared_layer_counts_its_parameters_once_and_an_unused_one_still_counts() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        return m.shared(m.shared(x))

    model = Lambda(forward, shared=nn.Conv1d(3, 3, 1), unused=nn.Linear(4, 4))
    table = analyse(model.eval(), (1, 3, 8))
    assert [(r.name, r.params, r.macs) for r in table.rows] == [
        ("shared", 12, 72),
        ("shared", 0, 72),
        ("unused", 20, 0),
    ]
    assert table.rows[-1].input_shape == ()
    assert sum(r.params for r in table.rows) == table.total_params == 32


def test_a_block_owning_a_parameter_gets_a_row() -> None:
    table = analyse(*example("convnext-block"))
    block = table.rows[-1]
    assert (block.name, block.kind, block.params) == ("", "ConvNeXtBlock", 96)
    assert row(table, "pwconv1").marks == ("pointwise",)
    assert row(table, "pwconv2").receptive_field == (7, 7)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # torch.jit.script is deprecated, still supported
def test_torchscript_is_one_row() -> None:
    model = torch.jit.script(build_example("factorized-3x3"))
    table = analyse(model, (1, 32, 8, 8))
    assert [(r.kind, r.input_shape, r.output_shape, r.params) for r in table.rows] == [
        ("Factorized3x3", (1, 32, 8, 8), (1, 32, 8, 8), 17536)
    ]


# ------------------------------------------------------------------------------------------ flatten calculator


def test_multiscale_flatten_formula() -> None:
    table = analyse(*example("multiscale-1d"))
    (explanation,) = table.flatten
    assert explanation.layer == "classifier"
    assert explanation.formula == "256 channels × 1 position × 3 branches = 768"
    assert (explanation.in_features, explanation.arriving, explanation.ok) == (768, 768, True)


def test_vgg_heads_flatten_formula() -> None:
    table = analyse(*example("vgg-heads"))
    assert [f.layer for f in table.flatten] == [
        f"heads.{tap}.linear" for tap in ("conv2_2", "conv3_4", "conv4_4", "conv5_4")
    ]
    assert {f.formula for f in table.flatten} == {"196 positions (14×14) = 196"}


def test_unequal_parts_are_summed_and_nn_flatten_is_followed() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        return m.fc(torch.cat([m.flat(m.pool(x)), x[:, :3, 0, 0]], dim=1))

    model = Lambda(forward, pool=nn.AdaptiveAvgPool2d(2), flat=nn.Flatten(), fc=nn.Linear(19, 2))
    (explanation,) = analyse(model.eval(), (1, 4, 6, 6)).flatten
    assert explanation.formula == "4 channels × 4 positions (2×2) + 3 features = 19"


def test_a_linear_that_does_not_fit_is_diagnosed_with_the_size_that_would() -> None:
    with pytest.raises(SpecError) as caught:
        analyse(*example("multiscale-1d", in_features=256))
    error = caught.value
    assert "classifier" in error.parameter
    assert "768" in error.rule and "in_features=256" in error.rule
    assert "in_features=768" in error.hint
    assert "256 channels × 1 position × 3 branches = 768" in error.hint
    assert "mat1" not in str(error)


# --------------------------------------------------------------------------------------------- inputs it rejects


@pytest.mark.parametrize(
    ("shape", "layer", "words"),
    [
        ((1, 4, 64, 64), "stage1.conv1_1", ["(1, 4, 64, 64)", "in_channels=3"]),
        ((1, 3, 64, 64, 2), "stage1.conv1_1", ["5-D", "(1, 3, 64, 64, 2)", "(1, 3, 64, 64)"]),
        ((64, 64), "stage1.conv1_1", ["2-D", "(64, 64)", "(1, 3, 64, 64)"]),
    ],
)
def test_an_input_of_the_wrong_rank_or_channels_names_the_layer_and_shapes(
    shape: tuple[int, ...], layer: str, words: list[str]
) -> None:
    model, _ = example("vgg-heads")
    with pytest.raises(SpecError) as caught:
        analyse(model, shape)
    assert layer in caught.value.parameter
    for word in words:
        assert word in str(caught.value)


def test_any_other_failure_names_the_innermost_layer_and_the_shape_it_got() -> None:
    model, _ = example("multiscale-1d")
    with pytest.raises(SpecError) as caught:
        analyse(model, (1, 1, 512))  # the branches' last max-pool of 8 gets only 4 positions
    error = caught.value
    assert error.parameter == "--input"
    assert "branch3.pool (MaxPool1d)" in error.rule
    assert "(1, 256, 4)" in error.hint and "(1, 1, 512)" in error.hint
    assert "Traceback" not in str(error)


@pytest.mark.parametrize("shape", [(), (1, 0, 8), (1, -3), (1, 2.5)])
def test_a_shape_that_is_not_one_is_refused(shape: tuple[Any, ...]) -> None:
    with pytest.raises(SpecError, match="--input"):
        analyse(nn.Linear(2, 2), shape)


# ----------------------------------------------------------------------------------------------------- memory


def called_layers(model: nn.Module) -> list[str]:
    calls: list[str] = []
    for name, module in model.named_modules():
        module.register_forward_pre_hook(lambda _m, _a, name=name: calls.append(name))
    return calls


def test_a_huge_input_is_refused_at_once_naming_the_budget() -> None:
    model, _ = example("vgg-heads")
    calls = called_layers(model)
    start = time.perf_counter()
    with pytest.raises(SpecError) as caught:
        analyse(model, (1, 3, 100_000, 100_000), budget_bytes=1 << 20)
    assert time.perf_counter() - start < 1.0
    assert "1.0 MiB" in str(caught.value) and "111.8 GiB" in str(caught.value)
    assert calls == []  # nothing ran: refused before anything was allocated


def test_activations_over_the_budget_stop_the_pass_early() -> None:
    model, shape = example("vgg-heads")
    calls = called_layers(model)
    with pytest.raises(SpecError) as caught:
        analyse(model, shape, budget_bytes=4 << 20)
    assert caught.value.parameter == "--input"
    assert "4.0 MiB" in caught.value.rule
    assert "stage5.conv5_4" not in calls


def test_a_conv_whose_output_alone_is_over_the_budget_never_runs() -> None:
    model = nn.Sequential(nn.Conv2d(1, 1024, 1))
    ran: list[bool] = []
    model[0].register_forward_hook(lambda *_: ran.append(True))
    with pytest.raises(SpecError, match="layer 0"):
        analyse(model, (1, 1, 256, 256), budget_bytes=16 << 20)  # output: 256 MiB
    assert ran == []


def test_the_default_budget_fits_every_example_at_its_default_size() -> None:
    for name in EXAMPLES:
        if name != "vgg-heads":  # full width: checked by the app, too slow for a unit test on 2 cores
            analyse(*example(name))


def test_the_table_does_not_import_torch_dynamo() -> None:
    """A pass on the meta device would (its Python reference kernels import torch._dynamo, which must not happen in
    the window's worker thread): the budget is enforced during the real pass instead."""
    code = (
        "import sys\n"
        "from core.models.examples import build_example, EXAMPLES\n"
        "from core.models.table import analyse\n"
        "for name in ('multiscale-1d', 'convnext-block'):\n"
        "    analyse(build_example(name), EXAMPLES[name].input_shape)\n"
        "print('torch._dynamo' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_cat_of_plain_features_is_not_a_flatten() -> None:
    def forward(m: nn.Module, x: torch.Tensor) -> torch.Tensor:
        return m.fc(torch.cat([m.a(x), m.b(x)], dim=1))

    model = Lambda(forward, a=nn.Linear(4, 3), b=nn.Linear(4, 3), fc=nn.Linear(6, 2))
    assert analyse(model.eval(), (2, 4)).flatten == ()
