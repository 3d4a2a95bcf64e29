"""The controller without any window: one-way flow, throttling, stale results dropped."""

from __future__ import annotations

from core.errors import SpecError
from core.spec import parse_spec
from gui.controller import LabController


def test_only_the_newest_spec_produces_a_result(qtbot) -> None:
    controller = LabController()
    results = []
    controller.resultReady.connect(results.append)
    for cout in (2, 3, 4, 5):  # a value being dragged: only the last one is computed
        controller.set_spec(parse_spec(cin=2, cout=cout, kernel=3, input_size=5))
    qtbot.waitUntil(lambda: controller.is_idle() and bool(results), timeout=30_000)
    qtbot.wait(300)
    assert [r.spec.cout for r in results] == [5]
    controller.shutdown()


def test_a_result_overtaken_by_a_newer_spec_is_dropped(qtbot) -> None:
    controller = LabController()
    results = []
    controller.resultReady.connect(results.append)
    controller.set_spec(parse_spec(cin=8, cout=8, kernel=3, input_size=24, mode="unrolled"))
    qtbot.waitUntil(lambda: controller._worker is not None, timeout=5_000)  # the first computation is running
    controller.set_spec(parse_spec(cin=2, cout=3, kernel=1, input_size=4))
    qtbot.waitUntil(lambda: bool(results) and controller.is_idle(), timeout=60_000)
    controller.shutdown()
    assert [r.spec.cout for r in results] == [3]


def test_invalid_specs_are_reported_at_once_and_not_computed(qtbot) -> None:
    controller = LabController()
    errors, results = [], []
    controller.invalid.connect(errors.append)
    controller.resultReady.connect(results.append)
    assert not controller.set_spec(parse_spec(cin=4, cout=4, groups=3))
    assert isinstance(errors[0], SpecError) and errors[0].parameter == "groups"
    assert controller.is_idle() and not results
    controller.shutdown()


def test_synchronous_path(qtbot) -> None:
    controller = LabController()
    result = controller.compute_now(parse_spec(kernel=1, mode="pointwise"))
    assert result.valid.mode == "pointwise" and controller.result is result
    controller.shutdown()
