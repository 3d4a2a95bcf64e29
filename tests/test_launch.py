from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.launch import display_problem, no_display_message

ROOT = Path(__file__).resolve().parent.parent


def test_without_a_display_main_says_why_and_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == no_display_message()
    assert "xvfb-run python main.py" in result.stderr


def test_display_problem_trusts_an_explicit_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert display_problem() == no_display_message()
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_problem() is None


def test_screenshot_command_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "screenshot",
            "--preset",
            "fc-4x2-as-conv-2x2",
            "--panel",
            "equality",
            "--out",
            str(out),
            "--size",
            "1280x720",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_command_rejects_bad_input_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "screenshot", "--preset", "nope", "--out", str(tmp_path / "x.png")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: preset: no preset named") and len(result.stderr.splitlines()) == 1
