"""Half-precision torch work runs where a PyTorch crash cannot take the app down; a crash becomes a message."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

import core.lab
from core.bench.config import BenchConfig, check_config
from core.errors import SpecError
from core.isolation import ChildFailed, TorchCrashed, call_isolated, iterate_isolated, needs_isolation
from core.lab import STAGES, StageFailure, compute_stages
from core.spec import parse_spec
from core.validation import validate
from tests.test_cli import run

# The two specs PyTorch 2.13 was seen to crash on (exit 139); whether they crash depends on the build and memory
# layout, so the tests below crash a child on purpose, and check that these specs are computed in a child.
CRASHING_SPECS = [
    {"dims": 2, "cin": 2, "cout": 1, "kernel": 2, "padding": "same", "dilation": "3x1", "dtype": "bfloat16"},
    {"dims": 1, "cin": 6, "cout": 3, "kernel": 1, "stride": 2, "padding": 1, "dilation": 2, "groups": 3,
     "dtype": "float16"},
]  # fmt: skip


def segfault_after_one(count: int) -> Iterator[int]:
    """Child-side target: one item, then the process dies the way PyTorch's crash kills it."""
    yield count
    os.kill(os.getpid(), signal.SIGSEGV)
    yield count + 1


def raise_in_child() -> int:
    raise ValueError("bad value in the child")


def refuse_in_child() -> int:
    raise SpecError("draws", "too many for this test", "use fewer")


def child_pid() -> int:
    return os.getpid()


def test_the_registry_marks_half_precision_for_isolation() -> None:
    assert needs_isolation("float16") and needs_isolation("bfloat16")
    assert not needs_isolation("float32") and not needs_isolation("float64")


def test_a_crash_in_the_child_is_a_message_and_this_process_lives() -> None:
    items = []
    with pytest.raises(TorchCrashed) as caught:
        for item in iterate_isolated("float16", segfault_after_one, 7):
            items.append(item)
    assert items == [7]  # what landed before the crash is kept
    text = str(caught.value)
    assert "killed by SIGSEGV" in text and "PyTorch" in text and "float16" in text and "float32" in text
    assert caught.value.parameter == "dtype"


def test_an_exception_in_the_child_is_reported_by_type_and_message() -> None:
    with pytest.raises(ChildFailed, match="ValueError: bad value in the child"):
        call_isolated("bfloat16", raise_in_child)


def test_a_user_error_in_the_child_stays_a_user_error() -> None:
    with pytest.raises(SpecError, match="draws: too many for this test; use fewer"):
        call_isolated("float16", refuse_in_child)


def test_half_precision_work_runs_in_another_process_and_float32_here() -> None:
    assert call_isolated("float16", child_pid) != os.getpid()
    assert call_isolated("float32", child_pid) == os.getpid()


@pytest.mark.parametrize("values", CRASHING_SPECS)
def test_the_crashing_specs_are_computed_in_a_child(values: dict) -> None:
    landed = dict(compute_stages(validate(parse_spec(values))))
    assert list(landed) == list(STAGES)
    assert not any(isinstance(v, StageFailure) for v in landed.values())


def test_a_crash_during_the_stages_fails_the_rest_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def crashing(dtype: str, function, *args) -> Iterator[object]:
        yield "conv", next(iter(core.lab.compute_stages_here(*args)))[1]
        raise TorchCrashed(dtype, "killed by SIGSEGV")

    monkeypatch.setattr(core.lab, "iterate_isolated", crashing)
    landed = dict(compute_stages(validate(parse_spec(CRASHING_SPECS[0]))))
    assert not isinstance(landed["conv"], StageFailure)
    for stage in ("linear", "equality", "init"):
        failure = landed[stage]
        assert isinstance(failure, StageFailure) and "PyTorch crashed (killed by SIGSEGV)" in failure.message


def test_bench_in_this_process_refuses_half_precision() -> None:
    config = BenchConfig(spec=parse_spec(CRASHING_SPECS[1]), isolation="none")
    with pytest.raises(SpecError, match="isolation: float16 convolutions can crash"):
        check_config(config)


def test_check_of_a_crashing_spec_answers() -> None:
    values = CRASHING_SPECS[1]
    args = [f"--{k}={v}" for k, v in values.items()]
    result = run("check", *args)
    assert result.returncode == 0, result.stderr
    assert "PASS" in result.stdout
