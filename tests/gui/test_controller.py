"""The controller without any window (as ndv tests its controllers): one owner of the state, staged results,
leading-edge throttling, stale results dropped, failures reported, its own worker stopped."""

from __future__ import annotations

import time

import pytest
from superqt.utils import create_worker

import core.lab
from core.errors import SpecError
from core.lab import STAGES
from core.presets import load_preset
from core.spec import parse_spec
from gui.controller import LabController

SMALL = parse_spec(cin=2, cout=3, kernel=3, input_size=5)


def _collect(controller: LabController) -> list[tuple[str, int]]:
    landed: list[tuple[str, int]] = []
    controller.stageReady.connect(lambda stage, result: landed.append((stage, result.spec.cout)))
    return landed


def _wait_idle(qtbot, controller: LabController, timeout: int = 60_000) -> None:
    qtbot.waitUntil(controller.is_idle, timeout=timeout)


def test_every_stage_lands_in_order_and_each_is_published_as_it_lands(qtbot) -> None:
    controller = LabController()
    landed = _collect(controller)
    seen_pending = []
    controller.stageReady.connect(lambda stage, result: seen_pending.append(result.pending()))
    assert controller.set_spec(SMALL)
    assert controller.result is not None and controller.result.pending() == STAGES  # formulas at once
    assert controller.result.report.output_shape == (1, 3, 3, 3)
    _wait_idle(qtbot, controller)
    assert landed == [(stage, 3) for stage in STAGES]
    assert seen_pending == [("linear", "equality", "init"), ("equality", "init"), ("init",), ()]
    controller.shutdown()


def test_the_visible_panels_stage_comes_first(qtbot) -> None:
    controller = LabController()
    landed = _collect(controller)
    controller.set_visible_stages(["init"])
    controller.set_spec(SMALL)
    _wait_idle(qtbot, controller)
    assert [stage for stage, _ in landed] == ["init", "conv", "linear", "equality"]
    controller.shutdown()


def test_leading_edge_then_only_the_newest_spec_is_published(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    controller = LabController()
    landed = _collect(controller)
    starts: list[bool] = []
    original = controller._start

    def start() -> None:
        starts.append(controller._worker is None)  # never a second worker while one runs
        original()

    monkeypatch.setattr(controller, "_start", start)
    controller.set_spec(SMALL)
    assert controller._worker is not None  # the first edit after a quiet moment computes at once: no timer
    for cout in (4, 5, 6):  # a value being dragged
        controller.set_field("cout", cout)
    _wait_idle(qtbot, controller)
    assert all(starts) and len(starts) <= 2  # the first spec, then the newest; never one per drag step
    assert {cout for _, cout in landed} <= {3, 6} and landed[-len(STAGES) :] == [(stage, 6) for stage in STAGES]
    assert controller.result is not None and controller.result.spec.cout == 6
    controller.shutdown()


def test_an_invalid_value_is_reported_at_once_and_the_last_valid_spec_stays(qtbot) -> None:
    controller = LabController()
    errors: list[SpecError | None] = []
    controller.invalid.connect(errors.append)
    controller.compute_now(parse_spec(cin=4, cout=4))
    valid = controller.spec
    assert not controller.set_field("groups", 3)
    assert isinstance(errors[-1], SpecError) and errors[-1].parameter == "groups"
    assert controller.values["groups"] == 3 and controller.spec == valid and controller.is_idle()
    assert controller.set_field("groups", 2)
    assert errors[-1] is None and controller.error is None
    _wait_idle(qtbot, controller)
    controller.shutdown()


def test_a_preset_keeps_its_input_through_edits(qtbot) -> None:
    preset = load_preset("fc-4x2-as-conv-2x2").spec
    controller = LabController()
    controller.compute_now(preset)
    controller.set_field("cout", 3)
    controller.set_field("cout", 2)
    assert controller.spec == preset and controller.spec.input_fill == "arange"
    _wait_idle(qtbot, controller)
    controller.shutdown()


def test_switching_dims_reshapes_the_per_dimension_fields(qtbot) -> None:
    controller = LabController()
    shown: list[dict] = []
    controller.valuesChanged.connect(shown.append)
    controller.compute_now(parse_spec(kernel="3x5", input_size="8x9"))
    assert controller.set_field("dims", 1)
    assert controller.spec is not None and controller.spec.kernel == (5,) and controller.spec.input_size == (9,)
    assert shown[-1]["kernel"] == [5]  # the view is told the new shape of the fields
    _wait_idle(qtbot, controller)
    controller.shutdown()


@pytest.mark.parametrize("error", [RuntimeError("boom"), MemoryError()])
def test_a_failing_stage_is_reported_and_the_other_stages_still_land(
    qtbot, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(core.lab, "check_equality", fail)
    controller = LabController()
    landed = _collect(controller)
    failures: list[tuple[str, str]] = []
    controller.stageFailed.connect(lambda stage, message: failures.append((stage, message)))
    controller.set_spec(SMALL)
    _wait_idle(qtbot, controller)
    assert [stage for stage, _ in landed] == ["conv", "linear", "init"]
    assert failures[0][0] == "equality"
    assert ("boom" in failures[0][1]) if isinstance(error, RuntimeError) else ("out of memory" in failures[0][1])
    assert controller.failures == {"equality": failures[0][1]}
    controller.shutdown()


def test_shutdown_waits_for_its_own_worker_only(qtbot) -> None:
    def forever():
        while True:
            time.sleep(0.01)
            yield

    other = create_worker(forever, _start_thread=True)  # someone else's long job
    try:
        controller = LabController()
        controller.set_spec(SMALL)
        began = time.monotonic()
        controller.shutdown()
        assert time.monotonic() - began < 3
        assert controller.is_idle()
    finally:
        other.quit()
        qtbot.waitUntil(lambda: not other._running, timeout=5_000)


def test_synchronous_path_publishes_every_stage(qtbot) -> None:
    controller = LabController()
    landed = _collect(controller)
    result = controller.compute_now(parse_spec(kernel=1, mode="pointwise"))
    assert result is not None and result.valid.mode == "pointwise" and result.pending() == ()
    assert [stage for stage, _ in landed] == list(STAGES)
    controller.shutdown()


def test_finished_workers_and_their_results_are_freed(qtbot) -> None:
    """Nothing keeps a finished worker (and the tensors its generator holds) alive: memory stays flat."""
    import gc

    from superqt.utils import GeneratorWorker

    from core.lab import LinearStage

    def alive(kind: type) -> list[object]:
        gc.collect()
        return [o for o in gc.get_objects() if type(o) is kind]  # not isinstance: some modules warn on probing

    workers_before = len(alive(GeneratorWorker))
    spec = parse_spec(cin=5, cout=3, kernel=2, input_size=7)  # used by no other test
    controller = LabController()
    controller.set_spec(spec)
    for index in range(40):  # a dragged value: most computations are overtaken
        controller.set_field("cout", 3 + index % 5)
        qtbot.wait(1)
    _wait_idle(qtbot, controller)
    qtbot.wait(50)
    mine = [s for s in alive(LinearStage) if s.mapping.valid.spec.replace(cout=3) == spec]  # type: ignore[attr-defined]
    assert len(mine) <= 1, len(mine)  # at most the current result's
    # A finished worker is deleted by Qt's deleteLater a moment later (later still on a loaded machine): a leak is
    # one that is still alive seconds after.
    qtbot.waitUntil(lambda: len(alive(GeneratorWorker)) <= workers_before, timeout=5000)
    controller.shutdown()
