"""Every failure inside a worker reaches the user, and closing during a benchmark is prompt."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Generator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.spec import parse_spec
from gui.controller import LabController
from gui.panels.speed import SpeedPanel
from tests.gui.conftest import BENCH_SPEC
from tests.gui.windows import lab_window

SMALL = parse_spec(cin=2, cout=3, kernel=3, input_size=5)


def _raising(error: BaseException):
    def generator(*_args: object) -> Generator[object, None, None]:
        raise error
        yield  # a generator function, like the real ones

    return generator


# superqt swallows a RuntimeError from a worker (no errored, no finished): the status stayed "computing…" forever.
@pytest.mark.parametrize("error", [RuntimeError("can't allocate memory"), MemoryError(), ValueError("odd")])
def test_a_stage_worker_that_raises_reports_and_ends(qtbot, monkeypatch, error: BaseException) -> None:
    monkeypatch.setattr("gui.controller.compute_stages", _raising(error))
    controller = LabController()
    failures: list[tuple[str, str]] = []
    controller.stageFailed.connect(lambda stage, message: failures.append((stage, message)))
    controller.set_spec(SMALL)
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    assert [stage for stage, _ in failures] == ["conv", "linear", "equality", "init"]  # none left "computing…"
    assert all(type(error).__name__ in message for _, message in failures)
    controller.shutdown()


@pytest.fixture
def speed(speed_panel: SpeedPanel) -> SpeedPanel:
    return speed_panel


@pytest.mark.parametrize("error", [RuntimeError("worker died"), MemoryError()])
def test_a_benchmark_worker_that_raises_leaves_run_usable(qtbot, monkeypatch, speed: SpeedPanel, error) -> None:
    monkeypatch.setattr("gui.panels.speed.run_bench", _raising(error))
    with qtbot.waitSignal(speed.finished, timeout=10_000):
        qtbot.mouseClick(speed.run_button, Qt.MouseButton.LeftButton)
    assert speed.run_button.isEnabled() and not speed.cancel_button.isEnabled()
    assert type(error).__name__ in speed.message.text()


def test_a_benchmark_process_killed_mid_run_marks_its_implementation_failed(qtbot, speed: SpeedPanel) -> None:
    import os
    import signal

    speed.isolation.setCurrentText("process")
    speed.min_time.setValue(1.5)
    speed.rounds.setValue(3)
    prepared: list[str] = []
    speed.start()
    assert speed.worker is not None
    speed.worker.yielded.connect(lambda progress: prepared.append(progress.message))
    qtbot.waitUntil(lambda: any("prepared" in m for m in prepared), timeout=120_000)
    victim = next(p for p in multiprocessing.active_children() if p.name == "bench-conv")
    os.kill(victim.pid, signal.SIGKILL)
    with qtbot.waitSignal(speed.finished, timeout=60_000):
        pass
    assert [r.impl for r in speed.result.records] == ["linear"]
    assert "excluded conv" in speed.message.text() and "SIGKILL" in speed.message.text()
    assert speed.run_button.isEnabled()


def _bench_children() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("bench-")]


@pytest.mark.parametrize("when", ["preparing", "measuring"])
def test_closing_the_window_during_a_benchmark_is_prompt(qtbot, tmp_path: Path, when: str) -> None:
    window = lab_window(qtbot, tmp_path / "settings.ini")
    window.show()
    window.apply_spec(BENCH_SPEC, synchronous=True)
    speed = window.panels["speed"]
    assert isinstance(speed, SpeedPanel)
    speed.set_spec(BENCH_SPEC)  # as the Speed tab does when shown
    speed.min_time.setValue(20.0)
    messages: list[str] = []
    speed.start()
    assert speed.worker is not None, speed.message.text()
    speed.worker.yielded.connect(lambda progress: messages.append(progress.message))
    if when == "preparing":
        qtbot.waitUntil(lambda: bool(_bench_children()), timeout=60_000)  # workers are importing torch
    else:
        qtbot.waitUntil(lambda: bool(messages), timeout=120_000)
    began = time.monotonic()
    window.close()
    assert time.monotonic() - began < 1.5  # was 10 s, then "Workers did not quit gracefully"
    deadline = time.monotonic() + 2
    while _bench_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _bench_children()


def test_a_half_precision_spec_lands_every_stage_from_a_child_process(qtbot) -> None:
    controller = LabController()
    landed: list[str] = []
    controller.stageReady.connect(lambda stage, _result: landed.append(stage))
    controller.set_spec(SMALL.replace(dtype="bfloat16"))
    qtbot.waitUntil(controller.is_idle, timeout=120_000)
    assert sorted(landed) == sorted(["conv", "linear", "equality", "init"]) and not controller.failures
    controller.shutdown()


def test_a_pytorch_crash_is_a_message_in_the_window_not_a_dead_app(qtbot, monkeypatch) -> None:
    from core.isolation import TorchCrashed

    def crashing(dtype: str, *_args: object) -> Generator[object, None, None]:
        raise TorchCrashed(dtype, "killed by SIGSEGV")
        yield

    monkeypatch.setattr("core.lab.iterate_isolated", crashing)
    controller = LabController()
    failures: dict[str, str] = {}
    controller.stageFailed.connect(lambda stage, message: failures.__setitem__(stage, message))
    controller.set_spec(SMALL.replace(dtype="float16"))
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    assert set(failures) == {"conv", "linear", "equality", "init"}
    assert all("PyTorch crashed (killed by SIGSEGV)" in m and "float32" in m for m in failures.values())
    controller.shutdown()
