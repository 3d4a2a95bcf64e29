"""The sliding window as an animation for slides: one frame per output position, drawn by the real panel.

Each frame is the Sliding window panel as a person sees it at that position: the input with the patch outlined,
the kernel, the output cell, the matrix row or column, and the line with the formula of that output. Specs with
more positions than :data:`MAX_FRAMES` are sampled evenly (first and last included), and the frames say so in
their positions.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from core.atomic_write import write_bytes_atomic
from gui.image_file import encode_image
from gui.panels.sliding import SlidingWindowPanel

MAX_FRAMES = 120  # a GIF of more frames is too long to watch and too large to put on a slide
FRAME_MS = 600


def frame_positions(count: int, max_frames: int = MAX_FRAMES) -> list[int]:
    """Every position when there are at most ``max_frames``, else ``max_frames`` evenly spaced ones."""
    if count <= max_frames:
        return list(range(count))
    return sorted({round(i * (count - 1) / (max_frames - 1)) for i in range(max_frames)})


def sliding_frames(
    panel: SlidingWindowPanel, max_frames: int = MAX_FRAMES, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[tuple[int, QImage]]:
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


def _pil_image(image: QImage) -> Image.Image:
    return Image.open(io.BytesIO(encode_image(image))).convert("RGB")


def gif_bytes(frames: list[QImage], frame_ms: int = FRAME_MS) -> bytes:
    """An animated GIF that loops forever, one palette per frame (adaptive, so heatmap colours stay close)."""
    if not frames:
        raise ValueError("an animation needs at least one frame")
    images = [_pil_image(frame).quantize(colors=256, method=Image.Quantize.MEDIANCUT) for frame in frames]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0)
    return out.getvalue()


def write_sliding_gif(panel: SlidingWindowPanel, path: Path, max_frames: int = MAX_FRAMES) -> list[int]:
    """Write the panel's animation to ``path`` atomically; returns the positions drawn, one per frame."""
    positions, frames = [], []
    for position, image in sliding_frames(panel, max_frames):
        positions.append(position)
        frames.append(image)
    write_bytes_atomic(path, gif_bytes(frames))
    return positions
