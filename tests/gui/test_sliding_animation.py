"""The sliding window as an animated GIF: one frame per output position (or an evenly spaced maximum)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PIL import Image

from core.sliding import step_count
from core.validation import validate
from gui.main_window import MainWindow
from gui.sliding_animation import frame_positions, write_sliding_gif
from tests.gui.windows import lab_window


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = lab_window(qtbot, tmp_path / "s.ini", size=(1280, 720))
    win.show_panel("sliding")
    yield win
    win.close()


def test_frame_positions_are_all_of_them_or_an_even_sample_with_both_ends() -> None:
    assert frame_positions(5) == [0, 1, 2, 3, 4]
    sample = frame_positions(2600, max_frames=120)
    assert len(sample) == 120 and sample[0] == 0 and sample[-1] == 2599
    gaps = {b - a for a, b in pairwise(sample)}
    assert max(gaps) - min(gaps) <= 1


@pytest.mark.parametrize("preset", ["fc-4x2-as-conv-2x2", "stride2-1x1-downsample"])
def test_the_gif_has_one_frame_per_output_position(window: MainWindow, tmp_path: Path, preset: str) -> None:
    window.load_preset(preset, synchronous=True, story=False)
    panel = window.panels["sliding"]
    panel.position.setValue(1 if panel.position.maximum() else 0)
    positions = write_sliding_gif(panel, tmp_path / "slide.gif")
    expected = step_count(validate(window.presets[preset].spec))
    assert positions == list(range(expected))
    with Image.open(tmp_path / "slide.gif") as gif:
        assert gif.n_frames == expected and gif.info.get("loop") == 0
        first = gif.convert("RGB").tobytes()
        if expected > 1:
            gif.seek(1)
            assert gif.convert("RGB").tobytes() != first  # the window moved: the frames differ
    assert panel.position.value() == (1 if expected > 1 else 0)  # the panel is left where the person had it


def test_a_long_animation_is_capped_at_the_stated_maximum(window: MainWindow, tmp_path: Path) -> None:
    window.load_preset("params-3to10-k1", synchronous=True, story=False)  # 32x32 = 1,024 positions
    positions = write_sliding_gif(window.panels["sliding"], tmp_path / "long.gif", max_frames=12)
    assert len(positions) == 12 and positions[0] == 0 and positions[-1] == 1023
    with Image.open(tmp_path / "long.gif") as gif:
        assert gif.n_frames == 12
