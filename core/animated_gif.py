"""An animated GIF from PNG frames (Pillow writes GIFs; Qt only reads them). No window toolkit: the frames arrive
as PNG bytes, so the encoding can run in any thread."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

FRAME_MS = 600


def _rgb(frame: bytes) -> Image.Image:
    return Image.open(io.BytesIO(frame)).convert("RGB")


def _palette(frames: Sequence[bytes]) -> Image.Image:
    """One 256-colour palette (median cut) for the whole animation, from its first, middle and last frames side by
    side: the frames of a sliding window share their colours; only the outlines and the text move."""
    sample = [_rgb(frames[0]), _rgb(frames[len(frames) // 2]), _rgb(frames[-1])]
    canvas = Image.new("RGB", (sum(image.width for image in sample), max(image.height for image in sample)))
    left = 0
    for image in sample:
        canvas.paste(image, (left, 0))
        left += image.width
    return canvas.quantize(colors=256, method=Image.Quantize.MEDIANCUT)


def gif_from_pngs(frames: Sequence[bytes], frame_ms: int = FRAME_MS) -> bytes:
    """An animated GIF that loops forever, every frame on one shared palette, without dithering.

    With one palette Pillow stores each frame as what changed since the previous one. The 120 frames of the docs'
    Conv2d example (1115×956 px each) took 0.3 s and make 1.3 MB, where a median-cut palette per frame took 6 s
    (0.05 s a frame, three times that on a busy machine) for 15.7 MB; the mean colour error is 1.4 of 255 instead
    of 0.16, which the eye does not see.
    """
    if not frames:
        raise ValueError("an animation needs at least one frame")
    palette = _palette(frames)
    indexed = [_rgb(frame).quantize(palette=palette, dither=Image.Dither.NONE) for frame in frames]  # one at a time
    out = io.BytesIO()
    indexed[0].save(out, format="GIF", save_all=True, append_images=indexed[1:], duration=frame_ms, loop=0)
    return out.getvalue()
