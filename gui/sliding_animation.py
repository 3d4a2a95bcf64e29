"""The sliding window as an animation for slides: one frame per output position, drawn by the real panel.

Each frame is the Sliding window panel as a person sees it at that position: the input with the patch outlined,
the kernel, the output cell, the matrix row or column, and the line with the formula of that output. Specs with
more positions than :data:`MAX_FRAMES` are sampled evenly (first and last included), and the frames say so in
their positions.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from core.animated_gif import FRAME_MS, gif_from_pngs
from core.atomic_write import write_bytes_atomic
from gui.image_file import encode_image
from gui.panels.sliding import SlidingWindowPanel

MAX_FRAMES = 120  # a GIF of more frames is too long to watch and too large to put on a slide


def frame_positions(count: int, max_frames: int = MAX_FRAMES) -> list[int]:
    """Every position when there are at most ``max_frames``, else ``max_frames`` evenly spaced ones."""
    if count <= max_frames:
        return list(range(count))
    return sorted({round(i * (count - 1) / (max_frames - 1)) for i in range(max_frames)})


def sliding_frames(
    panel: SlidingWindowPanel, max_frames: int = MAX_FRAMES, cancelled: Callable[[], bool] = lambda: False
) -> Generator[tuple[int, QImage], None, None]:
    """(position, the panel's drawing there) for each frame position; the panel's position is restored after."""
    slider = panel.position
    start = slider.value()
    try:
        for position in frame_positions(slider.maximum() + 1, max_frames):
            if cancelled():
                return
            slider.setValue(position)
            QApplication.processEvents()
            yield position, panel.grab().toImage()
    finally:
        slider.setValue(start)


def gif_bytes(frames: list[QImage], frame_ms: int = FRAME_MS) -> bytes:
    """An animated GIF of ``frames`` that loops forever (:func:`core.animated_gif.gif_from_pngs`)."""
    return gif_from_pngs([encode_image(frame) for frame in frames], frame_ms)


def write_sliding_gif(panel: SlidingWindowPanel, path: Path, max_frames: int = MAX_FRAMES) -> list[int]:
    """Write the panel's animation to ``path`` atomically; returns the positions drawn, one per frame."""
    positions, frames = [], []
    for position, image in sliding_frames(panel, max_frames):
        positions.append(position)
        frames.append(image)
    write_bytes_atomic(path, gif_bytes(frames))
    return positions
