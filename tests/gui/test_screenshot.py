"""The screenshot renderer: each panel renders as itself, the whole window only when asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from gui.screenshot import take_screenshot


def test_each_panel_renders_its_own_image_and_window_renders_the_whole_window(qtbot, tmp_path: Path) -> None:
    shots = {}
    for panel in ("weights", "formulas", "parameters"):
        path = take_screenshot("fc-4x2-as-conv-2x2", tmp_path / f"{panel}.png", panel=panel, size=(1920, 1080))
        shots[panel] = QImage(str(path))
    whole = QImage(str(take_screenshot("fc-4x2-as-conv-2x2", tmp_path / "w.png", size=(1280, 720), whole_window=True)))
    assert (whole.width(), whole.height()) == (1280, 720)
    sizes = {panel: (image.width(), image.height()) for panel, image in shots.items()}
    assert all(width < 1920 for width, _ in sizes.values()), sizes
    assert len(set(sizes.values())) == 3, sizes  # three different widgets, not three grabs of the same one
    assert shots["formulas"] != shots["weights"] != shots["parameters"]
