"""Model timing: every measured form is verified first, interleaved, and tuning keeps a form only on evidence.

Correctness only: no test asserts that anything is fast (speed is ``make bench``'s business)."""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import Any

import pytest
import torch
from torch import nn

from core.bench.runner import CancelToken
from core.bench.timing import Timing
from core.errors import SpecError
from core.models import timing as model_timing
from core.models.forms import ChannelsLastConv, apply_forms, form_of, forms_for, in_form, native
from core.models.loading import ModelSource, build_model
from core.models.pointwise import PointwiseLinear
from core.models.timing import (
    Choice,
    FormResult,
    ModelTiming,
    ModelTimingConfig,
    check_timing_config,
    layer_inputs,
    run_model_timing,
)

SOURCE = ModelSource("example", name="convnext-block", args=(("dim", 8),))
SHAPE = (1, 8, 12, 12)
QUICK: dict[str, Any] = {"min_run_time": 0.04, "rounds": 2}


def finish(steps: Generator[Any, None, ModelTiming]) -> tuple[list[Any], ModelTiming]:
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as stop:
            return seen, stop.value


@pytest.fixture(scope="module")
def model() -> nn.Module:
    return build_model(SOURCE)


def test_forms_carry_the_weights_exactly_and_round_trip() -> None:
    conv = nn.Conv2d(6, 4, 1, stride=2, groups=2)
    x = torch.randn(2, 6, 9, 9, dtype=torch.float64)
    conv = conv.double()
    assert forms_for(conv) == ("conv", "channels_last", "linear")
    for form in forms_for(conv):
        other = in_form(conv, form)
        assert form_of(other) == form
        torch.testing.assert_close(other(x), conv(x), rtol=1e-12, atol=1e-12)
        back = native(other)
        assert type(back) is nn.Conv2d
        assert torch.equal(back.weight, conv.weight)
        assert back.bias is not None and conv.bias is not None and torch.equal(back.bias, conv.bias)
    assert isinstance(in_form(conv, "linear"), PointwiseLinear)
    assert isinstance(in_form(conv, "channels_last"), ChannelsLastConv)


def test_a_form_a_layer_cannot_take_is_refused_with_the_reason() -> None:
    assert forms_for(nn.Conv1d(3, 4, 1)) == ("conv", "linear")  # no channels-last for 1-D
    assert forms_for(nn.Conv2d(3, 4, 3)) == ("conv", "channels_last")
    with pytest.raises(SpecError, match=r"cannot take the form linear.*kernel"):
        in_form(nn.Conv2d(3, 4, 3), "linear")
    with pytest.raises(SpecError, match="no layer 'nope'"):
        apply_forms(nn.Sequential(nn.Conv2d(3, 4, 1)), {"nope": "linear"})


def test_layer_inputs_are_what_each_layer_receives(model: nn.Module) -> None:
    shapes = layer_inputs(model, SHAPE, ("pwconv1", "pwconv2"))
    assert shapes == {"pwconv1": (1, 8, 12, 12), "pwconv2": (1, 32, 12, 12)}


@pytest.mark.parametrize("isolation", ["none", "process"])
def test_tuning_times_every_verified_form_and_the_whole_model(model: nn.Module, isolation: str) -> None:
    config = ModelTimingConfig(SHAPE, ("pwconv1", "pwconv2"), tune=True, isolation=isolation, **QUICK)
    progress, result = finish(run_model_timing(model, SOURCE, config))
    assert not result.error and not result.cancelled
    assert progress[-1].done == progress[-1].total  # the bar ends full
    assert [(r.subject, r.form) for r in result.layers] == [
        (layer, form) for layer in ("pwconv1", "pwconv2") for form in ("conv", "channels_last", "linear")
    ]
    kept = any(choice.form != "conv" for choice in result.choices)
    assert [r.form for r in result.whole] == ["original", "rewritten", "tuned"][: 3 if kept else 2]
    for item in result.layers + result.whole:
        assert item.verified, item.failure
        assert item.timing is not None and item.timing.median_s > 0
        assert item.max_abs_error <= item.tolerance
    assert [choice.layer for choice in result.choices] == ["pwconv1", "pwconv2"]
    unsteady = {(r.subject, r.form) for r in result.layers if r.unsteady}
    for choice in result.choices:
        assert (choice.layer, choice.form) not in unsteady or choice.form == "conv"
        assert choice.form in forms_for(model.get_submodule(choice.layer))
        assert choice.form == "conv" or choice.low > 1.0  # kept only on evidence
    gain = result.gain("", "rewritten", "original")
    assert gain is not None and gain[1] <= gain[0] <= gain[2]


def test_a_form_whose_output_is_wrong_is_not_timed(model: nn.Module, monkeypatch: pytest.MonkeyPatch) -> None:
    real = model_timing.LayerJob.build

    def broken(self: model_timing.LayerJob) -> Any:
        run = real(self)
        if self.form != "linear":
            return run
        return lambda: run() * 1.01  # type: ignore[operator]

    monkeypatch.setattr(model_timing.LayerJob, "build", broken)
    config = ModelTimingConfig(SHAPE, ("pwconv1",), isolation="none", **QUICK)
    _, result = finish(run_model_timing(model, SOURCE, config))
    linear = result.result("pwconv1", "linear")
    assert linear is not None and linear.timing is None
    assert "differs from float64" in linear.failure
    conv = result.result("pwconv1", "conv")
    assert conv is not None and conv.timing is not None


def test_a_cancelled_run_stops_and_says_so(model: nn.Module) -> None:
    token = CancelToken()
    token.cancel()
    config = ModelTimingConfig(SHAPE, ("pwconv1",), **QUICK)
    _, result = finish(run_model_timing(model, SOURCE, config, token))
    assert result.cancelled
    assert all(item.timing is None for item in result.layers + result.whole)


def test_bad_layers_and_settings_are_refused_before_any_work(model: nn.Module) -> None:
    with pytest.raises(SpecError, match="no layer 'head'"):
        finish(run_model_timing(model, SOURCE, ModelTimingConfig(SHAPE, ("head",))))
    with pytest.raises(SpecError, match="dwconv is not a pointwise conv"):
        finish(run_model_timing(model, SOURCE, ModelTimingConfig(SHAPE, ("dwconv",))))
    for field, value, words in (
        ("min_run_time", 0.0, "above 0"),
        ("rounds", 0, "1 to"),
        ("threads", -1, "0 .PyTorch's default."),
        ("allocator", "fast", "choose one of default, tuned"),
        ("isolation", "thread", "choose one of process, none"),
    ):
        config = ModelTimingConfig(SHAPE, ("pwconv1",), **{field: value})  # type: ignore[arg-type]
        with pytest.raises(SpecError, match=words):
            check_timing_config(config)


def _timing(times: tuple[float, ...]) -> Timing:
    ordered = sorted(times)
    return Timing(ordered[len(ordered) // 2], 0.0, ordered[0], ordered[-1], times, "")


def test_tuning_keeps_the_native_conv_without_evidence() -> None:
    config = ModelTimingConfig(SHAPE, ("a",), tune=True)
    result = ModelTiming(config, "default", 2, "now")
    same = tuple(1.0 + 0.01 * math.sin(i) for i in range(20))
    result.layers = [
        FormResult("a", "conv", _timing(same), 0.0, 1.0),
        FormResult("a", "linear", _timing(tuple(0.999 * t for t in same[::-1])), 0.0, 1.0),
    ]
    choice = model_timing._choose(result, "a")
    assert choice.fastest == "linear" and choice.form == "conv"  # faster median, but the interval holds 1
    result.layers[1] = FormResult("a", "linear", _timing(tuple(0.5 * t for t in same)), 0.0, 1.0)
    choice = model_timing._choose(result, "a")
    assert choice == Choice("a", "linear", choice.ratio, choice.low, choice.high, "linear")
    assert choice.low > 1.9


def test_replicas_that_disagree_make_a_result_unsteady_and_tuning_ignores_it() -> None:
    steady, note = model_timing.merge_replicas([_timing((1.0, 1.1, 0.9)), _timing((1.05, 1.0, 0.95))])
    assert note == "" and steady.times == (1.0, 1.1, 0.9, 1.05, 1.0, 0.95) and steady.median_s == 1.0
    _, note = model_timing.merge_replicas([_timing((1.0, 1.0)), _timing((2.0, 2.1))])
    assert "disagree" in note and "not used to tune" in note
    config = ModelTimingConfig(SHAPE, ("a",), tune=True)
    result = ModelTiming(config, "default", 2, "now")
    same = tuple(1.0 + 0.01 * math.sin(i) for i in range(20))
    result.layers = [
        FormResult("a", "conv", _timing(same), 0.0, 1.0),
        FormResult("a", "linear", _timing(tuple(0.1 * t for t in same)), 0.0, 1.0, unsteady=note),
    ]
    assert model_timing._choose(result, "a").form == "conv"


def test_the_report_says_when_the_tuned_model_is_slower_or_is_the_original() -> None:
    from core.models.report import choice_lines

    config = ModelTimingConfig(SHAPE, ("a",), tune=True)
    result = ModelTiming(config, "default", 2, "now")
    same = tuple(1.0 + 0.01 * math.sin(i) for i in range(20))
    result.choices = [Choice("a", "conv", 1.0, 1.0, 1.0, "conv")]
    result.whole = [FormResult("", "original", _timing(same), 0.0, 1.0)]
    assert any("the tuned model is the original" in line for line in choice_lines(result))
    result.choices = [Choice("a", "linear", 2.0, 1.9, 2.1, "linear")]
    result.whole.append(FormResult("", "tuned", _timing(tuple(1.2 * t for t in same)), 0.0, 1.0))
    lines = choice_lines(result)
    assert any("slower than the original" in line and "keep the original" in line for line in lines)
    result.whole[1] = FormResult("", "tuned", _timing(tuple(0.8 * t for t in same)), 0.0, 1.0)
    assert not any("slower" in line for line in choice_lines(result))
