"""PNG encoding off the GUI thread: the GUI thread draws a picture, this encodes it in the background.

Encoding is most of the cost of a figure (about 50 ms of 80 for a 1920×1080 heatmap); Qt releases the GIL while
it encodes, so the GUI thread draws the next figure meanwhile (it was measured to stall under 10 ms). At most
``limit`` pictures wait (each 1920×1080 picture is 8 MB until encoded): :attr:`PngEncoder.busy` says when the
drawing should wait.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from PySide6.QtGui import QImage

from gui.image_file import encode_image

LIMIT = 6


class PngEncoder:
    """``submit(image)`` starts encoding and returns a function that gives the PNG bytes (waiting for them if
    needed). Use it as a context manager: leaving stops its thread, dropping what has not started."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="png-encoder")
        self._waiting: set[Future[bytes]] = set()
        self._lock = threading.Lock()

    def submit(self, image: QImage) -> Callable[[], bytes]:
        future = self._pool.submit(encode_image, image)
        with self._lock:
            self._waiting.add(future)
        future.add_done_callback(self._done)
        return future.result

    def _done(self, future: Future[bytes]) -> None:
        with self._lock:
            self._waiting.discard(future)

    @property
    def busy(self) -> bool:
        """Whether ``limit`` pictures are waiting to be encoded."""
        with self._lock:
            return len(self._waiting) >= self.limit

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PngEncoder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
